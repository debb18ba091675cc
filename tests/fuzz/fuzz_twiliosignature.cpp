// Twilio's callback signature: any form body parses, the signature we compute for it matches
// itself and nothing signed with another token.

#include "core/twiliosignature.h"
#include "fuzzinput.h"

using namespace Qt::Literals::StringLiterals;
using namespace vox;
using namespace vox::twilio;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // url \n sent signature \n form body
    const QByteArrayList parts = fuzz::fields(fuzz::bytes(data, size), 3);
    const QString url = QString::fromUtf8(parts.at(0));
    const FormParameters parameters = formParameters(parts.at(2));
    const QString token = u"twilio-auth-token"_s;

    twilioSignatureMatches(token, url, parameters, parts.at(1));
    const QByteArray signature = twilioSignature(token, url, parameters);
    fuzz::expect(twilioSignatureMatches(token, url, parameters, signature),
                 "our own signature matches");
    fuzz::expect(!twilioSignatureMatches(u"another-token"_s, url, parameters, signature),
                 "another account's token does not");
    fuzz::expect(!twilioSignatureMatches(QString(), url, parameters, signature),
                 "an account without a token matches nothing");
    return 0;
}
