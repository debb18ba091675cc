#include "server/http/guardedtcpserver.h"

#include "server/http/httpmetrics.h"

#include "core/logging/log.h"

#include <QSslSocket>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace vox::http {

GuardedTcpServer::GuardedTcpServer(Options options, QObject *parent)
    : QTcpServer(parent)
    , m_options(std::move(options))
    , m_budget(std::make_shared<BodyBudget>(m_options.limits.maxBodyBytesInFlight))
{}

void GuardedTcpServer::track(QTcpSocket *socket, const QString &address)
{
    ++m_counts->open;
    ++m_counts->perAddress[address];
    // The guard's destructor counts the connection out: a destroyed() connection would not do,
    // as QtHttpServer 6.4 disconnects every signal of a socket it upgrades to a WebSocket.
    new ConnectionGuard(socket, m_options.limits, m_budget, [counts = m_counts, address] {
        --counts->open;
        if (--counts->perAddress[address] <= 0)
            counts->perAddress.remove(address);
    });
}

void GuardedTcpServer::refuse(QTcpSocket *socket, const char *reason, const QByteArray &message)
{
    httpmetrics::connectionRefusals().labels({QString::fromLatin1(reason)}).inc();
    if (m_refusing >= maxRefusalsInProgress) {
        socket->abort();
        delete socket;
        return;
    }
    ++m_refusing;
    connect(socket, &QObject::destroyed, this, [this] { --m_refusing; });
    const QByteArray body = "{\"error\":\"" + message + "\"}";
    socket->write("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
                  "Retry-After: 5\r\nContent-Length: " +
                  QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
    // Closing with the client's request unread would make the kernel answer with a reset that
    // can overtake the 503: read the head (briefly) first, then close.
    const auto drainThenClose = [socket] {
        if (socket->readAll().contains("\r\n\r\n"))
            socket->disconnectFromHost();
    };
    connect(socket, &QTcpSocket::readyRead, socket, drainThenClose);
    connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
    drainThenClose();
    QTimer::singleShot(1000, socket, [socket] { socket->disconnectFromHost(); });
    QTimer::singleShot(3000, socket, &QObject::deleteLater);
}

void GuardedTcpServer::incomingConnection(qintptr descriptor)
{
    QTcpSocket *socket = m_options.tls ? new QSslSocket(this) : new QTcpSocket(this);
    if (!socket->setSocketDescriptor(descriptor)) {
        delete socket;
        return;
    }
    const QString address = socket->peerAddress().toString();
    if (m_counts->open >= m_options.maxConnections) {
        // Without TLS or parsing: a plain answer.
        refuse(socket, "connection_limit", "The server is at its connection limit.");
        return;
    }
    if (m_counts->perAddress.value(address) >= m_options.maxConnectionsPerAddress) {
        refuse(socket, "address_limit", "Too many connections from this address.");
        return;
    }
    track(socket, address);

    if (!m_options.tls) {
        addPendingConnection(socket);
        return; // QTcpServer emits newConnection() after this returns
    }
    auto *tls = static_cast<QSslSocket *>(socket);
    tls->setSslConfiguration(*m_options.tls);
    connect(tls, &QSslSocket::encrypted, this, [this, tls] {
        addPendingConnection(tls);
        // QtHttpServer 6.4 listens to newConnection only; announce the socket now that it is
        // ready (the earlier emission, at accept time, found nothing pending).
        Q_EMIT newConnection();
    });
    connect(tls, &QSslSocket::sslErrors, tls, [tls](const QList<QSslError> &errors) {
        log::debug("http", u"TLS handshake failed: %1"_s.arg(errors.value(0).errorString()));
        tls->disconnectFromHost();
    });
    connect(tls, &QTcpSocket::disconnected, tls, [tls] {
        if (!tls->isEncrypted())
            tls->deleteLater();
    });
    tls->startServerEncryption();
}

} // namespace vox::http
