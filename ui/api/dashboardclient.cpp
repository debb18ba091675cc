#include "ui/api/dashboardclient.h"

#include "ui/api/apiclient.h"
#include "ui/api/jsonfields.h"

#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

void DashboardClient::summary(const QString &range, QObject *context,
                              Callback<DashboardSummary> done)
{
    QUrlQuery query;
    query.addQueryItem(u"range"_s, range);
    m_api.requestJson<DashboardSummary>("GET", u"/api/dashboard/summary"_s, query, nullptr, context,
                                        std::move(done), &DashboardSummary::fromJson);
}

void DashboardClient::recentActivity(QObject *context, Callback<QList<LiveEvent>> done)
{
    m_api.requestJson<QList<LiveEvent>>(
        "GET", u"/api/dashboard/recent-activity"_s, {}, nullptr, context, std::move(done),
        [](const QJsonObject &json) { return json::objects<LiveEvent>(json, u"items"_s); });
}

} // namespace vox::ui
