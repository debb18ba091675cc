#include "ui/api/appointmentrecord.h"

#include "ui/api/jsonfields.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

AppointmentRecord AppointmentRecord::fromJson(const QJsonObject &json)
{
    AppointmentRecord a;
    a.id = json.value(u"id"_s).toString();
    a.contactId = json.value(u"contact_id"_s).toString();
    a.contactName = json.value(u"contact_name"_s).toString();
    a.phoneNumber = json.value(u"phone_number"_s).toString();
    a.contactEmail = json.value(u"contact_email"_s).toString();
    a.serviceId = json.value(u"service_id"_s).toString();
    a.serviceName = json.value(u"service_name"_s).toString();
    a.scheduledTime =
        json::time(json.contains(u"scheduled_time"_s) ? json.value(u"scheduled_time"_s)
                                                      : json.value(u"scheduled_at"_s));
    a.endsAt = json::time(json.value(u"ends_at"_s));
    a.durationMinutes = json.value(u"duration_minutes"_s).toInt();
    if (a.durationMinutes == 0 && a.endsAt.isValid() && a.scheduledTime.isValid())
        a.durationMinutes = int(a.scheduledTime.secsTo(a.endsAt) / 60);
    a.status = json.value(u"status"_s).toString();
    a.confirmationSent = json.value(u"confirmation_sent"_s).toBool();
    a.notes = json.value(u"notes"_s).toString();
    a.source = json.value(u"source"_s).toString();
    a.callId = json.value(u"call_id"_s).toString();
    return a;
}

} // namespace vox::ui
