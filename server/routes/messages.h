#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"
#include "server/routes/listquery.h"

namespace vox::server {

// GET /api/messages: the audit log of every SMS and e-mail sent for the clinic.
void registerMessageRoutes(http::Router &router, AppContext &app);

// The message list's filters (method, status, direction, unread, contact_id, call_id) as
// conditions over `messages m`, shared by the list and the CSV export.
Result<void> addMessageFilters(const http::Request &request, ListQuery &q);

} // namespace vox::server
