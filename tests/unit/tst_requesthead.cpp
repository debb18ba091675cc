// The request head as the edge reads it before QtHttpServer does: where it ends, how long its
// body is, whether the connection stays open, and every ambiguity refused with a status and a
// sentence.
#include "server/http/requesthead.h"

#include <QTest>

using vox::http::parseRequestHead;
using vox::http::RequestHead;

class TestRequestHead : public QObject
{
    Q_OBJECT

private slots:
    void readsACompleteHead_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<QByteArray>("version");
        QTest::addColumn<qint64>("contentLength");
        QTest::addColumn<bool>("keepsAlive");
        QTest::addColumn<qsizetype>("headLength");
        const QByteArray get = "GET /api/events?since=3 HTTP/1.1\r\nHost: x\r\n\r\n";
        QTest::newRow("a GET with a query")
            << get << QByteArray("GET") << QByteArray("/api/events") << QByteArray("HTTP/1.1")
            << qint64(0) << true << get.size();
        QTest::newRow("a body and a pipelined request after the head do not count")
            << QByteArray("POST /api/contacts HTTP/1.1\r\nContent-Length: 2\r\n\r\n{}GET / "
                          "HTTP/1.1\r\n\r\n")
            << QByteArray("POST") << QByteArray("/api/contacts") << QByteArray("HTTP/1.1")
            << qint64(2) << true << qsizetype(50);
        QTest::newRow("HTTP/1.1 with Connection: close")
            << QByteArray("GET / HTTP/1.1\r\nConnection: close\r\n\r\n") << QByteArray("GET")
            << QByteArray("/") << QByteArray("HTTP/1.1") << qint64(0) << false << qsizetype(37);
        QTest::newRow("HTTP/1.0 closes by default")
            << QByteArray("GET / HTTP/1.0\r\nHost: x\r\n\r\n") << QByteArray("GET")
            << QByteArray("/") << QByteArray("HTTP/1.0") << qint64(0) << false << qsizetype(27);
        QTest::newRow("HTTP/1.0 asking for keep-alive, in any case and among other tokens")
            << QByteArray("GET / HTTP/1.0\r\nConnection: Upgrade, Keep-Alive\r\n\r\n")
            << QByteArray("GET") << QByteArray("/") << QByteArray("HTTP/1.0") << qint64(0) << true
            << qsizetype(51);
    }
    void readsACompleteHead()
    {
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(QByteArray, version);
        QFETCH(qint64, contentLength);
        QFETCH(bool, keepsAlive);
        QFETCH(qsizetype, headLength);
        const RequestHead head = parseRequestHead(data, 4096);
        QVERIFY2(head.complete(), head.error.constData());
        QCOMPARE(head.method, method);
        QCOMPARE(head.path(), path);
        QCOMPARE(head.version, version);
        QCOMPARE(head.contentLength, contentLength);
        QCOMPARE(head.keepsAlive(), keepsAlive);
        QCOMPARE(head.headLength, headLength);
    }

    void notesWhatTheGuardDecidesOn()
    {
        const RequestHead upgrade = parseRequestHead(
            "GET /api/events HTTP/1.1\r\nUpgrade: WebSocket\r\nConnection: Upgrade\r\n\r\n", 4096);
        QVERIFY(upgrade.complete());
        QVERIFY(upgrade.upgradeWebSocket);
        const RequestHead expect = parseRequestHead(
            "POST /x HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n", 4096);
        QVERIFY(expect.expectContinue);
        QVERIFY(expect.hasContentLength);
        const RequestHead chunked =
            parseRequestHead("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n", 4096);
        QVERIFY(chunked.complete());
        QVERIFY(chunked.transferEncoding);
    }

    void waitsForTheBlankLine_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::newRow("nothing yet") << QByteArray();
        QTest::newRow("the request line only") << QByteArray("GET / HTTP/1.1\r\n");
        QTest::newRow("a header without the blank line")
            << QByteArray("GET / HTTP/1.1\r\nA: b\r\n");
        QTest::newRow("exactly at the limit, unfinished") << QByteArray(64, 'a');
    }
    void waitsForTheBlankLine()
    {
        QFETCH(QByteArray, data);
        const RequestHead head = parseRequestHead(data, 64);
        QCOMPARE(head.status, RequestHead::Status::Incomplete);
        QVERIFY(head.error.isEmpty());
    }

    void refusesWhatCouldBeReadTwoWays_data()
    {
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("sentence");
        QTest::newRow("an unfinished head over the limit")
            << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(80, 'x')) << 431
            << QByteArray("too large");
        QTest::newRow("a finished head over the limit")
            << QByteArray("GET / HTTP/1.1\r\nX: " + QByteArray(60, 'x') + "\r\n\r\n") << 431
            << QByteArray("too large");
        QTest::newRow("two Content-Length headers")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 9\r\n\r\n")
            << 400 << QByteArray("more than one Content-Length");
        QTest::newRow("a signed Content-Length")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: +2\r\n\r\n") << 400
            << QByteArray("not a number");
        QTest::newRow("a Content-Length of 19 digits")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 1000000000000000000\r\n\r\n") << 400
            << QByteArray("not a number");
        QTest::newRow("Content-Length with Transfer-Encoding")
            << QByteArray("POST / HTTP/1.1\r\nContent-Length: 2\r\nTransfer-Encoding: x\r\n\r\n")
            << 400 << QByteArray("both Content-Length and Transfer-Encoding");
        QTest::newRow("a folded line")
            << QByteArray("GET / HTTP/1.1\r\nA: 1\r\n b\r\n\r\n") << 400 << QByteArray("Folded");
        QTest::newRow("a space before the colon")
            << QByteArray("GET / HTTP/1.1\r\nContent-Length : 5\r\n\r\n") << 400
            << QByteArray("malformed");
    }
    void refusesWhatCouldBeReadTwoWays()
    {
        QFETCH(QByteArray, data);
        QFETCH(int, status);
        QFETCH(QByteArray, sentence);
        const RequestHead head = parseRequestHead(data, 64);
        QVERIFY(head.failed());
        QCOMPARE(head.errorStatus, status);
        QVERIFY2(head.error.contains(sentence), head.error.constData());
    }
};

QTEST_GUILESS_MAIN(TestRequestHead)
#include "tst_requesthead.moc"
