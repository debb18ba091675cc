#pragma once

#include "core/result.h"
#include "server/appcontext.h"
#include "server/http/router.h"
#include "server/routes/listquery.h"

#include <functional>
#include <QList>

namespace vox::server {

// One list exported as CSV: its columns, the rows it reads (aliased as the list's filters expect)
// and the order it reads them in (a keyset, so each page is an index range however deep it is).
struct ExportTable
{
    struct Column
    {
        QString name;   // the header cell, as docs/api.md lists it
        QByteArray sql; // an expression PostgreSQL turns into the cell's text; "{tz}" is the zone
        // Free text (a summary, notes, a message): leaves through the clinic's redaction, so
        // text stored before the clinic chose a category leaves redacted too.
        bool freeText = false;
    };

    QString name; // the file's name and the audit entries' entity type
    QList<Column> columns;
    QByteArray from;
    QByteArray orgColumn;
    QByteArray keyTime; // a timestamptz
    QByteArray keyId;   // a uuid
    bool newestFirst = true;
    std::function<Result<void>(const http::Request &, ListQuery &)> filters;
};

// GET /api/exports/{calls,contacts,appointments,messages}.csv: what the matching list shows
// under the same filters, every row, as a CSV download streamed from the database page by page
// (docs/api.md, Exports).
void registerExportRoutes(http::Router &router, AppContext &app);

// Answers `table`'s rows that the request's filters select as a streamed CSV attachment, never
// holding more than a page of them; when it ends (finished or cut) the export is audited with its
// filter and row count, in the audit log and the access log.
http::Reply exportCsv(AppContext &app, http::Context &c, const ExportTable &table);

} // namespace vox::server
