#include "server/routes/listenin.h"

#include "server/http/jsonbody.h"
#include "server/services/listenrelay.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

void registerListenInRoutes(http::Router &router, AppContext &app)
{
    router.get(
        u"/api/calls/:id/listen"_s, http::Auth::User, [&app](http::Context &c) -> http::Reply {
            auto id = http::uuidParam(c.request, u"id"_s);
            if (!id)
                return id.error();
            const http::Principal &who = c.user();
            auto url = app.db.transaction<QString>(who.access(), [&](db::Transaction &tx) {
                return ListenRelay::listenUrlOf(app, tx, who.orgId, *id);
            });
            if (!url)
                return url.error();
            // The address itself stays here; only the relay uses it.
            return http::Response::json(
                QJsonObject{{u"error"_s, u"Open this address as a WebSocket to listen in."_s}},
                426);
        });
}

} // namespace vox::server
