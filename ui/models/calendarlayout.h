#pragma once

#include "ui/api/orgsettings.h"

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QTimeZone>

#include <utility>

namespace vox::ui {

// The rules of the appointments' day and week grids, apart from any widget so tests call them
// directly. Times on the grid are the clinic's wall-clock times, as the front desk reads them.
namespace calendar {

enum class Span { Day, Week };

// The days a grid shows around `day`: that day, or its week from Monday (opening hours count
// weekdays from Monday too).
std::pair<QDate, int> daysShown(Span span, const QDate &day);
// Those days as a period for the server: midnight to midnight in the clinic's zone, so a week
// with a clock change is 167 or 169 hours.
std::pair<QDateTime, QDateTime> period(Span span, const QDate &day, const QTimeZone &zone);

struct Item
{
    QDateTime start;
    QDateTime end;
};

// Where one item sits: its day column, its minutes after midnight (cut at the day's end), and its
// lane among the items it overlaps, which share the column's width side by side.
struct Placement
{
    int item = 0; // index into the items given
    int day = 0;  // 0 = the first day shown
    int startMinute = 0;
    int endMinute = 0;
    int lane = 0;
    int lanes = 1;

    bool operator==(const Placement &other) const = default;
};

// Places the items that start on one of `days` days from `firstDay`; others are left out. Items
// that overlap, directly or through a chain, form a group whose lanes all have the group's width;
// each takes the leftmost lane free at its start.
QList<Placement> place(const QList<Item> &items, const QDate &firstDay, int days,
                       const QTimeZone &zone);

// The hours a grid shows, [first, last): from the earliest opening to the latest closing of the
// weekdays shown, widened to whole hours and to any placed item outside them; 8 to 18 when the
// clinic has no hours on those days and nothing is booked.
std::pair<int, int> hoursShown(const QList<OpeningPeriod> &hours, const QDate &firstDay, int days,
                               const QList<Placement> &placed);

} // namespace calendar
} // namespace vox::ui
