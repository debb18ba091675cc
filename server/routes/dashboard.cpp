#include "server/routes/dashboard.h"

#include "core/activityfeed.h"

#include "server/http/jsonbody.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

// Lines in the dashboard's "Recent activity".
constexpr int feedLength = 10;

// Days before today that a range starts on, in the clinic's calendar; nullopt for "all" (from
// the first call on).
struct Range
{
    QString name;
    std::optional<int> daysBack;
};

Result<Range> rangeFrom(const http::Request &request)
{
    const QString name = request.hasQuery(u"range"_s) ? request.queryValue(u"range"_s) : u"7d"_s;
    if (name == u"today")
        return Range{name, 0};
    if (name == u"7d")
        return Range{name, 6};
    if (name == u"30d")
        return Range{name, 29};
    if (name == u"90d")
        return Range{name, 89};
    if (name == u"all")
        return Range{name, std::nullopt};
    return http::status::badRequest(u"'range' must be today, 7d, 30d, 90d or all."_s, u"range"_s);
}

// One statement: the range's bounds in the org's time zone, the call aggregates the dashboard
// shows, the per-day series with empty days filled in, and today's and this week's counts. Every
// part reads call_logs_org_time ranges of one org.
const QByteArray summarySql = R"SQL(
WITH zone AS (
    SELECT s.time_zone AS tz, (now() AT TIME ZONE s.time_zone)::date AS today
    FROM org_settings s WHERE s.org_id = $1::uuid
), span AS (
    SELECT tz, today, first_day,
           (first_day::timestamp AT TIME ZONE tz) AS from_at,
           ((today + 1)::timestamp AT TIME ZONE tz) AS to_at,
           (today::timestamp AT TIME ZONE tz) AS today_at,
           (date_trunc('week', today::timestamp) AT TIME ZONE tz) AS week_at
    FROM (SELECT tz, today,
                 coalesce(today - $2::int,
                          (SELECT (min(c.occurred_at) AT TIME ZONE zone.tz)::date
                           FROM call_logs c WHERE c.org_id = $1::uuid),
                          today) AS first_day
          FROM zone) z
), calls AS (
    SELECT c.direction, c.booking_confirmed, c.duration_seconds, c.financial_value_cents,
           (c.occurred_at AT TIME ZONE span.tz)::date AS day
    FROM call_logs c, span
    WHERE c.org_id = $1::uuid AND c.occurred_at >= span.from_at AND c.occurred_at < span.to_at
), totals AS (
    SELECT count(*) AS total,
           count(*) FILTER (WHERE direction = 'inbound') AS inbound,
           count(*) FILTER (WHERE direction = 'outbound') AS outbound,
           count(*) FILTER (WHERE booking_confirmed) AS booked,
           count(*) FILTER (WHERE direction = 'inbound' AND booking_confirmed) AS booked_inbound,
           coalesce(sum(financial_value_cents), 0) AS pipeline,
           coalesce(round(avg(duration_seconds)), 0)::bigint AS average_duration
    FROM calls
), series AS (
    SELECT coalesce(json_agg(json_build_object('date', d.day, 'calls', coalesce(x.calls, 0),
                                               'bookings', coalesce(x.bookings, 0))
                             ORDER BY d.day), '[]') AS per_day
    FROM (SELECT g::date AS day FROM span,
          generate_series(span.first_day::timestamp, span.today::timestamp, interval '1 day') g) d
    LEFT JOIN (SELECT day, count(*) AS calls, count(*) FILTER (WHERE booking_confirmed) AS bookings
               FROM calls GROUP BY day) x ON x.day = d.day
)
SELECT json_build_object(
    'range', $3::text,
    'from', CASE WHEN $2::int IS NULL THEN NULL ELSE span.from_at END,
    'to', span.to_at,
    'time_zone', span.tz,
    'pipeline_value', round(totals.pipeline / 100.0, 2),
    'pipeline_value_cents', totals.pipeline,
    'success_rate', CASE WHEN totals.inbound = 0 THEN 0
                         ELSE round(totals.booked_inbound * 100.0 / totals.inbound, 1) END,
    'average_duration_seconds', totals.average_duration,
    'total_calls', totals.total,
    'inbound_calls', totals.inbound,
    'outbound_calls', totals.outbound,
    'booked_calls', totals.booked,
    'calls_today', (SELECT count(*) FROM call_logs c WHERE c.org_id = $1::uuid
                    AND c.occurred_at >= span.today_at AND c.occurred_at < span.to_at),
    'calls_this_week', (SELECT count(*) FROM call_logs c WHERE c.org_id = $1::uuid
                        AND c.occurred_at >= span.week_at AND c.occurred_at < span.to_at),
    'hot_leads', (SELECT count(*) FROM contacts ct WHERE ct.org_id = $1::uuid
                  AND ct.lead_temperature = 'hot'
                  AND vox_lead_status_now(ct) IN ('new', 'contacted')),
    'per_day', series.per_day)
FROM span, totals, series
)SQL";

http::Reply summary(AppContext &app, http::Context &c)
{
    auto range = rangeFrom(c.request);
    if (!range)
        return range.error();
    auto body =
        app.db.transaction<QByteArray>(c.access(), [&](db::Transaction &tx) -> Result<QByteArray> {
            auto row = tx.exec(summarySql, {c.orgId(), range->daysBack, range->name});
            if (!row)
                return row.error();
            if (row->isEmpty())
                return http::status::notFound(u"The clinic has no settings yet."_s);
            return row->raw(0, 0);
        });
    if (!body)
        return body.error();
    return http::Response::rawJson(*body);
}

http::Reply recentActivity(AppContext &app, http::Context &c)
{
    auto body =
        app.db.transaction<QByteArray>(c.access(), [&](db::Transaction &tx) -> Result<QByteArray> {
            // Each call also causes bookkeeping events the feed leaves out (core/activityfeed):
            // read enough of the newest to fill it.
            auto rows = tx.exec(
                "SELECT coalesce(json_agg(json_build_object('id', e.id, 'type', e.type, "
                "'entity_type', e.entity_type, 'entity_id', e.entity_id, 'payload', e.payload, "
                "'created_at', e.created_at) ORDER BY e.id DESC), '[]') "
                "FROM (SELECT * FROM events WHERE org_id = $1::uuid ORDER BY id DESC LIMIT $2) e",
                {c.orgId(), feedLength * 8});
            if (!rows)
                return rows.error();
            QJsonArray items;
            for (const QJsonValue &v : QJsonDocument::fromJson(rows->raw(0, 0)).array()) {
                const QJsonObject event = v.toObject();
                if (activity::belongsInFeed(event.value(u"type"_s).toString(),
                                            event.value(u"payload"_s).toObject()))
                    items.append(event);
                if (items.size() == feedLength)
                    break;
            }
            return QJsonDocument(QJsonObject{{u"items"_s, items}}).toJson(QJsonDocument::Compact);
        });
    if (!body)
        return body.error();
    return http::Response::rawJson(*body);
}

} // namespace

void registerDashboardRoutes(http::Router &router, AppContext &app)
{
    router.get(u"/api/dashboard/summary"_s, http::Auth::User,
               [&app](http::Context &c) -> http::Reply { return summary(app, c); });
    router.get(u"/api/dashboard/recent-activity"_s, http::Auth::User,
               [&app](http::Context &c) -> http::Reply { return recentActivity(app, c); });
}

} // namespace vox::server
