#include "server/http/guardedtcpserver.h"

#include "core/logging/log.h"

#include <QSslSocket>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace vox::http {

GuardedTcpServer::GuardedTcpServer(const Limits &limits, int maxConnections,
                                   std::optional<QSslConfiguration> tls, QObject *parent)
    : QTcpServer(parent)
    , m_limits(limits)
    , m_maxConnections(maxConnections)
    , m_tls(std::move(tls))
{}

void GuardedTcpServer::track(QTcpSocket *socket)
{
    ++*m_open;
    // The guard's destructor counts the connection out: a destroyed() connection would not do,
    // as QtHttpServer 6.4 disconnects every signal of a socket it upgrades to a WebSocket.
    new ConnectionGuard(socket, m_limits, [open = m_open] { --*open; });
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    if (*m_open >= m_maxConnections) {
        // Over the limit: a plain answer and close, without TLS or parsing.
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                      "Retry-After: 1\r\nContent-Length: 50\r\nConnection: close\r\n\r\n"
                      "{\"error\":\"The server is at its connection limit.\"}");
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        socket->disconnectFromHost();
        QTimer::singleShot(2000, socket, &QObject::deleteLater);
        return;
    }

    if (!m_tls) {
        auto *socket = new QTcpSocket(this);
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        track(socket);
        addPendingConnection(socket);
        return; // QTcpServer emits newConnection() after this returns
    }

    auto *socket = new QSslSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    track(socket); // the guard's idle timer also bounds the handshake
    socket->setSslConfiguration(*m_tls);
    connect(socket, &QSslSocket::encrypted, this, [this, socket] {
        addPendingConnection(socket);
        // QtHttpServer 6.4 listens to newConnection only; announce the socket now that it is
        // ready (the earlier emission, at accept time, found nothing pending).
        Q_EMIT newConnection();
    });
    connect(socket, &QSslSocket::sslErrors, socket, [socket](const QList<QSslError> &errors) {
        log::debug("http", u"TLS handshake failed: %1"_s.arg(errors.value(0).errorString()));
        socket->disconnectFromHost();
    });
    connect(socket, &QTcpSocket::disconnected, socket, [socket] {
        if (!socket->isEncrypted())
            socket->deleteLater();
    });
    socket->startServerEncryption();
}

} // namespace vox::http
