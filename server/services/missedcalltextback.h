#pragma once

#include "core/result.h"
#include "server/db/database.h"

#include <QDateTime>
#include <QString>

namespace vox::server::missedcalltextback {

// A call whose end-of-call report is being stored.
struct EndedCall
{
    QString orgId;
    QString callId;    // call_logs.id
    QString direction; // inbound | outbound
    QString phone;     // the caller, E.164 when it reads as one
    QString contactId; // may be empty
    QString endedReason;
    QDateTime startedAt; // invalid: not known
    QDateTime endedAt;
};

// Queues the text back to a caller who reached nobody, inside the transaction that stores the
// report, as a durable `sms.send` job: the webhook never waits on Twilio, and the job exists
// exactly when the report does. Queued only when the clinic turned it on, the number takes texts
// and has not opted out, and it was not texted back within the clinic's window; once per call
// however often Vapi delivers the report, and once per window per number however many instances
// store reports at once. A report stored in the clinic's quiet hours (Settings, Reminders; in
// its time zone) queues the text for the moment they end. `now`: when the report is stored,
// invalid for the transaction's own time. Returns whether a job was queued.
Result<bool> plan(db::Transaction &tx, const EndedCall &call, const QDateTime &now = {});

} // namespace vox::server::missedcalltextback
