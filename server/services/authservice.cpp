#include "server/services/authservice.h"

#include "core/crypto/digest.h"
#include "core/crypto/jwt.h"
#include "core/crypto/passwordhash.h"
#include "core/crypto/securerandom.h"
#include "core/defaultservices.h"
#include "core/logging/log.h"
#include "core/timezonename.h"
#include "server/http/jsonbody.h"
#include "server/http/response.h"
#include "server/services/accesstoken.h"
#include "server/services/accountstate.h"
#include "server/services/ratelimiter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

QString tokenHash(const QString &token)
{
    return QString::fromLatin1(crypto::sha256(token.toUtf8()).toHex());
}

// bcrypt of a random value, compared against when an account does not exist, so a wrong e-mail
// costs as much time as a wrong password (no account discovery by timing).
const QString &decoyHash(int cost)
{
    static const QString hash = crypto::password::hash(crypto::randomToken(16), cost).value();
    return hash;
}

const QString userColumns =
    u"p.id, p.email, p.full_name, p.role, p.org_id, o.name, s.time_zone, p.must_change_password"_s;

QJsonObject userJson(const db::PgResult &row, int r = 0)
{
    return {{u"id"_s, row.text(r, 0)},
            {u"email"_s, row.text(r, 1)},
            {u"full_name"_s, row.isNull(r, 2) ? QJsonValue() : QJsonValue(row.text(r, 2))},
            {u"role"_s, row.text(r, 3)},
            {u"org_id"_s, row.text(r, 4)},
            {u"must_change_password"_s, row.text(r, 7) == u"t"}};
}

QJsonObject organizationJson(const db::PgResult &row, int r = 0)
{
    return {
        {u"id"_s, row.text(r, 4)}, {u"name"_s, row.text(r, 5)}, {u"time_zone"_s, row.text(r, 6)}};
}

// Counts one attempt in each bucket before any work is done, in one transaction: of N
// concurrent attempts exactly `limit` get through, however they interleave. Returns the seconds
// to wait when a limit is exhausted, else 0.
Result<int> countAttempt(db::Database &db, const QList<std::pair<QString, int>> &buckets,
                         int windowSeconds)
{
    return db.transaction<int>(db::Access::service(), [&](db::Transaction &tx) -> Result<int> {
        int wait = 0;
        for (const auto &[bucket, limit] : buckets) {
            auto seen = ratelimit::hit(tx, bucket, limit, windowSeconds);
            if (!seen)
                return seen.error();
            if (!seen->allowed)
                wait = qMax(wait, seen->retryAfterSeconds);
        }
        return wait;
    });
}

QString minutes(int seconds)
{
    return QString::number((seconds + 59) / 60);
}

// The account's last sign-in, as the clinic's user list shows it: every way in notes it.
Result<void> noteSignIn(db::Transaction &tx, const QString &userId)
{
    if (auto u = tx.exec("UPDATE profiles SET last_login_at = now() WHERE id = $1::uuid", {userId});
        !u)
        return u.error();
    return {};
}

} // namespace

Result<void> AuthService::checkPassword(const QString &password, const QString &field)
{
    if (password.size() < minimumPasswordLength)
        return http::status::badRequest(
            u"The password must have at least %1 characters."_s.arg(minimumPasswordLength), field);
    // bcrypt reads the first 72 bytes only: a longer password would be accepted on its prefix.
    if (password.toUtf8().size() > maximumPasswordBytes)
        return http::status::badRequest(
            u"The password is too long: %1 characters at most (fewer with accented letters or "
            "symbols)."_s.arg(maximumPasswordBytes),
            field);
    return {};
}

QString AuthService::accessToken(const QString &userId, const QString &orgId, const QString &role,
                                 const QString &email) const
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QJsonObject claims{
        {u"sub"_s, userId},
        {u"email"_s, email},
        {u"role"_s, role},
        {u"app_metadata"_s, QJsonObject{{u"org_id"_s, orgId}, {u"role"_s, role}}},
        {u"iss"_s, accessTokenIssuer},
        {u"iat"_s, now},
        {u"exp"_s, now + accessTokenSeconds}};
    return crypto::jwt::signHs256(claims, m_app.config.jwtSecret.toUtf8());
}

