#include "server/events/eventhub.h"

#include "core/logging/log.h"
#include "server/events/eventpublisher.h"
#include "server/servermetrics.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFuture>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtConcurrent/QtConcurrentRun>
#include <QUrlQuery>
#include <QWebSocket>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::events {

namespace {

// The wire form of an events row, as clients receive it live and in replays.
const QByteArray wireJson =
    "json_build_object('type', 'event', 'event', json_build_object('id', e.id, 'type', e.type, "
    "'entity_type', e.entity_type, 'entity_id', e.entity_id, 'payload', e.payload, "
    "'created_at', e.created_at))::text";

constexpr qsizetype seenLimit = 8192;       // ids the hub remembers having fanned out
constexpr qsizetype clientSentLimit = 2048; // ids a client remembers having been sent
constexpr int catchUpOverlap = 100; // ids below the high-water mark re-read after a reconnect
constexpr int catchUpLimit = 10000;

const QByteArray pingMessage = R"({"type":"ping"})";

// Results of worker queries travel back as plain values (QFuture wants them default-built).
struct ReplayOutcome
{
    QList<qint64> ids;
    QList<QByteArray> messages;
    qint64 newestId = 0;
    bool truncated = false;
    std::optional<Error> error;
};

struct RowsOutcome
{
    QList<qint64> ids;
    QList<QString> orgs;
    QList<QByteArray> messages;
    qint64 newestId = -1;
};

} // namespace

struct EventHub::Client
{
    enum class State { AwaitingAuth, Replaying, Live, Closing };

    quint64 serial = 0;
    QWebSocket *socket = nullptr; // owned: deleted when the client is removed
    State state = State::AwaitingAuth;
    std::optional<qint64> since;
    AccessToken token;
    QElapsedTimer lastHeard;
    QTimer *expiry = nullptr; // child of the socket
    QList<Outgoing> buffered; // live events that arrived during the replay
    QSet<qint64> sent;
    std::deque<qint64> sentOrder;
    qint64 lastSentId = 0;
};

