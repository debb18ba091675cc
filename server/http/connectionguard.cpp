#include "server/http/connectionguard.h"

#include "server/http/response.h"

#include <QTcpSocket>

namespace vox::http {

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const Limits &limits,
                                 std::function<void()> closed)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
    , m_closed(std::move(closed))
{
    setObjectName(QStringLiteral("vox-connection-guard"));
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::inspect);
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_state != State::Upgraded)
            m_idle.start();
    });
    m_idle.setSingleShot(true);
    m_idle.setInterval(m_limits.idleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, &ConnectionGuard::onIdle);
    m_idle.start();
}

ConnectionGuard::~ConnectionGuard()
{
    if (m_closed)
        m_closed();
}

ConnectionGuard *ConnectionGuard::of(QTcpSocket *socket)
{
    return socket ? socket->findChild<ConnectionGuard *>(QStringLiteral("vox-connection-guard"),
                                                         Qt::FindDirectChildrenOnly)
                  : nullptr;
}

void ConnectionGuard::requestFinished()
{
    if (m_inFlight > 0)
        --m_inFlight;
    if (m_state != State::Upgraded)
        m_idle.start();
}

void ConnectionGuard::onIdle()
{
    if (!m_socket)
        return;
    if (m_inFlight > 0) {
        m_idle.start(); // a slow answer is not an idle client
        return;
    }
    m_socket->disconnectFromHost();
}

void ConnectionGuard::inspect()
{
    if (!m_socket || m_state == State::Upgraded || m_state == State::Rejected)
        return;
    m_idle.start();
    const QByteArray data = m_socket->peek(m_socket->bytesAvailable());
    qsizetype pos = 0;
    while (pos < data.size() && m_state != State::Rejected && m_state != State::Upgraded) {
        if (m_state == State::Body) {
            const qint64 take = qMin<qint64>(m_bodyRemaining, data.size() - pos);
            m_bodyRemaining -= take;
            pos += take;
            if (m_bodyRemaining == 0)
                m_state = State::Head;
            continue;
        }
        // Head: collect until the blank line, never beyond the limit.
        const qsizetype before = m_head.size();
        m_head.append(data.constData() + pos, data.size() - pos);
        const RequestHead head = parseRequestHead(m_head, m_limits.maxHeaderBytes);
        if (head.failed()) {
            reject(head.errorStatus, head.error);
            return;
        }
        if (!head.complete())
            return;
        pos += head.headLength - before;
        m_head.clear();
        onHead(head);
    }
}

void ConnectionGuard::onHead(const RequestHead &head)
{
    if (head.upgradeWebSocket) {
        if (!m_limits.webSocketPaths.contains(QString::fromLatin1(head.path()))) {
            reject(404, "There is no WebSocket endpoint at this path.");
            return;
        }
        // The WebSocket layer keeps its own heartbeats; this guard steps aside.
        m_state = State::Upgraded;
        m_idle.stop();
        return;
    }
    if (head.transferEncoding) {
        reject(411, "Send the request body with a Content-Length (chunked or encoded bodies are "
                    "not accepted).");
        return;
    }
    if (head.contentLength > m_limits.maxBodyBytes) {
        reject(413, "The request body is too large (limit " +
                        QByteArray::number(m_limits.maxBodyBytes) + " bytes).");
        return;
    }
    if (head.expectContinue && head.contentLength > 0 && m_socket)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    m_bodyRemaining = head.contentLength;
    m_state = head.contentLength > 0 ? State::Body : State::Head;
}

void ConnectionGuard::reject(int status, const QByteArray &message, const QByteArray &extraHeaders)
{
    if (!m_socket || m_state == State::Rejected)
        return;
    m_state = State::Rejected;
    // Nobody else may parse this connection any more.
    QObject::disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    QByteArray body = "{\"error\":\"" + message + "\"}";
    m_socket->write(
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
        "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
        "\r\nConnection: close\r\n" + extraHeaders + "\r\n" + body);
    // Keep draining what the client still sends for a moment, so it reads the answer instead of
    // a connection reset, then close.
    QPointer<QTcpSocket> socket = m_socket;
    const auto drain = [socket] {
        if (!socket)
            return;
        if (socket->isTransactionStarted())
            socket->commitTransaction();
        socket->readAll();
    };
    connect(m_socket, &QTcpSocket::readyRead, this, drain);
    drain();
    QTimer::singleShot(1000, m_socket, [socket] {
        if (socket)
            socket->disconnectFromHost();
    });
}

} // namespace vox::http
