// One file on purpose (about 700 lines): booking, moving and cancelling an appointment are one
// rule seen three ways. book() and update() go through the same path (checkBookable, the
// exclusion constraint deciding overlaps, conflictOutcome's nearest free times,
// withContentionRetries), and all three record what follows a change the same way
// (afterChange: the live event and the calendar job). Splitting them would put that path in a
// header of its own for two callers; the reads it is built on (the clinic's calendar, its
// services, availability) stay beside it for the same reason.
#include "server/services/booking.h"

#include "core/datetimerules.h"
#include "core/logging/log.h"
#include "core/phonenumber.h"
#include "core/servicematch.h"
#include "server/db/connection.h"
#include "server/events/eventpublisher.h"
#include "server/http/jsonbody.h"
#include "server/http/response.h"
#include "server/jobs/jobqueue.h"
#include "server/services/calloutcome.h"
#include "server/services/clinicphone.h"
#include "server/services/reminderjobs.h"
#include "server/services/vapicallorg.h"

#include <QJsonArray>
#include <QRandomGenerator>
#include <QThread>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace av = availability;

namespace {

constexpr const char *serviceColumns =
    "id, name, price_cents, duration_minutes, buffer_before_minutes, buffer_after_minutes, "
    "active, array_to_json(keywords)";

ServiceInfo serviceFrom(const db::PgResult &rows, int r)
{
    return {rows.text(r, 0),       rows.text(r, 1),       rows.toInt(r, 2),
            int(rows.toInt(r, 3)), int(rows.toInt(r, 4)), int(rows.toInt(r, 5))};
}

av::Range blockedRange(const ServiceInfo &service, const QDateTime &start)
{
    return {start.addSecs(-qint64(service.bufferBeforeMinutes) * 60),
            start.addSecs(qint64(service.durationMinutes + service.bufferAfterMinutes) * 60)};
}

QString hoursOf(const ClinicCalendar &calendar, int weekday)
{
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    QStringList parts;
    for (const av::OpeningInterval &h : calendar.hours) {
        if (h.weekday == weekday)
            parts << english.toString(h.opens, u"h:mm AP"_s) + u"–"_s +
                         english.toString(h.closes, u"h:mm AP"_s);
    }
    return parts.join(u" and "_s);
}

// Existing held or confirmed appointments of the org between `from` and `to`, each widened by
// its own buffers, as the exclusion constraint sees them.
Result<QList<av::Range>> takenRanges(db::Transaction &tx, const QString &orgId,
                                     const QDateTime &from, const QDateTime &to,
                                     const QString &ignoreId = {})
{
    auto rows =
        tx.exec("SELECT lower(r), upper(r) FROM (SELECT vox_blocked_range(starts_at, ends_at, "
                "  buffer_before_minutes, buffer_after_minutes) AS r FROM appointments "
                "  WHERE org_id = $1::uuid AND status IN ('held', 'confirmed') "
                "    AND id IS DISTINCT FROM $4::uuid "
                "    AND vox_blocked_range(starts_at, ends_at, buffer_before_minutes, "
                "        buffer_after_minutes) && tstzrange($2::timestamptz, $3::timestamptz)) t",
                {orgId, from, to, ignoreId.isEmpty() ? QString() : ignoreId});
    if (!rows)
        return rows.error();
    QList<av::Range> out;
    for (int r = 0; r < rows->rowCount(); ++r)
        out.append({rows->toDateTime(r, 0), rows->toDateTime(r, 1)});
    return out;
}

// `mirror`: whether the calendar module is asked to copy the change to the clinic's external
// calendar. Only a new booking in a clinic known to have no calendar linked skips it (the job
// would find nothing to do); a change or a cancellation is always passed on, as the event made
// earlier may need to move or go.
Result<void> afterChange(db::Transaction &tx, const QString &orgId, const QString &eventType,
                         const QJsonObject &appointment, bool mirror = true)
{
    const QString id = appointment.value(u"id"_s).toString();
    if (auto e = events::publish(tx, orgId, eventType, u"appointment"_s, id, appointment); !e)
        return e.error();
    // Its automatic reminders for the start it has now (none once cancelled).
    if (auto planned = reminderjobs::plan(tx, orgId, id, QDateTime()); !planned)
        return planned.error();
    if (!mirror)
        return {};
    // The calendar module mirrors the change to Google Calendar (a no-op when not connected).
    jobs::NewJob sync;
    sync.kind = u"calendar.sync_appointment"_s;
    sync.orgId = orgId;
    sync.payload = {{u"appointment_id"_s, id}};
    sync.uniqueKey = u"calendar.sync_appointment:"_s + id;
    sync.dedupe = jobs::NewJob::Dedupe::Rearm;
    if (auto queued = jobs::enqueue(tx, sync); !queued)
        return queued.error();
    return {};
}

// Overlapping bookings racing each other can deadlock inside the exclusion constraint's checks
// (each waits for the other's uncommitted row). PostgreSQL aborts one, Database::transaction
// retries it a few times, and with a crowd of callers after one slot the booking tries a few
// rounds more, each after a short random pause, before the caller hears about it.
template<typename Attempt> auto withContentionRetries(Attempt attempt)
{
    for (int round = 0;; ++round) {
        auto result = attempt();
        const bool contended =
            !result && (result.error().sqlstate == db::sqlstate::deadlock ||
                        result.error().sqlstate == db::sqlstate::serializationFailure);
        if (!contended || round >= 4)
            return result;
        QThread::msleep(ulong(5 + QRandomGenerator::global()->bounded(20 * (round + 1))));
    }
}

} // namespace

