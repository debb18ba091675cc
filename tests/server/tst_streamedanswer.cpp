// Streamed answers on the wire: a body whose size is known goes out with exactly that
// Content-Length and the connection serves the next request after it; an unknown size goes out
// chunked with its last chunk; a producer that fails, or writes more or fewer bytes than it
// announced, has its connection cut, so a client never holds a body that looks complete but is
// not.
#include "server/http/httpserver.h"
#include "server/http/router.h"

#include <QTcpSocket>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {

constexpr qint64 pieceBytes = 700 * 1024;
constexpr int pieces = 3;
constexpr qint64 bodyBytes = pieceBytes * pieces;

// Piece `i` of the body: bytes that differ per piece, so a lost or repeated piece shows.
QByteArray piece(int i)
{
    return QByteArray(pieceBytes, char('a' + i));
}

QByteArray wholeBody()
{
    QByteArray body;
    for (int i = 0; i < pieces; ++i)
        body += piece(i);
    return body;
}

struct Answer
{
    QByteArray head; // status line and headers
    QByteArray body; // de-chunked when chunked
    bool complete = false;
    bool closed = false;
};

// Reads one answer from `socket`, letting the server (on this thread) run meanwhile.
Answer readAnswer(QTcpSocket &socket)
{
    Answer answer;
    QByteArray buffer;
    qint64 length = -1;
    bool chunked = false;
    const auto step = [&] {
        buffer += socket.readAll();
        if (answer.head.isEmpty()) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return false;
            answer.head = buffer.left(end);
            buffer.remove(0, end + 4);
            const QByteArray lower = answer.head.toLower();
            chunked = lower.contains("transfer-encoding: chunked");
            const qsizetype at = lower.indexOf("content-length: ");
            if (at >= 0)
                length = lower.mid(at + 16, lower.indexOf("\r\n", at) - at - 16).toLongLong();
        }
        if (!chunked) {
            answer.body += buffer;
            buffer.clear();
            answer.complete = length >= 0 && answer.body.size() == length;
            return answer.complete;
        }
        while (true) {
            const qsizetype line = buffer.indexOf("\r\n");
            if (line < 0)
                return false;
            const qint64 size = buffer.left(line).toLongLong(nullptr, 16);
            if (buffer.size() < line + 2 + size + 2)
                return false;
            if (size == 0) {
                answer.complete = true;
                return true;
            }
            answer.body += buffer.mid(line + 2, size);
            buffer.remove(0, line + 2 + size + 2);
        }
    };
    (void)QTest::qWaitFor(
        [&] {
            if (step())
                return true;
            answer.closed = socket.state() != QAbstractSocket::ConnectedState;
            return answer.closed && socket.bytesAvailable() == 0;
        },
        20000);
    return answer;
}

QByteArray request(const QByteArray &path)
{
    return "GET " + path + " HTTP/1.1\r\nHost: test\r\n\r\n";
}

} // namespace

class TestStreamedAnswer : public QObject
{
    Q_OBJECT

    vox::http::Router m_router;
    std::unique_ptr<vox::http::HttpServer> m_http;

    // A streamed body of `pieces` pieces announcing `announced` bytes (-1: chunked); the producer
    // fails before its last piece when `failing`.
    void addStream(const QString &path, qint64 announced, bool failing)
    {
        m_router.get(path, vox::http::Auth::Public,
                     [announced, failing](vox::http::Context &) -> vox::http::Reply {
                         vox::http::Response r;
                         r.contentType = "application/octet-stream";
                         r.streamedLength = announced;
                         r.producer =
                             [failing](const vox::http::BodySink &sink) -> vox::Result<void> {
                             for (int i = 0; i < pieces; ++i) {
                                 if (failing && i == pieces - 1)
                                     return vox::Error{u"the source went away"_s};
                                 if (!sink(piece(i)))
                                     return {};
                             }
                             return {};
                         };
                         return r;
                     });
    }

private slots:
    void initTestCase()
    {
        addStream(u"/known"_s, bodyBytes, false);
        addStream(u"/chunked"_s, -1, false);
        addStream(u"/announces-more"_s, bodyBytes + 10, false);
        addStream(u"/announces-less"_s, bodyBytes - 10, false);
        addStream(u"/known-failing"_s, bodyBytes, true);
        addStream(u"/chunked-failing"_s, -1, true);
        m_router.get(u"/small"_s, vox::http::Auth::Public,
                     [](vox::http::Context &) -> vox::http::Reply {
                         return vox::http::Response::rawJson("{\"ok\":true}");
                     });
        m_http = std::make_unique<vox::http::HttpServer>(
            m_router,
            [](const vox::http::Request &) -> vox::Result<vox::http::Principal> {
                return vox::http::status::unauthorized(u"no"_s);
            },
            vox::http::HttpServer::Options{});
        QVERIFY(m_http->listen(u"127.0.0.1"_s, 0).ok());
    }

    void aStreamedBodyArrivesWholeOrVisiblyCut_data()
    {
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<bool>("withLength");
        QTest::addColumn<bool>("complete");
        QTest::newRow("a known size: exactly that Content-Length") << "/known"_ba << true << true;
        QTest::newRow("an unknown size: chunked to its last chunk")
            << "/chunked"_ba << false << true;
        QTest::newRow("fewer bytes than announced: cut") << "/announces-more"_ba << true << false;
        QTest::newRow("more bytes than announced: cut") << "/announces-less"_ba << true << false;
        QTest::newRow("a known size, the producer fails: cut")
            << "/known-failing"_ba << true << false;
        QTest::newRow("chunked, the producer fails: cut, no last chunk")
            << "/chunked-failing"_ba << false << false;
    }
    void aStreamedBodyArrivesWholeOrVisiblyCut()
    {
        QFETCH(QByteArray, path);
        QFETCH(bool, withLength);
        QFETCH(bool, complete);
        QTcpSocket socket;
        socket.connectToHost(u"127.0.0.1"_s, m_http->port());
        QTRY_VERIFY(socket.state() == QAbstractSocket::ConnectedState);
        socket.write(request(path));
        const Answer answer = readAnswer(socket);
        QVERIFY2(answer.head.startsWith("HTTP/1.1 200"), answer.head.constData());
        QCOMPARE(answer.head.toLower().contains("content-length: "), withLength);
        QCOMPARE(answer.head.toLower().contains("transfer-encoding: chunked"), !withLength);
        QCOMPARE(answer.complete, complete);
        if (complete) {
            QVERIFY(answer.body == wholeBody());
            // The framing ended exactly where the body did: the same connection answers the
            // next request, with nothing left over in between.
            socket.write(request("/small"));
            const Answer next = readAnswer(socket);
            QVERIFY2(next.head.startsWith("HTTP/1.1 200"), next.head.constData());
            QCOMPARE(next.body, QByteArray("{\"ok\":true}"));
        } else {
            QVERIFY(answer.closed);
            QVERIFY(wholeBody().startsWith(answer.body));
            QVERIFY(answer.body.size() < bodyBytes);
        }
    }
};

QTEST_GUILESS_MAIN(TestStreamedAnswer)
#include "tst_streamedanswer.moc"
