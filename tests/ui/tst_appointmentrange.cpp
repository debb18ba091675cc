// The appointments page's "Show" list: which period each choice means, in the clinic's time zone.
// "Next" starts now and "past" ends now, so no appointment (a cancelled one this afternoon
// included) is in both lists.
#include "ui/models/calendarlayout.h"
#include "ui/pages/appointmentspage.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::ui::AppointmentsPage;

class TestAppointmentRange : public QObject
{
    Q_OBJECT

private slots:
    void eachChoiceIsAPeriod_data()
    {
        QTest::addColumn<QString>("choice");
        QTest::addColumn<QString>("from"); // clinic time, New York
        QTest::addColumn<QString>("to");
        // Now: Wednesday 2026-03-04 14:30 in New York.
        QTest::newRow("today: the whole day")
            << u"today"_s << u"2026-03-04T00:00"_s << u"2026-03-05T00:00"_s;
        QTest::newRow("next 7 days: from now")
            << u"next7"_s << u"2026-03-04T14:30"_s << u"2026-03-11T00:00"_s;
        QTest::newRow("next 30 days: from now")
            << u"next30"_s << u"2026-03-04T14:30"_s << u"2026-04-03T00:00"_s;
        QTest::newRow("past 7 days: until now")
            << u"past7"_s << u"2026-02-25T00:00"_s << u"2026-03-04T14:30"_s;
        QTest::newRow("past 30 days: until now")
            << u"past30"_s << u"2026-02-02T00:00"_s << u"2026-03-04T14:30"_s;
    }
    void eachChoiceIsAPeriod()
    {
        QFETCH(QString, choice);
        QFETCH(QString, from);
        QFETCH(QString, to);
        const QTimeZone zone("America/New_York");
        const QDateTime now(QDate(2026, 3, 4), QTime(14, 30), zone);
        const auto [start, end] = AppointmentsPage::rangeFor(choice, now.toUTC(), zone);
        QCOMPARE(start.toTimeZone(zone).toString(u"yyyy-MM-ddTHH:mm"_s), from);
        QCOMPARE(end.toTimeZone(zone).toString(u"yyyy-MM-ddTHH:mm"_s), to);
    }

    // An appointment this afternoon, cancelled or not, is in exactly one of "next" and "past".
    void nextAndPastNeverOverlap()
    {
        const QTimeZone zone("America/New_York");
        const QDateTime now = QDateTime(QDate(2026, 3, 4), QTime(14, 30), zone).toUTC();
        const auto [nextFrom, nextTo] = AppointmentsPage::rangeFor(u"next7"_s, now, zone);
        const auto [pastFrom, pastTo] = AppointmentsPage::rangeFor(u"past7"_s, now, zone);
        QCOMPARE(pastTo, nextFrom);
        QVERIFY(pastFrom < pastTo && nextFrom < nextTo);
    }

    // The day and week grids: a day is midnight to midnight, a week Monday to Monday, in the
    // clinic's zone whatever day of it is shown.
    void aGridShowsWholeDays_data()
    {
        QTest::addColumn<bool>("week");
        QTest::addColumn<QDate>("day");
        QTest::addColumn<QString>("from"); // clinic time, New York
        QTest::addColumn<QString>("to");
        QTest::addColumn<int>("hours");
        QTest::newRow("a day") << false << QDate(2026, 3, 4) << u"2026-03-04T00:00"_s
                               << u"2026-03-05T00:00"_s << 24;
        QTest::newRow("the day the clocks go forward is 23 hours")
            << false << QDate(2026, 3, 8) << u"2026-03-08T00:00"_s << u"2026-03-09T00:00"_s << 23;
        QTest::newRow("a week from its Monday")
            << true << QDate(2026, 3, 4) << u"2026-03-02T00:00"_s << u"2026-03-09T00:00"_s << 167;
        QTest::newRow("Sunday belongs to the week before")
            << true << QDate(2026, 3, 15) << u"2026-03-09T00:00"_s << u"2026-03-16T00:00"_s << 168;
        QTest::newRow("a Monday starts its week")
            << true << QDate(2026, 3, 16) << u"2026-03-16T00:00"_s << u"2026-03-23T00:00"_s << 168;
    }
    void aGridShowsWholeDays()
    {
        QFETCH(bool, week);
        QFETCH(QDate, day);
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(int, hours);
        const QTimeZone zone("America/New_York");
        const auto [start, end] = vox::ui::calendar::period(
            week ? vox::ui::calendar::Span::Week : vox::ui::calendar::Span::Day, day, zone);
        QCOMPARE(start.toTimeZone(zone).toString(u"yyyy-MM-ddTHH:mm"_s), from);
        QCOMPARE(end.toTimeZone(zone).toString(u"yyyy-MM-ddTHH:mm"_s), to);
        QCOMPARE(start.secsTo(end), hours * 3600);
    }
};

QTEST_GUILESS_MAIN(TestAppointmentRange)
#include "tst_appointmentrange.moc"
