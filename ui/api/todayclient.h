#pragma once

#include "ui/api/apicallbacks.h"
#include "ui/api/todayentry.h"

#include <QJsonObject>
#include <QObject>

namespace vox::ui {

class ApiClient;

// The front desk's Today queue (server/routes/today).
class TodayClient final
{
    Q_DISABLE_COPY_MOVE(TodayClient)

public:
    explicit TodayClient(ApiClient &api)
        : m_api(api)
    {}

    void list(QObject *context, Callback<TodayList> done);
    // PATCH with only what changes: state (open, called, done, booked), owner_id, note.
    void update(const QString &id, const QJsonObject &changes, QObject *context,
                Callback<QJsonObject> done);

private:
    ApiClient &m_api;
};

} // namespace vox::ui