QByteArray BookingService::appointmentSelect(const QByteArray &extraColumns)
{
    return "SELECT json_build_object('id', a.id, 'contact_id', a.contact_id, 'contact_name', "
           "c.name, 'phone_number', c.phone, 'contact_email', c.email, 'service_id', "
           "a.service_id, 'service_name', coalesce(sv.name, a.service_name), 'scheduled_time', "
           "a.starts_at, 'scheduled_at', a.starts_at, 'ends_at', a.ends_at, 'duration_minutes', "
           "(extract(epoch FROM a.ends_at - a.starts_at) / 60)::int, 'status', a.status, "
           "'confirmation_sent', a.confirmation_sent, 'notes', a.notes, 'source', a.source, "
           "'call_id', a.call_id, 'calendar_event_id', a.calendar_event_id, "
           "'patient_confirmed_at', a.patient_confirmed_at, 'reschedule_requested_at', "
           "a.reschedule_requested_at, 'created_at', a.created_at, 'updated_at', a.updated_at)" +
           (extraColumns.isEmpty() ? QByteArray() : ", " + extraColumns) +
           " FROM appointments a LEFT JOIN contacts c ON c.id = a.contact_id "
           "LEFT JOIN services sv ON sv.id = a.service_id ";
}

Result<QJsonObject> BookingService::appointmentJson(db::Transaction &tx, const QString &orgId,
                                                    const QString &appointmentId)
{
    auto row = tx.exec(appointmentSelect() + "WHERE a.id = $1::uuid AND a.org_id = $2::uuid",
                       {appointmentId, orgId});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return http::status::notFound(u"That appointment does not exist."_s);
    return row->toJson(0, 0).toObject();
}

namespace {

// The calendar's columns read for the org in `org` (a table expression with an org_id column):
// whether the org has settings, time zone, slot step, phone country, opening hours and, for the
// service role, which links work.
QByteArray calendarSelect(const QByteArray &org, bool seesLinks)
{
    return "SELECT o.org_id, s.org_id IS NOT NULL, s.time_zone, s.slot_minutes, s.phone_country, "
           "  coalesce(json_agg(json_build_array(b.weekday, "
           "  to_char(b.opens_at, 'HH24:MI'), to_char(b.closes_at, 'HH24:MI')) "
           "  ORDER BY b.weekday, b.opens_at) FILTER (WHERE b.weekday IS NOT NULL), '[]')" +
           QByteArray(seesLinks ? ", (SELECT coalesce(json_agg(c.provider ORDER BY c.provider), "
                                  "'[]') FROM org_credentials c WHERE c.org_id = o.org_id "
                                  "AND c.status = 'active') "
                                : " ") +
           "FROM " + org +
           " LEFT JOIN org_settings s ON s.org_id = o.org_id "
           "LEFT JOIN business_hours b ON b.org_id = s.org_id "
           "GROUP BY o.org_id, s.org_id, s.time_zone, s.slot_minutes, s.phone_country";
}

Result<ClinicCalendar> calendarFrom(const db::PgResult &row, bool seesLinks)
{
    if (row.isEmpty() || !row.toBool(0, 1))
        return http::status::notFound(u"That clinic does not exist."_s);
    ClinicCalendar c;
    c.orgId = row.text(0, 0);
    c.timeZoneName = row.text(0, 2);
    c.zone = QTimeZone(c.timeZoneName.toLatin1());
    if (!c.zone.isValid())
        c.zone = QTimeZone::utc();
    c.slotMinutes = int(row.toInt(0, 3));
    c.phoneCountry = row.text(0, 4);
    for (const QJsonValue &h : row.toJson(0, 5).toArray()) {
        const QJsonArray a = h.toArray();
        c.hours.append({a.at(0).toInt(), QTime::fromString(a.at(1).toString(), u"HH:mm"_s),
                        QTime::fromString(a.at(2).toString(), u"HH:mm"_s)});
    }
    if (seesLinks) {
        QStringList links;
        for (const QJsonValue &provider : row.toJson(0, 6).toArray())
            links << provider.toString();
        c.activeLinks = links;
    }
    return c;
}

} // namespace

