#include "server/routes/accesslog.h"

#include "server/http/jsonbody.h"
#include "server/routes/exports.h"
#include "server/routes/listcursor.h"
#include "server/routes/listquery.h"
#include "server/services/accesslog.h"

#include <QDate>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

const QByteArray entryJson =
    "json_build_object('id', l.id, 'occurred_at', l.occurred_at, 'user_id', l.user_id, "
    "'user_name', l.user_name, 'action', l.action, 'entity_type', l.entity_type, 'entity_id', "
    "l.entity_id, 'contact_id', l.contact_id, 'contact_name', ct.name, 'client_address', "
    "l.client_address, 'result', l.result)";
const QByteArray fromTables =
    "phi_access_log l LEFT JOIN contacts ct ON ct.id = l.contact_id AND ct.org_id = l.org_id";

// A day ("2026-03-01", in the clinic's time zone) or an instant ("2026-03-01T09:30:00Z").
Result<void> addTimeBound(const http::Request &request, ListQuery &q, const QString &name,
                          const QByteArray &orgParam)
{
    const QString value = request.queryValue(name);
    if (value.isEmpty())
        return {};
    const bool upper = name == u"to";
    static const QRegularExpression day(u"^\\d{4}-\\d{2}-\\d{2}$"_s);
    if (day.match(value).hasMatch() && QDate::fromString(value, Qt::ISODate).isValid()) {
        // "to" a day includes that whole day.
        q.where("l.occurred_at " + QByteArray(upper ? "<" : ">=") + " ((" + q.bind(value) +
                "::date + " + QByteArray(upper ? "1" : "0") +
                ")::timestamp AT TIME ZONE (SELECT time_zone FROM org_settings WHERE org_id = " +
                orgParam + "::uuid))");
        return {};
    }
    if (isTimestampText(value)) {
        q.where("l.occurred_at " + QByteArray(upper ? "<=" : ">=") + " " + q.bind(value) +
                "::timestamptz");
        return {};
    }
    return http::status::badRequest(
        u"'%1' must be a day (2026-03-01) or a time (2026-03-01T09:30:00Z)."_s.arg(name), name);
}

Result<void> addFilters(const http::Request &request, ListQuery &q, const QString &orgId)
{
    const QByteArray org = q.bind(orgId);
    q.where("l.org_id = " + org + "::uuid");
    for (const auto &[name, column] : {std::pair{u"user_id"_s, QByteArray("l.user_id")},
                                       std::pair{u"contact_id"_s, QByteArray("l.contact_id")}}) {
        const QString value = request.queryValue(name);
        if (value.isEmpty())
            continue;
        if (!http::isUuid(value))
            return http::status::badRequest(u"'%1' must be an id (UUID)."_s.arg(name), name);
        q.where(column + " = " + q.bind(value.toLower()) + "::uuid");
    }
    if (const QString action = request.queryValue(u"action"_s); !action.isEmpty()) {
        if (!accesslog::actions().contains(action))
            return http::status::badRequest(
                u"'action' must be one of %1."_s.arg(accesslog::actions().join(u", "_s)),
                u"action"_s);
        q.where("l.action = " + q.bind(action));
    }
    // The patient by name or number, as the console's filter box is typed.
    if (const QString patient = request.queryValue(u"patient"_s).trimmed(); !patient.isEmpty()) {
        if (patient.size() > 100)
            return http::status::badRequest(u"'patient' is at most 100 characters."_s,
                                            u"patient"_s);
        const QByteArray like = q.bind(likePattern(patient));
        const QString digits = digitsOf(patient);
        QByteArray condition = "(ct.name ILIKE " + like;
        if (digits.size() >= 3)
            condition += " OR ct.phone LIKE " + q.bind(likePattern(digits));
        q.where(condition + ")");
    }
    for (const QString &name : {u"from"_s, u"to"_s})
        if (auto bound = addTimeBound(request, q, name, org); !bound)
            return bound.error();
    return {};
}

http::Reply list(AppContext &app, http::Context &c)
{
    auto query = ListQuery::fromRequest(c.request);
    if (!query)
        return query.error();
    ListQuery &q = query.value();
    if (auto filtered = addFilters(c.request, q, c.orgId()); !filtered)
        return filtered.error();
    if (q.cursor())
        q.where("(l.occurred_at, l.id) < (" + q.bind(q.cursor()->at) + "::timestamptz, " +
                q.bind(q.cursor()->id) + "::uuid)");
    // Newest first: a range of phi_access_log_org_time.
    const QByteArray sql = "SELECT " + entryJson + ", l.occurred_at::text, l.id FROM " +
                           fromTables + " WHERE " + q.conditions() +
                           " ORDER BY l.occurred_at DESC, l.id DESC LIMIT " +
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

// The log as an auditor takes it away: every matching row, newest first, times in UTC.
ExportTable accessLogExport(const QString &orgId)
{
    return ExportTable{
        u"access_log"_s,
        {{u"occurred_at"_s,
          "to_char(l.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"},
         {u"user_name"_s, "l.user_name"},
         {u"user_id"_s, "l.user_id"},
         {u"action"_s, "l.action"},
         {u"entity_type"_s, "l.entity_type"},
         {u"entity_id"_s, "l.entity_id"},
         {u"contact_id"_s, "l.contact_id"},
         {u"contact_name"_s, "ct.name"},
         {u"client_address"_s, "l.client_address"},
         {u"result"_s, "l.result"}},
        fromTables,
        "l.org_id",
        "l.occurred_at",
        "l.id",
        true,
        [orgId](const http::Request &request, ListQuery &q) {
            return addFilters(request, q, orgId);
        }};
}

} // namespace

void registerAccessLogRoutes(http::Router &router, AppContext &app)
{
    router.get(u"/api/access-log"_s, http::Auth::Admin,
               [&app](http::Context &c) -> http::Reply { return list(app, c); });
    router.get(u"/api/access-log.csv"_s, http::Auth::Admin,
               [&app](http::Context &c) -> http::Reply {
                   return exportCsv(app, c, accessLogExport(c.orgId()));
               });
}

} // namespace vox::server
