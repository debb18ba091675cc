#pragma once

#include "core/result.h"
#include "server/appcontext.h"
#include "server/services/vapimessage.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace vox::server::webhookproblems {

// Vapi deliveries that can never be stored: an id no real id looks like, a time the database
// cannot hold, a value a constraint refuses. Vapi redelivers what is not answered 2xx, so such a
// delivery is answered and kept in webhook_problems for an operator to look at, masked (no
// phone numbers, e-mail addresses or transcript text), and pruned after a while.

// Why a delivery can never be stored, before anything is tried; empty when it may be.
QString problemOf(const vapi::Message &m);
// Why `value` cannot be an id (too long, control characters), naming the field `name`; empty
// when it can.
QString idProblem(const QString &name, const QString &value);
// Errors that the same delivery would meet again however often it came.
bool isPermanent(const Error &error);
// The problem as the clinic reads it, never quoting a stored value.
QString problemSentence(const Error &error);

// Keeps the delivery once (by the hash of its body); false when it was kept before.
Result<bool> keepProblem(db::Database &db, const QString &orgId, const vapi::Message &m,
                         const QByteArray &rawBody, const QString &problem);

// Kept problems are deleted after this many days, by a daily job.
constexpr int problemRetentionDays = 30;
constexpr const char *pruneJobKind = "vapi.webhook_problems.prune";
// Deletes the problems received before `cutoff`; returns how many.
Result<int> pruneProblems(db::Database &db, const QDateTime &cutoff);
void registerJobs(jobs::JobRunner &runner, db::Database &db);

} // namespace vox::server::webhookproblems
