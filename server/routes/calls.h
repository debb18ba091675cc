#pragma once

#include "core/result.h"
#include "server/appcontext.h"
#include "server/http/router.h"
#include "server/routes/listquery.h"

#include <QByteArray>

namespace vox::server {

// GET /api/calls-dashboard (filters, search, keyset pages), GET /api/calls-dashboard/:id.
void registerCallRoutes(http::Router &router, AppContext &app);

// The call list item of docs/api.md as one SQL expression over `call_logs c` joined with its
// contact `ct` (callListFromSql), so every list that shows calls gives the same shape.
QByteArray callListItemSql();
QByteArray callListFromSql();

// The statement GET /api/calls-dashboard runs for `request` in `orgId`: rows of (item JSON, key
// time, key id). Public so tests can EXPLAIN exactly what the endpoint runs.
struct CallListStatement
{
    ListQuery query;
    QByteArray sql;
};
Result<CallListStatement> callListStatement(const http::Request &request, const QString &orgId);

} // namespace vox::server
