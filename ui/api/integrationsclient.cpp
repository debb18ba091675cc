#include "ui/api/integrationsclient.h"

#include "ui/api/apiclient.h"

#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

void IntegrationsClient::status(QObject *context, Callback<IntegrationStatus> done)
{
    m_api.requestJson<IntegrationStatus>("GET", u"/api/integrations"_s, {}, nullptr, context,
                                         std::move(done), &IntegrationStatus::fromJson);
}

void IntegrationsClient::features(QObject *context, Callback<FeatureAvailability> done)
{
    // Only admins may read the integrations; for staff the server decides when they try.
    if (!m_api.session().isAdmin()) {
        m_api.sandboxMode(context, [done = std::move(done)](Result<bool> sandbox) {
            FeatureAvailability f;
            f.sandbox = sandbox && *sandbox;
            done(f);
        });
        return;
    }
    m_api.requestJson<FeatureAvailability>(
        "GET", u"/api/integrations"_s, {}, nullptr, context,
        [done = std::move(done)](Result<FeatureAvailability> result) {
            done(result ? *result : FeatureAvailability{});
        },
        [](const QJsonObject &json) {
            FeatureAvailability f;
            f.known = true;
            f.smsConfigured = json.value(u"twilio"_s).toObject().value(u"configured"_s).toBool();
            f.emailConfigured = json.value(u"resend"_s).toObject().value(u"configured"_s).toBool();
            f.sandbox = json.value(u"sandbox"_s).toBool();
            return f;
        });
}

void IntegrationsClient::connectTwilio(const TwilioCredentials &credentials, QObject *context,
                                       DetailedCallback<QList<TwilioSyncStep>> done)
{
    const QJsonObject body{{u"account_sid"_s, credentials.accountSid.trimmed()},
                           {u"auth_token"_s, credentials.authToken.trimmed()},
                           {u"phone_number"_s, credentials.phoneNumber.trimmed()}};
    m_api.requestDetailed<QList<TwilioSyncStep>>("PUT", u"/api/integrations/twilio"_s, &body,
                                                 context, std::move(done),
                                                 &TwilioSyncStep::listFromJson);
}

void IntegrationsClient::disconnectTwilio(QObject *context, Callback<void> done)
{
    m_api.requestVoid("DELETE", u"/api/integrations/twilio"_s, nullptr, context, std::move(done));
}

void IntegrationsClient::googleAuthUrl(QObject *context, Callback<QUrl> done)
{
    m_api.requestJson<QUrl>("GET", u"/api/integrations/google/auth-url"_s, {}, nullptr, context,
                            std::move(done), [](const QJsonObject &json) {
                                return QUrl(json.value(u"url"_s).toString(), QUrl::StrictMode);
                            });
}

void IntegrationsClient::disconnectGoogle(QObject *context, Callback<bool> done)
{
    m_api.requestJson<bool>(
        "DELETE", u"/api/integrations/google"_s, {}, nullptr, context, std::move(done),
        [](const QJsonObject &json) { return json.value(u"revoked_at_google"_s).toBool(true); });
}

void IntegrationsClient::configureEmail(const QString &from, const std::optional<QString> &apiKey,
                                        QObject *context, Callback<IntegrationStatus> done)
{
    QJsonObject body{{u"from"_s, from.trimmed()}};
    if (apiKey)
        body.insert(u"api_key"_s, apiKey->trimmed());
    m_api.requestJson<IntegrationStatus>("PUT", u"/api/integrations/resend"_s, {}, &body, context,
                                         std::move(done), &IntegrationStatus::fromJson);
}

} // namespace vox::ui
