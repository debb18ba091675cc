#include "server/routes/calls.h"

#include "server/http/jsonbody.h"
#include "server/routes/listquery.h"
#include "server/services/accesslog.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

const QStringList directions{u"inbound"_s, u"outbound"_s};
const QStringList callStatuses{u"pending"_s,     u"initiated"_s,  u"queued"_s, u"ringing"_s,
                               u"in-progress"_s, u"forwarding"_s, u"ended"_s,  u"failed"_s};
const QStringList sentiments{u"positive"_s, u"neutral"_s, u"negative"_s};

// Vapi's transcript messages, in whichever spelling the webhook stored them ("bot" or
// "assistant", secondsFromStart or seconds_from_start), as docs/api.md promises them.
const QByteArray messagesJson =
    "(SELECT coalesce(jsonb_agg(jsonb_build_object("
    "'role', CASE m->>'role' WHEN 'bot' THEN 'assistant' ELSE m->>'role' END, "
    "'message', coalesce(m->>'message', m->>'content'), 'time', m->'time', "
    "'seconds_from_start', coalesce(m->'seconds_from_start', m->'secondsFromStart')) "
    "ORDER BY n), '[]'::jsonb) FROM jsonb_array_elements(CASE WHEN "
    "jsonb_typeof(c.messages) = 'array' THEN c.messages ELSE '[]'::jsonb END) "
    "WITH ORDINALITY AS t(m, n))";

const QByteArray detailExtrasJson =
    "jsonb_build_object('transcript', c.transcript, 'messages', " + messagesJson +
    ", "
    // No recording addresses: the console plays a recording through the server
    // (GET /api/calls-dashboard/:id/recording), which logs the listening.
    "'transfer_time', c.transfer_time, 'transfer_reason', c.transfer_reason, "
    "'ended_reason', c.ended_reason, 'matched_services', c.matched_services, "
    // The words the matched services are recognised by (their names and keywords), so the
    // console can mark in the transcript what the call's value came from.
    "'matched_terms', (SELECT coalesce(jsonb_agg(DISTINCT t.term), '[]'::jsonb) FROM services s, "
    "  unnest(s.name || s.keywords) AS t(term) "
    "  WHERE s.org_id = c.org_id AND s.name = ANY(c.matched_services)), "
    "'lead_score', c.lead_score, 'success_evaluation', c.success_evaluation, "
    "'from_number', c.from_number, 'to_number', c.to_number, "
    "'analytics', jsonb_build_object('sentiment_score', c.sentiment_score, "
    "'sentiment_label', c.sentiment_label, 'sentiment_urgency', c.sentiment_urgency, "
    "'summary', c.summary, 'booking_confirmed', c.booking_confirmed, "
    "'appointment_id', c.appointment_id, "
    "'financial_value', round(c.financial_value_cents / 100.0, 2), "
    "'financial_value_cents', c.financial_value_cents, 'matched_services', c.matched_services, "
    "'lead_score', c.lead_score, 'success_evaluation', c.success_evaluation, "
    "'report_received_at', c.report_received_at))";

// Words of a search as a prefix query over search_vector ("jan smi" -> "jan:* & smi:*"): only
// letters and digits pass, so user text can never be tsquery syntax.
QString prefixQuery(const QString &search)
{
    static const QRegularExpression separators(u"[^\\p{L}\\p{N}]+"_s);
    QStringList terms;
    for (const QString &word : search.toLower().split(separators, Qt::SkipEmptyParts)) {
        if (terms.size() == 8)
            break;
        terms.append(word + u":*"_s);
    }
    return terms.join(u" & "_s);
}

} // namespace

Result<void> addCallFilters(const http::Request &request, ListQuery &q)
{
    if (auto period = q.wherePeriod(request, "c.occurred_at"); !period)
        return period;
    struct Choice
    {
        QString name;
        const QStringList &allowed;
        const char *column;
    };
    for (const Choice &choice : {Choice{u"direction"_s, directions, "c.direction"},
                                 Choice{u"status"_s, callStatuses, "c.status"},
                                 Choice{u"sentiment"_s, sentiments, "c.sentiment_label"}}) {
        const QString value = request.queryValue(choice.name);
        if (value.isEmpty())
            continue;
        if (!choice.allowed.contains(value))
            return http::status::badRequest(
                u"'%1' must be one of %2."_s.arg(choice.name, choice.allowed.join(u", "_s)),
                choice.name);
        q.where(QByteArray(choice.column) + " = " + q.bind(value));
    }
    const QString recording = request.queryValue(u"has_recording"_s);
    if (recording == u"true")
        q.where("c.has_recording");
    else if (recording == u"false")
        q.where("NOT c.has_recording");
    else if (!recording.isEmpty())
        return http::status::badRequest(u"'has_recording' must be true or false."_s,
                                        u"has_recording"_s);

    // Call review: reviewed or not yet, and the calls given a tag.
    const QString reviewed = request.queryValue(u"reviewed"_s);
    if (reviewed == u"true")
        q.where("EXISTS (SELECT 1 FROM call_reviews r WHERE r.call_id = c.id)");
    else if (reviewed == u"false")
        q.where("NOT EXISTS (SELECT 1 FROM call_reviews r WHERE r.call_id = c.id)");
    else if (!reviewed.isEmpty())
        return http::status::badRequest(u"'reviewed' must be true or false."_s, u"reviewed"_s);
    const QString tag = request.queryValue(u"tag"_s).trimmed();
    if (tag.size() > 40)
        return http::status::badRequest(u"'tag' must be at most 40 characters."_s, u"tag"_s);
    if (!tag.isEmpty()) {
        q.where("EXISTS (SELECT 1 FROM call_reviews r WHERE r.call_id = c.id AND r.tags @> "
                "ARRAY[" +
                q.bind(tag) + "::text])");
    }

    const QString search = request.queryValue(u"search"_s).trimmed();
    if (search.size() > 100)
        return http::status::badRequest(u"'search' must be at most 100 characters."_s, u"search"_s);
    if (!search.isEmpty()) {
        QByteArrayList any;
        const QString words = prefixQuery(search);
        if (!words.isEmpty())
            any.append("c.search_vector @@ to_tsquery('simple', " + q.bind(words) + ')');
        const QString digits = digitsOf(search);
        if (digits.size() >= 3)
            any.append("c.phone_number LIKE " + q.bind(likePattern(digits)));
        if (any.isEmpty())
            q.where("false"); // nothing searchable in the text: nothing matches
        else
            q.where('(' + any.join(" OR ") + ')');
    }
    return {};
}

