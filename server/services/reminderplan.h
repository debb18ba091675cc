#pragma once

#include "core/remindermessage.h"
#include "core/reminderschedule.h"
#include "core/result.h"
#include "server/db/database.h"
#include "server/http/jsonbody.h"

#include <QJsonObject>
#include <QString>

// A clinic's automatic reminders as stored (reminder_plans; no row: the defaults, off).
namespace vox::server::reminderplan {

struct Plan
{
    bool enabled = false;
    bool atBooking = true;
    bool dayBefore = true;
    bool twoHoursBefore = true;
    bool bySms = true;
    bool byEmail = false;
    // Empty: the default words (core/remindermessage.h).
    QString smsTemplate;
    QString emailSubject;
    QString emailTemplate;
    reminders::QuietHours quiet = reminders::defaultQuietHours();

    // The reminders switched on, in the order they are sent.
    QList<reminders::Offset> offsets() const;
    // The clinic's words, or the default ones in the patient's language.
    QString sms(reminders::Language language = reminders::Language::English) const;
    QString subject(reminders::Language language = reminders::Language::English) const;
    QString email(reminders::Language language = reminders::Language::English) const;
    // As GET /api/settings/reminders answers it, with the defaults and the placeholders.
    QJsonObject json() const;
};

Result<Plan> load(db::Transaction &tx, const QString &orgId);

// `current` with the body's changes: absent keys keep, a null template goes back to the default.
// Refusals are BadInput naming the field.
Result<Plan> applyChanges(Plan current, const http::JsonBody &body);

Result<void> save(db::Transaction &tx, const QString &orgId, const Plan &plan,
                  const QString &userId);

} // namespace vox::server::reminderplan
