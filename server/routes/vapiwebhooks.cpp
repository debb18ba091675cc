#include "server/routes/vapiwebhooks.h"

#include "server/services/vapiauth.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

void registerVapiWebhookRoutes(http::Router &router, AppContext &app,
                               std::shared_ptr<VapiWebhookService> webhooks)
{
    router.post(
        u"/api/webhooks/vapi"_s, http::Auth::Public,
        [&app, webhooks](http::Context &c) -> http::Reply {
            // Nothing is read or stored before the request proves it comes from Vapi.
            if (auto ok = authenticateVapi(c.request, app.config); !ok)
                return ok.error();
            auto message = vapi::Message::parse(c.request.body);
            if (!message)
                return message.error();
            const VapiWebhookService::Answer answer = webhooks->handle(*message, c.request.body);
            http::Response response = http::Response::json(answer.body, answer.status);
            if (answer.retryAfterSeconds > 0)
                response.withHeader("Retry-After", QByteArray::number(answer.retryAfterSeconds));
            return response;
        });
}

} // namespace vox::server
