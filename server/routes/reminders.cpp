#include "server/routes/reminders.h"

#include "server/http/jsonbody.h"
#include "server/services/callactions.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

void registerReminderRoutes(http::Router &router, AppContext &app)
{
    auto actions = std::make_shared<CallActions>(app);
    router.post(u"/api/appointments/:id/send-reminder"_s, http::Auth::User,
                [actions](http::Context &c) -> http::Reply {
                    auto id = http::uuidParam(c.request, u"id"_s);
                    if (!id)
                        return id.error();
                    auto body = http::JsonBody::parse(c.request);
                    if (!body)
                        return body.error();
                    auto method = body->requiredEnum(u"method"_s, {u"sms"_s, u"email"_s});
                    if (!method)
                        return method.error();
                    auto sent = actions->sendReminder(c.user(), *id, *method);
                    if (!sent)
                        return sent.error();
                    return http::Response::json(*sent, sendStatus(*sent));
                });
}

} // namespace vox::server
