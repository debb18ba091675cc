#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace vox::phone {

// How a country's people write their numbers at home: the country code a national number gets,
// the trunk prefix they dial before the area code ("0" in the UK, "1" in North America; none in
// Spain), the prefix they dial before a foreign country code, and how many digits a national
// number has once the trunk prefix is gone.
struct Country
{
    QString iso;              // ISO 3166 alpha-2, upper case: "US"
    QString callingCode;      // "1"
    QString trunkPrefix;      // "1", "0" or empty
    QStringList exitPrefixes; // "011", "00"
    int minDigits = 0;        // national significant number, without trunk prefix
    int maxDigits = 0;
    bool northAmerican = false; // the NANP's area-code rule applies
};

// The countries whose national forms normalize() reads. A clinic's phone country is one of them.
const QList<Country> &countries();
std::optional<Country> country(const QString &iso);

// The country a new clinic's numbers are read in until it says otherwise.
QString defaultClinicCountry();

// E.164: '+', a country code that does not start with 0, 7 to 15 digits in all.
bool isE164(const QString &number);

// Turns what people type into E.164, or says why it cannot. International forms
// ("+1 (555) 123-4567", "+44 20 7946 0958", "011 44 20 7946 0958") are read as they are; a number
// without a country code is read as a number of `defaultCountry` (ISO 3166 alpha-2 from
// countries(): "(773) 555-0124" in "US" is +17735550124, "020 7946 0958" in "GB" is
// +442079460958). An empty or unknown country reads international forms only, which is what a
// provider's numbers (E.164 already) need.
Result<QString> normalize(const QString &typed, const QString &defaultCountry);

// How a number reads on screen: North American numbers the way their owners write them
// ("+15125550101" -> "(512) 555-0101"); others, and anything not E.164, as they are (E.164 is
// unambiguous, and grouping rules differ by country).
QString display(const QString &number);

// How a number reads where it is also edited and must keep its country code: display()'s form with
// "+1 " before a North American number ("+15125550101" -> "+1 (512) 555-0101"), which normalize()
// reads back without a country; others as they are.
QString editable(const QString &number);

// "+15551234567" -> "+1555•••4567": enough to recognise a number in a log, not to dial it.
QString masked(const QString &number);

} // namespace vox::phone
