#include "server/routes/reports.h"

#include "core/reportrange.h"

#include "server/http/jsonbody.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

// Every report reads the calls of one org between the local midnights that start `from` ($2) and
// end `to` ($3); each one is a single statement answering one JSON object for one period.
#define REPORT_CALLS                                                                               \
    "WITH span AS ("                                                                               \
    "    SELECT s.time_zone AS tz, $2::date AS first_day, $3::date AS last_day,"                   \
    "           ($2::date::timestamp AT TIME ZONE s.time_zone) AS from_at,"                        \
    "           (($3::date + 1)::timestamp AT TIME ZONE s.time_zone) AS to_at"                     \
    "    FROM org_settings s WHERE s.org_id = $1::uuid"                                            \
    "), days AS ("                                                                                 \
    "    SELECT g::date AS day FROM span,"                                                         \
    "           generate_series(span.first_day::timestamp, span.last_day::timestamp,"              \
    "                           interval '1 day') g"                                               \
    "), calls AS ("                                                                                \
    "    SELECT c.id, c.direction, c.status, c.duration_seconds, c.booking_confirmed,"             \
    "           c.appointment_id, c.contact_id, c.financial_value_cents, c.matched_services,"      \
    "           c.sentiment_score, c.sentiment_label, c.success_evaluation, c.transfer_reason,"    \
    "           (c.occurred_at AT TIME ZONE span.tz) AS local_at,"                                 \
    "           (c.occurred_at AT TIME ZONE span.tz)::date AS day,"                                \
    "           (c.transfer_to IS NOT NULL OR c.transfer_reason IS NOT NULL"                       \
    "            OR c.transfer_time IS NOT NULL OR c.status = 'forwarding') AS transferred"        \
    "    FROM call_logs c, span"                                                                   \
    "    WHERE c.org_id = $1::uuid AND c.occurred_at >= span.from_at"                              \
    "      AND c.occurred_at < span.to_at"                                                         \
    "), handled AS ("                                                                              \
    "    SELECT calls.*, CASE WHEN direction <> 'inbound' THEN NULL"                               \
    "        WHEN transferred THEN 'transferred'"                                                  \
    "        WHEN status = 'failed' OR (status = 'ended' AND coalesce(duration_seconds, 0) = 0)"   \
    "            THEN 'missed'"                                                                    \
    "        WHEN status = 'ended' THEN 'ai_answered'"                                             \
    "        ELSE 'in_progress' END AS handling"                                                   \
    "    FROM calls"                                                                               \
    ")"

const QByteArray volumeSql = REPORT_CALLS R"SQL(
, hours AS (
    SELECT w, h, coalesce(x.n, 0) AS calls,
           EXISTS (SELECT 1 FROM business_hours b WHERE b.org_id = $1::uuid AND b.weekday = w
                   AND b.opens_at < make_time(h, 59, 59.999) AND b.closes_at > make_time(h, 0, 0))
               AS open
    FROM generate_series(1, 7) w CROSS JOIN generate_series(0, 23) h
    LEFT JOIN (SELECT extract(isodow FROM local_at)::int AS w, extract(hour FROM local_at)::int AS h,
                      count(*) AS n
               FROM handled WHERE direction = 'inbound' GROUP BY 1, 2) x USING (w, h)
)
SELECT json_build_object(
    'from', span.first_day, 'to', span.last_day,
    'calls', (SELECT count(*) FROM handled),
    'inbound', (SELECT count(*) FROM handled WHERE direction = 'inbound'),
    'outbound', (SELECT count(*) FROM handled WHERE direction = 'outbound'),
    'ai_answered', (SELECT count(*) FROM handled WHERE handling = 'ai_answered'),
    'transferred', (SELECT count(*) FROM handled WHERE handling = 'transferred'),
    'missed', (SELECT count(*) FROM handled WHERE handling = 'missed'),
    'in_progress', (SELECT count(*) FROM handled WHERE handling = 'in_progress'),
    'inbound_while_closed', (
        SELECT count(*) FROM handled k WHERE k.direction = 'inbound' AND NOT EXISTS (
            SELECT 1 FROM business_hours b WHERE b.org_id = $1::uuid
            AND b.weekday = extract(isodow FROM k.local_at)
            AND k.local_at::time >= b.opens_at AND k.local_at::time < b.closes_at)),
    'per_day', (
        SELECT json_agg(json_build_object(
                   'date', d.day, 'calls', coalesce(x.calls, 0), 'inbound', coalesce(x.inbound, 0),
                   'ai_answered', coalesce(x.ai, 0), 'transferred', coalesce(x.transferred, 0),
                   'missed', coalesce(x.missed, 0)) ORDER BY d.day)
        FROM days d LEFT JOIN (
            SELECT day, count(*) AS calls, count(*) FILTER (WHERE direction = 'inbound') AS inbound,
                   count(*) FILTER (WHERE handling = 'ai_answered') AS ai,
                   count(*) FILTER (WHERE handling = 'transferred') AS transferred,
                   count(*) FILTER (WHERE handling = 'missed') AS missed
            FROM handled GROUP BY day) x USING (day)),
    'hour_of_week', (SELECT json_agg(r ORDER BY w) FROM (
        SELECT w, json_agg(calls ORDER BY h) AS r FROM hours GROUP BY w) t),
    'open_hours', (SELECT json_agg(r ORDER BY w) FROM (
        SELECT w, json_agg(open ORDER BY h) AS r FROM hours GROUP BY w) t))