EventHub::EventHub(db::Database &db, Verifier verifier, Options options, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_verifier(std::move(verifier))
    , m_options(std::move(options))
    , m_listener(db.settings(), events::channel)
{
    m_workers.setMaxThreadCount(2);
    m_workers.setObjectName(u"event-hub"_s);
    connect(&m_listener, &db::Listener::listening, this, &EventHub::onListening);
    connect(&m_listener, &db::Listener::notified, this, &EventHub::onNotified);
    m_heartbeat.setInterval(m_options.pingIntervalMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &EventHub::heartbeat);
}

EventHub::~EventHub()
{
    shutdown(0);
    m_workers.waitForDone();
}

void EventHub::start()
{
    m_stopped = false;
    m_listener.start();
    m_heartbeat.start();
}

void EventHub::shutdown(int graceMs)
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_listener.stop();
    m_heartbeat.stop();
    QList<quint64> serials;
    for (const auto &[serial, c] : m_clients)
        serials.append(serial);
    for (quint64 serial : serials)
        close(serial, QWebSocketProtocol::CloseCodeGoingAway, u"The server is shutting down."_s);
    // Let the close frames reach the clients before the sockets go.
    QElapsedTimer waited;
    waited.start();
    while (!m_clients.empty() && waited.elapsed() < graceMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    while (!m_clients.empty()) {
        const quint64 serial = m_clients.begin()->first;
        m_clients.begin()->second->socket->abort(); // may remove the client already
        remove(serial);
    }
}

void EventHub::closeStreamsOf(const QString &userId, const QString &reason)
{
    QList<quint64> serials;
    for (const auto &[serial, c] : m_clients) {
        if (c->state != Client::State::AwaitingAuth && c->token.principal.userId == userId)
            serials.append(serial);
    }
    for (quint64 serial : serials)
        close(serial, closeNotAuthenticated, reason);
}

EventHub::Client *EventHub::client(quint64 serial)
{
    auto it = m_clients.find(serial);
    return it == m_clients.end() ? nullptr : it->second.get();
}

void EventHub::accept(std::unique_ptr<QWebSocket> socket)
{
    if (m_stopped) {
        QWebSocket *late = socket.release();
        connect(late, &QWebSocket::disconnected, late, &QObject::deleteLater);
        late->close(QWebSocketProtocol::CloseCodeGoingAway, u"The server is shutting down."_s);
        QTimer::singleShot(5000, late, &QObject::deleteLater);
        return;
    }
    auto c = std::make_unique<Client>();
    c->serial = ++m_nextSerial;
    c->socket = socket.release();
    c->lastHeard.start();
    const quint64 serial = c->serial;
    QWebSocket *ws = c->socket;

    const QUrlQuery query(ws->requestUrl());
    const bool hasSince = query.hasQueryItem(u"since"_s);
    bool sinceOk = true;
    if (hasSince) {
        const qint64 since = query.queryItemValue(u"since"_s).toLongLong(&sinceOk);
        sinceOk = sinceOk && since >= 0;
        c->since = since;
    }

    connect(ws, &QWebSocket::textMessageReceived, this,
            [this, serial](const QString &text) { onMessage(serial, text); });
    connect(ws, &QWebSocket::pong, this, [this, serial] {
        if (Client *found = client(serial))
            found->lastHeard.restart();
    });
    connect(ws, &QWebSocket::disconnected, this, [this, serial] { remove(serial); });
    m_clients.emplace(serial, std::move(c));
    m_connected.store(int(m_clients.size()), std::memory_order_relaxed);

    if (!sinceOk) {
        close(serial, QWebSocketProtocol::CloseCodePolicyViolated,
              u"'since' must be an event id."_s);
        return;
    }
    const QByteArray header = ws->request().rawHeader("Authorization");
    if (header.startsWith("Bearer ") || header.startsWith("bearer ")) {
        authenticate(serial, QString::fromLatin1(header.mid(7).trimmed()));
        return;
    }
    QTimer::singleShot(m_options.authTimeoutMs, ws, [this, serial] {
        Client *waiting = client(serial);
        if (waiting && waiting->state == Client::State::AwaitingAuth)
            close(serial, closeNotAuthenticated,
                  u"Authenticate first: send {\"type\":\"auth\",\"token\":...}."_s);
    });
}

void EventHub::onMessage(quint64 serial, const QString &text)
{
    Client *c = client(serial);
    if (!c || c->state == Client::State::Closing)
        return;
    c->lastHeard.restart();
    const QJsonObject message =
        text.size() <= 16384 ? QJsonDocument::fromJson(text.toUtf8()).object() : QJsonObject();
    const QString type = message.value(u"type"_s).toString();
    if (type == u"auth") {
        authenticate(serial, message.value(u"token"_s).toString());
    } else if (c->state == Client::State::AwaitingAuth) {
        close(serial, closeNotAuthenticated,
              u"Authenticate first: send {\"type\":\"auth\",\"token\":...}."_s);
    } else if (type == u"ping") {
        c->socket->sendTextMessage(u"{\"type\":\"pong\"}"_s);
    }
    // "pong" and anything else only prove the client is alive.
}

void EventHub::authenticate(quint64 serial, const QString &token)
{
    Client *c = client(serial);
    if (!c)
        return;
    auto verified = m_verifier(token);
    if (!verified) {
        close(serial,
              verified.error().code == tokenExpired ? closeTokenExpired : closeNotAuthenticated,
              verified.errorMessage());
        return;
    }
    if (c->state != Client::State::AwaitingAuth) {
        // A fresh token on an open stream extends it; it may not switch user or clinic.
        if (verified->principal.orgId != c->token.principal.orgId ||
            verified->principal.userId != c->token.principal.userId) {
            close(serial, closeNotAuthenticated, u"The token belongs to someone else."_s);
            return;
        }
    } else {
        c->state = Client::State::Replaying;
        m_byOrg[verified->principal.orgId].insert(serial);
        c->expiry = new QTimer(c->socket);
        c->expiry->setSingleShot(true);
        connect(c->expiry, &QTimer::timeout, this, [this, serial] {
            close(serial, closeTokenExpired,
                  u"Your session has expired; reconnect with a fresh token and 'since'."_s);
        });
    }
    c->token = std::move(verified).value();
    const qint64 left = QDateTime::currentDateTimeUtc().msecsTo(c->token.expiresAt);
    c->expiry->start(int(qBound<qint64>(0, left, 24LL * 3600 * 1000)));
    if (c->state == Client::State::Replaying)
        startReplay(serial);
}

void EventHub::startReplay(quint64 serial)
{
    Client *c = client(serial);
    if (!c)
        return;
    const db::Access access = c->token.principal.access();
    const QString orgId = c->token.principal.orgId;
    const std::optional<qint64> since = c->since;
    const int limit = m_options.replayLimit;
    const int lookback = m_options.replayLookbackSeconds;
    db::Database &database = m_db;
    QtConcurrent::run(&m_workers, [&database, access, orgId, since, limit, lookback] {
        ReplayOutcome outcome;
        auto read = database.transaction<bool>(access, [&](db::Transaction &tx) -> Result<bool> {
            if (since) {
                // Two index range scans: what came after `since`, and the look-back window of
                // transactions that started shortly before it (see replayLookbackSeconds).
                auto rows = tx.exec(
                    "WITH anchor AS (SELECT created_at FROM events WHERE org_id = $1::uuid AND "
                    "id = $2) SELECT e.id, " +
                        wireJson +
                        " FROM events e WHERE e.org_id = $1::uuid AND e.id > $2 UNION ALL SELECT "
                        "e.id, " +
                        wireJson +
                        " FROM events e, anchor WHERE e.org_id = $1::uuid AND e.id < $2 AND "
                        "e.created_at >= anchor.created_at - make_interval(secs => $4) AND $4 > 0 "
                        "ORDER BY 1 LIMIT $3",
                    {orgId, *since, limit + 1, lookback});
                if (!rows)
                    return rows.error();
                for (int r = 0; r < qMin(rows->rowCount(), limit); ++r) {
                    outcome.ids.append(rows->toInt(r, 0));
                    outcome.messages.append(rows->raw(r, 1));
                }
                outcome.truncated = rows->rowCount() > limit;
            }
            auto newest =
                tx.exec("SELECT coalesce(max(id), 0) FROM events WHERE org_id = $1::uuid", {orgId});
            if (!newest)
                return newest.error();
            outcome.newestId = newest->toInt(0, 0);
            return true;
        });
        if (!read)
            outcome.error = read.error();
        return outcome;
    }).then(this, [this, serial](const ReplayOutcome &outcome) {
        Replay replay;
        replay.newestId = outcome.newestId;
        replay.truncated = outcome.truncated;
        for (qsizetype i = 0; i < outcome.ids.size(); ++i)
            replay.events.append({outcome.ids.at(i), QString(), outcome.messages.at(i), {}});
        finishReplay(serial,
                     outcome.error ? Result<Replay>(*outcome.error) : Result<Replay>(replay));
    });
}

void EventHub::finishReplay(quint64 serial, const Result<Replay> &replay)
{
    Client *c = client(serial);
    if (!c || c->state != Client::State::Replaying)
        return;
    if (!replay) {
        log::warn("events", u"Replay failed: %1"_s.arg(replay.errorMessage()));
        close(serial, QWebSocketProtocol::CloseCodeBadOperation,
              u"The missed events could not be read; reconnect with 'since'."_s);
        return;
    }
    for (const Outgoing &event : replay->events)
        send(*c, event);
    for (const Outgoing &event : std::as_const(c->buffered))
        send(*c, event);
    c->buffered.clear();
    c->state = Client::State::Live;
    log::info("events", u"Event stream open."_s,
              {{u"org_id"_s, c->token.principal.orgId},
               {u"replayed"_s, replay->events.size()},
               {u"streams"_s, clientCount()}});
    QJsonObject ready{{u"type"_s, u"ready"_s},
                      {u"last_event_id"_s, qMax(replay->newestId, c->lastSentId)}};
    if (replay->truncated)
        ready.insert(u"replay_truncated"_s, true);
    c->socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(ready).toJson(QJsonDocument::Compact)));
}

