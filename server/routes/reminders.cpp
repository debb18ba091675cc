#include "server/routes/reminders.h"

#include "server/http/jsonbody.h"
#include "server/services/callactions.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

void registerReminderRoutes(http::Router &router, AppContext &app)
{
    auto actions = std::make_shared<CallActions>(app);
    router.post(u"/api/appointments/:id/send-reminder"_s, http::Auth::User,
                [actions](http::Context &c) {
                    auto id = http::uuidParam(c.request, u"id"_s);
                    if (!id)
                        return http::Response::fromError(id.error());
                    auto body = http::JsonBody::parse(c.request);
                    if (!body)
                        return http::Response::fromError(body.error());
                    auto method = body->requiredEnum(u"method"_s, {u"sms"_s, u"email"_s});
                    if (!method)
                        return http::Response::fromError(method.error());
                    auto sent = actions->sendReminder(c.user(), *id, *method);
                    if (!sent)
                        return http::Response::fromError(sent.error());
                    return http::Response::json(*sent, sendStatus(*sent));
                });
}

} // namespace vox::server