Result<QJsonObject> AuthService::issueSession(db::Transaction &tx, const QString &userId,
                                              const QString &familyId, const QString &clientAddress,
                                              const QString &userAgent)
{
    auto user = tx.exec("SELECT " + userColumns.toLatin1() +
                            " FROM profiles p JOIN organizations o ON o.id = p.org_id "
                            "JOIN org_settings s ON s.org_id = p.org_id WHERE p.id = $1::uuid",
                        {userId});
    if (!user)
        return user.error();
    if (user->isEmpty())
        return http::status::unauthorized(u"The account no longer exists."_s);
    const QString refreshToken = crypto::randomToken(32);
    auto stored =
        tx.exec("INSERT INTO refresh_tokens (org_id, user_id, family_id, token_hash, expires_at, "
                "user_agent, ip_address) VALUES ($1::uuid, $2::uuid, coalesce($3::uuid, "
                "gen_random_uuid()), "
                "$4, now() + make_interval(days => $5::int), $6, $7) RETURNING id",
                {user->text(0, 4), userId, familyId.isEmpty() ? QString() : familyId,
                 tokenHash(refreshToken), refreshTokenDays, userAgent.left(300), clientAddress});
    if (!stored)
        return stored.error();
    return QJsonObject{{u"access_token"_s,
                        accessToken(userId, user->text(0, 4), user->text(0, 3), user->text(0, 1))},
                       {u"token_type"_s, u"bearer"_s},
                       {u"expires_in"_s, accessTokenSeconds},
                       {u"refresh_token"_s, refreshToken},
                       {u"refresh_token_id"_s, stored->text(0, 0)},
                       {u"user"_s, userJson(*user)},
                       {u"organization"_s, organizationJson(*user)}};
}

Result<QJsonObject> AuthService::signUp(const SignUp &request, const QString &clientAddress)
{
    if (request.organizationName.trimmed().isEmpty())
        return http::status::badRequest(u"Enter the clinic's name."_s, u"organization_name"_s);
    if (!http::isEmail(request.email))
        return http::status::badRequest(u"Enter a valid e-mail address."_s, u"email"_s);
    if (auto ok = checkPassword(request.password, u"password"_s); !ok)
        return ok.error();
    const QString timeZone = request.timeZone.isEmpty() ? u"America/New_York"_s : request.timeZone;
    const QString language = request.language.isEmpty() ? u"en"_s : request.language;
    if (language != u"en" && language != u"es")
        return http::status::badRequest(u"Unknown language \"%1\"; use en or es."_s.arg(language),
                                        u"language"_s);
    if (!isTimeZoneName(timeZone))
        return http::status::badRequest(u"Unknown time zone \"%1\"; use a name such as "
                                        "America/New_York."_s.arg(timeZone),
                                        u"time_zone"_s);
    // Each sign-up costs a bcrypt hash and provisions a clinic: counted per address before either.
    auto wait = countAttempt(
        m_app.db, {{u"signup:address:"_s + clientAddress, m_app.config.signupLimitPerHour}},
        signupWindowSeconds);
    if (!wait)
        return wait.error();
    if (*wait > 0)
        return http::status::tooManyRequests(
            u"Too many sign-ups from this network. Try again in %1 minute(s)."_s.arg(
                minutes(*wait)),
            *wait);
    // Hashed before the e-mail is looked up, so a taken e-mail answers no faster than a new one.
    auto hashed = crypto::password::hash(request.password, m_app.config.bcryptCost);
    if (!hashed)
        return hashed.error();

    return m_app.db.transaction<QJsonObject>(
        db::Access::service(), [&](db::Transaction &tx) -> Result<QJsonObject> {
            auto exists =
                tx.exec("SELECT 1 FROM profiles WHERE lower(email) = lower($1)", {request.email});
            if (!exists)
                return exists.error();
            if (!exists->isEmpty())
                return http::status::conflict(emailTakenMessage);
            auto org = tx.exec("INSERT INTO organizations (name) VALUES ($1) RETURNING id",
                               {request.organizationName.trimmed()});
            if (!org)
                return org.error();
            const QString orgId = org->text(0, 0);
            if (auto s = tx.exec("INSERT INTO org_settings (org_id, time_zone, language) VALUES "
                                 "($1::uuid, $2, $3)",
                                 {orgId, timeZone, language});
                !s)
                return s.error();
            for (const OpeningHours &h : defaultBusinessHours()) {
                if (auto b = tx.exec("INSERT INTO business_hours (org_id, weekday, opens_at, "
                                     "closes_at) VALUES ($1::uuid, $2, $3::time, $4::time)",
                                     {orgId, h.weekday, h.opens, h.closes});
                    !b)
                    return b.error();
            }
            auto owner =
                tx.exec("INSERT INTO profiles (org_id, email, full_name, password_hash, "
                        "role) VALUES ($1::uuid, $2, $3, $4, 'owner') RETURNING id",
                        {orgId, request.email.trimmed(),
                         request.fullName.isEmpty() ? QString() : request.fullName, *hashed});
            if (!owner)
                return owner.error();
            for (const ServiceTemplate &s : defaultServices()) {
                if (auto inserted =
                        tx.exec("INSERT INTO services (org_id, name, price_cents, keywords, "
                                "duration_minutes, buffer_before_minutes, buffer_after_minutes) "
                                "VALUES ($1::uuid, $2, $3, $4::text[], $5, $6, $7)",
                                {orgId, s.name, s.priceCents, s.keywords, s.durationMinutes,
                                 s.bufferBeforeMinutes, s.bufferAfterMinutes});
                    !inserted)
                    return inserted.error();
            }
            if (auto agent =
                    tx.exec("INSERT INTO agents (org_id, direction, name, system_prompt) "
                            "VALUES ($1::uuid, 'inbound', 'Voxanne', $2)",
                            {orgId, u"You are the friendly receptionist of %1. Answer "
                                    "questions, check availability and book "
                                    "appointments."_s.arg(request.organizationName.trimmed())});
                !agent)
                return agent.error();
            log::info("auth", u"New clinic signed up."_s, {{u"org_id"_s, orgId}});
            return issueSession(tx, owner->text(0, 0), {}, clientAddress, {});
        });
}

