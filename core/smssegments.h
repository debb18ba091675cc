#pragma once

#include <QString>

// How many SMS parts ("segments") a text is sent as, counted as Twilio and the carriers count
// them: a text of GSM 03.38 characters only goes as GSM-7 (160 per single part, 153 per part of a
// longer one; ^ { } [ ] ~ \ | € and form feed take two), anything else (most accented letters
// such as "á", emoji, other scripts) turns the whole text into UCS-2 (70, or 67 per part; an
// emoji takes two). Clinics pay per part, and a patient's phone may show parts out of order.
namespace vox::sms {

enum class Encoding { Gsm7, Ucs2 };

struct Measure
{
    Encoding encoding = Encoding::Gsm7;
    int units = 0;           // septets (GSM-7) or UTF-16 code units (UCS-2)
    int segments = 0;        // 0 for an empty text
    int unitsPerSegment = 0; // 160/153 or 70/67, as this text is sent
    QString firstUnicode;    // the first character that forced UCS-2, empty for GSM-7
};

Measure measure(const QString &text);

// Septets one character takes in GSM-7 (1 or 2), or 0 when GSM-7 cannot carry it.
int gsmUnits(char32_t character);

} // namespace vox::sms
