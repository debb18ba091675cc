// Lead score 0-100 and temperature: hot >= 70, warm 40-69, cold < 40.
#include "core/leadscoring.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::leads::LeadSignals;

class TestLeadScoring : public QObject
{
    Q_OBJECT

private slots:
    void temperatureBoundaries_data()
    {
        QTest::addColumn<int>("score");
        QTest::addColumn<QString>("temperature");
        QTest::newRow("0") << 0 << u"cold"_s;
        QTest::newRow("39") << 39 << u"cold"_s;
        QTest::newRow("40") << 40 << u"warm"_s;
        QTest::newRow("69") << 69 << u"warm"_s;
        QTest::newRow("70") << 70 << u"hot"_s;
        QTest::newRow("100") << 100 << u"hot"_s;
    }
    void temperatureBoundaries()
    {
        QFETCH(int, score);
        QFETCH(QString, temperature);
        QCOMPARE(vox::leads::temperatureName(vox::leads::temperatureFor(score)), temperature);
    }

    void scoresTheCall_data()
    {
        QTest::addColumn<bool>("booked");
        QTest::addColumn<int>("services");
        QTest::addColumn<qint64>("value");
        QTest::addColumn<int>("intent");
        QTest::addColumn<QString>("sentiment");
        QTest::addColumn<QString>("urgency");
        QTest::addColumn<int>("duration");
        QTest::addColumn<int>("score");
        QTest::addColumn<QString>("temperature");
        QTest::newRow("booked botox, happy, two minutes")
            << true << 1 << qint64(40000) << 1 << u"positive"_s << u"low"_s << 120 << 70
            << u"hot"_s;
        QTest::newRow("asked facelift price, no booking")
            << false << 1 << qint64(800000) << 2 << u"neutral"_s << u"medium"_s << 180 << 40
            << u"warm"_s;
        QTest::newRow("wrong number hang-up")
            << false << 0 << qint64(0) << 0 << u"neutral"_s << u"low"_s << 8 << 0 << u"cold"_s;
        QTest::newRow("angry caller, no interest")
            << false << 0 << qint64(0) << 0 << u"negative"_s << u"low"_s << 60 << 0 << u"cold"_s;
        QTest::newRow("everything maxed is clamped at 100")
            << true << 4 << qint64(900000) << 6 << u"positive"_s << u"high"_s << 600 << 100
            << u"hot"_s;
        QTest::newRow("questions only stay cold")
            << false << 1 << qint64(50000) << 3 << u"neutral"_s << u"low"_s << 90 << 25
            << u"cold"_s;
        QTest::newRow("urgent consult without booking")
            << false << 2 << qint64(650000) << 3 << u"positive"_s << u"high"_s << 200 << 70
            << u"hot"_s;
    }
    void scoresTheCall()
    {
        QFETCH(bool, booked);
        QFETCH(int, services);
        QFETCH(qint64, value);
        QFETCH(int, intent);
        QFETCH(QString, sentiment);
        QFETCH(QString, urgency);
        QFETCH(int, duration);
        QFETCH(int, score);
        QFETCH(QString, temperature);
        LeadSignals s;
        s.booked = booked;
        s.matchedServices = services;
        s.valueCents = value;
        s.intentPhrases = intent;
        s.sentimentLabel = sentiment;
        s.urgency = urgency;
        s.durationSeconds = duration;
        const auto result = vox::leads::scoreLead(s);
        QCOMPARE(result.score, score);
        QCOMPARE(vox::leads::temperatureName(result.temperature), temperature);
    }

    // The finding: "swelling and pain after fillers", urgency high, an unhappy 40-second call
    // scored 5 (cold). A call that needs attention is hot whatever else it showed.
    void needsAttentionMakesTheCallHot_data()
    {
        QTest::addColumn<QString>("urgency");
        QTest::addColumn<bool>("concern");
        QTest::addColumn<int>("score");
        QTest::addColumn<QString>("temperature");
        QTest::addColumn<bool>("needsAttention");
        QTest::newRow("swelling after fillers, urgent")
            << u"high"_s << true << 70 << u"hot"_s << true;
        QTest::newRow("swelling after fillers, calm") << u"low"_s << true << 70 << u"hot"_s << true;
        QTest::newRow("urgent, no symptom") << u"high"_s << false << 70 << u"hot"_s << true;
        QTest::newRow("same call without either") << u"low"_s << false << 0 << u"cold"_s << false;
    }
    void needsAttentionMakesTheCallHot()
    {
        QFETCH(QString, urgency);
        QFETCH(bool, concern);
        LeadSignals s;
        s.matchedServices = 1;
        s.valueCents = 65000;
        s.sentimentLabel = u"negative"_s;
        s.urgency = urgency;
        s.durationSeconds = 40;
        s.clinicalConcern = concern;
        const auto result = vox::leads::scoreLead(s);
        QTEST(result.score, "score");
        QTEST(vox::leads::temperatureName(result.temperature), "temperature");
        QTEST(result.needsAttention, "needsAttention");
    }

    void detectsClinicalConcern_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("concern");
        QTest::newRow("the finding") << u"I have swelling and pain after fillers."_s << true;
        QTest::newRow("bleeding since the procedure")
            << u"It's been bleeding since the procedure"_s << true;
        QTest::newRow("infection after botox")
            << u"I think I got an infection after Botox"_s << true;
        QTest::newRow("reaction yesterday")
            << u"My lips had a reaction yesterday, they're numb"_s << true;
        QTest::newRow("fever following the peel") << u"Fever following my chemical peel"_s << true;
        QTest::newRow("Spanish") << u"Tengo hinchazón y dolor después del relleno"_s << true;
        QTest::newRow("a question before treatment") << u"Is lip filler painful?"_s << false;
        QTest::newRow("booking only") << u"I'd like to book fillers next week"_s << false;
        QTest::newRow("after, no symptom") << u"Can I come in after work?"_s << false;
        QTest::newRow("pain in another word") << u"Can I pay with Spain's cards after?"_s << false;
    }
    void detectsClinicalConcern()
    {
        QFETCH(QString, text);
        QTEST(vox::leads::mentionsClinicalConcern(text), "concern");
    }

    void countsIntentPhrases_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("count");
        QTest::newRow("none") << u"Wrong number, sorry."_s << 0;
        QTest::newRow("book and price") << u"I'd like to book. What's the price?"_s << 2;
        QTest::newRow("each phrase once") << u"book book book"_s << 1;
        QTest::newRow("how much, available") << u"How much is it and are you available?"_s << 2;
    }
    void countsIntentPhrases()
    {
        QFETCH(QString, text);
        QFETCH(int, count);
        QCOMPARE(vox::leads::countIntentPhrases(text), count);
    }
};

QTEST_APPLESS_MAIN(TestLeadScoring)
#include "tst_leadscoring.moc"
