#include "server/routes/health.h"

#include "server/db/migrator.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

void registerHealthRoutes(http::Router &router, AppContext &app)
{
    router.add(
        "GET", u"/api/health"_s, http::Auth::Public,
        [](http::Context &) {
            return http::Response::json(
                {{u"status"_s, u"ok"_s}, {u"version"_s, QCoreApplication::applicationVersion()}});
        },
        /*inlineOnIoThread=*/true);

    router.get(u"/api/ready"_s, http::Auth::Public, [&app](http::Context &) {
        auto conn = app.db.connection();
        if (!conn)
            return http::Response::json({{u"status"_s, u"unavailable"_s},
                                         {u"error"_s, u"The database is not reachable."_s}},
                                        503);
        static const auto known = db::Migrator::load();
        if (!known)
            return http::Response::error(500, known.errorMessage());
        db::Migrator migrator(**conn, *known);
        const auto status = migrator.status();
        if (!status)
            return http::Response::json({{u"status"_s, u"unavailable"_s},
                                         {u"error"_s, u"The database schema cannot be read."_s}},
                                        503);
        if (!status->current())
            return http::Response::json(
                {{u"status"_s, u"unavailable"_s},
                 {u"error"_s,
                  u"%1 database migration(s) are not applied yet."_s.arg(status->pending.size())}},
                503);
        return http::Response::json({{u"status"_s, u"ready"_s},
                                     {u"schema_version"_s, status->applied.constLast().version}});
    });
}

} // namespace vox::server