Result<QJsonObject> AuthService::login(const QString &email, const QString &password,
                                       const QString &clientAddress, const QString &userAgent)
{
    const QString accountBucket = u"login:account:"_s + email.trimmed().toLower();
    const QString addressBucket = u"login:address:"_s + clientAddress;

    // The attempt is counted before the password is checked, atomically: checking first and
    // counting after the slow bcrypt let concurrent guesses all through.
    auto wait = countAttempt(
        m_app.db, {{accountBucket, accountFailureLimit}, {addressBucket, addressFailureLimit}},
        failureWindowSeconds);
    if (!wait)
        return wait.error();
    if (*wait > 0)
        return http::status::tooManyRequests(
            u"Too many failed sign-in attempts. Try again in %1 minute(s)."_s.arg(minutes(*wait)),
            *wait);

    auto account = m_app.db.transaction<QJsonObject>(
        db::Access::service(), [&](db::Transaction &tx) -> Result<QJsonObject> {
            auto row =
                tx.exec("SELECT id, password_hash, disabled FROM profiles WHERE lower(email) = "
                        "lower($1)",
                        {email.trimmed()});
            if (!row)
                return row.error();
            if (row->isEmpty())
                return QJsonObject{};
            return QJsonObject{{u"id"_s, row->text(0, 0)},
                               {u"hash"_s, row->text(0, 1)},
                               {u"disabled"_s, row->toBool(0, 2)}};
        });
    if (!account)
        return account.error();

    const bool known = !account->isEmpty();
    const bool matches =
        crypto::password::verify(password, known ? account->value(u"hash"_s).toString()
                                                 : decoyHash(m_app.config.bcryptCost));
    if (!known || !matches || account->value(u"disabled"_s).toBool()) {
        log::info("auth", u"Failed sign-in."_s, {{u"address"_s, clientAddress}});
        if (known && matches)
            return http::status::forbidden(u"This account is disabled; ask the clinic's owner."_s);
        return http::status::unauthorized(u"The e-mail or password is not correct."_s);
    }

    // A successful sign-in forgives: the account starts afresh and the address gets its attempt
    // back (only failures add up).
    return m_app.db.transaction<QJsonObject>(
        db::Access::service(), [&](db::Transaction &tx) -> Result<QJsonObject> {
            if (auto r = ratelimit::reset(tx, accountBucket); !r)
                return r.error();
            if (auto f = ratelimit::forgive(tx, addressBucket); !f)
                return f.error();
            if (auto u = noteSignIn(tx, account->value(u"id"_s).toString()); !u)
                return u.error();
            return issueSession(tx, account->value(u"id"_s).toString(), {}, clientAddress,
                                userAgent);
        });
}