void EventHub::send(Client &c, const Outgoing &event)
{
    if (c.sent.contains(event.id))
        return; // the replay and the live stream may both carry an event
    c.sent.insert(event.id);
    c.sentOrder.push_back(event.id);
    if (qsizetype(c.sentOrder.size()) > clientSentLimit) {
        c.sent.remove(c.sentOrder.front());
        c.sentOrder.pop_front();
    }
    c.lastSentId = qMax(c.lastSentId, event.id);
    c.socket->sendTextMessage(QString::fromUtf8(event.message));
}

void EventHub::close(quint64 serial, int code, const QString &reason)
{
    Client *c = client(serial);
    if (!c || c->state == Client::State::Closing)
        return;
    c->state = Client::State::Closing;
    QWebSocket *socket = c->socket;
    // A client that never answers the close handshake is cut off.
    QTimer::singleShot(5000, socket, [this, serial] {
        if (Client *late = client(serial))
            late->socket->abort();
        remove(serial);
    });
    // May report the disconnection at once, which removes the client: `c` is not used after.
    socket->close(QWebSocketProtocol::CloseCode(code), reason);
}

void EventHub::remove(quint64 serial)
{
    auto it = m_clients.find(serial);
    if (it == m_clients.end())
        return;
    Client *c = it->second.get();
    const QString orgId = c->token.principal.orgId;
    if (!orgId.isEmpty()) {
        auto org = m_byOrg.find(orgId);
        if (org != m_byOrg.end()) {
            org->remove(serial);
            if (org->isEmpty())
                m_byOrg.erase(org);
        }
    }
    c->socket->disconnect(this);
    c->socket->deleteLater();
    m_clients.erase(it);
    m_connected.store(int(m_clients.size()), std::memory_order_relaxed);
}

