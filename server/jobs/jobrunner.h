#pragma once

#include "core/result.h"
#include "server/db/database.h"
#include "server/jobs/jobqueue.h"

#include <QHash>
#include <QMutex>
#include <QString>
#include <QThread>
#include <QWaitCondition>

#include <atomic>
#include <functional>

namespace vox::server::jobs {

// Runs queued jobs on a thread of its own. Each job is claimed with FOR UPDATE SKIP LOCKED, so
// several instances share the queue and a job runs once; a failed attempt is retried with
// exponential backoff until its attempts run out. A running job's claim is renewed by a heartbeat
// while its handler works, however long that takes; a job whose claim stopped being renewed (its
// instance crashed or lost the database) is taken back once the claim is `staleAfterSeconds` old.
// Where every runner is on this machine (an embedded database), a job held by a process that no
// longer exists is taken back at start, not minutes later. Scheduled work (a daily cleanup) is
// enqueued under a key naming its occurrence, so each occurrence exists once however many instances
// schedule it.
class JobRunner final
{
    Q_DISABLE_COPY_MOVE(JobRunner)

public:
    using Handler = std::function<Result<void>(const Job &)>;
    // Given "now", the next time the schedule is due (UTC).
    using NextRun = std::function<QDateTime(const QDateTime &now)>;

    struct Options
    {
        int pollMs = 1000;
        int baseBackoffMs = 2000; // attempt n waits base * 2^(n-1)
        int staleAfterSeconds = 60;
        int heartbeatMs = 10000; // well under staleAfterSeconds
        bool runnersOnThisMachineOnly = false;
    };

    JobRunner(db::Database &database, QString instanceName, Options options);
    ~JobRunner();

    void registerHandler(const QString &kind, Handler handler);
    void addSchedule(const QString &kind, NextRun next, int maxAttempts = 3);

    void start();
    void stop();
    // Claims and runs due jobs until none is due; for tests and shutdown. Returns how many ran.
    int runDue();
    // Nudges the worker after an enqueue in this process.
    void wake();

    // A daily time in UTC, e.g. dailyAtUtc(3, 0) for 03:00.
    static NextRun dailyAtUtc(int hour, int minute);

    // Jobs claimed by a runner of this machine whose process has ended, queued again; how many.
    // Only sound where no runner of another machine shares the database.
    Result<int> takeBackFromEndedProcesses();

private:
    void loop();
    void heartbeat();
    Result<bool> runOne();
    Result<void> scheduleDue();

    db::Database &m_db;
    QString m_instance;
    Options m_options;
    QHash<QString, Handler> m_handlers;
    struct Schedule
    {
        QString kind;
        NextRun next;
        int maxAttempts;
    };
    QList<Schedule> m_schedules;
    QThread *m_thread = nullptr;
    QThread *m_heartbeat = nullptr;
    std::atomic<bool> m_running{false};
    QMutex m_mutex;
    QWaitCondition m_wakeUp;
    QWaitCondition m_stopping;
};

} // namespace vox::server::jobs
