#pragma once

#include "core/result.h"

#include <QString>

namespace vox::phone {

// E.164: '+', a country code that does not start with 0, 7 to 15 digits in all.
bool isE164(const QString &number);

// Turns what people type ("+1 (555) 123-4567", "+44 20 7946 0958") into E.164, or says why it
// cannot: a number without its '+' and country code is rejected rather than guessed.
Result<QString> normalize(const QString &typed);

// How a number reads on screen: North American numbers the way their owners write them
// ("+15125550101" -> "(512) 555-0101"); others, and anything not E.164, as they are (E.164 is
// unambiguous, and grouping rules differ by country).
QString display(const QString &number);

// "+15551234567" -> "+1555•••4567": enough to recognise a number in a log, not to dial it.
QString masked(const QString &number);

} // namespace vox::phone
