#pragma once

#include "server/http/principal.h"
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

struct Context
{
    const Request &request;
    const Principal *principal = nullptr;

    // The signed-in user; only valid on User and Admin routes.
    const Principal &user() const { return *principal; }
    QString orgId() const { return principal ? principal->orgId : QString(); }
    db::Access access() const { return principal ? principal->access() : db::Access::service(); }
};

using Handler = std::function<Response(Context &)>;

// Which workers run a route. Reserved workers serve only the routes given to them, so whatever
// fills the shared pool (slow providers, many clients) never delays those routes.
enum class Lane { Shared, Reserved };

struct Route
{
    QByteArray method;
    QString pattern; // "/api/contacts/:id"
    QStringList segments;
    Auth auth = Auth::User;
    Handler handler;
    // Answered on the I/O thread without touching the database (liveness): cheapest possible.
    bool inlineOnIoThread = false;
    // The largest body this route accepts; 0: the server's default for JSON routes.
    qint64 maxBodyBytes = 0;
    Lane lane = Lane::Shared;
};

// Method + path pattern -> handler. Filled once at start-up, read concurrently afterwards.
class Router
{
public:
    void add(QByteArray method, const QString &pattern, Auth auth, Handler handler,
             bool inlineOnIoThread = false);
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

    struct Match
    {
        const Route *route = nullptr;
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

    const QList<Route> &routes() const { return m_routes; }

private:
    QList<Route> m_routes;
};

} // namespace vox::http