FROM span
)SQL";

const QByteArray outcomesSql = REPORT_CALLS R"SQL(
, inbound AS (
    SELECT i.day, i.contact_id, i.booking_confirmed, a.status AS appointment_status,
           a.ends_at < least(now(), span.to_at) AS appointment_over
    FROM handled i CROSS JOIN span
    LEFT JOIN appointments a ON i.booking_confirmed AND a.id = i.appointment_id
                            AND a.org_id = $1::uuid
    WHERE i.direction = 'inbound'
)
SELECT json_build_object(
    'from', span.first_day, 'to', span.last_day,
    'calls', f.calls, 'leads', f.leads, 'booked', f.booked, 'completed', f.completed,
    'cancelled', f.cancelled, 'no_show', f.no_show,
    'success_rate', CASE WHEN f.calls = 0 THEN 0 ELSE round(f.booked * 100.0 / f.calls, 1) END,
    'per_day', (
        SELECT json_agg(json_build_object(
                   'date', d.day, 'calls', coalesce(x.calls, 0), 'booked', coalesce(x.booked, 0),
                   'success_rate', CASE WHEN coalesce(x.calls, 0) = 0 THEN 0
                                        ELSE round(x.booked * 100.0 / x.calls, 1) END)
                   ORDER BY d.day)
        FROM days d LEFT JOIN (
            SELECT day, count(*) AS calls, count(*) FILTER (WHERE booking_confirmed) AS booked
            FROM inbound GROUP BY day) x USING (day)))
FROM span, (
    SELECT count(*) AS calls, count(DISTINCT contact_id) AS leads,
           count(*) FILTER (WHERE booking_confirmed) AS booked,
           count(*) FILTER (WHERE appointment_status = 'completed') AS completed,
           count(*) FILTER (WHERE appointment_status = 'cancelled') AS cancelled,
           count(*) FILTER (WHERE appointment_status IN ('held', 'confirmed') AND appointment_over)
               AS no_show
    FROM inbound) f
)SQL";

