#include "server/services/calleridverification.h"

#include "core/crypto/passwordhash.h"
#include "core/logging/log.h"
#include "core/phonenumber.h"
#include "core/twiliosignature.h"
#include "server/http/response.h"
#include "server/providers/twilioclient.h"
#include "server/services/messaging.h"
#include "server/services/publicurl.h"
#include "server/services/ratelimiter.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

using Answer = CallerIdVerification::Answer;
using telephony::answer;
using telephony::orNull;
using telephony::publishUpdate;
using telephony::refusal;

QString minutes(int seconds)
{
    const int m = qMax(1, (seconds + 59) / 60);
    return m == 1 ? u"1 minute"_s : u"%1 minutes"_s.arg(m);
}

// The Twilio account that verifies caller ids: the clinic's own, or the platform's
// (TWILIO_ACCOUNT_SID / TWILIO_AUTH_TOKEN) when the clinic has none.
Result<std::optional<providers::TwilioCredentials>>
verifyingAccount(AppContext &app, const db::Access &access, const QString &orgId)
{
    auto account = app.db.transaction<std::optional<Messaging::TwilioAccount>>(
        access, [&](db::Transaction &tx) { return Messaging(app).twilioAccount(tx, orgId); });
    if (!account)
        return account.error();
    if (*account)
        return std::optional<providers::TwilioCredentials>((*account)->credentials);
    if (!app.config.twilioAccountSid.isEmpty() && !app.config.twilioAuthToken.isEmpty())
        return std::optional<providers::TwilioCredentials>(
            providers::TwilioCredentials{app.config.twilioAccountSid, app.config.twilioAuthToken});
    return std::optional<providers::TwilioCredentials>();
}

} // namespace

QString CallerIdVerification::lockBucket(const QString &orgId, const QString &phoneNumber)
{
    return u"telephony:locked:%1:%2"_s.arg(orgId, phoneNumber);
}

QString CallerIdVerification::initiationBucket(const QString &phoneNumber)
{
    return u"telephony:initiate:"_s + phoneNumber;
}

QString CallerIdVerification::callbackUrl(const QString &verificationId) const
{
    return publicUrl(m_app.config, u"/api/telephony/twilio/validation-status/"_s + verificationId);
}

