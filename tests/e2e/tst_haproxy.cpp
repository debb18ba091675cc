// Several instances behind HAProxy, as docs/operations.md lays them out: the shipped
// packaging/haproxy/voxanne.cfg, with its bind and server lines pointed at 127.0.0.1, in front of
// two `voxanne-server serve` processes on one database. Through the proxy's one URL bookings,
// webhooks and the live event stream work; and an instance stopped (SIGTERM, or SIGKILL) under a
// steady load costs a client at most a retry: every delivery is acknowledged in the end, every
// acknowledged booking and webhook is in the database exactly once, and every console stream has
// every event.
#include "resumingstream.h"
#include "serverprocess.h"
#include "steadyload.h"

#include <QFile>
#include <QLocalSocket>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;
using namespace vox::test;

namespace {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// The shipped example with its listen address and instances replaced, and a stats socket for
// the test's figures.
QByteArray proxyConfig(quint16 listen, const QList<quint16> &instances, const QString &stats)
{
    QFile example(QStringLiteral(VOXANNE_SOURCE_DIR "/packaging/haproxy/voxanne.cfg"));
    if (!example.open(QIODevice::ReadOnly))
        return {};
    QByteArray config;
    for (const QByteArray &line : example.readAll().split('\n')) {
        const QByteArray trimmed = line.trimmed();
        if (trimmed.startsWith("bind "))
            config += "    bind 127.0.0.1:" + QByteArray::number(listen) + '\n';
        else if (trimmed.startsWith("server "))
            continue;
        else
            config += line + '\n';
        if (trimmed == "global")
            config += "    stats socket " + stats.toUtf8() + '\n';
    }
    for (int i = 0; i < instances.size(); ++i)
        config += "    server voxanne" + QByteArray::number(i + 1) +
                  " 127.0.0.1:" + QByteArray::number(instances.at(i)) + " check\n";
    return config;
}

} // namespace

