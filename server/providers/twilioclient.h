#pragma once

#include "core/result.h"
#include "server/providers/providerhttp.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace vox::server::providers {

// A clinic's own Twilio account (BYOC), as its 2010-04-01 REST API documents it: HTTP Basic with
// the Account SID and Auth Token, form-encoded request bodies, JSON answers with snake_case
// fields, errors as {"code", "message", "more_info", "status"}.
struct TwilioCredentials
{
    QString accountSid;
    QString authToken;
};

// A failed call is an Error whose subject is the HTTP status Twilio answered ("401", "400", ...)
// or, when no answer came, providers::unreachable / providers::noAnswer. Its code is "422" when
// Twilio refused the request as asked (a 4xx other than 429: a bad number, a number the account
// does not own — something the clinic must fix; the message carries Twilio's code and text) and
// "502" when Twilio failed, throttled or never answered. Messages never carry the credentials.
class TwilioClient
{
public:
    TwilioClient(QString baseUrl, TwilioCredentials credentials, RetryPolicy retry = {});

    // GET /Accounts/{Sid}.json: proves the credentials; the account's `status` and `type`.
    Result<QJsonObject> fetchAccount();
    // POST /Messages.json (201): an SMS from one of the account's numbers. Twilio posts each
    // change of its state to `statusCallback` (when given).
    Result<QJsonObject> sendMessage(const QString &from, const QString &to, const QString &body,
                                    const QString &statusCallback = {});
    // POST /OutgoingCallerIds.json (200): Twilio calls `phoneNumber` and answers the
    // `validation_code` the person must type on the keypad.
    Result<QJsonObject> createValidationRequest(const QString &phoneNumber,
                                                const QString &friendlyName,
                                                const QString &statusCallback);
    // GET /OutgoingCallerIds.json?PhoneNumber=: the verified caller ids for that number.
    Result<QJsonArray> listOutgoingCallerIds(const QString &phoneNumber);
    // DELETE /OutgoingCallerIds/{Sid}.json (204).
    Result<void> deleteOutgoingCallerId(const QString &callerIdSid);
    // GET /IncomingPhoneNumbers.json?PhoneNumber=: the account's own numbers.
    Result<QJsonArray> listIncomingPhoneNumbers(const QString &phoneNumber);
    // POST /IncomingPhoneNumbers/{Sid}.json: where Twilio posts the texts the number receives
    // (SmsUrl, by POST). Setting a field again is harmless, so it may be retried.
    Result<QJsonObject> setIncomingSmsUrl(const QString &numberSid, const QString &smsUrl);
    // GET /Messages.json?To=&From=: the newest messages between two numbers, newest first.
    Result<QJsonArray> listMessages(const QString &from, const QString &to, int pageSize = 50);

private:
    Result<QJsonObject> call(const QByteArray &method, const QString &path,
                             const QList<QPair<QString, QString>> &form = {},
                             const QList<QPair<QString, QString>> &query = {},
                             std::optional<bool> idempotent = {});

    QString m_baseUrl;
    TwilioCredentials m_credentials;
    RetryPolicy m_retry;
};

// Twilio's error body as one sentence: "21211: The 'To' number is not a valid phone number."
QString twilioErrorMessage(const HttpAnswer &answer);
// Twilio's error code from a failed call's message (0 when there is none).
int twilioErrorCode(const Error &error);
// Why Twilio refused, in words fit to show the clinic's staff: Twilio's own sentence with phone
// numbers left out (they are patients' data), and its error code.
QString twilioRefusalWords(const Error &error);

} // namespace vox::server::providers
