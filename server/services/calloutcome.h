#pragma once

#include "core/result.h"
#include "server/db/database.h"

#include <QString>

namespace vox::server::calloutcome {

// What a call came to, derived from what is stored: booking detection, financial value, lead score,
// and the caller's contact (status, score, temperature, interests, last contact), plus a hot-lead
// alert. Derived, not accumulated: running it again gives the same rows, so webhooks may arrive
// twice and in any order, and an AI booking that lands after the end-of-call report completes that
// call's outcome.
struct Outcome
{
    bool booked = false;
    int leadScore = 0;
    QString temperature;
    bool hotAlertQueued = false;
};

// For a call whose end-of-call report has been stored (`report_received_at`); a call without
// one is left alone and `std::nullopt`-like empty outcome (score 0) is returned.
Result<Outcome> recompute(db::Transaction &tx, const QString &orgId, const QString &callId);

// An AI booking made during Vapi call `vapiCallId`: links the appointment and the call record
// when the record exists, and recomputes the call's outcome if its report is already in.
Result<void> linkBooking(db::Transaction &tx, const QString &orgId, const QString &vapiCallId,
                         const QString &appointmentId);

} // namespace vox::server::calloutcome
