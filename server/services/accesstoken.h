#pragma once

#include "core/result.h"
#include "server/http/principal.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QString>

namespace vox::server {

// A verified access token: who it speaks for, and until when.
struct AccessToken
{
    http::Principal principal;
    QDateTime expiresAt;
};

// Error codes of verifyAccessToken: an authentic token past its expiry is told apart from
// everything else, so the event stream can ask for a refresh (close 4003) rather than a new
// sign-in (4001).
inline const QString tokenExpired = QStringLiteral("expired");
inline const QString tokenInvalid = QStringLiteral("invalid");

// The `iss` of every access token this server signs; a token from anyone else is refused even
// if it were signed with the same secret (a secret shared with another service by mistake).
inline const QString accessTokenIssuer = QStringLiteral("voxanne");

// Verifies an access token (JWT HS256 with our claims: iss, sub, app_metadata.org_id, role).
Result<AccessToken> verifyAccessToken(const QString &token, QByteArrayView secret,
                                      const QDateTime &now);

} // namespace vox::server
