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

// The call list's filters (from, to, direction, status, sentiment, has_recording, reviewed,
// tag, search) as
// conditions over `call_logs c`; 400 naming the field when one is invalid. The list and the CSV
// export read them here, so both select the same calls.
Result<void> addCallFilters(const http::Request &request, ListQuery &q);

// The statement GET /api/calls-dashboard runs for `request` in `orgId`: rows of (item JSON, key
// time, key id). Public so tests can EXPLAIN exactly what the endpoint runs.
struct CallListStatement
{
    ListQuery query;
    QByteArray sql;
};
Result<CallListStatement> callListStatement(const http::Request &request, const QString &orgId);

} // namespace vox::server
