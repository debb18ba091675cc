#include "server/services/retentionpurge.h"

#include "core/logging/log.h"
#include "server/providers/vapiclient.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::retentionpurge {

namespace {

using retention::Content;

std::optional<int> days(const db::PgResult &row, int column)
{
    return row.isNull(0, column) ? std::nullopt : std::optional<int>(int(row.toInt(0, column)));
}

// Content of a contact on legal hold is never removed; content without a contact has no hold.
constexpr const char *notOnHold =
    "NOT EXISTS (SELECT 1 FROM contacts h WHERE h.id = %1.contact_id AND h.legal_hold)";

QByteArray withHoldCheck(const char *sql, const char *alias)
{
    return QByteArray(sql).replace("$HOLD", QByteArray(notOnHold).replace("%1", alias));
}

struct DueRecording
{
    QString callId;
    QString vapiCallId;
};

Result<QList<DueRecording>> dueRecordings(db::Database &db, const QString &orgId,
                                          const QDateTime &before)
{
    auto rows = db.query(
        db::Access::service(),
        withHoldCheck("SELECT c.id, c.vapi_call_id FROM call_logs c WHERE c.org_id = $1::uuid "
                      "AND (c.recording_url IS NOT NULL OR c.stereo_recording_url IS NOT NULL) "
                      "AND c.occurred_at < $2::timestamptz AND $HOLD ORDER BY c.occurred_at",
                      "c"),
        {orgId, before});
    if (!rows)
        return rows.error();
    QList<DueRecording> due;
    due.reserve(rows->rowCount());
    for (int i = 0; i < rows->rowCount(); ++i)
        due.append({rows->text(i, 0), rows->text(i, 1)});
    return due;
}

// Clears the recordings of the given calls here; a call put on hold meanwhile keeps its own.
Result<int> clearRecordings(db::Database &db, const QString &orgId, const QStringList &callIds,
                            const QDateTime &now)
{
    if (callIds.isEmpty())
        return 0;
    auto cleared = db.query(
        db::Access::service(),
        withHoldCheck("UPDATE call_logs c SET recording_url = NULL, stereo_recording_url = NULL, "
                      "recording_removed_at = $3::timestamptz WHERE c.org_id = $1::uuid "
                      "AND c.id = ANY($2::uuid[]) AND (c.recording_url IS NOT NULL OR "
                      "c.stereo_recording_url IS NOT NULL) AND $HOLD",
                      "c"),
        {orgId, callIds, now});
    if (!cleared)
        return cleared.error();
    return int(cleared->affectedRows());
}

Result<void> purgeRecordings(AppContext &app, const QString &orgId, const QDateTime &before,
                             const QDateTime &now, Counts &counts)
{
    auto due = dueRecordings(app.db, orgId, before);
    if (!due)
        return due.error();
    providers::VapiClient vapi(app.config.vapiBaseUrl, app.config.vapiPrivateKey, app.retry);
    QStringList removable;
    for (const DueRecording &call : std::as_const(*due)) {
        if (!call.vapiCallId.isEmpty()) {
            if (!vapi.isConfigured()) {
                ++counts.providerNotAsked;
            } else if (auto deleted = vapi.deleteCall(call.vapiCallId); !deleted) {
                // Kept here too, so the next run asks again rather than losing track of it.
                ++counts.providerFailed;
                log::warn("privacy",
                          u"Vapi did not delete a call's recording; kept for the next run."_s,
                          {{u"call_id"_s, call.callId}, {u"error"_s, deleted.errorMessage()}});
                continue;
            } else {
                ++counts.providerDeleted;
            }
        }
        removable << call.callId;
    }
    // In batches, each a short transaction of its own.
    for (qsizetype i = 0; i < removable.size(); i += 200) {
        auto cleared = clearRecordings(app.db, orgId, removable.mid(i, 200), now);
        if (!cleared)
            return cleared.error();
        counts.recordings += *cleared;
    }
    return {};
}

Result<void> purgeTranscripts(db::Database &db, const QString &orgId, const QDateTime &before,
                              const QDateTime &now, Counts &counts)
{
    auto done = db.transaction<int>(db::Access::service(), [&](db::Transaction &tx) -> Result<int> {
        auto cleared = tx.exec(
            withHoldCheck(
                "WITH due AS (UPDATE call_logs c SET transcript = NULL, messages = NULL, "
                "summary = NULL, transcript_removed_at = $3::timestamptz "
                "WHERE c.org_id = $1::uuid AND c.occurred_at < $2::timestamptz "
                "AND c.transcript_removed_at IS NULL AND (c.transcript IS NOT NULL OR "
                "c.messages IS NOT NULL OR c.summary IS NOT NULL) AND $HOLD "
                "RETURNING c.vapi_call_id), "
                // The kept copies of the calls' webhook deliveries carry the same words.
                "payloads AS (UPDATE webhook_deliveries w SET payload = NULL "
                "WHERE w.org_id = $1::uuid AND w.payload IS NOT NULL AND w.provider_call_id IN "
                "(SELECT vapi_call_id FROM due WHERE vapi_call_id IS NOT NULL)) "
                "SELECT count(*) FROM due",
                "c"),
            {orgId, before, now});
        if (!cleared)
            return cleared.error();
        return int(cleared->toInt(0, 0));
    });
    if (!done)
        return done.error();
    counts.transcripts += *done;
    // The lines kept as they were said during the call are the transcript too.
    auto lines = db.query(db::Access::service(),
                          withHoldCheck("DELETE FROM call_live_lines l USING call_logs c WHERE "
                                        "l.org_id = $1::uuid AND c.org_id = $1::uuid AND c.id = "
                                        "l.call_id AND c.occurred_at < $2::timestamptz AND $HOLD",
                                        "c"),
                          {orgId, before});
    if (!lines)
        return lines.error();
    return {};
}

Result<void> purgeMessageBodies(db::Database &db, const QString &orgId, const QDateTime &before,
                                const QDateTime &now, Counts &counts)
{
    auto cleared = db.query(
        db::Access::service(),
        withHoldCheck("UPDATE messages m SET content = '', content_removed_at = $3::timestamptz "
                      "WHERE m.org_id = $1::uuid AND m.created_at < $2::timestamptz "
                      "AND m.content_removed_at IS NULL AND $HOLD",
                      "m"),
        {orgId, before, now});
    if (!cleared)
        return cleared.error();
    counts.messageBodies += int(cleared->affectedRows());
    return {};
}

Result<void> audit(db::Database &db, const QString &orgId, const retention::Policy &policy,
                   const QDateTime &now, const Counts &counts)
{
    QJsonObject details = counts.json();
    details.insert(u"as_of"_s, now.toUTC().toString(Qt::ISODate));
    details.insert(
        u"windows"_s,
        QJsonObject{{u"recordings"_s, retention::describe(policy.recordingDays)},
                    {u"transcripts"_s, retention::describe(policy.transcriptDays)},
                    {u"message_content"_s, retention::describe(policy.messageBodyDays)}});
    auto row = db.query(db::Access::service(),
                        "INSERT INTO audit_log (org_id, action, entity_type, entity_id, details) "
                        "VALUES ($1::uuid, 'retention.purge', 'organization', $1::uuid, $2::jsonb)",
                        {orgId, QJsonValue(details)});
    if (!row)
        return row.error();
    return {};
}

} // namespace

