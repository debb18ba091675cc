#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"

namespace vox::server {

// Hybrid telephony: the eight admin endpoints under /api/telephony with camelCase shapes
// (docs/api.md), and Twilio's public status callback for validation calls.
void registerTelephonyRoutes(http::Router &router, AppContext &app);

} // namespace vox::server
