// The HTTP edge of a real `voxanne-server serve` under the attacks an unauthenticated client can
// make from one address: a thousand idle connections, six hundred slowloris heads, forty stalled
// 19 MB bodies. Through each, health probes from other addresses are all answered 200 and the
// server's peak memory stays bounded; the probe latency (p99) and memory are printed, not
// asserted, as timing depends on the machine. Then SIGTERM under keep-alive clients creating
// rows: every row written was answered, and the server exits 0 promptly.
#include "clinicfixture.h"
#include "serverprocess.h"

#include <QFile>
#include <QHostAddress>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <vector>

#include <sys/resource.h>

using namespace Qt::Literals::StringLiterals;
using vox::test::ServerProcess;

namespace {

constexpr int probeCount = 216;
constexpr qint64 rssCeiling = 300 * 1024 * 1024;

// A /proc/PID/status figure in bytes ("VmHWM", "VmRSS").
qint64 memoryOf(qint64 pid, const QByteArray &field)
{
    QFile status(u"/proc/%1/status"_s.arg(pid));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

// One HTTP exchange on its own connection, driven by the event loop; `status` is 0 until a
// whole answer arrived (and stays 0 if the connection ends without one).
struct Exchange
{
    QTcpSocket socket;
    QElapsedTimer timer;
    QByteArray received;
    int status = 0;
    qint64 ms = -1;
    bool done = false;

    Exchange(quint16 port, const QString &from, const QByteArray &request)
    {
        if (!from.isEmpty())
            socket.bind(QHostAddress(from));
        QObject::connect(&socket, &QTcpSocket::connected, &socket,
                         [this, request] { socket.write(request); });
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket, [this] {
            received += socket.readAll();
            const qsizetype end = received.indexOf("\r\n\r\n");
            if (end < 0 || done)
                return;
            const qsizetype lengthAt = received.toLower().indexOf("content-length:");
            const qint64 length =
                lengthAt < 0
                    ? 0
                    : received.mid(lengthAt + 15, received.indexOf('\r', lengthAt) - lengthAt - 15)
                          .trimmed()
                          .toLongLong();
            if (received.size() < end + 4 + length)
                return;
            status = received.mid(9, 3).toInt();
            ms = timer.elapsed();
            done = true;
        });
        QObject::connect(&socket, &QTcpSocket::disconnected, &socket, [this] { done = true; });
        QObject::connect(&socket, &QTcpSocket::errorOccurred, &socket, [this] { done = true; });
        timer.start();
        socket.connectToHost(u"127.0.0.1"_s, port);
    }
};

struct ProbeResult
{
    int answered200 = 0;
    qint64 p99Ms = -1;
};

// `probeCount` parallel GET /api/health from other addresses (127.0.1.x, four per address),
// while whatever the test started keeps running.
ProbeResult probeHealth(quint16 port)
{
    std::vector<std::unique_ptr<Exchange>> probes;
    for (int i = 0; i < probeCount; ++i)
        probes.push_back(std::make_unique<Exchange>(
            port, u"127.0.1.%1"_s.arg(1 + i % 54),
            "GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    (void)QTest::qWaitFor(
        [&] {
            return std::all_of(probes.cbegin(), probes.cend(),
                               [](const auto &p) { return p->done; });
        },
        30000);
    ProbeResult result;
    QList<qint64> times;
    for (const auto &probe : probes) {
        if (probe->status == 200) {
            ++result.answered200;
            times.append(probe->ms);
        }
    }
    std::sort(times.begin(), times.end());
    if (!times.isEmpty())
        result.p99Ms = times.at(qMax<qsizetype>(0, (times.size() * 99 + 99) / 100 - 1));
    return result;
}

// Raw connections from one attacker address, fed by the test. Each attack comes from its own
// address, so connections of an earlier attack that the server has not seen close yet do not
// count against the next one's cap.
std::vector<std::unique_ptr<QTcpSocket>> connectMany(quint16 port, int count, const QString &from)
{
    std::vector<std::unique_ptr<QTcpSocket>> sockets;
    for (int i = 0; i < count; ++i) {
        sockets.push_back(std::make_unique<QTcpSocket>());
        sockets.back()->bind(QHostAddress(from));
        sockets.back()->connectToHost(u"127.0.0.1"_s, port);
        if (i % 100 == 99)
            QTest::qWait(10); // let the server accept as they come
    }
    QTest::qWait(1500); // the connections over the cap are refused and closed meanwhile
    return sockets;
}

// What the attacker's connections got: held open by the server, or a written answer.
QMap<QByteArray, int> outcomesOf(const std::vector<std::unique_ptr<QTcpSocket>> &sockets)
{
    QMap<QByteArray, int> outcomes;
    for (const auto &socket : sockets) {
        const QByteArray answer = socket->readAll();
        if (!answer.isEmpty())
            outcomes[answer.left(answer.indexOf('\r'))]++;
        else
            outcomes[socket->state() == QAbstractSocket::ConnectedState ? "held open"
                                                                        : "closed, no answer"]++;
    }
    return outcomes;
}

void printOutcomes(const char *attack, const QMap<QByteArray, int> &outcomes)
{
    for (auto it = outcomes.cbegin(); it != outcomes.cend(); ++it)
        qInfo("%s: %d x %s", attack, it.value(), it.key().constData());
}

} // namespace

class TestEdgeAttacks : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::TestDatabase> m_db;
    QTemporaryDir m_dataDir;
    ServerProcess m_server;
    quint16 m_port = 0;
    vox::test::Clinic m_clinic;

