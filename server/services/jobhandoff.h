#pragma once

#include "core/result.h"
#include "server/db/database.h"
#include "server/jobs/jobqueue.h"

#include <optional>

namespace vox::server {

// Enqueues `job` inside `tx` whatever role the transaction runs as. The jobs table belongs to
// the service role only (console users never see the queue), yet a console change must queue
// its follow-up work atomically with the change (a booking and its calendar sync commit
// together). So for the one INSERT the transaction takes the service role, which the server's
// login role holds, and then returns to the caller's role; the caller's claims stay in place.
Result<std::optional<qint64>> enqueueWithin(db::Transaction &tx, const jobs::NewJob &job);

} // namespace vox::server
