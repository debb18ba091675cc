#include "server/jobs/jobqueue.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::server::jobs {

Result<std::optional<qint64>> enqueue(db::Transaction &tx, const NewJob &job)
{
    const QDateTime runAt = job.runAt.isValid() ? job.runAt : QDateTime::currentDateTimeUtc();
    const char *dedupe = job.dedupe == NewJob::Dedupe::Once     ? "once"
                         : job.dedupe == NewJob::Dedupe::Follow ? "follow"
                                                                : "rearm";
    // One statement whatever the transaction's role: vox_queue_job is the queue's door for a
    // user's transaction too, and it checks the clinic against the caller's claims.
    auto row =
        tx.exec("SELECT vox_queue_job($1, $2::uuid, $3::jsonb, $4, $5::timestamptz, $6, $7)",
                {job.kind, job.orgId.isEmpty() ? QString() : job.orgId, QJsonValue(job.payload),
                 job.uniqueKey.isEmpty() ? QString() : job.uniqueKey, runAt, job.maxAttempts,
                 QString::fromLatin1(dedupe)});
    if (!row)
        return row.error();
    if (row->isNull(0, 0))
        return std::optional<qint64>();
    return std::optional<qint64>(row->toInt(0, 0));
}

} // namespace vox::server::jobs
