#include "server/services/listenrelay.h"

#include "core/logging/log.h"
#include "server/http/jsonbody.h"
#include "server/http/response.h"
#include "server/services/accesslog.h"
#include "server/services/livecalls.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QPointer>
#include <QTimer>
#include <QWebSocket>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

// A listener that never gets going is not held open forever.
constexpr int connectTimeoutMs = 10000;

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
    m_workers.waitForDone();
    // Listeners hear that the server is going; their sockets go with the relay.
    for (QWebSocket *listener : findChildren<QWebSocket *>(Qt::FindDirectChildrenOnly)) {
        listener->disconnect(this);
        listener->close(QWebSocketProtocol::CloseCodeGoingAway, u"The server is shutting down."_s);
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
        return {closeNotAuthenticated, verified.errorMessage(), {}};
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
            }
            // Another clinic's call is not named in this clinic's log.
            const QString logged = o.closeCode == closeNotFound ? QString() : callId;
            if (auto row = accesslog::recordListenIn(tx, who, clientAddress, logged,
                                                     o.closeCode == 0, result);
                !row)
                return row.error();
            return o;
        });
    if (!outcome)
        return {closeUnavailable, u"Listening in is not possible right now."_s, {}};
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
        QMetaObject::invokeMethod(this, [this, guarded, outcome, callId] {
            if (!guarded)
                return;
            if (outcome.closeCode != 0) {
                guarded->close(QWebSocketProtocol::CloseCode(outcome.closeCode), outcome.reason);
                return;
            }
            relay(guarded, callId, outcome.listenUrl);
        });
    });
}

void ListenRelay::relay(QWebSocket *listener, const QString &callId, const QString &listenUrl)
{
    struct State
    {
        std::optional<ListenFormat> announced;
        bool formatSent = false;
        qint64 bytes = 0;
        QElapsedTimer since;
    };
    auto state = std::make_shared<State>();
    state->since.start();
    ++m_active;
    // The upstream socket is the listener's child: whichever goes, both go.
    auto *upstream = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, listener);
    const ListenFormat fallback = m_options.fallback;

    connect(upstream, &QWebSocket::textMessageReceived, listener, [state](const QString &text) {
        if (state->formatSent || state->announced)
            return;
        state->announced = announcedFormat(QJsonDocument::fromJson(text.toUtf8()).object());
    });
    connect(
        upstream, &QWebSocket::binaryMessageReceived, listener,
        [state, listener, callId, fallback](const QByteArray &frame) {
            if (!state->formatSent) {
                const ListenFormat format = settledFormat(state->announced, fallback, frame.size());
                if (!state->announced && !(format == fallback))
                    log::warn("listen",
                              u"A call's sound did not fit the configured format; "
                              "relaying it as mono."_s,
                              {{u"call_id"_s, callId}, {u"frame_bytes"_s, qint64(frame.size())}});
                listener->sendTextMessage(QString::fromUtf8(
                    QJsonDocument(format.toJson()).toJson(QJsonDocument::Compact)));
                state->formatSent = true;
            }
            state->bytes += frame.size();
            listener->sendBinaryMessage(frame);
        });
    connect(upstream, &QWebSocket::disconnected, listener, [listener, upstream] {
        // Vapi closes the listen socket when the call ends; anything else is a lost connection.
        const bool ended = upstream->closeCode() == QWebSocketProtocol::CloseCodeNormal;
        listener->close(ended ? QWebSocketProtocol::CloseCodeNormal
                              : QWebSocketProtocol::CloseCode(closeUnavailable),
                        ended ? u"The call has ended."_s
                              : u"The call's sound is not reachable any more."_s);
    });
    connect(listener, &QWebSocket::disconnected, this, [this, upstream, state, callId] {
        --m_active;
        upstream->close();
        log::info("listen", u"A listener left a call."_s,
                  {{u"call_id"_s, callId},
                   {u"bytes"_s, state->bytes},
                   {u"seconds"_s, double(state->since.elapsed()) / 1000.0}});
    });
    QTimer::singleShot(connectTimeoutMs, upstream, [upstream, listener] {
        if (upstream->state() != QAbstractSocket::ConnectedState)
            listener->close(QWebSocketProtocol::CloseCode(closeUnavailable),
                            u"Vapi did not open the call's sound in time."_s);
    });
    QNetworkRequest request{QUrl(listenUrl)};
    request.setRawHeader("Authorization", "Bearer " + m_app.config.vapiPublicKey.toUtf8());
    upstream->open(request);
}

} // namespace vox::server
