#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace vox::ui {

// An appointment with its contact flattened in (docs/api.md, "Appointments").
struct AppointmentRecord
{
    QString id;
    QString contactId;
    QString contactName;
    QString phoneNumber;
    QString contactEmail;
    QString serviceId;
    QString serviceName;
    QDateTime scheduledTime;
    QDateTime endsAt;
    int durationMinutes = 0;
    QString status; // held, confirmed, cancelled, completed
    bool confirmationSent = false;
    QString notes;
    QString source; // ai, console
    QString callId;

    bool isActive() const { return status == u"held" || status == u"confirmed"; }

    static AppointmentRecord fromJson(const QJsonObject &json);
};

} // namespace vox::ui
