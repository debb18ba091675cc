#include "server/services/listenrelay.h"

#include "core/logging/log.h"
#include "server/http/jsonbody.h"
#include "server/http/response.h"
#include "server/services/accesslog.h"
#include "server/services/livecalls.h"

#include <algorithm>

#include <QAbstractSocket>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>
#include <QUuid>
#include <QWebSocket>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

// A listener that never gets going is not held open forever.
constexpr int connectTimeoutMs = 10000;
// A listener closed for being too slow gets this long to read what it was sent and the close;
// after that its connection is cut, and what was waiting for it is freed.
constexpr int slowCloseGraceMs = 2000;

QString callOfPath(const QString &path)
{
    const QStringList parts = path.split(u'/'); // "", api, calls, :id, listen
    return parts.size() == 5 ? parts.at(3) : QString();
}

} // namespace

QJsonObject ListenFormat::toJson() const
{
    return {{u"type"_s, u"format"_s},
            {u"encoding"_s, u"pcm_s16le"_s},
            {u"sample_rate"_s, sampleRate},
            {u"channels"_s, channels}};
}

std::optional<ListenFormat> announcedFormat(const QJsonObject &frame)
{
    const auto number = [&](std::initializer_list<QString> keys) {
        for (const QString &key : keys) {
            if (frame.value(key).isDouble())
                return frame.value(key).toInt();
        }
        return 0;
    };
    ListenFormat format;
    format.sampleRate = number({u"sampleRate"_s, u"sample_rate"_s});
    format.channels = number({u"channels"_s, u"channelCount"_s});
    if (format.sampleRate < 8000 || format.sampleRate > 48000 || format.channels < 1 ||
        format.channels > 2)
        return std::nullopt;
    return format;
}

ListenFormat settledFormat(const std::optional<ListenFormat> &announced,
                           const ListenFormat &fallback, qsizetype firstFrameBytes)
{
    if (announced)
        return *announced;
    ListenFormat format = fallback;
    if (format.channels == 2 && firstFrameBytes % 4 != 0)
        format.channels = 1;
    return format;
}

qint64 soundBytes(const ListenFormat &format, int milliseconds)
{
    return qint64(format.sampleRate) * format.channels * 2 * milliseconds / 1000;
}

qint64 ListenRelay::waitingFor(const Listener &l)
{
    return l.socket ? l.socket->bytesToWrite() : 0;
}

ListenRelay::ListenRelay(AppContext &app, Verifier verifier, http::TrustedProxies trusted,
                         Options options, QObject *parent)
    : QObject(parent)
    , m_app(app)
    , m_verifier(std::move(verifier))
    , m_trusted(std::move(trusted))
    , m_options(options)
{
    m_workers.setMaxThreadCount(2);
    m_workers.setExpiryTimeout(-1); // a worker keeps its database connection
    m_workers.setObjectName(u"listen-relay"_s);
}

ListenRelay::~ListenRelay()
{
    // Whoever is still listening has listened until now: their end rows are written before the
    // workers (and the database behind them) go.
    for (auto &entry : m_upstreams) {
        Upstream *upstream = entry.second.get();
        for (Listener &l : upstream->listeners) {
            finish(l.session, u"server stopping"_s);
            if (l.socket) {
                l.socket->disconnect(this);
                l.socket->close(QWebSocketProtocol::CloseCodeGoingAway,
                                u"The server is shutting down."_s);
            }
        }
        upstream->listeners.clear();
        upstream->socket->disconnect(this);
        upstream->socket->close();
    }
    m_workers.waitForDone();
    // Listeners still being let in hear that the server is going; their sockets go with the relay.
    for (QWebSocket *listener : findChildren<QWebSocket *>(Qt::FindDirectChildrenOnly)) {
        listener->disconnect(this);
        if (listener->state() != QAbstractSocket::UnconnectedState)
            listener->close(QWebSocketProtocol::CloseCodeGoingAway,
                            u"The server is shutting down."_s);
    }
}

QString ListenRelay::path()
{
    return u"/api/calls/*/listen"_s;
}

