#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"

namespace vox::server {

// Listening in to a call in progress (docs/api.md, "Listening in"): GET /api/calls/:id/listen is
// a WebSocket (ListenRelay); asked as plain HTTP it says whether the call could be listened to
// (404 another clinic's or no such call, 409 ended, 426 upgrade to listen).
void registerListenInRoutes(http::Router &router, AppContext &app);

} // namespace vox::server
