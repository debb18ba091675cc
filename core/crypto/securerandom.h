#pragma once

#include <QByteArray>
#include <QString>

namespace vox::crypto {

// Bytes from the operating system's CSPRNG (OpenSSL RAND_bytes).
QByteArray randomBytes(int count);

// `bytes` random bytes as unpadded base64url: for refresh tokens, link signatures, state values.
QString randomToken(int bytes = 32);

// A string of `count` random decimal digits, uniformly distributed (no modulo bias).
QString randomDigits(int count);

} // namespace vox::crypto
