#include "server/routes/callback.h"

#include "server/http/jsonbody.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

void registerCallBackRoutes(http::Router &router, std::shared_ptr<CallBackService> callBacks)
{
    router.post(
        u"/api/contacts/:id/call-back"_s, http::Auth::User,
        [callBacks](http::Context &c) -> http::Reply {
            auto id = http::uuidParam(c.request, u"id"_s);
            if (!id)
                return id.error();
            auto placed = callBacks->callBack(c.access(), c.orgId(), *id);
            if (placed)
                return http::Response::json(*placed);
            const Error &error = placed.error();
            if ((error.kind == ErrorKind::ProviderFailed || error.kind == ErrorKind::Unavailable) &&
                http::isUuid(error.subject)) {
                // The record exists, marked failed: say so, with Vapi's reason.
                return http::Response::json({{u"error"_s, error.message},
                                             {u"callId"_s, error.subject},
                                             {u"status"_s, u"failed"_s}},
                                            http::statusOf(error.kind));
            }
            return error;
        });
}

} // namespace vox::server