Result<ClinicCalendar> BookingService::calendar(db::Transaction &tx, const QString &orgId)
{
    // Only the service role sees credentials; the same round trip reads which links work.
    const bool seesLinks = tx.role() == db::Access::Role::Service;
    auto row = tx.exec(calendarSelect("(SELECT $1::uuid AS org_id) o", seesLinks), {orgId});
    if (!row)
        return row.error();
    auto c = calendarFrom(*row, seesLinks);
    if (!c)
        return c.error();
    ClinicCalendar calendar = *c;
    calendar.orgId = orgId; // as the caller wrote it
    return calendar;
}

// Declared in vapicallorg.h; here beside the calendar's columns it reads.
Result<ClinicCalendar> calendarOfVapiCall(db::Transaction &tx, const QString &assistantId,
                                          const QString &phoneNumberId)
{
    if (assistantId.isEmpty() && phoneNumberId.isEmpty())
        return fail(u"unknown assistant"_s, ErrorKind::NotFound);
    const bool seesLinks = tx.role() == db::Access::Role::Service;
    // The owner lookup is orgOfVapiCall's.
    auto row = tx.exec(calendarSelect("(SELECT org_id FROM agents WHERE $1::text IS NOT NULL "
                                      "AND vapi_assistant_id = $1 "
                                      "UNION ALL SELECT org_id FROM phone_numbers "
                                      "WHERE $2::text IS NOT NULL "
                                      "AND vapi_phone_number_id = $2 LIMIT 1) o",
                                      seesLinks),
                       {assistantId.isEmpty() ? QString() : assistantId,
                        phoneNumberId.isEmpty() ? QString() : phoneNumberId});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return fail(u"unknown assistant"_s, ErrorKind::NotFound);
    return calendarFrom(*row, seesLinks);
}

Result<ServiceInfo> BookingService::findService(db::Transaction &tx, const QString &orgId,
                                                const QString &idOrName)
{
    const QString wanted = idOrName.trimmed();
    if (http::isUuid(wanted)) {
        auto row = tx.exec(QByteArray("SELECT ") + serviceColumns +
                               " FROM services WHERE id = $1::uuid AND org_id = $2::uuid",
                           {wanted.toLower(), orgId});
        if (!row)
            return row.error();
        if (row->isEmpty())
            return http::status::notFound(u"That service does not exist."_s);
        if (!row->toBool(0, 6))
            return http::status::badRequest(u"%1 is no longer offered."_s.arg(row->text(0, 1)),
                                            u"service_id"_s);
        return serviceFrom(*row, 0);
    }
    auto rows = tx.exec(QByteArray("SELECT ") + serviceColumns +
                            " FROM services WHERE org_id = $1::uuid AND active "
                            "ORDER BY lower(name), id",
                        {orgId});
    if (!rows)
        return rows.error();
    QStringList names;
    for (int r = 0; r < rows->rowCount(); ++r) {
        names << rows->text(r, 1);
        if (rows->text(r, 1).compare(wanted, Qt::CaseInsensitive) == 0)
            return serviceFrom(*rows, r);
    }
    // "a nose job" finds Rhinoplasty through its keywords; "botox injection" finds Botox.
    for (int r = 0; r < rows->rowCount(); ++r) {
        QStringList phrases{rows->text(r, 1)};
        for (const QJsonValue &k : rows->toJson(r, 7).toArray())
            phrases << k.toString();
        for (const QString &p : std::as_const(phrases)) {
            if (services::mentions(wanted, p))
                return serviceFrom(*rows, r);
        }
    }
    if (wanted.isEmpty())
        return http::status::badRequest(u"Which service? We offer %1."_s.arg(names.join(u", "_s)),
                                        u"service"_s);
    return http::status::notFound(
        u"We don't offer \"%1\". We offer %2."_s.arg(wanted, names.join(u", "_s)));
}

