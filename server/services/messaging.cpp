#include "server/services/messaging.h"

#include "core/logging/log.h"
#include "core/phonenumber.h"
#include "server/events/eventpublisher.h"
#include "server/http/response.h"
#include "server/jobs/followingjob.h"
#include "server/jobs/jobqueue.h"
#include "server/services/credentialstore.h"
#include "server/services/smsstatus.h"

#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

QString nullIfEmpty(const QString &value)
{
    return value.isEmpty() ? QString() : value;
}

// Names the messages that sms.send jobs write, one per job.
const QUuid smsJobNamespace(u"6f0c7a52-3b8e-4f7e-9a55-2d1e8c4b7a10"_s);

} // namespace

Result<std::optional<Messaging::TwilioAccount>> Messaging::twilioAccount(db::Transaction &tx,
                                                                         const QString &orgId) const
{
    const CredentialStore store(m_app.keys);
    auto summary = store.describe(tx, orgId, CredentialStore::twilio);
    if (!summary)
        return summary.error();
    // A connection still being set up (or left half-way) is not usable.
    if (!*summary || (*summary)->status != u"active")
        return std::optional<TwilioAccount>();
    auto secret = store.reveal(tx, orgId, CredentialStore::twilio);
    if (!secret)
        return secret.error();
    if (!*secret)
        return std::optional<TwilioAccount>();
    TwilioAccount account;
    account.credentials.accountSid = (*secret)->value(u"account_sid"_s).toString();
    account.credentials.authToken = (*secret)->value(u"auth_token"_s).toString();
    account.phoneNumber = (*summary)->metadata.value(u"phone_number"_s).toString();
    return std::optional<TwilioAccount>(account);
}

Result<std::optional<Messaging::EmailAccount>> Messaging::emailAccount(db::Transaction &tx,
                                                                       const QString &orgId) const
{
    EmailAccount account;
    auto secret = CredentialStore(m_app.keys).reveal(tx, orgId, CredentialStore::resend);
    if (!secret)
        return secret.error();
    if (*secret) {
        account.apiKey = (*secret)->value(u"api_key"_s).toString();
        account.clinicKey = !account.apiKey.isEmpty();
    }
    if (account.apiKey.isEmpty())
        account.apiKey = m_app.config.resendApiKey;
    if (account.apiKey.isEmpty())
        return std::optional<EmailAccount>();
    auto from = tx.exec("SELECT s.email_from, o.name FROM org_settings s JOIN organizations o ON "
                        "o.id = s.org_id WHERE s.org_id = $1::uuid",
                        {orgId});
    if (!from)
        return from.error();
    account.from = from->isEmpty() ? QString() : from->text(0, 0);
    if (account.from.isEmpty()) {
        // The server's address, under the clinic's name so the patient knows who writes.
        const QString server = m_app.config.emailFrom;
        const qsizetype open = server.indexOf(u'<');
        const QString address = open >= 0 ? server.mid(open) : u'<' + server + u'>';
        const QString clinic = from->isEmpty() ? QString() : from->text(0, 1);
        account.from = clinic.isEmpty() ? server : clinic + u' ' + address;
    }
    return std::optional<EmailAccount>(account);
}

Result<QString> Messaging::record(const db::Access &access, const QString &messageId,
                                  const Outgoing &to, const QString &method, const QString &content,
                                  const QString &provider, const Delivery &delivery)
{
    return m_app.db.transaction<QString>(access, [&](db::Transaction &tx) -> Result<QString> {
        auto row = tx.exec(
            "INSERT INTO messages (id, org_id, contact_id, call_id, appointment_id, direction, "
            "method, purpose, recipient, content, status, service_provider, external_message_id, "
            "error, sent_by, sent_at) VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, "
            "'outbound', $6, $7, $8, $9, $10, $11, $12, $13, $14::uuid, CASE WHEN $10 = 'sent' "
            "THEN now() END) RETURNING id",
            {messageId, to.orgId, nullIfEmpty(to.contactId), nullIfEmpty(to.callId),
             nullIfEmpty(to.appointmentId), method, nullIfEmpty(to.purpose), to.recipient, content,
             delivery.sent ? u"sent"_s : u"failed"_s, nullIfEmpty(provider),
             nullIfEmpty(delivery.externalId), nullIfEmpty(delivery.providerError.left(1000)),
             nullIfEmpty(to.sentBy)});
        if (!row)
            return row.error();
        QJsonObject payload{{u"method"_s, method},
                            {u"status"_s, delivery.sent ? u"sent"_s : u"failed"_s},
                            {u"purpose"_s, to.purpose}};
        for (const auto &[key, value] :
             {std::pair{u"contact_id"_s, to.contactId}, std::pair{u"call_id"_s, to.callId},
              std::pair{u"appointment_id"_s, to.appointmentId}}) {
            if (!value.isEmpty())
                payload.insert(key, value);
        }
        auto published =
            events::publish(tx, to.orgId, u"message.created"_s, u"message"_s, messageId, payload);
        if (!published)
            return published.error();
        return row->text(0, 0);
    });
}

