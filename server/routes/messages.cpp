#include "server/routes/messages.h"

#include "server/http/jsonbody.h"
#include "server/routes/listquery.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

const QStringList methods{u"sms"_s, u"email"_s};
const QStringList statuses{u"queued"_s, u"sending"_s,   u"unknown"_s,
                           u"sent"_s,   u"delivered"_s, u"failed"_s};

const QByteArray messageJson =
    "json_build_object('id', m.id, 'contact_id', m.contact_id, 'call_id', m.call_id, "
    "'appointment_id', m.appointment_id, 'direction', m.direction, 'method', m.method, "
    "'purpose', m.purpose, 'recipient', m.recipient, 'content', m.content, 'status', m.status, "
    "'service_provider', m.service_provider, 'external_message_id', m.external_message_id, "
    "'error', m.error, 'sent_at', m.sent_at, 'created_at', m.created_at)";

Result<void> addFilters(const http::Request &request, ListQuery &q)
{
    for (const auto &[name, allowed] :
         {std::pair{u"method"_s, &methods}, std::pair{u"status"_s, &statuses}}) {
        const QString value = request.queryValue(name);
        if (value.isEmpty())
            continue;
        if (!allowed->contains(value))
            return http::status::badRequest(
                u"'%1' must be one of %2."_s.arg(name, allowed->join(u", "_s)), name);
        q.where("m." + name.toLatin1() + " = " + q.bind(value));
    }
    for (const QString &name : {u"contact_id"_s, u"call_id"_s}) {
        const QString value = request.queryValue(name);
        if (value.isEmpty())
            continue;
        if (!http::isUuid(value))
            return http::status::badRequest(u"'%1' must be an id (UUID)."_s.arg(name), name);
        q.where("m." + name.toLatin1() + " = " + q.bind(value.toLower()) + "::uuid");
    }
    if (q.cursor()) {
        q.where("(m.created_at, m.id) < (" + q.bind(q.cursor()->at) + "::timestamptz, " +
                q.bind(q.cursor()->id) + "::uuid)");
    }
    return {};
}

http::Reply list(AppContext &app, http::Context &c)
{
    auto query = ListQuery::fromRequest(c.request);
    if (!query)
        return query.error();
    ListQuery &q = query.value();
    q.where("m.org_id = " + q.bind(c.orgId()) + "::uuid");
    if (auto filtered = addFilters(c.request, q); !filtered)
        return filtered.error();
    // Newest first: a range of messages_org_created.
    const QByteArray sql = "SELECT " + messageJson +
                           ", m.created_at::text, m.id FROM messages m WHERE " + q.conditions() +
                           " ORDER BY m.created_at DESC, m.id DESC LIMIT " +
                           QByteArray::number(q.limit() + 1);
    auto page =
        app.db.transaction<QByteArray>(c.access(), [&](db::Transaction &tx) -> Result<QByteArray> {
            auto rows = tx.exec(sql, q.params());
            if (!rows)
                return rows.error();
            return q.pageJson(*rows);
        });
    if (!page)
        return page.error();
    return http::Response::rawJson(*page);
}

} // namespace

void registerMessageRoutes(http::Router &router, AppContext &app)
{
    router.get(u"/api/messages"_s, http::Auth::User,
               [&app](http::Context &c) -> http::Reply { return list(app, c); });
}

} // namespace vox::server
