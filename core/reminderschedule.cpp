#include "core/reminderschedule.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::reminders {

QList<Offset> defaultOffsets()
{
    return {{u"booked"_s, std::nullopt}, {u"24h"_s, 24}, {u"2h"_s, 2}};
}

bool QuietHours::contains(const QTime &local) const
{
    if (isEmpty())
        return false;
    if (start < end)
        return local >= start && local < end;
    return local >= start || local < end; // across midnight
}

QDateTime outsideQuietHours(const QDateTime &instant, const QTimeZone &zone,
                            const QuietHours &quiet)
{
    const QDateTime local = instant.toTimeZone(zone);
    if (!quiet.contains(local.time()))
        return instant.toUTC();
    QDate day = local.date();
    // In the evening part of a span across midnight the quiet hours end tomorrow.
    if (quiet.start > quiet.end && local.time() >= quiet.start)
        day = day.addDays(1);
    // An end that does not exist that day (inside a spring-forward gap) is read past the gap.
    return QDateTime(day, quiet.end, zone).toUTC();
}

namespace {

QDateTime nominal(const Offset &offset, const Appointment &appointment, const QTimeZone &zone)
{
    if (!offset.hoursBefore)
        return appointment.bookedAt.toUTC();
    const int hours = *offset.hoursBefore;
    if (hours > 0 && hours % 24 == 0) {
        // The same clock time, whole calendar days earlier, in the clinic's zone.
        const QDateTime local = appointment.start.toTimeZone(zone);
        return QDateTime(local.date().addDays(-hours / 24), local.time(), zone).toUTC();
    }
    return appointment.start.toUTC().addSecs(-qint64(hours) * 3600);
}

} // namespace

QList<Send> schedule(const Appointment &appointment, const QTimeZone &zone,
                     const QList<Offset> &offsets, const QuietHours &quiet, const QDateTime &now)
{
    QList<Send> sends;
    sends.reserve(offsets.size());
    const QDateTime start = appointment.start.toUTC();
    for (const Offset &offset : offsets) {
        Send send{offset.key, nominal(offset, appointment, zone), Outcome::Planned};
        if (send.at < now) {
            send.outcome = Outcome::SkippedPast;
            sends.append(send);
            continue;
        }
        const QDateTime moved = outsideQuietHours(send.at, zone, quiet);
        if (moved != send.at) {
            send.at = moved;
            send.outcome = Outcome::MovedToMorning;
        }
        if (send.at >= start) {
            send.outcome = Outcome::DroppedLate;
        } else {
            for (const Send &earlier : std::as_const(sends))
                if (earlier.isPlanned() && earlier.at == send.at)
                    send.outcome = Outcome::DroppedTwin;
        }
        sends.append(send);
    }
    return sends;
}

} // namespace vox::reminders
