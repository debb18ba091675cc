#pragma once

#include "server/services/redaction.h"

#include <QDateTime>
#include <QJsonArray>
#include <QString>
#include <QTimeZone>

namespace vox::server::transcript {

// What the export's header shows about the call.
struct CallSummary
{
    QString callerName;
    QString phoneNumber;
    QString clinic;
    QString direction; // inbound | outbound
    QDateTime occurredAt;
    int durationSeconds = -1; // unknown when negative
    QTimeZone timeZone = QTimeZone::utc();
};

// The transcript as a person reads it: a header, then one line per turn,
// "[mm:ss] Speaker: words". `messages` are the call's turns as Vapi reports them (role, message,
// secondsFromStart); system and tool turns are left out. Without turns the plain transcript is
// used as it is. The clinic's redaction is applied again at the door: text stored before the
// clinic chose a category leaves redacted too.
QString render(const CallSummary &call, const QJsonArray &messages, const QString &transcript,
               const redaction::Policy &redaction);

// transcript-<caller>-<YYYY-MM-DD>.txt, the caller being a name or a number reduced to safe
// characters, the date in the clinic's time zone.
QString fileName(const CallSummary &call);

} // namespace vox::server::transcript
