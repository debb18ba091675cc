#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"

namespace vox::server {

// The live call desk (docs/api.md, "Live call desk"): GET /api/live-calls, POST
// /api/calls/:id/control, and the clinic's transfer destinations
// (/api/transfer-destinations, edited by admins).
void registerLiveDeskRoutes(http::Router &router, AppContext &app);

} // namespace vox::server
