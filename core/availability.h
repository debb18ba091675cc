#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QTime>
#include <QTimeZone>

#include <optional>

// Appointment slots in a clinic's own time zone: opening hours per ISO weekday, the service's
// duration and its buffers before and after, a step between start times, and the time already
// taken. The database's exclusion constraint has the last word on a booking; these rules decide
// what is offered.
namespace vox::availability {

struct OpeningInterval
{
    int weekday = 1; // ISO: 1 = Monday ... 7 = Sunday
    QTime opens;
    QTime closes;
};

struct Range
{
    QDateTime start; // UTC
    QDateTime end;

    bool overlaps(const Range &other) const { return start < other.end && other.start < end; }
};

struct SlotRules
{
    int durationMinutes = 30;
    int bufferBeforeMinutes = 0;
    int bufferAfterMinutes = 0;
    int stepMinutes = 30;
};

// The opening hours of `date` (a local date in `zone`) as UTC ranges.
QList<Range> openingRanges(const QDate &date, const QTimeZone &zone,
                           const QList<OpeningInterval> &hours);

// Whether an appointment [start, end) lies inside one opening interval of its local day.
bool withinOpeningHours(const QDateTime &start, const QDateTime &end, const QTimeZone &zone,
                        const QList<OpeningInterval> &hours);

// Free start times on `date`: every `stepMinutes` from each opening, the appointment inside the
// opening, starting no earlier than `notBefore`, and its range widened by its buffers clear of
// every `taken` range (existing appointments already widened by theirs, external busy times).
QList<Range> freeSlots(const QDate &date, const QTimeZone &zone,
                       const QList<OpeningInterval> &hours, const SlotRules &rules,
                       const QList<Range> &taken, const QDateTime &notBefore);

// Up to `count` slots nearest to `wanted` (earlier or later), nearest first.
QList<Range> nearest(QList<Range> candidates, const QDateTime &wanted, int count);

// The next local date from `from` (inclusive) with opening hours, within two weeks.
std::optional<QDate> nextOpenDay(const QDate &from, const QList<OpeningInterval> &hours);

// "Tuesday, March 14 at 10:00 AM" in `zone`: how the assistant says a time.
QString speakable(const QDateTime &moment, const QTimeZone &zone);
// "10:00 AM" in `zone`.
QString speakableTime(const QDateTime &moment, const QTimeZone &zone);
// "Sunday"
QString weekdayName(int isoWeekday);

} // namespace vox::availability
