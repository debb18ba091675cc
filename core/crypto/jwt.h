#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QJsonValue>

#include <optional>

namespace vox::crypto::jwt {

// A NumericDate claim (exp, nbf, iat: seconds since the epoch) as whole seconds, or nullopt when
// it is not a number or lies beyond ±2^53 seconds, where a double stops counting every second and
// converting it to an integer would be undefined behaviour.
std::optional<qint64> numericDate(const QJsonValue &value);

// Signs `claims` as a compact JWS with HS256.
QString signHs256(const QJsonObject &claims, QByteArrayView secret);

// Verifies an HS256 token and its time claims at `now` (with `leewaySeconds` of clock skew).
// Anything but HS256 is refused, alg "none" included; so are bad signatures, expired tokens
// (exp), tokens not yet valid (nbf) and tokens without exp.
Result<QJsonObject> verifyHs256(const QString &token, QByteArrayView secret, const QDateTime &now,
                                int leewaySeconds = 30);

} // namespace vox::crypto::jwt
