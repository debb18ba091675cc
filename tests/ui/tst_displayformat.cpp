// Words the call analysis reports in English are shown in the console's language.
#include "ui/models/displayformat.h"
#include "ui/shell/translations.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::ui::DisplayFormat;

class TestDisplayFormat : public QObject
{
    Q_OBJECT

private slots:
    void urgencyIsShownInTheConsolesLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("level");
        QTest::addColumn<QString>("shown");
        QTest::newRow("en low") << u"en"_s << u"low"_s << u"low"_s;
        QTest::newRow("en high") << u"en"_s << u"high"_s << u"high"_s;
        QTest::newRow("es low") << u"es"_s << u"low"_s << u"baja"_s;
        QTest::newRow("es medium") << u"es"_s << u"medium"_s << u"media"_s;
        QTest::newRow("es high") << u"es"_s << u"high"_s << u"alta"_s;
        QTest::newRow("unknown words pass through, escaped")
            << u"es"_s << u"<b>urgent</b>"_s << u"&lt;b&gt;urgent&lt;/b&gt;"_s;
    }
    void urgencyIsShownInTheConsolesLanguage()
    {
        QFETCH(QString, language);
        QFETCH(QString, level);
        QFETCH(QString, shown);
        QVERIFY(vox::ui::installTranslations(language));
        QCOMPARE(DisplayFormat::urgency(level), shown);
    }

    // A chart's days read in the same order as the full dates on the page, without the year.
    void aChartDayFollowsTheLocalesDateOrder_data()
    {
        QTest::addColumn<QString>("locale");
        QTest::addColumn<QString>("shown");
        QTest::newRow("US: month first") << u"en_US"_s << u"11/8"_s;
        QTest::newRow("Spain: day first") << u"es_ES"_s << u"8/11"_s;
        QTest::newRow("Britain: two digits, day first") << u"en_GB"_s << u"08/11"_s;
        QTest::newRow("Germany: dots") << u"de_DE"_s << u"08.11"_s;
        QTest::newRow("Japan: the year first is taken out") << u"ja_JP"_s << u"11/08"_s;
        QTest::newRow("Sweden: ISO order") << u"sv_SE"_s << u"11-08"_s;
    }
    void aChartDayFollowsTheLocalesDateOrder()
    {
        QFETCH(QString, locale);
        QFETCH(QString, shown);
        QCOMPARE(DisplayFormat::dayMonth(QDate(2026, 11, 8), QLocale(locale)), shown);
    }
};

QTEST_GUILESS_MAIN(TestDisplayFormat)
#include "tst_displayformat.moc"
