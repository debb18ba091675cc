#include "server/routes/messages.h"

#include "core/twiliosignature.h"
#include "server/events/eventpublisher.h"
#include "server/http/jsonbody.h"
#include "server/routes/listquery.h"
#include "server/services/accesslog.h"
#include "server/services/inboundsms.h"
#include "server/services/messaging.h"
#include "server/services/smsstatus.h"

#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

const QStringList methods{u"sms"_s, u"email"_s};
const QStringList statuses{u"queued"_s,    u"sending"_s, u"unknown"_s, u"sent"_s,
                           u"delivered"_s, u"failed"_s,  u"received"_s};
const QStringList directions{u"inbound"_s, u"outbound"_s};

const QByteArray messageJson =
    "json_build_object('id', m.id, 'contact_id', m.contact_id, 'call_id', m.call_id, "
    "'appointment_id', m.appointment_id, 'direction', m.direction, 'method', m.method, "
    "'purpose', m.purpose, 'recipient', m.recipient, 'content', m.content, 'status', m.status, "
    "'service_provider', m.service_provider, 'external_message_id', m.external_message_id, "
    "'error', m.error, 'sender', m.sender, 'reply_kind', m.reply_kind, 'read_at', m.read_at, "
    "'unread', m.direction = 'inbound' AND m.read_at IS NULL, 'sent_at', m.sent_at, "
    "'created_at', m.created_at)";

} // namespace

Result<void> addMessageFilters(const http::Request &request, ListQuery &q)
{
    if (auto period = q.wherePeriod(request, "m.created_at"); !period)
        return period;
    for (const auto &[name, allowed] :
         {std::pair{u"method"_s, &methods}, std::pair{u"status"_s, &statuses},
          std::pair{u"direction"_s, &directions}}) {
        const QString value = request.queryValue(name);
        if (value.isEmpty())
            continue;
        if (!allowed->contains(value))
            return http::status::badRequest(
                u"'%1' must be one of %2."_s.arg(name, allowed->join(u", "_s)), name);
        q.where("m." + name.toLatin1() + " = " + q.bind(value));
    }
    if (const QString unread = request.queryValue(u"unread"_s); !unread.isEmpty()) {
        if (unread != u"true" && unread != u"false")
            return http::status::badRequest(u"'unread' must be true or false."_s, u"unread"_s);
        q.where(unread == u"true" ? "m.direction = 'inbound' AND m.read_at IS NULL"
                                  : "NOT (m.direction = 'inbound' AND m.read_at IS NULL)");
    }
    for (const QString &name : {u"contact_id"_s, u"call_id"_s}) {
        const QString value = request.queryValue(name);
        if (value.isEmpty())
            continue;
        if (!http::isUuid(value))
            return http::status::badRequest(u"'%1' must be an id (UUID)."_s.arg(name), name);
        q.where("m." + name.toLatin1() + " = " + q.bind(value.toLower()) + "::uuid");
    }
    return {};
}

namespace {

http::Reply list(AppContext &app, http::Context &c)
{
    auto query = ListQuery::fromRequest(c.request);
    if (!query)
        return query.error();
    ListQuery &q = query.value();
    q.where("m.org_id = " + q.bind(c.orgId()) + "::uuid");
    if (auto filtered = addMessageFilters(c.request, q); !filtered)
        return filtered.error();
    if (q.cursor()) {
        q.where("(m.created_at, m.id) < (" + q.bind(q.cursor()->at) + "::timestamptz, " +
                q.bind(q.cursor()->id) + "::uuid)");
    }
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
            // Patients' own texts: reading the inbox is an access to their content.
            if (c.request.queryValue(u"direction"_s) == u"inbound") {
                accesslog::Entry entry = accesslog::byUser(
                    c.user(), c.request.remoteAddress, accesslog::action::inboxRead, u"inbox"_s);
                entry.contactId = c.request.queryValue(u"contact_id"_s).toLower();
                entry.details = {{u"rows"_s, std::max(0, std::min(rows->rowCount(), q.limit()))}};
                if (auto logged = accesslog::record(tx, entry); !logged)
                    return logged.error();
            }
            return q.pageJson(*rows);
        });
    if (!page)
        return page.error();
    return http::Response::rawJson(*page);
}

// Marks a patient's text read (or unread again): the inbox's "mark done".
http::Reply markRead(AppContext &app, http::Context &c)
{
    auto id = http::uuidParam(c.request, u"id"_s);
    if (!id)
        return id.error();
    auto body = http::JsonBody::parse(c.request);
    if (!body)
        return body.error();
    auto read = body->optionalBool(u"read"_s);
    if (!read)
        return read.error();
    const bool markRead = read->value_or(true);
    auto done =
        app.db.transaction<QByteArray>(c.access(), [&](db::Transaction &tx) -> Result<QByteArray> {
            auto row = tx.exec("UPDATE messages m SET read_at = CASE WHEN $3 THEN coalesce("
                               "m.read_at, now()) END WHERE m.id = $1::uuid AND m.org_id = "
                               "$2::uuid AND m.direction = 'inbound' RETURNING " +
                                   messageJson,
                               {*id, c.orgId(), markRead});
            if (!row)
                return row.error();
            if (row->isEmpty())
                return http::status::notFound(u"No such message from a patient."_s);
            auto published = events::publish(tx, c.orgId(), u"message.updated"_s, u"message"_s, *id,
                                             {{u"read"_s, markRead}});
            if (!published)
                return published.error();
            return row->text(0, 0).toUtf8();
        });
    if (!done)
        return done.error();
    return http::Response::rawJson(*done);
}

