#include "ui/api/accesslogclient.h"

#include "ui/api/apiclient.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

AccessLogEntry AccessLogEntry::fromJson(const QJsonObject &json)
{
    AccessLogEntry e;
    e.id = json.value(u"id"_s).toString();
    e.occurredAt =
        QDateTime::fromString(json.value(u"occurred_at"_s).toString(), Qt::ISODateWithMs);
    e.userId = json.value(u"user_id"_s).toString();
    e.userName = json.value(u"user_name"_s).toString();
    e.action = json.value(u"action"_s).toString();
    e.entityType = json.value(u"entity_type"_s).toString();
    e.entityId = json.value(u"entity_id"_s).toString();
    e.contactId = json.value(u"contact_id"_s).toString();
    e.contactName = json.value(u"contact_name"_s).toString();
    e.clientAddress = json.value(u"client_address"_s).toString();
    e.result = json.value(u"result"_s).toString();
    return e;
}

QUrlQuery AccessLogQuery::toUrlQuery() const
{
    QUrlQuery q;
    if (!userId.isEmpty())
        q.addQueryItem(u"user_id"_s, userId);
    if (!patient.trimmed().isEmpty())
        q.addQueryItem(u"patient"_s, patient.trimmed());
    if (!action.isEmpty())
        q.addQueryItem(u"action"_s, action);
    if (from.isValid())
        q.addQueryItem(u"from"_s, from.toString(Qt::ISODate));
    if (to.isValid())
        q.addQueryItem(u"to"_s, to.toString(Qt::ISODate));
    return q;
}

void AccessLogClient::list(const AccessLogQuery &query, const QString &cursor, QObject *context,
                           Callback<ListPage<AccessLogEntry>> done)
{
    QUrlQuery q = query.toUrlQuery();
    q.addQueryItem(u"limit"_s, u"50"_s);
    if (!cursor.isEmpty())
        q.addQueryItem(u"cursor"_s, cursor);
    m_api.requestJson<ListPage<AccessLogEntry>>("GET", u"/api/access-log"_s, q, nullptr, context,
                                                std::move(done),
                                                &ListPage<AccessLogEntry>::fromJson);
}

} // namespace vox::ui
