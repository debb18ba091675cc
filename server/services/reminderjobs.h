#pragma once

#include "core/result.h"
#include "server/appcontext.h"
#include "server/jobs/jobqueue.h"

#include <QDateTime>
#include <QString>

// A clinic's automatic reminders as durable jobs. Each reminder of an appointment is one job,
// keyed by the appointment, the reminder and the start it was planned for, so it exists (and is
// sent) once however many instances plan or run it. Planning happens in the transaction that
// books, moves or cancels the appointment; a job planned for a start that no longer holds, or for
// an appointment cancelled or completed since, finds that out when it runs and sends nothing.
namespace vox::server::reminderjobs {

inline constexpr const char *jobKind = "reminders.send";

// Queues the appointment's reminders still to come as of `now` under the clinic's plan (none
// when the plan is off or the appointment is not held or confirmed). Returns how many jobs are
// new. An invalid `now` is the transaction's own time: the moment a booking in it was made, so
// its confirmation is not already "past".
Result<int> plan(db::Transaction &tx, const QString &orgId, const QString &appointmentId,
                 const QDateTime &now);

struct Outcome
{
    bool sent = false;
    QString skipped; // why nothing went, for the log and tests
    int messages = 0;
};

// One reminder job's work: checks the appointment still wants it, then sends by the plan's
// channels. An SMS goes at most once (its audit row is named by the job's key); a refusal (opt
// out, no number) or a provider failure is final, never retried.
Result<Outcome> run(AppContext &app, const jobs::Job &job);

void registerJobs(jobs::JobRunner &runner, AppContext &app);

} // namespace vox::server::reminderjobs
