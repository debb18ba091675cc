// PostgreSQL failover under load, on pg_auto_failover (docs/operations.md, "PostgreSQL high
// availability"): a monitor, a primary and a synchronous standby; two `voxanne-server serve`
// instances on one multi-host URL with target_session_attrs=read-write. The primary's PostgreSQL
// is stopped hard under a steady load of tool calls and webhooks; the servers reconnect by
// themselves (request connections, the LISTEN connection, the job runner) once the standby is
// promoted. Every write a client saw acknowledged is on the new primary (synchronous replication
// loses none), none is applied twice although clients retried, and a console's event stream has
// every event. The failover time is printed, not asserted.
#include "autofailovercluster.h"
#include "resumingstream.h"
#include "serverprocess.h"
#include "steadyload.h"

#include "server/server.h"

#include <QTest>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;
using namespace vox::test;

class TestPgFailover : public QObject
{
    Q_OBJECT

    std::unique_ptr<AutoFailoverCluster> m_cluster;
    QTemporaryDir m_dataDir;
    ServerProcess m_instances[2];
    Clinic m_clinic;

    qint64 scalarOnPrimary(const QByteArray &sql, const vox::db::Params &params = {})
    {
        auto primary = m_cluster->connectToPrimary();
        if (!primary)
            return -1;
        auto row = primary->exec(sql, params);
        return row && !row->isEmpty() ? row->text(0, 0).toLongLong() : -1;
    }

private slots:
    void initTestCase()
    {
        m_cluster = std::make_unique<AutoFailoverCluster>();
        QVERIFY2(m_cluster->ok(), qPrintable(m_cluster->error()));
        auto settings = vox::db::ConnectionSettings::fromUrl(m_cluster->url());
        QVERIFY2(settings.ok(), qPrintable(m_cluster->url()));
        const auto migrated = vox::server::migrateDatabase(*settings);
        QVERIFY2(migrated.ok(), qPrintable(migrated.ok() ? QString() : migrated.errorMessage()));

        QVERIFY(m_dataDir.isValid());
        for (int i = 0; i < 2; ++i) {
            QVERIFY2(m_instances[i].start(
                         {}, productionEnvironment(m_cluster->url(),
                                                   m_dataDir.filePath(u"data%1"_s.arg(i)))),
                     m_instances[i].log().constData());
        }

        // A clinic whose inbound agent has a Vapi assistant.
        HttpClient client(m_instances[0].url());
        const HttpReply signedUp =
            client.post(u"/api/auth/signup"_s, {{u"organization_name"_s, u"Failover Clinic"_s},
                                                {u"email"_s, u"owner@failover.test"_s},
                                                {u"password"_s, u"correct horse battery"_s},
                                                {u"time_zone"_s, u"America/New_York"_s}});
        QCOMPARE(signedUp.status, 201);
        m_clinic.token = signedUp.json().value(u"access_token"_s).toString();
        m_clinic.orgId =
            signedUp.json().value(u"organization"_s).toObject().value(u"id"_s).toString();
        m_clinic.timeZone = u"America/New_York"_s;
        m_clinic.zone = QTimeZone("America/New_York");
        m_clinic.assistantId = u"asst-failover"_s;
        auto primary = m_cluster->connectToPrimary();
        QVERIFY(primary);
        QVERIFY(primary
                    ->exec("UPDATE agents SET vapi_assistant_id = $2 WHERE org_id = $1::uuid AND "
                           "direction = 'inbound'",
                           {m_clinic.orgId, m_clinic.assistantId})
                    .ok());
    }

    void theServersTakeWritesOnTheFirstNode()
    {
        QCOMPARE(scalarOnPrimary("SELECT inet_server_port()"), qint64(m_cluster->nodePort(0)));
        // Commits wait for the standby: what is acknowledged survives losing the primary.
        QCOMPARE(scalarOnPrimary("SELECT count(*) FROM pg_stat_replication WHERE sync_state IN "
                                 "('sync', 'quorum')"),
                 qint64(1));
        for (ServerProcess &instance : m_instances)
            QCOMPARE(HttpClient(instance.url()).get(u"/api/ready"_s).status, 200);
    }

