#include "server/services/smsstatus.h"

#include "core/logging/log.h"
#include "core/smsdelivery.h"
#include "core/twiliosignature.h"
#include "server/events/eventpublisher.h"
#include "server/http/jsonbody.h"
#include "server/http/response.h"
#include "server/services/credentialstore.h"
#include "server/services/publicurl.h"

#include <QHash>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

QString SmsStatus::callbackUrl(const ServerConfig &config, const QString &messageId)
{
    return publicUrl(config, path) + u"?message="_s + messageId;
}

Result<bool> SmsStatus::receive(const QString &messageId, const QByteArray &signature,
                                const QList<QPair<QString, QString>> &parameters)
{
    if (!http::isUuid(messageId))
        return http::status::badRequest(u"'message' must be an id (UUID)."_s, u"message"_s);
    QHash<QString, QString> p;
    for (const auto &[name, value] : parameters)
        p.insert(name, value);
    const QString reported = p.value(u"MessageStatus"_s, p.value(u"SmsStatus"_s));
    const QString sid = p.value(u"MessageSid"_s, p.value(u"SmsSid"_s));
    const int errorCode = p.value(u"ErrorCode"_s).toInt();
    const QString url = callbackUrl(m_app.config, messageId);

    enum class Outcome { Forbidden, Unchanged, Moved };
    QString orgId;
    auto outcome = m_app.db.transaction<Outcome>(
        db::Access::service(), [&](db::Transaction &tx) -> Result<Outcome> {
            auto row = tx.exec("SELECT org_id, status, coalesce(external_message_id, ''), "
                               "purpose, contact_id::text, call_id::text, appointment_id::text "
                               "FROM messages WHERE id = $1::uuid AND direction = 'outbound' AND "
                               "method = 'sms' FOR UPDATE",
                               {messageId});
            if (!row)
                return row.error();
            if (row->isEmpty() || signature.isEmpty())
                return Outcome::Forbidden;
            orgId = row->text(0, 0);
            auto secret = CredentialStore(m_app.keys).reveal(tx, orgId, CredentialStore::twilio);
            if (!secret)
                return secret.error();
            if (!*secret ||
                !twilio::twilioSignatureMatches((*secret)->value(u"auth_token"_s).toString(), url,
                                                parameters, signature))
                return Outcome::Forbidden;
            // A report on another message than the one this row sent (its id was recorded from
            // Twilio's answer) is not this row's.
            const QString known = row->text(0, 2);
            if (!known.isEmpty() && !sid.isEmpty() && known != sid)
                return Outcome::Unchanged;
            const auto next = sms::deliveryStatusAfter(row->text(0, 1), reported);
            if (!next)
                return Outcome::Unchanged;
            const QString error =
                *next == u"failed"_s ? sms::deliveryErrorWords(reported, errorCode) : QString();
            auto moved = tx.exec("UPDATE messages SET status = $2, external_message_id = coalesce("
                                 "external_message_id, $3), error = $4, sent_at = coalesce("
                                 "sent_at, now()) WHERE id = $1::uuid",
                                 {messageId, *next, sid.isEmpty() ? QString() : sid,
                                  error.isEmpty() ? QString() : error});
            if (!moved)
                return moved.error();
            QJsonObject payload{{u"method"_s, u"sms"_s}, {u"status"_s, *next}};
            if (!error.isEmpty())
                payload.insert(u"error"_s, error);
            if (!row->isNull(0, 3))
                payload.insert(u"purpose"_s, row->text(0, 3));
            for (const auto &[key, column] :
                 {std::pair{u"contact_id"_s, 4}, std::pair{u"call_id"_s, 5},
                  std::pair{u"appointment_id"_s, 6}}) {
                if (!row->isNull(0, column))
                    payload.insert(key, row->text(0, column));
            }
            if (auto e = events::publish(tx, orgId, u"message.updated"_s, u"message"_s, messageId,
                                         payload);
                !e)
                return e.error();
            return Outcome::Moved;
        });
    if (!outcome)
        return outcome.error();
    if (*outcome == Outcome::Forbidden) {
        log::warn("messaging", u"A Twilio status callback without a valid signature."_s,
                  {{u"message_id"_s, messageId}});
        return http::status::forbidden(u"The request is not signed by Twilio."_s);
    }
    if (*outcome == Outcome::Moved && errorCode > 0)
        log::info("messaging", u"Twilio could not deliver an SMS."_s,
                  {{u"org_id"_s, orgId},
                   {u"message_id"_s, messageId},
                   {u"twilio_status"_s, reported},
                   {u"twilio_code"_s, errorCode}});
    return *outcome == Outcome::Moved;
}

} // namespace vox::server
