#pragma once

#include "server/db/connection.h"
#include "server/db/connectionsettings.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

#include <memory>

class QSocketNotifier;

namespace vox::db {

// LISTENs on one channel with a connection of its own and reports each NOTIFY payload, on the
// thread it lives on (the I/O thread) without ever blocking it: connecting runs on a worker,
// and afterwards the connection is only read when its socket has data (QSocketNotifier).
// When the connection breaks (the database restarted, the backend was terminated) it
// reconnects with backoff and says so: notifications sent meanwhile are lost, and the owner
// catches up from its table.
class Listener final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Listener)

public:
    Listener(ConnectionSettings settings, QByteArray channel, QObject *parent = nullptr);
    ~Listener() override;

    void start();
    void stop();
    bool isListening() const { return m_connection != nullptr; }

Q_SIGNALS:
    // LISTEN is in place (again): every notification from now on is delivered.
    void listening();
    void lost();
    void notified(const QByteArray &payload);

private:
    void connectInBackground();
    void adopt(std::shared_ptr<Connection> connection);
    void onReadable();
    void dropConnection();

    ConnectionSettings m_settings;
    QByteArray m_channel;
    std::shared_ptr<Connection> m_connection;
    QSocketNotifier *m_notifier = nullptr;
    QTimer m_retry;
    int m_backoffMs = 0;
    bool m_running = false;
    bool m_connecting = false;
};

} // namespace vox::db
