// The Agent page against the real server and the sandbox's Vapi: the agent is read, changed and
// saved, and the page follows the tool sync until the tools are linked.
#include "sandboxfixture.h"
#include "ui/api/apiclient.h"
#include "ui/pages/agentpage.h"
#include "ui/widgets/toastarea.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestAgentPage : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::SandboxFixture> m_fixture;

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<vox::test::SandboxFixture>(u"ui_agent"_s);
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    }

    void savedAndToolsLinked()
    {
        const auto clinic = m_fixture->console().createClinic(u"Agent Clinic"_s);
        vox::ui::ApiClient api;
        api.setBaseUrl(QUrl(m_fixture->console().url()));
        api.setSession(clinic.session);
        QWidget host;
        vox::ui::ToastArea toasts(&host);
        vox::ui::AgentPage page(api, toasts, &host);
        host.resize(1000, 700);
        host.show();
        page.refresh();
        QTRY_VERIFY(!page.agent().id.isEmpty());
        QCOMPARE(page.nameEdit()->text(), page.agent().name);
        auto *save = page.findChild<QPushButton *>(u"agentSaveButton"_s);
        QVERIFY(!save->isEnabled()); // nothing changed yet

        page.nameEdit()->clear();
        QTest::keyClicks(page.nameEdit(), u"Ava"_s);
        page.firstMessageEdit()->setPlainText(u"Thanks for calling Agent Clinic, this is Ava."_s);
        QVERIFY(save->isEnabled());
        save->click();
        QTRY_COMPARE(page.agent().name, u"Ava"_s);
        QTRY_VERIFY_WITH_TIMEOUT(page.agent().syncStatus == u"synced", 20000);
        QVERIFY(!page.agent().tools.isEmpty());
        QVERIFY(
            page.findChild<QLabel *>(u"agentTools"_s)->text().contains(u"bookClinicAppointment"_s));
        QVERIFY(!save->isEnabled());
    }
};

QTEST_MAIN(TestAgentPage)
#include "tst_agentpage.moc"
