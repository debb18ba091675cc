// A lead's patient-data actions against the real server: admins put a patient on legal hold (which
// keeps them from being erased), save everything held about them as a readable report and a JSON
// file, and erase them after a confirmation; staff are not offered any of it.
#include "consolefixture.h"
#include "ui/api/apiclient.h"
#include "ui/widgets/patientdataactions.h"
#include "ui/widgets/toastarea.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestPatientDataActions : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::ConsoleFixture> m_fixture;

    struct Console
    {
        vox::ui::ApiClient api;
        QWidget host;
        vox::ui::ToastArea toasts{&host};
        vox::ui::PatientDataActions *actions = nullptr;

        Console(const QString &url, const vox::ui::Session &session)
        {
            api.setBaseUrl(QUrl(url));
            api.setSession(session);
            actions = new vox::ui::PatientDataActions(api, toasts, &host);
            host.resize(700, 200);
            host.show();
        }
        QPushButton *button(const QString &name) const
        {
            return actions->findChild<QPushButton *>(name);
        }
    };

    std::unique_ptr<vox::test::HttpClient> ownerClient(const vox::test::Clinic &clinic)
    {
        auto client = m_fixture->server().client();
        client->setToken(clinic.session.accessToken);
        return client;
    }

    static void answer(QWidget *parent, QMessageBox::ButtonRole role)
    {
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = parent->findChild<QMessageBox *>(u"erasePatientConfirmation"_s)));
        for (QAbstractButton *b : box->buttons())
            if (box->buttonRole(b) == role) {
                b->click();
                break;
            }
        QTRY_VERIFY(!parent->findChild<QMessageBox *>(u"erasePatientConfirmation"_s));
    }

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<vox::test::ConsoleFixture>(u"ui_patientdata"_s);
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    }

    void aLegalHoldIsSavedAndKeepsThePatientFromErasure()
    {
        const auto clinic = m_fixture->createClinic(u"Hold Clinic"_s);
        const QString contact =
            m_fixture->insertContact(clinic, u"Jane Roe"_s, u"+15550107001"_s, 40);
        Console c(m_fixture->url(), clinic.session);
        c.actions->showContact(contact, u"Jane Roe"_s, false);
        QVERIFY(c.actions->isVisible());
        QVERIFY(c.button(u"erasePatientButton"_s)->isEnabled());

        QSignalSpy changed(c.actions, &vox::ui::PatientDataActions::legalHoldChanged);
        c.actions->legalHoldCheck()->click();
        QTRY_COMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(1).toBool(), true);
        auto client = ownerClient(clinic);
        QCOMPARE(client->get(u"/api/contacts/"_s + contact).json().value(u"legal_hold"_s).toBool(),
                 true);
        QVERIFY(!c.button(u"erasePatientButton"_s)->isEnabled());

        c.actions->legalHoldCheck()->click();
        QTRY_COMPARE(changed.size(), 2);
        QCOMPARE(client->get(u"/api/contacts/"_s + contact).json().value(u"legal_hold"_s).toBool(),
                 false);
        QVERIFY(c.button(u"erasePatientButton"_s)->isEnabled());
    }

    void theExportSavesAReportAndTheData()
    {
        const auto clinic = m_fixture->createClinic(u"Export Clinic"_s);
        const QString contact =
            m_fixture->insertContact(clinic, u"Maria Lopez"_s, u"+15550107002"_s, 55);
        QTemporaryDir folder;
        QVERIFY(folder.isValid());
        Console c(m_fixture->url(), clinic.session);
        c.actions->showContact(contact, u"Maria Lopez"_s, false);
        c.actions->setExportFolder(folder.path());
        c.actions->exportData();
        QStringList written;
        QTRY_COMPARE((written = QDir(folder.path()).entryList(QDir::Files, QDir::Name)).size(), 2);
        QVERIFY2(written.at(0).endsWith(u".json"_s) && written.at(1).endsWith(u".txt"_s),
                 qPrintable(written.join(u", "_s)));
        QFile report(QDir(folder.path()).filePath(written.at(1)));
        QVERIFY(report.open(QIODevice::ReadOnly));
        QVERIFY(QString::fromUtf8(report.readAll()).contains(u"Maria Lopez"_s));
        QFile data(QDir(folder.path()).filePath(written.at(0)));
        QVERIFY(data.open(QIODevice::ReadOnly));
        QVERIFY(data.readAll().contains("+15550107002"));
    }

    void erasingAsksFirstAndKeepingChangesNothing()
    {
        const auto clinic = m_fixture->createClinic(u"Erase Clinic"_s);
        const QString contact =
            m_fixture->insertContact(clinic, u"Sam Erased"_s, u"+15550107003"_s, 20);
        Console c(m_fixture->url(), clinic.session);
        c.actions->showContact(contact, u"Sam Erased"_s, false);
        QSignalSpy erased(c.actions, &vox::ui::PatientDataActions::erased);
        auto client = ownerClient(clinic);

        c.button(u"erasePatientButton"_s)->click();
        answer(&c.host, QMessageBox::RejectRole);
        QTest::qWait(200);
        QCOMPARE(erased.size(), 0);
        QCOMPARE(client->get(u"/api/contacts/"_s + contact).status, 200);

        c.button(u"erasePatientButton"_s)->click();
        answer(&c.host, QMessageBox::AcceptRole);
        QTRY_COMPARE(erased.size(), 1);
        QCOMPARE(erased.at(0).at(0).toString(), contact);
        QCOMPARE(client->get(u"/api/contacts/"_s + contact).status, 404);
    }

    void staffAreNotOffered()
    {
        const auto clinic = m_fixture->createClinic(u"Staff Clinic"_s);
        const QString contact =
            m_fixture->insertContact(clinic, u"Kim Staffseen"_s, u"+15550107004"_s, 30);
        auto client = ownerClient(clinic);
        QCOMPARE(client
                     ->post(u"/api/org/users"_s, {{u"email"_s, u"desk@staff.test"_s},
                                                  {u"role"_s, u"staff"_s},
                                                  {u"full_name"_s, u"Robin Desk"_s},
                                                  {u"password"_s, u"chosen by admin"_s}})
                     .status,
                 201);
        const auto signedIn =
            client->post(u"/api/auth/login"_s, {{u"email"_s, u"desk@staff.test"_s},
                                                {u"password"_s, u"chosen by admin"_s}});
        QCOMPARE(signedIn.status, 200);
        Console c(m_fixture->url(),
                  vox::ui::Session::fromJson(signedIn.json(), QDateTime::currentDateTimeUtc()));
        c.actions->showContact(contact, u"Kim Staffseen"_s, false);
        QVERIFY(!c.actions->isVisible());
    }
};

QTEST_MAIN(TestPatientDataActions)
#include "tst_patientdataactions.moc"