QJsonObject Counts::json() const
{
    return {{u"recordings"_s, recordings},          {u"transcripts"_s, transcripts},
            {u"message_bodies"_s, messageBodies},   {u"provider_deleted"_s, providerDeleted},
            {u"provider_failed"_s, providerFailed}, {u"provider_not_asked"_s, providerNotAsked}};
}

Result<retention::Policy> policyOf(db::Database &db, const QString &orgId)
{
    auto row = db.query(db::Access::service(),
                        "SELECT keep_recordings_days, keep_transcripts_days, "
                        "keep_message_content_days FROM org_settings WHERE org_id = $1::uuid",
                        {orgId});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return fail(u"The clinic has no settings."_s, ErrorKind::NotFound);
    return retention::Policy{days(*row, 0), days(*row, 1), days(*row, 2)};
}

Result<Counts> purgeClinic(AppContext &app, const QString &orgId, const QDateTime &now)
{
    auto policy = policyOf(app.db, orgId);
    if (!policy)
        return policy.error();
    Counts counts;
    if (const auto before = retention::cutoff(*policy, Content::Recording, now))
        if (auto done = purgeRecordings(app, orgId, *before, now, counts); !done)
            return done.error();
    if (const auto before = retention::cutoff(*policy, Content::Transcript, now))
        if (auto done = purgeTranscripts(app.db, orgId, *before, now, counts); !done)
            return done.error();
    if (const auto before = retention::cutoff(*policy, Content::MessageBody, now))
        if (auto done = purgeMessageBodies(app.db, orgId, *before, now, counts); !done)
            return done.error();
    if (counts.removed() > 0 || counts.providerFailed > 0)
        if (auto audited = audit(app.db, orgId, *policy, now, counts); !audited)
            return audited.error();
    return counts;
}