Result<ServiceInfo> BookingService::defaultService(db::Transaction &tx, const QString &orgId)
{
    auto rows = tx.exec(QByteArray("SELECT ") + serviceColumns +
                            " FROM services WHERE org_id = $1::uuid AND active "
                            "ORDER BY (lower(name) = 'consultation') DESC, lower(name), id LIMIT 1",
                        {orgId});
    if (!rows)
        return rows.error();
    if (rows->isEmpty())
        return http::status::badRequest(u"The clinic has no services to book yet."_s);
    return serviceFrom(*rows, 0);
}

bool BookingService::knownToHaveNoCalendar(const ClinicCalendar &calendar) const
{
    return calendar.activeLinks && !m_app.calendarBusyLink.isEmpty() &&
           !calendar.activeLinks->contains(m_app.calendarBusyLink);
}

QList<av::Range> BookingService::externalBusy(const QString &orgId, const QDateTime &from,
                                              const QDateTime &to,
                                              const ClinicCalendar *calendar) const
{
    if (!m_app.calendarBusy)
        return {};
    // Without a working link the lookup has nothing to say (it would read the clinic's
    // credentials to learn as much).
    if (calendar && knownToHaveNoCalendar(*calendar))
        return {};
    auto busy = m_app.calendarBusy(orgId, from, to);
    if (!busy) {
        // A calendar that cannot be read must not stop the phone from booking; the database
        // still prevents double bookings among our own appointments.
        log::warn("booking", u"External calendar unavailable; offering times without it."_s,
                  {{u"org_id"_s, orgId}, {u"error"_s, busy.errorMessage()}});
        return {};
    }
    QList<av::Range> out;
    for (const BusyInterval &b : *busy)
        out.append({b.start.toUTC(), b.end.toUTC()});
    return out;
}

Result<DayAvailability> BookingService::availability(const db::Access &access, const QString &orgId,
                                                     const QDate &date,
                                                     const QString &serviceIdOrName,
                                                     const ClinicCalendar *known,
                                                     const QString &movingId)
{
    if (!date.isValid())
        return http::status::badRequest(u"'date' must be a date like 2026-03-14."_s, u"date"_s);
    // The horizon is checked once the clinic's zone tells which day "today" is there.
    constexpr int lookAheadDays = 14;
    QDateTime from;
    QDateTime to;
    // One transaction reads the rules and what is taken.
    auto loaded = m_app.db.transaction<std::pair<DayAvailability, QList<av::Range>>>(
        access, [&](db::Transaction &tx) -> Result<std::pair<DayAvailability, QList<av::Range>>> {
            auto cal = known ? Result<ClinicCalendar>(*known) : calendar(tx, orgId);
            if (!cal)
                return cal.error();
            auto service = serviceIdOrName.trimmed().isEmpty()
                               ? defaultService(tx, orgId)
                               : findService(tx, orgId, serviceIdOrName);
            if (!service)
                return service.error();
            DayAvailability day;
            day.date = date;
            day.calendar = *cal;
            day.service = *service;
            const QTimeZone &zone = day.calendar.zone;
            const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(zone).date();
            if (auto withinHorizon = datetimerules::checkBookingDay(date, today); !withinHorizon)
                return withinHorizon.error();
            from = QDateTime(date, QTime(0, 0), zone).toUTC().addSecs(-12 * 3600);
            to = QDateTime(date.addDays(lookAheadDays + 1), QTime(0, 0), zone)
                     .toUTC()
                     .addSecs(12 * 3600);
            auto taken = takenRanges(tx, orgId, from, to, movingId);
            if (!taken)
                return taken.error();
            return std::pair{day, *taken};
        });
    if (!loaded)
        return loaded.error();
    DayAvailability day = loaded->first;
    const QTimeZone &zone = day.calendar.zone;
    QList<av::Range> blocked = loaded->second + externalBusy(orgId, from, to, &day.calendar);

    const av::SlotRules rules{day.service.durationMinutes, day.service.bufferBeforeMinutes,
                              day.service.bufferAfterMinutes, day.calendar.slotMinutes};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    day.closed = av::openingRanges(date, zone, day.calendar.hours).isEmpty();
    day.openSlots = av::freeSlots(date, zone, day.calendar.hours, rules, blocked, now);
    if (day.openSlots.isEmpty()) {
        for (int i = 1; i <= lookAheadDays && !day.nextOpening; ++i) {
            const auto later =
                av::freeSlots(date.addDays(i), zone, day.calendar.hours, rules, blocked, now);
            if (!later.isEmpty())
                day.nextOpening = later.first();
        }
    }
    return day;
}

