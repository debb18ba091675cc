#include "server/routes/health.h"

#include "server/db/migrator.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

// Not ready yet, and a load balancer or orchestrator should ask again shortly.
http::Response notReady(const QString &why)
{
    return http::Response::json({{u"status"_s, u"unavailable"_s}, {u"error"_s, why}}, 503)
        .withHeader("Retry-After", QByteArray::number(http::Response::databaseRetryAfterSeconds));
}

} // namespace

void registerHealthRoutes(http::Router &router, AppContext &app)
{
    router.add(
        "GET", u"/api/health"_s, http::Auth::Public,
        [sandbox = app.config.runsAgainstSandboxOnly()](http::Context &) -> http::Reply {
            // `sandbox`: every provider is the sandbox, so the console can say that nothing it
            // sends reaches anyone.
            return http::Response::json({{u"status"_s, u"ok"_s},
                                         {u"version"_s, QCoreApplication::applicationVersion()},
                                         {u"sandbox"_s, sandbox}});
        },
        /*inlineOnIoThread=*/true);

    router.get(u"/api/ready"_s, http::Auth::Public, [&app](http::Context &) -> http::Reply {
        static const auto known = db::Migrator::load();
        if (!known)
            return http::Response::error(500, known.errorMessage());
        // The thread's connection may have died while idle (a database restart): one
        // fresh connection is tried before the answer is "not ready".
        for (int attempt = 0; attempt < 2; ++attempt) {
            auto conn = app.db.connection();
            if (!conn)
                continue;
            db::Migrator migrator(**conn, *known);
            const auto status = migrator.status();
            if (!status) {
                if (db::isUnavailable(status.error()) || (*conn)->isBroken()) {
                    app.db.closeThreadConnection();
                    continue;
                }
                return notReady(u"The database schema cannot be read."_s);
            }
            if (!status->current())
                return notReady(
                    u"%1 database migration(s) are not applied yet."_s.arg(status->pending.size()));
            return http::Response::json(
                {{u"status"_s, u"ready"_s},
                 {u"schema_version"_s, status->applied.constLast().version}});
        }
        return notReady(u"The database is not reachable."_s);
    });
}

} // namespace vox::server
