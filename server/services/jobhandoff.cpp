#include "server/services/jobhandoff.h"

namespace vox::server {

Result<std::optional<qint64>> enqueueWithin(db::Transaction &tx, const jobs::NewJob &job)
{
    auto role = tx.exec("SELECT current_setting('role')");
    if (!role)
        return role.error();
    const QString current = role->text(0, 0);
    if (current == QLatin1String("service_role"))
        return jobs::enqueue(tx, job);
    if (auto elevated = tx.exec("SELECT set_config('role', 'service_role', true)"); !elevated)
        return elevated.error();
    auto queued = jobs::enqueue(tx, job);
    if (!queued)
        return queued; // the transaction rolls back, role and all
    if (auto back = tx.exec("SELECT set_config('role', $1, true)", {current}); !back)
        return back.error();
    return queued;
}

} // namespace vox::server
