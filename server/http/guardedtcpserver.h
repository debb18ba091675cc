#pragma once

#include "server/http/connectionguard.h"

#include <QSslConfiguration>
#include <QTcpServer>

#include <memory>
#include <optional>

namespace vox::http {

// The listening socket QtHttpServer is bound to. It creates every connection itself, so it can
// refuse connections over the limit (503), attach a ConnectionGuard, and speak TLS: with a
// certificate, sockets are QSslSockets that reach QtHttpServer only once encrypted.
class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuardedTcpServer)

public:
    GuardedTcpServer(const Limits &limits, int maxConnections, std::optional<QSslConfiguration> tls,
                     QObject *parent = nullptr);

    int openConnections() const { return *m_open; }

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void track(QTcpSocket *socket);

    Limits m_limits;
    int m_maxConnections;
    std::optional<QSslConfiguration> m_tls;
    // Shared with the guards, which count down when their socket goes (possibly after this
    // server, their sockets' first parent, handed them to the WebSocket layer).
    std::shared_ptr<int> m_open = std::make_shared<int>(0);
};

} // namespace vox::http
