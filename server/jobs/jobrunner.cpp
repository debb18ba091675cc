#include "server/jobs/jobrunner.h"

#include "core/logging/log.h"
#include "server/providers/providerhttp.h"
#include "server/servermetrics.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>

#include <cerrno>
#include <csignal>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::jobs {

namespace {

// Runs and failures by kind for GET /metrics; the queue's depth is read from the table when
// scraped.
void recordRun(const QString &kind, const QString &outcome, qint64 nanoseconds)
{
    if (outcome != u"done")
        servermetrics::jobFailures().labels({kind, outcome}).inc();
    servermetrics::jobDuration().labels({kind, outcome}).observe(double(nanoseconds) / 1e9);
}

// The host part of an instance name ("host:pid"), which this machine's runners share.
QString hostOf(const QString &instance)
{
    return instance.section(u':', 0, -2);
}

bool processExists(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

} // namespace

JobRunner::JobRunner(db::Database &database, QString instanceName, Options options)
    : m_db(database)
    , m_instance(std::move(instanceName))
    , m_options(options)
{}

JobRunner::~JobRunner()
{
    stop();
}

void JobRunner::registerHandler(const QString &kind, Handler handler)
{
    m_handlers.insert(kind, std::move(handler));
}

void JobRunner::addSchedule(const QString &kind, NextRun next, int maxAttempts)
{
    m_schedules.append({kind, std::move(next), maxAttempts});
}

JobRunner::NextRun JobRunner::dailyAtUtc(int hour, int minute)
{
    return [hour, minute](const QDateTime &now) {
        QDateTime at(now.toUTC().date(), QTime(hour, minute), Qt::UTC);
        if (at <= now)
            at = at.addDays(1);
        return at;
    };
}

void JobRunner::start()
{
    if (m_running.exchange(true))
        return;
    if (m_options.runnersOnThisMachineOnly) {
        if (auto taken = takeBackFromEndedProcesses(); !taken)
            log::warn("jobs", u"Could not take back the jobs of ended processes: %1"_s.arg(
                                  taken.errorMessage()));
        else if (*taken > 0)
            log::info("jobs", u"Took back the jobs of a process that ended while running them."_s,
                      {{u"jobs"_s, *taken}});
    }
    m_thread = QThread::create([this] { loop(); });
    m_thread->setObjectName(u"jobs"_s);
    m_thread->start();
    m_heartbeat = QThread::create([this] { heartbeat(); });
    m_heartbeat->setObjectName(u"jobs-heartbeat"_s);
    m_heartbeat->start();
}

void JobRunner::stop()
{
    if (!m_running.exchange(false))
        return;
    {
        QMutexLocker locker(&m_mutex);
        m_wakeUp.wakeAll();
        m_stopping.wakeAll();
    }
    m_thread->wait();
    m_heartbeat->wait();
    delete m_thread;
    delete m_heartbeat;
    m_thread = nullptr;
    m_heartbeat = nullptr;
}

void JobRunner::heartbeat()
{
    // Renews this runner's claims while a handler works on its own thread, so a long job (a
    // provider that answers slowly) is never taken for a crashed one.
    while (true) {
        {
            QMutexLocker locker(&m_mutex);
            if (!m_running.load())
                break;
            m_stopping.wait(&m_mutex, QDeadlineTimer(m_options.heartbeatMs));
            if (!m_running.load())
                break;
        }
        auto renewed =
            m_db.transaction<bool>(db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
                auto done = tx.exec("UPDATE jobs SET locked_at = now() "
                                    "WHERE status = 'running' AND locked_by = $1",
                                    {m_instance});
                if (!done)
                    return done.error();
                return true;
            });
        if (!renewed)
            log::warn("jobs", u"Could not renew the running jobs' claims: %1"_s.arg(
                                  renewed.errorMessage()));
    }
    m_db.closeThreadConnection();
}

Result<int> JobRunner::takeBackFromEndedProcesses()
{
    const QString host = hostOf(m_instance);
    auto taken =
        m_db.transaction<int>(db::Access::service(), [&](db::Transaction &tx) -> Result<int> {
            auto holders = tx.exec("SELECT DISTINCT locked_by FROM jobs "
                                   "WHERE status = 'running' AND locked_by IS NOT NULL");
            if (!holders)
                return holders.error();
            QStringList ended;
            for (int row = 0; row < holders->rowCount(); ++row) {
                const QString holder = holders->text(row, 0);
                bool numeric = false;
                const qint64 pid = holder.section(u':', -1).toLongLong(&numeric);
                if (holder != m_instance && hostOf(holder) == host && numeric &&
                    !processExists(pid))
                    ended << holder;
            }
            if (ended.isEmpty())
                return 0;
            auto queued =
                tx.exec("UPDATE jobs SET status = 'queued', locked_by = NULL "
                        "WHERE status = 'running' AND locked_by IN "
                        "(SELECT jsonb_array_elements_text($1::jsonb))",
                        {QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(ended))
                                               .toJson(QJsonDocument::Compact))});
            if (!queued)
                return queued.error();
            return int(queued->affectedRows());
        });
    return taken;
}

void JobRunner::wake()
{
    QMutexLocker locker(&m_mutex);
    m_wakeUp.wakeAll();
}