Result<void> BookingService::checkBookable(const ClinicCalendar &calendar,
                                           const ServiceInfo &service, const QDateTime &start) const
{
    if (!start.isValid())
        return http::status::badRequest(u"Which time? Give a date and time."_s,
                                        u"scheduled_time"_s);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (start < now)
        return http::status::badRequest(u"%1 has already passed; please choose a later time."_s.arg(
                                            av::speakable(start, calendar.zone)),
                                        u"scheduled_time"_s);
    if (auto withinHorizon = datetimerules::checkBookingStart(start, now); !withinHorizon)
        return withinHorizon.error();
    const QDateTime end = start.addSecs(qint64(service.durationMinutes) * 60);
    if (av::withinOpeningHours(start, end, calendar.zone, calendar.hours))
        return {};
    const QDate localDay = start.toTimeZone(calendar.zone).date();
    const QString dayName = av::weekdayName(localDay.dayOfWeek());
    const auto next = av::nextOpenDay(localDay.addDays(1), calendar.hours);
    QString nextText;
    if (next) {
        const auto opening = av::openingRanges(*next, calendar.zone, calendar.hours);
        if (!opening.isEmpty())
            nextText = u" The next opening is %1."_s.arg(
                av::speakable(opening.first().start, calendar.zone));
    }
    if (av::openingRanges(localDay, calendar.zone, calendar.hours).isEmpty())
        return http::status::badRequest(u"We're closed on %1s.%2"_s.arg(dayName, nextText),
                                        u"scheduled_time"_s);
    return http::status::badRequest(
        u"That's outside our opening hours: on %1s we're open %2, and %3 takes %4 minutes."_s
            .arg(dayName, hoursOf(calendar, localDay.dayOfWeek()), service.name)
            .arg(service.durationMinutes),
        u"scheduled_time"_s);
}

Result<BookingOutcome>
BookingService::conflictOutcome(const db::Access &access, const QString &orgId,
                                const QString &ignoreAppointmentId, const ServiceInfo &service,
                                const QDateTime &start, const ClinicCalendar *known)
{
    auto found = m_app.db.transaction<BookingOutcome>(
        access, [&](db::Transaction &tx) -> Result<BookingOutcome> {
            auto cal = known ? Result<ClinicCalendar>(*known) : calendar(tx, orgId);
            if (!cal)
                return cal.error();
            BookingOutcome outcome;
            outcome.calendar = *cal;
            const av::Range wanted = blockedRange(service, start);
            auto blocker = tx.exec(
                "SELECT a.starts_at, a.ends_at, coalesce(sv.name, a.service_name) "
                "FROM appointments a LEFT JOIN services sv ON sv.id = a.service_id "
                "WHERE a.org_id = $1::uuid AND a.status IN ('held', 'confirmed') "
                "  AND a.id IS DISTINCT FROM $4::uuid "
                "  AND vox_blocked_range(a.starts_at, a.ends_at, a.buffer_before_minutes, "
                "      a.buffer_after_minutes) && tstzrange($2::timestamptz, $3::timestamptz) "
                "ORDER BY a.starts_at LIMIT 1",
                {orgId, wanted.start, wanted.end,
                 ignoreAppointmentId.isEmpty() ? QString() : ignoreAppointmentId});
            if (!blocker)
                return blocker.error();
            if (blocker->isEmpty()) {
                outcome.conflict = u"That time is busy on the clinic's calendar."_s;
            } else {
                const QTimeZone &zone = cal->zone;
                const QString what = blocker->text(0, 2);
                outcome.conflict = u"That time overlaps another appointment (%1–%2%3)."_s.arg(
                    blocker->toDateTime(0, 0).toTimeZone(zone).toString(u"HH:mm"_s),
                    blocker->toDateTime(0, 1).toTimeZone(zone).toString(u"HH:mm"_s),
                    what.isEmpty() ? QString() : u" "_s + what);
            }
            return outcome;
        });
    if (!found)
        return found.error();
    BookingOutcome outcome = *found;
    const QDate day = start.toTimeZone(outcome.calendar.zone).date();
    auto sameDay = availability(access, orgId, day, service.id, known);
    if (sameDay) {
        outcome.alternatives = av::nearest(sameDay->openSlots, start, 3);
        if (outcome.alternatives.isEmpty() && sameDay->nextOpening)
            outcome.alternatives.append(*sameDay->nextOpening);
    }
    return outcome;
}

