#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QTime>
#include <QTimeZone>

#include <optional>

// When a clinic's automatic reminders for one appointment are sent. Pure: the appointment's start,
// the clinic's time zone, the plan and "now" are given; nothing reads the clock.
//
// A reminder is either "at booking" or a number of hours before the start. Whole days (24 h,
// 48 h) are counted in the clinic's calendar, so a 10:00 appointment is reminded at 10:00 the day
// before even when the clocks changed overnight; shorter offsets are elapsed hours. A send that
// falls in the quiet hours (clinic time) moves to their end, the next morning; one already past
// is skipped; one that would arrive at or after the start is dropped; two landing at the same
// moment are sent once (the first in the plan).
namespace vox::reminders {

struct Offset
{
    QString key;                    // "booked", "24h", "2h": names the reminder in jobs and audit
    std::optional<int> hoursBefore; // nullopt: when the appointment is booked
};

// At booking, 24 h before and 2 h before.
QList<Offset> defaultOffsets();

// Local times; start == end means no quiet hours. start > end spans midnight (21:00-08:00).
struct QuietHours
{
    QTime start;
    QTime end;

    bool isEmpty() const { return !start.isValid() || !end.isValid() || start == end; }
    bool contains(const QTime &local) const;
};

inline QuietHours defaultQuietHours()
{
    return {QTime(21, 0), QTime(8, 0)};
}

enum class Outcome {
    Planned,        // sent at `at`
    MovedToMorning, // planned, moved out of the quiet hours to `at`
    SkippedPast,    // its moment has passed
    DroppedLate,    // would arrive at or after the start
    DroppedTwin,    // another reminder is sent at the same moment
};

struct Send
{
    QString key;
    QDateTime at; // UTC; where it would have been sent for the dropped ones
    Outcome outcome = Outcome::Planned;

    bool isPlanned() const
    {
        return outcome == Outcome::Planned || outcome == Outcome::MovedToMorning;
    }
};

struct Appointment
{
    QDateTime start;    // any zone; compared as instants
    QDateTime bookedAt; // when it was booked (the "at booking" reminder's moment)
};

// One row per offset, in the plan's order.
QList<Send> schedule(const Appointment &appointment, const QTimeZone &zone,
                     const QList<Offset> &offsets, const QuietHours &quiet, const QDateTime &now);

// The moment `local` (clinic time) leaves the quiet hours: itself when outside them.
QDateTime outsideQuietHours(const QDateTime &instant, const QTimeZone &zone,
                            const QuietHours &quiet);

} // namespace vox::reminders
