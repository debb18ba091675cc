#pragma once

#include "ui/api/apicallbacks.h"
#include "ui/api/apitypes.h"
#include "ui/api/integrationstatus.h"

#include <QObject>
#include <QUrl>

#include <optional>

namespace vox::ui {

class ApiClient;

// Twilio, Google Calendar and Resend for the clinic (server/routes/integrations; admins).
class IntegrationsClient final
{
    Q_DISABLE_COPY_MOVE(IntegrationsClient)

public:
    explicit IntegrationsClient(ApiClient &api)
        : m_api(api)
    {}

    void status(QObject *context, Callback<IntegrationStatus> done);
    // Which optional features (SMS, e-mail) the clinic has; staff may not read the integrations,
    // so for them the answer is "not known".
    void features(QObject *context, Callback<FeatureAvailability> done);
    // The dual-sync's steps come back on success and on failure (in the Refusal's body).
    void connectTwilio(const TwilioCredentials &credentials, QObject *context,
                       DetailedCallback<QList<TwilioSyncStep>> done);
    void disconnectTwilio(QObject *context, Callback<void> done);
    void googleAuthUrl(QObject *context, Callback<QUrl> done);
    // Answers whether Google confirmed it revoked Voxanne's access (the disconnection here
    // happened either way).
    void disconnectGoogle(QObject *context, Callback<bool> done);
    // `apiKey`: nullopt keeps the clinic's key, an empty string removes it.
    void configureEmail(const QString &from, const std::optional<QString> &apiKey, QObject *context,
                        Callback<IntegrationStatus> done);

private:
    ApiClient &m_api;
};

} // namespace vox::ui
