// Report ranges: presets in the clinic's calendar, the comparison period, what a request may ask
// for, and the call length buckets.
#include "core/reportrange.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::reports::DateRange;
using vox::reports::Preset;

Q_DECLARE_METATYPE(Preset)

namespace {
QDate day(const char *iso)
{
    return QDate::fromString(QLatin1String(iso), Qt::ISODate);
}
} // namespace

class TestReportRange : public QObject
{
    Q_OBJECT

private slots:
    void presets_data()
    {
        QTest::addColumn<Preset>("preset");
        QTest::addColumn<QDate>("today");
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        // 2026-12-02 is a Wednesday.
        QTest::newRow("this week starts on Monday")
            << Preset::ThisWeek << day("2026-12-02") << day("2026-11-30") << day("2026-12-02");
        QTest::newRow("this week on a Monday is one day")
            << Preset::ThisWeek << day("2026-11-30") << day("2026-11-30") << day("2026-11-30");
        QTest::newRow("this week on a Sunday is seven days")
            << Preset::ThisWeek << day("2026-12-06") << day("2026-11-30") << day("2026-12-06");
        QTest::newRow("last week is Monday to Sunday before")
            << Preset::LastWeek << day("2026-12-02") << day("2026-11-23") << day("2026-11-29");
        QTest::newRow("last week across a year")
            << Preset::LastWeek << day("2027-01-01") << day("2026-12-21") << day("2026-12-27");
        QTest::newRow("this month from the first")
            << Preset::ThisMonth << day("2026-12-02") << day("2026-12-01") << day("2026-12-02");
        QTest::newRow("last 30 days include today")
            << Preset::Last30Days << day("2026-03-01") << day("2026-01-31") << day("2026-03-01");
        QTest::newRow("last 90 days include today")
            << Preset::Last90Days << day("2026-12-02") << day("2026-09-04") << day("2026-12-02");
    }
    void presets()
    {
        QFETCH(Preset, preset);
        QFETCH(QDate, today);
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        const DateRange range = vox::reports::presetRange(preset, today);
        QCOMPARE(range.from, from);
        QCOMPARE(range.to, to);
    }

    void previousPeriodIsAsLongAndEndsTheDayBefore_data()
    {
        QTest::addColumn<QDate>("from");
        QTest::addColumn<QDate>("to");
        QTest::addColumn<QDate>("previousFrom");
        QTest::addColumn<QDate>("previousTo");
        QTest::newRow("one day") << day("2026-12-02") << day("2026-12-02") << day("2026-12-01")
                                 << day("2026-12-01");
        QTest::newRow("a week") << day("2026-11-30") << day("2026-12-06") << day("2026-11-23")
                                << day("2026-11-29");
        QTest::newRow("a month counts days, not months")
            << day("2026-03-01") << day("2026-03-31") << day("2026-01-29") << day("2026-02-28");
        QTest::newRow("across a leap day")
            << day("2028-03-01") << day("2028-03-02") << day("2028-02-28") << day("2028-02-29");
    }
    void previousPeriodIsAsLongAndEndsTheDayBefore()
    {
        QFETCH(QDate, from);
        QFETCH(QDate, to);
        QFETCH(QDate, previousFrom);
        QFETCH(QDate, previousTo);
        const DateRange previous = vox::reports::previousPeriod({from, to});
        QCOMPARE(previous.from, previousFrom);
        QCOMPARE(previous.to, previousTo);
        QCOMPARE(previous.days(), DateRange({from, to}).days());
    }

