#include "server/routes/exports.h"

#include "core/csv.h"
#include "server/http/jsonbody.h"
#include "server/routes/appointments.h"
#include "server/routes/calls.h"
#include "server/routes/contacts.h"
#include "server/routes/listquery.h"
#include "server/routes/messages.h"
#include "server/services/accesslog.h"
#include "server/services/redaction.h"

#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

// Rows fetched per round trip: large enough that the round trips cost little, small enough that a
// page is a few hundred kilobytes of CSV at most.
constexpr int pageRows = 1000;

// A time as the clinic's clock read it ("2026-03-01 09:30:00"): spreadsheet programs read this
// form as a date and time.
QByteArray local(const QByteArray &expression)
{
    return "to_char(" + expression + " AT TIME ZONE {tz}, 'YYYY-MM-DD HH24:MI:SS')";
}

QByteArray money(const QByteArray &cents)
{
    return "to_char(" + cents + " / 100.0, 'FM999999999990.00')";
}

// Built on first use, so the SQL they borrow from other files is initialised by then.
const ExportTable &callsExport()
{
    static const ExportTable table{
        u"calls"_s,
        {{u"id"_s, "c.id"},
         {u"occurred_at"_s, local("c.occurred_at")},
         {u"started_at"_s, local("c.started_at")},
         {u"ended_at"_s, local("c.ended_at")},
         {u"duration_seconds"_s, "c.duration_seconds"},
         {u"direction"_s, "c.direction"},
         {u"status"_s, "c.status"},
         {u"phone_number"_s, "c.phone_number"},
         {u"caller_name"_s, "c.caller_name"},
         {u"contact_id"_s, "c.contact_id"},
         {u"contact_name"_s, "ct.name"},
         {u"sentiment_label"_s, "c.sentiment_label"},
         {u"sentiment_score"_s, "c.sentiment_score"},
         {u"sentiment_urgency"_s, "c.sentiment_urgency"},
         {u"booking_confirmed"_s, "c.booking_confirmed"},
         {u"financial_value"_s, money("c.financial_value_cents")},
         {u"matched_services"_s, "array_to_string(c.matched_services, '; ')"},
         {u"lead_score"_s, "c.lead_score"},
         {u"has_recording"_s, "c.has_recording"},
         {u"transfer_to"_s, "c.transfer_to"},
         {u"transfer_reason"_s, "c.transfer_reason"},
         {u"ended_reason"_s, "c.ended_reason"},
         {u"summary"_s, "c.summary", true},
         {u"review_score"_s, "(SELECT r.score FROM call_reviews r WHERE r.call_id = c.id)"},
         {u"review_tags"_s,
          "(SELECT array_to_string(r.tags, '; ') FROM call_reviews r WHERE r.call_id = c.id)"}},
        callListFromSql(),
        "c.org_id",
        "c.occurred_at",
        "c.id",
        true,
        &addCallFilters};
    return table;
}

const ExportTable &contactsExport()
{
    static const ExportTable table{
        u"contacts"_s,
        {{u"id"_s, "ct.id"},
         {u"name"_s, "ct.name"},
         {u"phone"_s, "ct.phone"},
         {u"email"_s, "ct.email"},
         {u"lead_status"_s, contactStatusNowSql()},
         {u"lead_score"_s, "ct.lead_score"},
         {u"lead_temperature"_s, "ct.lead_temperature"},
         {u"needs_attention"_s, "ct.needs_attention"},
         {u"service_interests"_s, "array_to_string(ct.service_interests, '; ')"},
         {u"preferred_language"_s, "ct.preferred_language"},
         {u"do_not_text"_s, "ct.do_not_text"},
         {u"last_contacted_at"_s, local("ct.last_contacted_at")},
         {u"created_at"_s, local("ct.created_at")},
         {u"notes"_s, "ct.notes", true}},
        "contacts ct",
        "ct.org_id",
        contactActivitySql(),
        "ct.id",
        true,
        &addContactFilters};
    return table;
}

