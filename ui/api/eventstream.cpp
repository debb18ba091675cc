#include "ui/api/eventstream.h"

#include "core/logging/log.h"
#include "ui/api/apiclient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QWebSocket>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

// The server's close codes (docs/api.md, "Live events").
constexpr quint16 closeNotAuthenticated = 4001;
constexpr quint16 closeTokenExpired = 4003;
// Enough to cover a replay's look-back (two minutes of a busy clinic's events) many times over.
constexpr std::size_t seenLimit = 5000;

} // namespace

EventStream::EventStream(ApiClient &api, QObject *parent)
    : QObject(parent)
    , m_api(api)
{
    m_watchdog.setSingleShot(true);
    m_watchdog.setInterval(50000);
    connect(&m_watchdog, &QTimer::timeout, this, [this] {
        log::info("console.events", u"The live connection went silent; reconnecting."_s);
        reconnect();
    });
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &EventStream::connectNow);
}

EventStream::~EventStream()
{
    m_wanted = false;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
    }
}

void EventStream::start()
{
    if (m_wanted)
        return;
    m_wanted = true;
    m_attempt = 0;
    connectNow();
}

void EventStream::stop()
{
    m_wanted = false;
    m_retry.stop();
    m_watchdog.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    setState(State::Offline);
}

void EventStream::reconnect()
{
    if (!m_wanted)
        return;
    m_watchdog.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    scheduleReconnect();
}

void EventStream::connectNow()
{
    if (!m_wanted)
        return;
    setState(m_everLive ? State::Reconnecting : State::Connecting);
    const auto open = [this](Result<QString> token) {
        if (!m_wanted)
            return;
        if (!token) {
            // A refused refresh ends the session (the shell hears sessionExpired); anything
            // else is the network: try again later.
            if (m_api.hasSession())
                scheduleReconnect();
            else
                setState(State::Offline);
            return;
        }
        if (m_socket) {
            m_socket->disconnect(this);
            m_socket->abort();
            m_socket->deleteLater();
        }
        m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
        connect(m_socket, &QWebSocket::connected, this, &EventStream::onConnected);
        connect(m_socket, &QWebSocket::disconnected, this, &EventStream::onDisconnected);
        connect(m_socket, &QWebSocket::textMessageReceived, this, &EventStream::onMessage);
        connect(m_socket, &QWebSocket::pong, this, [this] { m_watchdog.start(); });
        QNetworkRequest request(m_api.eventsUrl(m_lastEventId));
        request.setRawHeader("Authorization", "Bearer " + token->toLatin1());
        m_watchdog.start();
        m_socket->open(request);
    };
    if (m_needsFreshToken) {
        m_needsFreshToken = false;
        m_api.forceRefresh(this, open);
    } else {
        m_api.withFreshToken(this, open);
    }
}

void EventStream::onConnected()
{
    m_watchdog.start();
}

void EventStream::onDisconnected()
{
    if (!m_socket)
        return;
    const quint16 code = quint16(m_socket->closeCode());
    m_socket->deleteLater();
    m_socket = nullptr;
    m_watchdog.stop();
    if (!m_wanted)
        return;
    if (code == closeTokenExpired || code == closeNotAuthenticated)
        m_needsFreshToken = true;
    scheduleReconnect();
}

void EventStream::onMessage(const QString &text)
{
    m_watchdog.start();
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString type = message.value(u"type"_s).toString();
    if (type == u"ping") {
        if (m_socket)
            m_socket->sendTextMessage(u"{\"type\":\"pong\"}"_s);
        return;
    }
    if (type == u"event") {
        const LiveEvent event = LiveEvent::fromJson(message.value(u"event"_s).toObject());
        // A replay may overlap what was already seen: each event counts once. An id below the
        // highest seen can still be new (its transaction committed later), so the check is by
        // set, not by order.
        if (event.id > 0) {
            if (m_seen.contains(event.id))
                return;
            m_seen.insert(event.id);
            m_seenOrder.push_back(event.id);
            if (m_seenOrder.size() > seenLimit) {
                m_seen.remove(m_seenOrder.front());
                m_seenOrder.pop_front();
            }
            m_lastEventId = qMax(m_lastEventId, event.id);
        }
        emit eventReceived(event);
        return;
    }
    if (type == u"ready") {
        const qint64 last = qint64(message.value(u"last_event_id"_s).toDouble());
        if (last > m_lastEventId)
            m_lastEventId = last;
        const bool afterReconnect = m_everLive;
        m_everLive = true;
        m_attempt = 0;
        setState(State::Live);
        emit caughtUp(afterReconnect);
    }
}

void EventStream::scheduleReconnect()
{
    if (!m_wanted)
        return;
    setState(m_everLive ? State::Reconnecting : State::Connecting);
    const int base = m_backoffMs.value(qMin(m_attempt, int(m_backoffMs.size()) - 1), 30000);
    ++m_attempt;
    // A little jitter, so many consoles do not knock on a restarted server at the same moment.
    const int jitter = base >= 1000 ? int(QRandomGenerator::global()->bounded(base / 4 + 1)) : 0;
    m_retry.start(base + jitter);
}

void EventStream::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

} // namespace vox::ui
