// Listening in from the Live page: Listen opens the call's listen socket on the server with the
// session, plays what the server relays in the format it announced first, and says what happens
// (listening, no audio output, the call ended, refused); the volume reaches the output; choosing
// another call stops listening. The server here is a stand-in WebSocket that speaks the relay's
// protocol; tests/server/tst_listenin drives the real relay. Sound goes to an output that counts
// what it is given, so no sound card is needed.
#include "screenshotlooks.h"
#include "ui/api/apiclient.h"
#include "ui/api/listenstream.h"
#include "ui/api/session.h"
#include "ui/audio/pcmoutput.h"
#include "ui/models/livecallsmodel.h"
#include "ui/pages/livepage.h"
#include "ui/shell/translations.h"
#include "ui/widgets/listenpanel.h"
#include "ui/widgets/toastarea.h"

#include <QHostAddress>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>
#include <QWebSocket>
#include <QWebSocketServer>

using namespace Qt::Literals::StringLiterals;
using vox::ui::ListenStream;
using vox::ui::LiveCall;
using vox::ui::LivePage;

namespace {

// What the console handed to the sound output.
struct Played
{
    QAudioFormat format;
    qint64 bytes = 0;
    double volume = -1;
};

class CountingOutput final : public vox::ui::PcmOutput
{
public:
    CountingOutput(Played &played, QString problem)
        : m_played(played)
        , m_problem(std::move(problem))
    {}
    QString start(const QAudioFormat &format) override
    {
        m_played.format = format;
        return m_problem;
    }
    void write(const QByteArray &pcm) override { m_played.bytes += pcm.size(); }
    void setVolume(double volume) override { m_played.volume = volume; }

private:
    Played &m_played;
    QString m_problem;
};

// A stand-in for the server's relay: takes one listener, tells the format, sends `frames` frames
// of 20 ms of 16 kHz stereo, and closes with `closeCode` when told to.
class FakeRelay : public QObject
{
public:
    QWebSocketServer server{u"relay"_s, QWebSocketServer::NonSecureMode};
    QWebSocket *listener = nullptr;
    QByteArray authorization;
    QString path;

    FakeRelay()
    {
        server.listen(QHostAddress::LocalHost, 0);
        connect(&server, &QWebSocketServer::newConnection, this, [this] {
            listener = server.nextPendingConnection();
            authorization = listener->request().rawHeader("Authorization");
            path = listener->requestUrl().path();
        });
    }
    QUrl url() const { return QUrl(u"http://127.0.0.1:%1"_s.arg(server.serverPort())); }
    void send(int frames)
    {
        listener->sendTextMessage(
            uR"({"type":"format","encoding":"pcm_s16le","sample_rate":16000,"channels":2})"_s);
        for (int i = 0; i < frames; ++i)
            listener->sendBinaryMessage(QByteArray(1280, char(i % 50)));
    }
};

LiveCall sampleCall(const QString &id = u"call-1"_s)
{
    LiveCall call;
    call.id = id;
    call.status = u"in-progress"_s;
    call.callerName = u"Maria Lopez"_s;
    call.phoneNumber = u"+12125550142"_s;
    call.startedAt = QDateTime::currentDateTimeUtc().addSecs(-95);
    call.canControl = true;
    call.lines = {{u"assistant"_s, u"Thank you for calling, how can I help?"_s},
                  {u"user"_s, u"Hi, I'd like to book a facial."_s}};
    return call;
}

} // namespace

class TestListenPanel : public QObject
{
    Q_OBJECT

    struct Host
    {
        vox::ui::ApiClient api;
        QWidget window;
        vox::ui::ToastArea toasts{&window};
        vox::ui::LiveCallsModel calls{api};
        LivePage *page = nullptr;
        Played played;

        Host(const QUrl &server, const QString &problem = {})
        {
            api.setBaseUrl(server);
            vox::ui::Session session;
            session.accessToken = u"token-of-staff"_s;
            session.refreshToken = u"refresh"_s;
            session.accessExpiresAt = QDateTime::currentDateTimeUtc().addSecs(3600);
            session.role = u"staff"_s;
            api.setSession(session);
            page = new LivePage(api, toasts, calls, &window);
            page->listenPanel()->stream().setOutputFactory(
                [this, problem] { return std::make_unique<CountingOutput>(played, problem); });
            window.resize(1024, 700);
            page->resize(1024, 700);
            window.show();
            // Two different callers, as a clinic's list shows them.
            LiveCall second = sampleCall(u"call-2"_s);
            second.callerName = u"David Kim"_s;
            second.phoneNumber = u"+13055550199"_s;
            second.startedAt = QDateTime::currentDateTimeUtc().addSecs(-20);
            page->showCalls({sampleCall(), second});
        }
        vox::ui::ListenPanel &panel() { return *page->listenPanel(); }
    };

private slots:
    void initTestCase() { QVERIFY(vox::ui::installTranslations(u"en"_s)); }

