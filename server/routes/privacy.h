#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"

namespace vox::server {

// GET /api/org/privacy; PATCH /api/org/privacy (admin): retention windows and the recording
// disclosure. PUT /api/contacts/:id/legal-hold, GET /api/contacts/:id/data-export and
// POST /api/contacts/:id/erase (admin). Also registers the daily retention job.
void registerPrivacyRoutes(http::Router &router, AppContext &app);

} // namespace vox::server
