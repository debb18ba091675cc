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
};

QTEST_APPLESS_MAIN(TestTimeZoneName)
#include "tst_timezonename.moc"