const QByteArray moneySql = REPORT_CALLS R"SQL(
, offered AS (
    SELECT name, price_cents FROM services WHERE org_id = $1::uuid AND active
), asked AS (
    SELECT m.name, count(*) AS calls FROM handled c, unnest(c.matched_services) m(name)
    GROUP BY m.name
), booked AS (
    SELECT coalesce(sv.name, a.service_name) AS name, count(*) AS calls
    FROM handled c JOIN appointments a ON a.id = c.appointment_id AND a.org_id = $1::uuid
    LEFT JOIN services sv ON sv.id = a.service_id AND sv.org_id = $1::uuid
    WHERE c.booking_confirmed AND coalesce(sv.name, a.service_name) IS NOT NULL
    GROUP BY 1
), per_service AS (
    SELECT n.name, coalesce(p.price_cents, 0) AS price_cents,
           coalesce(asked.calls, 0) AS asked_calls, coalesce(booked.calls, 0) AS booked_calls
    FROM (SELECT name FROM offered UNION SELECT name FROM asked UNION SELECT name FROM booked) n
    LEFT JOIN (SELECT name, max(price_cents) AS price_cents FROM services
               WHERE org_id = $1::uuid GROUP BY name) p USING (name)
    LEFT JOIN asked USING (name) LEFT JOIN booked USING (name)
)
SELECT json_build_object(
    'from', span.first_day, 'to', span.last_day,
    'calls', t.calls,
    'pipeline_cents', t.pipeline, 'booked_cents', t.booked,
    'average_value_per_call_cents', CASE WHEN t.calls = 0 THEN 0 ELSE round(t.pipeline::numeric / t.calls) END,
    'per_service', coalesce((
        SELECT json_agg(json_build_object(
                   'service', name, 'price_cents', price_cents, 'asked_calls', asked_calls,
                   'booked_calls', booked_calls, 'pipeline_cents', price_cents * asked_calls,
                   'booked_cents', price_cents * booked_calls)
               ORDER BY price_cents * asked_calls DESC, asked_calls DESC, name)
        FROM per_service), '[]'),
    'top_services', coalesce((
        SELECT json_agg(name ORDER BY asked_calls DESC, name) FROM (
            SELECT name, asked_calls FROM per_service WHERE asked_calls > 0
            ORDER BY asked_calls DESC, name LIMIT 5) top), '[]'))
FROM span, (
    SELECT count(*) AS calls, coalesce(sum(financial_value_cents), 0) AS pipeline,
           coalesce(sum(financial_value_cents) FILTER (WHERE booking_confirmed), 0) AS booked
    FROM handled) t
)SQL";

const QByteArray qualitySql = REPORT_CALLS R"SQL(
, edges AS (SELECT $4::int[] AS e)
, tool_failures AS (
    SELECT t.kind, (t.occurred_at AT TIME ZONE span.tz)::date AS day
    FROM tool_errors t, span
    WHERE t.org_id = $1::uuid AND t.occurred_at >= span.from_at AND t.occurred_at < span.to_at
), reviewed AS (
    SELECT r.score, r.tags FROM handled c JOIN call_reviews r ON r.call_id = c.id
    WHERE r.org_id = $1::uuid
)
SELECT json_build_object(
    'from', span.first_day, 'to', span.last_day,
    'with_sentiment', (SELECT count(sentiment_score) FROM handled),
    'average_sentiment', (SELECT round(avg(sentiment_score), 3) FROM handled),
    'positive', (SELECT count(*) FROM handled WHERE sentiment_label = 'positive'),
    'neutral', (SELECT count(*) FROM handled WHERE sentiment_label = 'neutral'),
    'negative', (SELECT count(*) FROM handled WHERE sentiment_label = 'negative'),
    'sentiment_per_day', (
        SELECT json_agg(json_build_object(
                   'date', d.day, 'average', x.average, 'positive', coalesce(x.positive, 0),
                   'neutral', coalesce(x.neutral, 0), 'negative', coalesce(x.negative, 0))
                   ORDER BY d.day)
        FROM days d LEFT JOIN (
            SELECT day, round(avg(sentiment_score), 3) AS average,
                   count(*) FILTER (WHERE sentiment_label = 'positive') AS positive,
                   count(*) FILTER (WHERE sentiment_label = 'neutral') AS neutral,
                   count(*) FILTER (WHERE sentiment_label = 'negative') AS negative
            FROM handled GROUP BY day) x USING (day)),
    'call_length', (
        SELECT json_agg(json_build_object(
                   'from_seconds', edges.e[b],
                   'to_seconds', edges.e[b + 1],
                   'calls', coalesce(x.n, 0)) ORDER BY b)
        FROM edges CROSS JOIN generate_series(1, cardinality(edges.e)) b
        LEFT JOIN (SELECT width_bucket(duration_seconds, (SELECT e FROM edges)) AS b, count(*) AS n
                   FROM handled WHERE status = 'ended' AND duration_seconds IS NOT NULL
                   GROUP BY 1) x USING (b)),
    'inbound', tr.inbound,
    'transferred', tr.transferred,
    'transfer_rate', CASE WHEN tr.inbound = 0 THEN 0
                          ELSE round(tr.transferred * 100.0 / tr.inbound, 1) END,
    'transfer_reasons', coalesce((
        SELECT json_agg(json_build_object('reason', reason, 'calls', n) ORDER BY n DESC, reason)
        FROM (SELECT coalesce(nullif(btrim(transfer_reason), ''), 'No reason recorded') AS reason,
                     count(*) AS n
              FROM handled WHERE handling = 'transferred' GROUP BY 1
              ORDER BY 2 DESC, 1 LIMIT 10) r), '[]'),
    'unresolved', (SELECT count(*) FROM handled WHERE handling = 'ai_answered'
                   AND NOT booking_confirmed
                   AND lower(coalesce(success_evaluation, '')) NOT IN ('true', 'pass', 'passed')),
    'tool_errors', (SELECT count(*) FROM tool_failures),
    'tool_errors_by_kind', coalesce((
        SELECT json_agg(json_build_object('kind', kind, 'errors', n) ORDER BY n DESC, kind)
        FROM (SELECT kind, count(*) AS n FROM tool_failures GROUP BY kind) k), '[]'),
    'tool_errors_per_day', (
        SELECT json_agg(json_build_object(
                   'date', d.day, 'errors', coalesce(x.n, 0), 'by_kind', coalesce(x.by_kind, '{}'))
                   ORDER BY d.day)
        FROM days d LEFT JOIN (
            SELECT day, sum(n) AS n, json_object_agg(kind, n ORDER BY kind) AS by_kind
            FROM (SELECT day, kind, count(*) AS n FROM tool_failures GROUP BY day, kind) k
            GROUP BY day) x USING (day)),
    'reviewed', (SELECT count(*) FROM reviewed),
    'average_review_score', (SELECT round(avg(score), 2) FROM reviewed),
    'review_tags', coalesce((
        SELECT json_agg(json_build_object('tag', tag, 'calls', n) ORDER BY n DESC, tag)
        FROM (SELECT t.tag, count(*) AS n FROM reviewed, unnest(reviewed.tags) t(tag)
              GROUP BY t.tag) g), '[]'))
