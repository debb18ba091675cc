#include "core/transferhours.h"

#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace vox::transfer {

namespace {

std::optional<QTime> parseTime(const QJsonValue &value)
{
    const QString text = value.toString();
    if (text == u"24:00")
        return QTime(0, 0);
    const QTime t = QTime::fromString(text, u"HH:mm"_s);
    if (!t.isValid())
        return std::nullopt;
    return t;
}

// Whether `window` covers minute `minuteOfWeek` (Monday 00:00 is 0) of a week.
bool covers(const Window &window, int minuteOfWeek)
{
    constexpr int week = 7 * 24 * 60;
    const int open = (window.day - 1) * 24 * 60 + window.open.msecsSinceStartOfDay() / 60000;
    int length = (window.close.msecsSinceStartOfDay() - window.open.msecsSinceStartOfDay()) / 60000;
    if (length <= 0)
        length += 24 * 60; // past midnight
    const int offset = ((minuteOfWeek - open) % week + week) % week;
    return offset < length;
}

} // namespace

Result<QList<Window>> parseHours(const QJsonArray &hours)
{
    QList<Window> windows;
    for (qsizetype i = 0; i < hours.size(); ++i) {
        const QJsonObject entry = hours.at(i).toObject();
        const int day = entry.value(u"day"_s).toInt(0);
        const auto open = parseTime(entry.value(u"open"_s));
        const auto close = parseTime(entry.value(u"close"_s));
        if (day < 1 || day > 7)
            return fail(u"Hours entry %1: day must be 1 (Monday) to 7 (Sunday)."_s.arg(i + 1));
        if (!open || !close)
            return fail(u"Hours entry %1: open and close must be times like 09:00."_s.arg(i + 1));
        if (*open == *close && entry.value(u"close"_s).toString() != u"24:00")
            return fail(u"Hours entry %1: open and close are the same time."_s.arg(i + 1));
        windows.append({day, *open, *close});
    }
    return windows;
}

QJsonArray hoursJson(const QList<Window> &hours)
{
    QJsonArray out;
    for (const Window &w : hours)
        // A close at midnight is the end of the day: written "24:00", so that a whole day
        // (00:00-24:00) reads back as one rather than as an empty window.
        out.append(QJsonObject{
            {u"day"_s, w.day},
            {u"open"_s, w.open.toString(u"HH:mm"_s)},
            {u"close"_s, w.close == QTime(0, 0) ? u"24:00"_s : w.close.toString(u"HH:mm"_s)}});
    return out;
}

bool isOpen(const QList<Window> &hours, const QDateTime &now, const QTimeZone &zone)
{
    // The wall clock where the clinic is, daylight saving included.
    const QDateTime local = now.toTimeZone(zone);
    const int minuteOfWeek =
        (local.date().dayOfWeek() - 1) * 24 * 60 + local.time().hour() * 60 + local.time().minute();
    for (const Window &w : hours) {
        if (covers(w, minuteOfWeek))
            return true;
    }
    return false;
}

std::optional<qsizetype> openDestination(const QList<Destination> &destinations,
                                         const QDateTime &now, const QTimeZone &zone,
                                         bool emergency)
{
    const auto first = [&](bool emergencyOnes) -> std::optional<qsizetype> {
        for (qsizetype i = 0; i < destinations.size(); ++i) {
            const Destination &d = destinations.at(i);
            if (d.emergency == emergencyOnes && isOpen(d.hours, now, zone))
                return i;
        }
        return std::nullopt;
    };
    if (emergency) {
        if (auto urgent = first(true))
            return urgent;
    }
    return first(false);
}

} // namespace vox::transfer