const ExportTable &appointmentsExport()
{
    static const ExportTable table{
        u"appointments"_s,
        {{u"id"_s, "a.id"},
         {u"starts_at"_s, local("a.starts_at")},
         {u"ends_at"_s, local("a.ends_at")},
         {u"duration_minutes"_s, "(extract(epoch FROM a.ends_at - a.starts_at) / 60)::int"},
         {u"status"_s, "a.status"},
         {u"service_name"_s, "coalesce(sv.name, a.service_name)"},
         {u"contact_id"_s, "a.contact_id"},
         {u"contact_name"_s, "c.name"},
         {u"phone_number"_s, "c.phone"},
         {u"contact_email"_s, "c.email"},
         {u"source"_s, "a.source"},
         {u"confirmation_sent"_s, "a.confirmation_sent"},
         {u"patient_confirmed_at"_s, local("a.patient_confirmed_at")},
         {u"call_id"_s, "a.call_id"},
         {u"created_at"_s, local("a.created_at")},
         {u"notes"_s, "a.notes", true}},
        "appointments a LEFT JOIN contacts c ON c.id = a.contact_id "
        "LEFT JOIN services sv ON sv.id = a.service_id",
        "a.org_id",
        "a.starts_at",
        "a.id",
        false, // as the list: soonest first
        &addAppointmentFilters};
    return table;
}

const ExportTable &messagesExport()
{
    static const ExportTable table{u"messages"_s,
                                   {{u"id"_s, "m.id"},
                                    {u"created_at"_s, local("m.created_at")},
                                    {u"sent_at"_s, local("m.sent_at")},
                                    {u"direction"_s, "m.direction"},
                                    {u"method"_s, "m.method"},
                                    {u"purpose"_s, "m.purpose"},
                                    {u"recipient"_s, "m.recipient"},
                                    {u"sender"_s, "m.sender"},
                                    {u"status"_s, "m.status"},
                                    {u"error"_s, "m.error"},
                                    {u"contact_id"_s, "m.contact_id"},
                                    {u"call_id"_s, "m.call_id"},
                                    {u"appointment_id"_s, "m.appointment_id"},
                                    {u"content"_s, "m.content", true}},
                                   "messages m",
                                   "m.org_id",
                                   "m.created_at",
                                   "m.id",
                                   true,
                                   &addMessageFilters};
    return table;
}

// The query items an export was asked with, for its audit entry.
QJsonObject filterOf(const http::Request &request)
{
    QJsonObject filter;
    for (const auto &[name, value] : request.query.queryItems(QUrl::FullyDecoded)) {
        if (name != u"bom")
            filter.insert(name, value);
    }
    return filter;
}

Result<bool> wantsByteOrderMark(const http::Request &request)
{
    const QString bom = request.queryValue(u"bom"_s);
    if (bom.isEmpty() || bom == u"0" || bom == u"false")
        return false;
    if (bom == u"1" || bom == u"true")
        return true;
    return http::status::badRequest(u"'bom' must be 1 or 0 (true or false)."_s, u"bom"_s);
}

} // namespace

