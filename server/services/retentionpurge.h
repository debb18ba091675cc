#pragma once

#include "core/result.h"
#include "core/retention.h"
#include "server/appcontext.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

// The daily removal of content past each clinic's retention windows (core/retention.h). It keeps
// the facts of every call and message and removes recordings (asking Vapi to delete the ones it
// holds), transcripts, summaries and message bodies; contacts on legal hold are skipped. Each
// clinic's run is audited with its counts.
namespace vox::server::retentionpurge {

inline constexpr const char *jobKind = "privacy.retention";

struct Counts
{
    int recordings = 0;
    int transcripts = 0;
    int messageBodies = 0;
    int providerDeleted = 0;  // calls whose data Vapi was asked to delete and did
    int providerFailed = 0;   // still held at Vapi: the recording stays until a later run
    int providerNotAsked = 0; // no Vapi key on this server: removed here only

    int removed() const { return recordings + transcripts + messageBodies; }
    QJsonObject json() const;
};

// The clinic's windows, as stored.
Result<retention::Policy> policyOf(db::Database &db, const QString &orgId);

// One clinic's content past its windows at `now`. Provider calls happen outside any transaction.
Result<Counts> purgeClinic(AppContext &app, const QString &orgId, const QDateTime &now);

// Every clinic with a window; returns how many clinics had something removed. A clinic whose
// provider deletions failed does not stop the others; the run then ends in an error so the job
// is retried (removal is idempotent).
Result<int> purgeAll(AppContext &app, const QDateTime &now);

// The daily job, at 04:00 UTC. A job's payload may carry "as_of" (ISO time) to run as of that
// moment; by default the job runs as of the time it starts.
void registerJobs(jobs::JobRunner &runner, AppContext &app);

} // namespace vox::server::retentionpurge