    void aHardFailoverLosesNoAcknowledgedWriteAndAppliesNoneTwice()
    {
        ResumingStream stream(m_instances[1].webSocketUrl(u"/api/events"_s), m_clinic.token);
        QTRY_VERIFY_WITH_TIMEOUT(stream.ready, 10000);

        const QList<QDateTime> slots0 = weekdaySlots(nextWeekday(1, 7), m_clinic.zone, 400);
        // One load per instance; each books its own half of the slots.
        SteadyLoad onFirst({m_instances[0].url(), u"fa"_s, 2, 240, 250, 10}, m_clinic,
                           slots0.mid(0, 200));
        SteadyLoad onSecond({m_instances[1].url(), u"fb"_s, 2, 240, 250, 10}, m_clinic,
                            slots0.mid(200));
        onFirst.start();
        onSecond.start();
        QTRY_VERIFY_WITH_TIMEOUT(onFirst.finished() + onSecond.finished() >= 40, 60000);

        const qint64 crashedAt = onFirst.now();
        QVERIFY(m_cluster->crashNode(0));
        QTRY_COMPARE_WITH_TIMEOUT(m_cluster->assignedState(1), u"wait_primary"_s, 90000);
        const int afterPromotion = onFirst.finished() + onSecond.finished();
        QTRY_VERIFY_WITH_TIMEOUT(onFirst.finished() + onSecond.finished() >= afterPromotion + 40,
                                 90000);
        onFirst.stop();
        onSecond.stop();

        const auto done = onFirst.deliveries() + onSecond.deliveries();
        // Writes work again when the first delivery that failed during the outage succeeds.
        qint64 resumedAt = -1;
        for (const auto &d : done) {
            if (d.attempts > 1 && d.acknowledged && d.acknowledgedAtMs > crashedAt)
                resumedAt =
                    resumedAt < 0 ? d.acknowledgedAtMs : qMin(resumedAt, d.acknowledgedAtMs);
        }
        const QStringList booked = SteadyLoad::keys(done, SteadyLoad::Kind::Booking);
        const QStringList calls = SteadyLoad::keys(done, SteadyLoad::Kind::Webhook);
        const QString bookedArray = u"{"_s + booked.join(u',') + u"}"_s;
        const QString callsArray = u"{"_s + calls.join(u',') + u"}"_s;
        const qint64 bookingsFound =
            scalarOnPrimary("SELECT count(DISTINCT source_tool_call_id) FROM appointments WHERE "
                            "source_tool_call_id = ANY($1::text[])",
                            {bookedArray});
        const qint64 callsFound = scalarOnPrimary("SELECT count(DISTINCT vapi_call_id) FROM "
                                                  "call_logs WHERE vapi_call_id = ANY($1::text[])",
                                                  {callsArray});
        const int lost = int(booked.size() + calls.size() - bookingsFound - callsFound);
        std::printf(
            "FIGURES pg_auto_failover: failover %.1f s (crash to first retried write "
            "acknowledged), deliveries %lld, writes acknowledged %lld, writes found %lld, "
            "lost %d, failed before retry %d, stream reconnects %d\n",
            resumedAt < 0 ? -1.0 : double(resumedAt - crashedAt) / 1000.0, qlonglong(done.size()),
            qlonglong(booked.size() + calls.size()), bookingsFound + callsFound, lost,
            SteadyLoad::retried(done, true) + SteadyLoad::retried(done, false), stream.reconnects);
        std::fflush(stdout);

        // The writes are on the second node, now the primary.
        QCOMPARE(scalarOnPrimary("SELECT inet_server_port()"), qint64(m_cluster->nodePort(1)));
        for (const auto &d : done)
            QVERIFY2(d.acknowledged, qPrintable(d.key + u": "_s + d.lastFailure));
        QVERIFY(resumedAt > 0); // the crash was felt, and recovered from
        QCOMPARE(lost, 0);
        // Nothing twice: one appointment per tool call, one call row per Vapi call.
        QCOMPARE(scalarOnPrimary("SELECT count(*) FROM appointments WHERE source_tool_call_id "
                                 "LIKE 'call\\_f_\\_book\\_%'"),
                 qint64(booked.size()));
        QCOMPARE(scalarOnPrimary("SELECT count(*) FROM call_logs WHERE vapi_call_id LIKE "
                                 "'f_-status-%'"),
                 qint64(calls.size()));

        // The console on the second instance has every event: the hub listened again on the new
        // primary and read what it missed meanwhile.
        auto primary = m_cluster->connectToPrimary();
        QVERIFY(primary);
        auto rows = primary->exec("SELECT id FROM events WHERE org_id = $1::uuid AND id > $2",
                                  {m_clinic.orgId, stream.startId});
        QVERIFY(rows.ok());
        QSet<qint64> expected;
        for (int r = 0; r < rows->rowCount(); ++r)
            expected.insert(rows->text(r, 0).toLongLong());
        QVERIFY(expected.size() >= done.size());
        QTRY_VERIFY_WITH_TIMEOUT(stream.ids.contains(expected), 20000);

        // Both instances are ready again without a restart.
        for (ServerProcess &instance : m_instances)
            QTRY_COMPARE_WITH_TIMEOUT(HttpClient(instance.url()).get(u"/api/ready"_s).status, 200,
                                      20000);
    }

    void cleanupTestCase()
    {
        for (ServerProcess &instance : m_instances)
            instance.terminate();
        m_cluster.reset();
    }
};

QTEST_GUILESS_MAIN(TestPgFailover)
#include "tst_pgfailover.moc"
