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

// An outbound call this server is about to ask Vapi to place (a call-back to a contact).
struct PlacedCall
{
    QString orgId;
    QString contactId;
    QString phoneNumber; // the contact's, which the call goes to
    QString callerName;  // the contact's name
    QString fromNumber;  // the clinic's number the call comes from
    QString assistantId;
    QString phoneNumberId;
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

    // A placed call's record, from before Vapi is asked until its messages continue it. The
    // call-back and the call's first message race to join the record to its Vapi call id: the
    // call-back when Vapi answers it, a message when it names the record in its metadata.

    // The `pending` record of a call about to be placed; answers its id.
    static Result<QString> createPlacedCall(db::Transaction &tx, const PlacedCall &call);
    // Vapi accepted the call as `vapiCallId`: the record is at least `initiated`. Answers its
    // status; nullopt when the record is joined to another Vapi call.
    static Result<std::optional<QString>> acceptPlacedCall(db::Transaction &tx,
                                                           const QString &orgId,
                                                           const QString &recordId,
                                                           const QString &vapiCallId);
    // Vapi refused the call, for `reason`.
    static Result<void> failPlacedCall(db::Transaction &tx, const QString &orgId,
                                       const QString &recordId, const QString &reason);
    // A message of Vapi call `vapiCallId` names the record `recordId` as its own: the record
    // takes that id, so the message continues it. Does nothing when the record has a Vapi call
    // already, is not the clinic's, or another row holds that id.
    static Result<void> claimPlacedCall(db::Transaction &tx, const QString &orgId,
                                        const QString &recordId, const QString &vapiCallId);

    static Result<void> linkContact(db::Transaction &tx, const QString &callId,
                                    const QString &contactId);
};

} // namespace vox::server
