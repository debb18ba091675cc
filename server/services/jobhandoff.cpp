#include "server/services/jobhandoff.h"

namespace vox::server {

Result<std::optional<qint64>> enqueueWithin(db::Transaction &tx, const jobs::NewJob &job)
{
    // Webhooks, tool calls and jobs open their transactions as the service role already.
    if (tx.role() == db::Access::Role::Service)
        return jobs::enqueue(tx, job);
    // One statement learns the caller's role and takes the service role; the materialized CTE
    // reads the role before set_config changes it.
    auto role = tx.exec("WITH previous AS MATERIALIZED (SELECT current_setting('role') AS role) "
                        "SELECT role, set_config('role', 'service_role', true) FROM previous");
    if (!role)
        return role.error();
    const QString current = role->text(0, 0);
    auto queued = jobs::enqueue(tx, job);
    if (!queued || current == QLatin1String("service_role"))
        return queued; // on an error the transaction rolls back, role and all
    if (auto back = tx.exec("SELECT set_config('role', $1, true)", {current}); !back)
        return back.error();
    return queued;
}

} // namespace vox::server
