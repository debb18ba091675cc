#include "core/datetimerules.h"

#include <QLocale>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace vox::datetimerules {

namespace {

constexpr int firstYear = 1900;
constexpr int lastYear = 9999;
// Real offsets run from -12:00 to +14:00.
constexpr int maxOffsetMinutes = 14 * 60;

const QLocale &english()
{
    static const QLocale locale(QLocale::English, QLocale::UnitedStates);
    return locale;
}

QString longDate(const QDate &date)
{
    return english().toString(date, u"MMMM d, yyyy"_s);
}

Error refuse(const QString &message, const QString &field)
{
    // "400": the HTTP layer answers it as a bad request naming the field.
    return fail(message, ErrorKind::BadInput, field);
}

// The date of a YYYY-MM-DD text, or why there is none.
Result<QDate> dateOf(int year, int month, int day, const QString &text, const QString &field)
{
    if (month < 1 || month > 12)
        return refuse(u"%1 is not a date: there is no month %2."_s.arg(text).arg(month), field);
    if (year < firstYear)
        return refuse(u"%1 is too long ago: dates start in %2."_s.arg(text).arg(firstYear), field);
    const int days = QDate(year, month, 1).daysInMonth();
    if (day < 1 || day > days)
        return refuse(u"%1 is not a date: %2 %3 has %4 days."_s.arg(text)
                          .arg(english().monthName(month))
                          .arg(year)
                          .arg(days),
                      field);
    return QDate(year, month, day);
}

} // namespace

bool isStorable(const QDateTime &instant)
{
    if (!instant.isValid())
        return false;
    const int year = instant.toUTC().date().year();
    return year >= firstYear && year <= lastYear;
}

Result<QDate> parseDate(const QString &text, const QString &field)
{
    static const QRegularExpression pattern(u"^(\\d{4})-(\\d{2})-(\\d{2})$"_s);
    const auto match = pattern.match(text.trimmed());
    if (!match.hasMatch())
        return refuse(u"'%1' must be a date like 2026-03-14."_s.arg(field), field);
    return dateOf(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt(),
                  match.captured(0).left(10), field);
}

Result<QDateTime> parseInstant(const QString &text, const QString &field,
                               const QTimeZone &assumedZone)
{
    static const QRegularExpression pattern(
        u"^(\\d{4})-(\\d{2})-(\\d{2})[Tt ](\\d{2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
        "([Zz]|[+-]\\d{2}(?::?\\d{2})?)?$"_s);
    const QString trimmed = text.trimmed();
    const auto match = pattern.match(trimmed);
    if (!match.hasMatch())
        return refuse(u"'%1' must be a date and time like 2026-03-14T15:00:00Z."_s.arg(field),
                      field);
    auto date = dateOf(match.captured(1).toInt(), match.captured(2).toInt(),
                       match.captured(3).toInt(), trimmed.left(10), field);
    if (!date)
        return date.error();
    const int hour = match.captured(4).toInt();
    const int minute = match.captured(5).toInt();
    const int second = match.captured(6).isEmpty() ? 0 : match.captured(6).toInt();
    const int ms =
        match.captured(7).isEmpty() ? 0 : QString(match.captured(7) + u"00"_s).left(3).toInt();
    if (hour > 23 || minute > 59 || second > 59)
        return refuse(u"%1 is not a time of day."_s.arg(trimmed.mid(11, 8)), field);
    const QTime time(hour, minute, second, ms);

    const QString offset = match.captured(8);
    QDateTime instant;
    if (offset.isEmpty()) {
        if (!assumedZone.isValid())
            return refuse(
                u"'%1' needs a time zone: end it with Z or an offset such as -05:00."_s.arg(field),
                field);
        instant = QDateTime(*date, time, assumedZone);
        // A wall-clock time the clocks skip (the spring-forward hour) does not exist there.
        if (!instant.isValid() || instant.toTimeZone(assumedZone).time() != time)
            return refuse(u"%1 does not exist in %2: the clocks skip it."_s.arg(
                              trimmed, QString::fromLatin1(assumedZone.id())),
                          field);
    } else if (offset.compare(u"Z"_s, Qt::CaseInsensitive) == 0) {
        instant = QDateTime(*date, time, QTimeZone::utc());
    } else {
        QString digits = offset.mid(1);
        digits.remove(u':');
        const int hours = digits.left(2).toInt();
        const int minutes = digits.size() > 2 ? digits.mid(2).toInt() : 0;
        const int total = hours * 60 + minutes;
        if (minutes > 59 || total > maxOffsetMinutes)
            return refuse(u"%1 is not a time zone offset."_s.arg(offset), field);
        const int sign = offset.startsWith(u'-') ? -1 : 1;
        instant = QDateTime(*date, time, QTimeZone(sign * total * 60));
    }
    if (!isStorable(instant))
        return refuse(
            u"%1 is outside the years %2 to %3."_s.arg(trimmed).arg(firstYear).arg(lastYear),
            field);
    return instant.toUTC();
}

Result<void> checkBookingStart(const QDateTime &start, const QDateTime &now)
{
    if (!isStorable(start))
        return refuse(
            u"Which time? Give a date and time between the years %1 and %2."_s.arg(firstYear).arg(
                lastYear),
            u"scheduled_time"_s);
    const QDateTime last = now.toUTC().addDays(bookingHorizonDays);
    if (start.toUTC() > last)
        return refuse(u"%1 is too far ahead: appointments can be booked up to %2 days ahead, "
                      "until %3."_s.arg(longDate(start.toUTC().date()))
                          .arg(bookingHorizonDays)
                          .arg(longDate(last.date())),
                      u"scheduled_time"_s);
    return {};
}

Result<void> checkBookingDay(const QDate &day, const QDate &today)
{
    if (!day.isValid() || day.year() < firstYear || day.year() > lastYear)
        return refuse(u"'date' must be a date like 2026-03-14."_s, u"date"_s);
    const QDate last = today.addDays(bookingHorizonDays);
    if (day > last)
        return refuse(u"%1 is too far ahead: appointments can be booked up to %2 days ahead, "
                      "until %3."_s.arg(longDate(day))
                          .arg(bookingHorizonDays)
                          .arg(longDate(last)),
                      u"date"_s);
    return {};
}

} // namespace vox::datetimerules