namespace {

http::Reply list(AppContext &app, http::Context &c)
{
    auto statement = callListStatement(c.request, c.orgId());
    if (!statement)
        return statement.error();
    const CallListStatement &st = *statement;
    auto page =
        app.db.transaction<QByteArray>(c.access(), [&](db::Transaction &tx) -> Result<QByteArray> {
            auto rows = tx.exec(st.sql, st.query.params());
            if (!rows)
                return rows.error();
            return st.query.pageJson(*rows);
        });
    if (!page)
        return page.error();
    return http::Response::rawJson(*page);
}

http::Reply detail(AppContext &app, http::Context &c)
{
    auto id = http::uuidParam(c.request, u"id"_s);
    if (!id)
        return id.error();
    auto body =
        app.db.transaction<QByteArray>(c.access(), [&](db::Transaction &tx) -> Result<QByteArray> {
            auto row = tx.exec("SELECT " + callListItemSql() + "::jsonb || " + detailExtrasJson +
                                   " FROM " + callListFromSql() +
                                   " WHERE c.org_id = $1::uuid AND c.id = $2::uuid",
                               {c.orgId(), *id});
            if (!row)
                return row.error();
            if (row->isEmpty())
                return http::status::notFound(u"There is no such call."_s);
            // The detail carries the transcript: an access to the patient's content.
            auto logged = accesslog::record(tx, accesslog::byUser(c.user(), c.request.remoteAddress,
                                                                  accesslog::action::callViewed,
                                                                  u"call"_s, *id));
            if (!logged)
                return logged.error();
            return row->raw(0, 0);
        });
    if (!body)
        return body.error();
    return http::Response::rawJson(*body);
}

} // namespace

QByteArray callListItemSql()
{
    return "json_build_object('id', c.id, 'vapi_call_id', c.vapi_call_id, "
           "'occurred_at', c.occurred_at, 'started_at', c.started_at, 'ended_at', c.ended_at, "
           "'duration_seconds', c.duration_seconds, 'direction', c.direction, "
           "'call_type', c.direction, 'status', c.status, 'phone_number', c.phone_number, "
           "'caller_name', c.caller_name, 'contact_id', c.contact_id, 'contact_name', ct.name, "
           "'sentiment_label', c.sentiment_label, 'sentiment_score', c.sentiment_score, "
           "'sentiment_urgency', c.sentiment_urgency, 'booking_confirmed', c.booking_confirmed, "
           "'financial_value', round(c.financial_value_cents / 100.0, 2), "
           "'financial_value_cents', c.financial_value_cents, "
           "'recording_status', c.recording_status, 'has_recording', c.has_recording, "
           "'has_transcript', c.has_transcript, 'summary', c.summary, "
           "'transfer_to', c.transfer_to)";
}

Result<CallListStatement> callListStatement(const http::Request &request, const QString &orgId)
{
    auto query = ListQuery::fromRequest(request);
    if (!query)
        return query.error();
    ListQuery &q = query.value();
    q.where("c.org_id = " + q.bind(orgId) + "::uuid");
    if (auto filtered = addCallFilters(request, q); !filtered)
        return filtered.error();
    if (q.cursor()) {
        q.where("(c.occurred_at, c.id) < (" + q.bind(q.cursor()->at) + "::timestamptz, " +
                q.bind(q.cursor()->id) + "::uuid)");
    }
    // Newest first, the id breaking ties: an index range of call_logs_org_time.
    QByteArray sql = "SELECT " + callListItemSql() + ", c.occurred_at::text, c.id FROM " +
                     callListFromSql() + " WHERE " + q.conditions() +
                     " ORDER BY c.occurred_at DESC, c.id DESC LIMIT " +
                     QByteArray::number(q.limit() + 1);
    return CallListStatement{std::move(q), std::move(sql)};
}

QByteArray callListFromSql()
{
    return "call_logs c LEFT JOIN contacts ct ON ct.id = c.contact_id AND ct.org_id = c.org_id";
}

void registerCallRoutes(http::Router &router, AppContext &app)
{
    router.get(u"/api/calls-dashboard"_s, http::Auth::User,
               [&app](http::Context &c) -> http::Reply { return list(app, c); });
    router.get(u"/api/calls-dashboard/:id"_s, http::Auth::User,
               [&app](http::Context &c) -> http::Reply { return detail(app, c); });
}

} // namespace vox::server