Result<QJsonObject> AuthService::localSession(const QString &email, const QString &userAgent)
{
    return m_app.db.transaction<QJsonObject>(
        db::Access::service(), [&](db::Transaction &tx) -> Result<QJsonObject> {
            auto row = tx.exec("SELECT id, disabled FROM profiles WHERE lower(email) = lower($1)",
                               {email.trimmed()});
            if (!row)
                return row.error();
            if (row->isEmpty())
                return http::status::unauthorized(u"The account no longer exists."_s);
            if (row->toBool(0, 1))
                return http::status::forbidden(
                    u"This account is disabled; ask the clinic's owner."_s);
            if (auto u = noteSignIn(tx, row->text(0, 0)); !u)
                return u.error();
            return issueSession(tx, row->text(0, 0), {}, u"127.0.0.1"_s, userAgent);
        });
}

Result<QJsonObject> AuthService::refresh(const QString &refreshToken, const QString &clientAddress,
                                         const QString &userAgent)
{
    if (refreshToken.isEmpty())
        return http::status::badRequest(u"'refresh_token' is required."_s, u"refresh_token"_s);
    const QString hash = tokenHash(refreshToken);
    // Claim the token atomically: of two requests presenting it, one wins and the other sees a
    // used token.
    auto outcome = m_app.db.transaction<QJsonObject>(
        db::Access::service(), [&](db::Transaction &tx) -> Result<QJsonObject> {
            // A disabled user's tokens are revoked when they are disabled; the join also holds
            // if a refresh races with that.
            auto claimed = tx.exec(
                "UPDATE refresh_tokens t SET used_at = now() FROM profiles p WHERE p.id = "
                "t.user_id AND NOT p.disabled AND t.token_hash = $1 AND t.used_at IS NULL AND "
                "t.revoked_at IS NULL AND t.expires_at > now() RETURNING t.id, t.user_id, "
                "t.family_id",
                {hash});
            if (!claimed)
                return claimed.error();
            if (claimed->isEmpty())
                return QJsonObject{};
            auto session = issueSession(tx, claimed->text(0, 1), claimed->text(0, 2), clientAddress,
                                        userAgent);
            if (!session)
                return session.error();
            if (auto linked = tx.exec(
                    "UPDATE refresh_tokens SET replaced_by = $2::uuid WHERE id = $1::uuid",
                    {claimed->text(0, 0), session->value(u"refresh_token_id"_s).toString()});
                !linked)
                return linked.error();
            return *session;
        });
    if (!outcome)
        return outcome.error();
    if (!outcome->isEmpty())
        return outcome;

    // Not claimable: unknown, expired, revoked, or used before. Reuse revokes the family.
    auto reused =
        m_app.db.transaction<bool>(db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
            auto revoked =
                tx.exec("UPDATE refresh_tokens SET revoked_at = coalesce(revoked_at, now()) "
                        "WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE "
                        "token_hash = $1 AND used_at IS NOT NULL) RETURNING id",
                        {hash});
            if (!revoked)
                return revoked.error();
            return !revoked->isEmpty();
        });
    if (!reused)
        return reused.error();
    auto disabled = m_app.db.query(db::Access::service(),
                                   "SELECT 1 FROM refresh_tokens t JOIN profiles p ON p.id = "
                                   "t.user_id WHERE t.token_hash = $1 AND p.disabled",
                                   {hash});
    if (!disabled)
        return disabled.error();
    if (!disabled->isEmpty())
        return http::status::unauthorized(
            u"This account has been disabled; ask the clinic's owner or an admin."_s);
    if (*reused) {
        log::warn("auth", u"A refresh token was used twice; its session family was revoked."_s,
                  {{u"address"_s, clientAddress}});
        return http::status::unauthorized(u"This session was signed out for safety because its "
                                          "token was used twice. Sign in again."_s);
    }
    return http::status::unauthorized(u"The session has expired; sign in again."_s);
}

