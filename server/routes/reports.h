#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"

namespace vox::server {

// GET /api/reports/{volume,outcomes,money,quality,messages}?from=YYYY-MM-DD&to=YYYY-MM-DD: one
// report for whole days in the clinic's time zone, with the same number of days before it for
// comparison.
void registerReportRoutes(http::Router &router, AppContext &app);

} // namespace vox::server
