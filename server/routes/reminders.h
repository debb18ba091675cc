#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"

namespace vox::server {

// POST /api/appointments/:id/send-reminder {method: sms|email}.
void registerReminderRoutes(http::Router &router, AppContext &app);

} // namespace vox::server
