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
};

QTEST_GUILESS_MAIN(TestDisplayFormat)
#include "tst_displayformat.moc"
