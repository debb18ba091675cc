#include "server/store/calllogstore.h"

#include <QByteArrayList>

namespace vox::server {

namespace {

// The merge policy. Vapi sends a call's status updates and its end-of-call report in any order,
// and an update may come after the report; each is written as an INSERT … ON CONFLICT that merges
// into the row, and these rules make the row end the same whatever the order. Each rule is a
// SET assignment: `call_logs.c` is what the row holds, `EXCLUDED.c` what this message brings.
//
//   column                       status update          end-of-call report
//   status                       furthestStatus         furthestStatus (as "ended")
//   occurred_at, transfer_time   earliest               earliest
//   callFacts                    fillsGap               lastWord
//   transfer_reason              (not sent)             lastWord
//   contact_id                   fillsGap               (linkContact, after the contact)
//   recording_status             recordingBeforeReport  reportsOwn
//   the rest of reportOnly       (not sent)             reportsOwn

// The status only moves forward (vox_call_status_rank): a late "ringing" must not undo "ended",
// and a report, which means "ended", must not undo "failed".
QByteArray furthestStatus()
{
    return "status = CASE WHEN vox_call_status_rank(EXCLUDED.status) > "
           "vox_call_status_rank(call_logs.status) THEN EXCLUDED.status ELSE call_logs.status END";
}

// When something first happened: the message that saw it earliest is right, whichever of them
// arrives first.
QByteArray earliest(const QByteArray &column)
{
    return column + " = least(call_logs." + column + ", EXCLUDED." + column + ')';
}

// A status update tells what was known at its moment: it fills what no message has said yet and
// never overwrites, so an update that arrives after the report cannot erase the report's values.
QByteArray fillsGap(const QByteArray &column)
{
    return column + " = coalesce(call_logs." + column + ", EXCLUDED." + column + ')';
}

// The report is Vapi's last word on the call: it replaces what the updates said, except where it
// does not know.
QByteArray lastWord(const QByteArray &column)
{
    return column + " = coalesce(EXCLUDED." + column + ", call_logs." + column + ')';
}

// What only the report knows (the analysis of the whole call, whether a recording exists): the
// report's value stands, an absent one included. A call has one report; its redelivery is
// stopped by its delivery key before it gets here.
QByteArray reportsOwn(const QByteArray &column)
{
    return column + " = EXCLUDED." + column;
}

// The recording as the updates see it: "pending" while the call is in progress, "processing"
// once it ended, whichever of the two arrives first; once the report has said "completed" or
// "failed", a late update changes nothing.
QByteArray recordingBeforeReport()
{
    return "recording_status = CASE WHEN call_logs.report_received_at IS NOT NULL "
           "THEN call_logs.recording_status "
           "WHEN 'processing' IN (call_logs.recording_status, EXCLUDED.recording_status) "
           "THEN 'processing' "
           "ELSE coalesce(call_logs.recording_status, EXCLUDED.recording_status) END";
}

// The facts any message may carry. Updates fill gaps in them and the report has the last word.
const QByteArrayList callFacts{
    "phone_number", "caller_name",  "from_number", "to_number",         "started_at",
    "ended_at",     "ended_reason", "transfer_to", "vapi_assistant_id", "vapi_phone_number_id"};

// When the call began, and when it was first handed on.
const QByteArrayList firstMoments{"occurred_at", "transfer_time"};

// What only the report carries: the analysis of the whole call, its recording, and its arrival.
const QByteArrayList reportOnly{"transcript",
                                "messages",
                                "summary",
                                "sentiment_score",
                                "sentiment_label",
                                "sentiment_urgency",
                                "success_evaluation",
                                "recording_url",
                                "stereo_recording_url",
                                "recording_status",
                                "booking_tool_call_ids",
                                "report_received_at"};

QByteArrayList each(QByteArray (*rule)(const QByteArray &), const QByteArrayList &columns)
{
    QByteArrayList assignments;
    for (const QByteArray &column : columns)
        assignments.append(rule(column));
    return assignments;
}

// A Vapi call id is unique across clinics: a message never merges into another clinic's row
// (the statement then returns no row).
constexpr const char *sameClinicOnly = " WHERE call_logs.org_id = EXCLUDED.org_id ";

const QByteArray &statusStatement()
{
    static const QByteArray sql =
        "INSERT INTO call_logs (org_id, vapi_call_id, direction, status, phone_number, "
        "  caller_name, from_number, to_number, occurred_at, started_at, ended_at, "
        "  ended_reason, transfer_to, transfer_time, vapi_assistant_id, "
        "  vapi_phone_number_id, recording_status, contact_id) "
        "VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9::timestamptz, $10::timestamptz, "
        "  $11::timestamptz, $12, $13, $14::timestamptz, $15, $16, $17, "
        "  (SELECT id FROM contacts WHERE org_id = $1::uuid AND phone = $5)) "
        "ON CONFLICT (vapi_call_id) DO UPDATE SET " +
        (QByteArrayList{furthestStatus(), fillsGap("contact_id"), recordingBeforeReport()} +
         each(earliest, firstMoments) + each(fillsGap, callFacts))
            .join(", ") +
        sameClinicOnly +
        // The name as Vapi heard it, else the clinic's contact for the number.
        "RETURNING id, (xmax = 0), status, direction, coalesce(nullif($6, ''), "
        "  (SELECT c.name FROM contacts c WHERE c.org_id = call_logs.org_id "
        "   AND c.phone = call_logs.phone_number AND c.name <> ''))";
    return sql;
}

const QByteArray &reportStatement()
{
    static const QByteArray sql =
        "INSERT INTO call_logs (org_id, vapi_call_id, direction, status, phone_number, "
        "  caller_name, from_number, to_number, occurred_at, started_at, ended_at, "
        "  ended_reason, transcript, messages, summary, sentiment_score, "
        "  sentiment_label, sentiment_urgency, success_evaluation, recording_url, "
        "  stereo_recording_url, recording_status, transfer_to, transfer_time, "
        "  transfer_reason, booking_tool_call_ids, report_received_at, "
        "  vapi_assistant_id, vapi_phone_number_id) "
        "VALUES ($1::uuid, $2, $3, 'ended', $4, $5, $6, $7, $8::timestamptz, "
        "  $9::timestamptz, $10::timestamptz, $11, $12, $13::jsonb, $14, $15, $16, $17, "
        "  $18, $19, $20, $21, $22, $23::timestamptz, $24, $25::text[], now(), $26, $27) "
        "ON CONFLICT (vapi_call_id) DO UPDATE SET " +
        (QByteArrayList{furthestStatus(), lastWord("transfer_reason")} +
         each(earliest, firstMoments) + each(lastWord, callFacts) + each(reportsOwn, reportOnly))
            .join(", ") +
        sameClinicOnly + "RETURNING id, (xmax = 0), direction";
    return sql;
}

// An unknown text is NULL, so the merge rules see it as unknown.
QString orNull(const QString &text)
{
    return text.isEmpty() ? QString() : text;
}

db::Params factParams(const CallFacts &f)
{
    return {orNull(f.phoneNumber),
            orNull(f.callerName),
            orNull(f.fromNumber),
            orNull(f.toNumber),
            f.occurredAt,
            f.startedAt,
            f.endedAt,
            orNull(f.endedReason)};
}

} // namespace

Result<std::optional<StoredStatus>> CallLogStore::recordStatus(db::Transaction &tx,
                                                               const CallStatusUpdate &update)
{
    const CallFacts &f = update.facts;
    db::Params params{f.orgId, f.vapiCallId, f.direction, update.status};
    params << factParams(f)
           << db::Params{orNull(f.transferTo), f.transferTime, orNull(f.assistantId),
                         orNull(f.phoneNumberId), orNull(f.recordingStatus)};
    auto row = tx.exec(statusStatement(), params);
    if (!row)
        return row.error();
    if (row->isEmpty())
        return std::optional<StoredStatus>();
    StoredStatus stored;
    stored.id = row->text(0, 0);
    stored.inserted = row->toBool(0, 1);
    stored.status = row->text(0, 2);
    stored.direction = row->text(0, 3);
    stored.callerName = row->text(0, 4);
    return std::optional<StoredStatus>(stored);
}

Result<std::optional<StoredCall>> CallLogStore::recordReport(db::Transaction &tx,
                                                             const CallReport &report)
{
    const CallFacts &f = report.facts;
    db::Params params{f.orgId, f.vapiCallId, f.direction};
    params << factParams(f)
           << db::Params{orNull(report.transcript),
                         QJsonValue(report.messages),
                         orNull(report.summary),
                         report.sentimentScore,
                         report.sentimentLabel,
                         orNull(report.sentimentUrgency),
                         orNull(report.successEvaluation),
                         orNull(report.recordingUrl),
                         orNull(report.stereoRecordingUrl),
                         orNull(f.recordingStatus),
                         orNull(f.transferTo),
                         f.transferTime,
                         orNull(report.transferReason),
                         report.bookingToolCallIds,
                         orNull(f.assistantId),
                         orNull(f.phoneNumberId)};
    auto row = tx.exec(reportStatement(), params);
    if (!row)
        return row.error();
    if (row->isEmpty())
        return std::optional<StoredCall>();
    return std::optional<StoredCall>(
        StoredCall{row->text(0, 0), row->toBool(0, 1), row->text(0, 2)});
}

Result<QString> CallLogStore::createPlacedCall(db::Transaction &tx, const PlacedCall &call)
{
    auto row =
        tx.exec("INSERT INTO call_logs (org_id, direction, status, phone_number, caller_name, "
                "  from_number, to_number, contact_id, vapi_assistant_id, vapi_phone_number_id) "
                "VALUES ($1::uuid, 'outbound', 'pending', $2, $3, $4, $2, $5::uuid, $6, $7) "
                "RETURNING id",
                {call.orgId, call.phoneNumber, orNull(call.callerName), call.fromNumber,
                 call.contactId, call.assistantId, call.phoneNumberId});
    if (!row)
        return row.error();
    return row->text(0, 0);
}

Result<std::optional<QString>> CallLogStore::acceptPlacedCall(db::Transaction &tx,
                                                              const QString &orgId,
                                                              const QString &recordId,
                                                              const QString &vapiCallId)
{
    // The status only moves forward: a message may have reached the record first and moved it
    // further along.
    auto row = tx.exec("UPDATE call_logs SET vapi_call_id = $3, status = CASE WHEN "
                       "  vox_call_status_rank(status) < vox_call_status_rank('initiated') THEN "
                       "  'initiated' ELSE status END "
                       "WHERE id = $1::uuid AND org_id = $2::uuid AND (vapi_call_id IS NULL OR "
                       "vapi_call_id = $3) RETURNING status",
                       {recordId, orgId, vapiCallId});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return std::optional<QString>();
    return std::optional<QString>(row->text(0, 0));
}

Result<void> CallLogStore::failPlacedCall(db::Transaction &tx, const QString &orgId,
                                          const QString &recordId, const QString &reason)
{
    auto row = tx.exec("UPDATE call_logs SET status = 'failed', failure_reason = $3 "
                       "WHERE id = $1::uuid AND org_id = $2::uuid",
                       {recordId, orgId, reason});
    if (!row)
        return row.error();
    return {};
}

Result<void> CallLogStore::claimPlacedCall(db::Transaction &tx, const QString &orgId,
                                           const QString &recordId, const QString &vapiCallId)
{
    auto claimed = tx.exec("UPDATE call_logs SET vapi_call_id = $3 WHERE id = $1::uuid AND "
                           "org_id = $2::uuid AND vapi_call_id IS NULL "
                           "AND NOT EXISTS (SELECT 1 FROM call_logs WHERE vapi_call_id = $3)",
                           {recordId, orgId, vapiCallId});
    if (!claimed)
        return claimed.error();
    return {};
}

Result<void> CallLogStore::linkContact(db::Transaction &tx, const QString &callId,
                                       const QString &contactId)
{
    auto linked = tx.exec("UPDATE call_logs SET contact_id = $2::uuid WHERE id = $1::uuid AND "
                          "contact_id IS DISTINCT FROM $2::uuid",
                          {callId, contactId});
    if (!linked)
        return linked.error();
    return {};
}

} // namespace vox::server
