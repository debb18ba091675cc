#pragma once

#include "server/http/request.h"
#include "server/http/response.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace vox::http {

// Who may call a route. Public routes that need another proof (Vapi's secret) check it
// themselves.
enum class Auth { Public, User, Admin };

// Which workers run a route. Reserved workers serve only the routes given to them, so whatever
// fills the shared pool (slow providers, many clients) never delays those routes.
enum class Lane { Shared, Reserved };

// A route as the transport sees it: where it is, who may call it, how it is run. The handler is
// kept by BasicRouter, typed by the application's context.
struct RouteInfo
{
    QByteArray method;
    QString pattern; // "/api/contacts/:id"
    QStringList segments;
    Auth auth = Auth::User;
    // Answered on the I/O thread without touching the database (liveness): cheapest possible.
    bool inlineOnIoThread = false;
    // The largest body this route accepts; 0: the server's default for JSON routes.
    qint64 maxBodyBytes = 0;
    Lane lane = Lane::Shared;
};

// Method + path pattern -> route, without handlers: matching, body limits and lanes. Filled once
// at start-up, read concurrently afterwards.
class RouteTable
{
public:
    struct Match
    {
        const RouteInfo *route = nullptr;
        qsizetype index = -1; // of the route, for its handler
        QHash<QString, QString> params;
        QList<QByteArray> allowedMethods; // when the path exists with other methods (405)
    };
    Match match(const QByteArray &method, const QString &path) const;

    // Gives the route `method pattern` a body limit of its own (uploads); false if no such route.
    bool setBodyLimit(const QByteArray &method, const QString &pattern, qint64 bytes);
    // Runs the route `method pattern` on the reserved workers; false if no such route.
    bool reserve(const QByteArray &method, const QString &pattern);
    // The body limit of the route a request would reach; `fallback` for other routes and paths
    // that match none (they are answered 404 or 405 without reading a large body).
    qint64 bodyLimit(const QByteArray &method, const QString &path, qint64 fallback) const;

    const QList<RouteInfo> &routes() const { return m_routes; }

protected:
    void addRoute(QByteArray method, const QString &pattern, Auth auth, bool inlineOnIoThread);

private:
    QList<RouteInfo> m_routes;
};

// The principal of an application nobody signs in to (the provider sandbox): its routes are
// Public, and a User or Admin route would be refused by its authenticator.
struct Nobody
{
    QString orgId;
    bool isAdmin() const { return false; }
};

// What a handler sees: the request and, on User and Admin routes, the signed-in user its
// authenticator returned. An application may bring its own context instead (the server's adds
// the user's database access): HttpServer needs `Context::Principal` (with `orgId` and
// `isAdmin()`) and `Context{request, principal}`.
template<class P> struct BasicContext
{
    using Principal = P;

    const Request &request;
    const Principal *principal = nullptr;

    // The signed-in user; only valid on User and Admin routes.
    const Principal &user() const { return *principal; }
    QString orgId() const { return principal ? principal->orgId : QString(); }
};

// What a handler returns: a response, or an error that the server answers through
// Response::fromError (respond()), so a handler returns early with `return x.error();`.
using Reply = Result<Response>;

// The routes of an application whose handlers take `Context`.
template<class Context> class BasicRouter : public RouteTable
{
public:
    using Handler = std::function<Reply(Context &)>;

    void add(QByteArray method, const QString &pattern, Auth auth, Handler handler,
             bool inlineOnIoThread = false)
    {
        addRoute(std::move(method), pattern, auth, inlineOnIoThread);
        m_handlers.append(std::move(handler));
    }
    void get(const QString &pattern, Auth auth, Handler handler)
    {
        add("GET", pattern, auth, std::move(handler));
    }
    void post(const QString &pattern, Auth auth, Handler handler)
    {
        add("POST", pattern, auth, std::move(handler));
    }
    void put(const QString &pattern, Auth auth, Handler handler)
    {
        add("PUT", pattern, auth, std::move(handler));
    }
    void patch(const QString &pattern, Auth auth, Handler handler)
    {
        add("PATCH", pattern, auth, std::move(handler));
    }
    void del(const QString &pattern, Auth auth, Handler handler)
    {
        add("DELETE", pattern, auth, std::move(handler));
    }

    // The handler of the route at `index` in routes() (Match::index).
    const Handler &handler(qsizetype index) const { return m_handlers.at(index); }

private:
    QList<Handler> m_handlers;
};

} // namespace vox::http
