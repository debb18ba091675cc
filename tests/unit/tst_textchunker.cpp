#include "core/textchunker.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestTextChunker : public QObject
{
    Q_OBJECT

private slots:
    void shortTextIsOnePassage()
    {
        const QStringList chunks = vox::chunkText(u"Parking is free behind the building."_s);
        QCOMPARE(chunks, QStringList{u"Parking is free behind the building."_s});
    }

    void emptyTextHasNoPassages() { QVERIFY(vox::chunkText(u"  \n\n \t "_s).isEmpty()); }

    void passagesStayNearTheTargetAndKeepEveryWord_data()
    {
        QTest::addColumn<int>("paragraphs");
        QTest::addColumn<int>("sentencesEach");
        QTest::newRow("many short paragraphs") << 40 << 2;
        QTest::newRow("few long paragraphs") << 3 << 40;
        QTest::newRow("one run-on paragraph") << 1 << 120;
    }
    void passagesStayNearTheTargetAndKeepEveryWord()
    {
        QFETCH(int, paragraphs);
        QFETCH(int, sentencesEach);
        QStringList paras;
        int word = 0;
        for (int p = 0; p < paragraphs; ++p) {
            QStringList sentences;
            for (int s = 0; s < sentencesEach; ++s) {
                sentences << u"Sentence w%1 about botox w%2 and fillers w%3."_s.arg(word)
                                 .arg(word + 1)
                                 .arg(word + 2);
                word += 3;
            }
            paras << sentences.join(u' ');
        }
        const QStringList chunks = vox::chunkText(paras.join(u"\n\n"_s), 400);
        QVERIFY(chunks.size() > 1);
        for (const QString &chunk : chunks)
            QVERIFY2(chunk.size() <= 400, qPrintable(QString::number(chunk.size())));
        const QString all = chunks.join(u' ');
        for (int w = 0; w < word; ++w)
            QVERIFY2(all.contains(u"w%1 "_s.arg(w)) || all.contains(u"w%1."_s.arg(w)),
                     qPrintable(QString::number(w)));
    }

    void aSentenceLongerThanThePassageIsCutAtSpaces()
    {
        const QString longSentence = QString(u"word "_s).repeated(300).trimmed();
        const QStringList chunks = vox::chunkText(longSentence, 200);
        QVERIFY(chunks.size() >= 7);
        for (const QString &chunk : chunks) {
            QVERIFY(chunk.size() <= 200);
            QVERIFY(!chunk.startsWith(u' ') && !chunk.endsWith(u' '));
            QVERIFY(!chunk.contains(u"wor d"_s));
        }
    }

    void normalizationCollapsesWhitespaceAndControls()
    {
        QCOMPARE(vox::normalizeText(u"  a\t\tb \r\n\r\n\r\n c\x01 "_s), u"a b\n\nc"_s);
    }
};

QTEST_APPLESS_MAIN(TestTextChunker)
#include "tst_textchunker.moc"