void EventHub::heartbeat()
{
    QList<quint64> silent;
    for (const auto &[serial, c] : m_clients) {
        if (c->lastHeard.elapsed() > m_options.silenceTimeoutMs) {
            silent.append(serial);
            continue;
        }
        if (c->state == Client::State::Live || c->state == Client::State::Replaying) {
            c->socket->sendTextMessage(QString::fromLatin1(pingMessage));
            c->socket->ping();
        }
    }
    for (quint64 serial : silent) {
        log::info("events", u"Dropped a silent event-stream client."_s);
        if (Client *c = client(serial))
            c->socket->abort(); // may remove the client already
        remove(serial);
    }
}

void EventHub::onListening()
{
    QStringList orgs = m_byOrg.keys();
    const qint64 from = m_highWater < 0 ? -1 : qMax<qint64>(0, m_highWater - catchUpOverlap);
    db::Database &database = m_db;
    // The first time, only where the stream starts; after a reconnect, also every event of a
    // connected clinic that was committed while this instance was not listening.
    QtConcurrent::run(&m_workers, [&database, orgs, from] {
        RowsOutcome outcome;
        auto read = database.transaction<bool>(
            db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
                if (from >= 0 && !orgs.isEmpty()) {
                    auto rows = tx.exec("SELECT e.id, e.org_id, " + wireJson +
                                            " FROM events e WHERE e.id > $1 AND "
                                            "e.org_id = ANY($2::uuid[]) ORDER BY e.id LIMIT $3",
                                        {from, orgs, catchUpLimit});
                    if (!rows)
                        return rows.error();
                    for (int r = 0; r < rows->rowCount(); ++r) {
                        outcome.ids.append(rows->toInt(r, 0));
                        outcome.orgs.append(rows->text(r, 1));
                        outcome.messages.append(rows->raw(r, 2));
                    }
                }
                auto newest = tx.exec("SELECT coalesce(max(id), 0) FROM events");
                if (!newest)
                    return newest.error();
                outcome.newestId = newest->toInt(0, 0);
                return true;
            });
        if (!read)
            log::warn("events",
                      u"Catching up on live events failed: %1"_s.arg(read.errorMessage()));
        return outcome;
    }).then(this, [this](const RowsOutcome &outcome) {
        for (qsizetype i = 0; i < outcome.ids.size(); ++i) {
            if (markSeen(outcome.ids.at(i)))
                enqueue({outcome.ids.at(i), outcome.orgs.at(i), outcome.messages.at(i), {}});
        }
        m_highWater = qMax(m_highWater, outcome.newestId);
        Q_EMIT listening();
    });
}

