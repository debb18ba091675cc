#pragma once

#include "core/result.h"
#include "server/appcontext.h"

#include <QJsonObject>
#include <QString>

namespace vox::server {

// Accounts and sessions: sign-up provisions a clinic; login issues a short-lived access token
// (JWT HS256) and a rotating refresh token; refresh tokens are stored hashed and chained in
// families, so presenting a used one revokes the family (a stolen token is caught the moment
// either party uses it again).
class AuthService
{
public:
    static constexpr int accessTokenSeconds = 15 * 60;
    static constexpr int refreshTokenDays = 30;
    // Failed logins tolerated per account and per address in a 15-minute window.
    static constexpr int accountFailureLimit = 5;
    static constexpr int addressFailureLimit = 20;
    static constexpr int failureWindowSeconds = 15 * 60;
    // Wrong current passwords tolerated per user when changing it, in the same window.
    static constexpr int passwordChangeFailureLimit = 5;
    static constexpr int signupWindowSeconds = 60 * 60;
    static constexpr int minimumPasswordLength = 10;
    static constexpr int maximumPasswordBytes = 72; // what bcrypt reads

    explicit AuthService(AppContext &app)
        : m_app(app)
    {}

    struct SignUp
    {
        QString organizationName;
        QString email;
        QString password;
        QString fullName;
        QString timeZone;
        // "en" or "es"; empty means English. The clinic's seeded words follow it.
        QString language;
    };

    // Creates the org, its settings and business hours, the owner, the default services and the
    // inbound agent in one transaction, then signs the owner in.
    Result<QJsonObject> signUp(const SignUp &request, const QString &clientAddress);
    Result<QJsonObject> login(const QString &email, const QString &password,
                              const QString &clientAddress, const QString &userAgent);
    // A session for an existing, enabled account without its password: for the process that
    // embeds this server and owns its database already (the demo on this computer), so a warm
    // start does not spend a bcrypt on a password it holds anyway. Never reachable over HTTP.
    Result<QJsonObject> localSession(const QString &email, const QString &userAgent);
    Result<QJsonObject> refresh(const QString &refreshToken, const QString &clientAddress,
                                const QString &userAgent);
    Result<void> logout(const QString &refreshToken);
    Result<QJsonObject> me(const db::Access &access);
    // What a sign-up with a taken e-mail hears: no more than a person signing up needs (not
    // which clinic, not whether the account is disabled).
    static inline const QString emailTakenMessage =
        QStringLiteral("An account with this e-mail address already exists; sign in instead.");

    // Sets a new password once the current one is confirmed, and ends every other session of the
    // user (the one holding `keepRefreshToken`, if given, stays). Returns how many were ended.
    Result<int> changePassword(const db::Access &access, const QString &current,
                               const QString &replacement, const QString &keepRefreshToken = {});

    // A new member of the caller's org. Without a password one is generated and returned once.
    Result<QJsonObject> invite(const db::Access &access, const QString &email, const QString &role,
                               const QString &fullName, const QString &password);

    // A new, temporary password for a member of the caller's clinic who forgot theirs (owner or
    // admin calling; only an owner resets an owner; never one's own). It is returned once, the
    // member must change it at the next sign-in, and every session of theirs ends.
    Result<QString> resetPassword(const db::Access &access, const QString &userId,
                                  const QString &clientAddress);

    // Disables or re-enables a member of the caller's clinic (owner or admin calling). Disabling
    // ends every session of the user at once. Returns the user as GET /api/org/users lists them.
    Result<QJsonObject> setDisabled(const db::Access &access, const QString &userId, bool disabled,
                                    const QString &clientAddress);

    static Result<void> checkPassword(const QString &password, const QString &field);
    QString accessToken(const QString &userId, const QString &orgId, const QString &role,
                        const QString &email) const;

private:
    // Issues the token pair for a user inside `tx` (a new family unless `familyId` is given).
    Result<QJsonObject> issueSession(db::Transaction &tx, const QString &userId,
                                     const QString &familyId, const QString &clientAddress,
                                     const QString &userAgent);

    AppContext &m_app;
};

} // namespace vox::server
