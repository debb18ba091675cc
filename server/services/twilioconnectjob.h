#pragma once

#include "core/result.h"
#include "server/appcontext.h"

#include <QString>

namespace vox::server {

// The second part of connecting a clinic's Twilio: the request (TwilioConnection)
// stored the credentials as "syncing" and queued this job; the job creates the Vapi credential,
// imports the number into Vapi linked to the org's assistant and records the ids. When Vapi fails
// it undoes what it created, puts the previous connection back (or marks this one "failed") and
// says why. Either way it publishes `integration.updated`, which the console follows.
class TwilioConnectJob final
{
public:
    static constexpr const char *kind = "twilio.connect";
    // One connection under way per clinic: the job is queued under this key, and a queued or
    // running one is what makes the next change wait.
    static QString uniqueKey(const QString &orgId);
    static void registerJobs(jobs::JobRunner &runner, AppContext &app);

    // One run of the job; running it again finishes the same connection.
    static Result<void> run(AppContext &app, const jobs::Job &job);
};

// Vapi answered that the object is not there: already removed, which is what a removal wants.
bool notFoundAtVapi(const Error &error);

} // namespace vox::server