Result<Answer> CallerIdVerification::initiate(const db::Access &access, const QString &phoneNumber,
                                              const QString &friendlyName)
{
    if (!phone::isE164(phoneNumber))
        return refusal(400, u"Invalid phone format. Must be E.164: +countrycode+number"_s,
                       {{u"field"_s, u"phoneNumber"_s}});

    auto locked = m_app.db.transaction<int>(db::Access::service(), [&](db::Transaction &tx) {
        return ratelimit::lockedFor(tx, lockBucket(access.orgId, phoneNumber));
    });
    if (!locked)
        return locked.error();
    if (*locked > 0)
        return refusal(
            429, u"Too many wrong codes for this number. Try again in %1."_s.arg(minutes(*locked)),
            {{u"lockedForSeconds"_s, *locked}});

    auto existing =
        m_app.db.transaction<QString>(access, [&](db::Transaction &tx) -> Result<QString> {
            auto row = tx.exec("SELECT status FROM verified_caller_ids WHERE org_id = $1::uuid AND "
                               "phone_number = $2",
                               {access.orgId, phoneNumber});
            if (!row)
                return row.error();
            return row->isEmpty() ? QString() : row->text(0, 0);
        });
    if (!existing)
        return existing.error();
    if (*existing == u"verified")
        return refusal(409, u"Phone number already verified for this organization"_s);

    auto credentials = verifyingAccount(m_app, access, access.orgId);
    if (!credentials)
        return credentials.error();
    if (!*credentials)
        return refusal(400, u"Twilio not configured"_s);

    auto counted =
        m_app.db.transaction<ratelimit::Decision>(db::Access::service(), [&](db::Transaction &tx) {
            return ratelimit::hit(tx, initiationBucket(phoneNumber), initiationsPerHour, 3600);
        });
    if (!counted)
        return counted.error();
    if (!counted->allowed)
        return refusal(429,
                       u"Too many verification calls to this number. Try again in %1."_s.arg(
                           minutes(counted->retryAfterSeconds)),
                       {{u"retryAfterSeconds"_s, counted->retryAfterSeconds}});

    auto created =
        m_app.db.transaction<QString>(access, [&](db::Transaction &tx) -> Result<QString> {
            auto row = tx.exec(
                "INSERT INTO verified_caller_ids (org_id, phone_number, friendly_name, status) "
                "VALUES ($1::uuid, $2, $3, 'pending') ON CONFLICT (org_id, phone_number) DO UPDATE "
                "SET status = 'pending', friendly_name = coalesce(EXCLUDED.friendly_name, "
                "verified_caller_ids.friendly_name), verification_code_hash = NULL, "
                "verification_code_expires_at = NULL, verification_attempts = 0, twilio_call_sid = "
                "NULL WHERE verified_caller_ids.status <> 'verified' RETURNING id",
                {access.orgId, phoneNumber, friendlyName.isEmpty() ? QString() : friendlyName});
            if (!row)
                return row.error();
            return row->isEmpty() ? QString() : row->text(0, 0);
        });
    if (!created)
        return created.error();
    if (created->isEmpty())
        return refusal(409, u"Phone number already verified for this organization"_s);
    const QString verificationId = *created;

    providers::TwilioClient twilio(m_app.config.twilioBaseUrl, **credentials, m_app.retry);
    auto requested = twilio.createValidationRequest(
        phoneNumber, friendlyName,
        m_app.config.backendUrl.isEmpty() ? QString() : callbackUrl(verificationId));
    static const QRegularExpression sixDigits(u"^\\d{6}$"_s);
    const QString code =
        requested ? requested->value(u"validation_code"_s).toVariant().toString() : QString();
    if (!requested || !sixDigits.match(code).hasMatch()) {
        const int twilioCode = requested ? 0 : providers::twilioErrorCode(requested.error());
        if (twilioCode == 21450) {
            // Twilio already lists the number as this account's caller id: take it as verified.
            auto listed = twilio.listOutgoingCallerIds(phoneNumber);
            if (listed && !listed->isEmpty()) {
                const QString sid = listed->first().toObject().value(u"sid"_s).toString();
                auto marked =
                    m_app.db.transaction<bool>(access, [&](db::Transaction &tx) -> Result<bool> {
                        auto u =
                            tx.exec("UPDATE verified_caller_ids SET status = 'verified', "
                                    "twilio_caller_id_sid = $3, verified_at = now() WHERE id = "
                                    "$1::uuid AND org_id = $2::uuid",
                                    {verificationId, access.orgId, sid});
                        if (!u)
                            return u.error();
                        if (auto p = publishUpdate(tx, access.orgId, u"verified_caller_id"_s,
                                                   verificationId, {{u"status"_s, u"verified"_s}});
                            !p)
                            return p.error();
                        return true;
                    });
                if (!marked)
                    return marked.error();
                return refusal(409, u"Phone number already verified for this organization"_s);
            }
        }
        auto failed = m_app.db.transaction<bool>(access, [&](db::Transaction &tx) -> Result<bool> {
            auto u = tx.exec("UPDATE verified_caller_ids SET status = 'failed' WHERE id = "
                             "$1::uuid AND org_id = $2::uuid",
                             {verificationId, access.orgId});
            if (!u)
                return u.error();
            return true;
        });
        if (!failed)
            return failed.error();
        log::error("telephony", u"Twilio did not start a verification call."_s,
                   {{u"org_id"_s, access.orgId},
                    {u"provider_error"_s, requested ? u"answer without a 6-digit validation_code"_s
                                                    : requested.errorMessage()}});
        if (!requested && requested.error().kind == ErrorKind::Refused)
            return refusal(422,
                           u"Twilio could not call this number: %1 Check it and try again."_s.arg(
                               providers::twilioRefusalWords(requested.error())));
        // The call was asked for once. Without Twilio's answer it may still ring, but the code
        // it reads out is lost with the answer: say so rather than ask Twilio again unseen.
        if (!requested && requested.error().subject == providers::noAnswer)
            return refusal(502, u"Twilio did not confirm the verification call. If the phone "
                                "rings, its code cannot be used; wait a minute and start the "
                                "verification again."_s);
        return refusal(502, u"Twilio could not start the verification call. Please try again."_s);
    }

    auto hashed = crypto::password::hash(code, m_app.config.bcryptCost);
    if (!hashed)
        return hashed.error();
    const QString callSid = requested->value(u"call_sid"_s).toString();
    auto stored =
        m_app.db.transaction<QString>(access, [&](db::Transaction &tx) -> Result<QString> {
            auto row =
                tx.exec("UPDATE verified_caller_ids SET verification_code_hash = $3, "
                        "verification_code_expires_at = now() + make_interval(secs => $4::int), "
                        "twilio_call_sid = $5, verification_attempts = 0, status = 'pending' "
                        "WHERE id = $1::uuid AND org_id = $2::uuid "
                        "RETURNING to_json(verification_code_expires_at)#>>'{}'",
                        {verificationId, access.orgId, *hashed, codeSeconds, callSid});
            if (!row)
                return row.error();
            if (row->isEmpty())
                return http::status::notFound(u"The verification was removed meanwhile."_s);
            if (auto p = publishUpdate(tx, access.orgId, u"verified_caller_id"_s, verificationId,
                                       {{u"status"_s, u"pending"_s}});
                !p)
                return p.error();
            return row->text(0, 0);
        });
    if (!stored)
        return stored.error();
    log::info("telephony", u"Verification call started."_s,
              {{u"org_id"_s, access.orgId}, {u"verification_id"_s, verificationId}});
    return answer(200, {{u"success"_s, true},
                        {u"verificationId"_s, verificationId},
                        {u"validationId"_s, callSid},
                        {u"verificationCode"_s, code},
                        {u"expiresAt"_s, *stored},
                        {u"message"_s, u"Twilio is calling %1 now. Answer and type %2 on the "
                                       "keypad, then enter the same code here to confirm."_s.arg(
                                           phoneNumber, code)}});
}

