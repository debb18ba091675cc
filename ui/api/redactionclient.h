#pragma once

#include "ui/api/apicallbacks.h"

#include <QJsonObject>
#include <QObject>

namespace vox::ui {

class ApiClient;

// Which kinds of patient data the clinic's stored text loses (GET/PUT /api/settings/redaction,
// docs/api.md "Redaction"). Holds only a reference: cheap to make where it is needed.
class RedactionClient final
{
    Q_DISABLE_COPY_MOVE(RedactionClient)

public:
    explicit RedactionClient(ApiClient &api)
        : m_api(api)
    {}

    // {redact_pii, categories, available, defaults}
    void get(QObject *context, Callback<QJsonObject> done);
    void update(const QJsonObject &changes, QObject *context, Callback<QJsonObject> done);

private:
    ApiClient &m_api;
};

} // namespace vox::ui
