#pragma once

#include "core/result.h"

#include <QDate>
#include <QList>
#include <QString>

#include <optional>

// The date ranges reports cover: whole days in the clinic's calendar, both ends included, and
// the same number of days just before for comparison.
namespace vox::reports {

struct DateRange
{
    QDate from; // first day
    QDate to;   // last day, included
    qint64 days() const { return from.daysTo(to) + 1; }
    friend bool operator==(const DateRange &, const DateRange &) = default;
};

enum class Preset { ThisWeek, LastWeek, ThisMonth, Last30Days, Last90Days };

// The longest range a report covers; a longer one is refused rather than answered slowly.
constexpr qint64 maxRangeDays = 400;

// The range a preset names, seen from `today` (the clinic's date). Weeks start on Monday; this
// week and this month end today.
DateRange presetRange(Preset preset, QDate today);

// The same number of days ending the day before `range` starts.
DateRange previousPeriod(const DateRange &range);

// `from` and `to` as a request gives them (YYYY-MM-DD): a BadInput error naming the field when a
// date is missing or malformed, `to` is before `from`, or the range is longer than maxRangeDays.
Result<DateRange> parseRange(const QString &from, const QString &to);

// Call length buckets: the lower edges in seconds, the first 0; a call of `seconds` falls in the
// last bucket whose edge is at most `seconds`.
const QList<int> &callLengthEdges();
int callLengthBucket(int seconds);

// How much `current` changed against `previous`, in percent of `previous`; nothing when there
// was nothing before (a change from zero has no percentage).
std::optional<double> percentChange(double current, double previous);

} // namespace vox::reports
