#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"

namespace vox::server {

// POST /api/appointments/:id/send-reminder {method: sms|email}; GET/PUT /api/settings/reminders
// (the clinic's automatic reminders; admins change them) and POST /api/settings/reminders/preview
// {text} (the words filled in for a sample appointment, with the SMS parts they cost).
void registerReminderRoutes(http::Router &router, AppContext &app);

} // namespace vox::server
