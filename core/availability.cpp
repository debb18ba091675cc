#include "core/availability.h"

#include <QLocale>
#include <QVarLengthArray>

#include <algorithm>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace vox::availability {

QList<Range> openingRanges(const QDate &date, const QTimeZone &zone,
                           const QList<OpeningInterval> &hours)
{
    QList<Range> out;
    for (const OpeningInterval &h : hours) {
        if (h.weekday != date.dayOfWeek() || !h.opens.isValid() || !h.closes.isValid() ||
            h.closes <= h.opens)
            continue;
        out.append(
            {QDateTime(date, h.opens, zone).toUTC(), QDateTime(date, h.closes, zone).toUTC()});
    }
    std::sort(out.begin(), out.end(),
              [](const Range &a, const Range &b) { return a.start < b.start; });
    return out;
}

bool withinOpeningHours(const QDateTime &start, const QDateTime &end, const QTimeZone &zone,
                        const QList<OpeningInterval> &hours)
{
    const QDate localDay = start.toTimeZone(zone).date();
    for (const Range &open : openingRanges(localDay, zone, hours)) {
        if (start >= open.start && end <= open.end)
            return true;
    }
    return false;
}

QList<Range> freeSlots(const QDate &date, const QTimeZone &zone,
                       const QList<OpeningInterval> &hours, const SlotRules &rules,
                       const QList<Range> &taken, const QDateTime &notBefore)
{
    // Every candidate start is checked against every taken range, so the comparisons run on
    // milliseconds since the epoch: comparing QDateTimes converts both sides each time, a large
    // part of an availability check's own CPU on a busy calendar.
    struct Span
    {
        qint64 start;
        qint64 end;
    };
    QVarLengthArray<Span, 64> busy;
    busy.reserve(taken.size());
    for (const Range &t : taken)
        busy.append({t.start.toMSecsSinceEpoch(), t.end.toMSecsSinceEpoch()});
    const bool bounded = notBefore.isValid();
    const qint64 earliest = bounded ? notBefore.toMSecsSinceEpoch() : 0;
    const qint64 step = qint64(qMax(5, rules.stepMinutes)) * 60 * 1000;
    const qint64 duration = qint64(qMax(1, rules.durationMinutes)) * 60 * 1000;
    const qint64 before = qint64(rules.bufferBeforeMinutes) * 60 * 1000;
    const qint64 after = qint64(rules.bufferAfterMinutes) * 60 * 1000;

    QList<Range> out;
    for (const Range &open : openingRanges(date, zone, hours)) {
        const qint64 closes = open.end.toMSecsSinceEpoch();
        for (qint64 start = open.start.toMSecsSinceEpoch(); start + duration <= closes;
             start += step) {
            if (bounded && start < earliest)
                continue;
            const qint64 blockedStart = start - before;
            const qint64 blockedEnd = start + duration + after;
            const bool free = std::none_of(busy.cbegin(), busy.cend(), [&](const Span &t) {
                return t.start < blockedEnd && blockedStart < t.end;
            });
            if (free)
                out.append({QDateTime::fromMSecsSinceEpoch(start, Qt::UTC),
                            QDateTime::fromMSecsSinceEpoch(start + duration, Qt::UTC)});
        }
    }
    return out;
}

QList<Range> nearest(QList<Range> candidates, const QDateTime &wanted, int count)
{
    std::stable_sort(candidates.begin(), candidates.end(), [&](const Range &a, const Range &b) {
        const qint64 da = qAbs(a.start.secsTo(wanted));
        const qint64 db = qAbs(b.start.secsTo(wanted));
        return da != db ? da < db : a.start < b.start;
    });
    return candidates.mid(0, qMax(0, count));
}

std::optional<QDate> nextOpenDay(const QDate &from, const QList<OpeningInterval> &hours)
{
    for (int i = 0; i < 14; ++i) {
        const QDate day = from.addDays(i);
        for (const OpeningInterval &h : hours) {
            if (h.weekday == day.dayOfWeek() && h.closes > h.opens)
                return day;
        }
    }
    return std::nullopt;
}

QString speakable(const QDateTime &moment, const QTimeZone &zone)
{
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    return english.toString(moment.toTimeZone(zone), u"dddd, MMMM d 'at' h:mm AP"_s);
}

QString speakableTime(const QDateTime &moment, const QTimeZone &zone)
{
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    return english.toString(moment.toTimeZone(zone).time(), u"h:mm AP"_s);
}

QString weekdayName(int isoWeekday)
{
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    return english.dayName(isoWeekday, QLocale::LongFormat);
}

} // namespace vox::availability
