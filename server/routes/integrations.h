#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"

namespace vox::server {

// GET /api/integrations; PUT/DELETE /api/integrations/twilio; GET
// /api/integrations/google/auth-url, GET /api/integrations/google/callback (public, for the
// browser), DELETE /api/integrations/google; PUT /api/integrations/resend. Admin only, except the
// browser's return from Google.
void registerIntegrationRoutes(http::Router &router, AppContext &app);

} // namespace vox::server