Result<QString> Messaging::recordUnsent(const db::Access &access, const Outgoing &to,
                                        const QString &method, const QString &content,
                                        const QString &reason)
{
    Delivery delivery;
    delivery.providerError = reason;
    return record(access, QUuid::createUuid().toString(QUuid::WithoutBraces), to, method, content,
                  QString(), delivery);
}

namespace {
const QString notWantedReason = u"This person asked not to get text messages (do not text)."_s;
} // namespace

Result<std::optional<QString>> Messaging::refuseIfNotWanted(const db::Access &access,
                                                            const Outgoing &to, const QString &body)
{
    auto refusal = m_app.db.transaction<std::optional<QString>>(
        access, [&](db::Transaction &tx) -> Result<std::optional<QString>> {
            auto row = tx.exec("SELECT EXISTS (SELECT 1 FROM sms_opt_outs WHERE org_id = "
                               "$1::uuid AND phone = $2), EXISTS (SELECT 1 FROM contacts WHERE "
                               "org_id = $1::uuid AND phone = $2 AND do_not_text)",
                               {to.orgId, to.recipient});
            if (!row)
                return row.error();
            if (row->toBool(0, 0))
                return std::optional<QString>(optedOutReason);
            if (row->toBool(0, 1))
                return std::optional<QString>(notWantedReason);
            return std::optional<QString>();
        });
    if (!refusal)
        return refusal.error();
    if (!*refusal)
        return refusal;
    auto recorded = recordUnsent(access, to, u"sms"_s, body, **refusal);
    if (!recorded)
        return recorded.error();
    return refusal;
}

Result<Messaging::Delivery> Messaging::sendSms(const db::Access &access, const Outgoing &to,
                                               const QString &body, const QString &messageId)
{
    auto notWanted = refuseIfNotWanted(access, to, body);
    if (!notWanted)
        return notWanted.error();
    if (*notWanted)
        return http::status::unprocessable(**notWanted);
    auto account = m_app.db.transaction<std::optional<TwilioAccount>>(
        access, [&](db::Transaction &tx) { return twilioAccount(tx, to.orgId); });
    if (!account)
        return account.error();
    if (!*account || (*account)->phoneNumber.isEmpty())
        return http::status::badRequest(u"Twilio not configured"_s);
    return deliverSms(access,
                      messageId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces)
                                          : messageId,
                      to, body, **account, SmsRetry::Never);
}

