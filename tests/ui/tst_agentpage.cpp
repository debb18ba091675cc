// The Agent page against the real server and the sandbox's Vapi: the agent is read, changed and
// saved; the page says the settings are saved and being sent, and follows the push and the tool
// sync until Vapi is in sync, or shows Vapi's refusal with a way to send again.
#include "sandboxfixture.h"
#include "ui/api/apiclient.h"
#include "ui/pages/agentpage.h"
#include "ui/widgets/toastarea.h"

#include <QComboBox>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

// A new clinic's Agent page, shown and reading the agent.
struct Shown
{
    Shown(vox::test::SandboxFixture &fixture, const QString &clinicName)
    {
        api.setBaseUrl(QUrl(fixture.console().url()));
        api.setSession(fixture.console().createClinic(clinicName).session);
        host.resize(1000, 700);
        host.show();
        page.refresh();
    }
    vox::ui::ApiClient api;
    QWidget host;
    vox::ui::ToastArea toasts{&host};
    vox::ui::AgentPage page{api, toasts, &host};
};

class TestAgentPage : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::SandboxFixture> m_fixture;

    // Vapi answers `status` to every create or change of an assistant until cleared.
    void failAssistantWrites(int status)
    {
        for (const QString &method : {u"POST"_s, u"PATCH"_s}) {
            vox::sandbox::Failure f;
            f.provider = u"vapi"_s;
            f.method = method;
            f.pathPrefix = u"/vapi/assistant"_s;
            f.status = status;
            f.remaining = 100000;
            f.body = {{u"message"_s, QJsonArray{u"voice.voiceId is not a known voice"_s}},
                      {u"error"_s, u"Bad Request"_s},
                      {u"statusCode"_s, status}};
            m_fixture->sandbox().state().addFailure(f);
        }
    }

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<vox::test::SandboxFixture>(u"ui_agent"_s);
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    }

    void init() { m_fixture->sandbox().state().clearFailures(); }

    void savedAndToolsLinked()
    {
        Shown opened(*m_fixture, u"Agent Clinic"_s);
        vox::ui::AgentPage &page = opened.page;
        QTRY_VERIFY(!page.agent().id.isEmpty());
        QCOMPARE(page.nameEdit()->text(), page.agent().name);
        auto *save = page.findChild<QPushButton *>(u"agentSaveButton"_s);
        QVERIFY(!save->isEnabled()); // nothing changed yet

        page.nameEdit()->clear();
        QTest::keyClicks(page.nameEdit(), u"Ava"_s);
        page.firstMessageEdit()->setPlainText(u"Thanks for calling Agent Clinic, this is Ava."_s);
        QVERIFY(save->isEnabled());
        // Vapi is slow to create the assistant: the settings are saved all the same, and the
        // page says they are on their way.
        vox::sandbox::Failure slow;
        slow.provider = u"vapi"_s;
        slow.method = u"POST"_s;
        slow.pathPrefix = u"/vapi/assistant"_s;
        slow.status = 0; // served as usual, late
        slow.delayMs = 2000;
        m_fixture->sandbox().state().addFailure(slow);
        save->click();
        QTRY_COMPARE(page.agent().name, u"Ava"_s);
        QCOMPARE(page.agent().syncStatus, u"pending"_s);
        QVERIFY2(page.syncLabel()->text().startsWith(u"Saved · sending to Vapi…"_s),
                 qPrintable(page.syncLabel()->text()));
        auto *sendAgain = page.findChild<QPushButton *>(u"agentSendAgainButton"_s);
        QVERIFY(sendAgain->isHidden());

        QTRY_VERIFY_WITH_TIMEOUT(page.agent().syncStatus == u"synced", 60000);
        QVERIFY2(page.syncLabel()->text().contains(u"In sync with Vapi"_s),
                 qPrintable(page.syncLabel()->text()));
        QVERIFY(!page.agent().tools.isEmpty());
        QVERIFY(
            page.findChild<QLabel *>(u"agentTools"_s)->text().contains(u"bookClinicAppointment"_s));
        QVERIFY(!save->isEnabled());
    }

    void vapiRefusesAndTheSettingsAreSentAgain()
    {
        Shown opened(*m_fixture, u"Refused Clinic"_s);
        vox::ui::AgentPage &page = opened.page;
        QTRY_VERIFY(!page.agent().id.isEmpty());

        failAssistantWrites(400);
        page.promptEdit()->setPlainText(u"You are the front desk of Refused Clinic."_s);
        page.findChild<QPushButton *>(u"agentSaveButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(page.agent().syncStatus == u"send_failed", 20000);
        // Saved here, and Vapi's reason in its own words.
        QCOMPARE(page.agent().systemPrompt, u"You are the front desk of Refused Clinic."_s);
        const QString shown = page.syncLabel()->text();
        QVERIFY2(shown.contains(u"not in sync with Vapi"_s) &&
                     shown.contains(u"Vapi refused the settings"_s) &&
                     shown.contains(u"voice.voiceId is not a known voice"_s),
                 qPrintable(shown));
        auto *sendAgain = page.findChild<QPushButton *>(u"agentSendAgainButton"_s);
        QVERIFY(!sendAgain->isHidden());
        if (const QByteArray dir = qgetenv("VOXANNE_SCREENSHOT_DIR"); !dir.isEmpty())
            opened.host.grab().save(QString::fromLocal8Bit(dir) + u"/agent-refused-by-vapi.png"_s);

        m_fixture->sandbox().state().clearFailures();
        sendAgain->click();
        QTRY_VERIFY_WITH_TIMEOUT(page.agent().syncStatus == u"synced", 20000);
        QVERIFY(sendAgain->isHidden());
        QCOMPARE(page.agent().systemPrompt, u"You are the front desk of Refused Clinic."_s);
    }
};

QTEST_MAIN(TestAgentPage)
#include "tst_agentpage.moc"