FROM span, (
    SELECT count(*) FILTER (WHERE direction = 'inbound') AS inbound,
           count(*) FILTER (WHERE handling = 'transferred') AS transferred
    FROM handled) tr
)SQL";

// Messages are picked by when they were written (an outbound text is written before it is sent),
// between the same local midnights as the calls.
const QByteArray messagesSql = REPORT_CALLS R"SQL(
, texts AS (
    SELECT m.direction, m.method, m.purpose, m.status, m.reply_kind,
           (m.created_at AT TIME ZONE span.tz)::date AS day,
           (m.direction = 'outbound' AND m.status IN ('sent', 'delivered')) AS sent,
           (m.direction = 'outbound' AND m.status = 'delivered') AS delivered,
           (m.direction = 'outbound' AND m.status = 'failed') AS failed,
           (m.direction = 'inbound' AND m.reply_kind = 'confirm') AS confirmed,
           (m.direction = 'inbound' AND m.reply_kind = 'opt_out') AS opted_out,
           (m.direction = 'outbound' AND m.purpose = 'missed_call_textback') AS textback
    FROM messages m, span
    WHERE m.org_id = $1::uuid AND m.created_at >= span.from_at AND m.created_at < span.to_at
)
SELECT json_build_object(
    'from', span.first_day, 'to', span.last_day,
    'outbound', (SELECT count(*) FROM texts WHERE direction = 'outbound'),
    'sent', (SELECT count(*) FROM texts WHERE sent),
    'delivered', (SELECT count(*) FROM texts WHERE delivered),
    'failed', (SELECT count(*) FROM texts WHERE failed),
    'pending', (SELECT count(*) FROM texts WHERE direction = 'outbound'
                AND status IN ('queued', 'sending', 'unknown')),
    'reminders', (SELECT count(*) FROM texts WHERE direction = 'outbound'
                  AND purpose = 'appointment_reminder'),
    'inbound', (SELECT count(*) FROM texts WHERE direction = 'inbound'),
    'confirmed_by_reply', (SELECT count(*) FROM texts WHERE confirmed),
    'opt_outs', (SELECT count(*) FROM texts WHERE opted_out),
    'textbacks', (SELECT count(*) FROM texts WHERE textback),
    'textbacks_sent', (SELECT count(*) FROM texts WHERE textback AND sent),
    'per_day', (
        SELECT json_agg(json_build_object(
                   'date', d.day, 'sent', coalesce(x.sent, 0),
                   'delivered', coalesce(x.delivered, 0), 'failed', coalesce(x.failed, 0),
                   'confirmed_by_reply', coalesce(x.confirmed, 0),
                   'opt_outs', coalesce(x.opted_out, 0), 'textbacks', coalesce(x.textback, 0))
                   ORDER BY d.day)
        FROM days d LEFT JOIN (
            SELECT day, count(*) FILTER (WHERE sent) AS sent,
                   count(*) FILTER (WHERE delivered) AS delivered,
                   count(*) FILTER (WHERE failed) AS failed,
                   count(*) FILTER (WHERE confirmed) AS confirmed,
                   count(*) FILTER (WHERE opted_out) AS opted_out,
                   count(*) FILTER (WHERE textback) AS textback
            FROM texts GROUP BY day) x USING (day)))