Result<Messaging::Delivery> Messaging::deliverSms(const db::Access &access,
                                                  const QString &messageId, const Outgoing &to,
                                                  const QString &body, const TwilioAccount &account,
                                                  SmsRetry retry, qint64 sendJob)
{
    // 1. The row first, with the check that settles it should this process never get to: a
    //    crash between Twilio's answer and our write leaves 'sending', never silence. A job run
    //    again finds its row and sends only if the last attempt certainly did not leave.
    auto claimed = m_app.db.transaction<std::optional<QString>>(
        access, [&](db::Transaction &tx) -> Result<std::optional<QString>> {
            auto row = tx.exec(
                "INSERT INTO messages (id, org_id, contact_id, call_id, appointment_id, "
                "direction, method, purpose, recipient, content, status, service_provider, "
                "sender, sent_by) VALUES ($1::uuid, $2::uuid, $3::uuid, $4::uuid, $5::uuid, "
                "'outbound', 'sms', $6, $7, $8, 'sending', 'twilio', $9, $10::uuid) "
                "ON CONFLICT (id) DO UPDATE SET status = 'sending', sender = EXCLUDED.sender, "
                "error = NULL WHERE messages.status = 'queued' RETURNING status",
                {messageId, to.orgId, nullIfEmpty(to.contactId), nullIfEmpty(to.callId),
                 nullIfEmpty(to.appointmentId), nullIfEmpty(to.purpose), to.recipient, body,
                 account.phoneNumber, nullIfEmpty(to.sentBy)});
            if (!row)
                return row.error();
            if (row->isEmpty()) {
                auto settled = tx.exec("SELECT status FROM messages WHERE id = $1::uuid AND "
                                       "org_id = $2::uuid",
                                       {messageId, to.orgId});
                if (!settled)
                    return settled.error();
                return std::optional<QString>(settled->isEmpty() ? u"failed"_s
                                                                 : settled->text(0, 0));
            }
            // Sent again after a check found no record: that check may still be finishing.
            jobs::NewJob check = jobs::followingJob(u"sms.check"_s, to.orgId, messageId);
            check.payload = {{u"message_id"_s, messageId}};
            if (sendJob > 0)
                check.payload.insert(u"send_job"_s, sendJob);
            check.runAt = QDateTime::currentDateTimeUtc().addMSecs(m_app.config.smsCheckDelayMs);
            check.maxAttempts = 4;
            if (auto queued = jobs::enqueue(tx, check); !queued)
                return queued.error();
            return std::optional<QString>();
        });
    if (!claimed)
        return claimed.error();
    Delivery delivery;
    delivery.messageId = messageId;
    if (const std::optional<QString> &earlier = *claimed) {
        // Already attempted: its outcome stands, or is being settled by the check.
        delivery.sent = *earlier == u"sent"_s || *earlier == u"delivered"_s;
        delivery.unknown = *earlier == u"sending"_s || *earlier == u"unknown"_s;
        return delivery;
    }

    // 2. Twilio, once: a Messages POST that may have arrived is never sent again.
    providers::TwilioClient twilio(m_app.config.twilioBaseUrl, account.credentials, m_app.retry);
    auto sent = twilio.sendMessage(account.phoneNumber, to.recipient, body,
                                   SmsStatus::callbackUrl(m_app.config, messageId));

    // 3. What Twilio said, kept on the row.
    QString status;
    if (sent) {
        status = u"sent"_s;
        delivery.sent = true;
        delivery.externalId = sent->value(u"sid"_s).toString();
    } else {
        delivery.providerError = sent.errorMessage();
        const Error &e = sent.error();
        const bool refused = e.kind == ErrorKind::Refused;
        const bool notSent =
            refused || e.subject == providers::unreachable || e.subject == u"429"_s;
        if (refused)
            delivery.refusal = providers::twilioRefusalWords(e);
        if (notSent && !refused && retry == SmsRetry::Later) {
            status = u"queued"_s; // certainly not sent: the job may try again
        } else {
            status = notSent ? u"failed"_s : u"unknown"_s;
            delivery.unknown = !notSent;
        }
        log::error("messaging",
                   delivery.unknown ? u"Twilio did not confirm an SMS; it will be looked up."_s
                                    : u"An SMS could not be sent."_s,
                   {{u"org_id"_s, to.orgId},
                    {u"message_id"_s, messageId},
                    {u"purpose"_s, to.purpose},
                    {u"provider"_s, u"twilio"_s},
                    {u"status"_s, e.subject},
                    {u"twilio_code"_s, providers::twilioErrorCode(e)}});
    }
    auto recorded = settleSms(access, to.orgId, messageId, status, delivery.externalId,
                              delivery.providerError, SmsEvent::Created);
    if (!recorded) {
        log::error("messaging", u"An SMS was handed to Twilio but its outcome was not written."_s,
                   {{u"org_id"_s, to.orgId},
                    {u"message_id"_s, messageId},
                    {u"external_id"_s, delivery.externalId},
                    {u"error"_s, recorded.errorMessage()}});
        return recorded.error();
    }
    if (status == u"queued"_s)
        return fail(u"Twilio could not take the SMS now; it was not sent."_s,
                    ErrorKind::ProviderFailed, sent.error().subject);
    return delivery;
}

Result<bool> Messaging::settleSms(const db::Access &access, const QString &orgId,
                                  const QString &messageId, const QString &status,
                                  const QString &externalId, const QString &error, SmsEvent event)
{
    return m_app.db.transaction<bool>(access, [&](db::Transaction &tx) {
        return settleSmsIn(tx, orgId, messageId, status, externalId, error, event);
    });
}

