#pragma once

#include "ui/api/appointmentrecord.h"
#include "ui/api/callrecord.h"
#include "ui/api/contactrecord.h"

#include <QList>

namespace vox::ui {

// A contact with their recent calls and their appointments (GET /api/contacts/:id).
struct ContactDetail
{
    ContactRecord contact;
    QList<CallRecord> calls;
    QList<AppointmentRecord> appointments;

    static ContactDetail fromJson(const QJsonObject &json);
};

} // namespace vox::ui