FROM span
)SQL";

#undef REPORT_CALLS

struct Report
{
    QString name;
    const QByteArray *sql;
    // What each figure counts, in the response next to the figures.
    QJsonObject howComputed;
};

const QString handlingRule = u"Inbound calls only. Transferred: a transfer target, time or reason "
                             "was recorded (or the call is being forwarded). Missed: not "
                             "transferred and failed, or ended with no talk time. Answered by "
                             "the AI: ended with talk time and not transferred."_s;

const QList<Report> &reports()
{
    static const QList<Report> all{
        {u"volume"_s,
         &volumeSql,
         {{u"calls"_s, u"Calls (inbound and outbound) that started in the range, by the "
                       "clinic's calendar."_s},
          {u"per_day"_s, u"Calls per day of the clinic's calendar; empty days count 0."_s},
          {u"hour_of_week"_s, u"Inbound calls by weekday (Monday first) and hour of the "
                              "clinic's clock."_s},
          {u"open_hours"_s, u"Whether any opening hours overlap that weekday's hour."_s},
          {u"inbound_while_closed"_s, u"Inbound calls at a time outside the opening hours."_s},
          {u"ai_answered"_s, handlingRule},
          {u"transferred"_s, handlingRule},
          {u"missed"_s, handlingRule},
          {u"in_progress"_s, u"Inbound calls not ended yet (ringing, in progress)."_s}}},
        {u"outcomes"_s,
         &outcomesSql,
         {{u"calls"_s, u"Inbound calls in the range."_s},
          {u"leads"_s, u"Distinct contacts among those calls."_s},
          {u"booked"_s, u"Those calls that booked an appointment."_s},
          {u"completed"_s, u"Booked calls whose appointment is marked completed."_s},
          {u"cancelled"_s, u"Booked calls whose appointment was cancelled."_s},
          {u"no_show"_s, u"Booked calls whose appointment ended before the range's end (and "
                         "before now) but was never marked completed or cancelled."_s},
          {u"success_rate"_s, u"Booked inbound calls / inbound calls x 100, one decimal (as "
                              "the dashboard); per day the same over that day's calls."_s}}},
        {u"money"_s,
         &moneySql,
         {{u"pipeline_cents"_s, u"Sum of the calls' financial values (the booked service's "
                                "price, otherwise the prices of the services mentioned)."_s},
          {u"booked_cents"_s, u"The same sum over calls that booked."_s},
          {u"average_value_per_call_cents"_s, u"Pipeline value / calls, rounded to a cent."_s},
          {u"per_service"_s, u"Per service: calls whose words matched its keywords (asked), "
                             "calls that booked it, each times today's price."_s},
          {u"top_services"_s, u"The five services asked about most."_s}}},
        {u"quality"_s,
         &qualitySql,
         {{u"average_sentiment"_s, u"Mean sentiment score (-1 to 1) of calls that have one."_s},
          {u"sentiment_per_day"_s, u"Mean score and label counts per day."_s},
          {u"call_length"_s, u"Ended calls by talk time: a call falls in the bucket whose "
                             "from_seconds is the largest at or below its length."_s},
          {u"transfer_rate"_s, u"Transferred inbound calls / inbound calls x 100."_s},
          {u"transfer_reasons"_s, u"Transferred calls by recorded reason, top ten."_s},
          {u"unresolved"_s, u"Calls the AI answered that neither booked, were transferred, "
                            "nor passed Vapi's success evaluation."_s},
          {u"tool_errors"_s, u"Tool calls by the AI during calls that failed, by when they "
                             "happened: a booking the rules refused, a service the clinic does "
                             "not offer, a taken time, an appointment not found, a tool it does "
                             "not have, unreadable details, or trouble on our side."_s},
          {u"tool_errors_by_kind"_s, u"Those failed tool calls counted by kind."_s},
          {u"tool_errors_per_day"_s, u"Failed tool calls per day, in all and by kind."_s},
          {u"reviewed"_s, u"Calls in the range that someone at the clinic reviewed."_s},
          {u"average_review_score"_s, u"Mean review score (1 to 5) of those calls, two "
                                      "decimals."_s},
          {u"review_tags"_s, u"Reviewed calls per tag (a call with two tags counts for "
                             "each)."_s}}},
        {u"messages"_s,
         &messagesSql,
         {{u"outbound"_s, u"Texts and e-mails the clinic wrote in the range, whatever "
                          "became of them."_s},
          {u"sent"_s, u"Those the provider accepted (sent or delivered)."_s},
          {u"delivered"_s, u"Those the provider reported delivered."_s},
          {u"failed"_s, u"Those that failed to send or to be delivered."_s},
          {u"pending"_s, u"Those still queued, being sent, or with an outcome not known yet."_s},
          {u"reminders"_s, u"Appointment reminders written, by text or e-mail."_s},
          {u"confirmed_by_reply"_s, u"Texts from patients read as confirming an "
                                    "appointment."_s},
          {u"opt_outs"_s, u"Texts from patients asking for no more texts (STOP and the other "
                          "carrier words)."_s},
          {u"textbacks"_s, u"Missed-call text-backs written; textbacks_sent: those the "
                           "provider accepted."_s},
          {u"per_day"_s, u"The same counts per day of the clinic's calendar."_s}}},
    };
    return all;
}