Result<bool> Messaging::settleSmsIn(db::Transaction &tx, const QString &orgId,
                                    const QString &messageId, const QString &status,
                                    const QString &externalId, const QString &error, SmsEvent event)
{
    auto row =
        tx.exec("UPDATE messages SET status = $3, external_message_id = coalesce($4, "
                "external_message_id), error = $5, sent_at = CASE WHEN $3 = 'sent' THEN now() END "
                "WHERE id = $1::uuid AND org_id = $2::uuid AND status IN ('sending', 'unknown') "
                "RETURNING purpose, contact_id::text, call_id::text, appointment_id::text",
                {messageId, orgId, status, nullIfEmpty(externalId), nullIfEmpty(error.left(1000))});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return false; // settled meanwhile (the check and a late sender): the first stands
    QJsonObject payload{{u"method"_s, u"sms"_s}, {u"status"_s, status}};
    if (!row->isNull(0, 0))
        payload.insert(u"purpose"_s, row->text(0, 0));
    for (const auto &[key, column] : {std::pair{u"contact_id"_s, 1}, std::pair{u"call_id"_s, 2},
                                      std::pair{u"appointment_id"_s, 3}}) {
        if (!row->isNull(0, column))
            payload.insert(key, row->text(0, column));
    }
    auto published = events::publish(
        tx, orgId, event == SmsEvent::Created ? u"message.created"_s : u"message.updated"_s,
        u"message"_s, messageId, payload);
    if (!published)
        return published.error();
    return true;
}

Result<bool> Messaging::sendAgain(const QString &orgId, const QString &messageId, qint64 sendJob,
                                  const QString &reason)
{
    return m_app.db.transaction<bool>(
        db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
            auto owner = tx.exec("SELECT 1 FROM jobs WHERE id = $1::bigint AND kind = 'sms.send' "
                                 "AND org_id = $2::uuid AND status IN ('done', 'failed') AND "
                                 "attempts < max_attempts FOR UPDATE",
                                 {QString::number(sendJob), orgId});
            if (!owner)
                return owner.error();
            if (owner->isEmpty())
                return false;
            auto queued = settleSmsIn(tx, orgId, messageId, u"queued"_s, {},
                                      reason + u" Sending it again."_s, SmsEvent::Updated);
            if (!queued || !*queued)
                return queued;
            auto rearmed = tx.exec("UPDATE jobs SET status = 'queued', run_at = now(), locked_by "
                                   "= NULL, locked_at = NULL, finished_at = NULL, last_error = $2 "
                                   "WHERE id = $1::bigint",
                                   {QString::number(sendJob), reason});
            if (!rearmed)
                return rearmed.error();
            return true;
        });
}

Result<Messaging::Delivery> Messaging::sendEmail(const db::Access &access, const Outgoing &to,
                                                 const QString &subject, const QString &text,
                                                 const QString &html, const QString &auditContent,
                                                 const QString &namedId)
{
    if (!namedId.isEmpty()) {
        // Sent (or tried) before: its first outcome stands.
        auto earlier = m_app.db.transaction<std::optional<Delivery>>(
            access, [&](db::Transaction &tx) -> Result<std::optional<Delivery>> {
                auto row = tx.exec("SELECT status, coalesce(external_message_id, '') FROM "
                                   "messages WHERE id = $1::uuid AND org_id = $2::uuid",
                                   {namedId, to.orgId});
                if (!row)
                    return row.error();
                if (row->isEmpty())
                    return std::optional<Delivery>();
                Delivery d;
                d.messageId = namedId;
                d.externalId = row->text(0, 1);
                d.sent = row->text(0, 0) != u"failed"_s;
                return std::optional<Delivery>(d);
            });
        if (!earlier)
            return earlier.error();
        if (*earlier)
            return **earlier;
    }
    auto account = m_app.db.transaction<std::optional<EmailAccount>>(
        access, [&](db::Transaction &tx) { return emailAccount(tx, to.orgId); });
    if (!account)
        return account.error();
    if (!*account)
        return http::status::badRequest(u"E-mail is not configured"_s);

    // The audit row's id doubles as Resend's idempotency key: a retried request never sends a
    // second e-mail, nor does a second attempt with the same named id whose first could not be
    // recorded (Resend keeps a key for 24 hours).
    const QString messageId =
        namedId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces) : namedId;
    providers::ResendClient resend(m_app.config.resendBaseUrl, (*account)->apiKey, m_app.retry);
    providers::Email email;
    email.from = (*account)->from;
    email.to = to.recipient;
    email.subject = subject;
    email.text = text;
    email.html = html;
    email.idempotencyKey = messageId;
    auto sent = resend.send(email);
    Delivery delivery;
    if (sent) {
        delivery.sent = true;
        delivery.externalId = *sent;
    } else {
        delivery.providerError = sent.errorMessage();
        log::error("messaging", u"An e-mail could not be sent."_s,
                   {{u"org_id"_s, to.orgId},
                    {u"purpose"_s, to.purpose},
                    {u"provider"_s, u"resend"_s},
                    {u"status"_s, sent.error().subject},
                    {u"provider_error"_s, sent.errorMessage()}});
    }
    auto recorded = record(access, messageId, to, u"email"_s, subject + u"\n\n"_s + auditContent,
                           u"resend"_s, delivery);
    if (!recorded)
        return recorded.error();
    delivery.messageId = *recorded;
    return delivery;
}

