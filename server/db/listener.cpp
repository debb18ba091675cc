#include "server/db/listener.h"

#include "core/logging/log.h"

#include <QFuture>
#include <QSocketNotifier>
#include <QtConcurrent/QtConcurrentRun>

using namespace Qt::Literals::StringLiterals;

namespace vox::db {

namespace {
constexpr int firstRetryMs = 250;
constexpr int maxRetryMs = 5000;
} // namespace

Listener::Listener(ConnectionSettings settings, QByteArray channel, QObject *parent)
    : QObject(parent)
    , m_settings(std::move(settings))
    , m_channel(std::move(channel))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &Listener::connectInBackground);
}

Listener::~Listener()
{
    stop();
}

void Listener::start()
{
    if (m_running)
        return;
    m_running = true;
    m_backoffMs = 0;
    connectInBackground();
}

void Listener::stop()
{
    m_running = false;
    m_retry.stop();
    dropConnection();
}

void Listener::connectInBackground()
{
    if (!m_running || m_connecting || m_connection)
        return;
    m_connecting = true;
    // Opening a connection can wait on the network or a database that is still starting: never
    // on the I/O thread. The continuation runs back on this object's thread, and not at all if
    // this object is gone by then.
    const ConnectionSettings settings = m_settings;
    const QByteArray channel = m_channel;
    QtConcurrent::run([settings, channel]() -> std::shared_ptr<Connection> {
        auto opened = Connection::open(settings);
        if (!opened)
            return nullptr;
        std::shared_ptr<Connection> connection = std::move(opened).value();
        if (auto listened = connection->execScript("LISTEN " + channel); !listened) {
            log::warn("events", u"LISTEN failed: %1"_s.arg(listened.errorMessage()));
            return nullptr;
        }
        return connection;
    }).then(this, [this](std::shared_ptr<Connection> connection) { adopt(std::move(connection)); });
}

void Listener::adopt(std::shared_ptr<Connection> connection)
{
    m_connecting = false;
    if (!m_running)
        return;
    if (!connection) {
        m_backoffMs = m_backoffMs == 0 ? firstRetryMs : qMin(m_backoffMs * 2, maxRetryMs);
        m_retry.start(m_backoffMs);
        return;
    }
    m_connection = std::move(connection);
    m_backoffMs = 0;
    m_notifier = new QSocketNotifier(m_connection->socket(), QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &Listener::onReadable);
    log::info("events", u"Listening for live events."_s,
              {{u"channel"_s, QString::fromLatin1(m_channel)}});
    Q_EMIT listening();
    // Anything that arrived between LISTEN and the notifier is already buffered by libpq.
    onReadable();
}

void Listener::onReadable()
{
    if (!m_connection)
        return;
    // Reads what the socket has without waiting; false when the connection is gone.
    const bool alive = m_connection->consumeInput() && !m_connection->isBroken();
    for (const Notification &n : m_connection->takeNotifications()) {
        if (n.channel.toLatin1() == m_channel)
            Q_EMIT notified(n.payload);
    }
    if (alive)
        return;
    log::warn("events", u"The LISTEN connection was lost; reconnecting."_s);
    dropConnection();
    Q_EMIT lost();
    if (m_running) {
        m_backoffMs = firstRetryMs;
        m_retry.start(m_backoffMs);
    }
}

void Listener::dropConnection()
{
    delete m_notifier;
    m_notifier = nullptr;
    m_connection.reset();
}

} // namespace vox::db
