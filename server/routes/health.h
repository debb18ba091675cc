#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"

namespace vox::server {

// GET /api/health (liveness: the process answers) and GET /api/ready (the database answers and
// every migration this binary knows is applied).
void registerHealthRoutes(http::Router &router, AppContext &app);

} // namespace vox::server