void Messaging::registerJobs(jobs::JobRunner &runner, AppContext &app)
{
    auto messaging = std::make_shared<Messaging>(app);
    runner.registerHandler(u"sms.send"_s,
                           [messaging](const jobs::Job &job) { return messaging->runSmsJob(job); });
    runner.registerHandler(
        u"sms.check"_s, [messaging](const jobs::Job &job) { return messaging->runCheckJob(job); });
}

Result<void> Messaging::runSmsJob(const jobs::Job &job)
{
    const QJsonObject p = job.payload;
    Outgoing to;
    to.orgId = job.orgId;
    to.purpose = p.value(u"purpose"_s).toString(u"alert"_s);
    to.contactId = p.value(u"contact_id"_s).toString();
    to.callId = p.value(u"call_id"_s).toString();
    to.appointmentId = p.value(u"appointment_id"_s).toString();
    const QString body = p.value(u"body"_s).toString().left(1600);
    // The job carries a number the server stored, in E.164.
    auto number = phone::normalize(p.value(u"to"_s).toString(), QString());
    if (to.orgId.isEmpty() || !number || body.isEmpty()) {
        // A malformed job cannot improve with retries.
        log::error("messaging", u"sms.send job without an org, a valid number or a body."_s,
                   {{u"job_id"_s, job.id}});
        return {};
    }
    to.recipient = *number;
    const db::Access service = db::Access::service();
    // One message per job, whatever happens to the job: its row's id comes from the job's.
    const QString messageId = QUuid::createUuidV5(smsJobNamespace, QString::number(job.id))
                                  .toString(QUuid::WithoutBraces);

    auto account = m_app.db.transaction<std::optional<TwilioAccount>>(
        service, [&](db::Transaction &tx) { return twilioAccount(tx, to.orgId); });
    if (!account)
        return account.error();
    if (!*account || (*account)->phoneNumber.isEmpty()) {
        auto recorded = recordUnsent(service, to, u"sms"_s, body, u"Twilio not configured"_s);
        if (!recorded)
            return recorded.error();
        return {}; // nothing to retry until the clinic connects Twilio
    }
    auto notWanted = refuseIfNotWanted(service, to, body);
    if (!notWanted)
        return notWanted.error();
    if (*notWanted)
        return {}; // recorded as refused; asking again would not change the person's wish
    const SmsRetry retry = job.attempt < job.maxAttempts ? SmsRetry::Later : SmsRetry::Never;
    auto delivered = deliverSms(service, messageId, to, body, **account, retry, job.id);
    if (!delivered)
        return delivered.error(); // certainly not sent, or not recorded: the runner tries again
    return {};
}

