// Which transfer destination takes a call now: hours in the clinic's time zone (daylight saving
// included), windows past midnight, emergencies first to emergency destinations, none when all
// are closed. `now` is always given: nothing here reads the clock.
#include "core/transferhours.h"

#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::transfer::Destination;
using vox::transfer::Window;

namespace {

const QTimeZone newYork("America/New_York");

QList<Window> weekdays(QTime open, QTime close)
{
    QList<Window> hours;
    for (int day = 1; day <= 5; ++day)
        hours.append({day, open, close});
    return hours;
}

QList<Window> everyNight()
{
    QList<Window> hours;
    for (int day = 1; day <= 7; ++day)
        hours.append({day, QTime(18, 0), QTime(8, 0)});
    return hours;
}

QDateTime utc(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODate);
}

} // namespace

class TestTransferHours : public QObject
{
    Q_OBJECT

private slots:
    void openDestination_data()
    {
        QTest::addColumn<QDateTime>("now");
        QTest::addColumn<bool>("emergency");
        QTest::addColumn<QString>("expected"); // empty: every destination closed

        // Monday 2026-03-02 (EST, UTC-5).
        QTest::newRow("front desk in office hours")
            << utc(u"2026-03-02T15:00:00Z"_s) << false << u"Front desk"_s;
        QTest::newRow("a minute before opening: closed")
            << utc(u"2026-03-02T13:59:00Z"_s) << false << QString();
        QTest::newRow("at opening") << utc(u"2026-03-02T14:00:00Z"_s) << false << u"Front desk"_s;
        QTest::newRow("at closing: closed") << utc(u"2026-03-02T22:00:00Z"_s) << false << QString();
        QTest::newRow("Saturday: closed") << utc(u"2026-03-07T15:00:00Z"_s) << false << QString();
        QTest::newRow("emergency at night goes to on-call")
            << utc(u"2026-03-03T03:00:00Z"_s) << true << u"On-call nurse"_s;
        QTest::newRow("emergency while on-call is closed goes to the front desk")
            << utc(u"2026-03-02T15:00:00Z"_s) << true << u"Front desk"_s;
        QTest::newRow("ordinary call at night is not put through to on-call")
            << utc(u"2026-03-03T03:00:00Z"_s) << false << QString();
        QTest::newRow("night window reaches the next morning")
            << utc(u"2026-03-03T12:30:00Z"_s) << true << u"On-call nurse"_s;
        QTest::newRow("Sunday night window wraps to Monday morning")
            << utc(u"2026-03-09T11:00:00Z"_s) << true << u"On-call nurse"_s;
        // Daylight saving began on Sunday 2026-03-08: Monday 13:30 UTC is 09:30 EDT, which a
        // fixed UTC-5 would read as 08:30 (closed).
        QTest::newRow("after spring forward, 09:30 local is open")
            << utc(u"2026-03-09T13:30:00Z"_s) << false << u"Front desk"_s;
        QTest::newRow("after spring forward, 16:30 local is open")
            << utc(u"2026-03-09T20:30:00Z"_s) << false << u"Front desk"_s;
        QTest::newRow("after spring forward, 17:30 local is closed")
            << utc(u"2026-03-09T21:30:00Z"_s) << false << QString();
        // Daylight saving ended on Sunday 2026-11-01: Monday 13:30 UTC is 08:30 EST.
        QTest::newRow("after fall back, 08:30 local is closed")
            << utc(u"2026-11-02T13:30:00Z"_s) << false << QString();
        QTest::newRow("after fall back, 09:30 local is open")
            << utc(u"2026-11-02T14:30:00Z"_s) << false << u"Front desk"_s;
    }

    void openDestination()
    {
        QFETCH(QDateTime, now);
        QFETCH(bool, emergency);
        QFETCH(QString, expected);
        const QList<Destination> destinations{
            {u"1"_s, u"Front desk"_s, u"+15550100001"_s, weekdays(QTime(9, 0), QTime(17, 0)),
             false},
            {u"2"_s, u"On-call nurse"_s, u"+15550100002"_s, everyNight(), true},
        };
        const auto chosen = vox::transfer::openDestination(destinations, now, newYork, emergency);
        QCOMPARE(chosen ? destinations.at(*chosen).name : QString(), expected);
    }

    void anEmergencyPrefersAnOpenEmergencyLine()
    {
        // Both open around the clock: the emergency goes to the emergency line, the rest not.
        QList<Window> always;
        for (int day = 1; day <= 7; ++day)
            always.append({day, QTime(0, 0), QTime(0, 0)});
        const QList<Destination> destinations{
            {u"1"_s, u"Front desk"_s, u"+15550100001"_s, always, false},
            {u"2"_s, u"On-call nurse"_s, u"+15550100002"_s, always, true},
        };
        const QDateTime now = utc(u"2026-03-02T15:00:00Z"_s);
        QCOMPARE(vox::transfer::openDestination(destinations, now, newYork, true),
                 std::optional<qsizetype>(1));
        QCOMPARE(vox::transfer::openDestination(destinations, now, newYork, false),
                 std::optional<qsizetype>(0));
    }

