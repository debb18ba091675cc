#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace vox::crypto {

QByteArray sha256(QByteArrayView data);
QByteArray hmacSha256(QByteArrayView key, QByteArrayView data);

// Compares secrets without leaking where they differ through timing; unequal lengths are
// unequal (the length of a MAC or token is not a secret).
bool constantTimeEquals(QByteArrayView a, QByteArrayView b);

} // namespace vox::crypto
