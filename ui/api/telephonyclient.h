#pragma once

#include "ui/api/apicallbacks.h"
#include "ui/api/telephonyrecords.h"

#include <QObject>

namespace vox::ui {

class ApiClient;

// Hybrid telephony (server/routes/telephony; admins): verifying the clinic's own number, then
// forwarding it to the agent.
class TelephonyClient final
{
    Q_DISABLE_COPY_MOVE(TelephonyClient)

public:
    explicit TelephonyClient(ApiClient &api)
        : m_api(api)
    {}

    void startVerification(const QString &phoneNumber, QObject *context,
                           DetailedCallback<VerificationStarted> done);
    void confirmVerification(const QString &verificationId, const QString &code, QObject *context,
                             DetailedCallback<bool> done);
    // Sandbox servers only: the sandbox answers the verification call and types `code`.
    void simulateAnswer(const QString &verificationId, const QString &code, QObject *context,
                        Callback<void> done);
    void verifiedNumbers(QObject *context, Callback<QList<VerifiedNumber>> done);
    void createForwarding(const ForwardingRequest &request, QObject *context,
                          DetailedCallback<ForwardingConfig> done);
    void confirmForwarding(const QString &configId, QObject *context, Callback<void> done);
    // Answers the code that turns forwarding off on the phone.
    void disableForwarding(const QString &configId, QObject *context, Callback<QString> done);
    void removeVerifiedNumber(const QString &verifiedId, QObject *context, Callback<void> done);

private:
    ApiClient &m_api;
};

} // namespace vox::ui
