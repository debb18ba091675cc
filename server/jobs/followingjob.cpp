#include "server/jobs/followingjob.h"

namespace vox::server::jobs {

NewJob followingJob(const QString &kind, const QString &orgId, const QString &subject)
{
    NewJob job;
    job.kind = kind;
    job.orgId = orgId;
    job.uniqueKey = kind + u':' + subject;
    job.dedupe = NewJob::Dedupe::Follow;
    return job;
}

NewJob perClinicJob(const QString &kind, const QString &orgId)
{
    return followingJob(kind, orgId, orgId);
}

} // namespace vox::server::jobs
