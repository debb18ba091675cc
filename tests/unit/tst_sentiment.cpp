// Sentiment: Vapi's analysis when it has one, otherwise an estimate from the caller's words.
#include "core/sentiment.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestSentiment : public QObject
{
    Q_OBJECT

private slots:
    void estimatesFromWords_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("label");
        QTest::addColumn<double>("score");
        QTest::addColumn<QString>("urgency");
        QTest::newRow("happy") << u"Perfect, thank you so much, that's great!"_s << u"positive"_s
                               << 0.75 << u"low"_s;
        QTest::newRow("angry") << u"This is ridiculous, I'm really upset."_s << u"negative"_s
                               << -0.667 << u"low"_s;
        QTest::newRow("negation flips")
            << u"I'm not happy with this"_s << u"negative"_s << -0.5 << u"low"_s;
        QTest::newRow("neutral question")
            << u"What time do you open?"_s << u"neutral"_s << 0.0 << u"low"_s;
        QTest::newRow("mixed cancels out")
            << u"Great service but the price is expensive"_s << u"neutral"_s << 0.0 << u"low"_s;
        QTest::newRow("urgent pain")
            << u"I have swelling and pain after my filler"_s << u"neutral"_s << 0.0 << u"high"_s;
        QTest::newRow("soon is medium")
            << u"Thanks, I'd like something this week"_s << u"positive"_s << 0.5 << u"medium"_s;
        QTest::newRow("empty") << QString() << u"neutral"_s << 0.0 << u"low"_s;
    }
    void estimatesFromWords()
    {
        QFETCH(QString, text);
        QFETCH(QString, label);
        QFETCH(double, score);
        QFETCH(QString, urgency);
        const auto s = vox::sentiment::estimate(text);
        QCOMPARE(s.label, label);
        QVERIFY2(qAbs(s.score - score) < 0.001, qPrintable(QString::number(s.score)));
        QCOMPARE(s.urgency, urgency);
    }

    void readsVapiAnalysis_data()
    {
        QTest::addColumn<QByteArray>("analysis");
        QTest::addColumn<bool>("present");
        QTest::addColumn<QString>("label");
        QTest::addColumn<double>("score");
        QTest::addColumn<QString>("urgency");
        QTest::newRow("label, score and urgency")
            << QByteArray(R"({"structuredData":{"sentiment":"positive","sentimentScore":0.8,
                             "urgency":"high"}})")
            << true << u"positive"_s << 0.8 << u"high"_s;
        QTest::newRow("label only") << QByteArray(R"({"structuredData":{"sentiment":"Negative"}})")
                                    << true << u"negative"_s << -0.6 << QString();
        QTest::newRow("score only") << QByteArray(R"({"structuredData":{"sentimentScore":0.1}})")
                                    << true << u"neutral"_s << 0.1 << QString();
        QTest::newRow("numeric sentiment, clamped")
            << QByteArray(R"({"structuredData":{"sentiment":3}})") << true << u"positive"_s << 1.0
            << QString();
        QTest::newRow("summary only: absent")
            << QByteArray(R"({"summary":"Asked about Botox.","successEvaluation":"true"})") << false
            << QString() << 0.0 << QString();
        QTest::newRow("unknown label: absent")
            << QByteArray(R"({"structuredData":{"sentiment":"meh"}})") << false << QString() << 0.0
            << QString();
        QTest::newRow("unknown urgency ignored")
            << QByteArray(R"({"structuredData":{"sentiment":"neutral","urgency":"whenever"}})")
            << true << u"neutral"_s << 0.0 << QString();
    }
    void readsVapiAnalysis()
    {
        QFETCH(QByteArray, analysis);
        QFETCH(bool, present);
        QFETCH(QString, label);
        QFETCH(double, score);
        QFETCH(QString, urgency);
        const auto s = vox::sentiment::fromAnalysis(QJsonDocument::fromJson(analysis).object());
        QCOMPARE(s.has_value(), present);
        if (!s)
            return;
        QCOMPARE(s->label, label);
        QVERIFY2(qAbs(s->score - score) < 0.001, qPrintable(QString::number(s->score)));
        QCOMPARE(s->urgency, urgency);
    }
};

QTEST_APPLESS_MAIN(TestSentiment)
#include "tst_sentiment.moc"
