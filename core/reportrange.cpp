#include "core/reportrange.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace vox::reports {

DateRange presetRange(Preset preset, QDate today)
{
    const QDate monday = today.addDays(1 - today.dayOfWeek());
    switch (preset) {
    case Preset::ThisWeek:
        return {monday, today};
    case Preset::LastWeek:
        return {monday.addDays(-7), monday.addDays(-1)};
    case Preset::ThisMonth:
        return {QDate(today.year(), today.month(), 1), today};
    case Preset::Last30Days:
        return {today.addDays(-29), today};
    case Preset::Last90Days:
        return {today.addDays(-89), today};
    }
    return {today, today};
}

DateRange previousPeriod(const DateRange &range)
{
    return {range.from.addDays(-range.days()), range.from.addDays(-1)};
}

namespace {

Result<QDate> parseDay(const QString &text, const QString &field)
{
    if (text.isEmpty())
        return Error{u"'%1' is required, as YYYY-MM-DD."_s.arg(field), ErrorKind::BadInput, field};
    // Exactly ten characters: Qt would also take "2026-1-5" or a trailing time.
    const QDate day = text.size() == 10 ? QDate::fromString(text, Qt::ISODate) : QDate();
    if (!day.isValid())
        return Error{u"'%1' must be a date as YYYY-MM-DD, not '%2'."_s.arg(field, text.left(40)),
                     ErrorKind::BadInput, field};
    return day;
}

} // namespace

Result<DateRange> parseRange(const QString &from, const QString &to)
{
    auto first = parseDay(from, u"from"_s);
    if (!first)
        return first.error();
    auto last = parseDay(to, u"to"_s);
    if (!last)
        return last.error();
    const DateRange range{*first, *last};
    if (range.to < range.from)
        return Error{u"'to' must not be before 'from'."_s, ErrorKind::BadInput, u"to"_s};
    if (range.days() > maxRangeDays)
        return Error{u"A report covers at most %1 days; this range has %2."_s.arg(maxRangeDays)
                         .arg(range.days()),
                     ErrorKind::BadInput, u"to"_s};
    return range;
}

const QList<int> &callLengthEdges()
{
    // Under half a minute is a hang-up or a quick question; past ten minutes something unusual.
    static const QList<int> edges{0, 30, 60, 120, 300, 600};
    return edges;
}

int callLengthBucket(int seconds)
{
    const QList<int> &edges = callLengthEdges();
    const auto above = std::upper_bound(edges.cbegin(), edges.cend(), std::max(seconds, 0));
    return int(above - edges.cbegin()) - 1;
}

std::optional<double> percentChange(double current, double previous)
{
    if (previous == 0)
        return std::nullopt;
    return (current - previous) * 100.0 / previous;
}

} // namespace vox::reports