void JobRunner::loop()
{
    // Jobs may wait on providers: nobody is on the line for them.
    const providers::BackgroundWork background;
    while (m_running.load()) {
        if (auto scheduled = scheduleDue(); !scheduled)
            log::warn("jobs",
                      u"Could not schedule recurring jobs: %1"_s.arg(scheduled.errorMessage()));
        while (m_running.load()) {
            auto ran = runOne();
            if (!ran) {
                log::warn("jobs", u"Job queue unavailable: %1"_s.arg(ran.errorMessage()));
                break;
            }
            if (!*ran)
                break;
        }
        QMutexLocker locker(&m_mutex);
        if (m_running.load())
            m_wakeUp.wait(&m_mutex, QDeadlineTimer(m_options.pollMs));
    }
    m_db.closeThreadConnection();
}

int JobRunner::runDue()
{
    (void)scheduleDue();
    int count = 0;
    while (true) {
        auto ran = runOne();
        if (!ran || !*ran)
            break;
        ++count;
    }
    return count;
}

Result<void> JobRunner::scheduleDue()
{
    if (m_schedules.isEmpty())
        return {};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    auto done =
        m_db.transaction<bool>(db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
            for (const Schedule &schedule : std::as_const(m_schedules)) {
                // The next occurrence is enqueued ahead of time under its own key: every
                // instance computes the same key, the first insert wins.
                const QDateTime at = schedule.next(now);
                NewJob job;
                job.kind = schedule.kind;
                job.uniqueKey = schedule.kind + u'@' + at.toString(Qt::ISODate);
                job.dedupe = NewJob::Dedupe::Once;
                job.runAt = at;
                job.maxAttempts = schedule.maxAttempts;
                auto queued = enqueue(tx, job);
                if (!queued)
                    return queued.error();
            }
            return true;
        });
    if (!done)
        return done.error();
    return {};
}

Result<bool> JobRunner::runOne()
{
    // Take back jobs whose instance died while running them.
    auto claimed = m_db.transaction<std::optional<Job>>(
        db::Access::service(), [&](db::Transaction &tx) -> Result<std::optional<Job>> {
            auto stale = tx.exec("UPDATE jobs SET status = 'queued', locked_by = NULL "
                                 "WHERE status = 'running' AND locked_at < now() - "
                                 "make_interval(secs => $1::int)",
                                 {m_options.staleAfterSeconds});
            if (!stale)
                return stale.error();
            auto row = tx.exec(
                "UPDATE jobs SET status = 'running', locked_by = $1, locked_at = now(), "
                "attempts = attempts + 1 "
                "WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND run_at <= now() "
                "            ORDER BY run_at, id FOR UPDATE SKIP LOCKED LIMIT 1) "
                "RETURNING id, kind, org_id, payload, attempts, max_attempts",
                {m_instance});
            if (!row)
                return row.error();
            if (row->isEmpty())
                return std::optional<Job>();
            Job job;
            job.id = row->toInt(0, 0);
            job.kind = row->text(0, 1);
            job.orgId = row->text(0, 2);
            job.payload = row->toJson(0, 3).toObject();
            job.attempt = int(row->toInt(0, 4));
            job.maxAttempts = int(row->toInt(0, 5));
            return std::optional<Job>(job);
        });
    if (!claimed)
        return claimed.error();
    if (!*claimed)
        return false;
    const Job job = **claimed;

    Result<void> outcome;
    QElapsedTimer ran;
    ran.start();
    const auto handler = m_handlers.constFind(job.kind);
    if (handler == m_handlers.cend()) {
        outcome = fail(u"No handler for job kind %1."_s.arg(job.kind));
    } else {
        try {
            outcome = (*handler)(job);
        } catch (const std::exception &e) {
            outcome = fail(u"The job threw: %1"_s.arg(QString::fromUtf8(e.what())));
        }
    }

    const bool retry = !outcome && job.attempt < job.maxAttempts;
    recordRun(job.kind,
              outcome ? u"done"_s
              : retry ? u"retried"_s
                      : u"failed"_s,
              ran.nsecsElapsed());
    const qint64 backoffMs = qint64(m_options.baseBackoffMs) << qMin(job.attempt - 1, 16);
    auto recorded = m_db.transaction<
        bool>(db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
        Result<db::PgResult> done =
            outcome
                ? tx.exec(
                      "UPDATE jobs SET status = 'done', finished_at = now(), last_error = NULL, "
                      "locked_by = NULL WHERE id = $1",
                      {job.id})
            : retry
                ? tx.exec("UPDATE jobs SET status = 'queued', locked_by = NULL, last_error = $2, "
                          "run_at = now() + make_interval(secs => $3::double precision / 1000) "
                          "WHERE id = $1",
                          {job.id, outcome.errorMessage(), backoffMs})
                : tx.exec("UPDATE jobs SET status = 'failed', finished_at = now(), "
                          "locked_by = NULL, last_error = $2 WHERE id = $1",
                          {job.id, outcome.errorMessage()});
        if (!done)
            return done.error();
        return true;
    });
    if (!outcome) {
        log::warn("jobs", retry ? u"Job failed; it will be retried."_s : u"Job failed for good."_s,
                  {{u"job_id"_s, job.id},
                   {u"kind"_s, job.kind},
                   {u"attempt"_s, job.attempt},
                   {u"error"_s, outcome.errorMessage()}});
    }
    if (!recorded)
        return recorded.error();
    return true;
}

} // namespace vox::server::jobs