    void requestedRanges_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("field"); // empty: accepted
        QTest::addColumn<QString>("messageContains");
        QTest::newRow("a week") << u"2026-11-30"_s << u"2026-12-06"_s << QString() << QString();
        QTest::newRow("one day") << u"2026-11-30"_s << u"2026-11-30"_s << QString() << QString();
        QTest::newRow("the longest allowed")
            << u"2026-01-01"_s << u"2027-02-04"_s << QString() << QString();
        QTest::newRow("one day too long")
            << u"2026-01-01"_s << u"2027-02-05"_s << u"to"_s << u"at most 400 days"_s;
        QTest::newRow("to before from")
            << u"2026-12-06"_s << u"2026-11-30"_s << u"to"_s << u"before 'from'"_s;
        QTest::newRow("missing from") << QString() << u"2026-12-06"_s << u"from"_s << u"required"_s;
        QTest::newRow("missing to") << u"2026-12-06"_s << QString() << u"to"_s << u"required"_s;
        QTest::newRow("no such day")
            << u"2026-02-30"_s << u"2026-03-01"_s << u"from"_s << u"YYYY-MM-DD"_s;
        QTest::newRow("short form")
            << u"2026-1-5"_s << u"2026-03-01"_s << u"from"_s << u"YYYY-MM-DD"_s;
        QTest::newRow("a time is not a day")
            << u"2026-01-05"_s << u"2026-03-01T10:00"_s << u"to"_s << u"YYYY-MM-DD"_s;
        QTest::newRow("words") << u"yesterday"_s << u"2026-03-01"_s << u"from"_s
                               << u"not 'yesterday'"_s;
    }
    void requestedRanges()
    {
        QFETCH(QString, from);
        QFETCH(QString, to);
        QFETCH(QString, field);
        QFETCH(QString, messageContains);
        const auto range = vox::reports::parseRange(from, to);
        if (field.isEmpty()) {
            QVERIFY2(range.ok(), qPrintable(range.ok() ? QString() : range.errorMessage()));
            QCOMPARE(range->from, QDate::fromString(from, Qt::ISODate));
            QCOMPARE(range->to, QDate::fromString(to, Qt::ISODate));
            return;
        }
        QVERIFY(!range.ok());
        QCOMPARE(range.error().kind, vox::ErrorKind::BadInput);
        QCOMPARE(range.error().subject, field);
        QVERIFY2(range.errorMessage().contains(messageContains), qPrintable(range.errorMessage()));
    }

    void callLengthBuckets_data()
    {
        QTest::addColumn<int>("seconds");
        QTest::addColumn<int>("bucket");
        QTest::newRow("no length") << 0 << 0;
        QTest::newRow("negative is treated as none") << -5 << 0;
        QTest::newRow("29 s") << 29 << 0;
        QTest::newRow("30 s starts the second") << 30 << 1;
        QTest::newRow("59 s") << 59 << 1;
        QTest::newRow("a minute") << 60 << 2;
        QTest::newRow("two minutes") << 120 << 3;
        QTest::newRow("4:59") << 299 << 3;
        QTest::newRow("five minutes") << 300 << 4;
        QTest::newRow("ten minutes is the last") << 600 << 5;
        QTest::newRow("an hour") << 3600 << 5;
    }
    void callLengthBuckets()
    {
        QFETCH(int, seconds);
        QFETCH(int, bucket);
        QCOMPARE(vox::reports::callLengthBucket(seconds), bucket);
        QCOMPARE(vox::reports::callLengthEdges().first(), 0);
    }

    void changeAgainstThePreviousPeriod_data()
    {
        QTest::addColumn<double>("current");
        QTest::addColumn<double>("previous");
        QTest::addColumn<bool>("defined");
        QTest::addColumn<double>("percent");
        QTest::newRow("up a quarter") << 125.0 << 100.0 << true << 25.0;
        QTest::newRow("halved") << 5.0 << 10.0 << true << -50.0;
        QTest::newRow("same") << 7.0 << 7.0 << true << 0.0;
        QTest::newRow("down to nothing") << 0.0 << 4.0 << true << -100.0;
        QTest::newRow("from nothing has no percentage") << 3.0 << 0.0 << false << 0.0;
        QTest::newRow("nothing either time") << 0.0 << 0.0 << false << 0.0;
    }
    void changeAgainstThePreviousPeriod()
    {
        QFETCH(double, current);
        QFETCH(double, previous);
        QFETCH(bool, defined);
        QFETCH(double, percent);
        const auto change = vox::reports::percentChange(current, previous);
        QCOMPARE(change.has_value(), defined);
        if (defined)
            QCOMPARE(*change, percent);
    }
};

QTEST_APPLESS_MAIN(TestReportRange)
#include "tst_reportrange.moc"
