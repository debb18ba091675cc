#include "ui/models/calendarlayout.h"

#include <QTime>

#include <algorithm>

namespace vox::ui::calendar {

namespace {

constexpr int minutesPerDay = 24 * 60;

int minuteOfDay(const QTime &time)
{
    return time.hour() * 60 + time.minute();
}

// "HH:MM" to minutes after midnight; -1 when it is not a time ("24:00" is the day's end).
int minutesOf(const QString &hhmm)
{
    if (hhmm == u"24:00")
        return minutesPerDay;
    const QTime time = QTime::fromString(hhmm, u"HH:mm");
    return time.isValid() ? minuteOfDay(time) : -1;
}

// Gives one day's items their lanes; `placed` is in start order.
void assignLanes(QList<Placement> &placed)
{
    qsizetype groupStart = 0;
    int groupEnd = -1;
    QList<int> laneEnds;
    const auto closeGroup = [&](qsizetype end) {
        for (qsizetype i = groupStart; i < end; ++i)
            placed[i].lanes = int(laneEnds.size());
    };
    for (qsizetype i = 0; i < placed.size(); ++i) {
        Placement &p = placed[i];
        if (p.startMinute >= groupEnd) {
            closeGroup(i);
            groupStart = i;
            laneEnds.clear();
        }
        const auto free = std::find_if(laneEnds.begin(), laneEnds.end(),
                                       [&](int end) { return end <= p.startMinute; });
        if (free == laneEnds.end()) {
            p.lane = int(laneEnds.size());
            laneEnds << p.endMinute;
        } else {
            p.lane = int(free - laneEnds.begin());
            *free = p.endMinute;
        }
        groupEnd = std::max(groupEnd, p.endMinute);
    }
    closeGroup(placed.size());
}

} // namespace

std::pair<QDate, int> daysShown(Span span, const QDate &day)
{
    if (span == Span::Day)
        return {day, 1};
    return {day.addDays(1 - day.dayOfWeek()), 7};
}

std::pair<QDateTime, QDateTime> period(Span span, const QDate &day, const QTimeZone &zone)
{
    const auto [first, count] = daysShown(span, day);
    return {QDateTime(first, QTime(0, 0), zone),
            QDateTime(first.addDays(count), QTime(0, 0), zone)};
}

QList<Placement> place(const QList<Item> &items, const QDate &firstDay, int days,
                       const QTimeZone &zone)
{
    QList<QList<Placement>> perDay(days);
    for (qsizetype i = 0; i < items.size(); ++i) {
        const QDateTime start = items[i].start.toTimeZone(zone);
        const QDateTime end = items[i].end.toTimeZone(zone);
        const qint64 day = firstDay.daysTo(start.date());
        if (day < 0 || day >= days)
            continue;
        Placement p;
        p.item = int(i);
        p.day = int(day);
        p.startMinute = minuteOfDay(start.time());
        // Past midnight it is cut at the day's end; a zero length still takes a minute.
        p.endMinute = end.date() > start.date() ? minutesPerDay : minuteOfDay(end.time());
        p.endMinute = std::max(p.endMinute, p.startMinute + 1);
        perDay[day] << p;
    }
    QList<Placement> placed;
    for (QList<Placement> &day : perDay) {
        std::stable_sort(day.begin(), day.end(), [](const Placement &a, const Placement &b) {
            return a.startMinute != b.startMinute ? a.startMinute < b.startMinute
                                                  : a.endMinute > b.endMinute;
        });
        assignLanes(day);
        placed << day;
    }
    return placed;
}

std::pair<int, int> hoursShown(const QList<OpeningPeriod> &hours, const QDate &firstDay, int days,
                               const QList<Placement> &placed)
{
    int first = minutesPerDay;
    int last = 0;
    QList<int> weekdays;
    for (int d = 0; d < days; ++d)
        weekdays << firstDay.addDays(d).dayOfWeek();
    for (const OpeningPeriod &p : hours) {
        const int opens = minutesOf(p.opensAt);
        const int closes = minutesOf(p.closesAt);
        if (!weekdays.contains(p.weekday) || opens < 0 || closes <= opens)
            continue;
        first = std::min(first, opens);
        last = std::max(last, closes);
    }
    for (const Placement &p : placed) {
        first = std::min(first, p.startMinute);
        last = std::max(last, p.endMinute);
    }
    if (last <= first)
        return {8, 18};
    return {first / 60, (last + 59) / 60};
}

} // namespace vox::ui::calendar
