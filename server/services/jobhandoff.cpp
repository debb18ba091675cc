#include "server/services/jobhandoff.h"

namespace vox::server {

Result<std::optional<qint64>> enqueueWithin(db::Transaction &tx, const jobs::NewJob &job)
{
    return jobs::enqueue(tx, job);
}

} // namespace vox::server