Result<Answer> CallerIdVerification::confirm(const db::Access &access,
                                             const QString &verificationId, const QString &code)
{
    static const QRegularExpression sixDigits(u"^\\d{6}$"_s);
    if (!sixDigits.match(code).hasMatch())
        return refusal(400, u"Enter the 6-digit verification code."_s,
                       {{u"field"_s, u"verificationCode"_s}});

    auto found = m_app.db.query(access,
                                "SELECT phone_number, status, twilio_caller_id_sid FROM "
                                "verified_caller_ids WHERE id = $1::uuid AND org_id = $2::uuid",
                                {verificationId, access.orgId});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return http::status::notFound(u"No such verification."_s);
    const struct
    {
        QString phone;
        QString status;
        QString callerIdSid;
    } row{found->text(0, 0), found->text(0, 1), found->text(0, 2)};
    if (row.status == u"verified")
        return answer(200, {{u"success"_s, true},
                            {u"message"_s, u"Phone number verified successfully"_s},
                            {u"callerIdSid"_s, row.callerIdSid}});

    auto locked = m_app.db.transaction<int>(db::Access::service(), [&](db::Transaction &tx) {
        return ratelimit::lockedFor(tx, lockBucket(access.orgId, row.phone));
    });
    if (!locked)
        return locked.error();
    if (*locked > 0)
        return refusal(
            429, u"Too many wrong codes for this number. Try again in %1."_s.arg(minutes(*locked)),
            {{u"lockedForSeconds"_s, *locked}, {u"attemptsRemaining"_s, 0}});

    // Checked and counted under the row's lock: concurrent guesses are counted one by one.
    enum class Outcome { Matched, Wrong, Locked, Expired, Failed };
    struct Checked
    {
        Outcome outcome = Outcome::Failed;
        int remaining = 0;
    };
    auto checked = m_app.db.transaction<
        Checked>(access, [&](db::Transaction &tx) -> Result<Checked> {
        auto r = tx.exec("SELECT status, verification_code_hash, verification_code_expires_at <= "
                         "now(), coalesce(verification_attempts, 0) FROM verified_caller_ids "
                         "WHERE id = $1::uuid AND org_id = $2::uuid FOR UPDATE",
                         {verificationId, access.orgId});
        if (!r)
            return r.error();
        if (r->isEmpty())
            return http::status::notFound(u"No such verification."_s);
        const QString status = r->text(0, 0);
        if (status == u"verified")
            return Checked{Outcome::Matched, 0};
        if (status == u"failed")
            return Checked{Outcome::Failed, 0};
        if (status == u"expired" || r->isNull(0, 1) || r->toBool(0, 2)) {
            auto u = tx.exec("UPDATE verified_caller_ids SET status = 'expired', "
                             "verification_code_hash = NULL WHERE id = $1::uuid AND org_id = "
                             "$2::uuid",
                             {verificationId, access.orgId});
            if (!u)
                return u.error();
            return Checked{Outcome::Expired, 0};
        }
        if (crypto::password::verify(code, r->text(0, 1)))
            return Checked{Outcome::Matched, maxWrongAttempts - int(r->toInt(0, 3))};
        const int attempts = int(r->toInt(0, 3)) + 1;
        const bool exhausted = attempts >= maxWrongAttempts;
        auto u = tx.exec(exhausted ? "UPDATE verified_caller_ids SET verification_attempts = $3, "
                                     "status = 'failed', verification_code_hash = NULL "
                                     "WHERE id = $1::uuid AND org_id = $2::uuid"
                                   : "UPDATE verified_caller_ids SET verification_attempts = $3 "
                                     "WHERE id = $1::uuid AND org_id = $2::uuid",
                         {verificationId, access.orgId, attempts});
        if (!u)
            return u.error();
        if (exhausted) {
            if (auto p = publishUpdate(tx, access.orgId, u"verified_caller_id"_s, verificationId,
                                       {{u"status"_s, u"failed"_s}});
                !p)
                return p.error();
        }
        return Checked{exhausted ? Outcome::Locked : Outcome::Wrong, maxWrongAttempts - attempts};
    });
    if (!checked)
        return checked.error();

    switch (checked->outcome) {
    case Outcome::Expired:
        return refusal(410, u"Verification code expired. Please request a new one."_s);
    case Outcome::Failed:
        return refusal(410, u"This verification has ended. Please request a new call."_s);
    case Outcome::Wrong:
        return refusal(
            400,
            checked->remaining == 1
                ? u"Invalid verification code. 1 attempt remaining."_s
                : u"Invalid verification code. %1 attempts remaining."_s.arg(checked->remaining),
            {{u"attemptsRemaining"_s, checked->remaining}});
    case Outcome::Locked: {
        auto set = m_app.db.transaction<bool>(
            db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
                auto l = ratelimit::lock(tx, lockBucket(access.orgId, row.phone), lockSeconds);
                if (!l)
                    return l.error();
                return true;
            });
        if (!set)
            return set.error();
        log::warn("telephony", u"Too many wrong verification codes; the number is locked."_s,
                  {{u"org_id"_s, access.orgId}, {u"verification_id"_s, verificationId}});
        return refusal(
            429, u"Too many wrong codes. This number is locked for %1."_s.arg(minutes(lockSeconds)),
            {{u"lockedForSeconds"_s, lockSeconds}, {u"attemptsRemaining"_s, 0}});
    }
    case Outcome::Matched:
        break;
    }

    // The code is right; Twilio must also have heard it on the keypad.
    auto credentials = verifyingAccount(m_app, access, access.orgId);
    if (!credentials)
        return credentials.error();
    if (!*credentials)
        return refusal(400, u"Twilio not configured"_s);
    providers::TwilioClient twilio(m_app.config.twilioBaseUrl, **credentials, m_app.retry);
    auto listed = twilio.listOutgoingCallerIds(row.phone);
    if (!listed) {
        log::error("telephony", u"Twilio's caller ids could not be read."_s,
                   {{u"org_id"_s, access.orgId}, {u"provider_error"_s, listed.errorMessage()}});
        return refusal(502, u"Twilio could not be reached to confirm the number. Please try "
                            "again."_s);
    }
    QString callerIdSid;
    for (const QJsonValue &item : std::as_const(*listed)) {
        if (item.toObject().value(u"phone_number"_s).toString() == row.phone)
            callerIdSid = item.toObject().value(u"sid"_s).toString();
    }
    if (callerIdSid.isEmpty())
        return refusal(409,
                       u"Twilio has not confirmed this number yet: answer Twilio's call and type "
                       "the code on the keypad, then confirm again."_s,
                       {{u"attemptsRemaining"_s, checked->remaining}});

    auto verified = m_app.db.transaction<bool>(access, [&](db::Transaction &tx) -> Result<bool> {
        auto u = tx.exec("UPDATE verified_caller_ids SET status = 'verified', "
                         "twilio_caller_id_sid = $3, verified_at = now(), "
                         "verification_code_hash = NULL, verification_code_expires_at = NULL, "
                         "verification_attempts = 0 WHERE id = $1::uuid AND org_id = $2::uuid",
                         {verificationId, access.orgId, callerIdSid});
        if (!u)
            return u.error();
        if (auto p = publishUpdate(tx, access.orgId, u"verified_caller_id"_s, verificationId,
                                   {{u"status"_s, u"verified"_s}});
            !p)
            return p.error();
        return true;
    });
    if (!verified)
        return verified.error();
    return answer(200, {{u"success"_s, true},
                        {u"message"_s, u"Phone number verified successfully"_s},
                        {u"callerIdSid"_s, callerIdSid}});
}