// The inbox: one conversation per patient who has texted the clinic (or been texted back after a
// missed call), newest activity first, with its unread count, and the clinic's unread total (the
// navigation's badge). Paged by (last activity, contact id), both descending, so a page never
// repeats or skips a conversation while new texts arrive: a thread that moves up is on page one.
http::Reply conversations(AppContext &app, http::Context &c)
{
    auto query = ListQuery::fromRequest(c.request);
    if (!query)
        return query.error();
    ListQuery &q = query.value();
    const QByteArray org = q.bind(c.orgId());
    QByteArray after = "true";
    if (q.cursor())
        after = "(t.last_at, t.contact_id) < (" + q.bind(q.cursor()->at) + "::timestamptz, " +
                q.bind(q.cursor()->id) + "::uuid)";
    const QByteArray sql =
        "WITH threads AS (SELECT contact_id, max(created_at) AS last_at, count(*) FILTER "
        "(WHERE direction = 'inbound' AND read_at IS NULL) AS unread FROM messages WHERE "
        "org_id = " +
        org +
        "::uuid AND method = 'sms' AND contact_id IS NOT NULL GROUP BY "
        "contact_id HAVING count(*) FILTER (WHERE direction = 'inbound' OR purpose = "
        "'missed_call_textback') > 0) "
        "SELECT json_build_object('contact_id', c.id, 'name', c.name, 'phone', c.phone, "
        "'unread', t.unread, 'last_at', t.last_at, 'last_content', l.content, "
        "'last_direction', l.direction, 'last_status', l.status, 'opted_out', EXISTS (SELECT 1 "
        "FROM sms_opt_outs o WHERE o.org_id = c.org_id AND o.phone = c.phone)), "
        "t.last_at::text, t.contact_id FROM threads t JOIN contacts c ON c.id = t.contact_id "
        "AND c.org_id = " +
        org +
        "::uuid CROSS JOIN LATERAL (SELECT content, direction, status "
        "FROM messages m WHERE m.org_id = " +
        org +
        "::uuid AND m.contact_id = t.contact_id AND "
        "m.method = 'sms' ORDER BY m.created_at DESC, m.id DESC LIMIT 1) l WHERE " +
        after + " ORDER BY t.last_at DESC, t.contact_id DESC LIMIT " +
        QByteArray::number(q.limit() + 1);
    auto page =
        app.db.transaction<QByteArray>(c.access(), [&](db::Transaction &tx) -> Result<QByteArray> {
            auto rows = tx.exec(sql, q.params());
            if (!rows)
                return rows.error();
            auto unread = tx.exec("SELECT count(*) FROM messages WHERE org_id = $1::uuid AND "
                                  "direction = 'inbound' AND read_at IS NULL",
                                  {c.orgId()});
            if (!unread)
                return unread.error();
            QByteArray out = q.pageJson(*rows);
            out.chop(1); // the closing brace: the unread total joins the page's object
            out += ",\"unread\":" + unread->text(0, 0).toLatin1() + '}';
            return out;
        });
    if (!page)
        return page.error();
    return http::Response::rawJson(*page);
}

// "Mark done": every text of the patient's conversation read.
http::Reply conversationRead(AppContext &app, http::Context &c)
{
    auto id = http::uuidParam(c.request, u"id"_s);
    if (!id)
        return id.error();
    auto done = app.db.transaction<int>(c.access(), [&](db::Transaction &tx) -> Result<int> {
        auto contact = tx.exec("SELECT 1 FROM contacts WHERE id = $1::uuid AND org_id = $2::uuid",
                               {*id, c.orgId()});
        if (!contact)
            return contact.error();
        if (contact->isEmpty())
            return http::status::notFound(u"No such patient."_s);
        auto marked = tx.exec("UPDATE messages SET read_at = now() WHERE org_id = $2::uuid AND "
                              "contact_id = $1::uuid AND direction = 'inbound' AND read_at IS "
                              "NULL RETURNING id",
                              {*id, c.orgId()});
        if (!marked)
            return marked.error();
        if (marked->rowCount() > 0) {
            if (auto e = events::publish(tx, c.orgId(), u"message.updated"_s, u"contact"_s, *id,
                                         {{u"read"_s, true}, {u"contact_id"_s, *id}});
                !e)
                return e.error();
        }
        return marked->rowCount();
    });
    if (!done)
        return done.error();
    return http::Response::json(QJsonObject{{u"marked_read"_s, *done}});
}

// Names the replies of one request: the same request_id twice (a double click, a retried
// request) is one text, never two.
const QUuid replyNamespace(u"2b7d4c1e-8f3a-4d6b-9c2e-5a1f0e7d3b94"_s);

