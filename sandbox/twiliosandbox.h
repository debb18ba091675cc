#pragma once

#include "sandbox/sandboxroutes.h"
#include "sandbox/sandboxstate.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>
#include <QThreadPool>

#include <atomic>
#include <memory>

namespace vox::sandbox {

// Twilio's 2010-04-01 REST API as the server uses it (twilio_api_v2010.json): accounts, messages,
// outgoing caller ids with their validation requests, incoming phone numbers. HTTP Basic with the
// Account SID and Auth Token (401, code 20003 otherwise), form-encoded bodies, JSON answers and
// Twilio's error shape {"code", "message", "more_info", "status"}.
//
// The verification call is simulated: a validation request answers its `validation_code` and
// waits; POST /_sandbox/twilio/keypad {phone_number, code} is the person typing on the keypad.
// The right code makes the number a verified caller id of the account (and fires the request's
// StatusCallback, signed with X-Twilio-Signature like Twilio's); a wrong one ends the call.
//
// POST /_sandbox/twilio/inbound-sms {url?, from, to, body, message_sid?, deliver_to?} is a patient
// texting one of the accounts' numbers: the webhook for `url` (or the number's SmsUrl) signed with
// that account's token. The demo account's patients answer some reminders and missed-call texts
// by themselves the same way (sandbox/demoreplies.h).
//
// A message sent with a StatusCallback is reported there as Twilio does, signed, a moment after
// the send is answered: "sent", then "delivered" — or "undelivered" with an ErrorCode for a number
// told to fail (POST /_sandbox/twilio/undeliverable {phone_number, error_code}).
// POST /_sandbox/twilio/callback-route {public_base, deliver_to} sends callbacks for URLs under
// `public_base` (a server's public address) to `deliver_to` instead; the signature still covers
// the URL given.
class TwilioSandbox final
{
    Q_DISABLE_COPY_MOVE(TwilioSandbox)

public:
    // An account every sandbox has, for the demo: enter these on the Integrations page.
    static inline const QString demoAccountSid =
        QStringLiteral("AC5a4d5a4d5a4d5a4d5a4d5a4d5a4d5a4d");
    static inline const QString demoAuthToken = QStringLiteral("5a4d0000sandbox0000auth0000token");
    static inline const QString demoPhoneNumber = QStringLiteral("+15550109999");

    explicit TwilioSandbox(SandboxState &state);
    // Drops the status reports not yet sent and waits for the one being sent.
    ~TwilioSandbox();
    void registerRoutes(Router &router);

    // Tests: an account with its own numbers, and accounts that Twilio reports suspended.
    void addAccount(const QString &sid, const QString &token, const QStringList &numbers,
                    const QString &status = QStringLiteral("active"));
    struct KeypadResult
    {
        bool verified = false;
        QString callerIdSid;
        int callbackStatus = 0; // what the StatusCallback answered (0: none or no answer)
    };
    KeypadResult keypad(const QString &phoneNumber, const QString &code);
    QJsonArray messages(const QString &accountSid) const;

    // A patient texting `to` (a number of one of the accounts): Twilio's incoming-message webhook
    // posted to `url` as Twilio posts it (form body, X-Twilio-Signature with the account's auth
    // token over `url`). A TwiML <Message> in the answer is recorded as the reply Twilio sent.
    struct InboundResult
    {
        int status = 0;      // the server's answer (0: no answer, or `to` is no account's)
        QByteArray response; // its body: TwiML, or {"error": ...}
        QString messageSid;
        QString reply; // the <Message> text, if any
    };
    // `deliverTo`, when given, is where the request really goes (the server behind the proxy or
    // tunnel that `url`, its public address, leads to); the signature still covers `url`.
    InboundResult inboundSms(const QString &url, const QString &from, const QString &to,
                             const QString &body, const QString &messageSid = {},
                             const QString &deliverTo = {});
    QJsonArray callerIds(const QString &accountSid) const;

    // Status callbacks for URLs starting with `publicBase` go to `deliverTo` + the rest.
    void routeCallbacks(const QString &publicBase, const QString &deliverTo);
    // Texts to `phoneNumber` are reported undelivered with `errorCode` (0: delivered again).
    void failDelivery(const QString &phoneNumber, int errorCode);

private:
    struct Account
    {
        QString sid;
        QString token;
        QString status;
        QJsonArray incomingNumbers;
        QJsonArray callerIds;
        QJsonArray messages;
    };
    struct Validation
    {
        QString accountSid;
        QString phoneNumber;
        QString friendlyName;
        QString code;
        QString callSid;
        QString statusCallback;
    };

    // The account the request authenticates as, or the 401 to answer.
    std::optional<http::Response> authenticate(const http::Request &request,
                                               const QString &pathSid) const;

    // GET <resource>.json: the account's `list`, narrowed to ?PhoneNumber= when given, as one page
    // under `key` (the incoming numbers and the verified caller ids are listed alike).
    void listByPhoneNumber(Router &router, const QString &resource, const QString &key,
                           QJsonArray Account::*list);

    SandboxState &m_state;
    QHash<QString, Account> m_accounts;
    QHash<QString, Validation> m_validations; // by phone number
    QHash<QString, int> m_undeliverable;      // error code by phone number
    QHash<QString, QString> m_callbackRoutes; // public base -> where it really goes
    // Status reports go out from here, never the application's shared pool: a report to a server
    // that has stopped answering must not hold up the application's exit.
    QThreadPool m_reports;
    std::shared_ptr<std::atomic<bool>> m_open = std::make_shared<std::atomic<bool>>(true);

    // Where a callback to `url` really goes (routeCallbacks).
    QString routed(const QString &url) const;
    // Posts the message's status changes to its StatusCallback, after the send was answered.
    void reportStatus(const QJsonObject &message, const QString &statusCallback);
    // The demo account's patients answer some texts (sandbox/demoreplies.h), a moment later, as
    // a signed inbound SMS to the clinic number's SmsUrl.
    void answerAsDemoPatient(const QString &patient, const QString &clinicNumber,
                             const QString &body);
};

} // namespace vox::sandbox