    void theClinicsOrderDecidesBetweenOpenDestinations()
    {
        const QList<Destination> destinations{
            {u"1"_s, u"Dr Kim"_s, u"+15550100003"_s, weekdays(QTime(12, 0), QTime(13, 0)), false},
            {u"2"_s, u"Front desk"_s, u"+15550100001"_s, weekdays(QTime(9, 0), QTime(17, 0)),
             false},
        };
        // Monday 12:30 EST: both open, the first wins; 10:00: only the front desk.
        auto chosen = vox::transfer::openDestination(destinations, utc(u"2026-03-02T17:30:00Z"_s),
                                                     newYork, false);
        QCOMPARE(chosen, std::optional<qsizetype>(0));
        chosen = vox::transfer::openDestination(destinations, utc(u"2026-03-02T15:00:00Z"_s),
                                                newYork, false);
        QCOMPARE(chosen, std::optional<qsizetype>(1));
    }

    void noHoursMeansNeverOpen()
    {
        QVERIFY(!vox::transfer::isOpen({}, utc(u"2026-03-02T15:00:00Z"_s), newYork));
    }

    void parseHours_data()
    {
        QTest::addColumn<QJsonArray>("hours");
        QTest::addColumn<bool>("valid");
        QTest::newRow("a weekday")
            << QJsonArray{QJsonObject{
                   {u"day"_s, 1}, {u"open"_s, u"09:00"_s}, {u"close"_s, u"17:00"_s}}}
            << true;
        QTest::newRow("until midnight")
            << QJsonArray{QJsonObject{
                   {u"day"_s, 6}, {u"open"_s, u"18:00"_s}, {u"close"_s, u"24:00"_s}}}
            << true;
        QTest::newRow("day 0") << QJsonArray{QJsonObject{{u"day"_s, 0},
                                                         {u"open"_s, u"09:00"_s},
                                                         {u"close"_s, u"17:00"_s}}}
                               << false;
        QTest::newRow("day 8") << QJsonArray{QJsonObject{{u"day"_s, 8},
                                                         {u"open"_s, u"09:00"_s},
                                                         {u"close"_s, u"17:00"_s}}}
                               << false;
        QTest::newRow("not a time")
            << QJsonArray{QJsonObject{
                   {u"day"_s, 1}, {u"open"_s, u"nine"_s}, {u"close"_s, u"17:00"_s}}}
            << false;
        QTest::newRow("empty window")
            << QJsonArray{QJsonObject{
                   {u"day"_s, 1}, {u"open"_s, u"09:00"_s}, {u"close"_s, u"09:00"_s}}}
            << false;
    }

    void parseHours()
    {
        QFETCH(QJsonArray, hours);
        QFETCH(bool, valid);
        auto parsed = vox::transfer::parseHours(hours);
        QCOMPARE(parsed.ok(), valid);
        if (valid)
            QCOMPARE(vox::transfer::hoursJson(*parsed).size(), hours.size());
    }

    void aWholeDayReadsBackAsAWholeDay()
    {
        const QJsonArray day{
            QJsonObject{{u"day"_s, 3}, {u"open"_s, u"00:00"_s}, {u"close"_s, u"24:00"_s}}};
        auto parsed = vox::transfer::parseHours(day);
        QVERIFY(parsed.ok());
        QCOMPARE(vox::transfer::hoursJson(*parsed), day);
        auto again = vox::transfer::parseHours(vox::transfer::hoursJson(*parsed));
        QVERIFY(again.ok());
        // Wednesday 2026-03-04, 03:00 EST.
        QVERIFY(vox::transfer::isOpen(*again, utc(u"2026-03-04T08:00:00Z"_s), newYork));
    }

    void untilMidnightCoversTheEvening()
    {
        auto hours = vox::transfer::parseHours(QJsonArray{
            QJsonObject{{u"day"_s, 1}, {u"open"_s, u"18:00"_s}, {u"close"_s, u"24:00"_s}}});
        QVERIFY(hours.ok());
        // Monday 23:59 EST open, Tuesday 00:00 closed.
        QVERIFY(vox::transfer::isOpen(*hours, utc(u"2026-03-03T04:59:00Z"_s), newYork));
        QVERIFY(!vox::transfer::isOpen(*hours, utc(u"2026-03-03T05:00:00Z"_s), newYork));
    }
};

QTEST_GUILESS_MAIN(TestTransferHours)
#include "tst_transferhours.moc"
