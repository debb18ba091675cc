#include "core/availability.h"

#include <QLocale>

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
    QList<Range> out;
    const qint64 step = qMax(5, rules.stepMinutes) * 60;
    const qint64 duration = qMax(1, rules.durationMinutes) * 60;
    for (const Range &open : openingRanges(date, zone, hours)) {
        for (QDateTime start = open.start; start.addSecs(duration) <= open.end;
             start = start.addSecs(step)) {
            if (notBefore.isValid() && start < notBefore)
                continue;
            const Range slot{start, start.addSecs(duration)};
            const Range blocked{start.addSecs(-qint64(rules.bufferBeforeMinutes) * 60),
                                slot.end.addSecs(qint64(rules.bufferAfterMinutes) * 60)};
            const bool free = std::none_of(taken.cbegin(), taken.cend(),
                                           [&](const Range &t) { return t.overlaps(blocked); });
            if (free)
                out.append(slot);
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