Result<QString> ListenRelay::listenUrlOf(AppContext &app, db::Transaction &tx, const QString &orgId,
                                         const QString &callId)
{
    if (!http::isUuid(callId))
        return http::status::notFound(u"Call not found."_s);
    auto call = tx.exec(
        "SELECT vapi_call_id, status FROM call_logs WHERE id = $1::uuid AND org_id = $2::uuid",
        {callId, orgId});
    if (!call)
        return call.error();
    if (call->isEmpty())
        return http::status::notFound(u"Call not found."_s);
    const QString status = call->text(0, 1);
    if (status != u"ringing" && status != u"in-progress" && status != u"forwarding")
        return http::status::conflict(u"The call has ended; there is nothing to listen to."_s);
    auto monitor = LiveCalls(app).monitorOf(tx, orgId, call->text(0, 0));
    if (!monitor)
        return monitor.error();
    if (monitor->listenUrl.isEmpty())
        return http::status::conflict(
            u"This call cannot be listened to: Vapi gave it no listen address."_s);
    return monitor->listenUrl;
}

ListenRelay::Outcome ListenRelay::admit(const QString &token, const QString &callId,
                                        const QString &clientAddress)
{
    auto verified = m_verifier(token);
    if (!verified)
        return {closeNotAuthenticated, verified.errorMessage(), {}, {}, {}};
    const http::Principal &who = verified->principal;
    auto outcome =
        m_app.db.transaction<Outcome>(who.access(), [&](db::Transaction &tx) -> Result<Outcome> {
            auto url = listenUrlOf(m_app, tx, who.orgId, callId);
            Outcome o;
            QString result = u"relaying"_s;
            if (!url) {
                o.closeCode = url.error().kind == ErrorKind::NotFound   ? closeNotFound
                              : url.error().kind == ErrorKind::Conflict ? closeEnded
                                                                        : closeUnavailable;
                o.reason = url.errorMessage();
                result = o.closeCode == closeNotFound ? u"not found"_s
                         : o.closeCode == closeEnded  ? u"call ended"_s
                                                      : u"unavailable"_s;
            } else {
                o.listenUrl = *url;
                o.session = QUuid::createUuid().toString(QUuid::WithoutBraces);
            }
            // Another clinic's call is not named in this clinic's log.
            const QString logged = o.closeCode == closeNotFound ? QString() : callId;
            if (auto row = accesslog::recordListenIn(tx, who, clientAddress, logged,
                                                     o.closeCode == 0, result, o.session);
                !row)
                return row.error();
            o.who = who;
            return o;
        });
    if (!outcome)
        return {closeUnavailable, u"Listening in is not possible right now."_s, {}, {}, {}};
    return *outcome;
}

void ListenRelay::accept(std::unique_ptr<QWebSocket> upgraded)
{
    QWebSocket *listener = upgraded.release();
    listener->setParent(this);
    connect(listener, &QWebSocket::disconnected, listener, &QObject::deleteLater);
    const QByteArray header = listener->request().rawHeader("Authorization");
    if (!header.startsWith("Bearer ") && !header.startsWith("bearer ")) {
        listener->close(QWebSocketProtocol::CloseCode(closeNotAuthenticated), u"Sign in first."_s);
        return;
    }
    const QString token = QString::fromLatin1(header.mid(7).trimmed());
    const QString callId = callOfPath(listener->requestUrl().path());
    const QString address = http::clientAddress(
        listener->peerAddress(), listener->request().rawHeader("X-Forwarded-For"),
        listener->request().rawHeader("Forwarded"), m_trusted);
    QPointer<QWebSocket> guarded(listener);
    m_workers.start([this, guarded, token, callId, address] {
        const Outcome outcome = admit(token, callId, address);
        QMetaObject::invokeMethod(this, [this, guarded, outcome, callId, address] {
            Session session;
            session.who = outcome.who;
            session.clientAddress = address;
            session.callId = callId;
            session.session = outcome.session;
            session.since.start();
            if (!guarded) {
                // Gone while being let in: its listening lasted no time, and says so.
                if (outcome.closeCode == 0) {
                    ++m_active;
                    finish(session, u"left"_s);
                }
                return;
            }
            if (outcome.closeCode != 0) {
                guarded->close(QWebSocketProtocol::CloseCode(outcome.closeCode), outcome.reason);
                return;
            }
            join(guarded, std::move(session), outcome.listenUrl);
        });
    });
}

