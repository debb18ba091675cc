#include "server/services/accesstoken.h"

#include "core/crypto/jwt.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

// The exp claim of a token whose signature is not checked yet (only used to ask whether an
// otherwise rejected token would have been valid before it expired).
std::optional<qint64> unverifiedExpiry(const QString &token)
{
    const QStringList parts = token.split(u'.');
    if (parts.size() != 3)
        return std::nullopt;
    const auto payload = QByteArray::fromBase64Encoding(
        parts.at(1).toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    if (!payload)
        return std::nullopt;
    return crypto::jwt::numericDate(QJsonDocument::fromJson(*payload).object().value(u"exp"_s));
}

} // namespace

Result<AccessToken> verifyAccessToken(const QString &token, QByteArrayView secret,
                                      const QDateTime &now)
{
    auto claims = crypto::jwt::verifyHs256(token, secret, now);
    if (!claims) {
        // Authentic but expired, if the same token verifies at the last second it was valid.
        if (const auto exp = unverifiedExpiry(token);
            exp && *exp < now.toSecsSinceEpoch() &&
            crypto::jwt::verifyHs256(token, secret, QDateTime::fromSecsSinceEpoch(*exp - 1), 0))
            return fail(u"Your session has expired; refresh it and reconnect."_s,
                        ErrorKind::NotSignedIn)
                .withCode(tokenExpired);
        return fail(u"Your session is not valid; sign in again."_s, ErrorKind::NotSignedIn)
            .withCode(tokenInvalid);
    }
    // Our tokens name no audience: one that does was made for another service sharing the secret.
    if (claims->value(u"iss"_s).toString() != accessTokenIssuer || claims->contains(u"aud"_s))
        return fail(u"Your session is not valid; sign in again."_s, ErrorKind::NotSignedIn)
            .withCode(tokenInvalid);
    AccessToken out;
    out.principal.userId = claims->value(u"sub"_s).toString();
    out.principal.email = claims->value(u"email"_s).toString();
    const QJsonObject app = claims->value(u"app_metadata"_s).toObject();
    out.principal.orgId = app.value(u"org_id"_s).toString();
    out.principal.role = app.value(u"role"_s).toString();
    // verifyHs256 accepted exp, so it is a NumericDate in range.
    out.expiresAt = QDateTime::fromSecsSinceEpoch(
        crypto::jwt::numericDate(claims->value(u"exp"_s)).value_or(0));
    if (out.principal.userId.isEmpty() || out.principal.orgId.isEmpty())
        return fail(u"The session does not name a clinic; sign in again."_s, ErrorKind::NotSignedIn)
            .withCode(tokenInvalid);
    return out;
}

} // namespace vox::server