Result<Answer> CallerIdVerification::verifiedNumbers(const db::Access &access)
{
    return m_app.db.transaction<Answer>(access, [&](db::Transaction &tx) -> Result<Answer> {
        auto rows = tx.exec(
            "SELECT v.id, v.phone_number, v.friendly_name, v.status, "
            "to_json(v.verified_at)#>>'{}', to_json(v.created_at)#>>'{}', f.id, f.status, "
            "f.forwarding_type, f.carrier FROM verified_caller_ids v "
            "LEFT JOIN hybrid_forwarding_configs f ON f.verified_caller_id = v.id AND f.org_id = "
            "v.org_id WHERE v.org_id = $1::uuid ORDER BY v.created_at, v.id",
            {access.orgId});
        if (!rows)
            return rows.error();
        QJsonArray numbers;
        for (int i = 0; i < rows->rowCount(); ++i) {
            numbers.append(QJsonObject{{u"id"_s, rows->text(i, 0)},
                                       {u"phoneNumber"_s, rows->text(i, 1)},
                                       {u"friendlyName"_s, orNull(rows->text(i, 2))},
                                       {u"status"_s, rows->text(i, 3)},
                                       {u"verifiedAt"_s, orNull(rows->text(i, 4))},
                                       {u"createdAt"_s, rows->text(i, 5)},
                                       {u"hasForwardingConfig"_s, !rows->isNull(i, 6)},
                                       {u"forwardingConfigId"_s, orNull(rows->text(i, 6))},
                                       {u"forwardingStatus"_s, orNull(rows->text(i, 7))},
                                       {u"forwardingType"_s, orNull(rows->text(i, 8))},
                                       {u"carrier"_s, orNull(rows->text(i, 9))}});
        }
        return answer(200, {{u"success"_s, true}, {u"numbers"_s, numbers}});
    });
}