Result<BookingOutcome> BookingService::book(const db::Access &access, const NewAppointment &request)
{
    const QString &orgId = request.orgId;
    QString phone;
    const ClinicCalendar *known = request.calendar ? &*request.calendar : nullptr;
    if (request.contactId.isEmpty()) {
        auto normalized = known
                              ? clinicphone::read(request.phone, known->phoneCountry, u"phone"_s)
                              : m_app.db.transaction<QString>(access, [&](db::Transaction &tx) {
                                    return clinicphone::read(tx, orgId, request.phone, u"phone"_s);
                                });
        if (!normalized)
            return normalized.error();
        phone = *normalized;
    }
    const QList<av::Range> busy =
        m_app.calendarBusy
            ? externalBusy(orgId, request.start.addDays(-1), request.start.addDays(1), known)
            : QList<av::Range>{};

    ServiceInfo service;
    auto done = withContentionRetries([&] {
        return m_app.db.transaction<
            BookingOutcome>(access, [&](db::Transaction &tx) -> Result<BookingOutcome> {
            BookingOutcome outcome;
            if (!request.toolCallId.isEmpty()) {
                auto existing = tx.exec("SELECT id FROM appointments WHERE org_id = $1::uuid "
                                        "AND source_tool_call_id = $2",
                                        {orgId, request.toolCallId});
                if (!existing)
                    return existing.error();
                if (!existing->isEmpty()) {
                    auto json = appointmentJson(tx, orgId, existing->text(0, 0));
                    if (!json)
                        return json.error();
                    outcome.booked = outcome.replayed = true;
                    outcome.appointment = *json;
                    auto cal = known ? Result<ClinicCalendar>(*known) : calendar(tx, orgId);
                    if (!cal)
                        return cal.error();
                    outcome.calendar = *cal;
                    return outcome;
                }
            }
            auto cal = known ? Result<ClinicCalendar>(*known) : calendar(tx, orgId);
            if (!cal)
                return cal.error();
            outcome.calendar = *cal;
            auto found = request.serviceId.isEmpty() ? findService(tx, orgId, request.serviceName)
                                                     : findService(tx, orgId, request.serviceId);
            if (!found)
                return found.error();
            service = *found;
            if (auto ok = checkBookable(*cal, service, request.start); !ok)
                return ok.error();
            const av::Range wanted = blockedRange(service, request.start);
            for (const av::Range &b : busy) {
                if (b.overlaps(wanted)) // answered like a taken slot, with alternatives
                    return db::sqlstate::failed(u"Busy on the external calendar."_s,
                                                db::sqlstate::exclusionViolation);
            }

            QString contactId = request.contactId;
            if (contactId.isEmpty()) {
                auto contact = tx.exec(
                    "INSERT INTO contacts (org_id, phone, name) VALUES ($1::uuid, $2, $3) "
                    "ON CONFLICT (org_id, phone) DO UPDATE SET name = coalesce(contacts.name, "
                    "EXCLUDED.name) RETURNING id, (xmax = 0)",
                    {orgId, phone,
                     request.name.trimmed().isEmpty() ? QString() : request.name.trimmed()});
                if (!contact)
                    return contact.error();
                contactId = contact->text(0, 0);
                outcome.contactCreated = contact->toBool(0, 1);
            } else {
                auto contact =
                    tx.exec("SELECT 1 FROM contacts WHERE id = $1::uuid AND org_id = $2::uuid",
                            {contactId, orgId});
                if (!contact)
                    return contact.error();
                if (contact->isEmpty())
                    return http::status::notFound(u"That contact does not exist."_s);
            }

            const QDateTime end = request.start.addSecs(qint64(service.durationMinutes) * 60);
            auto inserted = tx.exec(
                "INSERT INTO appointments (org_id, contact_id, service_id, service_name, "
                "  starts_at, ends_at, buffer_before_minutes, buffer_after_minutes, status, "
                "  notes, source, source_tool_call_id, vapi_call_id) "
                "VALUES ($1::uuid, $2::uuid, $3::uuid, $4, $5::timestamptz, $6::timestamptz, $7, "
                "  $8, 'confirmed', $9, $10, $11, $12) RETURNING id",
                {orgId, contactId, service.id, service.name, request.start, end,
                 service.bufferBeforeMinutes, service.bufferAfterMinutes,
                 request.notes.trimmed().isEmpty() ? QString() : request.notes.trimmed(),
                 request.source, request.toolCallId.isEmpty() ? QString() : request.toolCallId,
                 request.vapiCallId.isEmpty() ? QString() : request.vapiCallId});
            if (!inserted)
                return inserted.error();
            const QString id = inserted->text(0, 0);
            if (outcome.contactCreated) {
                if (auto e = events::publish(tx, orgId, u"contact.created"_s, u"contact"_s,
                                             contactId, {{u"id"_s, contactId}});
                    !e)
                    return e.error();
            }
            if (auto linked = calloutcome::linkBooking(tx, orgId, request.vapiCallId, id); !linked)
                return linked.error();
            auto json = appointmentJson(tx, orgId, id);
            if (!json)
                return json.error();
            // Who booked, when a person did (not the AI on a call): their own console then
            // lists the booking without announcing it to them.
            QJsonObject announced = *json;
            if (!access.userId.isEmpty())
                announced.insert(u"booked_by_user_id"_s, access.userId);
            // A booking on a call is on the voice path: a clinic without a linked calendar
            // gets no mirror job, which saves the job runner's round trips for each booking.
            if (auto after = afterChange(tx, orgId, u"appointment.created"_s, announced,
                                         !knownToHaveNoCalendar(*cal));
                !after)
                return after.error();
            outcome.booked = true;
            outcome.appointment = *json;
            return outcome;
        });
    });
    if (done)
        return done;
    const Error &error = done.error();
    const bool raced = error.sqlstate == db::sqlstate::uniqueViolation ||
                       error.sqlstate == db::sqlstate::exclusionViolation;
    if (raced && !request.toolCallId.isEmpty()) {
        // The same tool call delivered twice at once: the other delivery booked it. (Which
        // constraint the loser trips first, the tool call's unique index or the time's
        // exclusion, is up to PostgreSQL.)
        auto replay = m_app.db.transaction<BookingOutcome>(
            access, [&](db::Transaction &tx) -> Result<BookingOutcome> {
                BookingOutcome outcome;
                auto existing = tx.exec("SELECT id FROM appointments WHERE org_id = $1::uuid "
                                        "AND source_tool_call_id = $2",
                                        {orgId, request.toolCallId});
                if (!existing)
                    return existing.error();
                if (existing->isEmpty())
                    return outcome; // not ours: a genuine conflict
                auto json = appointmentJson(tx, orgId, existing->text(0, 0));
                if (!json)
                    return json.error();
                auto cal = known ? Result<ClinicCalendar>(*known) : calendar(tx, orgId);
                if (!cal)
                    return cal.error();
                outcome.booked = outcome.replayed = true;
                outcome.appointment = *json;
                outcome.calendar = *cal;
                return outcome;
            });
        if (!replay || replay->booked)
            return replay;
    }
    if (error.sqlstate == db::sqlstate::exclusionViolation)
        return conflictOutcome(access, orgId, {}, service, request.start, known);
    return error;
}

