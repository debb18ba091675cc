#pragma once

#include "core/result.h"
#include "server/appcontext.h"
#include "server/providers/resendclient.h"
#include "server/providers/twilioclient.h"

#include <QString>

#include <optional>

namespace vox::server {

// Outbound SMS (the clinic's own Twilio account, BYOC) and e-mail (Resend), each written to the
// `messages` audit table with its provider and the provider's id, sent or failed (PRD "messages",
// S-actions). Provider errors are logged in full here and kept on the audit row; callers answer
// people generically.
class Messaging
{
public:
    struct TwilioAccount
    {
        providers::TwilioCredentials credentials;
        QString phoneNumber; // the number messages are sent from
    };
    struct EmailAccount
    {
        QString apiKey;
        QString from;
        bool clinicKey = false; // the clinic's own Resend key rather than the server's
    };

    // Who a message is for and what it belongs to (ids may be empty).
    struct Outgoing
    {
        QString orgId;
        QString recipient;
        QString purpose; // followup, appointment_reminder, recording_share, alert, ...
        QString contactId;
        QString callId;
        QString appointmentId;
        QString sentBy;
    };

    struct Delivery
    {
        QString messageId;  // the audit row
        QString externalId; // Twilio's SM..., Resend's id
        bool sent = false;
        QString providerError; // for the log and the row; never shown to people
    };

    explicit Messaging(AppContext &app)
        : m_app(app)
    {}

    // The org's Twilio account, decrypted; nullopt when the clinic has not connected one.
    Result<std::optional<TwilioAccount>> twilioAccount(db::Transaction &tx,
                                                       const QString &orgId) const;
    // The clinic's Resend key, or the server's (RESEND_API_KEY); the clinic's from address, or
    // the server's. nullopt when neither has a key.
    Result<std::optional<EmailAccount>> emailAccount(db::Transaction &tx,
                                                     const QString &orgId) const;

    // Errors only when nothing could be attempted: code "400" with "Twilio not configured" (or
    // "E-mail is not configured"). A provider failure is a Delivery with sent == false.
    Result<Delivery> sendSms(const db::Access &access, const Outgoing &to, const QString &body);
    // `auditContent` is what the audit row keeps (the e-mail without secrets such as links).
    Result<Delivery> sendEmail(const db::Access &access, const Outgoing &to, const QString &subject,
                               const QString &text, const QString &html,
                               const QString &auditContent);

    // Writes an audit row for a message that was never handed to a provider.
    Result<QString> recordUnsent(const db::Access &access, const Outgoing &to,
                                 const QString &method, const QString &content,
                                 const QString &reason);

    // sms.send {to, body, purpose, contact_id?, call_id?, appointment_id?} (docs/api.md,
    // "Background work between modules").
    static void registerJobs(jobs::JobRunner &runner, AppContext &app);
    Result<void> runSmsJob(const jobs::Job &job);

private:
    Result<QString> record(const db::Access &access, const QString &messageId, const Outgoing &to,
                           const QString &method, const QString &content, const QString &provider,
                           const Delivery &delivery);

    AppContext &m_app;
};

} // namespace vox::server
