// JWT verification and the access tokens built on it. An input is read two ways: as a token
// a client sends (anything but our own valid signature is refused), and as the claims of a token
// we sign ourselves (what verifies carries exactly those claims).

#include "core/crypto/jwt.h"
#include "fuzzinput.h"
#include "server/services/accesstoken.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;
using namespace vox;

namespace {
constexpr QByteArrayView secret = "a-signing-secret-that-is-long-enough";
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    const QDateTime now = fuzz::now();

    const QString token = QString::fromLatin1(input);
    static_cast<void>(crypto::jwt::verifyHs256(token, secret, now));
    static_cast<void>(server::verifyAccessToken(token, secret, now));

    const QJsonDocument doc = QJsonDocument::fromJson(input);
    if (!doc.isObject())
        return 0;
    const QJsonObject claims = doc.object();
    for (const QString &key : claims.keys())
        crypto::jwt::numericDate(claims.value(key));
    const QString signedToken = crypto::jwt::signHs256(claims, secret);
    const auto verified = crypto::jwt::verifyHs256(signedToken, secret, now);
    if (verified)
        fuzz::expect(*verified == claims, "a verified token carries the claims it was signed with");
    const auto access = server::verifyAccessToken(signedToken, secret, now);
    if (access)
        fuzz::expect(verified.ok(), "an access token is a verified JWT");
    fuzz::expect(!crypto::jwt::verifyHs256(signedToken, "another-secret-of-some-length-xx", now),
                 "a token signed with another secret is refused");
    return 0;
}
