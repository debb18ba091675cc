#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"

namespace vox::server {

// POST /api/auth/signup, /login, /refresh, /logout, /password; GET /api/me;
// GET/POST /api/org/users.
void registerAuthRoutes(http::Router &router, AppContext &app);

} // namespace vox::server
