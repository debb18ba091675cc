#pragma once

#include <QDate>
#include <QJsonValue>
#include <QString>
#include <QStringView>

// Redaction of the patient data that must never reach the database in call transcripts: social
// security numbers, payment card numbers and dates of birth. Phone numbers and names stay: the
// clinic needs them to call back.
namespace vox::pii {

inline constexpr QStringView ssnToken = u"[REDACTED SSN]";
inline constexpr QStringView cardToken = u"[REDACTED CARD]";
inline constexpr QStringView birthDateToken = u"[REDACTED DOB]";

struct Redaction
{
    QString text;
    int ssns = 0;
    int cards = 0;
    int birthDates = 0;

    int total() const { return ssns + cards + birthDates; }
};

// Replaces every SSN, card number and date of birth in `text` with a token.
// - SSN: 123-45-6789 or 123 45 6789 (valid area, group and serial), or nine bare digits right
//   after "social security" / "SSN".
// - Card: 13 to 19 digits, optionally grouped by single spaces or dashes, that pass the Luhn
//   check (so order numbers and phone numbers stay).
// - Date of birth: any date within a few words after "born", "birth", "birthday" or "DOB", or a
//   full date whose year lies at least two years before `today` (an appointment is never booked
//   in the past, so such a date in a call is a birth date or history the clinic does not need).
Redaction redact(const QString &text, const QDate &today);

// The same for every string inside a JSON value (objects and arrays at any depth); keys and
// non-string values stay. `found` adds up what was replaced.
QJsonValue redactJson(const QJsonValue &value, const QDate &today, int *found = nullptr);

// The Luhn checksum over a string of digits (no separators).
bool luhnValid(QStringView digits);

} // namespace vox::pii