Result<Answer> CallerIdVerification::removeVerifiedNumber(const db::Access &access,
                                                          const QString &verifiedId)
{
    struct Removed
    {
        QString phone;
        QString callerIdSid;
        int configs = 0;
    };
    auto removed =
        m_app.db.transaction<Removed>(access, [&](db::Transaction &tx) -> Result<Removed> {
            auto configs = tx.exec("SELECT count(*) FROM hybrid_forwarding_configs WHERE "
                                   "verified_caller_id = $1::uuid AND org_id = $2::uuid",
                                   {verifiedId, access.orgId});
            if (!configs)
                return configs.error();
            // The forwarding configs go with it (ON DELETE CASCADE).
            auto row = tx.exec("DELETE FROM verified_caller_ids WHERE id = $1::uuid AND org_id = "
                               "$2::uuid RETURNING phone_number, twilio_caller_id_sid",
                               {verifiedId, access.orgId});
            if (!row)
                return row.error();
            if (row->isEmpty())
                return http::status::notFound(u"No such verified number."_s);
            if (auto p = publishUpdate(tx, access.orgId, u"verified_caller_id"_s, verifiedId,
                                       {{u"status"_s, u"removed"_s}});
                !p)
                return p.error();
            return Removed{row->text(0, 0), row->text(0, 1), int(configs->toInt(0, 0))};
        });
    if (!removed)
        return removed.error();
    if (!removed->callerIdSid.isEmpty()) {
        // Tidy Twilio's list too; the number is gone here either way.
        auto credentials = verifyingAccount(m_app, access, access.orgId);
        if (credentials && *credentials) {
            providers::TwilioClient twilio(m_app.config.twilioBaseUrl, **credentials, m_app.retry);
            if (auto gone = twilio.deleteOutgoingCallerId(removed->callerIdSid);
                !gone && gone.error().subject != u"404")
                log::warn(
                    "telephony", u"Twilio kept a removed caller id."_s,
                    {{u"org_id"_s, access.orgId}, {u"provider_error"_s, gone.errorMessage()}});
        }
    }
    return answer(200, {{u"success"_s, true},
                        {u"message"_s, u"Verified number removed"_s},
                        {u"removedForwardingConfigs"_s, removed->configs}});
}

