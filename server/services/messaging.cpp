#include "server/services/messaging.h"

#include "core/logging/log.h"
#include "core/phonenumber.h"
#include "server/events/eventpublisher.h"
#include "server/http/response.h"
#include "server/services/credentialstore.h"

#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

QString nullIfEmpty(const QString &value)
{
    return value.isEmpty() ? QString() : value;
}

// Worth another attempt later: Twilio never answered, throttled us, or failed on its side.
bool transient(const Error &error)
{
    const int status = error.subject.toInt();
    return error.code == u"502" && (status == 0 || status == 429 || status >= 500);
}

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

Result<Messaging::Delivery> Messaging::sendSms(const db::Access &access, const Outgoing &to,
                                               const QString &body)
{
    auto account = m_app.db.transaction<std::optional<TwilioAccount>>(
        access, [&](db::Transaction &tx) { return twilioAccount(tx, to.orgId); });
    if (!account)
        return account.error();
    if (!*account || (*account)->phoneNumber.isEmpty())
        return http::status::badRequest(u"Twilio not configured"_s);

    providers::TwilioClient twilio(m_app.config.twilioBaseUrl, (*account)->credentials,
                                   m_app.retry);
    auto sent = twilio.sendMessage((*account)->phoneNumber, to.recipient, body);
    Delivery delivery;
    if (sent) {
        delivery.sent = true;
        delivery.externalId = sent->value(u"sid"_s).toString();
    } else {
        delivery.providerError = sent.errorMessage();
        log::error("messaging", u"An SMS could not be sent."_s,
                   {{u"org_id"_s, to.orgId},
                    {u"purpose"_s, to.purpose},
                    {u"provider"_s, u"twilio"_s},
                    {u"status"_s, sent.error().subject},
                    {u"provider_error"_s, sent.errorMessage()}});
    }
    const QString messageId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto recorded = record(access, messageId, to, u"sms"_s, body, u"twilio"_s, delivery);
    if (!recorded) {
        log::error("messaging", u"An SMS was handed to Twilio but its audit row failed."_s,
                   {{u"org_id"_s, to.orgId},
                    {u"external_id"_s, delivery.externalId},
                    {u"error"_s, recorded.errorMessage()}});
        return recorded.error();
    }
    delivery.messageId = *recorded;
    return delivery;
}

Result<Messaging::Delivery> Messaging::sendEmail(const db::Access &access, const Outgoing &to,
                                                 const QString &subject, const QString &text,
                                                 const QString &html, const QString &auditContent)
{
    auto account = m_app.db.transaction<std::optional<EmailAccount>>(
        access, [&](db::Transaction &tx) { return emailAccount(tx, to.orgId); });
    if (!account)
        return account.error();
    if (!*account)
        return http::status::badRequest(u"E-mail is not configured"_s);

    // The audit row's id doubles as Resend's idempotency key: a retried request never sends a
    // second e-mail.
    const QString messageId = QUuid::createUuid().toString(QUuid::WithoutBraces);
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
    auto number = phone::normalize(p.value(u"to"_s).toString());
    if (to.orgId.isEmpty() || !number || body.isEmpty()) {
        // A malformed job cannot improve with retries.
        log::error("messaging", u"sms.send job without an org, a valid number or a body."_s,
                   {{u"job_id"_s, job.id}});
        return {};
    }
    to.recipient = *number;
    const db::Access service = db::Access::service();

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
    providers::TwilioClient twilio(m_app.config.twilioBaseUrl, (*account)->credentials,
                                   m_app.retry);
    auto sent = twilio.sendMessage((*account)->phoneNumber, to.recipient, body);
    if (!sent && transient(sent.error()) && job.attempt < job.maxAttempts)
        return sent.error(); // the job runner tries again later; no row until it settles
    Delivery delivery;
    delivery.sent = sent.ok();
    if (sent) {
        delivery.externalId = sent->value(u"sid"_s).toString();
    } else {
        delivery.providerError = sent.errorMessage();
        log::error("messaging", u"An SMS could not be sent."_s,
                   {{u"org_id"_s, to.orgId},
                    {u"job_id"_s, job.id},
                    {u"purpose"_s, to.purpose},
                    {u"provider"_s, u"twilio"_s},
                    {u"status"_s, sent.error().subject},
                    {u"provider_error"_s, sent.errorMessage()}});
    }
    auto recorded = record(service, QUuid::createUuid().toString(QUuid::WithoutBraces), to,
                           u"sms"_s, body, u"twilio"_s, delivery);
    if (!recorded)
        return recorded.error();
    return {};
}

} // namespace vox::server
