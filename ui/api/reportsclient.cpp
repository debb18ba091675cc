#include "ui/api/reportsclient.h"

#include "ui/api/apiclient.h"

#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

void ReportsClient::report(const QString &name, QDate from, QDate to, QObject *context,
                           Callback<QJsonObject> done)
{
    QUrlQuery query;
    query.addQueryItem(u"from"_s, from.toString(Qt::ISODate));
    query.addQueryItem(u"to"_s, to.toString(Qt::ISODate));
    m_api.requestJson<QJsonObject>("GET", u"/api/reports/"_s + name, query, nullptr, context,
                                   std::move(done), [](const QJsonObject &json) { return json; });
}

} // namespace vox::ui
