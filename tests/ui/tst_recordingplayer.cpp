// A recording that cannot be fetched says why (not found, expired, refused, offline, not audio)
// and offers Retry; one that can is handed to the player. Played against the provider sandbox's
// recording storage, as the demo's recordings are.
#include "sandbox/sandbox.h"
#include "ui/api/apiclient.h"
#include "ui/api/recordingrelay.h"
#include "ui/api/recordingroute.h"
#include "ui/models/recordingproblem.h"
#include "ui/shell/shortcutsdialog.h"
#include "ui/widgets/recordingplayer.h"

#include <QApplication>
#include <QLabel>
#include <QMediaPlayer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtEndian>
#include <QTest>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;
using vox::ui::recordingproblem::Reason;

namespace {

// A WAV file of `seconds` of a quiet tone, 8 kHz, 16-bit mono (16,000 bytes a second).
QByteArray toneWav(int seconds)
{
    constexpr quint32 rate = 8000;
    const quint32 dataBytes = rate * 2 * quint32(seconds);
    QByteArray wav;
    const auto u32 = [&wav](quint32 v) {
        const quint32 le = qToLittleEndian(v);
        wav.append(reinterpret_cast<const char *>(&le), 4);
    };
    const auto u16 = [&wav](quint16 v) {
        const quint16 le = qToLittleEndian(v);
        wav.append(reinterpret_cast<const char *>(&le), 2);
    };
    wav += "RIFF";
    u32(36 + dataBytes);
    wav += "WAVEfmt ";
    u32(16);
    u16(1); // PCM
    u16(1); // mono
    u32(rate);
    u32(rate * 2);
    u16(2);
    u16(16);
    wav += "data";
    u32(dataBytes);
    for (quint32 i = 0; i < dataBytes / 2; ++i)
        u16(quint16(qint16((i % 20) < 10 ? 800 : -800)));
    return wav;
}

// Our server as the relay meets it, serving one recording with ranges: the first answer from the
// start sends only `sentFirst` bytes and holds the rest until release(), as a slow provider
// would; an answer from further on is sent whole. It keeps what it was asked.
class HeldRecordingServer final : public QTcpServer
{
public:
    struct Asked
    {
        QByteArray path;
        QByteArray authorization;
        QByteArray range;
    };

    HeldRecordingServer(QByteArray file, qint64 sentFirst)
        : m_file(std::move(file))
        , m_sentFirst(sentFirst)
    {
        listen(QHostAddress::LocalHost, 0);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { answer(socket); });
        });
    }

    QString url() const { return u"http://127.0.0.1:%1"_s.arg(serverPort()); }
    const QList<Asked> &asked() const { return m_asked; }
    qint64 bytesSent() const { return m_bytesSent; }
    void release()
    {
        if (m_held && m_heldFrom < m_file.size()) {
            m_bytesSent += m_file.size() - m_heldFrom;
            m_held->write(m_file.mid(m_heldFrom));
            m_held->disconnectFromHost();
        }
        m_held = nullptr;
    }

private:
    void answer(QTcpSocket *socket)
    {
        QByteArray &request = m_requests[socket];
        request += socket->readAll();
        const qsizetype end = request.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        Asked asked;
        const QList<QByteArray> lines = request.left(end).split('\n');
        asked.path = lines.first().split(' ').value(1);
        for (const QByteArray &line : lines) {
            const qsizetype colon = line.indexOf(':');
            const QByteArray name = line.left(colon).trimmed().toLower();
            if (name == "authorization")
                asked.authorization = line.mid(colon + 1).trimmed();
            else if (name == "range")
                asked.range = line.mid(colon + 1).trimmed();
        }
        m_asked.append(asked);
        qint64 from = 0;
        if (asked.range.startsWith("bytes="))
            from = asked.range.mid(6, asked.range.indexOf('-') - 6).toLongLong();
        const qint64 size = m_file.size();
        socket->write("HTTP/1.1 206 Partial Content\r\nContent-Type: audio/wav\r\n"
                      "Accept-Ranges: bytes\r\nContent-Range: bytes " +
                      QByteArray::number(from) + '-' + QByteArray::number(size - 1) + '/' +
                      QByteArray::number(size) + "\r\nContent-Length: " +
                      QByteArray::number(size - from) + "\r\nConnection: close\r\n\r\n");
        if (from == 0 && !m_held) {
            m_held = socket;
            m_heldFrom = m_sentFirst;
            m_bytesSent += m_sentFirst;
            socket->write(m_file.left(m_sentFirst));
            return;
        }
        m_bytesSent += size - from;
        socket->write(m_file.mid(from));
        socket->disconnectFromHost();
    }

    QByteArray m_file;
    qint64 m_sentFirst;
    QHash<QTcpSocket *, QByteArray> m_requests;
    QList<Asked> m_asked;
    QPointer<QTcpSocket> m_held;
    qint64 m_heldFrom = 0;
    qint64 m_bytesSent = 0;
};

