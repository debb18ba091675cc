#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"
#include "server/services/vapiwebhooks.h"

#include <memory>

namespace vox::server {

// POST /api/webhooks/vapi: Vapi's server messages, authenticated by x-vapi-secret or HMAC.
void registerVapiWebhookRoutes(http::Router &router, AppContext &app,
                               std::shared_ptr<VapiWebhookService> webhooks);

} // namespace vox::server
