#include "ui/api/telephonyrecords.h"

#include "ui/api/jsonfields.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

VerificationStarted VerificationStarted::fromJson(const QJsonObject &json,
                                                  const QString &phoneNumber)
{
    VerificationStarted v;
    v.verificationId = json.value(u"verificationId"_s).toString();
    v.phoneNumber = phoneNumber;
    v.code = json.value(u"verificationCode"_s).toString();
    v.expiresAt = json::time(json.value(u"expiresAt"_s));
    return v;
}

VerifiedNumber VerifiedNumber::fromJson(const QJsonObject &json)
{
    VerifiedNumber n;
    n.id = json.value(u"id"_s).toString();
    n.phoneNumber = json.value(u"phoneNumber"_s).toString();
    n.friendlyName = json.value(u"friendlyName"_s).toString();
    n.status = json.value(u"status"_s).toString();
    n.verifiedAt = json::time(json.value(u"verifiedAt"_s));
    n.forwardingConfigId = json.value(u"forwardingConfigId"_s).toString();
    n.forwardingStatus = json.value(u"forwardingStatus"_s).toString();
    n.forwardingType = json.value(u"forwardingType"_s).toString();
    n.carrier = json.value(u"carrier"_s).toString();
    return n;
}

ForwardingConfig ForwardingConfig::fromJson(const QJsonObject &json)
{
    ForwardingConfig c;
    c.id = json.value(u"id"_s).toString();
    c.verifiedCallerId = json.value(u"verifiedCallerId"_s).toString();
    c.simPhoneNumber = json.value(u"simPhoneNumber"_s).toString();
    c.forwardingType = json.value(u"forwardingType"_s).toString();
    c.carrier = json.value(u"carrier"_s).toString();
    const QJsonValue ring = json.value(u"ringTimeSeconds"_s);
    c.ringTimeSeconds = ring.isDouble() ? ring.toInt() : -1;
    c.destination = json.value(u"twilioForwardingNumber"_s).toString();
    c.activationCode = json.value(u"generatedActivationCode"_s).toString();
    c.deactivationCode = json.value(u"generatedDeactivationCode"_s).toString();
    c.status = json.value(u"status"_s).toString();
    return c;
}

} // namespace vox::ui
