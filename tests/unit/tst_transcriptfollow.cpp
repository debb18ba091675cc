// Following a recording in its transcript: which line is being heard, and where a skip lands.
#include "core/transcriptfollow.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestTranscriptFollow : public QObject
{
    Q_OBJECT

private slots:
    void theLineBeingHeard_data()
    {
        QTest::addColumn<QList<qint64>>("starts");
        QTest::addColumn<qint64>("position");
        QTest::addColumn<qsizetype>("current");
        const QList<qint64> call{1000, 5000, 11000, 15000};
        QTest::newRow("before anyone speaks") << call << qint64(0) << qsizetype(-1);
        QTest::newRow("the moment the first line starts") << call << qint64(1000) << qsizetype(0);
        QTest::newRow("between lines: the last one started")
            << call << qint64(9999) << qsizetype(1);
        QTest::newRow("the last line, and after it") << call << qint64(60000) << qsizetype(3);
        QTest::newRow("no lines") << QList<qint64>() << qint64(5000) << qsizetype(-1);
        QTest::newRow("untimed lines are never current")
            << QList<qint64>{-1, 2000, -1, 8000} << qint64(5000) << qsizetype(1);
        QTest::newRow("a line stamped earlier than the one before is skipped")
            << QList<qint64>{0, 10000, 4000, 12000} << qint64(11000) << qsizetype(1);
        QTest::newRow("two lines at the same moment: the later one")
            << QList<qint64>{0, 3000, 3000} << qint64(3500) << qsizetype(2);
    }
    void theLineBeingHeard()
    {
        QFETCH(QList<qint64>, starts);
        QFETCH(qint64, position);
        QFETCH(qsizetype, current);
        QCOMPARE(vox::transcript::currentLine(starts, position), current);
    }

    void whereASkipLands_data()
    {
        QTest::addColumn<qint64>("position");
        QTest::addColumn<qint64>("delta");
        QTest::addColumn<qint64>("duration");
        QTest::addColumn<qint64>("target");
        QTest::newRow("ten seconds on")
            << qint64(5000) << qint64(10000) << qint64(60000) << qint64(15000);
        QTest::newRow("ten seconds back")
            << qint64(25000) << qint64(-10000) << qint64(60000) << qint64(15000);
        QTest::newRow("back near the start stops at the start")
            << qint64(4000) << qint64(-10000) << qint64(60000) << qint64(0);
        QTest::newRow("on near the end stops at the end")
            << qint64(55000) << qint64(10000) << qint64(60000) << qint64(60000);
        QTest::newRow("an unknown length bounds only the start")
            << qint64(55000) << qint64(10000) << qint64(0) << qint64(65000);
    }
    void whereASkipLands()
    {
        QFETCH(qint64, position);
        QFETCH(qint64, delta);
        QFETCH(qint64, duration);
        QFETCH(qint64, target);
        QCOMPARE(vox::transcript::skipTarget(position, delta, duration), target);
    }
};

QTEST_APPLESS_MAIN(TestTranscriptFollow)
#include "tst_transcriptfollow.moc"