Result<int> purgeAll(AppContext &app, const QDateTime &now)
{
    // The keys that fold repeated viewings into one access-log row matter for ten minutes.
    auto forgotten = app.db.query(db::Access::service(),
                                  "DELETE FROM phi_access_viewings WHERE viewed_at < "
                                  "$1::timestamptz - interval '1 day'",
                                  {now});
    if (!forgotten)
        return forgotten.error();
    // Live events (lines as they were said, who is speaking) serve consoles watching the call;
    // the call's record keeps what stays. A day covers any console catching up after a break.
    auto spoken = app.db.query(db::Access::service(),
                               "DELETE FROM events WHERE type LIKE 'live.%' AND created_at < "
                               "$1::timestamptz - interval '1 day'",
                               {now});
    if (!spoken)
        return spoken.error();
    auto orgs =
        app.db.query(db::Access::service(),
                     "SELECT org_id FROM org_settings WHERE keep_recordings_days IS NOT NULL "
                     "OR keep_transcripts_days IS NOT NULL OR "
                     "keep_message_content_days IS NOT NULL ORDER BY org_id");
    if (!orgs)
        return orgs.error();
    int purged = 0;
    int failed = 0;
    QString lastError;
    for (int i = 0; i < orgs->rowCount(); ++i) {
        auto counts = purgeClinic(app, orgs->text(i, 0), now);
        if (!counts) {
            ++failed;
            lastError = counts.errorMessage();
            continue;
        }
        if (counts->removed() > 0)
            ++purged;
        if (counts->providerFailed > 0) {
            ++failed;
            lastError = u"Vapi did not delete %1 recording(s)."_s.arg(counts->providerFailed);
        }
    }
    if (failed > 0)
        return fail(
            u"Retention could not finish for %1 clinic(s): %2"_s.arg(failed).arg(lastError));
    return purged;
}

void registerJobs(jobs::JobRunner &runner, AppContext &app)
{
    runner.registerHandler(QString::fromLatin1(jobKind), [&app](const jobs::Job &job) {
        QDateTime asOf =
            QDateTime::fromString(job.payload.value(u"as_of"_s).toString(), Qt::ISODateWithMs);
        if (!asOf.isValid())
            asOf = QDateTime::currentDateTimeUtc();
        auto purged = purgeAll(app, asOf);
        if (!purged)
            return Result<void>(purged.error());
        log::info("privacy", u"Retention ran."_s, {{u"clinics_with_removals"_s, *purged}});
        return Result<void>();
    });
    runner.addSchedule(QString::fromLatin1(jobKind), jobs::JobRunner::dailyAtUtc(4, 0));
}

} // namespace vox::server::retentionpurge
