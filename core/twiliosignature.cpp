#include "core/twiliosignature.h"

#include "core/crypto/digest.h"

#include <QUrl>

#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <algorithm>

namespace vox::twilio {

FormParameters formParameters(QByteArrayView body)
{
    FormParameters fields;
    qsizetype start = 0;
    while (start <= body.size()) {
        qsizetype end = body.indexOf('&', start);
        if (end < 0)
            end = body.size();
        const QByteArrayView pair = body.sliced(start, end - start);
        start = end + 1;
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        QByteArray name = (eq < 0 ? pair : pair.first(eq)).toByteArray();
        QByteArray value = eq < 0 ? QByteArray() : pair.sliced(eq + 1).toByteArray();
        name.replace('+', ' ');
        value.replace('+', ' ');
        fields.append({QUrl::fromPercentEncoding(name), QUrl::fromPercentEncoding(value)});
    }
    return fields;
}

QByteArray twilioSignature(const QString &authToken, const QString &url, FormParameters parameters)
{
    std::stable_sort(parameters.begin(), parameters.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    QByteArray data = url.toUtf8();
    for (const auto &[name, value] : std::as_const(parameters))
        data += name.toUtf8() + value.toUtf8();
    const QByteArray key = authToken.toUtf8();
    QByteArray mac(EVP_MAX_MD_SIZE, Qt::Uninitialized);
    unsigned int length = 0;
    HMAC(EVP_sha1(), key.data(), int(key.size()),
         reinterpret_cast<const unsigned char *>(data.data()), size_t(data.size()),
         reinterpret_cast<unsigned char *>(mac.data()), &length);
    mac.resize(int(length));
    return mac.toBase64();
}

bool twilioSignatureMatches(const QString &authToken, const QString &url,
                            const FormParameters &parameters, QByteArrayView sent)
{
    if (authToken.isEmpty())
        return false;
    return crypto::constantTimeEquals(twilioSignature(authToken, url, parameters), sent);
}

} // namespace vox::twilio
