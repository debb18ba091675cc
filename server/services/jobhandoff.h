#pragma once

#include "core/result.h"
#include "server/db/database.h"
#include "server/jobs/jobqueue.h"

#include <optional>

namespace vox::server {

// Enqueues `job` inside `tx` whatever role the transaction runs as: a console change queues its
// follow-up work atomically with the change (a booking and its calendar sync commit together).
// The queue's SQL function is the door a user's transaction has to the service role's table, so
// the transaction keeps its role and claims.
Result<std::optional<qint64>> enqueueWithin(db::Transaction &tx, const jobs::NewJob &job);

} // namespace vox::server