Result<void> AuthService::logout(const QString &refreshToken)
{
    if (refreshToken.isEmpty())
        return http::status::badRequest(u"'refresh_token' is required."_s, u"refresh_token"_s);
    auto done =
        m_app.db.transaction<bool>(db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
            auto revoked =
                tx.exec("UPDATE refresh_tokens SET revoked_at = coalesce(revoked_at, now()) "
                        "WHERE family_id = (SELECT family_id FROM refresh_tokens WHERE "
                        "token_hash = $1)",
                        {tokenHash(refreshToken)});
            if (!revoked)
                return revoked.error();
            return true;
        });
    if (!done)
        return done.error();
    return {};
}

Result<QJsonObject> AuthService::me(const db::Access &access)
{
    return m_app.db.transaction<QJsonObject>(
        access, [&](db::Transaction &tx) -> Result<QJsonObject> {
            auto row = tx.exec("SELECT " + userColumns.toLatin1() +
                                   " FROM profiles p JOIN organizations o ON o.id = p.org_id "
                                   "JOIN org_settings s ON s.org_id = p.org_id "
                                   "WHERE p.id = $1::uuid AND p.org_id = $2::uuid",
                               {access.userId, access.orgId});
            if (!row)
                return row.error();
            if (row->isEmpty())
                return http::status::unauthorized(
                    u"The account no longer exists; sign in again."_s);
            return QJsonObject{{u"user"_s, userJson(*row)},
                               {u"organization"_s, organizationJson(*row)}};
        });
}

Result<int> AuthService::changePassword(const db::Access &access, const QString &current,
                                        const QString &replacement, const QString &keepRefreshToken)
{
    if (auto ok = checkPassword(replacement, u"new_password"_s); !ok)
        return ok.error();
    // A stolen access token must not become a password oracle: guesses are counted first.
    const QString guessBucket = u"password:user:"_s + access.userId;
    auto wait =
        countAttempt(m_app.db, {{guessBucket, passwordChangeFailureLimit}}, failureWindowSeconds);
    if (!wait)
        return wait.error();
    if (*wait > 0)
        return http::status::tooManyRequests(
            u"Too many wrong current passwords. Try again in %1 minute(s)."_s.arg(minutes(*wait)),
            *wait);
    auto hashed = crypto::password::hash(replacement, m_app.config.bcryptCost);
    if (!hashed)
        return hashed.error();
    const QString keepHash = keepRefreshToken.isEmpty() ? QString() : tokenHash(keepRefreshToken);
    auto changed = m_app.db.transaction<bool>(access, [&](db::Transaction &tx) -> Result<bool> {
        auto row = tx.exec("SELECT password_hash FROM profiles WHERE id = $1::uuid AND org_id = "
                           "$2::uuid",
                           {access.userId, access.orgId});
        if (!row)
            return row.error();
        if (row->isEmpty() || !crypto::password::verify(current, row->text(0, 0)))
            return http::status::badRequest(u"The current password is not correct."_s,
                                            u"current_password"_s);
        auto updated = tx.exec("UPDATE profiles SET password_hash = $3, must_change_password = "
                               "false WHERE id = $1::uuid AND org_id = $2::uuid",
                               {access.userId, access.orgId, *hashed});
        if (!updated)
            return updated.error();
        return true;
    });
    if (!changed)
        return changed.error();
    if (auto forgiven =
            m_app.db.transaction<bool>(db::Access::service(),
                                       [&](db::Transaction &tx) -> Result<bool> {
                                           if (auto r = ratelimit::reset(tx, guessBucket); !r)
                                               return r.error();
                                           return true;
                                       });
        !forgiven)
        log::warn("auth", u"The password-guess counter could not be reset."_s);
    // Whoever knew the old password may still hold a session: every other one ends now. The
    // caller's own, named by its refresh token, carries on. Refresh tokens are the service's
    // alone (no signed-in role may read them), hence a transaction of its own, for this user.
    auto revoked =
        m_app.db.transaction<int>(db::Access::service(), [&](db::Transaction &tx) -> Result<int> {
            auto rows = tx.exec(
                "UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1::uuid AND "
                "org_id = $2::uuid AND revoked_at IS NULL AND family_id IS DISTINCT FROM (SELECT "
                "family_id FROM refresh_tokens WHERE token_hash = $3 AND user_id = $1::uuid)",
                {access.userId, access.orgId, keepHash});
            if (!rows)
                return rows.error();
            return int(rows->affectedRows());
        });
    if (!revoked) {
        log::error("auth", u"The password was changed but other sessions could not be ended."_s,
                   {{u"user_id"_s, access.userId}});
        return http::status::serviceUnavailable(
            u"The password was changed, but other sessions could not be signed out. Change it "
            "again to retry."_s);
    }
    return *revoked;
}

