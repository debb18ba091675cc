#pragma once

#include "core/result.h"
#include "server/db/database.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QTimeZone>

namespace vox::server {

// What the clinic knows of a phone number: the "remembers previous calls" context the AI gets from
// lookupCaller and from assistant-request (as the assistant's variable values).
struct CallerContext
{
    bool known = false;
    QString contactId;
    QString name;
    QString leadStatus;
    int previousCalls = 0;
    QDateTime lastCallAt;
    QString lastSummary;
    QStringList upcoming; // "Botox on Monday, March 4 at 10:00 AM"

    // One or two sentences for the AI.
    QString sentence() const;
    // For assistantOverrides.variableValues: callerName, callerKnown, previousCalls,
    // lastCallSummary, upcomingAppointments, callerContext.
    QJsonObject variables() const;
};

// `phone` in E.164. Reads the newest five calls and the upcoming appointments only, so it stays
// fast enough for assistant-request's 7.5 s budget on any history.
Result<CallerContext> loadCallerContext(db::Transaction &tx, const QString &orgId,
                                        const QString &phone, const QTimeZone &zone);

} // namespace vox::server