Result<Answer>
CallerIdVerification::validationCallback(const QString &verificationId, const QString &url,
                                         const QByteArray &signature,
                                         const QList<QPair<QString, QString>> &parameters)
{
    auto found = m_app.db.query(db::Access::service(),
                                "SELECT org_id, status, twilio_call_sid FROM verified_caller_ids "
                                "WHERE id = $1::uuid",
                                {verificationId});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return http::status::notFound(u"No such verification."_s);
    const struct
    {
        QString orgId;
        QString status;
        QString callSid;
    } row{found->text(0, 0), found->text(0, 1), found->text(0, 2)};
    auto credentials = verifyingAccount(m_app, db::Access::service(), row.orgId);
    if (!credentials)
        return credentials.error();
    if (!*credentials ||
        !twilio::twilioSignatureMatches((*credentials)->authToken, url, parameters, signature)) {
        log::warn("telephony", u"A validation callback without a valid Twilio signature."_s,
                  {{u"verification_id"_s, verificationId}});
        return http::status::forbidden(u"The request is not signed by Twilio."_s);
    }
    QHash<QString, QString> p;
    for (const auto &[name, value] : parameters)
        p.insert(name, value);
    // Only the call we started for the current attempt may settle it.
    if (row.status != u"pending" || p.value(u"CallSid"_s) != row.callSid)
        return answer(204, {});
    const bool success = p.value(u"VerificationStatus"_s) == u"success" &&
                         !p.value(u"OutgoingCallerIdSid"_s).isEmpty();
    auto settled =
        m_app.db.transaction<bool>(db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
            auto u = success
                         ? tx.exec("UPDATE verified_caller_ids SET status = 'verified', "
                                   "twilio_caller_id_sid = $3, verified_at = now(), "
                                   "verification_code_hash = NULL, verification_code_expires_at = "
                                   "NULL WHERE id = $1::uuid AND org_id = $2::uuid AND status = "
                                   "'pending'",
                                   {verificationId, row.orgId, p.value(u"OutgoingCallerIdSid"_s)})
                         : tx.exec("UPDATE verified_caller_ids SET status = 'failed', "
                                   "verification_code_hash = NULL WHERE id = $1::uuid AND org_id = "
                                   "$2::uuid AND status = 'pending'",
                                   {verificationId, row.orgId});
            if (!u)
                return u.error();
            if (auto e = publishUpdate(tx, row.orgId, u"verified_caller_id"_s, verificationId,
                                       {{u"status"_s, success ? u"verified"_s : u"failed"_s}});
                !e)
                return e.error();
            return true;
        });
    if (!settled)
        return settled.error();
    return answer(204, {});
}