http::Reply exportCsv(AppContext &app, http::Context &c, const ExportTable &table)
{
    auto bom = wantsByteOrderMark(c.request);
    if (!bom)
        return bom.error();
    ListQuery base;
    base.where(table.orgColumn + " = " + base.bind(c.orgId()) + "::uuid");
    if (auto filtered = table.filters(c.request, base); !filtered)
        return filtered.error();
    // Read before answering: a database that cannot be reached is a 503 now, not a cut file later.
    auto zone = app.db.query(c.access(),
                             QByteArray("SELECT s.time_zone, ") + redaction::settingsColumns +
                                 " FROM org_settings s WHERE s.org_id = $1::uuid",
                             {c.orgId()});
    if (!zone)
        return zone.error();
    const QString timeZone = zone->isEmpty() ? u"UTC"_s : zone->text(0, 0);
    const redaction::Policy policy =
        zone->isEmpty() ? redaction::everything(QDateTime::currentDateTimeUtc())
                        : redaction::fromRow(*zone, 0, 1, QDateTime::currentDateTimeUtc());
    // Bound only when a column reads it: PostgreSQL refuses a parameter it cannot type.
    QByteArray tz;

    QStringList header;
    QByteArrayList select;
    for (const ExportTable::Column &column : table.columns) {
        header.append(column.name);
        if (tz.isEmpty() && column.sql.contains("{tz}"))
            tz = base.bind(timeZone) + "::text";
        select.append("(" + QByteArray(column.sql).replace("{tz}", tz) + ")::text");
    }
    const QByteArray direction = table.newestFirst ? " DESC" : "";
    const QByteArray order =
        " ORDER BY " + table.keyTime + direction + ", " + table.keyId + direction;
    const QByteArray selectList =
        select.join(", ") + ", (" + table.keyTime + ")::text, " + table.keyId + "::text";

    const db::Access access = c.access();
    const http::Principal who = c.user();
    const QString clientAddress = c.request.remoteAddress;
    const QJsonObject filter = filterOf(c.request);
    const bool withBom = *bom;
    http::BodyProducer producer = [&app, table, base, header, selectList, order, access, who,
                                   clientAddress, filter, withBom,
                                   policy](const http::BodySink &send) -> Result<void> {
        qint64 rowCount = 0;
        bool complete = false;
        const auto finished = [&]() -> Result<void> {
            // Every export is audited, a cut one too: who took which rows matters either way. It
            // is an access to patients' data too, so the access log has it beside the audit.
            auto audited =
                app.db.transaction<bool>(access, [&](db::Transaction &tx) -> Result<bool> {
                    auto row = tx.exec(
                        "INSERT INTO audit_log (org_id, actor_id, action, entity_type, details) "
                        "VALUES ($1::uuid, $2::uuid, 'export', $3, $4::jsonb)",
                        {who.orgId, who.userId.isEmpty() ? QString() : who.userId, table.name,
                         QJsonValue(QJsonObject{{u"export"_s, QString(table.name + u".csv"_s)},
                                                {u"filter"_s, filter},
                                                {u"rows"_s, rowCount},
                                                {u"complete"_s, complete}})});
                    if (!row)
                        return row.error();
                    if (auto logged = accesslog::recordExported(tx, who, clientAddress, table.name,
                                                                filter, rowCount, complete);
                        !logged)
                        return logged.error();
                    return true;
                });
            if (!audited)
                return audited.error();
            return {};
        };
        QByteArray head = withBom ? QByteArray(csv::byteOrderMark) : QByteArray();
        head += csv::record(header);
        if (!send(head))
            return finished();
        std::optional<std::pair<QString, QString>> after;
        const int columns = int(header.size());
        for (;;) {
            ListQuery page = base;
            if (after) {
                page.where("(" + table.keyTime + ", " + table.keyId + ") " +
                           (table.newestFirst ? "<" : ">") + " (" + page.bind(after->first) +
                           "::timestamptz, " + page.bind(after->second) + "::uuid)");
            }
            const QByteArray sql = "SELECT " + selectList + " FROM " + table.from + " WHERE " +
                                   page.conditions() + order + " LIMIT " +
                                   QByteArray::number(pageRows);
            // A transaction per page: a slow reader never holds one open for the whole file.
            auto rows = app.db.query(access, sql, page.params());
            if (!rows) {
                (void)finished();
                return rows.error();
            }
            QByteArray out;
            const int count = rows->rowCount();
            for (int r = 0; r < count; ++r) {
                QStringList cells;
                cells.reserve(columns);
                for (int i = 0; i < columns; ++i)
                    cells.append(table.columns.at(i).freeText ? policy.text(rows->text(r, i))
                                                              : rows->text(r, i));
                out += csv::record(cells);
            }
            rowCount += count;
            if (!send(out))
                return finished();
            if (count < pageRows)
                break;
            after = std::pair{rows->text(count - 1, columns), rows->text(count - 1, columns + 1)};
        }
        complete = true;
        return finished();
    };
    return http::Response::streamedAttachment(std::move(producer), "text/csv; charset=utf-8",
                                              table.name + u".csv"_s)
        .withHeader("X-Time-Zone", timeZone.toLatin1());
}

void registerExportRoutes(http::Router &router, AppContext &app)
{
    for (const ExportTable *table :
         {&callsExport(), &contactsExport(), &appointmentsExport(), &messagesExport()}) {
        router.get(
            u"/api/exports/%1.csv"_s.arg(table->name), http::Auth::User,
            [&app, table](http::Context &c) -> http::Reply { return exportCsv(app, c, *table); });
    }
}

} // namespace vox::server
