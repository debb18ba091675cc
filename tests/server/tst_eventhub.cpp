// The live event stream (S-events): authentication by header or first message, close codes,
// org-scoped fan-out, replay with ?since, heartbeats and dead clients, shutdown with 1001, and a
// LISTEN connection that comes back (with what it missed) after the database drops it.
//
// Most cases run against a hub composed here with short timings (auth 300 ms, pings every
// 200 ms, silence 800 ms); events are caused through a real server's REST API on the same
// database, so they travel NOTIFY -> LISTEN like in production.
#include "clinicfixture.h"

#include "core/crypto/jwt.h"
#include "server/db/listener.h"
#include "server/events/eventhub.h"
#include "server/events/eventpublisher.h"
#include "server/http/httpserver.h"

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QWebSocket>

using namespace Qt::Literals::StringLiterals;
using vox::server::events::EventHub;
using vox::test::HttpClient;
using vox::test::HttpReply;

namespace {

// A console-like client: every text message parsed and kept.
class WsClient
{
public:
    WsClient()
    {
        QObject::connect(&socket, &QWebSocket::textMessageReceived, [this](const QString &text) {
            messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
        QObject::connect(&socket, &QWebSocket::disconnected, [this] {
            closed = true;
            closeCode = socket.closeCode();
        });
    }

    void open(const QString &url, const QString &bearer = {})
    {
        QNetworkRequest request{QUrl(url)};
        if (!bearer.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + bearer.toLatin1());
        socket.open(request);
    }
    void sendJson(const QJsonObject &object)
    {
        socket.sendTextMessage(QString::fromUtf8(QJsonDocument(object).toJson()));
    }
    QList<QJsonObject> ofType(const QString &type) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &m : messages) {
            if (m.value(u"type"_s).toString() == type)
                out.append(m);
        }
        return out;
    }
    QList<qint64> eventIds() const
    {
        QList<qint64> ids;
        for (const QJsonObject &m : ofType(u"event"_s))
            ids.append(m.value(u"event"_s).toObject().value(u"id"_s).toInteger());
        return ids;
    }
    bool ready() const { return !ofType(u"ready"_s).isEmpty(); }

    QWebSocket socket;
    QList<QJsonObject> messages;
    bool closed = false;
    int closeCode = -1;
};

} // namespace

