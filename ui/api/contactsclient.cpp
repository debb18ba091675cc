#include "ui/api/contactsclient.h"

#include "ui/api/apiclient.h"

#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

void ContactsClient::stats(QObject *context, Callback<LeadStats> done)
{
    m_api.requestJson<LeadStats>("GET", u"/api/contacts/stats"_s, {}, nullptr, context,
                                 std::move(done), &LeadStats::fromJson);
}

void ContactsClient::list(const ContactQuery &query, const QString &cursor, int limit,
                          QObject *context, Callback<ListPage<ContactRecord>> done)
{
    QUrlQuery q = query.toUrlQuery();
    q.addQueryItem(u"limit"_s, QString::number(qBound(1, limit, 200)));
    if (!cursor.isEmpty())
        q.addQueryItem(u"cursor"_s, cursor);
    m_api.requestJson<ListPage<ContactRecord>>("GET", u"/api/contacts"_s, q, nullptr, context,
                                               std::move(done), &ListPage<ContactRecord>::fromJson);
}

void ContactsClient::get(const QString &id, QObject *context, Callback<ContactDetail> done)
{
    m_api.requestJson<ContactDetail>("GET", u"/api/contacts/"_s + id, {}, nullptr, context,
                                     std::move(done), &ContactDetail::fromJson);
}

void ContactsClient::update(const QString &id, const QJsonObject &changes, QObject *context,
                            Callback<ContactDetail> done)
{
    m_api.requestJson<ContactDetail>("PATCH", u"/api/contacts/"_s + id, {}, &changes, context,
                                     std::move(done), &ContactDetail::fromJson);
}

void ContactsClient::callBack(const QString &contactId, QObject *context,
                              Callback<CallBackStarted> done)
{
    const QJsonObject body;
    m_api.requestJson<CallBackStarted>("POST", u"/api/contacts/%1/call-back"_s.arg(contactId), {},
                                       &body, context, std::move(done),
                                       [](const QJsonObject &json) {
                                           CallBackStarted started;
                                           started.callId = json.value(u"callId"_s).toString();
                                           started.phone = json.value(u"phone"_s).toString();
                                           started.status = json.value(u"status"_s).toString();
                                           return started;
                                       });
}

} // namespace vox::ui
