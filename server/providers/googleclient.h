#pragma once

#include "core/result.h"
#include "server/providers/providerhttp.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QUrl>

namespace vox::server::providers {

// Google's OAuth 2.0 web-server flow, the OAuth2 v2 userinfo endpoint and Calendar v3 (events,
// freeBusy), as Google documents them. The "forever-link": offline access and a consent prompt
// every time, so each connection yields a refresh token, and userinfo.email so we know whose
// calendar it is.
struct GoogleEndpoints
{
    QString oauthBaseUrl; // https://accounts.google.com (+ /o/oauth2/v2/auth)
    QString tokenUrl;     // https://oauth2.googleapis.com/token
    QString apiBaseUrl;   // https://www.googleapis.com (+ /calendar/v3, /oauth2/v2/userinfo)
    QString clientId;
    QString clientSecret;
};

struct GoogleTokens
{
    QString accessToken;
    QString refreshToken; // empty when Google did not issue one
    QDateTime expiresAt;
    QString scope;
};

struct GoogleBusy
{
    QDateTime start;
    QDateTime end;
};

// Failures are Errors with code:
//   "invalid_grant"  the refresh token (or code) is revoked, expired or unknown: reconnect;
//   "unauthorized"   the access token was refused: refresh it and try once more;
//   "not_found"      the event does not exist (deleted in the calendar);
//   "502"            anything else Google or the network did;
// and subject the HTTP status, or providers::unreachable / providers::noAnswer when Google never
// answered. Messages never carry tokens.
class GoogleClient
{
public:
    static inline const QString calendarScope =
        QStringLiteral("https://www.googleapis.com/auth/calendar");
    static inline const QString emailScope =
        QStringLiteral("https://www.googleapis.com/auth/userinfo.email");

    GoogleClient(GoogleEndpoints endpoints, RetryPolicy retry = {});

    bool isConfigured() const
    {
        return !m_endpoints.clientId.isEmpty() && !m_endpoints.clientSecret.isEmpty();
    }

    // Where the clinic's browser goes to grant access.
    QUrl authorizationUrl(const QString &redirectUri, const QString &state) const;
    Result<GoogleTokens> exchangeCode(const QString &code, const QString &redirectUri);
    Result<GoogleTokens> refresh(const QString &refreshToken);
    Result<QString> userEmail(const QString &accessToken);
    // Ends Voxanne's access at Google (RFC 7009 revocation at the token URL's sibling /revoke):
    // revoking the refresh token also revokes the access tokens issued from it. A token Google
    // no longer knows (already revoked or expired) counts as revoked.
    Result<void> revoke(const QString &token);

    Result<QJsonObject> insertEvent(const QString &accessToken, const QString &calendarId,
                                    const QJsonObject &event);
    Result<QJsonObject> patchEvent(const QString &accessToken, const QString &calendarId,
                                   const QString &eventId, const QJsonObject &event);
    // An event that is already gone (404, 410) counts as deleted.
    Result<void> deleteEvent(const QString &accessToken, const QString &calendarId,
                             const QString &eventId);
    Result<QList<GoogleBusy>> freeBusy(const QString &accessToken, const QString &calendarId,
                                       const QDateTime &from, const QDateTime &to,
                                       int timeoutMs = 15000);

    void setRetry(RetryPolicy retry) { m_retry = std::move(retry); }

private:
    // `repeatable`: the call may be sent again after a lost answer (see HttpCall::idempotent).
    Result<GoogleTokens> tokenRequest(const QList<QPair<QString, QString>> &form, bool repeatable);
    Result<QJsonObject> api(const QByteArray &method, const QString &path,
                            const QString &accessToken, const QJsonObject &body = {},
                            int timeoutMs = 15000, std::optional<bool> repeatable = {});

    GoogleEndpoints m_endpoints;
    RetryPolicy m_retry;
};

} // namespace vox::server::providers