Result<CallerIdVerification::CleanupCounts> CallerIdVerification::cleanup()
{
    return m_app.db.transaction<CleanupCounts>(
        db::Access::service(), [&](db::Transaction &tx) -> Result<CleanupCounts> {
            auto expired = tx.exec(
                "UPDATE verified_caller_ids SET status = 'expired', verification_code_hash = "
                "NULL WHERE status = 'pending' AND coalesce(verification_code_expires_at, "
                "updated_at + make_interval(secs => $1::int)) < now() RETURNING org_id, id",
                {codeSeconds});
            if (!expired)
                return expired.error();
            auto deleted = tx.exec(
                "DELETE FROM verified_caller_ids v WHERE v.status IN ('failed', 'expired') AND "
                "v.updated_at < now() - interval '24 hours' AND NOT EXISTS (SELECT 1 FROM "
                "hybrid_forwarding_configs f WHERE f.verified_caller_id = v.id AND f.org_id = "
                "v.org_id AND f.status = 'active') RETURNING org_id, id");
            if (!deleted)
                return deleted.error();
            QHash<QString, QPair<int, int>> perOrg;
            for (int i = 0; i < expired->rowCount(); ++i)
                ++perOrg[expired->text(i, 0)].first;
            for (int i = 0; i < deleted->rowCount(); ++i)
                ++perOrg[deleted->text(i, 0)].second;
            for (auto it = perOrg.cbegin(); it != perOrg.cend(); ++it) {
                if (auto p = publishUpdate(tx, it.key(), u"verified_caller_id"_s, QString(),
                                           {{u"cleanup"_s, true},
                                            {u"expired"_s, it.value().first},
                                            {u"deleted"_s, it.value().second}});
                    !p)
                    return p.error();
            }
            return CleanupCounts{expired->rowCount(), deleted->rowCount()};
        });
}

void CallerIdVerification::registerJobs(jobs::JobRunner &runner, AppContext &app)
{
    auto telephony = std::make_shared<CallerIdVerification>(app);
    runner.registerHandler(u"telephony.cleanup"_s, [telephony](const jobs::Job &) -> Result<void> {
        auto counts = telephony->cleanup();
        if (!counts)
            return counts.error();
        log::info("telephony", u"Verification cleanup ran."_s,
                  {{u"expired"_s, counts->expired}, {u"deleted"_s, counts->deleted}});
        return {};
    });
    runner.addSchedule(u"telephony.cleanup"_s, jobs::JobRunner::dailyAtUtc(3, 0));
}

} // namespace vox::server
