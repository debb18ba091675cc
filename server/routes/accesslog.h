#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"

namespace vox::server {

// GET /api/access-log and /api/access-log.csv: who looked at which patient's content, for the
// clinic's owners and admins (filters: user_id, contact_id, action, from, to; paged like other
// lists).
void registerAccessLogRoutes(http::Router &router, AppContext &app);

} // namespace vox::server