void ListenRelay::join(QWebSocket *listener, Session session, const QString &listenUrl)
{
    const QString key = session.who.orgId + u'/' + session.callId;
    auto found = m_upstreams.find(key);
    Upstream &upstream =
        found != m_upstreams.end() ? *found->second : openUpstream(key, session.callId, listenUrl);
    ++m_active;
    // A late joiner hears the format before anything else, then the sound from now on.
    if (upstream.format) {
        listener->sendTextMessage(QString::fromUtf8(
            QJsonDocument(upstream.format->toJson()).toJson(QJsonDocument::Compact)));
        session.formatSent = true;
    }
    const quint64 id = ++m_lastListener;
    upstream.listeners.push_back({id, listener, std::move(session)});
    // Queued: a listener can drop while a frame is being sent to it, and the list it is in must
    // not change under that loop.
    connect(
        listener, &QWebSocket::disconnected, this, [this, key, id] { leave(key, id); },
        Qt::QueuedConnection);
}

ListenRelay::Upstream &ListenRelay::openUpstream(const QString &key, const QString &callId,
                                                 const QString &listenUrl)
{
    auto owned = std::make_unique<Upstream>();
    Upstream &upstream = *owned;
    upstream.socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    QWebSocket *socket = upstream.socket;
    m_upstreams.emplace(key, std::move(owned));

    connect(socket, &QWebSocket::textMessageReceived, this, [this, key](const QString &text) {
        auto it = m_upstreams.find(key);
        if (it == m_upstreams.end() || it->second->format || it->second->announced)
            return;
        it->second->announced = announcedFormat(QJsonDocument::fromJson(text.toUtf8()).object());
    });
    connect(socket, &QWebSocket::binaryMessageReceived, this,
            [this, key](const QByteArray &frame) { relayFrame(key, frame); });
    // A connection that drops without a close frame still reads as 1000 (Qt's default), so
    // whether Vapi said goodbye at all is seen here.
    auto closedByVapi = std::make_shared<bool>(false);
    connect(socket, &QWebSocket::aboutToClose, this, [closedByVapi] { *closedByVapi = true; });
    connect(socket, &QWebSocket::disconnected, this, [this, key, socket, closedByVapi] {
        auto it = m_upstreams.find(key);
        if (it == m_upstreams.end() || it->second->socket != socket)
            return;
        // Vapi closes the listen socket when the call ends; anything else is a lost connection.
        if (*closedByVapi && socket->closeCode() == QWebSocketProtocol::CloseCodeNormal)
            endUpstream(key, QWebSocketProtocol::CloseCodeNormal, u"The call has ended."_s,
                        u"call ended"_s);
        else
            endUpstream(key, closeUnavailable, u"The call's sound is not reachable any more."_s,
                        u"sound lost"_s);
    });
    QTimer::singleShot(connectTimeoutMs, socket, [this, key, socket] {
        auto it = m_upstreams.find(key);
        if (it != m_upstreams.end() && it->second->socket == socket &&
            socket->state() != QAbstractSocket::ConnectedState)
            endUpstream(key, closeUnavailable, u"Vapi did not open the call's sound in time."_s,
                        u"sound lost"_s);
    });
    log::info("listen", u"Opening a call's sound for its listeners."_s, {{u"call_id"_s, callId}});
    QNetworkRequest request{QUrl(listenUrl)};
    request.setRawHeader("Authorization", "Bearer " + m_app.config.vapiPublicKey.toUtf8());
    socket->open(request);
    return upstream;
}

void ListenRelay::relayFrame(const QString &key, const QByteArray &frame)
{
    auto it = m_upstreams.find(key);
    if (it == m_upstreams.end())
        return;
    Upstream &upstream = *it->second;
    if (!upstream.format) {
        upstream.format = settledFormat(upstream.announced, m_options.fallback, frame.size());
        if (!upstream.announced && !(*upstream.format == m_options.fallback))
            log::warn(
                "listen",
                u"A call's sound did not fit the configured format; relaying it as mono."_s,
                {{u"call_id"_s, key.section(u'/', 1)}, {u"frame_bytes"_s, qint64(frame.size())}});
    }
    const QString format =
        QString::fromUtf8(QJsonDocument(upstream.format->toJson()).toJson(QJsonDocument::Compact));
    const qint64 limit = soundBytes(*upstream.format, m_options.maxBehindMs);
    std::vector<std::pair<quint64, qint64>> slow;
    for (Listener &l : upstream.listeners) {
        if (!l.socket)
            continue;
        // What the listener's connection has not taken yet: it is behind by that much sound.
        const qint64 backlog = waitingFor(l);
        if (backlog + frame.size() > limit) {
            slow.emplace_back(l.id, backlog);
            continue;
        }
        if (!l.session.formatSent) {
            l.socket->sendTextMessage(format);
            l.session.formatSent = true;
        }
        // The frame's bytes are shared, not copied, between the listeners.
        l.socket->sendBinaryMessage(frame);
        l.session.bytes += frame.size();
        const qint64 held = waitingFor(l);
        if (held > m_peakBacklog.load())
            m_peakBacklog.store(held);
    }
    // After the loop: dropping one may close the call's sound and free `upstream`.
    for (const auto &[id, backlog] : slow)
        dropSlow(key, id, backlog);
}

