// The job queue's claims: a job runs once however long it takes, and a job whose runner died is
// run again, at once where every runner is on this machine.
#include "core/logging/log.h"
#include "server/db/database.h"
#include "server/jobs/followingjob.h"
#include "server/jobs/jobqueue.h"
#include "server/jobs/jobrunner.h"
#include "testdatabase.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSemaphore>
#include <QSysInfo>
#include <QTest>

#include <atomic>

using namespace Qt::Literals::StringLiterals;
using vox::server::jobs::followingJob;
using vox::server::jobs::Job;
using vox::server::jobs::JobRunner;
using vox::server::jobs::NewJob;
using vox::server::jobs::perClinicJob;

Q_DECLARE_METATYPE(vox::server::jobs::NewJob)

class TestJobRunner : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::TestDatabase> m_db;
    std::unique_ptr<vox::db::Database> m_database;

    static QString host() { return QSysInfo::machineHostName(); }

    qint64 addJob(const QString &kind, const QString &status = u"queued"_s,
                  const QString &lockedBy = {})
    {
        auto admin = m_db->connectAsAdmin();
        auto row = admin->exec("INSERT INTO jobs (kind, status, locked_by, locked_at) "
                               "VALUES ($1, $2, nullif($3, ''), "
                               "        CASE WHEN $2 = 'running' THEN now() END) RETURNING id",
                               {kind, status, lockedBy});
        return row ? row->toInt(0, 0) : -1;
    }

    QString statusOf(qint64 id)
    {
        auto row = m_db->connectAsAdmin()->exec("SELECT status FROM jobs WHERE id = $1", {id});
        return row && !row->isEmpty() ? row->text(0, 0) : QString();
    }

private slots:
    void initTestCase()
    {
        vox::log::setupStderr(vox::log::Level::Error);
        m_db = std::make_unique<vox::test::TestDatabase>(u"jobrunner"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_database = std::make_unique<vox::db::Database>(m_db->settings());
    }

    void init() { QVERIFY(m_db->connectAsAdmin()->exec("DELETE FROM jobs").ok()); }

    // Work that follows a clinic's changes (a reminder replan, a tool sync, an agent push, a
    // message check) exists once per subject, keyed `<kind>:<subject>`, and a change while it
    // runs gets it a follow-up.
    void aFollowingJobIsKeyedByItsSubject_data()
    {
        QTest::addColumn<vox::server::jobs::NewJob>("job");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("key");
        const QString org = u"6c1f1d2e-0000-4000-8000-000000000001"_s;
        QTest::newRow("per clinic") << perClinicJob(u"reminders.replan"_s, org)
                                    << u"reminders.replan"_s << u"reminders.replan:"_s + org;
        QTest::newRow("per agent") << followingJob(u"agent.push"_s, org, u"agent-7"_s)
                                   << u"agent.push"_s << u"agent.push:agent-7"_s;
    }
    void aFollowingJobIsKeyedByItsSubject()
    {
        QFETCH(vox::server::jobs::NewJob, job);
        QFETCH(QString, kind);
        QFETCH(QString, key);
        QCOMPARE(job.kind, kind);
        QCOMPARE(job.orgId, u"6c1f1d2e-0000-4000-8000-000000000001"_s);
        QCOMPARE(job.uniqueKey, key);
        QVERIFY(job.dedupe == NewJob::Dedupe::Follow);
        QCOMPARE(job.maxAttempts, 5);
        QVERIFY(job.payload.isEmpty());
        QVERIFY2(!job.runAt.isValid(), "runs at once");
    }

    // A job that runs for longer than a claim may age keeps its claim: a second runner polling
    // all along never starts it again.
    void aLongJobIsRunOnceWhileItsRunnerLives()
    {
        JobRunner::Options options;
        options.pollMs = 50;
        options.staleAfterSeconds = 2;
        options.heartbeatMs = 200;
        JobRunner first(*m_database, host() + u":first"_s, options);
        JobRunner second(*m_database, host() + u":second"_s, options);
        std::atomic<int> runs{0};
        QSemaphore started;
        QSemaphore release;
        const auto slow = [&](const Job &) -> vox::Result<void> {
            ++runs;
            started.release();
            release.acquire();
            return {};
        };
        first.registerHandler(u"slow"_s, slow);
        second.registerHandler(u"slow"_s, slow);
        const qint64 id = addJob(u"slow"_s);
        first.start();
        QVERIFY(started.tryAcquire(1, 30000));
        // Three stale periods, the second runner polling the queue.
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 3 * options.staleAfterSeconds * 1000) {
            second.runDue();
            QTest::qWait(100);
        }
        QCOMPARE(runs.load(), 1);
        QCOMPARE(statusOf(id), u"running"_s);
        release.release();
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(id), u"done"_s, 30000);
        first.stop();
        QCOMPARE(runs.load(), 1);
    }

    // A crashed console's job (a Twilio connection half done) is run again as soon as the
    // console starts again, not after the stale period; a job of a process still running is not.
    void aJobOfAnEndedProcessIsTakenBackAtStart()
    {
        QProcess ended;
        ended.start(u"true"_s, {});
        QVERIFY(ended.waitForFinished(10000));
        QProcess alive;
        alive.start(u"sleep"_s, {u"60"_s});
        QVERIFY(alive.waitForStarted(10000));
        const qint64 orphan =
            addJob(u"connect"_s, u"running"_s, u"%1:%2"_s.arg(host()).arg(ended.processId()));
        const qint64 busy =
            addJob(u"connect"_s, u"running"_s, u"%1:%2"_s.arg(host()).arg(alive.processId()));
        const qint64 elsewhere =
            addJob(u"connect"_s, u"running"_s, u"another-machine:%1"_s.arg(ended.processId()));

        JobRunner::Options options;
        options.pollMs = 50;
        options.staleAfterSeconds = 3600; // only the start's check can take anything back
        options.runnersOnThisMachineOnly = true;
        JobRunner runner(*m_database,
                         u"%1:%2"_s.arg(host()).arg(QCoreApplication::applicationPid()), options);
        std::atomic<int> runs{0};
        runner.registerHandler(u"connect"_s, [&](const Job &) -> vox::Result<void> {
            ++runs;
            return {};
        });
        runner.start();
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(orphan), u"done"_s, 30000);
        QTest::qWait(300);
        runner.stop();
        QCOMPARE(runs.load(), 1);
        QCOMPARE(statusOf(busy), u"running"_s);
        QCOMPARE(statusOf(elsewhere), u"running"_s);
        alive.kill();
        alive.waitForFinished(5000);
    }

    // Without the same-machine promise, a job of another process is left to the stale period.
    void onASharedDatabaseOnlyTheStalePeriodTakesBack()
    {
        QProcess ended;
        ended.start(u"true"_s, {});
        QVERIFY(ended.waitForFinished(10000));
        const qint64 orphan =
            addJob(u"connect"_s, u"running"_s, u"%1:%2"_s.arg(host()).arg(ended.processId()));
        JobRunner::Options options;
        options.staleAfterSeconds = 3600;
        JobRunner runner(*m_database, host() + u":shared"_s, options);
        runner.registerHandler(u"connect"_s, [](const Job &) -> vox::Result<void> { return {}; });
        QCOMPARE(runner.runDue(), 0);
        QCOMPARE(statusOf(orphan), u"running"_s);
    }
};

QTEST_MAIN(TestJobRunner)
#include "tst_jobrunner.moc"