class TestEventHub : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::TestDatabase> m_db;
    std::unique_ptr<vox::test::TestServer> m_server;
    std::unique_ptr<vox::db::Database> m_database;
    vox::http::Router m_router;
    std::unique_ptr<vox::http::HttpServer> m_http;
    std::unique_ptr<EventHub> m_hub;
    vox::test::Clinic m_a;
    vox::test::Clinic m_b;
    int m_phone = 0;

    QString hubUrl(const QString &query = {}) const
    {
        return u"ws://127.0.0.1:%1/api/events%2"_s.arg(m_http->port()).arg(query);
    }

    // Creates a contact through the REST API: one contact.created event for that clinic.
    QString causeEvent(const vox::test::Clinic &clinic)
    {
        HttpClient client(m_server->url());
        client.setToken(clinic.staffToken);
        const HttpReply reply = client.post(
            u"/api/contacts"_s, {{u"phone"_s, u"+1555300%1"_s.arg(++m_phone, 4, 10, QChar(u'0'))}});
        return reply.status == 201 ? reply.json().value(u"id"_s).toString() : QString();
    }

    QString token(const vox::test::Clinic &clinic, qint64 expiresInSeconds)
    {
        const QJsonObject claims = vox::crypto::jwt::verifyHs256(
                                       clinic.staffToken, vox::test::TestServer::jwtSecret.toUtf8(),
                                       QDateTime::currentDateTimeUtc())
                                       .value();
        QJsonObject changed = claims;
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        changed[u"iat"_s] = qMin(now, now + expiresInSeconds) - 60;
        changed[u"exp"_s] = now + expiresInSeconds;
        return vox::crypto::jwt::signHs256(changed, vox::test::TestServer::jwtSecret.toUtf8());
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<vox::test::TestDatabase>(u"eventhub"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_server = std::make_unique<vox::test::TestServer>(*m_db);
        QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
        m_a = vox::test::createClinic(m_server->url(), u"Clinic A"_s);
        m_b = vox::test::createClinic(m_server->url(), u"Clinic B"_s);
        QVERIFY(!m_a.orgId.isEmpty() && !m_b.orgId.isEmpty());

        m_database = std::make_unique<vox::db::Database>(m_db->settings());
        m_http = std::make_unique<vox::http::HttpServer>(
            m_router,
            [](const vox::http::Request &) -> vox::Result<vox::http::Principal> {
                return vox::http::status::unauthorized(u"no"_s);
            },
            vox::http::HttpServer::Options{});
        const QByteArray secret = vox::test::TestServer::jwtSecret.toUtf8();
        m_hub = std::make_unique<EventHub>(
            *m_database,
            [secret](const QString &t) {
                return vox::server::verifyAccessToken(t, secret, QDateTime::currentDateTimeUtc());
            },
            // Replays here are exact (no look-back), so they can be compared event for event;
            // the look-back is tested against the real server's hub.
            EventHub::Options{u"/api/events"_s, 300, 200, 800, 5, 0});
        m_http->setWebSocketHandler(u"/api/events"_s, [this](std::unique_ptr<QWebSocket> socket) {
            m_hub->accept(std::move(socket));
        });
        QSignalSpy listening(m_hub.get(), &EventHub::listening);
        m_hub->start();
        QVERIFY(m_http->listen(u"127.0.0.1"_s, 0).ok());
        QVERIFY(listening.wait(10000));
    }

    void cleanupTestCase()
    {
        m_hub.reset();
        m_http.reset();
    }

    void authenticatesWithTheUpgradeHeader()
    {
        // Qt 6.4's QWebSocket::request() carries the upgrade request's headers.
        WsClient client;
        client.open(hubUrl(), m_a.staffToken);
        QTRY_VERIFY_WITH_TIMEOUT(client.ready() || client.closed, 5000);
        QVERIFY(client.ready());
        QVERIFY(client.ofType(u"ready"_s).first().contains(u"last_event_id"_s));
    }

    void authenticatesWithAFirstMessage()
    {
        WsClient client;
        client.open(hubUrl());
        QTRY_VERIFY(client.socket.state() == QAbstractSocket::ConnectedState);
        client.sendJson({{u"type"_s, u"auth"_s}, {u"token"_s, m_a.staffToken}});
        QTRY_VERIFY_WITH_TIMEOUT(client.ready() || client.closed, 5000);
        QVERIFY(client.ready());
    }

    void refusesWhoDoesNotAuthenticate_data()
    {
        QTest::addColumn<QString>("how");
        QTest::addColumn<int>("code");
        QTest::newRow("silence past the deadline") << u"silence"_s << 4001;
        QTest::newRow("another message first") << u"message"_s << 4001;
        QTest::newRow("a forged token") << u"forged"_s << 4001;
        QTest::newRow("a forged header") << u"forged header"_s << 4001;
        QTest::newRow("an expired token") << u"expired"_s << 4003;
        QTest::newRow("an expired header") << u"expired header"_s << 4003;
    }
    void refusesWhoDoesNotAuthenticate()
    {
        QFETCH(QString, how);
        QFETCH(int, code);
        QString forged = m_a.staffToken;
        forged[forged.size() - 3] = forged.at(forged.size() - 3) == u'A' ? u'B' : u'A';
        const QString expired = token(m_a, -3600);
        WsClient client;
        client.open(hubUrl(), how == u"forged header"    ? forged
                              : how == u"expired header" ? expired
                                                         : QString());
        QTRY_VERIFY(client.socket.state() == QAbstractSocket::ConnectedState || client.closed);
        if (how == u"message")
            client.sendJson({{u"type"_s, u"subscribe"_s}});
        else if (how == u"forged")
            client.sendJson({{u"type"_s, u"auth"_s}, {u"token"_s, forged}});
        else if (how == u"expired")
            client.sendJson({{u"type"_s, u"auth"_s}, {u"token"_s, expired}});
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, 5000);
        QCOMPARE(client.closeCode, code);
        QVERIFY(!client.ready());
    }

    void liveEventsReachOnlyTheirClinic()
    {
        WsClient a;
        WsClient b;
        a.open(hubUrl(), m_a.staffToken);
        b.open(hubUrl(), m_b.ownerToken);
        QTRY_VERIFY(a.ready() && b.ready());

        const QString contactA = causeEvent(m_a);
        const QString contactB = causeEvent(m_b);
        QVERIFY(!contactA.isEmpty() && !contactB.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(
            a.ofType(u"event"_s).size() == 1 && b.ofType(u"event"_s).size() == 1, 5000);
        const QJsonObject eventA = a.ofType(u"event"_s).first().value(u"event"_s).toObject();
        QCOMPARE(eventA.value(u"type"_s).toString(), u"contact.created"_s);
        QCOMPARE(eventA.value(u"entity_type"_s).toString(), u"contact"_s);
        QCOMPARE(eventA.value(u"entity_id"_s).toString(), contactA);
        QVERIFY(!eventA.contains(u"org_id"_s));
        QVERIFY(!eventA.value(u"created_at"_s).toString().isEmpty());
        QCOMPARE(b.ofType(u"event"_s)
                     .first()
                     .value(u"event"_s)
                     .toObject()
                     .value(u"entity_id"_s)
                     .toString(),
                 contactB);
        // Nothing else trickles in later.
        QTest::qWait(300);
        QCOMPARE(a.ofType(u"event"_s).size(), 1);
        QCOMPARE(b.ofType(u"event"_s).size(), 1);
    }

    void aLargeEventIsReadFromTheTableInOrder()
    {
        WsClient client;
        client.open(hubUrl(), m_a.staffToken);
        QTRY_VERIFY(client.ready());
        // Too large for NOTIFY's 8000 bytes: the hub reads the row, and keeps commit order.
        auto conn = m_db->connect();
        QVERIFY(conn->execScript("BEGIN; SELECT set_config('role', 'service_role', true)").ok());
        vox::db::Transaction tx(*conn);
        const auto big =
            vox::server::events::publish(tx, m_a.orgId, u"knowledge.updated"_s, u"knowledge"_s, {},
                                         {{u"note"_s, QString(9000, u'x')}});
        const auto small =
            vox::server::events::publish(tx, m_a.orgId, u"agent.updated"_s, u"agent"_s, {});
        QVERIFY(big.ok() && small.ok());
        QVERIFY(conn->execScript("COMMIT").ok());
        QTRY_COMPARE_WITH_TIMEOUT(client.eventIds(), (QList<qint64>{*big, *small}), 5000);
        const QJsonObject first = client.ofType(u"event"_s).first().value(u"event"_s).toObject();
        QCOMPARE(first.value(u"payload"_s).toObject().value(u"note"_s).toString().size(), 9000);
    }

    void theNotificationIsTheEventAsJson_data()
    {
        QTest::addColumn<QString>("entityId");
        QTest::addColumn<QJsonObject>("payload");
        QTest::addColumn<bool>("truncated");
        QTest::newRow("no entity, no payload") << QString() << QJsonObject() << false;
        QTest::newRow("an entity and a payload with its own ids and non-ASCII text")
            << u"6f1c2a52-6d0a-4d0e-9a51-2b1a0c9e4f11"_s
            << QJsonObject{{u"id"_s, 7},
                           {u"name"_s, u"Zoë \"quoted\", id:0"_s},
                           {u"nested"_s, QJsonObject{{u"id"_s, 0}}}}
            << false;
        QTest::newRow("a payload just under the NOTIFY limit")
            << QString() << QJsonObject{{u"note"_s, QString(6750, u'x')}} << false;
        QTest::newRow("a payload over the NOTIFY limit goes without it")
            << QString() << QJsonObject{{u"note"_s, QString(7100, u'x')}} << true;
    }

    // What every instance parses: the event's row as QJsonDocument writes it, compact, with
    // `truncated` instead of the payload when the whole would exceed 7000 bytes.
    void theNotificationIsTheEventAsJson()
    {
        QFETCH(QString, entityId);
        QFETCH(QJsonObject, payload);
        QFETCH(bool, truncated);
        vox::db::Listener listener(m_db->settings(), vox::server::events::channel);
        QSignalSpy listening(&listener, &vox::db::Listener::listening);
        QList<QByteArray> received;
        connect(&listener, &vox::db::Listener::notified,
                [&received](const QByteArray &message) { received.append(message); });
        listener.start();
        QTRY_COMPARE_WITH_TIMEOUT(listening.size(), 1, 5000);

        auto conn = m_db->connect();
        QVERIFY(conn->execScript("BEGIN; SELECT set_config('role', 'service_role', true)").ok());
        vox::db::Transaction tx(*conn);
        const auto id = vox::server::events::publish(tx, m_a.orgId, u"contact.updated"_s,
                                                     u"contact"_s, entityId, payload);
        QVERIFY(id.ok());
        QVERIFY(conn->execScript("COMMIT").ok());
        const auto row =
            conn->exec("SELECT to_json(created_at)#>>'{}' FROM events WHERE id = $1", {*id});
        QVERIFY(row.ok() && row->rowCount() == 1);

        QJsonObject event{{u"id"_s, *id},
                          {u"org_id"_s, m_a.orgId},
                          {u"type"_s, u"contact.updated"_s},
                          {u"entity_type"_s, u"contact"_s},
                          {u"entity_id"_s, entityId.isEmpty() ? QJsonValue() : entityId},
                          {u"created_at"_s, row->text(0, 0)}};
        if (truncated)
            event.insert(u"truncated"_s, true);
        else
            event.insert(u"payload"_s, payload);
        // Other work on the database may notify too; this event's message is the one with its id.
        const auto ofThisEvent = [&received, id = *id] {
            for (const QByteArray &message : received) {
                if (QJsonDocument::fromJson(message).object().value(u"id"_s).toInteger() == id)
                    return message;
            }
            return QByteArray();
        };
        QTRY_VERIFY_WITH_TIMEOUT(!ofThisEvent().isEmpty(), 5000);
        QCOMPARE(ofThisEvent(), QJsonDocument(event).toJson(QJsonDocument::Compact));
    }

    void replaysWhatAClientMissed()
    {
        WsClient first;
        first.open(hubUrl(), m_a.staffToken);
        QTRY_VERIFY(first.ready());
        const qint64 last = first.ofType(u"ready"_s).first().value(u"last_event_id"_s).toInteger();
        first.socket.close();
        QTRY_VERIFY(first.closed);

        QStringList missed;
        for (int i = 0; i < 3; ++i)
            missed.append(causeEvent(m_a));
        causeEvent(m_b); // another clinic's event in between, never replayed to A

        WsClient again;
        again.open(hubUrl(u"?since=%1"_s.arg(last)), m_a.staffToken);
        QTRY_VERIFY_WITH_TIMEOUT(again.ready(), 5000);
        QStringList replayed;
        for (const QJsonObject &m : again.ofType(u"event"_s))
            replayed.append(m.value(u"event"_s).toObject().value(u"entity_id"_s).toString());
        QCOMPARE(replayed, missed);
        // The events come first, then ready, whose id is the newest replayed.
        QList<QJsonObject> stream; // what matters, without the heartbeats
        for (const QJsonObject &m : again.messages) {
            if (m.value(u"type"_s).toString() != u"ping")
                stream.append(m);
        }
        QCOMPARE(stream.size(), 4);
        QCOMPARE(stream.last().value(u"type"_s).toString(), u"ready"_s);
        QCOMPARE(stream.last().value(u"last_event_id"_s).toInteger(), again.eventIds().last());
    }

    void aReplayLongerThanTheLimitSaysSo()
    {
        for (int i = 0; i < 6; ++i)
            causeEvent(m_b);
        auto admin = m_db->connectAsAdmin();
        const auto oldest = admin->exec(
            "SELECT id FROM events WHERE org_id = $1::uuid ORDER BY id LIMIT 5", {m_b.orgId});
        QList<qint64> expected;
        for (int r = 0; r < oldest->rowCount(); ++r)
            expected.append(oldest->toInt(r, 0));
        WsClient client;
        client.open(hubUrl(u"?since=0"_s), m_b.ownerToken);
        QTRY_VERIFY_WITH_TIMEOUT(client.ready(), 5000);
        // The hub's replay limit here is 5: the five oldest, then ready says the rest is missing.
        // (Live events still arriving from the burst above may follow the replay.)
        QCOMPARE(client.eventIds().mid(0, 5), expected);
        QCOMPARE(client.ofType(u"ready"_s).first().value(u"replay_truncated"_s).toBool(), true);
    }

    void rejectsABadSince()
    {
        WsClient client;
        client.open(hubUrl(u"?since=yesterday"_s), m_a.staffToken);
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, 5000);
        QCOMPARE(client.closeCode, int(QWebSocketProtocol::CloseCodePolicyViolated));
    }

    void refusesOtherWebSocketPaths()
    {
        QTcpSocket raw;
        raw.connectToHost(u"127.0.0.1"_s, m_http->port());
        QVERIFY(raw.waitForConnected(5000));
        raw.write("GET /api/other HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: "
                  "Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                  "Sec-WebSocket-Version: 13\r\n\r\n");
        QTRY_VERIFY(raw.canReadLine());
        QCOMPARE(raw.readLine().trimmed(), QByteArray("HTTP/1.1 404 Not Found"));
    }

    void pingsAndKeepsClientsThatAnswer()
    {
        WsClient client; // QWebSocket answers WebSocket pings by itself
        client.open(hubUrl(), m_a.staffToken);
        QTRY_VERIFY(client.ready());
        QTest::qWait(1500); // longer than the silence limit
        QVERIFY(!client.closed);
        QVERIFY(client.ofType(u"ping"_s).size() >= 2);
    }

    void dropsAClientThatFallsSilent()
    {
        // A hand-made WebSocket that completes the handshake and then never answers anything.
        QTcpSocket raw;
        raw.connectToHost(u"127.0.0.1"_s, m_http->port());
        QVERIFY(raw.waitForConnected(5000));
        raw.write("GET /api/events HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: "
                  "Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                  "Sec-WebSocket-Version: 13\r\nAuthorization: Bearer " +
                  m_a.staffToken.toLatin1() + "\r\n\r\n");
        QTRY_VERIFY(raw.canReadLine());
        QCOMPARE(raw.readLine().trimmed(), QByteArray("HTTP/1.1 101 Switching Protocols"));
        const int before = m_hub->clientCount();
        QVERIFY(before >= 1);
        QTRY_VERIFY_WITH_TIMEOUT(raw.state() == QAbstractSocket::UnconnectedState, 5000);
        QTRY_COMPARE(m_hub->clientCount(), before - 1);
    }

    void closesWith4003WhenTheTokenExpires()
    {
        WsClient client;
        client.open(hubUrl(), token(m_a, 2));
        QTRY_VERIFY(client.ready());
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, 10000);
        QCOMPARE(client.closeCode, 4003);
    }

    void aFreshTokenKeepsTheStreamOpen()
    {
        WsClient client;
        client.open(hubUrl(), token(m_a, 2));
        QTRY_VERIFY(client.ready());
        client.sendJson({{u"type"_s, u"auth"_s}, {u"token"_s, token(m_a, 600)}});
        QTest::qWait(3500);
        QVERIFY(!client.closed);
        // Someone else's token cannot take the stream over.
        client.sendJson({{u"type"_s, u"auth"_s}, {u"token"_s, m_b.ownerToken}});
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, 5000);
        QCOMPARE(client.closeCode, 4001);
    }

    void catchesUpAfterTheListenConnectionIsLost()
    {
        WsClient client;
        client.open(hubUrl(), m_a.staffToken);
        QTRY_VERIFY(client.ready());
        QSignalSpy relistened(m_hub.get(), &EventHub::listening);
        auto admin = m_db->connectAsAdmin();
        const auto killed =
            admin->exec("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE "
                        "datname = current_database() AND query = 'LISTEN voxanne_events'");
        QVERIFY(killed.ok());
        QVERIFY(killed->toInt(0, 0) >= 1);
        // Committed while the hub is (probably) not listening: found again by the catch-up.
        const QString contact = causeEvent(m_a);
        QVERIFY(!contact.isEmpty());
        QVERIFY(relistened.wait(10000) || relistened.count() > 0);
        QTRY_VERIFY_WITH_TIMEOUT(!client.ofType(u"event"_s).isEmpty(), 10000);
        QCOMPARE(client.ofType(u"event"_s)
                     .last()
                     .value(u"event"_s)
                     .toObject()
                     .value(u"entity_id"_s)
                     .toString(),
                 contact);
        // And live delivery works again.
        const QString next = causeEvent(m_a);
        QTRY_COMPARE_WITH_TIMEOUT(client.ofType(u"event"_s)
                                      .last()
                                      .value(u"event"_s)
                                      .toObject()
                                      .value(u"entity_id"_s)
                                      .toString(),
                                  next, 5000);
        QCOMPARE(client.ofType(u"event"_s).size(), 2);
    }

    void closedStreamsGiveBackTheirConnections()
    {
        QTRY_COMPARE_WITH_TIMEOUT(m_hub->clientCount(), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(m_http->openConnections(), 0, 10000);
    }

    void theRealServerAlsoStreams()
    {
        WsClient client;
        client.open(m_server->url().replace(u"http://"_s, u"ws://"_s) + u"/api/events"_s,
                    m_a.staffToken);
        QTRY_VERIFY_WITH_TIMEOUT(client.ready(), 5000);
        const QString contact = causeEvent(m_a);
        QTRY_VERIFY_WITH_TIMEOUT(!client.ofType(u"event"_s).isEmpty(), 5000);
        QCOMPARE(client.ofType(u"event"_s)
                     .first()
                     .value(u"event"_s)
                     .toObject()
                     .value(u"entity_id"_s)
                     .toString(),
                 contact);
    }

    void aDisabledUsersStreamIsClosedAtOnce()
    {
        const vox::test::Clinic clinic =
            vox::test::createClinic(m_server->url(), u"Clinic Disabled"_s);
        WsClient client;
        client.open(m_server->url().replace(u"http://"_s, u"ws://"_s) + u"/api/events"_s,
                    clinic.staffToken);
        QTRY_VERIFY_WITH_TIMEOUT(client.ready(), 5000);
        const QString staffId = vox::crypto::jwt::verifyHs256(
                                    clinic.staffToken, vox::test::TestServer::jwtSecret.toUtf8(),
                                    QDateTime::currentDateTimeUtc())
                                    ->value(u"sub"_s)
                                    .toString();
        HttpClient owner(m_server->url());
        owner.setToken(clinic.ownerToken);
        QCOMPARE(owner.patch(u"/api/org/users/"_s + staffId, {{u"disabled"_s, true}}).status, 200);
        // Closed though the token is valid for minutes more.
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, 10000);
        QCOMPARE(client.closeCode, int(EventHub::closeNotAuthenticated));
    }

    // Event ids are taken at insert, not at commit: a transaction that started first can commit
    // after a later one. Its event still reaches a connected client, and a client that saw the
    // later event and then reconnected with `since` gets it in the replay.
    void anEventThatCommitsLateIsNotLost()
    {
        const QString url = m_server->url().replace(u"http://"_s, u"ws://"_s) + u"/api/events"_s;
        WsClient live;
        live.open(url, m_a.staffToken);
        QTRY_VERIFY_WITH_TIMEOUT(live.ready(), 5000);

        auto conn = m_db->connect();
        QVERIFY(conn->execScript("BEGIN; SELECT set_config('role', 'service_role', true)").ok());
        vox::db::Transaction tx(*conn);
        const auto early =
            vox::server::events::publish(tx, m_a.orgId, u"agent.updated"_s, u"agent"_s, {});
        QVERIFY(early.ok());
        const QString later = causeEvent(m_a); // commits while the first is still open
        QTRY_VERIFY_WITH_TIMEOUT(!live.eventIds().isEmpty(), 5000);
        const qint64 seen = live.eventIds().last();
        QVERIFY2(seen > *early, "the event that committed first has the higher id");

        WsClient away;
        away.open(url + u"?since=%1"_s.arg(seen), m_a.staffToken);
        QTRY_VERIFY_WITH_TIMEOUT(away.ready(), 5000);
        away.socket.close();
        QTRY_VERIFY(away.closed);
        QVERIFY(!away.eventIds().contains(*early)); // not committed yet: nothing to replay

        QVERIFY(conn->execScript("COMMIT").ok());
        QTRY_VERIFY_WITH_TIMEOUT(live.eventIds().contains(*early), 5000);

        WsClient back;
        back.open(url + u"?since=%1"_s.arg(seen), m_a.staffToken);
        QTRY_VERIFY_WITH_TIMEOUT(back.ready(), 5000);
        QVERIFY2(back.eventIds().contains(*early), "the late commit is in the replay");
        QCOMPARE(back.eventIds().count(*early), 1);
        QVERIFY(!back.eventIds().contains(seen) || back.eventIds().count(seen) == 1);
        QVERIFY(!later.isEmpty());
    }

    void shutdownClosesWith1001()
    {
        WsClient client;
        client.open(hubUrl(), m_a.staffToken);
        QTRY_VERIFY(client.ready());
        m_hub->shutdown(2000);
        QTRY_VERIFY_WITH_TIMEOUT(client.closed, 5000);
        QCOMPARE(client.closeCode, int(QWebSocketProtocol::CloseCodeGoingAway));
        QCOMPARE(m_hub->clientCount(), 0);
    }
};

QTEST_GUILESS_MAIN(TestEventHub)
#include "tst_eventhub.moc"
