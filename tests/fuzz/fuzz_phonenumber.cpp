// E.164 normalisation of what people type: a number or a sentence, and a number that is
// accepted is E.164 and stays itself when normalised again.

#include "core/phonenumber.h"
#include "fuzzinput.h"

using namespace vox;
using namespace Qt::Literals::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString typed = QString::fromUtf8(fuzz::bytes(data, size));
    phone::isE164(typed);
    phone::display(typed);
    fuzz::expect(phone::masked(typed).size() == typed.size(), "masking keeps the length");

    const auto normalized = phone::normalize(typed, u"US"_s);
    if (!normalized) {
        fuzz::expect(!normalized.errorMessage().isEmpty(), "a refusal says why");
        return 0;
    }
    fuzz::expect(phone::isE164(*normalized), "a normalised number is E.164");
    for (const QChar c : *normalized)
        fuzz::expect(c == u'+' || (c >= u'0' && c <= u'9'), "E.164 is ASCII digits after '+'");
    const auto again = phone::normalize(*normalized, u"US"_s);
    fuzz::expect(again.ok() && *again == *normalized, "normalising is idempotent");
    phone::display(*normalized);
    return 0;
}
