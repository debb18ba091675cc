#include "server/http/connectionguard.h"

#include "server/http/httpmetrics.h"

#include "server/http/response.h"

#include <QSslSocket>
#include <QTcpSocket>

#include <sys/socket.h>

namespace vox::http {

namespace {

const QByteArray retryLater = "Retry-After: 5\r\n";

} // namespace

qint64 minimumBodyProgress(qint64 minBytesPerSecond, int windowMs, qint64 remaining)
{
    return qMin(remaining, minBytesPerSecond * windowMs / 1000);
}

bool pathMatches(QStringView pattern, QStringView path)
{
    const auto want = pattern.split(u'/');
    const auto have = path.split(u'/');
    if (want.size() != have.size())
        return false;
    for (qsizetype i = 0; i < want.size(); ++i) {
        if (want[i] == u"*" ? have[i].isEmpty() : want[i] != have[i])
            return false;
    }
    return true;
}

qsizetype matchingPath(const QStringList &patterns, QStringView path)
{
    for (qsizetype i = 0; i < patterns.size(); ++i) {
        if (pathMatches(patterns[i], path))
            return i;
    }
    return -1;
}

bool BodyBudget::reserve(qint64 bytes)
{
    if (m_used + bytes > m_capacity)
        return false;
    m_used += bytes;
    return true;
}

ConnectionGuard::ConnectionGuard(QTcpSocket *socket, const Limits &limits,
                                 std::shared_ptr<BodyBudget> budget, std::function<void()> closed)
    : QObject(socket)
    , m_socket(socket)
    , m_limits(limits)
    , m_budget(std::move(budget))
    , m_closed(std::move(closed))
{
    setObjectName(QStringLiteral("vox-connection-guard"));
    connect(socket, &QTcpSocket::readyRead, this, &ConnectionGuard::inspect);
    // A client gone mid-body gives its share of the budget back at once, not when the socket
    // is finally deleted.
    connect(socket, &QTcpSocket::disconnected, this, [this] {
        releaseBody();
        m_timer.stop();
    });
    connect(socket, &QTcpSocket::bytesWritten, this, [this] {
        if (m_state == State::Idle)
            enter(State::Idle); // a client reading a long answer is not idle
    });
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ConnectionGuard::onTimer);
    // The first head's deadline runs from the accept (and covers a TLS handshake).
    enter(State::Head);
}

ConnectionGuard::~ConnectionGuard()
{
    releaseBody();
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
    if (m_state == State::Idle)
        enter(State::Idle);
}

void ConnectionGuard::stop()
{
    m_stopping = true;
    if (!m_socket || m_state == State::Upgraded || m_state == State::Rejected)
        return;
    // A request whose head or body is still arriving has not started: it never will.
    const bool arriving = m_state == State::Body || (m_state == State::Head && !m_head.isEmpty());
    if (m_inFlight > 0) {
        if (arriving)
            stopReading();
        return; // the answer in flight carries Connection: close
    }
    if (arriving) {
        reject("shutting_down", 503, "The server is shutting down; send the request again.",
               retryLater);
        return;
    }
    m_timer.stop();
    m_socket->disconnectFromHost();
}

void ConnectionGuard::enter(State state)
{
    m_state = state;
    switch (state) {
    case State::Head:
        m_timer.start(m_limits.headTimeoutMs);
        return;
    case State::Body:
        m_windowStartRemaining = m_bodyRemaining;
        m_timer.start(m_limits.bodyTimeoutMs);
        return;
    case State::Idle:
        m_timer.start(m_limits.idleTimeoutMs);
        return;
    case State::Upgraded:
    case State::Rejected:
        m_timer.stop();
        return;
    }
}

void ConnectionGuard::onTimer()
{
    if (!m_socket)
        return;
    switch (m_state) {
    case State::Head:
        reject("head_timeout", 408,
               "The request head did not arrive within " +
                   QByteArray::number(m_limits.headTimeoutMs / 1000.0) + " seconds.");
        return;
    case State::Body: {
        const qint64 received = m_windowStartRemaining - m_bodyRemaining;
        if (received < minimumBodyProgress(m_limits.minBodyBytesPerSecond, m_limits.bodyTimeoutMs,
                                           m_windowStartRemaining)) {
            reject("body_too_slow", 408,
                   "The request body arrived too slowly (under " +
                       QByteArray::number(m_limits.minBodyBytesPerSecond) + " bytes per second).");
            return;
        }
        enter(State::Body); // the next window
        return;
    }
    case State::Idle:
        if (m_inFlight > 0) {
            enter(State::Idle); // a slow answer is not an idle client
            return;
        }
        m_socket->disconnectFromHost();
        return;
    case State::Rejected:
        if (m_lingering)
            m_socket->abort(); // the client is quiet or has had its time: no more draining
        return;
    case State::Upgraded:
        return;
    }
}

