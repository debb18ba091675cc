#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"

namespace vox::server {

// GET /api/contacts/stats, GET/POST /api/contacts, GET/PATCH /api/contacts/:id.
void registerContactRoutes(http::Router &router, AppContext &app);

} // namespace vox::server
