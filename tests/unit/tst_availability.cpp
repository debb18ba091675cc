// Slots in the clinic's own time zone: opening hours, duration, buffers, step, time taken, and
// daylight-saving days.
#include "core/availability.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
namespace av = vox::availability;

namespace {

QDateTime utc(const QString &text)
{
    return QDateTime::fromString(text, Qt::ISODate).toUTC();
}

QStringList startsLocal(const QList<av::Range> &found, const QTimeZone &zone)
{
    QStringList out;
    for (const av::Range &r : found)
        out << r.start.toTimeZone(zone).toString(u"HH:mm"_s);
    return out;
}

} // namespace

class TestAvailability : public QObject
{
    Q_OBJECT

    const QTimeZone m_ny{"America/New_York"};
    // Monday 9-12 and 13-17 (lunch break), Saturday 10-14, closed on Sunday.
    const QList<av::OpeningInterval> m_hours{{1, QTime(9, 0), QTime(12, 0)},
                                             {1, QTime(13, 0), QTime(17, 0)},
                                             {6, QTime(10, 0), QTime(14, 0)}};

private slots:
    void freeSlots_data()
    {
        QTest::addColumn<QDate>("date");
        QTest::addColumn<int>("duration");
        QTest::addColumn<int>("before");
        QTest::addColumn<int>("after");
        QTest::addColumn<int>("step");
        QTest::addColumn<QStringList>("taken"); // "start/end" in UTC
        QTest::addColumn<QString>("notBefore");
        QTest::addColumn<QStringList>("expected"); // local start times

        const QDate monday(2030, 3, 4); // EST (UTC-5)
        QTest::newRow("saturday, hourly")
            << QDate(2030, 3, 9) << 60 << 0 << 0 << 60 << QStringList() << QString()
            << QStringList{u"10:00"_s, u"11:00"_s, u"12:00"_s, u"13:00"_s};
        QTest::newRow("sunday is closed") << QDate(2030, 3, 10) << 30 << 0 << 0 << 30
                                          << QStringList() << QString() << QStringList();
        QTest::newRow("lunch break splits the day")
            << monday << 90 << 0 << 0 << 60 << QStringList() << QString()
            << QStringList{u"09:00"_s, u"10:00"_s, u"13:00"_s, u"14:00"_s, u"15:00"_s};
        QTest::newRow("a booking and its buffer take their time")
            << monday << 60 << 0 << 0
            << 60
            // 10:00-11:00 local booked with 15 min after -> blocked 10:00-11:15 local.
            << QStringList{u"2030-03-04T15:00:00Z/2030-03-04T16:15:00Z"_s} << QString()
            << QStringList{u"09:00"_s, u"13:00"_s, u"14:00"_s, u"15:00"_s, u"16:00"_s};
        QTest::newRow("own buffer before reaches the booking")
            << monday << 30 << 30 << 0 << 30
            << QStringList{u"2030-03-04T14:00:00Z/2030-03-04T14:30:00Z"_s} // 9:00-9:30 local
            << QString()
            << QStringList{u"10:00"_s, u"10:30"_s, u"11:00"_s, u"11:30"_s, u"13:00"_s, u"13:30"_s,
                           u"14:00"_s, u"14:30"_s, u"15:00"_s, u"15:30"_s, u"16:00"_s, u"16:30"_s};
        QTest::newRow("nothing before now")
            << monday << 60 << 0 << 0 << 60 << QStringList() << u"2030-03-04T19:30:00Z"_s
            << QStringList{u"15:00"_s, u"16:00"_s};
        QTest::newRow("daylight saving starts: same local hours")
            << QDate(2030, 3, 11) << 60 << 0 << 0 << 240 << QStringList() << QString()
            << QStringList{u"09:00"_s, u"13:00"_s};
    }
    void freeSlots()
    {
        QFETCH(QDate, date);
        QFETCH(int, duration);
        QFETCH(int, before);
        QFETCH(int, after);
        QFETCH(int, step);
        QFETCH(QStringList, taken);
        QFETCH(QString, notBefore);
        QFETCH(QStringList, expected);
        QList<av::Range> busy;
        for (const QString &t : taken)
            busy.append({utc(t.section(u'/', 0, 0)), utc(t.section(u'/', 1, 1))});
        const auto found = av::freeSlots(date, m_ny, m_hours, {duration, before, after, step}, busy,
                                         notBefore.isEmpty() ? QDateTime() : utc(notBefore));
        QCOMPARE(startsLocal(found, m_ny), expected);
        for (const av::Range &r : found)
            QCOMPARE(r.start.secsTo(r.end), qint64(duration) * 60);
    }

    void daylightSavingMovesUtc()
    {
        // 9:00 in New York is 14:00 UTC in winter and 13:00 UTC in summer.
        const auto winter = av::openingRanges(QDate(2030, 3, 4), m_ny, m_hours);
        const auto summer = av::openingRanges(QDate(2030, 3, 11), m_ny, m_hours);
        QCOMPARE(winter.first().start, utc(u"2030-03-04T14:00:00Z"_s));
        QCOMPARE(summer.first().start, utc(u"2030-03-11T13:00:00Z"_s));
    }

    void withinOpeningHours_data()
    {
        QTest::addColumn<QString>("start");
        QTest::addColumn<int>("minutes");
        QTest::addColumn<bool>("inside");
        QTest::newRow("monday 9:00") << u"2030-03-04T14:00:00Z"_s << 60 << true;
        QTest::newRow("runs into lunch") << u"2030-03-04T16:30:00Z"_s << 60 << false;
        QTest::newRow("ends at closing") << u"2030-03-04T21:00:00Z"_s << 60 << true;
        QTest::newRow("after closing") << u"2030-03-04T22:00:00Z"_s << 30 << false;
        QTest::newRow("sunday") << u"2030-03-10T15:00:00Z"_s << 30 << false;
    }
    void withinOpeningHours()
    {
        QFETCH(QString, start);
        QFETCH(int, minutes);
        QFETCH(bool, inside);
        const QDateTime s = utc(start);
        QCOMPARE(av::withinOpeningHours(s, s.addSecs(minutes * 60), m_ny, m_hours), inside);
    }

    void nearestPrefersTheClosest()
    {
        const QDate monday(2030, 3, 4);
        const auto found = av::freeSlots(monday, m_ny, m_hours, {60, 0, 0, 60}, {}, {});
        const auto near = av::nearest(found, utc(u"2030-03-04T18:10:00Z"_s), 3); // 13:10 local
        QCOMPARE(startsLocal(near, m_ny), (QStringList{u"13:00"_s, u"14:00"_s, u"15:00"_s}));
    }

    void nextOpenDaySkipsClosedDays()
    {
        QCOMPARE(av::nextOpenDay(QDate(2030, 3, 10), m_hours), QDate(2030, 3, 11)); // Sun -> Mon
        QCOMPARE(av::nextOpenDay(QDate(2030, 3, 5), m_hours), QDate(2030, 3, 9));   // Tue -> Sat
        QVERIFY(!av::nextOpenDay(QDate(2030, 3, 5), {}).has_value());
    }

    void speaksTimesInTheClinicZone()
    {
        QCOMPARE(av::speakable(utc(u"2030-03-04T15:00:00Z"_s), m_ny),
                 u"Monday, March 4 at 10:00 AM"_s);
        QCOMPARE(av::speakableTime(utc(u"2030-03-04T19:30:00Z"_s), m_ny), u"2:30 PM"_s);
        QCOMPARE(av::weekdayName(7), u"Sunday"_s);
    }
};

QTEST_APPLESS_MAIN(TestAvailability)
#include "tst_availability.moc"
