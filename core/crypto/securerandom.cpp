#include "core/crypto/securerandom.h"

#include <openssl/rand.h>

#include <stdexcept>

namespace vox::crypto {

QByteArray randomBytes(int count)
{
    QByteArray out(count, Qt::Uninitialized);
    if (count > 0 && RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), count) != 1)
        throw std::runtime_error("the system's random number generator failed");
    return out;
}

QString randomToken(int bytes)
{
    return QString::fromLatin1(randomBytes(bytes).toBase64(QByteArray::Base64UrlEncoding |
                                                           QByteArray::OmitTrailingEquals));
}

QString randomDigits(int count)
{
    QString digits;
    digits.reserve(count);
    while (digits.size() < count) {
        const auto byte = static_cast<unsigned char>(randomBytes(1).at(0));
        if (byte < 250) // 250 = 25 * 10: rejecting the rest keeps every digit equally likely
            digits.append(QChar(u'0' + byte % 10));
    }
    return digits;
}

} // namespace vox::crypto
