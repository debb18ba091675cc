#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"
#include "server/routes/listquery.h"

namespace vox::server {

// GET /api/contacts/stats, GET/POST /api/contacts, GET/PATCH /api/contacts/:id.
void registerContactRoutes(http::Router &router, AppContext &app);

// The leads list's filters (temperature, status, call_back, needs_attention, search) as
// conditions over `contacts ct`, shared by the list and the CSV export.
Result<void> addContactFilters(const http::Request &request, ListQuery &q);
// A lead's status as it reads now, and the time of its latest activity (the list's order).
QByteArray contactStatusNowSql();
QByteArray contactActivitySql();

} // namespace vox::server
