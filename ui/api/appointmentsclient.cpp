#include "ui/api/appointmentsclient.h"

#include "ui/api/apiclient.h"
#include "ui/api/jsonfields.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

void AppointmentsClient::list(const QDateTime &from, const QDateTime &to, const QString &cursor,
                              QObject *context, Callback<ListPage<AppointmentRecord>> done)
{
    QUrlQuery q;
    if (from.isValid())
        q.addQueryItem(u"from"_s, from.toUTC().toString(Qt::ISODateWithMs));
    if (to.isValid())
        q.addQueryItem(u"to"_s, to.toUTC().toString(Qt::ISODateWithMs));
    q.addQueryItem(u"limit"_s, u"200"_s);
    if (!cursor.isEmpty())
        q.addQueryItem(u"cursor"_s, cursor);
    m_api.requestJson<ListPage<AppointmentRecord>>("GET", u"/api/appointments"_s, q, nullptr,
                                                   context, std::move(done),
                                                   &ListPage<AppointmentRecord>::fromJson);
}

void AppointmentsClient::availability(const QDate &date, const QString &serviceId,
                                      const QString &movingId, QObject *context,
                                      Callback<QList<TimeSlot>> done)
{
    QUrlQuery q;
    q.addQueryItem(u"date"_s, date.toString(Qt::ISODate));
    q.addQueryItem(u"service_id"_s, serviceId);
    if (!movingId.isEmpty())
        q.addQueryItem(u"moving"_s, movingId);
    m_api.requestJson<QList<TimeSlot>>("GET", u"/api/appointments/availability"_s, q, nullptr,
                                       context, std::move(done), [](const QJsonObject &json) {
                                           QList<TimeSlot> free;
                                           const QJsonArray items =
                                               json.value(u"slots"_s).toArray();
                                           for (const QJsonValue &item : items) {
                                               const QJsonObject slot = item.toObject();
                                               free << TimeSlot{json::time(slot.value(u"start"_s)),
                                                                json::time(slot.value(u"end"_s))};
                                           }
                                           return free;
                                       });
}

void AppointmentsClient::create(const NewAppointment &appointment, QObject *context,
                                Callback<AppointmentRecord> done)
{
    QJsonObject body{
        {u"service_id"_s, appointment.serviceId},
        {u"scheduled_time"_s, appointment.scheduledTime.toUTC().toString(Qt::ISODateWithMs)}};
    if (!appointment.contactId.isEmpty()) {
        body.insert(u"contact_id"_s, appointment.contactId);
    } else {
        body.insert(u"phone"_s, appointment.phone.trimmed());
        if (!appointment.name.trimmed().isEmpty())
            body.insert(u"name"_s, appointment.name.trimmed());
    }
    if (!appointment.notes.trimmed().isEmpty())
        body.insert(u"notes"_s, appointment.notes.trimmed());
    m_api.requestJson<AppointmentRecord>("POST", u"/api/appointments"_s, {}, &body, context,
                                         std::move(done), &AppointmentRecord::fromJson);
}

void AppointmentsClient::reschedule(const QString &id, const QDateTime &when, QObject *context,
                                    Callback<AppointmentRecord> done)
{
    const QJsonObject body{{u"scheduled_time"_s, when.toUTC().toString(Qt::ISODateWithMs)}};
    m_api.requestJson<AppointmentRecord>("PATCH", u"/api/appointments/"_s + id, {}, &body, context,
                                         std::move(done), &AppointmentRecord::fromJson);
}

void AppointmentsClient::cancel(const QString &id, const QString &reason, QObject *context,
                                Callback<AppointmentRecord> done)
{
    QJsonObject body;
    if (!reason.trimmed().isEmpty())
        body.insert(u"reason"_s, reason.trimmed());
    m_api.requestJson<AppointmentRecord>("POST", u"/api/appointments/%1/cancel"_s.arg(id), {},
                                         &body, context, std::move(done),
                                         &AppointmentRecord::fromJson);
}

void AppointmentsClient::sendReminder(const QString &id, const QString &method, QObject *context,
                                      Callback<MessageSent> done)
{
    const QJsonObject body{{u"method"_s, method}};
    m_api.requestJson<MessageSent>("POST", u"/api/appointments/%1/send-reminder"_s.arg(id), {},
                                   &body, context, std::move(done), [](const QJsonObject &json) {
                                       return MessageSent::fromJson(
                                           json, json.value(u"recipient"_s).toString());
                                   });
}

} // namespace vox::ui
