#pragma once

#include "core/result.h"
#include "server/appcontext.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace vox::server {

// Connecting a clinic's own accounts (S-twilio, S-google, S-email). Secrets go to the credential
// store only; what the console sees is status(): configured, last four characters, who and when.
class IntegrationService
{
public:
    explicit IntegrationService(AppContext &app)
        : m_app(app)
    {}

    // GET /api/integrations
    Result<QJsonObject> status(const db::Access &access);

    // Twilio dual-sync, in two parts. The request validates the credentials with Twilio, stores
    // them encrypted as "syncing" and queues the `twilio.connect` job in the same transaction;
    // `status` is 202 then, or 400 (refused input), 409 (a connection is under way), 502 (Twilio
    // did not answer). The job creates the Vapi credential, imports the number into Vapi linked
    // to the org's assistant and records the ids; when Vapi fails it undoes what it created, puts
    // the previous connection back (or marks this one "failed") and says why. Either way it
    // publishes `integration.updated`, which the console follows.
    struct StepReport
    {
        int status = 200;
        QString error;
        QString failedStep;
        QJsonArray steps;
    };
    Result<StepReport> connectTwilio(const db::Access &access, const QString &accountSid,
                                     const QString &authToken, const QString &phoneNumber);
    // Removes the number and the credential from Vapi, then the stored credentials.
    Result<void> disconnectTwilio(const db::Access &access);

private:
    // Whether a `twilio.connect` job of the org is queued or running.
    Result<bool> twilioConnectPending(const QString &orgId);

    AppContext &m_app;
};

} // namespace vox::server
