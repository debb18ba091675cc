#pragma once

#include "core/result.h"
#include "server/appcontext.h"

#include <QJsonObject>

namespace vox::server {

// What the console sees of a clinic's own accounts (Twilio, Google Calendar, Resend): configured,
// last four characters, who and when, never a secret. Connecting them is TwilioConnection
// (with TwilioConnectJob), GoogleCalendarLink and ResendSetup.
class IntegrationService
{
public:
    explicit IntegrationService(AppContext &app)
        : m_app(app)
    {}

    // GET /api/integrations
    Result<QJsonObject> status(const db::Access &access);
    // What front-desk staff see of the same: whether each account works (texts, e-mails and the
    // calendar depend on it), not which account, key or person set it up.
    static QJsonObject staffView(const QJsonObject &status);

private:
    AppContext &m_app;
};

} // namespace vox::server