bool EventHub::markSeen(qint64 id)
{
    if (m_seen.contains(id))
        return false;
    m_seen.insert(id);
    m_seenOrder.push_back(id);
    if (qsizetype(m_seenOrder.size()) > seenLimit) {
        m_seen.remove(m_seenOrder.front());
        m_seenOrder.pop_front();
    }
    m_highWater = qMax(m_highWater, id);
    return true;
}

void EventHub::onNotified(const QByteArray &payload)
{
    QJsonObject event = QJsonDocument::fromJson(payload).object();
    const qint64 id = event.value(u"id"_s).toInteger();
    const QString orgId = event.value(u"org_id"_s).toString();
    if (id <= 0 || orgId.isEmpty() || !markSeen(id))
        return;
    Outgoing out{id,
                 orgId,
                 {},
                 QDateTime::fromString(event.value(u"created_at"_s).toString(), Qt::ISODateWithMs)};
    if (!event.value(u"truncated"_s).toBool()) {
        event.remove(u"org_id"_s);
        out.message = QJsonDocument(QJsonObject{{u"type"_s, u"event"_s}, {u"event"_s, event}})
                          .toJson(QJsonDocument::Compact);
    }
    enqueue(std::move(out));
}

void EventHub::enqueue(Outgoing event)
{
    if (!m_byOrg.contains(event.orgId))
        return; // nobody of that clinic listens here
    m_pipeline.push_back(std::move(event));
    pump();
}

void EventHub::pump()
{
    while (!m_pipeline.empty() && !m_reading) {
        Outgoing &head = m_pipeline.front();
        if (head.message.isEmpty()) {
            // Too large for its notification: read it, and hold the events behind it so that
            // every client still sees commit order.
            m_reading = true;
            db::Database &database = m_db;
            const qint64 id = head.id;
            const QString orgId = head.orgId;
            QtConcurrent::run(&m_workers, [&database, id, orgId] {
                QByteArray message;
                auto read = database.transaction<QByteArray>(
                    db::Access::service(), [&](db::Transaction &tx) -> Result<QByteArray> {
                        auto row = tx.exec("SELECT " + wireJson +
                                               " FROM events e WHERE e.id = $1 AND "
                                               "e.org_id = $2::uuid",
                                           {id, orgId});
                        if (!row)
                            return row.error();
                        return row->isEmpty() ? QByteArray() : row->raw(0, 0);
                    });
                return read ? *read : QByteArray();
            }).then(this, [this](const QByteArray &message) {
                m_reading = false;
                if (!m_pipeline.empty()) {
                    if (message.isEmpty())
                        m_pipeline.pop_front(); // gone (or unreadable): skip it
                    else
                        m_pipeline.front().message = message;
                }
                pump();
            });
            return;
        }
        const Outgoing event = std::move(head);
        m_pipeline.pop_front();
        const QSet<quint64> serials = m_byOrg.value(event.orgId);
        if (event.createdAt.isValid() && !serials.isEmpty()) {
            servermetrics::eventFanoutLag().labels({}).observe(
                qMax<qint64>(0, event.createdAt.msecsTo(QDateTime::currentDateTimeUtc())) / 1000.0);
        }
        for (quint64 serial : serials) {
            Client *c = client(serial);
            if (!c)
                continue;
            if (c->state == Client::State::Live)
                send(*c, event);
            else if (c->state == Client::State::Replaying)
                c->buffered.append(event);
        }
    }
}

} // namespace vox::server::events