    void listenPlaysWhatTheServerRelays()
    {
        FakeRelay relay;
        Host h(relay.url());
        QVERIFY(h.panel().listenButton()->isEnabled());
        h.panel().listenButton()->click();
        QTRY_VERIFY(relay.listener != nullptr);
        QCOMPARE(relay.path, u"/api/calls/call-1/listen"_s);
        QCOMPARE(relay.authorization, QByteArray("Bearer token-of-staff"));
        relay.send(25); // half a second
        QTRY_COMPARE(h.panel().stream().bytesReceived(), qint64(25 * 1280));
        QCOMPARE(h.played.bytes, qint64(25 * 1280));
        QCOMPARE(h.panel().stream().bytesPlayed(), qint64(25 * 1280));
        QCOMPARE(h.played.format.sampleRate(), 16000);
        QCOMPARE(h.played.format.channelCount(), 2);
        QCOMPARE(h.played.format.sampleFormat(), QAudioFormat::Int16);
        QVERIFY(h.panel().listenButton()->isChecked());
        QCOMPARE(h.panel().statusLabel()->text(), u"Listening (16 kHz, 2 channels)"_s);

        // The volume slider reaches the output.
        h.panel().volumeSlider()->setValue(0);
        QCOMPARE(h.played.volume, 0.0);
        h.panel().volumeSlider()->setValue(100);
        QCOMPARE(h.played.volume, 1.0);

        // The call ends: the server closes, the panel says so.
        relay.listener->close(QWebSocketProtocol::CloseCodeNormal, u"The call has ended."_s);
        QTRY_COMPARE(h.panel().stream().state(), ListenStream::State::Ended);
        QCOMPARE(h.panel().statusLabel()->text(), u"The call has ended."_s);
        QVERIFY(!h.panel().listenButton()->isChecked());
    }

    void withoutAnAudioOutputItSaysSo()
    {
        FakeRelay relay;
        Host h(relay.url(), u"No audio output was found on this computer."_s);
        h.panel().listenButton()->click();
        QTRY_VERIFY(relay.listener != nullptr);
        relay.send(5);
        QTRY_COMPARE(h.panel().stream().bytesReceived(), qint64(5 * 1280));
        QCOMPARE(h.panel().stream().bytesPlayed(), qint64(0));
        QCOMPARE(h.played.bytes, qint64(0));
        QCOMPARE(h.panel().statusLabel()->text(), u"No audio output was found on this computer."_s);
    }

    void refusalsAreSaidInWords_data()
    {
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("another clinic's call")
            << 4404 << u"This call is not one of your clinic's calls in progress."_s;
        QTest::newRow("ended") << 4409 << u"The call has ended; there is nothing to listen to."_s;
        QTest::newRow("signed out") << 4001 << u"Sign in again to listen."_s;
        QTest::newRow("lost") << 4502 << u"Listening stopped: Vapi went away."_s;
    }

    void refusalsAreSaidInWords()
    {
        QFETCH(int, code);
        QFETCH(QString, message);
        QCOMPARE(ListenStream::closeMessage(code, u"Vapi went away."_s), message);
    }

    void choosingAnotherCallStopsListening()
    {
        FakeRelay relay;
        Host h(relay.url());
        h.panel().listenButton()->click();
        QTRY_VERIFY(relay.listener != nullptr);
        QSignalSpy gone(relay.listener, &QWebSocket::disconnected);
        h.page->callList()->setCurrentRow(1);
        QCOMPARE(h.panel().stream().state(), ListenStream::State::Idle);
        QVERIFY(!h.panel().listenButton()->isChecked());
        QTRY_COMPARE(gone.size(), 1);
    }

    void theSoundCardOutputPlaysOrSaysWhyNot()
    {
        vox::ui::AudioSinkOutput output;
        QAudioFormat format;
        format.setSampleRate(16000);
        format.setChannelCount(2);
        format.setSampleFormat(QAudioFormat::Int16);
        const QString problem = output.start(format);
        // Test machines often have no sound card: then the reason is given in words.
        if (!problem.isEmpty())
            QVERIFY(problem.contains(u"audio output"_s));
        output.write(QByteArray(1280, '\0'));
    }

    void listenIsNamedAndTakesFocus()
    {
        FakeRelay relay;
        Host h(relay.url());
        QVERIFY(!h.panel().listenButton()->accessibleName().isEmpty());
        QVERIFY(!h.panel().volumeSlider()->accessibleName().isEmpty());
        QVERIFY(h.panel().listenButton()->focusPolicy() & Qt::TabFocus);
        QVERIFY(h.panel().volumeSlider()->focusPolicy() & Qt::TabFocus);
    }

    void screenshots_data() { vox::test::addScreenshotLookRows(); }

    void screenshots()
    {
        QFETCH(bool, dark);
        QFETCH(QString, language);
        QVERIFY(vox::test::applyScreenshotLook(dark, language));
        FakeRelay relay;
        Host h(relay.url());
        h.panel().listenButton()->click();
        QTRY_VERIFY(relay.listener != nullptr);
        relay.send(5);
        QTRY_COMPARE(h.panel().stream().state(), ListenStream::State::Listening);
        QTest::qWait(50);
        const QImage image = h.window.grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(vox::test::saveScreenshot(image, u"live-listening"_s, dark, language, u"-1024"_s));
        if (language == u"es")
            QVERIFY2(h.panel().listenButton()->text() != u"Stop &listening"_s,
                     "the Spanish translation is used");
        QVERIFY(vox::ui::installTranslations(u"en"_s));
    }
};

QTEST_MAIN(TestListenPanel)
#include "tst_listenpanel.moc"
