#pragma once

#include "core/result.h"
#include "server/db/database.h"
#include "server/services/booking.h"

#include <QString>

namespace vox::server {

// The clinic a Vapi message belongs to: the org whose agent is the assistant, or whose number
// the call came through. Empty when neither is known here. Tool calls and webhooks both start
// from it, before anything else is read.
Result<QString> orgOfVapiCall(db::Transaction &tx, const QString &assistantId,
                              const QString &phoneNumberId);

// The same clinic's calendar (as BookingService::calendar reads it), found and read in one
// statement: a tool call's first round trip. NotFound when no clinic owns the assistant or
// number, or the clinic has no settings.
Result<ClinicCalendar> calendarOfVapiCall(db::Transaction &tx, const QString &assistantId,
                                          const QString &phoneNumberId);

} // namespace vox::server
