#pragma once

#include "core/result.h"
#include "server/appcontext.h"

#include <QJsonArray>
#include <QString>

namespace vox::server {

// Connecting a clinic's own Twilio account, the request side. The Auth Token goes to
// the credential store only; what the console reads back is IntegrationService::status().
class TwilioConnection final
{
public:
    explicit TwilioConnection(AppContext &app)
        : m_app(app)
    {}

    // Twilio dual-sync, in two parts. The request validates the credentials with Twilio, stores
    // them encrypted as "syncing" and queues the `twilio.connect` job (TwilioConnectJob) in the
    // same transaction; `status` is 202 then, or 400 (refused input), 409 (a connection is under
    // way), 502 (Twilio did not answer). The job brings the connection to Vapi, or undoes it.
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
    AppContext &m_app;
};

} // namespace vox::server
