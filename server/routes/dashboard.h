#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"

namespace vox::server {

// GET /api/dashboard/summary?range=, GET /api/dashboard/recent-activity.
void registerDashboardRoutes(http::Router &router, AppContext &app);

} // namespace vox::server
