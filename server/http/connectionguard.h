#pragma once

#include "server/http/requesthead.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <functional>
#include <memory>

class QTcpSocket;

namespace vox::http {

struct Limits
{
    int maxHeaderBytes = 16 * 1024;
    // Bodies of routes without their own limit.
    qint64 maxBodyBytes = 256 * 1024;
    // The limit of one route (method, path); empty: maxBodyBytes for every route.
    std::function<qint64(const QByteArray &method, const QString &path)> bodyLimit;
    qint64 maxBodyBytesInFlight = 64 * 1024 * 1024;
    int idleTimeoutMs = 60000;
    int headTimeoutMs = 10000;
    int bodyTimeoutMs = 10000;
    qint64 minBodyBytesPerSecond = 1024;
    // After a refusal: how long the client may stay quiet, and stay at all, while what it still
    // sends is read and discarded (see ConnectionGuard::reject).
    int lingerQuietMs = 2000;
    int lingerMaxMs = 10000;
    // Paths that may upgrade to a WebSocket (a `*` segment matches any one segment); any other
    // upgrade is answered 404 before QtHttpServer (which hands over every upgrade, whatever its
    // path) sees it.
    QStringList webSocketPaths;
};

// Bytes of a body that must have arrived in a window of `windowMs` for the body not to be too
// slow: the rate times the window, or what remained of the body if that is less.
qint64 minimumBodyProgress(qint64 minBytesPerSecond, int windowMs, qint64 remaining);

// Whether `path` matches `pattern`, segment by segment, where a `*` segment matches any one
// non-empty segment ("/api/calls/*/listen").
bool pathMatches(QStringView pattern, QStringView path);
// The first of `patterns` that `path` matches; -1 when none does.
qsizetype matchingPath(const QStringList &patterns, QStringView path);

// Declared bodies being received, server-wide: without a bound, a crowd of slow uploads holds
// gigabytes in QtHttpServer's buffers. Used on the I/O thread only.
class BodyBudget final
{
public:
    explicit BodyBudget(qint64 capacity)
        : m_capacity(capacity)
    {}
    bool reserve(qint64 bytes);
    void release(qint64 bytes) { m_used -= bytes; }
    qint64 used() const { return m_used; }

private:
    qint64 m_capacity;
    qint64 m_used = 0;
};

// Watches one connection before QtHttpServer parses it, enforcing what Qt 6.4 lacks: limits on
// the request head (431) and body (413 per route, 503 over the server-wide budget, decided from
// Content-Length before the body arrives), deadlines (408 for a head not whole in time or a body
// below the minimum rate; a quiet close for a keep-alive connection idle between requests),
// "Expect: 100-continue", and a stop that lets no new request start. It sees each byte once:
// its readyRead slot is connected before QtHttpServer's, and it only peeks. A child of the
// socket: `closed` runs when the socket is destroyed, even after QtHttpServer disconnected the
// socket's signals.
class ConnectionGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionGuard)

public:
    ConnectionGuard(QTcpSocket *socket, const Limits &limits, std::shared_ptr<BodyBudget> budget,
                    std::function<void()> closed = {});
    ~ConnectionGuard() override;

    static ConnectionGuard *of(QTcpSocket *socket);

    // Requests handed to workers and not yet answered: the idle timer waits for them.
    void requestStarted() { ++m_inFlight; }
    void requestFinished();

    // The client asked for the connection to end after this answer (HTTP/1.0 without
    // keep-alive), or the server is stopping.
    bool closesAfterAnswer() const { return m_closeAfterAnswer || m_stopping; }

    // The server stops: no new request starts here; a connection with nothing in flight closes.
    void stop();

    // Answers with a JSON error and closes, leaving QtHttpServer out of it. The close lingers:
    // a client still sending a body it was refused would otherwise get a reset from our kernel
    // that discards the answer before the client read it, so the write side is shut once the
    // answer is out (the client sees the answer, then the end) and what still arrives is read
    // and dropped until the client closes, goes quiet, or the lingering time is up.
    // `reason` names the refusal in the metrics, from a closed set (a literal).
    void reject(const char *reason, int status, const QByteArray &message,
                const QByteArray &extraHeaders = {});

private:
    enum class State { Head, Body, Idle, Upgraded, Rejected };

    void inspect();
    void onHead(const RequestHead &head);
    void enter(State state);
    void onTimer();
    // Stops feeding QtHttpServer without answering: the answer in flight ends the connection.
    void stopReading();
    void releaseBody();
    void discardArriving();
    void shutWritingWhenSent();

    QPointer<QTcpSocket> m_socket;
    Limits m_limits;
    std::shared_ptr<BodyBudget> m_budget;
    QTimer m_timer; // the deadline of the current state
    State m_state = State::Head;
    QByteArray m_head;
    qint64 m_bodyRemaining = 0;
    qint64 m_windowStartRemaining = 0;
    qint64 m_reserved = 0;
    int m_inFlight = 0;
    bool m_closeAfterAnswer = false;
    bool m_stopping = false;
    bool m_lingering = false;
    bool m_writingShut = false;
    QElapsedTimer m_lingerStarted;
    std::function<void()> m_closed;
};

} // namespace vox::http
