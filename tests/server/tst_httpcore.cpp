// The HTTP core over QtHttpServer 6.4: limits (431, 413 per route, 411, 503 at the connection
// limits and the bodies-in-flight budget), deadlines (408 for a late head or a slow body, idle
// keep-alive connections closed), HTTP/1.0 closing, 404/405/415 answers, request ids and the
// JSON access log; requests served concurrently (a request stuck on the database delays nothing
// else); clients vanishing mid-request under load; answers in request order on a pipelined
// connection; TLS; and a graceful stop that starts no new request.
#include "clinicfixture.h"

#include "core/logging/log.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QWebSocket>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <sstream>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using vox::test::HttpClient;
using vox::test::HttpReply;

namespace {

struct RawReply
{
    int status = 0;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
};

// Reads one HTTP/1.1 response (head, then Content-Length bytes) from `socket`; status 0 when
// the connection closes without one.
RawReply readResponse(QAbstractSocket &socket, int timeoutMs = 10000)
{
    RawReply reply;
    QByteArray buffer;
    QElapsedTimer timer;
    timer.start();
    qsizetype headEnd = -1;
    qint64 length = -1;
    while (timer.elapsed() < timeoutMs) {
        buffer += socket.readAll();
        if (headEnd < 0 && (headEnd = buffer.indexOf("\r\n\r\n")) >= 0) {
            const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
            reply.status = lines.value(0).split(' ').value(1).toInt();
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines.at(i).indexOf(':');
                if (colon > 0)
                    reply.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                         lines.at(i).mid(colon + 1).trimmed());
            }
            length = reply.headers.value("content-length", "0").toLongLong();
        }
        if (headEnd >= 0 && buffer.size() >= headEnd + 4 + length) {
            reply.body = buffer.mid(headEnd + 4, length);
            // Keep what follows (a pipelined answer) for the next read.
            const QByteArray rest = buffer.mid(headEnd + 4 + length);
            if (!rest.isEmpty())
                qWarning("readResponse: %lld extra bytes dropped", qint64(rest.size()));
            return reply;
        }
        if (socket.state() != QAbstractSocket::ConnectedState && socket.bytesAvailable() == 0)
            break;
        QTest::qWait(5); // the server runs on this thread: keep its event loop turning
    }
    return reply;
}

RawReply rawRequest(quint16 port, const QByteArray &bytes, const QString &from = {})
{
    QTcpSocket socket;
    // Any 127.x.y.z is this machine: another one is another client address.
    if (!from.isEmpty() && !socket.bind(QHostAddress(from)))
        return {};
    socket.connectToHost(u"127.0.0.1"_s, port);
    if (!socket.waitForConnected(5000))
        return {};
    socket.write(bytes);
    return readResponse(socket);
}

// A connection that stays open for the test to write to bit by bit.
std::unique_ptr<QTcpSocket> openConnection(quint16 port)
{
    auto socket = std::make_unique<QTcpSocket>();
    socket->connectToHost(u"127.0.0.1"_s, port);
    if (!socket->waitForConnected(5000))
        return nullptr;
    return socket;
}

QNetworkRequest apiRequest(const QString &url, const QString &token)
{
    QNetworkRequest request{QUrl(url)};
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
    return request;
}

} // namespace

class TestHttpCore : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::TestDatabase> m_db;
    std::unique_ptr<vox::test::TestServer> m_server;
    std::unique_ptr<vox::db::Connection> m_observer;
    vox::test::Clinic m_clinic;
    std::ostringstream m_log;

    quint16 port() const { return m_server->server().port(); }

    QByteArray authorized(const QByteArray &method, const QByteArray &path,
                          const QByteArray &extra = {}) const
    {
        return method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " +
               m_clinic.staffToken.toLatin1() + "\r\n" + extra + "\r\n";
    }

    // Requests of this database blocked on a lock right now (the one the test holds).
    int waitingOnLocks()
    {
        auto rows = m_observer->exec(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND "
            "wait_event_type = 'Lock'");
        return rows ? int(rows->toInt(0, 0)) : -1;
    }

    std::unique_ptr<vox::db::Connection> lockServices()
    {
        auto locker = m_db->connectAsAdmin();
        if (!locker->execScript("BEGIN; LOCK TABLE services IN ACCESS EXCLUSIVE MODE").ok())
            return nullptr;
        return locker;
    }

