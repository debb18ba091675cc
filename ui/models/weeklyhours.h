#pragma once

#include "core/transferhours.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QTime>

#include <optional>

namespace vox::ui {

// The hours a transfer destination takes calls, as the Settings box edits them: the same times on
// each chosen day (most desks keep one set of hours). `open == close` is the whole day.
struct WeeklyHours
{
    Q_DECLARE_TR_FUNCTIONS(WeeklyHours)

public:
    QList<int> days; // ISO: Monday 1 ... Sunday 7, ascending
    QTime open = QTime(9, 0);
    QTime close = QTime(17, 0);

    bool allDay() const { return open == close; }
    // The stored hours when every window has the same times; none when they differ by day (the
    // box then keeps them as they are unless they are changed).
    static std::optional<WeeklyHours> fromWindows(const QList<transfer::Window> &windows);
    QList<transfer::Window> windows() const;
    // "Mon–Fri 09:00–17:00", "Every day, all day", "Never".
    QString summary() const;
    // The same words for stored hours of any shape ("Hours differ by day" when they do).
    static QString summary(const QList<transfer::Window> &windows);
};

} // namespace vox::ui
