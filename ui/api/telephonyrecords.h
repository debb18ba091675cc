#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// The hybrid telephony values (docs/api.md "Hybrid telephony"), in the server's camelCase
// shapes.
namespace vox::ui {

// Twilio is calling the number; the person types `code` on the phone's keypad, then confirms.
struct VerificationStarted
{
    QString verificationId;
    QString phoneNumber;
    QString code;
    QDateTime expiresAt;

    static VerificationStarted fromJson(const QJsonObject &json, const QString &phoneNumber);
};

// A number of the clinic (verified or on its way) and how its forwarding stands.
struct VerifiedNumber
{
    QString id;
    QString phoneNumber;
    QString friendlyName;
    QString status; // pending, verified, failed, expired
    QDateTime verifiedAt;
    QString forwardingConfigId;
    QString forwardingStatus; // pending_setup, active, disabled; empty without a configuration
    QString forwardingType;   // total_ai, safety_net
    QString carrier;

    bool isVerified() const { return status == u"verified"; }
    static VerifiedNumber fromJson(const QJsonObject &json);
};

struct ForwardingRequest
{
    QString verifiedCallerId;
    QString forwardingType;
    QString carrier;
    int ringTimeSeconds = 25;
};

// The codes the clinic dials on its own phone, as the server generated and stored them.
struct ForwardingConfig
{
    QString id;
    QString verifiedCallerId;
    QString simPhoneNumber;
    QString forwardingType;
    QString carrier;
    int ringTimeSeconds = -1; // -1: the carrier's code takes none
    QString destination;      // the AI's number the calls go to
    QString activationCode;
    QString deactivationCode;
    QString status;

    static ForwardingConfig fromJson(const QJsonObject &json);
};

} // namespace vox::ui
