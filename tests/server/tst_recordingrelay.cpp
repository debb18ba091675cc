// The relay's rules for Range headers: what a client asked for, whether a request starts listening
// (logged) or seeks (not), and the bounded piece asked of the provider.
#include "server/services/recordingrelay.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
namespace relay = vox::server::recordingrelay;

class TestRecordingRelay : public QObject
{
    Q_OBJECT

private slots:
    void rangesAreReadAndCutToOnePiece_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("opens");
        QTest::addColumn<QByteArray>("upstream");
        const QByteArray piece = QByteArray::number(relay::maxPieceBytes - 1);
        QTest::newRow("no range: the first piece") << QByteArray() << true << "bytes=0-" + piece;
        QTest::newRow("from the start") << QByteArray("bytes=0-") << true << "bytes=0-" + piece;
        QTest::newRow("a small range as asked")
            << QByteArray("bytes=1000-1999") << false << QByteArray("bytes=1000-1999");
        QTest::newRow("an open range, cut")
            << QByteArray("bytes=5000-") << false
            << "bytes=5000-" + QByteArray::number(5000 + relay::maxPieceBytes - 1);
        QTest::newRow("a huge range, cut")
            << QByteArray("bytes=0-999999999") << true << "bytes=0-" + piece;
        QTest::newRow("the last bytes")
            << QByteArray("bytes=-500") << false << QByteArray("bytes=-500");
        QTest::newRow("too many last bytes, cut")
            << QByteArray("bytes=-99999999") << false
            << "bytes=-" + QByteArray::number(relay::maxPieceBytes);
        QTest::newRow("several ranges: from the start")
            << QByteArray("bytes=0-10,20-30") << true << "bytes=0-" + piece;
        QTest::newRow("another unit: from the start")
            << QByteArray("items=0-10") << true << "bytes=0-" + piece;
        QTest::newRow("backwards: from the start")
            << QByteArray("bytes=30-10") << true << "bytes=0-" + piece;
        QTest::newRow("garbage: from the start")
            << QByteArray("bytes=a-b") << true << "bytes=0-" + piece;
        QTest::newRow("a sign is not a number")
            << QByteArray("bytes=+5-9") << true << "bytes=0-" + piece;
    }
    void rangesAreReadAndCutToOnePiece()
    {
        QFETCH(QByteArray, header);
        QFETCH(bool, opens);
        QFETCH(QByteArray, upstream);
        QCOMPARE(relay::opensRecording(header), opens);
        QCOMPARE(relay::upstreamRange(relay::parseRange(header)), upstream);
    }
};

QTEST_GUILESS_MAIN(TestRecordingRelay)
#include "tst_recordingrelay.moc"
