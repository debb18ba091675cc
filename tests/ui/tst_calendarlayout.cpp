// The appointments' day and week grids: which column and lane each appointment takes (overlaps
// side by side) and which hours the grid shows, in the clinic's wall-clock time.
#include "ui/models/calendarlayout.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
namespace calendar = vox::ui::calendar;

namespace {

const QTimeZone newYork("America/New_York");

// "2026-03-02 09:00-09:30; 2026-03-02 09:15-10:00" in New York time.
QList<calendar::Item> itemsOf(const QString &text)
{
    QList<calendar::Item> items;
    for (const QString &part : text.split(u';', Qt::SkipEmptyParts)) {
        const QStringList words = part.trimmed().split(u' ');
        const QDate day = QDate::fromString(words[0], Qt::ISODate);
        const QStringList times = words[1].split(u'-');
        const QDateTime start(day, QTime::fromString(times[0], u"HH:mm"_s), newYork);
        QDateTime end(day, QTime::fromString(times[1], u"HH:mm"_s), newYork);
        if (end < start)
            end = end.addDays(1);
        items << calendar::Item{start.toUTC(), end.toUTC()};
    }
    return items;
}

// Each placement as "item day start-end lane/lanes", times as HH:MM.
QString describe(const QList<calendar::Placement> &placed)
{
    const auto hhmm = [](int minutes) {
        return u"%1:%2"_s.arg(minutes / 60, 2, 10, QChar(u'0'))
            .arg(minutes % 60, 2, 10, QChar(u'0'));
    };
    QStringList parts;
    for (const calendar::Placement &p : placed)
        parts << u"%1 %2 %3-%4 %5/%6"_s.arg(p.item)
                     .arg(p.day)
                     .arg(hhmm(p.startMinute), hhmm(p.endMinute))
                     .arg(p.lane)
                     .arg(p.lanes);
    return parts.join(u"; "_s);
}

QList<vox::ui::OpeningPeriod> weekdaysNineToFiveSaturdayMorning()
{
    QList<vox::ui::OpeningPeriod> hours;
    for (int day = 1; day <= 5; ++day)
        hours << vox::ui::OpeningPeriod{day, u"09:00"_s, u"17:00"_s};
    hours << vox::ui::OpeningPeriod{6, u"10:00"_s, u"13:30"_s};
    return hours;
}

} // namespace

class TestCalendarLayout : public QObject
{
    Q_OBJECT

private slots:
    void appointmentsTakeAColumnAndALane_data()
    {
        QTest::addColumn<QString>("items");
        QTest::addColumn<QString>("placed");
        // The week shown starts Monday 2026-03-02; the clocks go forward on Sunday the 8th.
        QTest::newRow("one appointment has its column to itself")
            << u"2026-03-02 09:00-09:30"_s << u"0 0 09:00-09:30 0/1"_s;
        QTest::newRow("back to back is not an overlap")
            << u"2026-03-02 09:00-09:30; 2026-03-02 09:30-10:00"_s
            << u"0 0 09:00-09:30 0/1; 1 0 09:30-10:00 0/1"_s;
        QTest::newRow("two at once sit side by side")
            << u"2026-03-02 09:00-10:00; 2026-03-02 09:30-10:30"_s
            << u"0 0 09:00-10:00 0/2; 1 0 09:30-10:30 1/2"_s;
        QTest::newRow("a chain of overlaps shares one width; a freed lane is used again")
            << u"2026-03-02 09:00-10:00; 2026-03-02 09:30-10:30; 2026-03-02 10:00-11:00"_s
            << u"0 0 09:00-10:00 0/2; 1 0 09:30-10:30 1/2; 2 0 10:00-11:00 0/2"_s;
        QTest::newRow("three at once take three lanes, the longest first")
            << u"2026-03-02 14:00-14:30; 2026-03-02 14:00-15:00; 2026-03-02 14:15-14:45"_s
            << u"1 0 14:00-15:00 0/3; 0 0 14:00-14:30 1/3; 2 0 14:15-14:45 2/3"_s;
        QTest::newRow("an overlap on another day is no overlap")
            << u"2026-03-02 09:00-10:00; 2026-03-03 09:00-10:00"_s
            << u"0 0 09:00-10:00 0/1; 1 1 09:00-10:00 0/1"_s;
        QTest::newRow("days in order, whatever order they came in")
            << u"2026-03-06 11:00-11:30; 2026-03-02 16:00-16:45"_s
            << u"1 0 16:00-16:45 0/1; 0 4 11:00-11:30 0/1"_s;
        QTest::newRow("outside the week is left out")
            << u"2026-03-01 09:00-10:00; 2026-03-09 09:00-10:00; 2026-03-04 12:00-12:30"_s
            << u"2 2 12:00-12:30 0/1"_s;
        QTest::newRow("past midnight is cut at the day's end")
            << u"2026-03-05 23:00-00:30"_s << u"0 3 23:00-24:00 0/1"_s;
        QTest::newRow("after the clock change, the time on the clock")
            << u"2026-03-08 10:00-11:00"_s << u"0 6 10:00-11:00 0/1"_s;
    }
    void appointmentsTakeAColumnAndALane()
    {
        QFETCH(QString, items);
        QFETCH(QString, placed);
        QCOMPARE(describe(calendar::place(itemsOf(items), QDate(2026, 3, 2), 7, newYork)), placed);
    }

    void theGridShowsTheOpeningHours_data()
    {
        QTest::addColumn<QDate>("firstDay");
        QTest::addColumn<int>("days");
        QTest::addColumn<QString>("items");
        QTest::addColumn<int>("firstHour");
        QTest::addColumn<int>("lastHour");
        // Open Monday to Friday 9 to 5, Saturday 10 to 1:30.
        QTest::newRow("a weekday") << QDate(2026, 3, 2) << 1 << QString() << 9 << 17;
        QTest::newRow("Saturday, its closing rounded up to the hour")
            << QDate(2026, 3, 7) << 1 << QString() << 10 << 14;
        QTest::newRow("the week: earliest opening to latest closing")
            << QDate(2026, 3, 2) << 7 << QString() << 9 << 17;
        QTest::newRow("a closed day with nothing booked")
            << QDate(2026, 3, 8) << 1 << QString() << 8 << 18;
        QTest::newRow("a closed day with a booking shows the booking")
            << QDate(2026, 3, 8) << 1 << u"2026-03-08 11:30-12:15"_s << 11 << 13;
        QTest::newRow("an early booking widens the grid")
            << QDate(2026, 3, 2) << 1 << u"2026-03-02 07:30-08:00"_s << 7 << 17;
        QTest::newRow("a late booking widens the grid")
            << QDate(2026, 3, 2) << 1 << u"2026-03-02 17:00-18:30"_s << 9 << 19;
    }
    void theGridShowsTheOpeningHours()
    {
        QFETCH(QDate, firstDay);
        QFETCH(int, days);
        QFETCH(QString, items);
        QFETCH(int, firstHour);
        QFETCH(int, lastHour);
        const auto placed = calendar::place(itemsOf(items), firstDay, days, newYork);
        const auto [first, last] =
            calendar::hoursShown(weekdaysNineToFiveSaturdayMorning(), firstDay, days, placed);
        QCOMPARE(first, firstHour);
        QCOMPARE(last, lastHour);
    }
};

QTEST_GUILESS_MAIN(TestCalendarLayout)
#include "tst_calendarlayout.moc"
