#pragma once

#include "core/result.h"
#include "server/db/database.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace vox::server::jobs {

// Work that must survive restarts and run once across instances, stored in the `jobs` table.
struct NewJob
{
    QString kind;
    QString orgId; // empty: platform work
    QJsonObject payload;
    // Jobs with a key exist once. Once: a finished job with the key blocks new ones (a daily
    // run). Rearm: a finished job is queued again; a pending one absorbs the request. Follow: as
    // Rearm, but a running job, which may have read what the request changed before the change,
    // gets one follow-up (key `<key>:next`) that runs after it.
    QString uniqueKey;
    enum class Dedupe { Once, Rearm, Follow } dedupe = Dedupe::Rearm;
    QDateTime runAt; // invalid: now
    int maxAttempts = 5;
};

struct Job
{
    qint64 id = 0;
    QString kind;
    QString orgId;
    QJsonObject payload;
    int attempt = 0; // 1 for the first run
    int maxAttempts = 0;
};

// Enqueues inside the caller's transaction, so the job exists exactly when the change that
// needs it commits. Returns the job id, or nullopt when an existing job absorbed it.
Result<std::optional<qint64>> enqueue(db::Transaction &tx, const NewJob &job);

} // namespace vox::server::jobs