    QHash<QString, QString> environment() const
    {
        return vox::test::productionEnvironment(m_db->url(), m_dataDir.path(), u"error"_s);
    }

    void reportAndCheck(const char *attack, const ProbeResult &probes)
    {
        const qint64 peak = memoryOf(m_server.pid(), "VmHWM");
        qInfo("%s: health probes %d/%d answered 200, p99 %lld ms; server RSS now %lld MiB, "
              "peak %lld MiB",
              attack, probes.answered200, probeCount, probes.p99Ms,
              memoryOf(m_server.pid(), "VmRSS") / (1024 * 1024), peak / (1024 * 1024));
        QCOMPARE(probes.answered200, probeCount);
        QVERIFY(peak > 0);
        QVERIFY2(peak < rssCeiling, qPrintable(u"peak RSS %1 MiB"_s.arg(peak / (1024 * 1024))));
    }

private slots:
    void initTestCase()
    {
        // Each attack connection is a descriptor here and in the server (which inherits this).
        rlimit files{};
        QVERIFY(::getrlimit(RLIMIT_NOFILE, &files) == 0);
        files.rlim_cur = std::min<rlim_t>(files.rlim_max, 8192);
        QVERIFY(::setrlimit(RLIMIT_NOFILE, &files) == 0);
        QVERIFY2(files.rlim_cur >= 4096, "the test needs 4096 file descriptors");

        m_db = std::make_unique<vox::test::TestDatabase>(u"edgeattacks"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        QVERIFY(m_dataDir.isValid());
        QVERIFY2(m_server.start({}, environment()), m_server.log().constData());
        m_port = quint16(QUrl(m_server.url()).port());
        m_clinic = vox::test::createClinic(m_server.url(), u"Edge Clinic"_s);
        QVERIFY(!m_clinic.orgId.isEmpty());
    }

    void healthStaysAnsweredThroughAThousandIdleConnections()
    {
        auto idle = connectMany(m_port, 1000, u"127.0.0.1"_s);
        const ProbeResult probes = probeHealth(m_port);
        printOutcomes("1000 idle connections", outcomesOf(idle));
        reportAndCheck("1000 idle connections", probes);
    }

    void healthStaysAnsweredThroughSixHundredSlowlorisHeads()
    {
        auto slow = connectMany(m_port, 600, u"127.0.0.3"_s);
        const QByteArray head = "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: ";
        qsizetype sent = 0;
        QTimer trickle;
        connect(&trickle, &QTimer::timeout, this, [&] {
            const QByteArray byte = sent < head.size() ? head.mid(sent, 1) : "a";
            ++sent;
            for (const auto &socket : slow) {
                if (socket->state() == QAbstractSocket::ConnectedState)
                    socket->write(byte);
            }
        });
        trickle.start(200);
        QTest::qWait(1000);
        const ProbeResult probes = probeHealth(m_port);
        trickle.stop();
        printOutcomes("600 slowloris connections", outcomesOf(slow));
        reportAndCheck("600 slowloris connections", probes);
    }

    void healthStaysAnsweredAndMemoryBoundedThroughFortyStalledBodies()
    {
        // Each declares a 20 MB document for the knowledge base, sends 19 MB and stalls.
        constexpr qint64 declared = 20'000'000;
        constexpr qint64 sentBeforeStall = 19'000'000;
        const QByteArray chunk(256 * 1024, 'x');
        auto uploads = connectMany(m_port, 40, u"127.0.0.4"_s);
        QHash<QTcpSocket *, qint64> sent;
        for (const auto &socket : uploads) {
            socket->write("POST /api/knowledge HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                          "X-Filename: big.txt\r\nContent-Length: " +
                          QByteArray::number(declared) + "\r\n\r\n");
            sent.insert(socket.get(), 0);
        }
        // Feed each socket as fast as the server reads, never holding more than a chunk here.
        QTimer pump;
        connect(&pump, &QTimer::timeout, this, [&] {
            for (const auto &socket : uploads) {
                qint64 &done = sent[socket.get()];
                if (socket->state() == QAbstractSocket::ConnectedState &&
                    socket->bytesToWrite() < chunk.size() && done < sentBeforeStall) {
                    const qint64 n = qMin<qint64>(chunk.size(), sentBeforeStall - done);
                    socket->write(chunk.left(n));
                    done += n;
                }
            }
        });
        pump.start(1);
        (void)QTest::qWaitFor(
            [&] {
                return std::all_of(uploads.cbegin(), uploads.cend(), [&](const auto &socket) {
                    return socket->state() != QAbstractSocket::ConnectedState ||
                           (sent.value(socket.get()) >= sentBeforeStall &&
                            socket->bytesToWrite() == 0);
                });
            },
            30000);
        // The budget for bodies in flight (64 MiB) admits three 20 MB bodies; the others are
        // refused with a 503 as soon as their head arrives.
        const QMap<QByteArray, int> outcomes = outcomesOf(uploads);
        printOutcomes("40 stalled bodies", outcomes);
        QCOMPARE(outcomes.value("held open"), 3);
        QCOMPARE(outcomes.value("HTTP/1.1 503 Service Unavailable"), 37);
        reportAndCheck("40 stalled 19 MB bodies", probeHealth(m_port));
    }

    // Last, as it ends the server.
    void sigtermAnswersEveryCommittedWriteAndExitsPromptly()
    {
        constexpr int clients = 48;
        struct Client
        {
            QTcpSocket socket;
            QByteArray received;
            int created = 0; // 201 answers
            int refused = 0; // other answers (503 while stopping)
            bool waiting = false;
        };
        std::vector<std::unique_ptr<Client>> all;
        int phone = 0;
        bool stopSending = false;
        const auto send = [&](Client &c) {
            if (stopSending || c.socket.state() != QAbstractSocket::ConnectedState)
                return;
            const QByteArray body = "{\"name\":\"Load\",\"phone\":\"+1555" +
                                    QByteArray::number(2000000 + ++phone) + "\"}";
            c.socket.write("POST /api/contacts HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                           m_clinic.staffToken.toLatin1() +
                           "\r\nContent-Type: application/json\r\nContent-Length: " +
                           QByteArray::number(body.size()) + "\r\n\r\n" + body);
            c.waiting = true;
        };
        for (int i = 0; i < clients; ++i) {
            auto client = std::make_unique<Client>();
            Client &c = *client;
            client->socket.bind(QHostAddress(u"127.0.2.%1"_s.arg(1 + i)));
            connect(&c.socket, &QTcpSocket::connected, this, [&c, &send] { send(c); });
            connect(&c.socket, &QTcpSocket::readyRead, this, [&c, &send] {
                c.received += c.socket.readAll();
                // One answer at a time: Content-Length is always present.
                for (;;) {
                    const qsizetype end = c.received.indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    const qsizetype at = c.received.indexOf("Content-Length: ");
                    const qint64 length =
                        c.received.mid(at + 16, c.received.indexOf('\r', at) - at - 16)
                            .toLongLong();
                    if (c.received.size() < end + 4 + length)
                        return;
                    const int status = c.received.mid(9, 3).toInt();
                    const bool closes = c.received.left(end).contains("\r\nConnection: close");
                    c.received.remove(0, end + 4 + length);
                    (status == 201 ? c.created : c.refused)++;
                    c.waiting = false;
                    if (!closes)
                        send(c);
                }
            });
            client->socket.connectToHost(u"127.0.0.1"_s, m_port);
            all.push_back(std::move(client));
        }
        QTest::qWait(2000); // keep-alive load

        QElapsedTimer sinceTerm;
        sinceTerm.start();
        m_server.signalTerminate();
        QVERIFY(QTest::qWaitFor([&] { return !m_server.isRunning(); }, 15000));
        const qint64 exitMs = sinceTerm.elapsed();
        QTest::qWait(200); // the last answers' bytes
        stopSending = true;
        for (const auto &c : all)
            c->socket.readAll();

        int created = 0;
        int refused = 0;
        int unanswered = 0;
        for (const auto &c : all) {
            created += c->created;
            refused += c->refused;
            unanswered += c->waiting ? 1 : 0;
        }
        auto observer = m_db->connectAsAdmin();
        auto rows = observer->exec("SELECT count(*) FROM contacts WHERE org_id = $1 AND name = "
                                   "'Load'",
                                   {m_clinic.orgId});
        QVERIFY(rows);
        const int written = int(rows->toInt(0, 0));
        qInfo("SIGTERM under %d keep-alive clients: exit %d after %lld ms; %d rows written, %d "
              "answered 201, %d refused, %d requests sent but never started",
              clients, m_server.exitCode(), exitMs, written, created, refused, unanswered);
        QVERIFY(m_server.exitedNormally());
        QCOMPARE(m_server.exitCode(), 0);
        QVERIFY(created > 0);
        QCOMPARE(written, created); // every committed write got its answer, none came after
    }
};

QTEST_GUILESS_MAIN(TestEdgeAttacks)
#include "tst_edgeattacks.moc"