Result<QJsonObject> AuthService::invite(const db::Access &access, const QString &email,
                                        const QString &role, const QString &fullName,
                                        const QString &password)
{
    if (!http::isEmail(email))
        return http::status::badRequest(u"Enter a valid e-mail address."_s, u"email"_s);
    if (role == u"owner" && access.userRole != u"owner")
        return http::status::forbidden(u"Only the owner can add another owner."_s);
    const bool generated = password.isEmpty();
    const QString initial = generated ? crypto::randomToken(12) : password;
    if (auto ok = checkPassword(initial, u"password"_s); !ok)
        return ok.error();
    auto hashed = crypto::password::hash(initial, m_app.config.bcryptCost);
    if (!hashed)
        return hashed.error();
    // The e-mail must be unique across every clinic, which RLS would hide from this org.
    auto taken =
        m_app.db.transaction<bool>(db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
            auto row = tx.exec("SELECT 1 FROM profiles WHERE lower(email) = lower($1)", {email});
            if (!row)
                return row.error();
            return !row->isEmpty();
        });
    if (!taken)
        return taken.error();
    if (*taken)
        return http::status::conflict(u"An account with this e-mail already exists."_s);
    return m_app.db.transaction<QJsonObject>(
        access, [&](db::Transaction &tx) -> Result<QJsonObject> {
            auto row =
                tx.exec("INSERT INTO profiles (org_id, email, full_name, password_hash, role, "
                        "invited_by, must_change_password) VALUES ($1::uuid, $2, $3, $4, $5, "
                        "$6::uuid, $7) RETURNING id, email, full_name, role, "
                        "to_json(created_at)#>>'{}'",
                        {access.orgId, email, fullName.isEmpty() ? QString() : fullName, *hashed,
                         role, access.userId, generated});
            if (!row)
                return row.error();
            QJsonObject user{
                {u"id"_s, row->text(0, 0)},
                {u"email"_s, row->text(0, 1)},
                {u"full_name"_s, row->isNull(0, 2) ? QJsonValue() : QJsonValue(row->text(0, 2))},
                {u"role"_s, row->text(0, 3)},
                {u"created_at"_s, row->text(0, 4)}};
            if (auto audited =
                    tx.exec("INSERT INTO audit_log (org_id, actor_id, action, entity_type, "
                            "entity_id, details) VALUES ($1::uuid, $2::uuid, 'user.invited', "
                            "'profile', $3::uuid, jsonb_build_object('role', $4::text))",
                            {access.orgId, access.userId, row->text(0, 0), role});
                !audited)
                return audited.error();
            QJsonObject out{{u"user"_s, user}};
            if (generated)
                out.insert(u"temporary_password"_s, initial);
            return out;
        });
}

namespace {

// A member of the caller's clinic, locked for the change an admin makes to them; only an owner
// changes an owner (`ownersOnly` says what the refusal is about).
Result<void> lockMember(db::Transaction &tx, const db::Access &access, const QString &userId,
                        const QString &ownersOnly)
{
    auto target = tx.exec("SELECT role FROM profiles WHERE id = $1::uuid AND org_id = $2::uuid "
                          "FOR UPDATE",
                          {userId, access.orgId});
    if (!target)
        return target.error();
    if (target->isEmpty())
        return http::status::notFound(u"No such user in this clinic."_s);
    if (target->text(0, 0) == u"owner" && access.userRole != u"owner")
        return http::status::forbidden(ownersOnly);
    return {};
}

// Ends every session of a member: refresh tokens are the service's alone, hence a transaction
// of its own. Answers how many ended.
Result<int> endSessions(db::Database &db, const QString &userId, const QString &orgId)
{
    auto revoked = db.query(db::Access::service(),
                            "UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = "
                            "$1::uuid AND org_id = $2::uuid AND revoked_at IS NULL",
                            {userId, orgId});
    if (!revoked)
        return revoked.error();
    return int(revoked->affectedRows());
}

} // namespace

