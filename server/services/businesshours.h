#pragma once

#include "core/result.h"

#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

// A clinic's opening hours as the settings API takes them: a whole week replaced at once.
namespace vox::server::businesshours {

struct Opening
{
    int weekday = 1;      // ISO: 1 = Monday ... 7 = Sunday
    int opensMinute = 0;  // minutes after midnight, 0-1439
    int closesMinute = 0; // 1-1440 ("24:00" closes at midnight)
};

// "09:30" -> 570. `allowMidnightEnd` accepts "24:00" (1440). nullopt when not HH:MM.
std::optional<int> parseClock(const QString &text, bool allowMidnightEnd);
QString clock(int minute);

// [{weekday, opens_at, closes_at}, ...]: every entry valid, closing after opening, and no two
// openings of one day overlapping. An empty list closes the clinic on every day. Errors name
// the field "business_hours" and say which entry is wrong.
Result<QList<Opening>> parse(const QJsonValue &value);

} // namespace vox::server::businesshours
