#include "sandbox/demoreplies.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
namespace replies = vox::sandbox::demoreplies;

class TestDemoReplies : public QObject
{
    Q_OBJECT

private slots:
    // Each row: the demo patient's number, what the clinic texted, and what the patient answers.
    void demoPatientsAnswerSomeTexts_data()
    {
        const QString reminder =
            u"Ana, this is a reminder of your Botox appointment at Glow on Tue 10:00. Reply C to "
            "confirm."_s;
        const QString textBack =
            u"Sorry we missed you at Glow \u2014 reply here or we'll call you back."_s;
        QTest::addColumn<QString>("number");
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("reply");
        // The number's digit sum picks: +15550100000 sums to 17, +15550100001 to 18, ...
        QTest::newRow("reminder, silent patient") << u"+15550100003"_s << reminder << QString();
        QTest::newRow("reminder, confirms") << u"+15550100004"_s << reminder << u"C"_s;
        QTest::newRow("reminder, confirms in words")
            << u"+15550100000"_s << reminder << u"Yes, see you then!"_s;
        QTest::newRow("reminder, wants to move it")
            << u"+15550100001"_s << reminder << u"R - could we do later in the week?"_s;
        QTest::newRow("reminder, asks a question")
            << u"+15550100002"_s << reminder << u"Is there parking near the clinic?"_s;
        QTest::newRow("text-back, silent caller") << u"+15550100001"_s << textBack << QString();
        QTest::newRow("text-back, asks for a call")
            << u"+15550100002"_s << textBack
            << u"Hi! I was calling about Botox prices, can someone call me back after 5?"_s;
        QTest::newRow("text-back, books")
            << u"+15550100003"_s << textBack
            << u"Yes please, I'd like to book a facial for Saturday morning"_s;
        QTest::newRow("the clinic's own answer starts no loop")
            << u"+15550100000"_s << u"Thanks, your appointment is confirmed."_s << QString();
        QTest::newRow("a staff reply is not answered")
            << u"+15550100001"_s << u"We have parking behind the building."_s << QString();
    }
    void demoPatientsAnswerSomeTexts()
    {
        QFETCH(QString, number);
        QFETCH(QString, body);
        QFETCH(QString, reply);
        QCOMPARE(replies::replyTo(number, body), reply);
        QCOMPARE(replies::replyTo(number, body), reply); // the same every time
    }
};

QTEST_APPLESS_MAIN(TestDemoReplies)
#include "tst_demoreplies.moc"
