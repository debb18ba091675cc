#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"

namespace vox::server {

// GET /api/messages: the audit log of every SMS and e-mail sent for the clinic.
void registerMessageRoutes(http::Router &router, AppContext &app);

} // namespace vox::server
