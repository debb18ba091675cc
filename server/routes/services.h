#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"

namespace vox::server {

// GET /api/services[/:id]; POST, PATCH, DELETE (owner or admin): the clinic's price list.
void registerServiceRoutes(http::Router &router, AppContext &app);

} // namespace vox::server
