#pragma once

#include "server/http/connectionguard.h"

#include <QHash>
#include <QSslConfiguration>
#include <QTcpServer>

#include <memory>
#include <optional>

namespace vox::http {

// The listening socket QtHttpServer is bound to. It creates every connection itself, so it can
// refuse connections over the limits (a written 503, server-wide and per client address), attach
// a ConnectionGuard, and speak TLS: with a certificate, sockets are QSslSockets that reach
// QtHttpServer only once encrypted.
class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuardedTcpServer)

public:
    struct Options
    {
        Limits limits;
        int maxConnections = 512;
        int maxConnectionsPerAddress = 64;
        std::optional<QSslConfiguration> tls;
    };

    explicit GuardedTcpServer(Options options, QObject *parent = nullptr);

    int openConnections() const { return m_counts->open; }

    // Refusals answered at once and still draining: beyond this, a connection over a limit is
    // closed without an answer, so a flood cannot make the refusals themselves a resource.
    static constexpr int maxRefusalsInProgress = 256;

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    void track(QTcpSocket *socket, const QString &address);
    void refuse(QTcpSocket *socket, const char *reason, const QByteArray &message);

    Options m_options;
    // Shared with the guards, which count down when their socket goes (possibly after this
    // server, their sockets' first parent, handed them to the WebSocket layer).
    struct Counts
    {
        int open = 0;
        QHash<QString, int> perAddress;
    };
    std::shared_ptr<Counts> m_counts = std::make_shared<Counts>();
    std::shared_ptr<BodyBudget> m_budget;
    int m_refusing = 0;
};

} // namespace vox::http
