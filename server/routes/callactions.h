#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"

namespace vox::server {

// POST /api/calls-dashboard/:id/followup, /share, /transcript/export, GET .../recording and
// .../shares (admins), DELETE /api/recording-shares/:id (admins) and the public
// GET /api/recordings/shared/:token. Their literal last segments let them sit beside the call
// routes of the dashboard module without colliding.
void registerCallActionRoutes(http::Router &router, AppContext &app);

} // namespace vox::server
