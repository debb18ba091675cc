#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QStringList>

namespace vox::crypto {

// AES-256-GCM with a 96-bit IV and a 128-bit tag. A sealed blob is IV || ciphertext || tag, so it
// carries everything but the key. `aad` binds the blob to its context (e.g. org and provider):
// moving a ciphertext to another row makes it fail to open.
namespace aesgcm {
constexpr int keySize = 32;
constexpr int ivSize = 12;
constexpr int tagSize = 16;

Result<QByteArray> encryptWithIv(QByteArrayView key, QByteArrayView iv, QByteArrayView plaintext,
                                 QByteArrayView aad);
Result<QByteArray> seal(QByteArrayView key, QByteArrayView plaintext, QByteArrayView aad);
Result<QByteArray> open(QByteArrayView key, QByteArrayView blob, QByteArrayView aad);
} // namespace aesgcm

// The server's encryption keys: one current key that seals, and older keys that still open rows
// sealed before a rotation. Each key is named by a short id derived from the key itself, stored
// next to every ciphertext.
class KeyRing
{
public:
    struct Sealed
    {
        QString keyId;
        QByteArray blob;
    };

    // `current` and `previous` are base64 encodings of 32-byte keys (ENCRYPTION_KEY and
    // ENCRYPTION_KEYS_PREVIOUS).
    static Result<KeyRing> fromBase64(const QString &current, const QStringList &previous = {});
    static QString keyIdFor(QByteArrayView key);

    QString currentKeyId() const { return m_currentId; }
    bool hasKey(const QString &keyId) const { return m_keys.contains(keyId); }
    Sealed seal(QByteArrayView plaintext, QByteArrayView aad) const;
    Result<QByteArray> open(const QString &keyId, QByteArrayView blob, QByteArrayView aad) const;

private:
    QHash<QString, QByteArray> m_keys;
    QString m_currentId;
};

} // namespace vox::crypto
