#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"

namespace vox::server {

// GET /api/today (who needs a person today, in order) and PATCH /api/today/:id (the front desk's
// mark, owner and note on one entry). Both for every signed-in user of the clinic.
void registerTodayRoutes(http::Router &router, AppContext &app);

} // namespace vox::server
