#include "server/services/googlecalendar.h"

#include "core/logging/log.h"
#include "server/events/eventpublisher.h"
#include "server/services/credentialstore.h"

#include <QJsonArray>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

const QString primaryCalendar = u"primary"_s;

} // namespace

providers::GoogleClient GoogleCalendar::client() const
{
    const ServerConfig &c = m_app.config;
    return providers::GoogleClient({c.googleOAuthBaseUrl, c.googleTokenUrl, c.googleApiBaseUrl,
                                    c.googleClientId, c.googleClientSecret},
                                   m_app.retry);
}

Result<void> GoogleCalendar::markBroken(const QString &orgId, const QString &detail)
{
    auto done =
        m_app.db.transaction<bool>(db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
            const CredentialStore store(m_app.keys);
            auto current = store.describe(tx, orgId, CredentialStore::google);
            if (!current)
                return current.error();
            if (!*current || (*current)->status == u"broken")
                return false;
            if (auto set = store.setStatus(tx, orgId, CredentialStore::google, u"broken"_s, detail);
                !set)
                return set.error();
            auto published = events::publish(tx, orgId, u"integration.updated"_s, u"integration"_s,
                                             (*current)->id,
                                             {{u"provider"_s, CredentialStore::google},
                                              {u"status"_s, u"broken"_s},
                                              {u"detail"_s, detail}});
            if (!published)
                return published.error();
            return true;
        });
    if (!done)
        return done.error();
    if (*done)
        log::warn("google", u"Google Calendar link is broken; the clinic must reconnect."_s,
                  {{u"org_id"_s, orgId}});
    return {};
}

Result<QString> GoogleCalendar::accessToken(const QString &orgId, bool forceRefresh)
{
    const CredentialStore store(m_app.keys);
    auto stored = m_app.db.transaction<std::optional<QJsonObject>>(
        db::Access::service(), [&](db::Transaction &tx) -> Result<std::optional<QJsonObject>> {
            auto summary = store.describe(tx, orgId, CredentialStore::google);
            if (!summary)
                return summary.error();
            if (!*summary || (*summary)->status != u"active")
                return std::optional<QJsonObject>();
            return store.reveal(tx, orgId, CredentialStore::google);
        });
    if (!stored)
        return stored.error();
    if (!*stored)
        return fail(u"Google Calendar is not connected."_s).withCode(notConnected);
    QJsonObject secret = **stored;
    const QDateTime expires =
        QDateTime::fromString(secret.value(u"access_token_expires_at"_s).toString(), Qt::ISODate);
    const QString cached = secret.value(u"access_token"_s).toString();
    if (!forceRefresh && !cached.isEmpty() && expires.isValid() &&
        expires > QDateTime::currentDateTimeUtc().addSecs(60))
        return cached;

    auto refreshed = client().refresh(secret.value(u"refresh_token"_s).toString());
    if (!refreshed) {
        if (refreshed.error().code == u"invalid_grant") {
            if (auto broken = markBroken(orgId, u"Google revoked Voxanne's access to the "
                                                "calendar; connect Google Calendar again."_s);
                !broken)
                return broken.error();
        }
        return refreshed.error();
    }
    secret.insert(u"access_token"_s, refreshed->accessToken);
    secret.insert(u"access_token_expires_at"_s, refreshed->expiresAt.toString(Qt::ISODate));
    secret.insert(u"refresh_token"_s, refreshed->refreshToken);
    auto saved =
        m_app.db.transaction<bool>(db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
            auto replaced = store.replaceSecret(tx, orgId, CredentialStore::google, secret);
            if (!replaced)
                return replaced.error();
            return true;
        });
    if (!saved)
        return saved.error();
    return refreshed->accessToken;
}

template<typename T>
Result<T> GoogleCalendar::withToken(const QString &orgId,
                                    const std::function<Result<T>(const QString &)> &call)
{
    auto token = accessToken(orgId);
    if (!token)
        return token.error();
    Result<T> outcome = call(*token);
    if (outcome || outcome.error().code != u"unauthorized")
        return outcome;
    // Google refused a token we thought valid (revoked early, clock skew): refresh once.
    token = accessToken(orgId, true);
    if (!token)
        return token.error();
    return call(*token);
}

