#include "ui/api/telephonyclient.h"

#include "ui/api/apiclient.h"
#include "ui/api/jsonfields.h"

#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

void TelephonyClient::startVerification(const QString &phoneNumber, QObject *context,
                                        DetailedCallback<VerificationStarted> done)
{
    const QJsonObject body{{u"phoneNumber"_s, phoneNumber}};
    m_api.requestDetailed<VerificationStarted>(
        "POST", u"/api/telephony/verify-caller-id/initiate"_s, &body, context, std::move(done),
        [phoneNumber](const QJsonObject &json) {
            return VerificationStarted::fromJson(json, phoneNumber);
        });
}

void TelephonyClient::confirmVerification(const QString &verificationId, const QString &code,
                                          QObject *context, DetailedCallback<bool> done)
{
    const QJsonObject body{{u"verificationId"_s, verificationId},
                           {u"verificationCode"_s, code.trimmed()}};
    m_api.requestDetailed<bool>(
        "POST", u"/api/telephony/verify-caller-id/confirm"_s, &body, context, std::move(done),
        [](const QJsonObject &json) { return json.value(u"success"_s).toBool(); });
}

void TelephonyClient::simulateAnswer(const QString &verificationId, const QString &code,
                                     QObject *context, Callback<void> done)
{
    const QJsonObject body{{u"verificationId"_s, verificationId},
                           {u"verificationCode"_s, code.trimmed()}};
    m_api.requestVoid("POST", u"/api/telephony/verify-caller-id/sandbox-answer"_s, &body, context,
                      std::move(done));
}

void TelephonyClient::verifiedNumbers(QObject *context, Callback<QList<VerifiedNumber>> done)
{
    m_api.requestJson<QList<VerifiedNumber>>(
        "GET", u"/api/telephony/verified-numbers"_s, {}, nullptr, context, std::move(done),
        [](const QJsonObject &json) { return json::objects<VerifiedNumber>(json, u"numbers"_s); });
}

void TelephonyClient::createForwarding(const ForwardingRequest &request, QObject *context,
                                       DetailedCallback<ForwardingConfig> done)
{
    QJsonObject body{{u"verifiedCallerId"_s, request.verifiedCallerId},
                     {u"forwardingType"_s, request.forwardingType},
                     {u"carrier"_s, request.carrier}};
    if (request.forwardingType == u"safety_net")
        body.insert(u"ringTimeSeconds"_s, request.ringTimeSeconds);
    m_api.requestDetailed<ForwardingConfig>("POST", u"/api/telephony/forwarding-config"_s, &body,
                                            context, std::move(done), [](const QJsonObject &json) {
                                                return ForwardingConfig::fromJson(
                                                    json.value(u"config"_s).toObject());
                                            });
}

void TelephonyClient::confirmForwarding(const QString &configId, QObject *context,
                                        Callback<void> done)
{
    const QJsonObject body{{u"forwardingConfigId"_s, configId}};
    m_api.requestVoid("POST", u"/api/telephony/forwarding-config/confirm"_s, &body, context,
                      std::move(done));
}

void TelephonyClient::disableForwarding(const QString &configId, QObject *context,
                                        Callback<QString> done)
{
    m_api.requestJson<QString>("DELETE", u"/api/telephony/forwarding-config/"_s + configId, {},
                               nullptr, context, std::move(done), [](const QJsonObject &json) {
                                   return json.value(u"deactivationCode"_s).toString();
                               });
}

void TelephonyClient::removeVerifiedNumber(const QString &verifiedId, QObject *context,
                                           Callback<void> done)
{
    m_api.requestVoid("DELETE", u"/api/telephony/verified-numbers/"_s + verifiedId, nullptr,
                      context, std::move(done));
}

} // namespace vox::ui
