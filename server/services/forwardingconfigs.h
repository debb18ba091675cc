#pragma once

#include "core/result.h"
#include "server/appcontext.h"
#include "server/services/telephony.h"

#include <QString>

#include <optional>

namespace vox::server {

// Hybrid telephony, second half: a number that CallerIdVerification has verified is forwarded to
// the clinic's Vapi-connected Twilio number with a carrier code. The steps shown to the person are
// generated from the stored codes (core/forwardingcodes.h).
class ForwardingConfigs
{
public:
    using Answer = telephony::Answer;

    explicit ForwardingConfigs(AppContext &app)
        : m_app(app)
    {}

    Result<Answer> forwardingConfig(const db::Access &access, const QString &verifiedCallerId);

    struct ForwardingRequest
    {
        QString verifiedCallerId;
        QString forwardingType; // total_ai | safety_net
        QString carrier;
        std::optional<int> ringTimeSeconds;
        QString countryCode;
    };
    Result<Answer> createForwardingConfig(const db::Access &access,
                                          const ForwardingRequest &request);
    Result<Answer> confirmForwarding(const db::Access &access, const QString &configId);
    Result<Answer> disableForwarding(const db::Access &access, const QString &configId);

private:
    AppContext &m_app;
};

} // namespace vox::server
