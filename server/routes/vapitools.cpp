#include "server/routes/vapitools.h"

#include "server/services/vapiauth.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

void registerVapiToolRoutes(http::Router &router, AppContext &app,
                            std::shared_ptr<VapiToolService> tools)
{
    router.post(u"/api/vapi/tools"_s, http::Auth::Public,
                [&app, tools](http::Context &c) -> http::Reply {
                    if (auto ok = authenticateVapi(c.request, app.config); !ok)
                        return ok.error();
                    auto message = vapi::Message::parse(c.request.body);
                    if (!message)
                        return message.error();
                    if (message->toolCalls().isEmpty())
                        return http::Response::json(QJsonObject{{u"results"_s, QJsonArray{}}});
                    return http::Response::json(tools->answer(*message));
                });
}

} // namespace vox::server
