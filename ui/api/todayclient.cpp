#include "ui/api/todayclient.h"

#include "ui/api/apiclient.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

void TodayClient::list(QObject *context, Callback<TodayList> done)
{
    m_api.requestJson<TodayList>("GET", u"/api/today"_s, {}, nullptr, context, std::move(done),
                                 &TodayList::fromJson);
}

void TodayClient::update(const QString &id, const QJsonObject &changes, QObject *context,
                         Callback<QJsonObject> done)
{
    m_api.requestJson<QJsonObject>("PATCH", u"/api/today/"_s + id, {}, &changes, context,
                                   std::move(done), [](const QJsonObject &json) { return json; });
}

} // namespace vox::ui