vox::ui::Session sessionFor(const QString &token)
{
    vox::ui::Session session;
    session.accessToken = token;
    session.accessExpiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
    return session;
}

} // namespace

class TestRecordingPlayer : public QObject
{
    Q_OBJECT

    vox::sandbox::Sandbox m_sandbox;
    QString m_closedUrl; // a port nobody listens on

    QString recordingUrl(const QString &callId) const
    {
        return m_sandbox.url() + u"/vapi/recordings/"_s + callId + u"-mono.wav"_s;
    }
    void addRecording(const QString &callId)
    {
        m_sandbox.recordings().addScript(callId,
                                         {{u"assistant"_s, u"Thank you for calling."_s, 0.5},
                                          {u"user"_s, u"How much is Botox?"_s, 2}});
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_sandbox.listen(u"127.0.0.1"_s, 0).ok());
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        m_closedUrl = u"http://127.0.0.1:%1/call.wav"_s.arg(probe.serverPort());
        probe.close();
    }

    void whatAnAnswerMeans_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("contentType");
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<Reason>("reason");
        const QByteArray wav = "RIFF\x24\0\0\0WAVEfmt "_ba;
        QTest::newRow("a WAV file") << 200 << "audio/wav"_ba << wav << Reason::None;
        QTest::newRow("a range of one") << 206 << "audio/wav"_ba << wav << Reason::None;
        QTest::newRow("audio whatever the type says") << 200 << "application/octet-stream"_ba
                                                      << "ID3\x04"_ba << Reason::None;
        QTest::newRow("an MP3 frame")
            << 200 << QByteArray() << "\xff\xfb\x90\x44"_ba << Reason::None;
        QTest::newRow("an audio type with an unknown start") << 200 << "audio/x-custom"_ba
                                                             << "????"_ba << Reason::None;
        QTest::newRow("a web page") << 200 << "text/html"_ba
                                    << "<!doctype html>"_ba << Reason::Unsupported;
        QTest::newRow("JSON") << 200 << "application/json"_ba
                              << "{\"ok\":1}"_ba << Reason::Unsupported;
        QTest::newRow("not found")
            << 404 << "application/json"_ba << QByteArray() << Reason::NotFound;
        QTest::newRow("gone: the link expired")
            << 410 << QByteArray() << QByteArray() << Reason::Expired;
        QTest::newRow("forbidden") << 403 << QByteArray() << QByteArray() << Reason::Refused;
        QTest::newRow("unauthorized") << 401 << QByteArray() << QByteArray() << Reason::Refused;
        QTest::newRow("no answer") << 0 << QByteArray() << QByteArray() << Reason::Offline;
        QTest::newRow("the storage's trouble")
            << 503 << QByteArray() << QByteArray() << Reason::StorageFailed;
    }
    void whatAnAnswerMeans()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, contentType);
        QFETCH(QByteArray, head);
        QFETCH(Reason, reason);
        QCOMPARE(vox::ui::recordingproblem::fromAnswer(status, status == 0, contentType, head),
                 reason);
    }

    void saysWhyItCannotPlay_data()
    {
        QTest::addColumn<bool>("ours"); // on our own server (fetched with the session)
        QTest::addColumn<QString>("what");
        QTest::addColumn<Reason>("reason");
        QTest::addColumn<int>("status");
        for (const bool ours : {false, true}) {
            const char *where = ours ? "our server" : "a provider";
            QTest::addRow("%s: not found", where)
                << ours << u"missing"_s << Reason::NotFound << 404;
            QTest::addRow("%s: expired", where) << ours << u"410"_s << Reason::Expired << 410;
            QTest::addRow("%s: refused", where) << ours << u"403"_s << Reason::Refused << 403;
            QTest::addRow("%s: not audio", where)
                << ours << u"json"_s << Reason::Unsupported << 200;
            QTest::addRow("%s: storage trouble", where)
                << ours << u"503"_s << Reason::StorageFailed << 503;
        }
        QTest::newRow("offline") << false << u"offline"_s << Reason::Offline << 0;
    }
    void saysWhyItCannotPlay()
    {
        QFETCH(bool, ours);
        QFETCH(QString, what);
        QFETCH(Reason, reason);
        QFETCH(int, status);
        m_sandbox.state().clearFailures();
        QString url = recordingUrl(u"rec-"_s + what);
        if (what == u"offline") {
            url = m_closedUrl;
        } else if (what == u"json") {
            url = m_sandbox.url() + u"/health"_s;
        } else if (what != u"missing") {
            addRecording(u"rec-"_s + what);
            vox::sandbox::Failure failure;
            failure.provider = u"vapi"_s;
            failure.pathPrefix = u"/vapi/recordings/"_s;
            failure.status = what.toInt();
            failure.remaining = 1;
            m_sandbox.state().addFailure(failure);
        }
        vox::ui::ApiClient api;
        api.setBaseUrl(QUrl(ours ? m_sandbox.url() : u"http://127.0.0.1:9"_s));
        vox::ui::RecordingPlayer player(api);
        player.show();
        player.setRecording(QUrl(url));
        auto *play = player.findChild<QToolButton *>(u"playButton"_s);
        auto *retry = player.findChild<QPushButton *>(u"retryRecordingButton"_s);
        QTest::mouseClick(play, Qt::LeftButton);
        QTRY_VERIFY(!player.problem().isEmpty());
        QCOMPARE(player.problem(), vox::ui::recordingproblem::explain(reason, status));
        QVERIFY(!player.problem().contains(u"on this computer"_s));
        QVERIFY(retry->isVisible());
        QVERIFY(!retry->accessibleName().isEmpty());
        auto *media = player.findChild<QMediaPlayer *>();
        QVERIFY(media);
        QVERIFY(media->source().isEmpty());
    }

    // The recording became available (the storage is back, the provider finished processing):
    // Retry fetches it again and hands it to the player.
    void retryFetchesItAgain()
    {
        m_sandbox.state().clearFailures();
        vox::ui::ApiClient api;
        api.setBaseUrl(QUrl(u"http://127.0.0.1:9"_s));
        vox::ui::RecordingPlayer player(api);
        player.show();
        const QString url = recordingUrl(u"late"_s);
        player.setRecording(QUrl(url));
        QTest::mouseClick(player.findChild<QToolButton *>(u"playButton"_s), Qt::LeftButton);
        QTRY_COMPARE(player.problem(), vox::ui::recordingproblem::explain(Reason::NotFound, 404));

        addRecording(u"late"_s);
        QTest::mouseClick(player.findChild<QPushButton *>(u"retryRecordingButton"_s),
                          Qt::LeftButton);
        auto *media = player.findChild<QMediaPlayer *>();
        QTRY_COMPARE(media->source(), QUrl(url));
        QCOMPARE(player.problem(), QString());
        QCOMPARE(player.recording(), QUrl(url));
    }

    // The sandbox's recording streams into the media player, which learns its length (from the
    // WAV header), and a click on a transcript line plays from there.
    void aSandboxRecordingLoadsAndSeeks()
    {
        m_sandbox.state().clearFailures();
        addRecording(u"plays"_s);
        vox::ui::ApiClient api;
        api.setBaseUrl(QUrl(u"http://127.0.0.1:9"_s));
        vox::ui::RecordingPlayer player(api);
        player.show();
        player.setRecording(QUrl(recordingUrl(u"plays"_s)));
        player.playFrom(2000);
        auto *media = player.findChild<QMediaPlayer *>();
        QTRY_VERIFY_WITH_TIMEOUT(media->duration() > 3000, 10000);
        QCOMPARE(player.problem(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(player.position() >= 2000, 10000);
        auto *forward = player.findChild<QToolButton *>(u"forwardButton"_s);
        QVERIFY(forward->isEnabled());
        // The player streamed it in ranges, which the sandbox answers.
        bool ranged = false;
        for (const auto &request : m_sandbox.state().recorded(u"vapi"_s))
            ranged = ranged || (request.path.endsWith(u"plays-mono.wav"_s) &&
                                request.headers.contains("range"));
        QVERIFY(ranged);
    }

    // A recording on our server plays as soon as its first part is in: the rest is still with the
    // server (a slow provider), yet the player is playing, knows the whole length from the file's
    // header, and the console holds a few windows of it, never the file. A seek further on asks
    // for a range from there, and every request carries the session.
    void ourRecordingPlaysBeforeItHasArrivedAndIsNeverHeldWhole()
    {
        const QByteArray wav = toneWav(120); // 1.92 MB
        const qint64 sentFirst = 600 * 1000;
        HeldRecordingServer server(wav, sentFirst);
        QVERIFY(server.isListening());
        vox::ui::ApiClient api;
        api.setBaseUrl(QUrl(server.url()));
        api.setSession(sessionFor(u"streaming-token"_s));
        vox::ui::RecordingPlayer player(api);
        player.show();
        player.setRecording(vox::ui::recordingroute::forCall(u"streamed"_s));
        player.togglePlay();
        auto *media = player.findChild<QMediaPlayer *>();
        QVERIFY(media);
        QTRY_VERIFY_WITH_TIMEOUT(player.isPlaying() && player.position() > 300, 15000);
        QCOMPARE(player.problem(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(media->duration() > 110000, 10000);
        // Playing, with most of the file never sent.
        QCOMPARE(server.bytesSent(), sentFirst);
        QVERIFY(server.bytesSent() < wav.size());
        auto *relay = player.findChild<vox::ui::RecordingRelay *>();
        QVERIFY(relay);
        QVERIFY2(relay->peakHeldBytes() <= 3 * vox::ui::RecordingRelay::windowBytes,
                 qPrintable(QString::number(relay->peakHeldBytes())));
        QVERIFY(relay->peakHeldBytes() < wav.size() / 4);
        // The one request from the start was the one that answered whether it is audio, handed
        // to the player: our server logs one listening.
        QCOMPARE(server.asked().size(), 1);
        QVERIFY(server.asked().first().range.isEmpty() ||
                server.asked().first().range == "bytes=0-");
        QVERIFY(media->source().toString().contains(u"/api/calls-dashboard/streamed/recording"_s));

        // Past what has arrived: a range from there, which the server sends.
        player.playFrom(100000);
        const auto seekedByRange = [&server] {
            for (const auto &asked : server.asked()) {
                if (asked.range.startsWith("bytes=") && !asked.range.startsWith("bytes=0-"))
                    return true;
            }
            return false;
        };
        const auto ranges = [&server] {
            QStringList all;
            for (const auto &asked : server.asked())
                all << QString::fromLatin1(asked.range);
            return all.join(u" | "_s);
        };
        QTRY_VERIFY2_WITH_TIMEOUT(seekedByRange(), qPrintable(ranges()), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(player.position() > 100300, 15000);
        for (const auto &asked : server.asked()) {
            QCOMPARE(asked.path, QByteArray("/api/calls-dashboard/streamed/recording"));
            QCOMPARE(asked.authorization, QByteArray("Bearer streaming-token"));
        }
        QVERIFY(relay->peakHeldBytes() <= 3 * vox::ui::RecordingRelay::windowBytes);
        server.release();
    }

    // The relay's address is the recording's own: another path, or the address after the player
    // moved on, is refused, so no other program borrows the session through it.
    void theRelayServesOnlyTheOpenRecording()
    {
        HeldRecordingServer server(toneWav(2), 32044);
        vox::ui::ApiClient api;
        api.setBaseUrl(QUrl(server.url()));
        api.setSession(sessionFor(u"relay-token"_s));
        vox::ui::RecordingRelay relay(api);
        bool answered = false;
        relay.open(vox::ui::recordingroute::forCall(u"one"_s),
                   [&](const vox::ui::RecordingRelay::FirstAnswer &answer) {
                       answered = true;
                       QCOMPARE(answer.status, 206);
                       QVERIFY(answer.head.startsWith("RIFF"));
                   });
        QTRY_VERIFY(answered);
        const QUrl url = relay.url();
        QCOMPARE(url.host(), u"127.0.0.1"_s);
        QVERIFY(url.path().endsWith(u"/api/calls-dashboard/one/recording"_s));
        const auto status = [](const QUrl &address) {
            QNetworkAccessManager network;
            QNetworkReply *reply = network.get(QNetworkRequest(address));
            QEventLoop loop;
            QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
            const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            delete reply;
            return code;
        };
        QUrl guessed = url;
        guessed.setPath(u"/api/calls-dashboard/one/recording"_s);
        QCOMPARE(status(guessed), 404);
        QCOMPARE(status(url), 200);
        relay.close();
        QCOMPARE(status(url), 404);
    }

    void theSkipButtonsAreNamedAndKeyed()
    {
        vox::ui::ApiClient api;
        vox::ui::RecordingPlayer player(api);
        for (const QString &name : {u"backButton"_s, u"forwardButton"_s}) {
            auto *button = player.findChild<QToolButton *>(name);
            QVERIFY(button);
            QVERIFY(!button->accessibleName().isEmpty());
            QVERIFY(!button->shortcut().isEmpty());
            QVERIFY(
                button->toolTip().contains(button->shortcut().toString(QKeySequence::NativeText)));
            // Listed in Help -> Keyboard shortcuts, once: no other key of the console is the same.
            int listed = 0;
            for (const auto &shortcut : vox::ui::ShortcutsDialog::shortcuts())
                listed += shortcut.keys == button->shortcut() ? 1 : 0;
            QCOMPARE(listed, 1);
        }
    }
};

QTEST_MAIN(TestRecordingPlayer)
#include "tst_recordingplayer.moc"
