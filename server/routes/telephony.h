#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"

namespace vox::server {

// Hybrid telephony, PRD §17.4: the eight admin endpoints under /api/telephony with the PRD's
// camelCase shapes, and Twilio's public status callback for validation calls.
void registerTelephonyRoutes(http::Router &router, AppContext &app);

} // namespace vox::server
