#pragma once

#include "core/result.h"
#include "server/appcontext.h"

#include <QList>
#include <QPair>
#include <QString>

namespace vox::server {

// A text a patient sends to the clinic's Twilio number (Twilio's incoming-message webhook):
// proven by X-Twilio-Signature with that clinic's auth token, stored as an inbound message, read
// as an answer (core/smsreply) that may confirm, cancel or flag the patient's next appointment or
// opt the number out or in, and answered with one short text in the webhook's TwiML response
// (never a second API send that could go twice).
class InboundSms
{
public:
    explicit InboundSms(AppContext &app)
        : m_app(app)
    {}

    struct Answer
    {
        QString reply; // the text the patient gets back; empty: none
    };

    // `url` is the exact public URL Twilio posted to. 403 when the signature is missing or not
    // that of the clinic owning `To`, and nothing is stored; 400 when `From` is not a number.
    // A MessageSid already received is answered with no reply and changes nothing.
    Result<Answer> receive(const QString &url, const QByteArray &signature,
                           const QList<QPair<QString, QString>> &parameters);

    // The webhook's path, and the URL Twilio is told to post to (the server's public address).
    static inline const QString path = QStringLiteral("/api/webhooks/twilio/sms");
    QString webhookUrl() const;

private:
    AppContext &m_app;
};

// <Response><Message>text</Message></Response>, or an empty <Response/> for no reply.
QByteArray twimlReply(const QString &text);

} // namespace vox::server
