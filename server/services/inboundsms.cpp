#include "server/services/inboundsms.h"

#include "core/logging/log.h"
#include "core/phonenumber.h"
#include "core/smsreply.h"
#include "core/sqlstate.h"
#include "core/twiliosignature.h"
#include "server/events/eventpublisher.h"
#include "server/http/response.h"
#include "server/services/booking.h"
#include "server/services/credentialstore.h"
#include "server/services/publicurl.h"
#include "server/services/redaction.h"

#include <QHash>
#include <QLocale>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

struct Clinic
{
    QString orgId;
    QString name;
    QString timeZone;
};

struct Waiting
{
    QString id;
    QDateTime start;
    QString service;
};

QString when(const QDateTime &at, const QString &timeZone)
{
    const QTimeZone tz(timeZone.toLatin1());
    return QLocale(QLocale::English, QLocale::UnitedStates)
        .toString(at.toTimeZone(tz.isValid() ? tz : QTimeZone::utc()), u"ddd MMM d 'at' h:mm AP"_s);
}

// The clinics whose Twilio number is `to`, and which of them signed this request. Normally one
// clinic has the number; should two have entered it, only the one whose token signed is it.
Result<std::optional<Clinic>> signingClinic(AppContext &app, const QString &to, const QString &url,
                                            const QByteArray &signature,
                                            const twilio::FormParameters &parameters)
{
    return app.db.transaction<std::optional<Clinic>>(
        db::Access::service(), [&](db::Transaction &tx) -> Result<std::optional<Clinic>> {
            auto rows =
                tx.exec("SELECT c.org_id, o.name, coalesce(s.time_zone, 'UTC') FROM "
                        "org_credentials c JOIN organizations o ON o.id = c.org_id LEFT JOIN "
                        "org_settings s ON s.org_id = c.org_id WHERE c.provider = 'twilio' AND "
                        "c.metadata ->> 'phone_number' = $1",
                        {to});
            if (!rows)
                return rows.error();
            const CredentialStore store(app.keys);
            for (int i = 0; i < rows->rowCount(); ++i) {
                const Clinic clinic{rows->text(i, 0), rows->text(i, 1), rows->text(i, 2)};
                auto secret = store.reveal(tx, clinic.orgId, CredentialStore::twilio);
                if (!secret)
                    return secret.error();
                if (*secret &&
                    twilio::twilioSignatureMatches((*secret)->value(u"auth_token"_s).toString(),
                                                   url, parameters, signature))
                    return std::optional<Clinic>(clinic);
            }
            return std::optional<Clinic>();
        });
}

bool needsStaff(sms::ReplyKind kind, bool acted)
{
    switch (kind) {
    case sms::ReplyKind::Confirm:
        return !acted;
    case sms::ReplyKind::OptOut:
    case sms::ReplyKind::OptIn:
    case sms::ReplyKind::Help:
        return false;
    case sms::ReplyKind::Cancel:     // the front desk should know the slot is free
    case sms::ReplyKind::Reschedule: // the front desk finds a new time
    case sms::ReplyKind::FreeText:
        break;
    }
    return true;
}

} // namespace

QString InboundSms::webhookUrl() const
{
    return publicUrl(m_app.config, path);
}