void ConnectionGuard::inspect()
{
    if (!m_socket || m_state == State::Upgraded || m_state == State::Rejected)
        return;
    const QByteArray data = m_socket->peek(m_socket->bytesAvailable());
    qsizetype pos = 0;
    while (pos < data.size() && m_state != State::Rejected && m_state != State::Upgraded) {
        if (m_state == State::Idle) {
            // The first byte of the next request: no new request starts on a stopping server.
            if (m_stopping) {
                if (m_inFlight > 0)
                    stopReading();
                else
                    reject("shutting_down", 503,
                           "The server is shutting down; send the request again.", retryLater);
                return;
            }
            enter(State::Head);
        }
        if (m_state == State::Body) {
            const qint64 take = qMin<qint64>(m_bodyRemaining, data.size() - pos);
            m_bodyRemaining -= take;
            pos += take;
            if (m_bodyRemaining == 0) {
                releaseBody();
                enter(State::Idle);
            }
            continue;
        }
        // Head: collect until the blank line, never beyond the limit.
        const qsizetype before = m_head.size();
        m_head.append(data.constData() + pos, data.size() - pos);
        const RequestHead head = parseRequestHead(m_head, m_limits.maxHeaderBytes);
        if (head.failed()) {
            reject(head.errorStatus == 431 ? "head_too_large" : "malformed_head", head.errorStatus,
                   head.error);
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
        if (matchingPath(m_limits.webSocketPaths, QString::fromLatin1(head.path())) < 0) {
            reject("websocket_path", 404, "There is no WebSocket endpoint at this path.");
            return;
        }
        // The WebSocket layer keeps its own heartbeats; this guard steps aside.
        enter(State::Upgraded);
        return;
    }
    if (head.transferEncoding) {
        reject("length_required", 411,
               "Send the request body with a Content-Length (chunked or encoded bodies are "
               "not accepted).");
        return;
    }
    const qint64 limit = m_limits.bodyLimit
                             ? m_limits.bodyLimit(head.method, QString::fromLatin1(head.path()))
                             : m_limits.maxBodyBytes;
    if (head.contentLength > limit) {
        reject("body_too_large", 413,
               "The request body is too large (limit " + QByteArray::number(limit) + " bytes).");
        return;
    }
    if (head.contentLength > 0 && m_budget && !m_budget->reserve(head.contentLength)) {
        reject("body_budget", 503,
               "The server is receiving too many request bodies at once; try again shortly.",
               retryLater);
        return;
    }
    m_reserved = head.contentLength;
    m_closeAfterAnswer = !head.keepsAlive();
    if (head.expectContinue && head.contentLength > 0 && m_socket)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    m_bodyRemaining = head.contentLength;
    enter(head.contentLength > 0 ? State::Body : State::Idle);
}

void ConnectionGuard::releaseBody()
{
    if (m_budget && m_reserved > 0)
        m_budget->release(m_reserved);
    m_reserved = 0;
}

void ConnectionGuard::stopReading()
{
    enter(State::Rejected);
    QObject::disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
}

void ConnectionGuard::reject(const char *reason, int status, const QByteArray &message,
                             const QByteArray &extraHeaders)
{
    if (!m_socket || m_state == State::Rejected)
        return;
    httpmetrics::connectionRefusals().labels({QString::fromLatin1(reason)}).inc();
    enter(State::Rejected);
    releaseBody();
    // Nobody else may parse this connection any more.
    QObject::disconnect(m_socket, &QTcpSocket::readyRead, nullptr, nullptr);
    QByteArray body = "{\"error\":\"" + message + "\"}";
    m_socket->write(
        "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) +
        "\r\nContent-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) +
        "\r\nConnection: close\r\n" + extraHeaders + "\r\n" + body);
    m_lingering = true;
    m_lingerStarted.start();
    connect(m_socket, &QTcpSocket::readyRead, this, &ConnectionGuard::discardArriving);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &ConnectionGuard::shutWritingWhenSent);
    discardArriving();
}

void ConnectionGuard::discardArriving()
{
    if (!m_socket)
        return;
    if (m_socket->isTransactionStarted())
        m_socket->commitTransaction();
    m_socket->readAll();
    const qint64 left = m_limits.lingerMaxMs - m_lingerStarted.elapsed();
    m_timer.start(int(qBound<qint64>(0, left, qint64(m_limits.lingerQuietMs))));
}

void ConnectionGuard::shutWritingWhenSent()
{
    if (!m_socket || m_writingShut || m_socket->bytesToWrite() > 0)
        return;
    if (const auto *tls = qobject_cast<QSslSocket *>(m_socket.data());
        tls && tls->encryptedBytesToWrite() > 0)
        return;
    m_writingShut = true;
    ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
}

} // namespace vox::http
