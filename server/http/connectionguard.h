#pragma once

#include "server/http/requesthead.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QTimer>

#include <functional>

class QTcpSocket;

namespace vox::http {

struct Limits
{
    int maxHeaderBytes = 16 * 1024;
    qint64 maxBodyBytes = 20 * 1024 * 1024;
    int idleTimeoutMs = 60000;
    // Paths that may upgrade to a WebSocket; any other upgrade is answered 404 before
    // QtHttpServer (which hands over every upgrade, whatever its path) sees it.
    QStringList webSocketPaths;
};

// Watches one connection before QtHttpServer parses it, enforcing what Qt 6.4 lacks: a limit on
// the request head (431) and body (413, decided from Content-Length before the body arrives),
// an idle timeout, and "Expect: 100-continue". It sees each byte once: its readyRead slot is
// connected before QtHttpServer's, and it only peeks. A child of the socket: `closed` runs when
// the socket is destroyed, even after QtHttpServer disconnected the socket's signals.
class ConnectionGuard final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionGuard)

public:
    ConnectionGuard(QTcpSocket *socket, const Limits &limits, std::function<void()> closed = {});
    ~ConnectionGuard() override;

    static ConnectionGuard *of(QTcpSocket *socket);

    // Requests handed to workers and not yet answered: the idle timer waits for them.
    void requestStarted() { ++m_inFlight; }
    void requestFinished();

    // Answers with a JSON error and closes, leaving QtHttpServer out of it.
    void reject(int status, const QByteArray &message, const QByteArray &extraHeaders = {});

private:
    void inspect();
    void onHead(const RequestHead &head);
    void onIdle();

    QPointer<QTcpSocket> m_socket;
    Limits m_limits;
    QTimer m_idle;
    enum class State { Head, Body, Upgraded, Rejected } m_state = State::Head;
    QByteArray m_head;
    qint64 m_bodyRemaining = 0;
    int m_inFlight = 0;
    std::function<void()> m_closed;
};

} // namespace vox::http
