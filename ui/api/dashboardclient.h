#pragma once

#include "ui/api/apicallbacks.h"
#include "ui/api/dashboardsummary.h"
#include "ui/api/liveevent.h"

#include <QObject>

namespace vox::ui {

class ApiClient;

// The dashboard's figures and recent activity (server/routes/dashboard).
class DashboardClient final
{
    Q_DISABLE_COPY_MOVE(DashboardClient)

public:
    explicit DashboardClient(ApiClient &api)
        : m_api(api)
    {}

    void summary(const QString &range, QObject *context, Callback<DashboardSummary> done);
    void recentActivity(QObject *context, Callback<QList<LiveEvent>> done);

private:
    ApiClient &m_api;
};

} // namespace vox::ui