Result<void> GoogleCalendar::syncAppointment(const QString &orgId, const QString &appointmentId)
{
    struct Appointment
    {
        QString status;
        QDateTime start;
        QDateTime end;
        QString eventId;
        QString notes;
        QString source;
        QString service;
        QString contactName;
        QString contactPhone;
        QString timeZone;
        QString clinic;
    };
    auto loaded = m_app.db.transaction<std::optional<Appointment>>(
        db::Access::service(), [&](db::Transaction &tx) -> Result<std::optional<Appointment>> {
            auto row = tx.exec(
                "SELECT a.status, a.starts_at, a.ends_at, a.calendar_event_id, a.notes, a.source, "
                "coalesce(a.service_name, s.name, 'Appointment'), c.name, c.phone, st.time_zone, "
                "o.name FROM appointments a LEFT JOIN services s ON s.id = a.service_id "
                "LEFT JOIN contacts c ON c.id = a.contact_id "
                "JOIN org_settings st ON st.org_id = a.org_id "
                "JOIN organizations o ON o.id = a.org_id "
                "WHERE a.id = $1::uuid AND a.org_id = $2::uuid",
                {appointmentId, orgId});
            if (!row)
                return row.error();
            if (row->isEmpty())
                return std::optional<Appointment>();
            return std::optional<Appointment>(
                Appointment{row->text(0, 0), row->toDateTime(0, 1), row->toDateTime(0, 2),
                            row->text(0, 3), row->text(0, 4), row->text(0, 5), row->text(0, 6),
                            row->text(0, 7), row->text(0, 8), row->text(0, 9), row->text(0, 10)});
        });
    if (!loaded)
        return loaded.error();
    if (!*loaded) {
        log::info("google", u"Calendar sync skipped: the appointment no longer exists."_s,
                  {{u"org_id"_s, orgId}, {u"appointment_id"_s, appointmentId}});
        return {};
    }
    const Appointment a = **loaded;

    const auto storeEventId = [&](const QString &eventId) -> Result<void> {
        auto done = m_app.db.transaction<bool>(
            db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
                auto updated =
                    tx.exec("UPDATE appointments SET calendar_event_id = $3 "
                            "WHERE id = $1::uuid AND org_id = $2::uuid",
                            {appointmentId, orgId, eventId.isEmpty() ? QString() : eventId});
                if (!updated)
                    return updated.error();
                return true;
            });
        if (!done)
            return done.error();
        return {};
    };

    providers::GoogleClient google = client();
    Result<bool> synced = false;
    if (a.status == u"cancelled") {
        if (a.eventId.isEmpty())
            return {};
        synced = withToken<bool>(orgId, [&](const QString &token) -> Result<bool> {
            auto gone = google.deleteEvent(token, primaryCalendar, a.eventId);
            if (!gone)
                return gone.error();
            return true;
        });
        if (synced)
            return storeEventId(QString());
    } else {
        const QString who = a.contactName.isEmpty() ? a.contactPhone : a.contactName;
        QStringList description{u"Booked through Voxanne (%1)."_s.arg(
            a.source == u"ai" ? u"by the AI receptionist"_s : u"in the console"_s)};
        if (!who.isEmpty())
            description << u"Patient: %1"_s.arg(who);
        if (!a.contactPhone.isEmpty())
            description << u"Phone: %1"_s.arg(a.contactPhone);
        if (!a.notes.isEmpty())
            description << u"Notes: %1"_s.arg(a.notes);
        const QJsonObject event{
            {u"summary"_s, who.isEmpty() ? a.service : u"%1 — %2"_s.arg(a.service, who)},
            {u"description"_s, description.join(u'\n')},
            {u"start"_s, QJsonObject{{u"dateTime"_s, a.start.toUTC().toString(Qt::ISODate)},
                                     {u"timeZone"_s, a.timeZone}}},
            {u"end"_s, QJsonObject{{u"dateTime"_s, a.end.toUTC().toString(Qt::ISODate)},
                                   {u"timeZone"_s, a.timeZone}}},
            {u"status"_s, a.status == u"held" ? u"tentative"_s : u"confirmed"_s},
            {u"extendedProperties"_s,
             QJsonObject{{u"private"_s, QJsonObject{{u"voxanneAppointmentId"_s, appointmentId}}}}}};
        auto eventId = withToken<QString>(orgId, [&](const QString &token) -> Result<QString> {
            if (!a.eventId.isEmpty()) {
                auto patched = google.patchEvent(token, primaryCalendar, a.eventId, event);
                if (patched)
                    return a.eventId;
                if (patched.error().code != u"not_found")
                    return patched.error();
                // Someone deleted it in Google Calendar: put it back.
            }
            auto inserted = google.insertEvent(token, primaryCalendar, event);
            if (!inserted)
                return inserted.error();
            return inserted->value(u"id"_s).toString();
        });
        if (eventId) {
            if (*eventId == a.eventId)
                return {};
            return storeEventId(*eventId);
        }
        synced = eventId.error();
    }
    // Not connected or the link was revoked: nothing to retry until the clinic reconnects.
    if (synced.error().code == notConnected || synced.error().code == u"invalid_grant")
        return {};
    return synced.error();
}

Result<QList<BusyInterval>> GoogleCalendar::busy(const QString &orgId, const QDateTime &from,
                                                 const QDateTime &to)
{
    providers::GoogleClient google = client();
    google.setRetry(providers::RetryPolicy::none());
    auto intervals = withToken<QList<providers::GoogleBusy>>(orgId, [&](const QString &token) {
        return google.freeBusy(token, primaryCalendar, from, to, 3000);
    });
    if (!intervals) {
        if (intervals.error().code == notConnected || intervals.error().code == u"invalid_grant")
            return QList<BusyInterval>();
        // The caller may show this to a person: Google's own words stay in the log.
        log::warn("google", u"Busy times could not be read."_s,
                  {{u"org_id"_s, orgId}, {u"provider_error"_s, intervals.errorMessage()}});
        return fail(u"Google Calendar's busy times could not be read right now."_s,
                    ErrorKind::ProviderFailed);
    }
    QList<BusyInterval> out;
    for (const providers::GoogleBusy &b : std::as_const(*intervals))
        out.append(BusyInterval{b.start, b.end});
    return out;
}

void GoogleCalendar::registerJobs(jobs::JobRunner &runner, AppContext &app)
{
    auto calendar = std::make_shared<GoogleCalendar>(app);
    runner.registerHandler(
        u"calendar.sync_appointment"_s, [calendar](const jobs::Job &job) -> Result<void> {
            const QString appointmentId = job.payload.value(u"appointment_id"_s).toString();
            if (job.orgId.isEmpty() || appointmentId.isEmpty()) {
                log::error("google",
                           u"calendar.sync_appointment job without an org or "
                           "an appointment id."_s,
                           {{u"job_id"_s, job.id}});
                return {};
            }
            return calendar->syncAppointment(job.orgId, appointmentId);
        });
}

} // namespace vox::server
