#pragma once

#include "core/result.h"
#include "server/db/database.h"

#include <QDateTime>
#include <QJsonArray>
#include <QString>
#include <QStringList>

#include <optional>

namespace vox::server {

// What one Vapi message says about a call, for the columns every kind of message may fill. An
// empty text or an invalid time means "not known from this message": it is written as NULL and
// the merge keeps what the row already holds.
struct CallFacts
{
    QString orgId;
    QString vapiCallId;
    QString direction;    // inbound | outbound
    QDateTime occurredAt; // when the call began, as far as this message can tell
    QString phoneNumber;  // the caller, E.164 when it reads as one
    QString callerName;   // as Vapi heard it
    QString fromNumber;
    QString toNumber;
    QDateTime startedAt;
    QDateTime endedAt;
    QString endedReason;
    QString transferTo; // the number or SIP address the call went on to
    QDateTime transferTime;
    QString recordingStatus; // pending | processing | completed | failed
    QString assistantId;     // Vapi's assistant id
    QString phoneNumberId;   // Vapi's phone number id
};

// A status update: the facts known at that moment and the status the call reached.
struct CallStatusUpdate
{
    CallFacts facts;
    QString status; // a value vox_call_status_rank() knows
};

// The end-of-call report: Vapi's final word on the call and what was analysed from it.
struct CallReport
{
    CallFacts facts;
    QString transcript;
    QJsonArray messages;
    QString summary;
    double sentimentScore = 0;
    QString sentimentLabel;
    QString sentimentUrgency;
    QString successEvaluation;
    QString recordingUrl;
    QString stereoRecordingUrl;
    QString transferReason;
    QStringList bookingToolCallIds; // the bookClinicAppointment calls made during the call
};

// The call row as a write left it.
struct StoredCall
{
    QString id;
    bool inserted = false; // the write created the row
    QString direction;
};

struct StoredStatus : StoredCall
{
    QString status;     // after the merge, which may keep a status further along
    QString callerName; // the name Vapi heard, else the clinic's contact for the caller's number
};

// The writes of call_logs that Vapi's messages cause, and the merge policy that makes the row end
// the same whatever order the messages arrive in (see calllogstore.cpp). Each operation is one
// statement in the caller's transaction; what a message means stays with the service.
class CallLogStore final
{
public:
    CallLogStore() = delete;

    // Creates or merges the row of `update.facts.vapiCallId`; nullopt when that Vapi call id
    // belongs to another clinic's row, which is left untouched.
    static Result<std::optional<StoredStatus>> recordStatus(db::Transaction &tx,
                                                            const CallStatusUpdate &update);
    // The same for the end-of-call report; the row is marked as having its report.
    static Result<std::optional<StoredCall>> recordReport(db::Transaction &tx,
                                                          const CallReport &report);

    // Gives the Vapi call id to the outbound call `recordId` that this server placed, so the
    // messages of that call continue it. Does nothing when the record has a Vapi call already,
    // is not the clinic's, or another row holds that id.
    static Result<void> claimPlacedCall(db::Transaction &tx, const QString &orgId,
                                        const QString &recordId, const QString &vapiCallId);

    static Result<void> linkContact(db::Transaction &tx, const QString &callId,
                                    const QString &contactId);
};

} // namespace vox::server
