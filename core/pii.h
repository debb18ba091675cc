#pragma once

#include <QDate>
#include <QFlags>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

// Redaction of patient data in free text that the clinic keeps: transcripts, summaries, the
// call's messages, kept webhook payloads and exports. Each clinic chooses the categories.
// Structured columns (the caller's number, a contact's e-mail) are not free text and are never
// passed through here: the clinic needs them to call back.
namespace vox::pii {

enum class Category : unsigned {
    Ssn = 0x01,
    Card = 0x02,
    BirthDate = 0x04,
    Phone = 0x08,
    Email = 0x10,
    Address = 0x20,
    MedicalId = 0x40,
};
Q_DECLARE_FLAGS(Categories, Category)

inline constexpr QStringView ssnToken = u"[REDACTED SSN]";
inline constexpr QStringView cardToken = u"[REDACTED CARD]";
inline constexpr QStringView birthDateToken = u"[REDACTED DOB]";
inline constexpr QStringView phoneToken = u"[REDACTED PHONE]";
inline constexpr QStringView emailToken = u"[REDACTED EMAIL]";
inline constexpr QStringView addressToken = u"[REDACTED ADDRESS]";
inline constexpr QStringView medicalIdToken = u"[REDACTED MEDICAL ID]";

// Every category, in the order settings list them.
QList<Category> allCategories();
// Every category: free text never needs them, and what the clinic needs to call back or book
// lives in structured columns that redaction does not touch (see docs/api.md).
Categories defaultCategories();
// The name in settings and the API: ssn, card, dob, phone, email, address, medical_id.
QString categoryName(Category category);
std::optional<Category> categoryFromName(QStringView name);
// The names of the chosen categories, in settings order.
QStringList categoryNames(Categories categories);

struct Redaction
{
    QString text;
    int ssns = 0;
    int cards = 0;
    int birthDates = 0;
    int phones = 0;
    int emails = 0;
    int addresses = 0;
    int medicalIds = 0;

    int total() const
    {
        return ssns + cards + birthDates + phones + emails + addresses + medicalIds;
    }
};

// Replaces what `categories` names in `text` with a token per category.
// - SSN: 123-45-6789 or 123 45 6789 (valid area, group and serial), or nine bare digits right
//   after "social security" / "SSN".
// - Card: 13 to 19 digits, optionally grouped by single spaces or dashes, that pass the Luhn
//   check (so order numbers and phone numbers stay).
// - Date of birth: any date within a few words after "born", "birth", "birthday" or "DOB", or a
//   full date whose year lies at least two years before `today` (an appointment is never booked
//   in the past, so such a date in a call is a birth date or history the clinic does not need).
// - Medical id: the number right after "MRN", "medical record", "chart number", "patient ID",
//   "member ID", "insurance ID", "policy number", "Medicare/Medicaid number" (4+ digits).
// - E-mail: name@domain.tld, and as spoken: "jane dot doe at gmail dot com".
// - Phone: North American numbers (+1, parentheses, dots, dashes or spaces; ten digits) and
//   international ones starting with + (8 to 15 digits). Times, prices and dates do not match.
// - Street address: a house number, one to three capitalised words (or an ordinal like 5th)
//   and a street type (Street, Ave, Rd, Blvd, Lane, Drive, Court, Way, ...), with an apartment
//   or suite after it; and "PO Box 123".
Redaction redact(const QString &text, const QDate &today,
                 Categories categories = defaultCategories());

// The same for every string inside a JSON value (objects and arrays at any depth); keys and
// non-string values stay. `found` adds up what was replaced.
QJsonValue redactJson(const QJsonValue &value, const QDate &today,
                      Categories categories = defaultCategories(), int *found = nullptr);

// The Luhn checksum over a string of digits (no separators).
bool luhnValid(QStringView digits);

} // namespace vox::pii

Q_DECLARE_OPERATORS_FOR_FLAGS(vox::pii::Categories)
