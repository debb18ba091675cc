#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"

namespace vox::server {

// GET /api/org/settings; PATCH /api/org/settings (owner or admin).
void registerSettingsRoutes(http::Router &router, AppContext &app);

} // namespace vox::server
