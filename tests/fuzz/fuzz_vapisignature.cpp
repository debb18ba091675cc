// Vapi's webhook credentials: whatever headers arrive, the verdict is a refusal unless they are
// the secret or a fresh HMAC of this very body.

#include "core/vapisignature.h"
#include "fuzzinput.h"

using namespace Qt::Literals::StringLiterals;
using namespace vox;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // x-vapi-secret \n x-signature \n x-timestamp \n body
    const QByteArrayList parts = fuzz::fields(fuzz::bytes(data, size), 4);
    const QString webhookSecret = u"webhook-secret"_s;
    const QString hmacSecret = u"hmac-secret"_s;
    const qint64 nowMs = fuzz::now().toMSecsSinceEpoch();
    vapi::Credentials sent{parts.at(0), parts.at(1), parts.at(2)};
    const QByteArray &body = parts.at(3);

    const vapi::Verdict verdict = vapi::verify(sent, body, webhookSecret, hmacSecret, nowMs);
    vapi::describe(verdict);
    if (verdict == vapi::Verdict::Accepted)
        fuzz::expect(sent.secretHeader == webhookSecret.toUtf8() ||
                         vapi::verify(sent, body + 'x', webhookSecret, hmacSecret, nowMs) !=
                             vapi::Verdict::Accepted,
                     "an accepted signature covers the body");

    // A correctly signed copy is accepted whenever its timestamp is fresh.
    const QByteArray stamp = QByteArray::number(nowMs / 1000);
    const vapi::Credentials signedCopy{{}, vapi::signature(stamp, body, hmacSecret), stamp};
    fuzz::expect(vapi::verify(signedCopy, body, webhookSecret, hmacSecret, nowMs) ==
                     vapi::Verdict::Accepted,
                 "a fresh signature of the body is accepted");
    vapi::verify(signedCopy, body, webhookSecret, QString(), nowMs);
    return 0;
}
