#pragma once

#include "core/availability.h"
#include "core/result.h"
#include "server/appcontext.h"

#include <QDate>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <optional>

namespace vox::server {

// A clinic's calendar rules: its time zone, opening hours and slot step.
struct ClinicCalendar
{
    QString orgId;
    QString timeZoneName;
    QTimeZone zone;
    int slotMinutes = 30;
    // Numbers typed without a country code are read as this country's (ISO 3166 alpha-2).
    QString phoneCountry = QStringLiteral("US");
    QList<availability::OpeningInterval> hours;
    // The integrations the clinic has working (providers of its active credentials), when the
    // read could see them: the service role's can, a console user's leaves this unset.
    std::optional<QStringList> activeLinks;
};

struct ServiceInfo
{
    QString id;
    QString name;
    qint64 priceCents = 0;
    int durationMinutes = 60;
    int bufferBeforeMinutes = 0;
    int bufferAfterMinutes = 0;
};

struct DayAvailability
{
    QDate date;
    ClinicCalendar calendar;
    ServiceInfo service;
    QList<availability::Range> openSlots;
    bool closed = false; // no opening hours that day
    // The first free slot after `date` (within two weeks) when the day has none.
    std::optional<availability::Range> nextOpening;
};

struct NewAppointment
{
    QString orgId;
    QString serviceId;   // or
    QString serviceName; // as the caller said it (name or keyword)
    QDateTime start;
    QString contactId; // an existing contact, or
    QString phone;     // find-or-create by number (any readable form)
    QString name;
    QString notes;
    QString source = QStringLiteral("console"); // ai | console
    QString toolCallId;                         // idempotency key of an AI booking
    QString vapiCallId;                         // the call the AI booked in
    // The clinic's calendar when the caller has read it already (a tool call resolving its
    // clinic): not read again.
    std::optional<ClinicCalendar> calendar;
};

// What a booking attempt came to: booked (perhaps earlier, by the same tool call), or the time
// was taken, with the nearest free times.
struct BookingOutcome
{
    bool booked = false;
    bool replayed = false; // the same tool call had already booked it
    bool contactCreated = false;
    QJsonObject appointment;
    // When not booked:
    QString conflict; // "That time overlaps another appointment (10:00–11:00 Botox)."
    QList<availability::Range> alternatives;
    ClinicCalendar calendar;
};

struct AppointmentChanges
{
    std::optional<QDateTime> start;
    std::optional<QString> serviceId;
    std::optional<QString> notes;
    std::optional<QString> status; // confirmed | completed
};

// Booking shared by the AI's tools and the console's REST API (S-tools, S-dashboard). The
// database decides double bookings (the exclusion constraint over each appointment widened by
// its service's buffers); these functions validate, turn a refusal into the nearest free times,
// and record what follows a change in the same transaction: the live event and the calendar
// sync job. Console calls pass the user's access (RLS), AI calls the service role; every query
// also filters by org.
class BookingService
{
public:
    explicit BookingService(AppContext &app)
        : m_app(app)
    {}

    // Read as the service role, it also says which integrations the clinic has working.
    static Result<ClinicCalendar> calendar(db::Transaction &tx, const QString &orgId);
    // By id, or for the AI by a name or keyword ("nose job" finds Rhinoplasty). A 404 lists what
    // the clinic offers.
    static Result<ServiceInfo> findService(db::Transaction &tx, const QString &orgId,
                                           const QString &idOrName);
    // A service for availability when none is named: the consultation, else the first active.
    static Result<ServiceInfo> defaultService(db::Transaction &tx, const QString &orgId);

    // `known`: the clinic's calendar when the caller has read it already. `movingId`: an
    // appointment being moved, whose own time (and buffers) do not count as taken.
    Result<DayAvailability> availability(const db::Access &access, const QString &orgId,
                                         const QDate &date, const QString &serviceIdOrName,
                                         const ClinicCalendar *known = nullptr,
                                         const QString &movingId = {});

    Result<BookingOutcome> book(const db::Access &access, const NewAppointment &request);
    Result<BookingOutcome> update(const db::Access &access, const QString &orgId,
                                  const QString &appointmentId, const AppointmentChanges &changes);
    Result<QJsonObject> cancel(const db::Access &access, const QString &orgId,
                               const QString &appointmentId, const QString &reason);
    // The same inside a transaction the caller holds (a patient's text cancels it with the
    // message that asked): the live event and the calendar copy go with it.
    static Result<QJsonObject> cancelIn(db::Transaction &tx, const QString &orgId,
                                        const QString &appointmentId, const QString &reason);

    // The appointment as the API shows it (contact flattened in), or 404.
    static Result<QJsonObject> appointmentJson(db::Transaction &tx, const QString &orgId,
                                               const QString &appointmentId);
    // "SELECT <appointment json>[, extra columns] FROM appointments a JOIN ..." behind
    // appointmentJson, for lists; the caller adds WHERE and ORDER BY.
    static QByteArray appointmentSelect(const QByteArray &extraColumns = {});

private:
    // The clinic's links were read (as the service role reads them) and the external calendar
    // is not among them: there is nothing to ask it, and nothing to copy to it.
    bool knownToHaveNoCalendar(const ClinicCalendar &calendar) const;
    // `calendar`, when known, spares asking about a clinic without the calendar's link.
    QList<availability::Range> externalBusy(const QString &orgId, const QDateTime &from,
                                            const QDateTime &to,
                                            const ClinicCalendar *calendar) const;
    // After an exclusion violation: which appointment is in the way, and the nearest free times.
    Result<BookingOutcome> conflictOutcome(const db::Access &access, const QString &orgId,
                                           const QString &ignoreAppointmentId,
                                           const ServiceInfo &service, const QDateTime &start,
                                           const ClinicCalendar *known);
    Result<void> checkBookable(const ClinicCalendar &calendar, const ServiceInfo &service,
                               const QDateTime &start) const;

    AppContext &m_app;
};

} // namespace vox::server