private slots:
    // Before the stream goes: the server still logs while it shuts down.
    void cleanupTestCase() { vox::log::removeStreamSink(m_log); }

    void initTestCase()
    {
        vox::log::addStreamSink(m_log);
        m_db = std::make_unique<vox::test::TestDatabase>(u"httpcore"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_server = std::make_unique<vox::test::TestServer>(
            *m_db, QHash<QString, QString>{{u"VOXANNE_MAX_HEADER_BYTES"_s, u"4096"_s},
                                           {u"VOXANNE_MAX_BODY_BYTES"_s, u"65536"_s},
                                           // Crowds of clients here all come from 127.0.0.1.
                                           {u"VOXANNE_MAX_CONNECTIONS_PER_ADDRESS"_s, u"512"_s}});
        QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
        m_observer = m_db->connectAsAdmin();
        m_clinic = vox::test::createClinic(m_server->url(), u"Glow Med Spa"_s);
        QVERIFY(!m_clinic.orgId.isEmpty());
    }

    void limitsAndProtocolErrorsAnswerWithTheirStatus_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("header"); // a header the answer must carry ("name: value")
        const QByteArray big(5000, 'x');
        QTest::newRow("headers over the limit: 431")
            << QByteArray("GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + big + "\r\n\r\n")
            << 431 << QByteArray();
        QTest::newRow("a body over the limit, refused from Content-Length alone: 413")
            << QByteArray("POST /api/contacts HTTP/1.1\r\nHost: x\r\nContent-Type: "
                          "application/json\r\nContent-Length: 104857600\r\n\r\n")
            << 413 << QByteArray();
        QTest::newRow("a chunked body: 411")
            << QByteArray("POST /api/contacts HTTP/1.1\r\nHost: x\r\nContent-Type: "
                          "application/json\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n"
                          "0\r\n\r\n")
            << 411 << QByteArray();
        // Two readings of one body's length let a body past the limit: each is refused.
        QTest::newRow("two different Content-Length headers: 400")
            << QByteArray("POST /api/contacts HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                          "Content-Length: 419430400\r\n\r\n{}")
            << 400 << QByteArray();
        QTest::newRow("the same Content-Length twice: 400")
            << QByteArray("POST /api/contacts HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                          "Content-Length: 2\r\n\r\n{}")
            << 400 << QByteArray();
        QTest::newRow("Content-Length with Transfer-Encoding: 400")
            << QByteArray("POST /api/contacts HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n{}")
            << 400 << QByteArray();
        QTest::newRow("a signed Content-Length: 400")
            << QByteArray("POST /api/contacts HTTP/1.1\r\nHost: x\r\nContent-Length: +2\r\n\r\n{}")
            << 400 << QByteArray();
        QTest::newRow("a space before the colon: 400")
            << QByteArray("POST /api/contacts HTTP/1.1\r\nHost: x\r\nContent-Length : "
                          "419430400\r\n\r\n")
            << 400 << QByteArray();
        QTest::newRow("a folded header line: 400")
            << QByteArray("GET /api/health HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n b\r\n\r\n") << 400
            << QByteArray();
        QTest::newRow("an encoding other than chunked: 411")
            << QByteArray("POST /api/contacts HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: "
                          "gzip\r\n\r\n")
            << 411 << QByteArray();
        QTest::newRow("a colon in the path is not a header")
            << QByteArray("GET /api/nothing:here HTTP/1.1\r\nHost: x\r\n\r\n") << 404
            << QByteArray();
        QTest::newRow("a Content-Length that is not a number: 400")
            << QByteArray("POST /api/contacts HTTP/1.1\r\nHost: x\r\nContent-Length: ten\r\n\r\n")
            << 400 << QByteArray();
        QTest::newRow("an unknown path: 404")
            << QByteArray("GET /api/nothing-here HTTP/1.1\r\nHost: x\r\n\r\n") << 404
            << QByteArray();
        QTest::newRow("a method the path does not have: 405 with Allow")
            << QByteArray("DELETE /api/contacts HTTP/1.1\r\nHost: x\r\n\r\n") << 405
            << QByteArray("allow: GET, POST");
        QTest::newRow("405 on a path with a parameter")
            << QByteArray("PUT /api/services/00000000-0000-4000-8000-000000000000 HTTP/1.1\r\n"
                          "Host: x\r\n\r\n")
            << 405 << QByteArray("allow: GET, PATCH, DELETE");
    }
    void limitsAndProtocolErrorsAnswerWithTheirStatus()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QByteArray, header);
        const RawReply reply = rawRequest(port(), request);
        QCOMPARE(reply.status, status);
        QVERIFY2(reply.headers.value("content-type").startsWith("application/json"),
                 reply.headers.value("content-type").constData());
        QVERIFY(
            !QJsonDocument::fromJson(reply.body).object().value(u"error"_s).toString().isEmpty());
        if (!header.isEmpty()) {
            const qsizetype colon = header.indexOf(':');
            QCOMPARE(reply.headers.value(header.left(colon)), header.mid(colon + 2));
        }
    }

    void aNulCharacterIsRefusedAtTheEdge_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("extraHeader");
        QTest::addColumn<int>("status");
        QTest::newRow("escaped in a JSON string")
            << QByteArray("/api/contacts")
            << QByteArray(R"({"name":"Ann\u0000B","phone":"+15550109001"})") << QByteArray() << 400;
        QTest::newRow("escaped in a JSON key")
            << QByteArray("/api/contacts")
            << QByteArray(R"({"name":"Ann","phone":"+15550109002","a\u0000":1})") << QByteArray()
            << 400;
        QTest::newRow("percent-encoded in the query")
            << QByteArray("/api/contacts?search=a%00b") << QByteArray() << QByteArray() << 400;
        QTest::newRow("percent-encoded in X-Filename")
            << QByteArray("/api/knowledge") << QByteArray("%PDF-1.4")
            << QByteArray("X-Filename: price%00list.pdf\r\n") << 400;
        // The text "\u0000" (its backslash escaped) is ordinary text.
        QTest::newRow("an escaped backslash before u0000 is text")
            << QByteArray("/api/contacts")
            << QByteArray(R"({"name":"Ann \\u0000","phone":"+15550109003"})") << QByteArray()
            << 201;
    }

    void aNulCharacterIsRefusedAtTheEdge()
    {
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, extraHeader);
        QFETCH(int, status);
        const QByteArray method = body.isEmpty() ? "GET" : "POST";
        const QByteArray type = path.contains("knowledge") ? "application/pdf" : "application/json";
        QByteArray headers = extraHeader;
        if (!body.isEmpty())
            headers += "Content-Type: " + type +
                       "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
        const RawReply reply =
            rawRequest(port(), authorized(method, path, headers + "Connection: close\r\n") + body);
        QCOMPARE(reply.status, status);
        if (status == 400)
            QVERIFY2(QJsonDocument::fromJson(reply.body)
                         .object()
                         .value(u"error"_s)
                         .toString()
                         .contains(u"NUL character"_s),
                     reply.body.constData());
    }

    void aBodyThatIsNotJsonIs415()
    {
        HttpClient client(m_server->url());
        client.setToken(m_clinic.staffToken);
        const HttpReply reply =
            client.send("POST", u"/api/contacts"_s, "phone=+15551234567", {}, "text/plain");
        QCOMPARE(reply.status, 415);
        QVERIFY(!reply.error().isEmpty());
    }

    void headAnswersHeadersOnly()
    {
        QTcpSocket socket;
        socket.connectToHost(u"127.0.0.1"_s, port());
        QVERIFY(socket.waitForConnected(5000));
        socket.write("HEAD /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_VERIFY(socket.bytesAvailable() > 0 &&
                    socket.peek(socket.bytesAvailable()).contains("\r\n\r\n"));
        QTest::qWait(100);
        const QByteArray all = socket.readAll();
        QVERIFY(all.startsWith("HTTP/1.1 200"));
        QVERIFY(all.endsWith("\r\n\r\n")); // no body, though Content-Length says how long
        QVERIFY(!all.contains("Content-Length: 0\r\n"));
    }

    void requestIdsAreEchoedOrMade_data()
    {
        QTest::addColumn<QByteArray>("given");
        QTest::addColumn<bool>("echoed");
        QTest::newRow("a sane id is echoed") << QByteArray("console-42.a:b_c") << true;
        QTest::newRow("none: one is made") << QByteArray() << false;
        QTest::newRow("spaces and quotes: replaced") << QByteArray("bad id\"") << false;
        QTest::newRow("too long: replaced") << QByteArray(65, 'a') << false;
    }
    void requestIdsAreEchoedOrMade()
    {
        QFETCH(QByteArray, given);
        QFETCH(bool, echoed);
        HttpClient client(m_server->url());
        QHash<QByteArray, QByteArray> headers;
        if (!given.isEmpty())
            headers.insert("X-Request-Id", given);
        const HttpReply reply = client.send("GET", u"/api/health"_s, {}, headers);
        QCOMPARE(reply.status, 200);
        const QByteArray id = reply.headers.value("x-request-id");
        if (echoed)
            QCOMPARE(id, given);
        else
            QVERIFY2(
                QRegularExpression(u"^[0-9a-f]{16}$"_s).match(QString::fromLatin1(id)).hasMatch(),
                id.constData());
        // Errors carry it too.
        QVERIFY(!client.get(u"/api/contacts"_s).headers.value("x-request-id").isEmpty());
    }

    void eachRequestWritesOneJsonAccessLogLine()
    {
        HttpClient client(m_server->url());
        client.setToken(m_clinic.staffToken);
        const HttpReply created =
            client.send("POST", u"/api/contacts"_s,
                        R"({"phone":"+15558675309","name":"Logan Private","notes":"secret note"})",
                        {{"X-Request-Id", "log-check-1"}});
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id"_s).toString();
        QCOMPARE(client.send("GET", u"/api/contacts/"_s + id, {}, {{"X-Request-Id", "log-check-2"}})
                     .status,
                 200);
        vox::log::flush();
        QJsonObject post;
        QJsonObject get;
        std::istringstream lines(m_log.str());
        for (std::string line; std::getline(lines, line);) {
            const QJsonObject json =
                QJsonDocument::fromJson(QByteArray::fromStdString(line)).object();
            if (json.value(u"logger"_s).toString() != u"http.access")
                continue;
            if (json.value(u"request_id"_s).toString() == u"log-check-1")
                post = json;
            if (json.value(u"request_id"_s).toString() == u"log-check-2")
                get = json;
            // No bodies and no patient data in any access line.
            QVERIFY(!QString::fromStdString(line).contains(u"Logan"_s));
            QVERIFY(!QString::fromStdString(line).contains(u"secret note"_s));
            QVERIFY(!QString::fromStdString(line).contains(u"8675309"_s));
        }
        QCOMPARE(post.value(u"method"_s).toString(), u"POST"_s);
        QCOMPARE(post.value(u"route"_s).toString(), u"/api/contacts"_s);
        QCOMPARE(post.value(u"status"_s).toInt(), 201);
        QCOMPARE(post.value(u"org_id"_s).toString(), m_clinic.orgId);
        QVERIFY(post.value(u"latency_ms"_s).isDouble());
        QVERIFY(!post.value(u"ts"_s).toString().isEmpty());
        // The route pattern, not the path: ids do not end up in the log.
        QCOMPARE(get.value(u"route"_s).toString(), u"/api/contacts/:id"_s);
        QVERIFY(!QJsonDocument(get).toJson().contains(id.toLatin1()));
    }

    void aRequestStuckOnTheDatabaseDelaysNothingElse()
    {
        auto locker = lockServices();
        QVERIFY(locker);
        QNetworkAccessManager network;
        QNetworkReply *stuck =
            network.get(apiRequest(m_server->url() + u"/api/services"_s, m_clinic.staffToken));
        QTRY_COMPARE_WITH_TIMEOUT(waitingOnLocks(), 1, 10000);

        // While it waits: liveness, another database request, and more of the same kind in
        // parallel (each on its own worker and connection).
        HttpClient client(m_server->url());
        client.setToken(m_clinic.staffToken);
        QCOMPARE(client.get(u"/api/health"_s).status, 200);
        QCOMPARE(client.get(u"/api/me"_s).status, 200);
        QCOMPARE(client.get(u"/api/contacts/stats"_s).status, 200);
        QVERIFY(!stuck->isFinished());
        QList<QNetworkReply *> more;
        for (int i = 0; i < 2; ++i)
            more.append(
                network.get(apiRequest(m_server->url() + u"/api/services"_s, m_clinic.staffToken)));
        QTRY_COMPARE_WITH_TIMEOUT(waitingOnLocks(), 3, 10000);
        QVERIFY(!stuck->isFinished());

        QVERIFY(locker->execScript("COMMIT").ok());
        QTRY_VERIFY_WITH_TIMEOUT(stuck->isFinished(), 10000);
        QCOMPARE(stuck->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        for (QNetworkReply *reply : more) {
            QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        }
    }

    void pipelinedAnswersKeepRequestOrder()
    {
        auto locker = lockServices();
        QVERIFY(locker);
        QTcpSocket socket;
        socket.connectToHost(u"127.0.0.1"_s, port());
        QVERIFY(socket.waitForConnected(5000));
        // Two requests in one write: a slow one, then one answered at once on the I/O thread.
        socket.write(authorized("GET", "/api/services") +
                     "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(waitingOnLocks(), 1, 10000);
        QTest::qWait(200);
        QCOMPARE(socket.bytesAvailable(), 0); // health's answer waits for the first one
        QVERIFY(locker->execScript("COMMIT").ok());
        QTRY_VERIFY_WITH_TIMEOUT(socket.bytesAvailable() > 0, 10000);
        QTest::qWait(200);
        const QByteArray both = socket.readAll();
        const qsizetype services = both.indexOf("\"items\"");
        const qsizetype health = both.indexOf("\"status\":\"ok\"");
        QVERIFY2(services > 0 && health > services, both.left(200).constData());
    }

    void survivesClientsThatLeaveMidRequestUnderLoad()
    {
        // Round 1: a hundred requests stuck on the database; every client leaves before its
        // answer exists, some in the middle of sending a body. The answers come later, for
        // sockets that are gone (QtHttpServer 6.4 would write to deleted sockets here).
        auto locker = lockServices();
        QVERIFY(locker);
        QList<QTcpSocket *> sockets;
        for (int i = 0; i < 100; ++i) {
            auto *socket = new QTcpSocket;
            socket->connectToHost(u"127.0.0.1"_s, port());
            sockets.append(socket);
        }
        // The server accepts on this thread: wait with its event loop turning, not blocked.
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(sockets.cbegin(), sockets.cend(),
                                             [](QTcpSocket *s) {
                                                 return s->state() ==
                                                        QAbstractSocket::ConnectedState;
                                             }),
                                 20000);
        for (int i = 0; i < sockets.size(); ++i) {
            QTcpSocket *socket = sockets.at(i);
            if (i % 4 == 3)
                socket->write(
                    authorized("POST", "/api/services",
                               "Content-Type: application/json\r\nContent-Length: 200\r\n") +
                    "{\"name\":\"half");
            else
                socket->write(authorized("GET", "/api/services"));
            socket->flush();
        }
        QTRY_VERIFY_WITH_TIMEOUT(waitingOnLocks() >= 3, 10000);
        for (QTcpSocket *socket : sockets) {
            socket->abort();
            delete socket;
        }
        QTest::qWait(100);
        QVERIFY(locker->execScript("COMMIT").ok());

        // Round 2: three hundred clients that connect, ask and vanish at random moments.
        auto *random = QRandomGenerator::global();
        for (int i = 0; i < 300; ++i) {
            auto *socket = new QTcpSocket;
            socket->connectToHost(u"127.0.0.1"_s, port());
            socket->write(i % 2 ? authorized("GET", "/api/calls-dashboard?limit=5")
                                : authorized("GET", "/api/contacts/stats"));
            QTimer::singleShot(int(random->bounded(8)), socket, [socket] {
                socket->abort();
                socket->deleteLater();
            });
            if (i % 20 == 0)
                QTest::qWait(5);
        }
        QTest::qWait(200);

        // The server is still whole and serves everyone.
        HttpClient client(m_server->url());
        client.setToken(m_clinic.staffToken);
        QCOMPARE(client.get(u"/api/health"_s).status, 200);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(client.get(u"/api/services"_s).status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(waitingOnLocks(), 0, 10000);
    }

    void atTheConnectionLimitNewClientsGet503()
    {
        vox::test::TestServer limited(*m_db, {{u"VOXANNE_MAX_CONNECTIONS"_s, u"3"_s}});
        QVERIFY2(limited.ok(), qPrintable(limited.error()));
        QList<QTcpSocket *> held;
        for (int i = 0; i < 3; ++i) {
            auto *socket = new QTcpSocket(this);
            socket->connectToHost(u"127.0.0.1"_s, limited.server().port());
            QVERIFY(socket->waitForConnected(5000));
            held.append(socket);
        }
        QTest::qWait(100); // let the server accept them
        const RawReply refused =
            rawRequest(limited.server().port(), "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(refused.status, 503);
        QCOMPARE(refused.headers.value("retry-after"), QByteArray("5"));
        qDeleteAll(held);
        QTest::qWait(200);
        QCOMPARE(rawRequest(limited.server().port(), "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
                     .status,
                 200);
    }

    // The whole head has a deadline from the connection's start (or the next request's first
    // byte): a silent or trickling client is answered 408 and let go.
    void aHeadNotWholeInTimeIs408_data()
    {
        QTest::addColumn<QList<QByteArray>>("pieces"); // written 300 ms apart
        QTest::newRow("nothing sent") << QList<QByteArray>{};
        QTest::newRow("half a head") << QList<QByteArray>{"GET /api/health HTTP/1.1\r\nHo"};
        QList<QByteArray> trickle;
        for (const char c : QByteArray("GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: yes"))
            trickle.append(QByteArray(1, c));
        QTest::newRow("a byte at a time (slowloris)") << trickle;
    }
    void aHeadNotWholeInTimeIs408()
    {
        QFETCH(QList<QByteArray>, pieces);
        vox::test::TestServer strict(*m_db, {{u"VOXANNE_HEAD_TIMEOUT"_s, u"1"_s}});
        QVERIFY2(strict.ok(), qPrintable(strict.error()));
        auto socket = openConnection(strict.server().port());
        QVERIFY(socket);
        // Keep writing after the deadline: the answer comes all the same.
        QTimer feeder;
        qsizetype next = 0;
        connect(&feeder, &QTimer::timeout, this, [&] {
            if (next < pieces.size() && socket->state() == QAbstractSocket::ConnectedState)
                socket->write(pieces.at(next++));
        });
        feeder.start(300);
        const RawReply reply = readResponse(*socket, 15000);
        QCOMPARE(reply.status, 408);
        QCOMPARE(reply.headers.value("connection"), QByteArray("close"));
        QVERIFY2(QJsonDocument::fromJson(reply.body)
                     .object()
                     .value(u"error"_s)
                     .toString()
                     .contains(u"request head"_s),
                 reply.body.constData());
        QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::UnconnectedState, 5000);
    }

    void anIdleKeepAliveConnectionIsClosedBetweenRequests()
    {
        vox::test::TestServer strict(
            *m_db, {{u"VOXANNE_IDLE_TIMEOUT"_s, u"1"_s}, {u"VOXANNE_HEAD_TIMEOUT"_s, u"30"_s}});
        QVERIFY2(strict.ok(), qPrintable(strict.error()));
        auto socket = openConnection(strict.server().port());
        QVERIFY(socket);
        socket->write("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(readResponse(*socket).status, 200);
        // Closed quietly (no 408: the client may be about to reuse the connection).
        QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::UnconnectedState, 10000);
        QCOMPARE(socket->bytesAvailable(), 0);
    }

    void aBodyBelowTheMinimumRateIs408()
    {
        vox::test::TestServer strict(
            *m_db, {{u"VOXANNE_BODY_TIMEOUT"_s, u"1"_s}, {u"VOXANNE_MIN_BODY_RATE"_s, u"1000"_s}});
        QVERIFY2(strict.ok(), qPrintable(strict.error()));
        auto socket = openConnection(strict.server().port());
        QVERIFY(socket);
        // 100 of 5000 declared bytes, then nothing: under 1000 bytes in the first second.
        socket->write("POST /api/contacts HTTP/1.1\r\nHost: x\r\nContent-Type: "
                      "application/json\r\nContent-Length: 5000\r\n\r\n" +
                      QByteArray(100, ' '));
        const RawReply reply = readResponse(*socket, 15000);
        QCOMPARE(reply.status, 408);
        QVERIFY2(QJsonDocument::fromJson(reply.body)
                     .object()
                     .value(u"error"_s)
                     .toString()
                     .contains(u"too slowly"_s),
                 reply.body.constData());
    }

    // 413 is decided from Content-Length before the body is read, with each route's own limit.
    void bodyLimitsArePerRoute_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<int>("length");
        QTest::addColumn<int>("status");
        QTest::newRow("a JSON route within its limit reaches the route (401 unsigned)")
            << QByteArray("/api/contacts") << 1024 << 401;
        QTest::newRow("a JSON route over its limit") << QByteArray("/api/contacts") << 1025 << 413;
        QTest::newRow("a public route over the JSON limit")
            << QByteArray("/api/auth/login") << 2048 << 413;
        QTest::newRow("an unknown path gets the JSON limit")
            << QByteArray("/api/nothing-here") << 2048 << 413;
        QTest::newRow("Vapi's webhook takes a report over the JSON limit (401 unsigned)")
            << QByteArray("/api/webhooks/vapi") << 2048 << 401;
        QTest::newRow("the upload route over the JSON limit, within its own")
            << QByteArray("/api/knowledge") << 60000 << 401;
        QTest::newRow("the upload route over its own limit")
            << QByteArray("/api/knowledge") << 65537 << 413;
    }
    void bodyLimitsArePerRoute()
    {
        QFETCH(QByteArray, path);
        QFETCH(int, length);
        QFETCH(int, status);
        vox::test::TestServer limited(*m_db, {{u"VOXANNE_MAX_BODY_BYTES"_s, u"1024"_s},
                                              {u"VOXANNE_MAX_UPLOAD_BYTES"_s, u"65536"_s}});
        QVERIFY2(limited.ok(), qPrintable(limited.error()));
        // Only the head: a 413 must not wait for the body.
        QByteArray head = "POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: " +
                          (path.contains("knowledge") ? "text/plain" : "application/json") +
                          "\r\nContent-Length: " + QByteArray::number(length) + "\r\n\r\n";
        if (status != 413)
            head += QByteArray(length, 'a');
        const RawReply reply = rawRequest(limited.server().port(), head);
        QCOMPARE(reply.status, status);
        if (status == 413)
            QVERIFY2(reply.body.contains("limit"), reply.body.constData());
    }

    void bodiesBeyondTheInFlightBudgetAre503()
    {
        vox::test::TestServer limited(*m_db,
                                      {{u"VOXANNE_MAX_UPLOAD_BYTES"_s, u"65536"_s},
                                       {u"VOXANNE_MAX_BODY_BYTES_IN_FLIGHT"_s, u"100000"_s}});
        QVERIFY2(limited.ok(), qPrintable(limited.error()));
        const quint16 serverPort = limited.server().port();
        const QByteArray upload = "POST /api/knowledge HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                  "text/plain\r\nContent-Length: 60000\r\n\r\n";
        auto first = openConnection(serverPort);
        QVERIFY(first);
        first->write(upload + QByteArray(1000, 'a')); // 60000 of 100000 held, being received
        QTest::qWait(200);
        const RawReply refused = rawRequest(serverPort, upload);
        QCOMPARE(refused.status, 503);
        QCOMPARE(refused.headers.value("retry-after"), QByteArray("5"));
        QVERIFY(!QJsonDocument::fromJson(refused.body).object().value(u"error"_s).isUndefined());
        // A body that fits beside it is received.
        QCOMPARE(rawRequest(serverPort, "POST /api/contacts HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                        "application/json\r\nContent-Length: 2\r\n\r\n{}")
                     .status,
                 401);
        // The first body's share comes back when its connection goes.
        first.reset();
        QTRY_COMPARE_WITH_TIMEOUT(rawRequest(serverPort, upload + QByteArray(60000, 'a')).status,
                                  401, 5000);
    }

    // A client that is refused while it is still sending its body (it does not read until it
    // has sent what it meant to) must still get the answer. Closing while its bytes arrive makes
    // our kernel answer them with a reset: the client's next write fails, and most clients (Qt's
    // sockets among them) then drop the connection, answer unread, and report "connection reset".
    void aRefusedClientStillSendingItsBodyReadsTheAnswer()
    {
        vox::test::TestServer limited(*m_db, {{u"VOXANNE_MAX_UPLOAD_BYTES"_s, u"65536"_s}});
        QVERIFY2(limited.ok(), qPrintable(limited.error()));
        const quint16 serverPort = limited.server().port();
        std::atomic<bool> done = false;
        QByteArray received;
        qint64 sentAfterHead = 0;
        int sendError = 0;
        // Blocking writes need their own thread: the server answers on this one.
        std::thread client([&] {
            const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in address{};
            address.sin_family = AF_INET;
            address.sin_port = htons(serverPort);
            address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0) {
                const QByteArray head = "POST /api/knowledge HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                        "text/plain\r\nContent-Length: 50000000\r\n\r\n";
                (void)::send(fd, head.constData(), size_t(head.size()), MSG_NOSIGNAL);
                // Longer than any fixed grace a server might give before closing.
                const QByteArray chunk(64 * 1024, 'x');
                QElapsedTimer sending;
                sending.start();
                while (sending.elapsed() < 3000) {
                    const ssize_t n =
                        ::send(fd, chunk.constData(), size_t(chunk.size()), MSG_NOSIGNAL);
                    if (n <= 0) {
                        sendError = errno;
                        break;
                    }
                    sentAfterHead += n;
                    std::this_thread::sleep_for(std::chrono::milliseconds(20));
                }
                char buffer[4096];
                for (ssize_t n; (n = ::recv(fd, buffer, sizeof buffer, 0)) > 0;)
                    received.append(buffer, n);
            }
            ::close(fd);
            done = true;
        });
        const bool finished = QTest::qWaitFor([&] { return done.load(); }, 20000);
        client.join();
        QVERIFY(finished);
        QVERIFY2(sendError == 0,
                 qPrintable(u"sending failed after %1 bytes: %2"_s.arg(sentAfterHead)
                                .arg(QString::fromLocal8Bit(strerror(sendError)))));
        QVERIFY2(sentAfterHead > 1024 * 1024, "the client kept sending after the refusal");
        QVERIFY2(received.startsWith("HTTP/1.1 413"), received.left(200).constData());
        QVERIFY2(received.contains("too large"), received.constData());
    }

    void aClientAddressOverItsConnectionCapGetsA503Written()
    {
        vox::test::TestServer limited(*m_db, {{u"VOXANNE_MAX_CONNECTIONS_PER_ADDRESS"_s, u"3"_s}});
        QVERIFY2(limited.ok(), qPrintable(limited.error()));
        const quint16 serverPort = limited.server().port();
        std::vector<std::unique_ptr<QTcpSocket>> held;
        for (int i = 0; i < 3; ++i) {
            held.push_back(openConnection(serverPort));
            QVERIFY(held.back());
        }
        QTest::qWait(100); // let the server accept them
        const QByteArray health = "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n";
        // Each refused client reads the answer, not a reset.
        for (int i = 0; i < 5; ++i) {
            const RawReply refused = rawRequest(serverPort, health);
            QCOMPARE(refused.status, 503);
            QCOMPARE(refused.headers.value("retry-after"), QByteArray("5"));
            QVERIFY2(refused.body.contains("from this address"), refused.body.constData());
        }
        // Another address is not affected.
        QCOMPARE(rawRequest(serverPort, health, u"127.0.0.2"_s).status, 200);
        held.clear();
        QTRY_COMPARE_WITH_TIMEOUT(rawRequest(serverPort, health).status, 200, 5000);
    }

    void http10ClosesAfterTheAnswerUnlessKeepAliveWasAsked_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<bool>("staysOpen");
        QTest::newRow("HTTP/1.0") << QByteArray("GET /api/health HTTP/1.0\r\n\r\n") << false;
        QTest::newRow("HTTP/1.0 with keep-alive")
            << QByteArray("GET /api/health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << true;
        QTest::newRow("HTTP/1.1") << QByteArray("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n")
                                  << true;
        QTest::newRow("HTTP/1.1 with close")
            << QByteArray("GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            << false;
    }
    void http10ClosesAfterTheAnswerUnlessKeepAliveWasAsked()
    {
        QFETCH(QByteArray, request);
        QFETCH(bool, staysOpen);
        auto socket = openConnection(port());
        QVERIFY(socket);
        socket->write(request);
        const RawReply first = readResponse(*socket);
        QCOMPARE(first.status, 200);
        QCOMPARE(first.headers.value("connection") == "close", !staysOpen);
        if (staysOpen) {
            socket->write(request);
            QCOMPARE(readResponse(*socket).status, 200);
        } else {
            QTRY_COMPARE_WITH_TIMEOUT(socket->state(), QAbstractSocket::UnconnectedState, 5000);
        }
    }

    void servesHttpsWithTheGivenCertificate()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString cert = dir.filePath(u"cert.pem"_s);
        const QString key = dir.filePath(u"key.pem"_s);
        QProcess openssl;
        openssl.start(u"openssl"_s,
                      {u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s,
                       key, u"-out"_s, cert, u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s,
                       u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s});
        QVERIFY2(openssl.waitForFinished(60000) && openssl.exitCode() == 0,
                 openssl.readAllStandardError().constData());

        vox::test::TestServer tls(*m_db,
                                  {{u"VOXANNE_TLS_CERT"_s, cert}, {u"VOXANNE_TLS_KEY"_s, key}});
        QVERIFY2(tls.ok(), qPrintable(tls.error()));
        QVERIFY(tls.url().startsWith(u"https://"_s));

        QFile pem(cert);
        QVERIFY(pem.open(QIODevice::ReadOnly));
        QSslConfiguration trust = QSslConfiguration::defaultConfiguration();
        trust.setCaCertificates({QSslCertificate(&pem, QSsl::Pem)});

        QNetworkAccessManager network;
        QNetworkRequest request = apiRequest(tls.url() + u"/api/me"_s, m_clinic.staffToken);
        request.setSslConfiguration(trust);
        QNetworkReply *reply = network.get(request);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(reply->rawHeader("X-Request-Id").size() > 0);

        // The event stream over wss://.
        QWebSocket ws;
        ws.setSslConfiguration(trust);
        QList<QByteArray> messages;
        connect(&ws, &QWebSocket::textMessageReceived, this,
                [&messages](const QString &text) { messages.append(text.toUtf8()); });
        QNetworkRequest upgrade{QUrl(u"wss://127.0.0.1:%1/api/events"_s.arg(tls.server().port()))};
        upgrade.setRawHeader("Authorization", "Bearer " + m_clinic.staffToken.toLatin1());
        ws.open(upgrade);
        QTRY_VERIFY_WITH_TIMEOUT(!messages.isEmpty(), 10000);
        QVERIFY(messages.first().contains("\"ready\""));
        ws.close();

        // Plain HTTP on the TLS port gets no answer.
        const RawReply plain =
            rawRequest(tls.server().port(), "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(plain.status, 0);
    }

    // On stop, the answer in flight is written with Connection: close, an idle keep-alive
    // connection is closed, and a request that arrives after the stop began is not started.
    void stopStartsNoNewRequestAndClosesWithTheLastAnswer()
    {
        vox::test::TestServer server(*m_db);
        QVERIFY2(server.ok(), qPrintable(server.error()));
        const quint16 serverPort = server.server().port();

        auto idle = openConnection(serverPort);
        QVERIFY(idle);
        idle->write("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(readResponse(*idle).status, 200);

        auto locker = lockServices();
        QVERIFY(locker);
        auto busy = openConnection(serverPort);
        QVERIFY(busy);
        busy->write(authorized("GET", "/api/services"));
        QTRY_COMPARE_WITH_TIMEOUT(waitingOnLocks(), 1, 10000);

        // While stop() waits, both clients send one more request (each would create a contact);
        // then the lock goes.
        const auto lateRequest = [this](const QByteArray &phone) -> QByteArray {
            const QByteArray body = "{\"name\":\"Too Late\",\"phone\":\"" + phone + "\"}";
            return authorized("POST", "/api/contacts",
                              "Content-Type: application/json\r\nContent-Length: " +
                                  QByteArray::number(body.size()) + "\r\n") +
                   body;
        };
        QTimer::singleShot(100, this, [&] {
            idle->write(lateRequest("+15550107001"));
            busy->write(lateRequest("+15550107002"));
        });
        QTimer::singleShot(400, this, [&locker] { (void)locker->execScript("COMMIT"); });
        server.server().stop(10000);

        // The busy connection got exactly its one answer, which ended the connection.
        QTRY_COMPARE_WITH_TIMEOUT(busy->state(), QAbstractSocket::UnconnectedState, 5000);
        const QByteArray written = busy->readAll();
        QCOMPARE(written.count("HTTP/1.1 "), 1);
        QVERIFY2(written.startsWith("HTTP/1.1 200"), written.left(100).constData());
        QVERIFY2(written.contains("\r\nConnection: close\r\n"), written.left(400).constData());
        // The idle connection was closed at the stop, without an answer.
        QTRY_COMPARE_WITH_TIMEOUT(idle->state(), QAbstractSocket::UnconnectedState, 5000);
        QVERIFY(!idle->readAll().contains("HTTP/1.1"));
        // Neither late request ran.
        auto late = m_observer->exec(
            "SELECT count(*) FROM contacts WHERE phone IN ('+15550107001', '+15550107002')");
        QVERIFY(late);
        QCOMPARE(late->toInt(0, 0), 0);
    }

    void stopFinishesWhatIsInFlightAndClosesStreamsWith1001()
    {
        vox::test::TestServer server(*m_db);
        QVERIFY2(server.ok(), qPrintable(server.error()));
        const quint16 serverPort = server.server().port();

        QWebSocket ws;
        int closeCode = -1;
        bool ready = false;
        connect(&ws, &QWebSocket::textMessageReceived, this,
                [&ready](const QString &text) { ready = ready || text.contains(u"ready"_s); });
        connect(&ws, &QWebSocket::disconnected, this, [&] { closeCode = ws.closeCode(); });
        QNetworkRequest upgrade{QUrl(u"ws://127.0.0.1:%1/api/events"_s.arg(serverPort))};
        upgrade.setRawHeader("Authorization", "Bearer " + m_clinic.staffToken.toLatin1());
        ws.open(upgrade);
        QTRY_VERIFY_WITH_TIMEOUT(ready, 10000);

        auto locker = lockServices();
        QVERIFY(locker);
        QNetworkAccessManager network;
        QNetworkReply *inFlight =
            network.get(apiRequest(server.url() + u"/api/services"_s, m_clinic.staffToken));
        QTRY_COMPARE_WITH_TIMEOUT(waitingOnLocks(), 1, 10000);

        // The lock goes while stop() waits for the answer in flight.
        QTimer::singleShot(300, this, [&locker] { (void)locker->execScript("COMMIT"); });
        server.server().stop(10000);

        QTRY_VERIFY_WITH_TIMEOUT(inFlight->isFinished(), 5000);
        QCOMPARE(inFlight->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(QJsonDocument::fromJson(inFlight->readAll()).object().contains(u"items"_s));
        QTRY_COMPARE_WITH_TIMEOUT(closeCode, int(QWebSocketProtocol::CloseCodeGoingAway), 5000);
        // No longer accepting.
        QTcpSocket late;
        late.connectToHost(u"127.0.0.1"_s, serverPort);
        QVERIFY(!late.waitForConnected(1000) || readResponse(late, 1000).status == 0);
    }
};

QTEST_GUILESS_MAIN(TestHttpCore)
#include "tst_httpcore.moc"
