#pragma once

#include "server/jobs/jobqueue.h"

#include <QString>

namespace vox::server::jobs {

// Work that exists once per `subject` (key `<kind>:<subject>`) and sees every change queued
// before it runs: a request while one waits is absorbed, one while it runs gets a follow-up
// (Dedupe::Follow). Five attempts unless the caller sets others.
NewJob followingJob(const QString &kind, const QString &orgId, const QString &subject);
// As followingJob(), once per clinic: the clinic is the subject.
NewJob perClinicJob(const QString &kind, const QString &orgId);

} // namespace vox::server::jobs
