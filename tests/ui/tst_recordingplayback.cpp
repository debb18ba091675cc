// The console plays a call's recording through the server, with the session: the call's detail
// carries no provider address, the player asks the server, which logs the listening and fetches
// the recording from the provider (the sandbox's recording storage here). A recording the
// provider does not have says so, and Retry plays it once it is there.
#include "consolefixture.h"
#include "sandboxfixture.h"
#include "ui/api/apiclient.h"
#include "ui/api/recordingroute.h"
#include "ui/models/recordingproblem.h"
#include "ui/pages/callspage.h"
#include "ui/widgets/calldetailpanel.h"
#include "ui/widgets/recordingplayer.h"
#include "ui/widgets/toastarea.h"

#include <QMediaPlayer>
#include <QPushButton>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::ui::recordingproblem::Reason;

class TestRecordingPlayback : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::SandboxFixture> m_fixture;
    vox::test::Clinic m_clinic;

    struct Console
    {
        vox::ui::ApiClient api;
        QWidget window;
        vox::ui::ToastArea toasts{&window};
        vox::ui::CallsPage *page = nullptr;

        Console(const QString &url, const vox::ui::Session &session)
        {
            api.setBaseUrl(QUrl(url));
            api.setSession(session);
            page = new vox::ui::CallsPage(api, toasts, &window);
            window.resize(1280, 800);
            page->resize(1280, 800);
            window.show();
        }
    };

    QString insertCall(const QString &file)
    {
        vox::test::CallSeed seed;
        seed.phone = u"+15557654321"_s;
        seed.minutesAgo = 5;
        seed.recordingUrl = m_fixture->sandbox().url() + u"/vapi/recordings/"_s + file;
        seed.recordingStatus = u"completed"_s;
        seed.transcript = u"AI: Thank you for calling. User: How much is Botox?"_s;
        return m_fixture->console().insertCall(m_clinic, seed);
    }
    void addRecording(const QString &callId)
    {
        m_fixture->sandbox().recordings().addScript(
            callId, {{u"assistant"_s, u"Thank you for calling."_s, 0.5},
                     {u"user"_s, u"How much is Botox?"_s, 2}});
    }
    int playedRows(const QString &callId)
    {
        auto admin = m_fixture->console().database().connectAsAdmin();
        auto row = admin->exec("SELECT count(*) FROM phi_access_log WHERE action = "
                               "'recording.played' AND entity_id = $1::uuid",
                               {callId});
        return row ? int(row->toInt(0, 0)) : -1;
    }
    int providerRequestsFor(const QString &file)
    {
        int count = 0;
        for (const auto &request : m_fixture->sandbox().state().recorded(u"vapi"_s))
            count += request.path.endsWith(file) ? 1 : 0;
        return count;
    }
    static bool detailShown(Console &console, const QString &callId)
    {
        return console.page->detail()->call().id == callId &&
               console.page->detail()->call().detailLoaded;
    }

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<vox::test::SandboxFixture>(u"ui_recordingplayback"_s, true);
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
        m_clinic = m_fixture->console().createClinic();
        QVERIFY2(!m_clinic.orgId.isEmpty(), qPrintable(m_fixture->console().lastError()));
    }

    void playsThroughTheServerWithTheSession()
    {
        addRecording(u"played"_s);
        const QString callId = insertCall(u"played-mono.wav"_s);
        QVERIFY(!callId.isEmpty());
        Console console(m_fixture->console().url(), m_clinic.session);
        console.page->selectCall(callId);
        QTRY_VERIFY_WITH_TIMEOUT(detailShown(console, callId), 10000);
        vox::ui::RecordingPlayer *player = console.page->detail()->player();
        QVERIFY(player->isVisible());
        // The server's route, not the provider's address (which the detail no longer carries).
        QCOMPARE(player->recording(), vox::ui::recordingroute::forCall(callId));
        QCOMPARE(providerRequestsFor(u"played-mono.wav"_s), 0);

        player->playFrom(2000);
        auto *media = player->findChild<QMediaPlayer *>();
        QVERIFY(media);
        QTRY_VERIFY_WITH_TIMEOUT(media->duration() > 3000, 10000);
        QCOMPARE(player->problem(), QString());
        QTRY_VERIFY_WITH_TIMEOUT(player->position() >= 2000, 10000);
        QVERIFY(media->source().toString().contains(u"/api/calls-dashboard/"_s));
        // The server fetched it from the provider, and logged one listening.
        QVERIFY(providerRequestsFor(u"played-mono.wav"_s) >= 1);
        QCOMPARE(playedRows(callId), 1);
    }

    void aRecordingTheProviderLacksSaysSoAndRetryPlaysIt()
    {
        const QString callId = insertCall(u"late-mono.wav"_s);
        Console console(m_fixture->console().url(), m_clinic.session);
        console.page->selectCall(callId);
        QTRY_VERIFY_WITH_TIMEOUT(detailShown(console, callId), 10000);
        vox::ui::RecordingPlayer *player = console.page->detail()->player();
        player->togglePlay();
        QTRY_COMPARE_WITH_TIMEOUT(player->problem(),
                                  vox::ui::recordingproblem::explain(Reason::NotFound, 404), 10000);
        auto *retry = player->findChild<QPushButton *>(u"retryRecordingButton"_s);
        QVERIFY(retry && retry->isVisible());

        addRecording(u"late"_s);
        QTest::mouseClick(retry, Qt::LeftButton);
        auto *media = player->findChild<QMediaPlayer *>();
        QTRY_VERIFY_WITH_TIMEOUT(media->duration() > 3000, 10000);
        QCOMPARE(player->problem(), QString());
    }

    void aRecordingRemovedByRetentionSaysItWasDeleted()
    {
        addRecording(u"removed"_s);
        const QString callId = insertCall(u"removed-mono.wav"_s);
        auto admin = m_fixture->console().database().connectAsAdmin();
        QVERIFY(admin->exec("UPDATE call_logs SET recording_url = NULL, recording_removed_at = "
                            "now() WHERE id = $1::uuid",
                            {callId}));
        vox::ui::ApiClient api;
        api.setBaseUrl(QUrl(m_fixture->console().url()));
        api.setSession(m_clinic.session);
        vox::ui::RecordingPlayer player(api);
        player.show();
        player.setRecording(vox::ui::recordingroute::forCall(callId));
        player.togglePlay();
        QTRY_COMPARE_WITH_TIMEOUT(player.problem(),
                                  vox::ui::recordingproblem::explain(Reason::NotFound, 404), 10000);
    }
};

QTEST_MAIN(TestRecordingPlayback)
#include "tst_recordingplayback.moc"
