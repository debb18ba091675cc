#include "server/routes/callactions.h"

#include "server/http/jsonbody.h"
#include "server/services/callactions.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

void registerCallActionRoutes(http::Router &router, AppContext &app)
{
    auto actions = std::make_shared<CallActions>(app);

    router.post(u"/api/calls-dashboard/:id/followup"_s, http::Auth::User,
                [actions](http::Context &c) -> http::Reply {
                    auto id = http::uuidParam(c.request, u"id"_s);
                    if (!id)
                        return id.error();
                    auto body = http::JsonBody::parse(c.request);
                    if (!body)
                        return body.error();
                    auto message = body->requiredString(u"message"_s, 160);
                    if (!message)
                        return message.error();
                    auto force = body->optionalBool(u"force"_s);
                    if (!force)
                        return force.error();
                    auto sent = actions->followUp(c.user(), *id, *message, force->value_or(false));
                    if (!sent)
                        return sent.error();
                    return http::Response::json(*sent, sendStatus(*sent));
                });

    router.post(u"/api/calls-dashboard/:id/share"_s, http::Auth::User,
                [actions](http::Context &c) -> http::Reply {
                    auto id = http::uuidParam(c.request, u"id"_s);
                    if (!id)
                        return id.error();
                    auto body = http::JsonBody::parse(c.request);
                    if (!body)
                        return body.error();
                    auto email = body->requiredString(u"email"_s, 254);
                    if (!email)
                        return email.error();
                    auto shared =
                        actions->shareRecording(c.user(), *id, *email, c.request.remoteAddress);
                    if (!shared)
                        return shared.error();
                    return http::Response::json(*shared);
                });

    router.post(u"/api/calls-dashboard/:id/transcript/export"_s, http::Auth::User,
                [actions](http::Context &c) -> http::Reply {
                    auto id = http::uuidParam(c.request, u"id"_s);
                    if (!id)
                        return id.error();
                    auto body = http::JsonBody::parse(c.request);
                    if (!body)
                        return body.error();
                    auto format = body->optionalEnum(u"format"_s, {u"txt"_s});
                    if (!format)
                        return format.error();
                    auto exported =
                        actions->exportTranscript(c.user(), *id, c.request.remoteAddress);
                    if (!exported)
                        return exported.error();
                    return http::Response::attachment(exported->text, "text/plain; charset=utf-8",
                                                      exported->fileName)
                        .withHeader("Cache-Control", "no-store");
                });

    // The recording itself, streamed through the server: the link never leads to the provider, so
    // it stops working when it expires or is revoked.
    router.get(u"/api/recordings/shared/:token"_s, http::Auth::Public,
               [actions](http::Context &c) -> http::Reply {
                   auto served =
                       actions->sharedRecording(c.request.param(u"token"_s),
                                                c.request.remoteAddress, c.request.header("range"));
                   if (!served)
                       return served.error();
                   http::Response r = std::move(served).value();
                   return r.withHeader("X-Robots-Tag", "noindex");
               });

    router.get(u"/api/calls-dashboard/:id/recording"_s, http::Auth::User,
               [actions](http::Context &c) -> http::Reply {
                   auto id = http::uuidParam(c.request, u"id"_s);
                   if (!id)
                       return id.error();
                   return actions->playRecording(c.user(), *id, c.request.remoteAddress,
                                                 c.request.header("range"));
               });

    router.get(u"/api/calls-dashboard/:id/shares"_s, http::Auth::Admin,
               [actions](http::Context &c) -> http::Reply {
                   auto id = http::uuidParam(c.request, u"id"_s);
                   if (!id)
                       return id.error();
                   auto shares = actions->activeShares(c.user(), *id);
                   if (!shares)
                       return shares.error();
                   return http::Response::json(*shares);
               });

    router.del(u"/api/recording-shares/:id"_s, http::Auth::Admin,
               [actions](http::Context &c) -> http::Reply {
                   auto id = http::uuidParam(c.request, u"id"_s);
                   if (!id)
                       return id.error();
                   auto revoked = actions->revokeShare(c.user(), *id);
                   if (!revoked)
                       return revoked.error();
                   return http::Response::json(*revoked);
               });
}

} // namespace vox::server
