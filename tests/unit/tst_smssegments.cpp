// An SMS is sent in parts, and the clinic pays per part: the count follows GSM 03.38 and Twilio's
// rules (GSM-7 160/153 with two septets for the extension characters, UCS-2 70/67 as soon as one
// character is outside GSM-7, no character split between parts).
#include "core/smssegments.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::sms::Encoding;

class TestSmsSegments : public QObject
{
    Q_OBJECT

private slots:
    void countsAsTheCarriersDo_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("unicode");
        QTest::addColumn<int>("units");
        QTest::addColumn<int>("segments");
        QTest::addColumn<int>("perSegment");
        QTest::addColumn<QString>("firstUnicode");

        const QString a160 = QString(160, u'a');
        QTest::newRow("empty") << QString() << false << 0 << 0 << 160 << QString();
        QTest::newRow("plain English") << u"Hi Ana, we have openings tomorrow at 2 PM."_s << false
                                       << 42 << 1 << 160 << QString();
        QTest::newRow("160 plain: one part") << a160 << false << 160 << 1 << 160 << QString();
        QTest::newRow("161 plain: two parts of 153")
            << a160 + u"a"_s << false << 161 << 2 << 153 << QString();
        QTest::newRow("306 plain: two parts")
            << QString(306, u'a') << false << 306 << 2 << 153 << QString();
        QTest::newRow("307 plain: three parts")
            << QString(307, u'a') << false << 307 << 3 << 153 << QString();
        QTest::newRow("GSM accents stay GSM-7: é ñ ü à")
            << u"Mañana a las 10, señora Müller. ¿Bien? Ça va"_s << false << 44 << 1 << 160
            << QString();
        QTest::newRow("euro takes two septets")
            << u"Price: €100"_s << false << 12 << 1 << 160 << QString();
        QTest::newRow("80 braces are 160 septets: one part")
            << QString(80, u'{') << false << 160 << 1 << 160 << QString();
        QTest::newRow("an escape is never split between parts")
            // 2 + 152 x 2 = 306 septets, two parts' worth; but the 76th bracket would straddle
            // the first part's end, so it opens the second, and the last one needs a third.
            << u"aa"_s + QString(152, u'[') << false << 306 << 3 << 153 << QString();
        QTest::newRow("Spanish á forces Unicode")
            << u"Su cita es el sábado."_s << true << 21 << 1 << 70 << u"á"_s;
        QTest::newRow("70 Unicode: one part")
            << u"á"_s + QString(69, u'a') << true << 70 << 1 << 70 << u"á"_s;
        QTest::newRow("71 Unicode: two parts of 67")
            << u"á"_s + QString(70, u'a') << true << 71 << 2 << 67 << u"á"_s;
        QTest::newRow("an emoji takes two units")
            << u"See you! 😊"_s << true << 11 << 1 << 70 << u"😊"_s;
        QTest::newRow("an emoji is never split between parts")
            // 134 units, two parts' worth; the emoji would straddle units 67 and 68, so it
            // opens the second part and the last letter needs a third.
            << QString(66, u'a') + u"😊"_s + QString(66, u'a') << true << 134 << 3 << 67 << u"😊"_s;
        QTest::newRow("curly quotes are not GSM-7")
            << u"“Hello”"_s << true << 7 << 1 << 70 << u"“"_s;
    }
    void countsAsTheCarriersDo()
    {
        QFETCH(QString, text);
        QFETCH(bool, unicode);
        QFETCH(int, units);
        QFETCH(int, segments);
        QFETCH(int, perSegment);
        QFETCH(QString, firstUnicode);
        const vox::sms::Measure m = vox::sms::measure(text);
        QCOMPARE(m.encoding == Encoding::Ucs2, unicode);
        QCOMPARE(m.units, units);
        QCOMPARE(m.segments, segments);
        QCOMPARE(m.unitsPerSegment, perSegment);
        QCOMPARE(m.firstUnicode, firstUnicode);
    }
};

QTEST_GUILESS_MAIN(TestSmsSegments)
#include "tst_smssegments.moc"
