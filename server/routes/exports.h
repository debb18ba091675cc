#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"

namespace vox::server {

// GET /api/exports/{calls,contacts,appointments,messages}.csv: what the matching list shows
// under the same filters, every row, as a CSV download streamed from the database page by page
// (docs/api.md, Exports).
void registerExportRoutes(http::Router &router, AppContext &app);

} // namespace vox::server
