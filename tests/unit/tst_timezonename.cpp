#include "core/timezonename.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestTimeZoneName : public QObject
{
    Q_OBJECT

private slots:
    void acceptsIanaNamesOnly_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("known");
        QTest::newRow("city") << u"America/Chicago"_s << true;
        QTest::newRow("Europe") << u"Europe/Madrid"_s << true;
        QTest::newRow("Etc/UTC (left out of Qt's available list)") << u"Etc/UTC"_s << true;
        QTest::newRow("UTC") << u"UTC"_s << true;
        QTest::newRow("made up") << u"Mars/Olympus"_s << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("path escape") << u"../../etc/passwd"_s << false;
        QTest::newRow("absolute path") << u"/usr/share/zoneinfo/UTC"_s << false;
        QTest::newRow("the machine's own setting") << u"localtime"_s << false;
        QTest::newRow("the rules file") << u"posixrules"_s << false;
        QTest::newRow("zone unknown") << u"Factory"_s << false;
        QTest::newRow("leap-second duplicate") << u"right/Europe/Madrid"_s << false;
        QTest::newRow("posix duplicate") << u"posix/Europe/Madrid"_s << false;
    }
    void acceptsIanaNamesOnly()
    {
        QFETCH(QString, name);
        QFETCH(bool, known);
        QCOMPARE(vox::isTimeZoneName(name), known);
    }

    // Settings lists the zones by city and zone name; the id stays what is saved.
    void aZoneIsNamedByItsCityAndItsTime_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("label");
        QTest::newRow("New York") << u"America/New_York"_s << u"en"_s
                                  << u"New York (Eastern Time)"_s;
        QTest::newRow("New York in Spanish")
            << u"America/New_York"_s << u"es"_s << u"New York (hora oriental)"_s;
        QTest::newRow("Los Angeles")
            << u"America/Los_Angeles"_s << u"en"_s << u"Los Angeles (Pacific Time)"_s;
        QTest::newRow("a city in a country's folder")
            << u"America/Argentina/Buenos_Aires"_s << u"en"_s << u"Buenos Aires (Argentina Time)"_s;
        QTest::newRow("no clock change keeps Standard")
            << u"America/Phoenix"_s << u"en"_s << u"Phoenix (Mountain Standard Time)"_s;
        QTest::newRow("Madrid") << u"Europe/Madrid"_s << u"en"_s
                                << u"Madrid (Central European Time)"_s;
        QTest::newRow("old alias") << u"US/Eastern"_s << u"en"_s << QString();
        QTest::newRow("not a place") << u"Etc/UTC"_s << u"en"_s << QString();
        QTest::newRow("made up") << u"Mars/Olympus"_s << u"en"_s << QString();
    }
    void aZoneIsNamedByItsCityAndItsTime()
    {
        QFETCH(QString, id);
        QFETCH(QString, language);
        QFETCH(QString, label);
        QCOMPARE(vox::timeZoneLabel(id, QLocale(language)), label);
    }
};

QTEST_APPLESS_MAIN(TestTimeZoneName)
#include "tst_timezonename.moc"
