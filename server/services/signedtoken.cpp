#include "server/services/signedtoken.h"

#include "core/crypto/digest.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::signedtoken {

namespace {

constexpr auto base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

} // namespace

QByteArray deriveKey(const QString &serverSecret, QByteArrayView purpose)
{
    const QByteArray label = QByteArray("voxanne/") + purpose.toByteArray();
    return crypto::hmacSha256(serverSecret.toUtf8(), label);
}

QString issue(QByteArrayView key, QJsonObject claims, const QDateTime &expiresAt)
{
    claims.insert(u"exp"_s, expiresAt.toSecsSinceEpoch());
    const QByteArray body =
        QJsonDocument(claims).toJson(QJsonDocument::Compact).toBase64(base64Url);
    const QByteArray mac = crypto::hmacSha256(key, body).toBase64(base64Url);
    return QString::fromLatin1(body + '.' + mac);
}

Result<QJsonObject> verify(QByteArrayView key, const QString &token, const QDateTime &now)
{
    const Error invalid = fail(u"This link is not valid."_s, ErrorKind::NotFound);
    const QByteArray raw = token.toLatin1();
    const qsizetype dot = raw.indexOf('.');
    if (token.size() > 2048 || dot <= 0 || raw.indexOf('.', dot + 1) >= 0)
        return invalid;
    const QByteArray body = raw.left(dot);
    const QByteArray expected = crypto::hmacSha256(key, body).toBase64(base64Url);
    if (!crypto::constantTimeEquals(expected, raw.mid(dot + 1)))
        return invalid;
    const auto decoded = QByteArray::fromBase64Encoding(
        body, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return invalid;
    const QJsonDocument doc = QJsonDocument::fromJson(decoded.decoded);
    if (!doc.isObject() || !doc.object().value(u"exp"_s).isDouble())
        return invalid;
    const QJsonObject claims = doc.object();
    if (qint64(claims.value(u"exp"_s).toDouble()) <= now.toSecsSinceEpoch())
        return fail(u"This link has expired."_s, ErrorKind::Gone);
    return claims;
}

} // namespace vox::server::signedtoken
