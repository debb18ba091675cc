#pragma once

#include "core/result.h"
#include "server/db/database.h"

#include <QString>

namespace vox::server {

// Fixed-window counters and locks kept in PostgreSQL (rate_limit_buckets), so a limit holds
// across restarts and across every server instance sharing the database. Each call is one
// atomic upsert: concurrent requests cannot both slip under the limit.
namespace ratelimit {

struct Decision
{
    bool allowed = true;
    int hits = 0;
    int retryAfterSeconds = 0; // until the window ends (or the lock lifts)
};

// Counts one hit in `bucket`'s current window of `windowSeconds`; allowed while hits <= limit.
Result<Decision> hit(db::Transaction &tx, const QString &bucket, int limit, int windowSeconds);
// The current count without adding to it.
Result<Decision> peek(db::Transaction &tx, const QString &bucket, int limit, int windowSeconds);
Result<void> reset(db::Transaction &tx, const QString &bucket);
// Takes back one hit of the current window (an attempt counted up front that turned out fine).
Result<void> forgive(db::Transaction &tx, const QString &bucket);

// A lock that refuses until `seconds` from now, and how long an existing lock still holds (0 if
// none).
Result<void> lock(db::Transaction &tx, const QString &bucket, int seconds);
Result<int> lockedFor(db::Transaction &tx, const QString &bucket);

// What a bucket limits, without whom: its leading lower-case words up to two, never its last part
// ("login:account:jane@example.com" -> "login:account", "verify:+15125550101" -> "verify"). The
// label GET /metrics counts refusals by, so no address, number or id reaches it.
QString bucketKind(const QString &bucket);

} // namespace ratelimit
} // namespace vox::server