Result<void> Messaging::runCheckJob(const jobs::Job &job)
{
    const QString messageId = job.payload.value(u"message_id"_s).toString();
    const db::Access service = db::Access::service();
    struct Unsettled
    {
        QString recipient, sender, content;
        QDateTime createdAt;
    };
    auto loaded = m_app.db.transaction<std::optional<Unsettled>>(
        service, [&](db::Transaction &tx) -> Result<std::optional<Unsettled>> {
            auto row = tx.exec("SELECT recipient, coalesce(sender, ''), content, created_at FROM "
                               "messages WHERE id = $1::uuid AND org_id = $2::uuid AND method = "
                               "'sms' AND status IN ('sending', 'unknown')",
                               {messageId, job.orgId});
            if (!row)
                return row.error();
            if (row->isEmpty())
                return std::optional<Unsettled>();
            return std::optional<Unsettled>(Unsettled{row->text(0, 0), row->text(0, 1),
                                                      row->text(0, 2), row->toDateTime(0, 3)});
        });
    if (!loaded)
        return loaded.error();
    if (!*loaded)
        return {}; // settled by the sender, or gone: nothing to look up
    const Unsettled m = **loaded;

    auto account = m_app.db.transaction<std::optional<TwilioAccount>>(
        service, [&](db::Transaction &tx) { return twilioAccount(tx, job.orgId); });
    if (!account)
        return account.error();
    if (!*account) {
        auto settled = settleSms(service, job.orgId, messageId, u"unknown"_s, {},
                                 u"Twilio was disconnected before this SMS could be looked up."_s);
        return settled ? Result<void>() : Result<void>(settled.error());
    }
    providers::TwilioClient twilio(m_app.config.twilioBaseUrl, (*account)->credentials,
                                   m_app.retry);
    const QString from = m.sender.isEmpty() ? (*account)->phoneNumber : m.sender;
    auto listed = twilio.listMessages(from, m.recipient);
    if (!listed)
        return listed.error(); // looked up again later
    auto known = m_app.db.transaction<QSet<QString>>(
        service, [&](db::Transaction &tx) -> Result<QSet<QString>> {
            auto ids = tx.exec("SELECT external_message_id FROM messages WHERE org_id = $1::uuid "
                               "AND method = 'sms' AND recipient = $2 AND external_message_id IS "
                               "NOT NULL AND created_at > $3::timestamptz - interval '1 day'",
                               {job.orgId, m.recipient, m.createdAt});
            if (!ids)
                return ids.error();
            QSet<QString> out;
            for (int i = 0; i < ids->rowCount(); ++i)
                out.insert(ids->text(i, 0));
            return out;
        });
    if (!known)
        return known.error();
    const auto found = findSentMessage(*listed, m.content, m.createdAt, *known);
    if (found) {
        const QString twilioStatus = found->value(u"status"_s).toString();
        const bool failed = twilioStatus == u"failed"_s || twilioStatus == u"undelivered"_s;
        auto settled =
            settleSms(service, job.orgId, messageId, failed ? u"failed"_s : u"sent"_s,
                      found->value(u"sid"_s).toString(),
                      failed ? u"Twilio reports the message %1."_s.arg(twilioStatus) : QString());
        return settled ? Result<void>() : Result<void>(settled.error());
    }
    if (job.attempt < job.maxAttempts)
        return fail(u"Twilio does not list the message yet."_s); // its list can lag: later
    // Twilio confirms it never took the message: sending it again cannot make a second text. A
    // job's message is its job's to send; a person's is left to them, told it was not sent.
    const QString notSent = u"Twilio has no record of this message: it was not sent."_s;
    if (const qint64 sendJob = job.payload.value(u"send_job"_s).toInteger(); sendJob > 0) {
        auto again = sendAgain(job.orgId, messageId, sendJob, notSent);
        if (!again)
            return again.error();
        if (*again) {
            m_app.jobs.wake();
            return {};
        }
    }
    auto settled = settleSms(service, job.orgId, messageId, u"failed"_s, {}, notSent);
    return settled ? Result<void>() : Result<void>(settled.error());
}

std::optional<QJsonObject> findSentMessage(const QJsonArray &listed, const QString &body,
                                           const QDateTime &attemptedAt,
                                           const QSet<QString> &claimed)
{
    // Twilio stamps messages with its own clock; allow for skew between it and ours.
    const QDateTime earliest = attemptedAt.addSecs(-300);
    std::optional<QJsonObject> oldest;
    for (const QJsonValue &value : listed) {
        const QJsonObject m = value.toObject();
        const QString sid = m.value(u"sid"_s).toString();
        const QDateTime created =
            QDateTime::fromString(m.value(u"date_created"_s).toString(), Qt::RFC2822Date);
        if (sid.isEmpty() || claimed.contains(sid) || m.value(u"body"_s).toString() != body ||
            !created.isValid() || created < earliest)
            continue;
        oldest = m; // newest first: the last match is the earliest, the one we sent
    }
    return oldest;
}

} // namespace vox::server
