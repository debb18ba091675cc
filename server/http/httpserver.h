#pragma once

#include "core/result.h"
#include "server/http/basicrouter.h"
#include "server/http/clientaddress.h"
#include "server/http/connectionguard.h"

#include <QAbstractHttpServer>
#include <QPointer>
#include <QSslConfiguration>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

class QWebSocket;

namespace vox::http {

class GuardedTcpServer;
class StreamChannel;

// The one adapter between QtHttpServer 6.4 and our handlers. QtHttpServer parses requests on the
// I/O thread; we copy each request, run its handler on a worker pool (handlers block on the
// database; routes on the reserved lane have a pool of their own), and write the answer back on the
// I/O thread only if the client is still there (QPointer), in request order per connection.
// Controllers never see QtHttpServer types.
class HttpServer final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    using WebSocketHandler = std::function<void(std::unique_ptr<QWebSocket>)>;

    struct Options
    {
        Limits limits;
        int maxConnections = 512;
        int maxConnectionsPerAddress = 64;
        int workerThreads = 0;
        int reservedWorkerThreads = 0; // for Lane::Reserved routes; 0: chosen from the cores
        std::optional<QSslConfiguration> tls;
        TrustedProxies trustedProxies; // whose forwarding headers name the client
    };

    // Serves `router`, whose handlers take `Context`. User and Admin routes first ask
    // `authenticator` who is calling (an error is the answer, 401 with WWW-Authenticate); the
    // principal's `orgId` goes to the access log and `isAdmin()` opens Admin routes.
    template<class Context>
    HttpServer(const BasicRouter<Context> &router,
               std::function<Result<typename Context::Principal>(const Request &)> authenticator,
               Options options, QObject *parent = nullptr)
        : HttpServer(router, std::move(options), parent)
    {
        m_run = [&router, authenticate = std::move(authenticator)](
                    qsizetype index, const RouteInfo &route, Request &request) -> Response {
            using User = typename Context::Principal;
            std::optional<User> principal;
            if (route.auth != Auth::Public) {
                Result<User> who = authenticate(request);
                if (!who)
                    return Response::fromError(who.error())
                        .withHeader("WWW-Authenticate", "Bearer");
                principal = std::move(who).value();
                request.orgId = principal->orgId;
                if (route.auth == Auth::Admin && !principal->isAdmin())
                    return forbiddenToNonAdmins();
            }
            Context context{request, principal ? &*principal : nullptr};
            return respond(router.handler(index)(context));
        };
    }
    ~HttpServer() override;

    // WebSocket upgrades to `path` (a `*` segment matches any one segment) go to `handler`;
    // several paths may each have their own; upgrades elsewhere are answered 404. Call before
    // listen().
    void setWebSocketHandler(const QString &path, WebSocketHandler handler);

    Result<quint16> listen(const QString &host, quint16 port);
    quint16 port() const { return m_port; }

    // Graceful stop: no new connections and no new request on an open one; answers in flight
    // end their connection (Connection: close) and idle connections close now. Then
    // waitForIdle() waits (up to `timeoutMs`) for the answers in flight.
    void stopAccepting();
    bool waitForIdle(int timeoutMs);
    // Closes every connection once what was written to it is sent (keep-alive clients included),
    // waiting up to `timeoutMs`.
    void closeConnections(int timeoutMs);
    int inFlight() const { return m_inFlight.load(); }
    int openConnections() const;

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    // Authenticates and runs the handler of the route at `index` (bound to the router's context).
    using Run = std::function<Response(qsizetype index, const RouteInfo &route, Request &request)>;

    HttpServer(const RouteTable &routes, Options options, QObject *parent);
    static Response forbiddenToNonAdmins();
    Response dispatch(qsizetype index, const RouteInfo &route, Request &request) const;
    void deliver(QPointer<QTcpSocket> socket, quint64 sequence, Request request,
                 const RouteInfo *route, Response response,
                 std::shared_ptr<StreamChannel> stream = {});
    // Writes the connection's answers that are next in order (stopping at a streamed body).
    void writeReady(QTcpSocket *socket);
    void accessLog(const Request &request, const RouteInfo *route, const Response &response,
                   const QString &orgId) const;

    const RouteTable &m_routes;
    Run m_run;
    Options m_options;
    QThreadPool m_workers;
    QThreadPool m_reservedWorkers;
    GuardedTcpServer *m_tcp = nullptr;
    quint16 m_port = 0;
    std::atomic<int> m_inFlight{0};
    QList<WebSocketHandler> m_webSocketHandlers; // by index in m_options.limits.webSocketPaths
};

} // namespace vox::http