class TestHaproxy : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_db;
    QTemporaryDir m_dir;
    QList<quint16> m_ports;
    ServerProcess m_instances[2];
    QProcess m_proxy;
    QString m_url;
    Clinic m_clinic;
    int m_round = 0;

    // What HAProxy resent to another instance so far (the backend's wretr + wredis counters).
    int proxyRetries()
    {
        QLocalSocket socket;
        socket.connectToServer(m_dir.filePath(u"stats.sock"_s));
        if (!socket.waitForConnected(5000))
            return -1;
        socket.write("show stat\n");
        QByteArray csv;
        while (socket.waitForReadyRead(2000))
            csv += socket.readAll();
        const QList<QByteArray> lines = csv.split('\n');
        const QList<QByteArray> header = lines.value(0).mid(2).split(',');
        const qsizetype retries = header.indexOf("wretr");
        const qsizetype redispatches = header.indexOf("wredis");
        for (const QByteArray &line : lines) {
            const QList<QByteArray> fields = line.split(',');
            if (fields.value(0) == "voxanne_servers" && fields.value(1) == "BACKEND")
                return fields.value(retries).toInt() + fields.value(redispatches).toInt();
        }
        return -1;
    }

    bool startInstance(int i)
    {
        return m_instances[i].start(
            {u"--listen"_s, u"127.0.0.1:%1"_s.arg(m_ports.at(i))},
            productionEnvironment(m_db->url(), m_dir.filePath(u"data%1"_s.arg(i))));
    }
    // The instance names that answered `probes` health checks through the proxy.
    QSet<QByteArray> answeringInstances(int probes = 6)
    {
        QSet<QByteArray> names;
        HttpClient client(m_url);
        for (int i = 0; i < probes; ++i)
            names.insert(client.get(u"/api/health"_s).headers.value("x-voxanne-instance"));
        return names;
    }
    // Events of the clinic after `after`, as the database has them.
    QSet<qint64> eventsAfter(qint64 after)
    {
        auto admin = m_db->connectAsAdmin();
        auto rows = admin->exec("SELECT id FROM events WHERE org_id = $1::uuid AND id > $2",
                                {m_clinic.orgId, after});
        QSet<qint64> ids;
        for (int r = 0; rows && r < rows->rowCount(); ++r)
            ids.insert(rows->text(r, 0).toLongLong());
        return ids;
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<TestDatabase>(u"haproxy"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        QVERIFY(m_dir.isValid());
        m_ports = {freePort(), freePort()};
        for (int i = 0; i < 2; ++i)
            QVERIFY2(startInstance(i), m_instances[i].log().constData());

        const quint16 listen = freePort();
        const QByteArray config = proxyConfig(listen, m_ports, m_dir.filePath(u"stats.sock"_s));
        QVERIFY(!config.isEmpty());
        QFile file(m_dir.filePath(u"haproxy.cfg"_s));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(config);
        file.close();
        m_proxy.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_proxy.start(u"haproxy"_s, {u"-db"_s, u"-f"_s, file.fileName()});
        QVERIFY2(m_proxy.waitForStarted(10000), qPrintable(m_proxy.errorString()));
        m_url = u"http://127.0.0.1:%1"_s.arg(listen);
        // Both instances pass their health checks.
        QTRY_COMPARE_WITH_TIMEOUT(answeringInstances(), (QSet<QByteArray>{"voxanne1", "voxanne2"}),
                                  30000);

        HttpClient client(m_url);
        m_clinic = createClinic(client, *m_db, u"Proxy Clinic"_s);
    }

    void bookingsWebhooksAndLiveEventsWorkThroughTheProxy()
    {
        ResumingStream stream(QString(m_url).replace(u"http://"_s, u"ws://"_s) + u"/api/events"_s,
                              m_clinic.token);
        QTRY_VERIFY_WITH_TIMEOUT(stream.ready, 10000);

        SteadyLoad load({m_url, u"proxy0"_s, 2, 3, 100, 0}, m_clinic,
                        weekdaySlots(nextWeekday(1, 7), m_clinic.zone, 8));
        load.start();
        load.finish();
        const auto done = load.deliveries();
        QCOMPARE(done.size(), 16);
        for (const auto &d : done)
            QVERIFY2(d.acknowledged && d.attempts == 1, qPrintable(d.key + u' ' + d.lastFailure));
        QCOMPARE(SteadyLoad::keys(done, SteadyLoad::Kind::Booking).size(), 8);

        // Each booking and each call is an event on the stream, sent over the upgraded
        // connection the proxy passes through.
        const QSet<qint64> expected = eventsAfter(stream.startId);
        QVERIFY(expected.size() >= 16);
        QTRY_COMPARE_WITH_TIMEOUT(stream.ids, expected, 10000);
        QCOMPARE(stream.reconnects, 0);
    }

    void anInstanceStoppedUnderLoadCostsAtMostARetry_data()
    {
        QTest::addColumn<bool>("hard");
        QTest::newRow("SIGTERM") << false;
        QTest::newRow("SIGKILL") << true;
    }
    void anInstanceStoppedUnderLoadCostsAtMostARetry()
    {
        QFETCH(bool, hard);
        const int round = ++m_round;
        QTRY_COMPARE_WITH_TIMEOUT(answeringInstances(), (QSet<QByteArray>{"voxanne1", "voxanne2"}),
                                  30000);
        const QString ws = QString(m_url).replace(u"http://"_s, u"ws://"_s) + u"/api/events"_s;
        // Round robin puts one console on each instance.
        ResumingStream first(ws, m_clinic.token);
        ResumingStream second(ws, m_clinic.token);
        QTRY_VERIFY_WITH_TIMEOUT(first.ready && second.ready, 10000);

        SteadyLoad load({m_url, u"proxy%1"_s.arg(round), 3, 60, 250, 10}, m_clinic,
                        weekdaySlots(nextWeekday(1, 7 + 60 * round), m_clinic.zone, 100));
        const int retriesBefore = proxyRetries();
        load.start();
        QTRY_VERIFY_WITH_TIMEOUT(load.finished() >= 40, 60000);
        const int stopped = round % 2;
        if (hard)
            m_instances[stopped].kill();
        else
            QVERIFY2(m_instances[stopped].terminate(), m_instances[stopped].log().constData());
        const int atStop = load.finished();
        QTRY_VERIFY_WITH_TIMEOUT(load.finished() >= atStop + 60, 60000);
        load.stop();

        const auto done = load.deliveries();
        const int failedFirst = int(std::count_if(done.cbegin(), done.cend(),
                                                  [](const auto &d) { return d.attempts > 1; }));
        const int retriedOk = SteadyLoad::retried(done, true);
        const int lost = int(std::count_if(done.cbegin(), done.cend(),
                                           [](const auto &d) { return !d.acknowledged; }));
        std::printf("FIGURES haproxy %s: deliveries %lld, failed before retry %d, retried OK %d, "
                    "lost %d, resent by the proxy %d, stream reconnects %d\n",
                    hard ? "SIGKILL" : "SIGTERM", qlonglong(done.size()), failedFirst, retriedOk,
                    lost, proxyRetries() - retriesBefore, first.reconnects + second.reconnects);
        std::fflush(stdout);
        for (const auto &d : done)
            QVERIFY2(d.acknowledged, qPrintable(d.key + u": "_s + d.lastFailure));

        // Every acknowledged booking is in the database once; every webhook's call once.
        const QStringList booked = SteadyLoad::keys(done, SteadyLoad::Kind::Booking);
        QCOMPARE(count(*m_db,
                       "SELECT count(*) FROM appointments WHERE org_id = $1::uuid AND "
                       "source_tool_call_id = ANY($2::text[])",
                       {m_clinic.orgId, QString(u"{"_s + booked.join(u',') + u"}"_s)}),
                 qint64(booked.size()));
        QCOMPARE(count(*m_db,
                       "SELECT count(*) FROM appointments WHERE org_id = $1::uuid AND "
                       "source_tool_call_id LIKE $2",
                       {m_clinic.orgId, u"call_proxy%1_book_%"_s.arg(round)}),
                 qint64(booked.size()));
        const QStringList calls = SteadyLoad::keys(done, SteadyLoad::Kind::Webhook);
        QCOMPARE(count(*m_db,
                       "SELECT count(*) FROM call_logs WHERE org_id = $1::uuid AND "
                       "vapi_call_id LIKE $2",
                       {m_clinic.orgId, u"proxy%1-status-%"_s.arg(round)}),
                 qint64(calls.size()));

        // Both consoles have every event, the one whose instance went away by resuming.
        const QSet<qint64> expected = eventsAfter(first.startId);
        QVERIFY(expected.size() >= done.size());
        QTRY_VERIFY_WITH_TIMEOUT(first.ids.contains(expected) && second.ids.contains(expected),
                                 20000);

        // The instance comes back and the proxy sends it work again.
        QVERIFY2(startInstance(stopped), m_instances[stopped].log().constData());
    }

    void cleanupTestCase()
    {
        m_proxy.terminate();
        m_proxy.waitForFinished(10000);
        for (auto &instance : m_instances)
            instance.kill();
    }
};

QTEST_GUILESS_MAIN(TestHaproxy)
#include "tst_haproxy.moc"
