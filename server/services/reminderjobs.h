#pragma once

#include "core/result.h"
#include "server/appcontext.h"
#include "server/jobs/jobqueue.h"

#include <QDateTime>
#include <QString>

// A clinic's automatic reminders as durable jobs. Each reminder of an appointment is one job,
// keyed by the appointment, the reminder and the start it was planned for, so it exists (and is
// sent) once however many instances plan or run it. Planning happens in the transaction that
// books, moves, cancels or completes the appointment, and in a job of its own after the clinic
// changes its plan: the reminders still to come are queued and the waiting ones no longer wanted
// are deleted.
// A job still finds out when it runs whether its appointment wants it (a change may commit while
// it runs), and then sends nothing.
namespace vox::server::reminderjobs {

inline constexpr const char *jobKind = "reminders.send";
inline constexpr const char *replanJobKind = "reminders.replan";

// Plans the appointment's reminders anew as of `now` under the clinic's plan: queues those still
// to come (none when the plan is off or the appointment is not held or confirmed) and deletes
// the queued ones that are not among them (an old start's, a reminder switched off, a moment the
// quiet hours moved). Returns how many jobs are new. An invalid `now` is the transaction's own
// time: the moment a booking in it was made, so its confirmation is not already "past".
Result<int> plan(db::Transaction &tx, const QString &orgId, const QString &appointmentId,
                 const QDateTime &now);

// Queues the re-planning of the clinic's booked appointments, in the transaction that changes its
// plan, so a save stays quick however many appointments the clinic has. One re-plan waits per
// clinic: a waiting one absorbs later changes (it reads the plan when it runs), and one already
// running, which may have read the older plan, gets a single follow-up.
Result<void> queueReplan(db::Transaction &tx, const QString &orgId);

// Plans every booked appointment of the clinic still to come anew under the plan it has now,
// `batchSize` appointments to a transaction, so no lock is held for long. Running it again
// changes nothing. Returns how many jobs are new.
Result<int> replanUpcoming(db::Database &db, const QString &orgId, int batchSize = 200);

struct Outcome
{
    bool sent = false;
    QString skipped; // why nothing went, for the log and tests
    int messages = 0;
};

// One reminder job's work: checks the appointment still wants it, then sends by the plan's
// channels, in the patient's language when the clinic kept the default words. An SMS and an
// e-mail each go at most once (their audit rows are named by the job's key; the e-mail's id is
// also Resend's idempotency key); a refusal (opt out, no number) or a provider failure is final,
// never retried.
Result<Outcome> run(AppContext &app, const jobs::Job &job);

void registerJobs(jobs::JobRunner &runner, AppContext &app);

} // namespace vox::server::reminderjobs
