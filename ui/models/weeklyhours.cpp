#include "ui/models/weeklyhours.h"

#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

std::optional<WeeklyHours> WeeklyHours::fromWindows(const QList<transfer::Window> &windows)
{
    WeeklyHours hours;
    hours.days.clear();
    for (const transfer::Window &w : windows) {
        if (!hours.days.isEmpty() && (w.open != hours.open || w.close != hours.close))
            return std::nullopt;
        if (hours.days.contains(w.day))
            return std::nullopt; // two stretches on one day: not one set of hours
        hours.open = w.open;
        hours.close = w.close;
        hours.days.append(w.day);
    }
    std::sort(hours.days.begin(), hours.days.end());
    return hours;
}

QList<transfer::Window> WeeklyHours::windows() const
{
    QList<transfer::Window> out;
    for (const int day : days)
        out.append({day, open, close});
    return out;
}

QString WeeklyHours::summary() const
{
    if (days.isEmpty())
        return tr("Never");
    // Runs of days read as one: Monday to Friday is "Mon–Fri".
    const QLocale locale;
    QStringList runs;
    for (qsizetype i = 0; i < days.size();) {
        qsizetype j = i;
        while (j + 1 < days.size() && days.at(j + 1) == days.at(j) + 1)
            ++j;
        const QString first = locale.dayName(days.at(i), QLocale::ShortFormat);
        const QString last = locale.dayName(days.at(j), QLocale::ShortFormat);
        runs << (i == j ? first : j == i + 1 ? first + u", "_s + last : first + u"–"_s + last);
        i = j + 1;
    }
    const QString when = days.size() == 7 ? tr("Every day") : runs.join(u", "_s);
    if (allDay())
        return tr("%1, all day").arg(when);
    return u"%1 %2–%3"_s.arg(when, open.toString(u"HH:mm"_s), close.toString(u"HH:mm"_s));
}

QString WeeklyHours::summary(const QList<transfer::Window> &windows)
{
    if (const auto same = fromWindows(windows))
        return same->summary();
    return tr("Hours differ by day");
}

} // namespace vox::ui
