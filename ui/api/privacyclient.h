#pragma once

#include "ui/api/apicallbacks.h"

#include <QJsonObject>
#include <QObject>

namespace vox::ui {

class ApiClient;

// Retention windows, legal hold and patients' data requests (server/routes/privacy, docs/api.md
// "Privacy"). Holds only a reference: cheap to make where it is needed.
class PrivacyClient final
{
    Q_DISABLE_COPY_MOVE(PrivacyClient)

public:
    explicit PrivacyClient(ApiClient &api)
        : m_api(api)
    {}

    void get(QObject *context, Callback<QJsonObject> done);
    void update(const QJsonObject &changes, QObject *context, Callback<QJsonObject> done);
    void setLegalHold(const QString &contactId, bool hold, QObject *context,
                      Callback<QJsonObject> done);
    // {file_name, data, report}
    void exportPatient(const QString &contactId, QObject *context, Callback<QJsonObject> done);
    // {erasure_id, removed}
    void erasePatient(const QString &contactId, QObject *context, Callback<QJsonObject> done);

private:
    ApiClient &m_api;
};

} // namespace vox::ui
