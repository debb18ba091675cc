#include "core/crypto/passwordhash.h"

#include "core/crypto/digest.h"
#include "core/crypto/securerandom.h"

#include <crypt.h>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace vox::crypto::password {

namespace {

QByteArray cryptWith(const QByteArray &phrase, const QByteArray &setting)
{
    auto data = std::make_unique<crypt_data>();
    const char *out = crypt_r(phrase.constData(), setting.constData(), data.get());
    // libxcrypt signals failure with a string starting with '*' (or null on some builds).
    if (!out || out[0] == '*')
        return {};
    return QByteArray(out);
}

} // namespace

Result<QString> hash(const QString &secret, int cost)
{
    const QByteArray entropy = randomBytes(16);
    char setting[CRYPT_GENSALT_OUTPUT_SIZE];
    if (!crypt_gensalt_rn("$2b$", static_cast<unsigned long>(cost), entropy.constData(),
                          int(entropy.size()), setting, sizeof setting)) {
        return fail(u"Could not prepare a bcrypt salt (cost %1)."_s.arg(cost));
    }
    const QByteArray result = cryptWith(secret.toUtf8(), setting);
    if (result.isEmpty())
        return fail(u"Password hashing failed."_s);
    return QString::fromLatin1(result);
}

bool verify(const QString &secret, const QString &storedHash)
{
    if (!storedHash.startsWith(u"$2"_s) && !storedHash.startsWith(u"$y$"_s))
        return false;
    const QByteArray stored = storedHash.toLatin1();
    const QByteArray computed = cryptWith(secret.toUtf8(), stored);
    return !computed.isEmpty() && constantTimeEquals(computed, stored);
}

} // namespace vox::crypto::password
