#include "server/jobs/jobqueue.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::server::jobs {

Result<std::optional<qint64>> enqueue(db::Transaction &tx, const NewJob &job)
{
    const QDateTime runAt = job.runAt.isValid() ? job.runAt : QDateTime::currentDateTimeUtc();
    const db::Params params{job.kind,
                            job.orgId.isEmpty() ? QString() : job.orgId,
                            QJsonValue(job.payload),
                            job.uniqueKey.isEmpty() ? QString() : job.uniqueKey,
                            runAt,
                            job.maxAttempts};
    Result<db::PgResult> row = fail(QString());
    if (job.uniqueKey.isEmpty() || job.dedupe == NewJob::Dedupe::Once) {
        row = tx.exec("INSERT INTO jobs (kind, org_id, payload, unique_key, run_at, max_attempts) "
                      "VALUES ($1, $2::uuid, $3::jsonb, $4, $5::timestamptz, $6) "
                      "ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL DO NOTHING "
                      "RETURNING id",
                      params);
    } else {
        row = tx.exec("INSERT INTO jobs (kind, org_id, payload, unique_key, run_at, max_attempts) "
                      "VALUES ($1, $2::uuid, $3::jsonb, $4, $5::timestamptz, $6) "
                      "ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL DO UPDATE SET "
                      "  status = 'queued', payload = EXCLUDED.payload, run_at = EXCLUDED.run_at, "
                      "  attempts = 0, max_attempts = EXCLUDED.max_attempts, last_error = NULL, "
                      "  locked_by = NULL, locked_at = NULL, finished_at = NULL "
                      "WHERE jobs.status IN ('done', 'failed') "
                      "RETURNING id",
                      params);
    }
    if (!row)
        return row.error();
    if (!row->isEmpty())
        return std::optional<qint64>(row->toInt(0, 0));
    if (job.dedupe != NewJob::Dedupe::Follow)
        return std::optional<qint64>();
    // Absorbed: by a queued job, which will see the change, or by a running one, which may not.
    auto running =
        tx.exec("SELECT 1 FROM jobs WHERE unique_key = $1 AND status = 'running'", {job.uniqueKey});
    if (!running)
        return running.error();
    if (running->isEmpty())
        return std::optional<qint64>();
    NewJob next = job;
    next.uniqueKey += u":next"_s;
    next.dedupe = NewJob::Dedupe::Rearm;
    return enqueue(tx, next);
}

} // namespace vox::server::jobs
