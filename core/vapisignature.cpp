#include "core/vapisignature.h"

#include "core/crypto/digest.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::vapi {

QByteArray signature(const QByteArray &timestamp, const QByteArray &body, const QString &hmacSecret)
{
    const QByteArray payload = timestamp + '.' + body;
    return crypto::hmacSha256(hmacSecret.toUtf8(), payload).toHex();
}

Verdict verify(const Credentials &sent, const QByteArray &body, const QString &webhookSecret,
               const QString &hmacSecret, qint64 nowMs)
{
    if (!sent.secretHeader.isEmpty()) {
        if (webhookSecret.isEmpty() ||
            !crypto::constantTimeEquals(sent.secretHeader, webhookSecret.toUtf8()))
            return Verdict::WrongSecret;
        return Verdict::Accepted;
    }
    if (sent.signatureHeader.isEmpty())
        return Verdict::NoCredentials;

    bool numeric = false;
    const qint64 stamp = sent.timestampHeader.trimmed().toLongLong(&numeric);
    if (!numeric || stamp <= 0)
        return Verdict::StaleTimestamp;
    const qint64 stampMs = stamp > 100'000'000'000LL ? stamp : stamp * 1000;
    if (qAbs(nowMs - stampMs) > timestampToleranceSeconds * 1000)
        return Verdict::StaleTimestamp;
    if (hmacSecret.isEmpty())
        return Verdict::BadSignature;

    QByteArray given = sent.signatureHeader.trimmed().toLower();
    if (given.startsWith("sha256="))
        given = given.mid(7);
    const QByteArray expected = signature(sent.timestampHeader.trimmed(), body, hmacSecret);
    return crypto::constantTimeEquals(given, expected) ? Verdict::Accepted : Verdict::BadSignature;
}

QString describe(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Accepted:
        return u"accepted"_s;
    case Verdict::NoCredentials:
        return u"no x-vapi-secret or x-signature header"_s;
    case Verdict::WrongSecret:
        return u"x-vapi-secret does not match"_s;
    case Verdict::BadSignature:
        return u"x-signature does not match"_s;
    case Verdict::StaleTimestamp:
        return u"x-timestamp is missing or more than 5 minutes off"_s;
    }
    return u"rejected"_s;
}

} // namespace vox::vapi
