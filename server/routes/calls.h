#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"

#include <QByteArray>

namespace vox::server {

// GET /api/calls-dashboard (filters, search, keyset pages), GET /api/calls-dashboard/:id.
void registerCallRoutes(http::Router &router, AppContext &app);

// The call list item of docs/api.md as one SQL expression over `call_logs c` joined with its
// contact `ct` (callListFromSql), so every list that shows calls gives the same shape.
QByteArray callListItemSql();
QByteArray callListFromSql();

} // namespace vox::server