Result<InboundSms::Answer> InboundSms::receive(const QString &url, const QByteArray &signature,
                                               const QList<QPair<QString, QString>> &parameters)
{
    QHash<QString, QString> p;
    for (const auto &[name, value] : parameters)
        p.insert(name, value);
    const QString to = p.value(u"To"_s);
    const QString sid = p.value(u"MessageSid"_s, p.value(u"SmsSid"_s));
    std::optional<Clinic> clinic;
    if (!signature.isEmpty() && !to.isEmpty()) {
        auto found = signingClinic(m_app, to, url, signature, parameters);
        if (!found)
            return found.error();
        clinic = *found;
    }
    if (!clinic) {
        log::warn("messaging", u"An inbound SMS without a valid Twilio signature."_s,
                  {{u"message_sid"_s, sid}});
        return http::status::forbidden(u"The request is not signed by Twilio."_s);
    }
    auto from = phone::normalize(p.value(u"From"_s), QString());
    if (!from)
        return http::status::badRequest(u"'From' is not a phone number."_s, u"From"_s);
    if (sid.isEmpty())
        return http::status::badRequest(u"'MessageSid' is missing."_s, u"MessageSid"_s);
    const QString body = p.value(u"Body"_s).left(1600);

    auto outcome = m_app.db.transaction<Answer>(
        db::Access::service(), [&](db::Transaction &tx) -> Result<Answer> {
            const QString &orgId = clinic->orgId;
            // Twilio posts again when it got no answer: the first delivery's outcome stands.
            auto seen = tx.exec("SELECT 1 FROM messages WHERE org_id = $1::uuid AND direction = "
                                "'inbound' AND external_message_id = $2",
                                {orgId, sid});
            if (!seen)
                return seen.error();
            if (!seen->isEmpty())
                return Answer{};

            auto contact = tx.exec(
                "INSERT INTO contacts (org_id, phone) VALUES ($1::uuid, $2) ON CONFLICT "
                "(org_id, phone) DO UPDATE SET phone = EXCLUDED.phone RETURNING id, (xmax = 0)",
                {orgId, *from});
            if (!contact)
                return contact.error();
            const QString contactId = contact->text(0, 0);
            if (contact->toBool(0, 1)) {
                if (auto e = events::publish(tx, orgId, u"contact.created"_s, u"contact"_s,
                                             contactId, {{u"id"_s, contactId}});
                    !e)
                    return e.error();
            }

            auto next = tx.exec("SELECT id, starts_at, coalesce(service_name, '') FROM "
                                "appointments WHERE org_id = $1::uuid AND contact_id = $2::uuid "
                                "AND status IN ('held', 'confirmed') AND starts_at > now() ORDER "
                                "BY starts_at, id LIMIT 1 FOR UPDATE",
                                {orgId, contactId});
            if (!next)
                return next.error();
            std::optional<Waiting> waiting;
            if (!next->isEmpty())
                waiting = Waiting{next->text(0, 0), next->toDateTime(0, 1), next->text(0, 2)};

            const sms::ReplyKind kind = sms::interpretReply(body, waiting.has_value());
            auto opted = tx.exec("SELECT EXISTS (SELECT 1 FROM sms_opt_outs WHERE org_id = "
                                 "$1::uuid AND phone = $2)",
                                 {orgId, *from});
            if (!opted)
                return opted.error();
            const bool optedOut = opted->toBool(0, 0);
            const QString clinicLine = clinic->name + u" ("_s + to + u')';
            QString reply;
            bool acted = false;
            const QString appointmentWords =
                waiting ? (waiting->service.isEmpty() ? u"appointment"_s
                                                      : waiting->service + u" appointment"_s) +
                              u" on "_s + when(waiting->start, clinic->timeZone)
                        : QString();
            const QString nothingWaiting =
                u"We could not find an upcoming appointment for this number. Please call %1."_s.arg(
                    clinicLine);
            switch (kind) {
            case sms::ReplyKind::Confirm:
                if (waiting) {
                    auto done = tx.exec(
                        "UPDATE appointments SET status = 'confirmed', patient_confirmed_at = "
                        "now(), reschedule_requested_at = NULL, updated_at = now() WHERE id = "
                        "$1::uuid AND org_id = $2::uuid",
                        {waiting->id, orgId});
                    if (!done)
                        return done.error();
                    acted = true;
                    reply = u"Thank you, your %1 is confirmed. %2"_s.arg(appointmentWords,
                                                                         clinic->name);
                } else {
                    reply = nothingWaiting;
                }
                break;
            case sms::ReplyKind::Cancel:
                if (waiting) {
                    auto done = BookingService::cancelIn(tx, orgId, waiting->id,
                                                         u"the patient replied by text"_s);
                    if (!done)
                        return done.error();
                    acted = true;
                    reply = u"Your %1 is cancelled. Call %2 to book again."_s.arg(appointmentWords,
                                                                                  clinicLine);
                } else {
                    reply = nothingWaiting;
                }
                break;
            case sms::ReplyKind::Reschedule:
                if (waiting) {
                    auto done = tx.exec("UPDATE appointments SET reschedule_requested_at = now(), "
                                        "updated_at = now() WHERE id = $1::uuid AND org_id = "
                                        "$2::uuid",
                                        {waiting->id, orgId});
                    if (!done)
                        return done.error();
                    acted = true;
                    reply = u"Thanks, we will contact you to find a new time for your %1."_s.arg(
                        appointmentWords);
                } else {
                    reply = nothingWaiting;
                }
                break;
            case sms::ReplyKind::OptOut: {
                auto done = tx.exec("INSERT INTO sms_opt_outs (org_id, phone, keyword) VALUES "
                                    "($1::uuid, $2, $3) ON CONFLICT (org_id, phone) DO NOTHING",
                                    {orgId, *from, body.trimmed().left(40)});
                if (!done)
                    return done.error();
                reply = u"You will get no more texts from %1. Reply START to get them again."_s.arg(
                    clinic->name);
                break;
            }
            case sms::ReplyKind::OptIn: {
                auto done = tx.exec("DELETE FROM sms_opt_outs WHERE org_id = $1::uuid AND phone "
                                    "= $2",
                                    {orgId, *from});
                if (!done)
                    return done.error();
                reply = u"You will get texts from %1 again. Reply STOP to stop them."_s.arg(
                    clinic->name);
                break;
            }
            case sms::ReplyKind::Help:
                reply =
                    u"%1: reply C to confirm, N to cancel or R to reschedule your "
                    "appointment, STOP to stop texts. Questions? Call %2."_s.arg(clinic->name, to);
                break;
            case sms::ReplyKind::FreeText:
                reply =
                    u"Thanks, %1 has your message and will get back to you."_s.arg(clinic->name);
                break;
            }
            if (acted) {
                auto json = BookingService::appointmentJson(tx, orgId, waiting->id);
                if (!json)
                    return json.error();
                if (kind != sms::ReplyKind::Cancel) // cancelIn published its own event
                    if (auto e = events::publish(tx, orgId, u"appointment.updated"_s,
                                                 u"appointment"_s, waiting->id, *json);
                        !e)
                        return e.error();
            }

            // A number that opted out gets no text but the answer to STOP or START itself.
            if (optedOut && kind != sms::ReplyKind::OptIn && kind != sms::ReplyKind::OptOut)
                reply.clear();

            const bool unread = needsStaff(kind, acted);
            // The patient's words are free text: kept as the clinic's redaction leaves them,
            // after they were read for C/N/R/STOP above. The sender's number stays as it is.
            auto policy = redaction::forOrg(tx, orgId, QDateTime::currentDateTimeUtc());
            if (!policy)
                return policy.error();
            auto stored = tx.exec(
                "INSERT INTO messages (org_id, contact_id, appointment_id, direction, method, "
                "purpose, recipient, sender, content, status, service_provider, "
                "external_message_id, reply_kind, read_at) VALUES ($1::uuid, $2::uuid, "
                "$3::uuid, 'inbound', 'sms', 'reply', $4, $5, $6, 'received', 'twilio', $7, $8, "
                "CASE WHEN $9 THEN NULL ELSE now() END) RETURNING id",
                {orgId, contactId, acted ? waiting->id : QString(), to, *from, policy->text(body),
                 sid, sms::replyKindName(kind), unread});
            if (!stored)
                return stored.error();
            const QString messageId = stored->text(0, 0);
            // The answer goes back in the webhook's response: Twilio sends it, so it is in the
            // thread as sent. Stamped with the clock, not the transaction's start like the text it
            // answers: the thread shows it after that text, never in a tie.
            if (!reply.isEmpty()) {
                auto answered = tx.exec(
                    "INSERT INTO messages (org_id, contact_id, appointment_id, direction, method, "
                    "purpose, recipient, sender, content, status, service_provider, sent_at, "
                    "created_at) VALUES "
                    "($1::uuid, $2::uuid, $3::uuid, 'outbound', 'sms', 'auto_reply', $4, $5, $6, "
                    "'sent', 'twilio', now(), clock_timestamp())",
                    {orgId, contactId, acted ? waiting->id : QString(), *from, to, reply});
                if (!answered)
                    return answered.error();
            }
            QJsonObject payload{{u"method"_s, u"sms"_s},
                                {u"direction"_s, u"inbound"_s},
                                {u"reply_kind"_s, sms::replyKindName(kind)},
                                {u"unread"_s, unread},
                                {u"contact_id"_s, contactId}};
            if (acted)
                payload.insert(u"appointment_id"_s, waiting->id);
            if (auto e = events::publish(tx, orgId, u"message.received"_s, u"message"_s, messageId,
                                         payload);
                !e)
                return e.error();
            return Answer{reply};
        });
    // The same text delivered twice at once: the other delivery stored it and answered.
    if (!outcome && outcome.error().sqlstate == sqlstate::uniqueViolation)
        return Answer{};
    return outcome;
}

QByteArray twimlReply(const QString &text)
{
    QByteArray xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    if (text.isEmpty())
        return xml + "<Response/>";
    return xml + "<Response><Message>" + text.toHtmlEscaped().toUtf8() + "</Message></Response>";
}

} // namespace vox::server
