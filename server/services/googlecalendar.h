#pragma once

#include "core/result.h"
#include "server/appcontext.h"
#include "server/providers/googleclient.h"

#include <QDateTime>
#include <QList>
#include <QString>

namespace vox::server {

// The clinic's Google Calendar once it is connected: access tokens kept fresh from the stored
// refresh token, bookings mirrored as calendar events by the `calendar.sync_appointment` job, and
// busy times for availability. A revoked refresh token marks the integration broken and tells the
// console (integration.updated) instead of failing quietly forever.
class GoogleCalendar
{
public:
    // Errors of accessToken(): code "not_connected" (no active Google integration) or
    // "invalid_grant" (Google revoked the link; the integration is now "broken").
    static inline const QString notConnected = QStringLiteral("not_connected");

    explicit GoogleCalendar(AppContext &app)
        : m_app(app)
    {}

    providers::GoogleClient client() const;

    // An access token for the org's calendar, refreshed when it expires within a minute (or
    // when `forceRefresh`, after Google refused the cached one).
    Result<QString> accessToken(const QString &orgId, bool forceRefresh = false);
    Result<void> markBroken(const QString &orgId, const QString &detail);

    // Creates, updates or deletes the event of one appointment and records its id on the
    // appointment. A no-op when the clinic has no working Google connection.
    Result<void> syncAppointment(const QString &orgId, const QString &appointmentId);

    // The primary calendar's busy times between `from` and `to` (empty when not connected).
    // Called while a person or the AI waits for availability: one short attempt, no retries.
    Result<QList<BusyInterval>> busy(const QString &orgId, const QDateTime &from,
                                     const QDateTime &to);

    // calendar.sync_appointment {appointment_id}.
    static void registerJobs(jobs::JobRunner &runner, AppContext &app);

private:
    // Runs `call` with a token, refreshing once if Google refuses the cached one.
    template<typename T>
    Result<T> withToken(const QString &orgId,
                        const std::function<Result<T>(const QString &)> &call);

    AppContext &m_app;
};

} // namespace vox::server
