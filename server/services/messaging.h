#pragma once

#include "core/result.h"
#include "server/appcontext.h"
#include "server/providers/resendclient.h"
#include "server/providers/twilioclient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QString>

#include <optional>

namespace vox::server {

// Outbound SMS (the clinic's own Twilio account, BYOC) and e-mail (Resend), each written to the
// `messages` audit table with its provider and the provider's id, sent or failed. Provider errors
// are logged in full here and kept on the audit row; callers answer people generically.
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
        // Twilio's answer never came (or was a 5xx): the SMS may have gone. Not to be sent
        // again; the sms.check job settles it from Twilio's own list.
        bool unknown = false;
        QString providerError; // for the log and the row; never shown to people
        QString refusal;       // Twilio refused it as asked: why, in words staff may read
    };

    // Why an SMS to a number that sent STOP (and not START since) is refused, on every path.
    static inline const QString optedOutReason =
        QStringLiteral("This number has opted out of text messages.");

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
    // "E-mail is not configured"), or 422 when the number opted out (optedOutReason) or the
    // person asked not to get texts. A provider
    // failure is a Delivery with sent == false. An SMS is handed to Twilio at most once (see
    // deliverSms).
    // `messageId`, when given, names the audit row: the same id again is the same text, sent at
    // most once (its first outcome is answered).
    Result<Delivery> sendSms(const db::Access &access, const Outgoing &to, const QString &body,
                             const QString &messageId = {});
    // `auditContent` is what the audit row keeps (the e-mail without secrets such as links).
    // `messageId`, when given, names the audit row and is Resend's idempotency key: the same id
    // again is the same e-mail, sent at most once (its first outcome is answered).
    Result<Delivery> sendEmail(const db::Access &access, const Outgoing &to, const QString &subject,
                               const QString &text, const QString &html,
                               const QString &auditContent, const QString &messageId = {});

    // Writes an audit row for a message that was never handed to a provider.
    Result<QString> recordUnsent(const db::Access &access, const Outgoing &to,
                                 const QString &method, const QString &content,
                                 const QString &reason);

    // sms.send {to, body, purpose, contact_id?, call_id?, appointment_id?} (docs/api.md,
    // "Background work between modules"), and sms.check {message_id, send_job?}: an SMS whose
    // outcome is not known is looked up in Twilio's list and settled, sent or failed; a job's
    // SMS that Twilio has no record of is sent again by its job (attempts permitting), since
    // Twilio then confirms it never reached the patient.
    static void registerJobs(jobs::JobRunner &runner, AppContext &app);
    Result<void> runSmsJob(const jobs::Job &job);
    Result<void> runCheckJob(const jobs::Job &job);

private:
    // A number that opted out (STOP) or a person whose contact is marked "do not text" gets no
    // SMS from the clinic, whoever sends it (a reminder, a follow-up, an alert, a text-back): the
    // reason when the SMS is refused (and recorded unsent), nullopt when it may go.
    Result<std::optional<QString>> refuseIfNotWanted(const db::Access &access, const Outgoing &to,
                                                     const QString &body);

    // Whether an SMS that certainly did not leave (Twilio unreachable or throttling) is left
    // 'queued' for the caller to try again (a job with attempts left) or recorded as failed.
    enum class SmsRetry { Later, Never };
    enum class SmsEvent { Created, Updated };

    // The one way an SMS leaves. The row is written ('sending') with an sms.check job before
    // Twilio is asked; Twilio is asked once; the row then keeps the outcome: sent, failed
    // (refused, unreachable), unknown (no answer or 5xx), or queued (SmsRetry::Later; then an
    // error is returned). A row that exists already is not sent again unless it is 'queued'.
    // `sendJob` is the sms.send job the message belongs to (0: a person's request).
    Result<Delivery> deliverSms(const db::Access &access, const QString &messageId,
                                const Outgoing &to, const QString &body,
                                const TwilioAccount &account, SmsRetry retry, qint64 sendJob = 0);
    // Moves an unsettled row ('sending', 'unknown') to `status`; false when it was settled
    // already (the first outcome stands).
    Result<bool> settleSms(const db::Access &access, const QString &orgId, const QString &messageId,
                           const QString &status, const QString &externalId, const QString &error,
                           SmsEvent event = SmsEvent::Updated);
    Result<bool> settleSmsIn(db::Transaction &tx, const QString &orgId, const QString &messageId,
                             const QString &status, const QString &externalId, const QString &error,
                             SmsEvent event);
    // A job's message Twilio has no record of goes back to 'queued' and its sms.send job runs
    // again, while the job has attempts left; false when it does not (the caller settles it).
    Result<bool> sendAgain(const QString &orgId, const QString &messageId, qint64 sendJob,
                           const QString &reason);

    Result<QString> record(const db::Access &access, const QString &messageId, const Outgoing &to,
                           const QString &method, const QString &content, const QString &provider,
                           const Delivery &delivery);

    AppContext &m_app;
};

// The message in Twilio's list (newest first) that is the one we sent at `attemptedAt`: same
// body, created no earlier than a few minutes before, and not already another row's. Pure, so
// the matching rules are tested on their own.
std::optional<QJsonObject> findSentMessage(const QJsonArray &listed, const QString &body,
                                           const QDateTime &attemptedAt,
                                           const QSet<QString> &claimed);

} // namespace vox::server