void ListenRelay::dropSlow(const QString &key, quint64 listener, qint64 backlog)
{
    log::warn("listen", u"A listener could not keep up with a call's sound and was closed."_s,
              {{u"call_id"_s, key.section(u'/', 1)}, {u"waiting_bytes"_s, backlog}});
    QWebSocket *socket = remove(key, listener, u"listener too slow"_s);
    if (!socket)
        return;
    socket->close(QWebSocketProtocol::CloseCode(closeTooSlow),
                  u"Listener too slow: the call's sound could not be delivered in time."_s);
    // A peer that does not read does not read the close either.
    QTimer::singleShot(slowCloseGraceMs, socket, [socket] { socket->abort(); });
}

void ListenRelay::leave(const QString &key, quint64 listener)
{
    remove(key, listener, u"left"_s);
}

QWebSocket *ListenRelay::remove(const QString &key, quint64 listener, const QString &ended)
{
    auto it = m_upstreams.find(key);
    if (it == m_upstreams.end())
        return nullptr;
    auto &listeners = it->second->listeners;
    const auto l = std::find_if(listeners.begin(), listeners.end(),
                                [listener](const Listener &x) { return x.id == listener; });
    if (l == listeners.end())
        return nullptr;
    finish(l->session, ended);
    QWebSocket *socket = l->socket;
    if (socket)
        socket->disconnect(this);
    listeners.erase(l);
    if (listeners.empty()) {
        // The last one out closes the call's sound.
        std::unique_ptr<Upstream> upstream = std::move(it->second);
        m_upstreams.erase(it);
        upstream->socket->disconnect(this);
        closeUpstreamSocket(upstream->socket);
    }
    return socket;
}

void ListenRelay::endUpstream(const QString &key, int code, const QString &reason,
                              const QString &ended)
{
    auto it = m_upstreams.find(key);
    if (it == m_upstreams.end())
        return;
    std::unique_ptr<Upstream> upstream = std::move(it->second);
    m_upstreams.erase(it);
    upstream->socket->disconnect(this);
    for (Listener &l : upstream->listeners) {
        finish(l.session, ended);
        if (l.socket) {
            l.socket->disconnect(this);
            l.socket->close(QWebSocketProtocol::CloseCode(code), reason);
        }
    }
    closeUpstreamSocket(upstream->socket);
}

void ListenRelay::closeUpstreamSocket(QWebSocket *socket)
{
    connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
    if (socket->state() == QAbstractSocket::UnconnectedState) {
        socket->deleteLater();
        return;
    }
    socket->close();
    // A peer that never answers the close does not keep the socket.
    QTimer::singleShot(connectTimeoutMs, socket, &QObject::deleteLater);
}

void ListenRelay::finish(const Session &session, const QString &ended)
{
    --m_active;
    const double seconds = double(session.since.elapsed()) / 1000.0;
    log::info("listen", u"A listener left a call."_s,
              {{u"call_id"_s, session.callId},
               {u"bytes"_s, session.bytes},
               {u"seconds"_s, seconds},
               {u"ended"_s, ended}});
    accesslog::ListenEnd end;
    end.callId = session.callId;
    end.session = session.session;
    end.seconds = seconds;
    end.bytes = session.bytes;
    end.ended = ended;
    m_workers.start([this, who = session.who, address = session.clientAddress, end] {
        auto row =
            m_app.db.transaction<bool>(who.access(), [&](db::Transaction &tx) -> Result<bool> {
                if (auto r = accesslog::recordListenEnded(tx, who, address, end); !r)
                    return r.error();
                return true;
            });
        if (!row)
            log::warn("listen", u"How long someone listened in could not be logged."_s,
                      {{u"call_id"_s, end.callId}, {u"error"_s, row.errorMessage()}});
    });
}

} // namespace vox::server