Result<BookingOutcome> BookingService::update(const db::Access &access, const QString &orgId,
                                              const QString &appointmentId,
                                              const AppointmentChanges &changes)
{
    ServiceInfo service;
    QDateTime newStart;
    const bool moves = changes.start.has_value() || changes.serviceId.has_value();
    auto done = withContentionRetries([&] {
        return m_app.db.transaction<
            BookingOutcome>(access, [&](db::Transaction &tx) -> Result<BookingOutcome> {
            auto current = tx.exec(
                "SELECT a.status, a.starts_at, a.ends_at, a.service_id, a.buffer_before_minutes, "
                "  a.buffer_after_minutes, coalesce(sv.name, a.service_name) "
                "FROM appointments a LEFT JOIN services sv ON sv.id = a.service_id "
                "WHERE a.id = $1::uuid AND a.org_id = $2::uuid FOR UPDATE OF a",
                {appointmentId, orgId});
            if (!current)
                return current.error();
            if (current->isEmpty())
                return http::status::notFound(u"That appointment does not exist."_s);
            const QString status = current->text(0, 0);
            BookingOutcome outcome;
            auto cal = calendar(tx, orgId);
            if (!cal)
                return cal.error();
            outcome.calendar = *cal;
            if (moves) {
                if (status == u"cancelled" || status == u"completed")
                    return http::status::conflict(
                        u"A %1 appointment cannot be moved; book a new one instead."_s.arg(status));
                newStart = changes.start.value_or(current->toDateTime(0, 1));
                if (changes.serviceId) {
                    auto found = findService(tx, orgId, *changes.serviceId);
                    if (!found)
                        return found.error();
                    service = *found;
                } else if (!current->isNull(0, 3)) {
                    auto found = findService(tx, orgId, current->text(0, 3));
                    if (!found)
                        return found.error();
                    service = *found;
                } else {
                    // The service was deleted: keep the appointment's own length and buffers.
                    service.name = current->text(0, 6);
                    service.durationMinutes =
                        int(current->toDateTime(0, 1).secsTo(current->toDateTime(0, 2)) / 60);
                    service.bufferBeforeMinutes = int(current->toInt(0, 4));
                    service.bufferAfterMinutes = int(current->toInt(0, 5));
                }
                if (auto ok = checkBookable(*cal, service, newStart); !ok)
                    return ok.error();
                auto moved = tx.exec(
                    "UPDATE appointments SET starts_at = $3::timestamptz, ends_at = "
                    "  $4::timestamptz, service_id = coalesce($5::uuid, service_id), "
                    "  service_name = $6, buffer_before_minutes = $7, buffer_after_minutes = $8 "
                    "WHERE id = $1::uuid AND org_id = $2::uuid",
                    {appointmentId, orgId, newStart,
                     newStart.addSecs(qint64(service.durationMinutes) * 60),
                     service.id.isEmpty() ? QString() : service.id, service.name,
                     service.bufferBeforeMinutes, service.bufferAfterMinutes});
                if (!moved)
                    return moved.error();
            }
            if (changes.status) {
                if (status == u"cancelled")
                    return http::status::conflict(
                        u"That appointment was cancelled; book a new one instead."_s);
                if (auto s = tx.exec("UPDATE appointments SET status = $3 WHERE id = $1::uuid "
                                     "AND org_id = $2::uuid",
                                     {appointmentId, orgId, *changes.status});
                    !s)
                    return s.error();
            }
            if (changes.notes) {
                if (auto n = tx.exec("UPDATE appointments SET notes = $3 WHERE id = $1::uuid AND "
                                     "org_id = $2::uuid",
                                     {appointmentId, orgId,
                                      changes.notes->isEmpty() ? QString() : *changes.notes});
                    !n)
                    return n.error();
            }
            auto json = appointmentJson(tx, orgId, appointmentId);
            if (!json)
                return json.error();
            if (moves || changes.status) {
                if (auto after = afterChange(tx, orgId, u"appointment.updated"_s, *json); !after)
                    return after.error();
            } else if (auto e = events::publish(tx, orgId, u"appointment.updated"_s,
                                                u"appointment"_s, appointmentId, *json);
                       !e) {
                return e.error();
            }
            outcome.booked = true;
            outcome.appointment = *json;
            return outcome;
        });
    });
    if (!done && done.error().sqlstate == db::sqlstate::exclusionViolation)
        return conflictOutcome(access, orgId, appointmentId, service, newStart, nullptr);
    return done;
}

