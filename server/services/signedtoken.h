#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace vox::server::signedtoken {

// Short-lived bearer tokens that need no table: the claims travel in the token, an HMAC-SHA256
// under a server key proves we issued them, and `exp` says until when. Used for the shared
// recording link (24 h) and the Google OAuth state (10 min).
//
// Format: base64url(JSON claims) "." base64url(HMAC-SHA256(key, first part)).

// A key for one purpose, derived from a server secret, so a token made for one use is never
// accepted by another.
QByteArray deriveKey(const QString &serverSecret, QByteArrayView purpose);

QString issue(QByteArrayView key, QJsonObject claims, const QDateTime &expiresAt);

// The claims of a token we issued. Errors carry their HTTP status: "404" for anything forged,
// altered or malformed (nothing is revealed about why), "410" for a genuine token past `exp`.
Result<QJsonObject> verify(QByteArrayView key, const QString &token, const QDateTime &now);

} // namespace vox::server::signedtoken
