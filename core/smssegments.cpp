#include "core/smssegments.h"

#include <QList>
#include <QStringView>

using namespace Qt::Literals::StringLiterals;

namespace vox::sms {

namespace {

// The GSM 03.38 default alphabet (without the escape code) and its extension table.
constexpr QStringView basic = u"@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ "
                              u"!\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿"
                              u"abcdefghijklmnopqrstuvwxyzäöñüà";
constexpr QStringView extension = u"\f^{}\\[~]|€";

struct Limits
{
    int single;
    int multi;
};
constexpr Limits gsm7{160, 153};
constexpr Limits ucs2{70, 67};

// Parts needed when no character may be split between two parts (an escaped GSM character, or
// an emoji's surrogate pair, moves whole to the next part).
int segmentsFor(const QList<int> &unitsPerCharacter, int total, Limits limits)
{
    if (total == 0)
        return 0;
    if (total <= limits.single)
        return 1;
    int segments = 1;
    int used = 0;
    for (int units : unitsPerCharacter) {
        if (used + units > limits.multi) {
            ++segments;
            used = 0;
        }
        used += units;
    }
    return segments;
}

} // namespace

int gsmUnits(char32_t character)
{
    if (character > 0xFFFF)
        return 0;
    const auto c = QChar(char16_t(character));
    if (basic.contains(c))
        return 1;
    if (extension.contains(c))
        return 2;
    return 0;
}

Measure measure(const QString &text)
{
    Measure result;
    QList<int> gsm;
    QList<int> utf16;
    bool fitsGsm = true;
    const QList<uint> characters = QStringView(text).toUcs4();
    for (const uint code : characters) {
        const auto character = char32_t(code);
        const int septets = gsmUnits(character);
        if (septets == 0 && fitsGsm) {
            fitsGsm = false;
            result.firstUnicode = QString::fromUcs4(&character, 1);
        }
        gsm.append(septets);
        utf16.append(character > 0xFFFF ? 2 : 1);
    }
    const QList<int> &units = fitsGsm ? gsm : utf16;
    const Limits limits = fitsGsm ? gsm7 : ucs2;
    result.encoding = fitsGsm ? Encoding::Gsm7 : Encoding::Ucs2;
    for (int u : units)
        result.units += u;
    result.segments = segmentsFor(units, result.units, limits);
    result.unitsPerSegment = result.segments > 1 ? limits.multi : limits.single;
    return result;
}

} // namespace vox::sms
