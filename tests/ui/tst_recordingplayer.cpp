// A recording that cannot be fetched says why (not found, expired, refused, offline, not audio)
// and offers Retry; one that can is handed to the player. Played against the provider sandbox's
// recording storage, as the demo's recordings are.
#include "sandbox/sandbox.h"
#include "ui/api/apiclient.h"
#include "ui/models/recordingproblem.h"
#include "ui/shell/shortcutsdialog.h"
#include "ui/widgets/recordingplayer.h"

#include <QApplication>
#include <QLabel>
#include <QMediaPlayer>
#include <QPushButton>
#include <QTcpServer>
#include <QTest>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;
using vox::ui::recordingproblem::Reason;

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