// A reply from the inbox: the one send path (opt-out, do-not-text, once only), then the
// conversation is read.
http::Reply reply(AppContext &app, http::Context &c)
{
    auto id = http::uuidParam(c.request, u"id"_s);
    if (!id)
        return id.error();
    auto body = http::JsonBody::parse(c.request);
    if (!body)
        return body.error();
    auto text = body->requiredString(u"message"_s, 1600);
    if (!text)
        return text.error();
    if (text->trimmed().isEmpty())
        return http::status::badRequest(u"Write a message first."_s, u"message"_s);
    auto requestId = body->optionalString(u"request_id"_s, 100);
    if (!requestId)
        return requestId.error();
    auto phone =
        app.db.transaction<QString>(c.access(), [&](db::Transaction &tx) -> Result<QString> {
            auto row = tx.exec("SELECT coalesce(phone, '') FROM contacts WHERE id = $1::uuid AND "
                               "org_id = $2::uuid",
                               {*id, c.orgId()});
            if (!row)
                return row.error();
            if (row->isEmpty())
                return http::status::notFound(u"No such patient."_s);
            return row->text(0, 0);
        });
    if (!phone)
        return phone.error();
    if (phone->isEmpty())
        return http::status::badRequest(u"This patient has no phone number to text."_s);
    Messaging::Outgoing to;
    to.orgId = c.orgId();
    to.recipient = *phone;
    to.purpose = u"reply"_s;
    to.contactId = *id;
    to.sentBy = c.user().userId;
    const QString messageId =
        requestId->has_value() && !(*requestId)->isEmpty()
            ? QUuid::createUuidV5(replyNamespace, c.orgId() + u':' + **requestId)
                  .toString(QUuid::WithoutBraces)
            : QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto delivery = Messaging(app).sendSms(c.access(), to, *text, messageId);
    if (!delivery)
        return delivery.error();
    if (!delivery->sent && !delivery->unknown) {
        if (!delivery->refusal.isEmpty())
            return http::status::unprocessable(u"Twilio refused the SMS: "_s + delivery->refusal);
        return http::status::badGateway(u"The SMS could not be sent. Please try again later."_s);
    }
    auto read = app.db.transaction<bool>(c.access(), [&](db::Transaction &tx) -> Result<bool> {
        auto marked = tx.exec("UPDATE messages SET read_at = now() WHERE org_id = $2::uuid AND "
                              "contact_id = $1::uuid AND direction = 'inbound' AND read_at IS "
                              "NULL",
                              {*id, c.orgId()});
        if (!marked)
            return marked.error();
        return true;
    });
    if (!read)
        return read.error();
    QJsonObject answer{{u"id"_s, delivery->messageId},
                       {u"status"_s, delivery->unknown ? u"unknown"_s : u"sent"_s}};
    if (delivery->unknown)
        answer.insert(u"notice"_s, u"Twilio did not confirm the text. It may have reached the "
                                   "patient: do not send it again."_s);
    return http::Response::json(answer, 201);
}

} // namespace

void registerMessageRoutes(http::Router &router, AppContext &app)
{
    router.get(u"/api/messages"_s, http::Auth::User,
               [&app](http::Context &c) -> http::Reply { return list(app, c); });
    router.post(u"/api/messages/:id/read"_s, http::Auth::User,
                [&app](http::Context &c) -> http::Reply { return markRead(app, c); });
    router.get(u"/api/messages/conversations"_s, http::Auth::User,
               [&app](http::Context &c) -> http::Reply { return conversations(app, c); });
    router.post(u"/api/messages/conversations/:id/read"_s, http::Auth::User,
                [&app](http::Context &c) -> http::Reply { return conversationRead(app, c); });
    router.post(u"/api/messages/conversations/:id/reply"_s, http::Auth::User,
                [&app](http::Context &c) -> http::Reply { return reply(app, c); });

    // Twilio's incoming-message webhook: proven by X-Twilio-Signature over the public URL, not
    // by a user. Answered in TwiML, which carries the one reply to the patient.
    auto inbound = std::make_shared<InboundSms>(app);
    router.post(InboundSms::path, http::Auth::Public, [inbound](http::Context &c) -> http::Reply {
        auto answer =
            inbound->receive(inbound->webhookUrl(), c.request.header("x-twilio-signature"),
                             twilio::formParameters(c.request.body));
        if (!answer)
            return answer.error();
        http::Response response;
        response.contentType = "text/xml; charset=utf-8";
        response.body = twimlReply(answer->reply);
        return response;
    });

    // Twilio's status callbacks for the texts we sent: signed like the webhook above, over the
    // callback URL that names the message.
    auto status = std::make_shared<SmsStatus>(app);
    router.post(SmsStatus::path, http::Auth::Public, [status](http::Context &c) -> http::Reply {
        auto moved = status->receive(c.request.queryValue(u"message"_s),
                                     c.request.header("x-twilio-signature"),
                                     twilio::formParameters(c.request.body));
        if (!moved)
            return moved.error();
        http::Response response;
        response.status = 204;
        return response;
    });
}

} // namespace vox::server
