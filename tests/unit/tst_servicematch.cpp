// Financial value of a call: the clinic's services whose keywords the caller spoke; a booked
// service's price wins over every mention.
#include "core/servicematch.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::services::ServiceOffer;

class TestServiceMatch : public QObject
{
    Q_OBJECT

    const QList<ServiceOffer> m_services{
        {u"s-botox"_s, u"Botox"_s, 40000, {u"botox"_s, u"wrinkle"_s, u"injection"_s}},
        {u"s-facelift"_s, u"Facelift"_s, 800000, {u"facelift"_s, u"face lift"_s}},
        {u"s-rhino"_s, u"Rhinoplasty"_s, 600000, {u"rhinoplasty"_s, u"nose job"_s}},
        {u"s-fillers"_s, u"Fillers"_s, 50000, {u"filler"_s, u"lip filler"_s}},
        {u"s-consult"_s, u"Consultation"_s, 15000, {u"consultation"_s, u"consult"_s}},
    };

private slots:
    void mentions_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("phrase");
        QTest::addColumn<bool>("expected");
        QTest::newRow("case and punctuation") << u"I want BOTOX!"_s << u"botox"_s << true;
        QTest::newRow("two words across punctuation") << u"a nose-job?"_s << u"nose job"_s << true;
        QTest::newRow("plural s") << u"two injections"_s << u"injection"_s << true;
        QTest::newRow("whole words only") << u"lipstick"_s << u"lip"_s << false;
        QTest::newRow("prefix of a longer word") << u"consultant"_s << u"consult"_s << false;
        QTest::newRow("extra spaces") << u"face    lift"_s << u"face lift"_s << true;
        QTest::newRow("empty phrase") << u"anything"_s << QString() << false;
    }
    void mentions()
    {
        QFETCH(QString, text);
        QFETCH(QString, phrase);
        QFETCH(bool, expected);
        QCOMPARE(vox::services::mentions(text, phrase), expected);
    }

    // The console marks the words a service was recognised by, by the same rule that valued the
    // call: what is marked is exactly what counted.
    void marksTheWordsThatCounted_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("phrases");
        QTest::addColumn<QStringList>("marked");
        QTest::newRow("nothing to mark")
            << u"What are your hours?"_s << QStringList{u"botox"_s} << QStringList();
        QTest::newRow("a word in any case") << u"I'd like to book Botox, maybe on Monday?"_s
                                            << QStringList{u"botox"_s} << QStringList{u"Botox"_s};
        QTest::newRow("two words across punctuation keep the text as written")
            << u"And do you do nose-jobs?"_s << QStringList{u"nose job"_s}
            << QStringList{u"nose-jobs"_s};
        QTest::newRow("plural es on the last word")
            << u"How much are the lip fillers?"_s << QStringList{u"lip filler"_s}
            << QStringList{u"lip fillers"_s};
        QTest::newRow("whole words only")
            << u"a consultant's lipstick"_s << QStringList{u"consult"_s, u"lip"_s} << QStringList();
        QTest::newRow("every mention, in text order")
            << u"Fillers, then botox, then more fillers"_s << QStringList{u"botox"_s, u"filler"_s}
            << QStringList{u"Fillers"_s, u"botox"_s, u"fillers"_s};
        QTest::newRow("a keyword inside a longer one is one mark")
            << u"I'd like lip filler"_s << QStringList{u"filler"_s, u"lip filler"_s}
            << QStringList{u"lip filler"_s};
        QTest::newRow("an empty phrase marks nothing")
            << u"anything"_s << QStringList{QString(), u" - "_s} << QStringList();
        QTest::newRow("accented words") << u"Quiero un facial, ¿cuánto cuesta el ácido?"_s
                                        << QStringList{u"ácido"_s} << QStringList{u"ácido"_s};
    }
    void marksTheWordsThatCounted()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, phrases);
        QFETCH(QStringList, marked);
        QStringList got;
        for (const vox::services::TextSpan &span : vox::services::mentionSpans(text, phrases))
            got << text.mid(span.start, span.length);
        QCOMPARE(got, marked);
        // Whatever is marked is a mention by the valuing rule.
        for (const QString &word : std::as_const(got)) {
            bool counted = false;
            for (const QString &phrase : phrases)
                counted = counted || vox::services::mentions(word, phrase);
            QVERIFY2(counted, qPrintable(word));
        }
    }

    void valuesTheCall_data()
    {
        QTest::addColumn<QString>("callerText");
        QTest::addColumn<QString>("bookedId");
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<qint64>("valueCents");
        QTest::newRow("nothing matches")
            << u"What are your hours?"_s << QString() << QStringList() << qint64(0);
        QTest::newRow("one keyword") << u"How much is a nose job?"_s << QString()
                                     << QStringList{u"Rhinoplasty"_s} << qint64(600000);
        QTest::newRow("service name counts") << u"Tell me about fillers"_s << QString()
                                             << QStringList{u"Fillers"_s} << qint64(50000);
        QTest::newRow("two services add up")
            << u"botox and a face lift"_s << QString() << QStringList{u"Botox"_s, u"Facelift"_s}
            << qint64(840000);
        QTest::newRow("several keywords of one service count once")
            << u"botox for my wrinkles, one injection"_s << QString() << QStringList{u"Botox"_s}
            << qint64(40000);
        QTest::newRow("booked service price wins")
            << u"facelift or maybe botox"_s << u"s-botox"_s
            << QStringList{u"Botox"_s, u"Facelift"_s} << qint64(40000);
        QTest::newRow("booked service not mentioned still counts")
            << u"just a quick question"_s << u"s-consult"_s << QStringList{u"Consultation"_s}
            << qint64(15000);
    }
    void valuesTheCall()
    {
        QFETCH(QString, callerText);
        QFETCH(QString, bookedId);
        QFETCH(QStringList, names);
        QFETCH(qint64, valueCents);
        std::optional<ServiceOffer> booked;
        for (const ServiceOffer &s : m_services) {
            if (s.id == bookedId)
                booked = s;
        }
        const auto match = vox::services::matchServices(callerText, m_services, booked);
        QCOMPARE(match.names, names);
        QCOMPARE(match.valueCents, valueCents);
        QCOMPARE(match.ids.size(), match.names.size());
    }
};

QTEST_APPLESS_MAIN(TestServiceMatch)
#include "tst_servicematch.moc"
