#include "core/crypto/jwt.h"

#include "core/crypto/digest.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace vox::crypto::jwt {

namespace {

constexpr auto base64url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

QByteArray encodeSegment(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact).toBase64(base64url);
}

std::optional<QByteArray> decodeSegment(QByteArrayView segment)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        segment.toByteArray(),
        QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    return decoded.decoded;
}

std::optional<QJsonObject> decodeObject(QByteArrayView segment)
{
    const auto bytes = decodeSegment(segment);
    if (!bytes)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(*bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return std::nullopt;
    return doc.object();
}

} // namespace

std::optional<qint64> numericDate(const QJsonValue &value)
{
    constexpr double limit = 9007199254740992.0; // 2^53
    if (!value.isDouble())
        return std::nullopt;
    const double seconds = value.toDouble();
    if (!(seconds >= -limit && seconds <= limit))
        return std::nullopt;
    return qint64(seconds);
}

QString signHs256(const QJsonObject &claims, QByteArrayView secret)
{
    const QByteArray input =
        encodeSegment(QJsonObject{{u"alg"_s, u"HS256"_s}, {u"typ"_s, u"JWT"_s}}) + '.' +
        encodeSegment(claims);
    return QString::fromLatin1(input + '.' + hmacSha256(secret, input).toBase64(base64url));
}

Result<QJsonObject> verifyHs256(const QString &token, QByteArrayView secret, const QDateTime &now,
                                int leewaySeconds)
{
    const QByteArray raw = token.toLatin1();
    const QList<QByteArray> parts = raw.split('.');
    if (parts.size() != 3)
        return fail(u"The token is malformed."_s);

    const auto header = decodeObject(parts.at(0));
    if (!header)
        return fail(u"The token header is malformed."_s);
    if (header->value(u"alg"_s).toString() != u"HS256")
        return fail(u"The token algorithm is not accepted."_s);

    if (parts.at(2).isEmpty())
        return fail(u"The token is malformed: it carries no signature."_s);
    const auto signature = decodeSegment(parts.at(2));
    const QByteArray signingInput = parts.at(0) + '.' + parts.at(1);
    if (!signature || !constantTimeEquals(*signature, hmacSha256(secret, signingInput)))
        return fail(u"The token signature is invalid."_s);

    const auto claims = decodeObject(parts.at(1));
    if (!claims)
        return fail(u"The token claims are malformed."_s);

    const qint64 t = now.toSecsSinceEpoch();
    const QJsonValue expValue = claims->value(u"exp"_s);
    if (!expValue.isDouble())
        return fail(u"The token has no expiry."_s);
    const auto exp = numericDate(expValue);
    const QJsonValue nbfValue = claims->value(u"nbf"_s);
    const auto nbf = numericDate(nbfValue);
    const QJsonValue iatValue = claims->value(u"iat"_s);
    const auto iat = numericDate(iatValue);
    if (!exp || (nbfValue.isDouble() && !nbf) || (iatValue.isDouble() && !iat))
        return fail(u"The token carries a date that is out of range."_s);
    if (*exp + leewaySeconds <= t)
        return fail(u"The token has expired."_s);
    if (nbf && *nbf - leewaySeconds > t)
        return fail(u"The token is not valid yet."_s);
    if (iat && *iat - leewaySeconds > t)
        return fail(u"The token was issued in the future."_s);
    return *claims;
}

} // namespace vox::crypto::jwt