http::Reply runReport(AppContext &app, http::Context &c, const Report &report)
{
    auto range =
        reports::parseRange(c.request.queryValue(u"from"_s), c.request.queryValue(u"to"_s));
    if (!range)
        return http::status::badRequest(range.errorMessage(), range.error().subject);
    const reports::DateRange previous = reports::previousPeriod(*range);
    QStringList edges;
    for (int edge : reports::callLengthEdges())
        edges << QString::number(edge);
    const QString edgeArray = u'{' + edges.join(u',') + u'}';

    auto body = app.db.transaction<QJsonObject>(
        c.access(), [&](db::Transaction &tx) -> Result<QJsonObject> {
            QJsonObject periods;
            for (const auto &[key, period] :
                 {std::pair{u"current"_s, *range}, std::pair{u"previous"_s, previous}}) {
                db::Params params{c.orgId(), period.from.toString(Qt::ISODate),
                                  period.to.toString(Qt::ISODate)};
                if (report.sql == &qualitySql)
                    params.append(edgeArray);
                auto row = tx.exec(*report.sql, params);
                if (!row)
                    return row.error();
                if (row->isEmpty())
                    return http::status::notFound(u"The clinic has no settings yet."_s);
                periods.insert(key, QJsonDocument::fromJson(row->raw(0, 0)).object());
            }
            auto zone =
                tx.exec("SELECT time_zone FROM org_settings WHERE org_id = $1::uuid", {c.orgId()});
            if (!zone)
                return zone.error();
            periods.insert(u"time_zone"_s, zone->text(0, 0));
            return periods;
        });
    if (!body)
        return body.error();
    QJsonObject answer = *body;
    answer.insert(u"report"_s, report.name);
    answer.insert(u"how_computed"_s, report.howComputed);
    return http::Response::json(answer);
}

} // namespace

void registerReportRoutes(http::Router &router, AppContext &app)
{
    for (const Report &report : reports()) {
        router.get(
            u"/api/reports/"_s + report.name, http::Auth::User,
            [&app, &report](http::Context &c) -> http::Reply { return runReport(app, c, report); });
    }
}

} // namespace vox::server
