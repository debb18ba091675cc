#include "core/crypto/aesgcm.h"

#include "core/crypto/digest.h"
#include "core/crypto/securerandom.h"

#include <openssl/evp.h>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace vox::crypto {

namespace {

using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

const unsigned char *bytes(QByteArrayView view)
{
    return reinterpret_cast<const unsigned char *>(view.data());
}

unsigned char *bytes(QByteArray &array)
{
    return reinterpret_cast<unsigned char *>(array.data());
}

} // namespace

Result<QByteArray> aesgcm::encryptWithIv(QByteArrayView key, QByteArrayView iv,
                                         QByteArrayView plaintext, QByteArrayView aad)
{
    if (key.size() != keySize)
        return fail(u"An AES-256 key must be 32 bytes."_s);
    if (iv.size() != ivSize)
        return fail(u"An AES-GCM IV must be 12 bytes."_s);

    CipherContext ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    QByteArray out(ivSize + plaintext.size() + tagSize, Qt::Uninitialized);
    std::copy(iv.begin(), iv.end(), out.begin());
    int length = 0;
    bool good = ctx && EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr);
    good = good && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, ivSize, nullptr);
    good = good && EVP_EncryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key), bytes(iv));
    if (good && !aad.isEmpty())
        good = EVP_EncryptUpdate(ctx.get(), nullptr, &length, bytes(aad), int(aad.size()));
    unsigned char *cipher = bytes(out) + ivSize;
    if (good && !plaintext.isEmpty())
        good =
            EVP_EncryptUpdate(ctx.get(), cipher, &length, bytes(plaintext), int(plaintext.size()));
    good = good && EVP_EncryptFinal_ex(ctx.get(), cipher + plaintext.size(), &length);
    good = good &&
           EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, tagSize, cipher + plaintext.size());
    if (!good)
        return fail(u"Encryption failed."_s);
    return out;
}

Result<QByteArray> aesgcm::seal(QByteArrayView key, QByteArrayView plaintext, QByteArrayView aad)
{
    return encryptWithIv(key, randomBytes(ivSize), plaintext, aad);
}

Result<QByteArray> aesgcm::open(QByteArrayView key, QByteArrayView blob, QByteArrayView aad)
{
    if (key.size() != keySize)
        return fail(u"An AES-256 key must be 32 bytes."_s);
    if (blob.size() < ivSize + tagSize)
        return fail(u"The encrypted value is truncated."_s);

    const QByteArrayView iv = blob.first(ivSize);
    const QByteArrayView cipher = blob.sliced(ivSize, blob.size() - ivSize - tagSize);
    QByteArray tag = blob.last(tagSize).toByteArray();
    QByteArray plain(cipher.size(), Qt::Uninitialized);

    CipherContext ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int length = 0;
    bool good = ctx && EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr);
    good = good && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, ivSize, nullptr);
    good = good && EVP_DecryptInit_ex(ctx.get(), nullptr, nullptr, bytes(key), bytes(iv));
    if (good && !aad.isEmpty())
        good = EVP_DecryptUpdate(ctx.get(), nullptr, &length, bytes(aad), int(aad.size()));
    if (good && !cipher.isEmpty())
        good =
            EVP_DecryptUpdate(ctx.get(), bytes(plain), &length, bytes(cipher), int(cipher.size()));
    good = good && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, tagSize, tag.data());
    good = good && EVP_DecryptFinal_ex(ctx.get(), bytes(plain) + cipher.size(), &length) > 0;
    if (!good)
        return fail(u"The encrypted value was altered or belongs to another key or record."_s);
    return plain;
}

Result<KeyRing> KeyRing::fromBase64(const QString &current, const QStringList &previous)
{
    KeyRing ring;
    QStringList all{current};
    all += previous;
    for (qsizetype i = 0; i < all.size(); ++i) {
        const QString encoded = all.at(i).trimmed();
        if (encoded.isEmpty() && i > 0)
            continue;
        const auto decoded = QByteArray::fromBase64Encoding(
            encoded.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || decoded.decoded.size() != aesgcm::keySize) {
            return fail(i == 0 ? u"ENCRYPTION_KEY must be the base64 encoding of 32 random bytes "
                                 "(generate one with: openssl rand -base64 32)."_s
                               : u"Every previous encryption key must be the base64 encoding of "
                                 "32 bytes."_s);
        }
        const QString id = keyIdFor(decoded.decoded);
        ring.m_keys.insert(id, decoded.decoded);
        if (i == 0)
            ring.m_currentId = id;
    }
    return ring;
}

QString KeyRing::keyIdFor(QByteArrayView key)
{
    // A fingerprint of the key, not the key: 8 hex digits are plenty to tell a handful apart.
    return QString::fromLatin1(sha256(key).toHex().left(8));
}

KeyRing::Sealed KeyRing::seal(QByteArrayView plaintext, QByteArrayView aad) const
{
    return {m_currentId, aesgcm::seal(m_keys.value(m_currentId), plaintext, aad).value()};
}

Result<QByteArray> KeyRing::open(const QString &keyId, QByteArrayView blob,
                                 QByteArrayView aad) const
{
    const auto key = m_keys.constFind(keyId);
    if (key == m_keys.cend())
        return fail(
            u"The value was encrypted with key %1, which this server does not have."_s.arg(keyId));
    return aesgcm::open(*key, blob, aad);
}

} // namespace vox::crypto