Result<QJsonObject> BookingService::cancel(const db::Access &access, const QString &orgId,
                                           const QString &appointmentId, const QString &reason)
{
    return m_app.db.transaction<QJsonObject>(
        access, [&](db::Transaction &tx) { return cancelIn(tx, orgId, appointmentId, reason); });
}

Result<QJsonObject> BookingService::cancelIn(db::Transaction &tx, const QString &orgId,
                                             const QString &appointmentId, const QString &reason)
{
    auto cancelled =
        tx.exec("UPDATE appointments SET status = 'cancelled', cancelled_at = now(), "
                "  notes = CASE WHEN $3::text IS NULL THEN notes "
                "               ELSE concat_ws(E'\\n', notes, 'Cancelled: ' || $3) END "
                "WHERE id = $1::uuid AND org_id = $2::uuid AND status IN ('held', 'confirmed') "
                "RETURNING id",
                {appointmentId, orgId, reason.trimmed().isEmpty() ? QString() : reason.trimmed()});
    if (!cancelled)
        return cancelled.error();
    auto json = appointmentJson(tx, orgId, appointmentId);
    if (!json)
        return json.error();
    if (cancelled->isEmpty()) {
        // Already cancelled: the same answer again. Completed: not something to cancel.
        if (json->value(u"status"_s).toString() == u"completed")
            return http::status::conflict(
                u"That appointment is completed and cannot be cancelled."_s);
        return *json;
    }
    if (auto after = afterChange(tx, orgId, u"appointment.cancelled"_s, *json); !after)
        return after.error();
    return *json;
}

} // namespace vox::server
