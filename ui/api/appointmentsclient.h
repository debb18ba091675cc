#pragma once

#include "ui/api/apicallbacks.h"
#include "ui/api/apitypes.h"
#include "ui/api/appointmentrecord.h"
#include "ui/api/listpage.h"

#include <QDate>
#include <QDateTime>
#include <QObject>

namespace vox::ui {

class ApiClient;

// The calendar: appointments, free times and reminders (server/routes/appointments, reminders).
class AppointmentsClient final
{
    Q_DISABLE_COPY_MOVE(AppointmentsClient)

public:
    explicit AppointmentsClient(ApiClient &api)
        : m_api(api)
    {}

    void list(const QDateTime &from, const QDateTime &to, const QString &cursor, QObject *context,
              Callback<ListPage<AppointmentRecord>> done);
    // `movingId`: the appointment being moved (its own time counts as free), or empty.
    void availability(const QDate &date, const QString &serviceId, const QString &movingId,
                      QObject *context, Callback<QList<TimeSlot>> done);
    void create(const NewAppointment &appointment, QObject *context,
                Callback<AppointmentRecord> done);
    void reschedule(const QString &id, const QDateTime &when, QObject *context,
                    Callback<AppointmentRecord> done);
    void cancel(const QString &id, const QString &reason, QObject *context,
                Callback<AppointmentRecord> done);
    void sendReminder(const QString &id, const QString &method, QObject *context,
                      Callback<MessageSent> done);

private:
    ApiClient &m_api;
};

} // namespace vox::ui
