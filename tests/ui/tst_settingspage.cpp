// The Settings page against the real server: the clinic's name, time zone and opening hours are
// saved through the API (and a day that closes before it opens is said at the hours), and a new
// person gets a temporary password shown once, with Copy.
#include "consolefixture.h"
#include "pagehost.h"
#include "ui/api/apiclient.h"
#include "ui/pages/settingspage.h"
#include "ui/widgets/temporarypassworddialog.h"
#include "ui/widgets/toastarea.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <QTimeEdit>

using namespace Qt::Literals::StringLiterals;

class TestSettingsPage : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::ConsoleFixture> m_fixture;

    struct Console : vox::test::PageHost<vox::ui::SettingsPage>
    {
        Console(const QString &url, const vox::ui::Session &session)
            : PageHost(url, session, {1100, 750}, u"test server"_s)
        {}
    };

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<vox::test::ConsoleFixture>(u"ui_settings"_s);
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    }

    void clinicSettingsAreSaved()
    {
        const auto clinic = m_fixture->createClinic(u"Hours Clinic"_s);
        Console c(m_fixture->url(), clinic.session);
        vox::ui::SettingsPage &page = *c.page;
        QTRY_COMPARE(page.clinicNameEdit()->text(), u"Hours Clinic"_s);
        QVERIFY(page.openCheck(6)->isChecked());  // Saturday 10-14
        QVERIFY(!page.openCheck(7)->isChecked()); // closed on Sunday

        // Closing before opening is refused at the hours, before asking the server.
        page.opensEdit(1)->setTime(QTime(18, 0));
        page.saveClinic();
        QVERIFY(page.findChild<QLabel *>(u"hoursMessage"_s)->isVisible());

        page.opensEdit(1)->setTime(QTime(8, 30));
        page.openCheck(7)->setChecked(true);
        page.opensEdit(7)->setTime(QTime(11, 0));
        page.closesEdit(7)->setTime(QTime(15, 0));
        page.openCheck(6)->setChecked(false);
        page.clinicNameEdit()->setText(u"Hours Clinic Downtown"_s);
        page.timeZoneCombo()->setCurrentText(u"America/Chicago"_s);
        page.saveClinic();
        QTRY_COMPARE(page.settings().name, u"Hours Clinic Downtown"_s);

        auto client = m_fixture->server().client();
        client->setToken(clinic.session.accessToken);
        const QJsonObject saved = client->get(u"/api/org/settings"_s).json();
        QCOMPARE(saved.value(u"time_zone"_s).toString(), u"America/Chicago"_s);
        QStringList week;
        for (const QJsonValue &h : saved.value(u"business_hours"_s).toArray())
            week << u"%1 %2-%3"_s.arg(h[u"weekday"_s].toInt())
                        .arg(h[u"opens_at"_s].toString(), h[u"closes_at"_s].toString());
        QCOMPARE(week, QStringList({u"1 08:30-17:00"_s, u"2 09:00-17:00"_s, u"3 09:00-17:00"_s,
                                    u"4 09:00-17:00"_s, u"5 09:00-17:00"_s, u"7 11:00-15:00"_s}));
    }

    void newPersonGetsATemporaryPasswordShownOnce()
    {
        const auto clinic = m_fixture->createClinic(u"People Clinic"_s);
        Console c(m_fixture->url(), clinic.session);
        vox::ui::SettingsPage &page = *c.page;
        QTRY_COMPARE(page.usersTable()->rowCount(), 1);
        // An owner may add owners; the roles offered say so.
        QCOMPARE(page.inviteRoleCombo()->count(), 3);
        QTest::keyClicks(page.inviteEmailEdit(), u"desk@peopleclinic.test"_s);
        page.inviteRoleCombo()->setCurrentIndex(page.inviteRoleCombo()->findData(u"staff"_s));
        page.invite();
        vox::ui::TemporaryPasswordDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = page.findChild<vox::ui::TemporaryPasswordDialog *>()));
        QVERIFY(dialog->password().size() >= 10);
        // The password works.
        auto client = m_fixture->server().client();
        QCOMPARE(client
                     ->post(u"/api/auth/login"_s, {{u"email"_s, u"desk@peopleclinic.test"_s},
                                                   {u"password"_s, dialog->password()}})
                     .status,
                 200);
        dialog->accept();
        QTRY_COMPARE(page.usersTable()->rowCount(), 2);

        // The same address again: said at the field.
        QTest::keyClicks(page.inviteEmailEdit(), u"desk@peopleclinic.test"_s);
        page.invite();
        QTRY_VERIFY(page.findChild<QLabel *>(u"inviteMessage"_s)->isVisible());
    }
};

QTEST_MAIN(TestSettingsPage)
#include "tst_settingspage.moc"
