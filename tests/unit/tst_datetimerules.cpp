// Dates and times the server accepts: real calendar dates only, instants with a known offset,
// years a column can hold, and bookings no further ahead than the horizon, each refusal a
// sentence. "Now" is always given, never read from the clock.
#include "core/datetimerules.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
namespace rules = vox::datetimerules;

namespace {
const QDateTime fixedNow(QDate(2026, 3, 14), QTime(15, 0), QTimeZone::utc());
}

class TestDateTimeRules : public QObject
{
    Q_OBJECT

private slots:
    void dates_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDate>("expected"); // invalid: refused
        QTest::addColumn<QString>("reason"); // part of the refusal's sentence
        QTest::newRow("an ordinary day") << u"2026-03-14"_s << QDate(2026, 3, 14) << QString();
        QTest::newRow("leap day of a leap year")
            << u"2028-02-29"_s << QDate(2028, 2, 29) << QString();
        QTest::newRow("the last day of a year")
            << u"2026-12-31"_s << QDate(2026, 12, 31) << QString();
        QTest::newRow("surrounding spaces") << u" 2026-03-14 "_s << QDate(2026, 3, 14) << QString();
        QTest::newRow("30 February") << u"2026-02-30"_s << QDate()
                                     << u"2026-02-30 is not a date: February 2026 has 28 days."_s;
        QTest::newRow("29 February of a common year")
            << u"2027-02-29"_s << QDate() << u"February 2027 has 28 days"_s;
        QTest::newRow("31 April") << u"2026-04-31"_s << QDate() << u"April 2026 has 30 days"_s;
        QTest::newRow("day zero") << u"2026-03-00"_s << QDate() << u"March 2026 has 31 days"_s;
        QTest::newRow("month 13") << u"2026-13-01"_s << QDate() << u"there is no month 13"_s;
        QTest::newRow("month zero") << u"2026-00-10"_s << QDate() << u"there is no month 0"_s;
        QTest::newRow("year zero") << u"0000-01-01"_s << QDate() << u"too long ago"_s;
        QTest::newRow("before 1900") << u"1899-12-31"_s << QDate() << u"too long ago"_s;
        QTest::newRow("day first") << u"14-03-2026"_s << QDate() << u"like 2026-03-14"_s;
        QTest::newRow("a date and time")
            << u"2026-03-14T10:00"_s << QDate() << u"like 2026-03-14"_s;
        QTest::newRow("five-digit year") << u"10000-01-01"_s << QDate() << u"like 2026-03-14"_s;
        QTest::newRow("empty") << QString() << QDate() << u"like 2026-03-14"_s;
    }
    void dates()
    {
        QFETCH(QString, text);
        QFETCH(QDate, expected);
        QFETCH(QString, reason);
        const auto parsed = rules::parseDate(text);
        QCOMPARE(parsed.ok(), expected.isValid());
        if (parsed) {
            QCOMPARE(*parsed, expected);
            return;
        }
        QVERIFY2(parsed.errorMessage().contains(reason), qPrintable(parsed.errorMessage()));
        QCOMPARE(parsed.error().kind, vox::ErrorKind::BadInput);
        QCOMPARE(parsed.error().subject, u"date"_s);
    }

    void instants_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("assumedZone"); // empty: none
        QTest::addColumn<QDateTime>("expected");  // invalid: refused
        QTest::addColumn<QString>("reason");
        const auto utc = [](int y, int mo, int d, int h, int mi, int s = 0, int ms = 0) {
            return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), QTimeZone::utc());
        };
        QTest::newRow("UTC") << u"2026-03-14T15:00:00Z"_s << QString() << utc(2026, 3, 14, 15, 0)
                             << QString();
        QTest::newRow("negative offset")
            << u"2026-03-14T10:00:00-05:00"_s << QString() << utc(2026, 3, 14, 15, 0) << QString();
        QTest::newRow("offset without colon")
            << u"2026-03-14T20:30:00+0530"_s << QString() << utc(2026, 3, 14, 15, 0) << QString();
        QTest::newRow("milliseconds") << u"2026-03-14T15:00:00.250Z"_s << QString()
                                      << utc(2026, 3, 14, 15, 0, 0, 250) << QString();
        QTest::newRow("no seconds")
            << u"2026-03-14T15:00Z"_s << QString() << utc(2026, 3, 14, 15, 0) << QString();
        QTest::newRow("wall clock in the clinic's zone")
            << u"2026-03-14T11:00:00"_s << u"America/New_York"_s << utc(2026, 3, 14, 15, 0)
            << QString();
        QTest::newRow("space instead of T") << u"2026-03-14 11:00"_s << u"America/New_York"_s
                                            << utc(2026, 3, 14, 15, 0) << QString();
        QTest::newRow("no offset and no zone to assume")
            << u"2026-03-14T15:00:00"_s << QString() << QDateTime() << u"needs a time zone"_s;
        QTest::newRow("30 February") << u"2026-02-30T10:00:00Z"_s << QString() << QDateTime()
                                     << u"February 2026 has 28 days"_s;
        QTest::newRow("hour 24") << u"2026-03-14T24:00:00Z"_s << QString() << QDateTime()
                                 << u"not a time of day"_s;
        QTest::newRow("minute 60")
            << u"2026-03-14T10:60:00Z"_s << QString() << QDateTime() << u"not a time of day"_s;
        QTest::newRow("offset +99") << u"2026-03-14T10:00:00+99"_s << QString() << QDateTime()
                                    << u"+99 is not a time zone offset"_s;
        QTest::newRow("offset minutes 75") << u"2026-03-14T10:00:00+01:75"_s << QString()
                                           << QDateTime() << u"not a time zone offset"_s;
        QTest::newRow("year zero")
            << u"0000-00-00T00:00:00Z"_s << QString() << QDateTime() << u"there is no month 0"_s;
        QTest::newRow("year 1899")
            << u"1899-06-01T00:00:00Z"_s << QString() << QDateTime() << u"too long ago"_s;
        QTest::newRow("the last storable moment")
            << u"9999-12-31T23:59:59Z"_s << QString() << utc(9999, 12, 31, 23, 59, 59) << QString();
        QTest::newRow("beyond year 9999 once in UTC")
            << u"9999-12-31T23:00:00-05:00"_s << QString() << QDateTime()
            << u"outside the years 1900 to 9999"_s;
        QTest::newRow("the skipped spring-forward hour")
            << u"2026-03-08T02:30:00"_s << u"America/New_York"_s << QDateTime()
            << u"does not exist in America/New_York"_s;
        QTest::newRow("words") << u"next tuesday"_s << u"America/New_York"_s << QDateTime()
                               << u"like 2026-03-14T15:00:00Z"_s;
    }
    void instants()
    {
        QFETCH(QString, text);
        QFETCH(QString, assumedZone);
        QFETCH(QDateTime, expected);
        QFETCH(QString, reason);
        const QTimeZone zone =
            assumedZone.isEmpty() ? QTimeZone() : QTimeZone(assumedZone.toLatin1());
        const auto parsed = rules::parseInstant(text, u"scheduled_time"_s, zone);
        QCOMPARE(parsed.ok(), expected.isValid());
        if (parsed) {
            QCOMPARE(*parsed, expected);
            QCOMPARE(parsed->timeSpec(), Qt::UTC);
            return;
        }
        QVERIFY2(parsed.errorMessage().contains(reason), qPrintable(parsed.errorMessage()));
        QCOMPARE(parsed.error().subject, u"scheduled_time"_s);
    }

    void storable_data()
    {
        QTest::addColumn<QDateTime>("instant");
        QTest::addColumn<bool>("storable");
        QTest::newRow("now") << fixedNow << true;
        QTest::newRow("invalid") << QDateTime() << false;
        QTest::newRow("1900") << QDateTime(QDate(1900, 1, 1), QTime(0, 0), QTimeZone::utc())
                              << true;
        QTest::newRow("1899") << QDateTime(QDate(1899, 12, 31), QTime(23, 59), QTimeZone::utc())
                              << false;
        QTest::newRow("year 10000")
            << QDateTime(QDate(10000, 1, 1), QTime(0, 0), QTimeZone::utc()) << false;
        QTest::newRow("a huge epoch value")
            << QDateTime::fromMSecsSinceEpoch(qint64(1) << 52, QTimeZone::utc()) << false;
    }
    void storable()
    {
        QFETCH(QDateTime, instant);
        QFETCH(bool, storable);
        QCOMPARE(rules::isStorable(instant), storable);
    }

    void bookingStarts_data()
    {
        QTest::addColumn<QDateTime>("start");
        QTest::addColumn<QString>("reason"); // empty: allowed
        QTest::newRow("tomorrow") << fixedNow.addDays(1) << QString();
        QTest::newRow("the last moment of the horizon") << fixedNow.addDays(730) << QString();
        QTest::newRow("a second past the horizon")
            << fixedNow.addDays(730).addSecs(1)
            << u"March 13, 2028 is too far ahead: appointments can be booked up to 730 days "
               "ahead, until March 13, 2028."_s;
        QTest::newRow("year 9999") << QDateTime(QDate(9999, 3, 14), QTime(10, 0), QTimeZone::utc())
                                   << u"March 14, 9999 is too far ahead"_s;
        QTest::newRow("not a time") << QDateTime() << u"Give a date and time"_s;
    }
    void bookingStarts()
    {
        QFETCH(QDateTime, start);
        QFETCH(QString, reason);
        const auto checked = rules::checkBookingStart(start, fixedNow);
        QCOMPARE(checked.ok(), reason.isEmpty());
        if (!checked) {
            QVERIFY2(checked.errorMessage().contains(reason), qPrintable(checked.errorMessage()));
            QCOMPARE(checked.error().kind, vox::ErrorKind::BadInput);
        }
    }

    void bookingDays_data()
    {
        QTest::addColumn<QDate>("day");
        QTest::addColumn<QString>("reason");
        const QDate today = fixedNow.date();
        QTest::newRow("today") << today << QString();
        QTest::newRow("the horizon's last day") << today.addDays(730) << QString();
        QTest::newRow("the day after the horizon")
            << today.addDays(731) << u"March 14, 2028 is too far ahead"_s;
        QTest::newRow("year 9999") << QDate(9999, 12, 31) << u"too far ahead"_s;
        QTest::newRow("no day") << QDate() << u"like 2026-03-14"_s;
    }
    void bookingDays()
    {
        QFETCH(QDate, day);
        QFETCH(QString, reason);
        const auto checked = rules::checkBookingDay(day, fixedNow.date());
        QCOMPARE(checked.ok(), reason.isEmpty());
        if (!checked)
            QVERIFY2(checked.errorMessage().contains(reason), qPrintable(checked.errorMessage()));
    }
};

QTEST_APPLESS_MAIN(TestDateTimeRules)
#include "tst_datetimerules.moc"