Result<QString> AuthService::resetPassword(const db::Access &access, const QString &userId,
                                           const QString &clientAddress)
{
    if (userId == access.userId)
        return http::status::forbidden(
            u"Change your own password with your current one (Settings → Change my password)."_s);
    const QString temporary = crypto::randomToken(12);
    auto hashed = crypto::password::hash(temporary, m_app.config.bcryptCost);
    if (!hashed)
        return hashed.error();
    auto reset = m_app.db.transaction<bool>(access, [&](db::Transaction &tx) -> Result<bool> {
        if (auto member =
                lockMember(tx, access, userId, u"Only an owner can reset an owner's password."_s);
            !member)
            return member.error();
        if (auto updated = tx.exec("UPDATE profiles SET password_hash = $3, must_change_password = "
                                   "true, updated_at = now() WHERE id = $1::uuid AND org_id = "
                                   "$2::uuid",
                                   {userId, access.orgId, *hashed});
            !updated)
            return updated.error();
        if (auto audited =
                tx.exec("INSERT INTO audit_log (org_id, actor_id, action, entity_type, entity_id, "
                        "details) VALUES ($1::uuid, $2::uuid, 'user.password_reset', 'profile', "
                        "$3::uuid, jsonb_build_object('address', $4::text))",
                        {access.orgId, access.userId, userId, clientAddress});
            !audited)
            return audited.error();
        return true;
    });
    if (!reset)
        return reset.error();
    // Whoever knew the old password may hold a session: every one of the user's ends.
    auto revoked = endSessions(m_app.db, userId, access.orgId);
    if (!revoked) {
        log::error("auth", u"A password was reset but the user's sessions could not be ended."_s,
                   {{u"user_id"_s, userId}});
        return http::status::serviceUnavailable(
            u"The password was reset, but the person's sessions could not all be ended. Reset "
            "it again to retry."_s);
    }
    log::info("auth", u"Password reset by an admin; sessions ended."_s,
              {{u"user_id"_s, userId}, {u"sessions"_s, *revoked}});
    return temporary;
}

Result<QJsonObject> AuthService::setDisabled(const db::Access &access, const QString &userId,
                                             bool disabled, const QString &clientAddress)
{
    if (disabled && userId == access.userId)
        return http::status::forbidden(
            u"You cannot disable your own account; ask another owner or admin."_s);
    auto user =
        m_app.db.transaction<QJsonObject>(access, [&](db::Transaction &tx) -> Result<QJsonObject> {
            if (auto member = lockMember(tx, access, userId,
                                         u"Only an owner can disable or enable an owner."_s);
                !member)
                return member.error();
            auto row = tx.exec(
                "UPDATE profiles SET disabled = $3, updated_at = now() WHERE id = $1::uuid AND "
                "org_id = $2::uuid RETURNING json_build_object('id', id, 'email', email, "
                "'full_name', full_name, 'role', role, 'disabled', disabled, 'last_login_at', "
                "last_login_at, 'created_at', created_at)",
                {userId, access.orgId, disabled});
            if (!row)
                return row.error();
            if (auto audited = tx.exec(
                    "INSERT INTO audit_log (org_id, actor_id, action, entity_type, entity_id, "
                    "details) VALUES ($1::uuid, $2::uuid, $3, 'profile', $4::uuid, "
                    "jsonb_build_object('address', $5::text))",
                    {access.orgId, access.userId, disabled ? u"user.disabled"_s : u"user.enabled"_s,
                     userId, clientAddress});
                !audited)
                return audited.error();
            return QJsonDocument::fromJson(row->raw(0, 0)).object();
        });
    if (!user)
        return user.error();
    // This instance refuses the user's access tokens from the next request on; the others hear
    // it from the database (NOTIFY) as the transaction commits.
    if (m_app.accounts)
        m_app.accounts->forget(userId);
    if (!disabled)
        return user;
    // Were this to fail, the user still cannot refresh (a disabled user's token is never
    // claimed).
    auto revoked = endSessions(m_app.db, userId, access.orgId);
    if (!revoked) {
        log::error("auth", u"A user was disabled but their sessions could not be revoked."_s,
                   {{u"user_id"_s, userId}});
        return http::status::serviceUnavailable(
            u"The account was disabled, but its sessions could not all be ended. Disable it "
            "again to retry."_s);
    }
    log::info("auth", u"User disabled; sessions ended."_s,
              {{u"user_id"_s, userId}, {u"sessions"_s, *revoked}});
    return user;
}

} // namespace vox::server
