// First run, sign-in, kept sessions and sign-out (C-shell, C-auth), through the real dialogs and
// the real server.
#include "consolefixture.h"
#include "ui/api/apiclient.h"
#include "ui/api/sessionstore.h"
#include "ui/shell/consolecontroller.h"
#include "ui/shell/embeddedserverhost.h"
#include "ui/shell/firstrundialog.h"
#include "ui/shell/logindialog.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/shortcutsdialog.h"
#include "ui/shell/signupdialog.h"
#include "ui/shell/startingpanel.h"
#include "ui/widgets/changepassworddialog.h"
#include "ui/widgets/toastarea.h"

#include <QAction>
#include <QApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileDialog>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;
using vox::ui::ConsoleController;

namespace {

// Stands in for the clinic's server on this computer and starts only when the test says so, so
// the test sees what the console shows in between.
class HeldServerHost final : public vox::ui::EmbeddedServerHost
{
public:
    using EmbeddedServerHost::EmbeddedServerHost;

    void start(const QString &) override { ++starts; }
    void stop() override { running = false; }
    bool isRunning() const override { return running; }
    void backUp(const QString &file) override { backups << file; }

    void finishStarting(const QUrl &url)
    {
        running = true;
        emit started(url);
    }
    void failStarting(const QString &reason) { emit failed(reason); }

    int starts = 0;
    bool running = false;
    QStringList backups;
};

// A console on this computer whose server starts only when the test says so.
struct HeldConsole
{
    QTemporaryDir dataDir;
    HeldServerHost host;
    ConsoleController controller{options(dataDir.path()), &host};

    HeldConsole() { controller.sessions().forceMemoryOnly(); }

    static vox::ui::StartupOptions options(const QString &dataDir)
    {
        vox::ui::StartupOptions o;
        o.embedded = true;
        o.dataDir = dataDir;
        return o;
    }
};

} // namespace

class TestConsoleLogin : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::ConsoleFixture> m_fixture;
    vox::test::Clinic m_clinic;

    std::unique_ptr<ConsoleController> controllerFor(const QString &url)
    {
        vox::ui::StartupOptions options;
        options.serverUrl = url;
        auto controller = std::make_unique<ConsoleController>(options, nullptr);
        controller->sessions().forceMemoryOnly();
        return controller;
    }

    static void signIn(vox::ui::LoginDialog *dialog, const QString &email, const QString &password)
    {
        dialog->emailField()->setText(email);
        dialog->passwordField()->setText(password);
        QVERIFY(dialog->signInButton()->isEnabled());
        QTest::mouseClick(dialog->signInButton(), Qt::LeftButton);
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"VoxanneTests"_s);
        QCoreApplication::setApplicationName(u"tst_consolelogin"_s);
        m_fixture = std::make_unique<vox::test::ConsoleFixture>(u"ui_login"_s);
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
        m_clinic = m_fixture->createClinic();
        QVERIFY2(!m_clinic.orgId.isEmpty(), qPrintable(m_fixture->lastError()));
    }

    void init() { QSettings().clear(); }

    void signingInOpensTheConsole()
    {
        auto controller = controllerFor(m_fixture->url());
        controller->start();
        QTRY_VERIFY(controller->loginDialog() && controller->loginDialog()->isVisible());
        vox::ui::LoginDialog *login = controller->loginDialog();
        // Which server, port included: two on one computer differ only there.
        const QUrl url(m_fixture->url());
        const QString where = u"Server: %1:%2"_s.arg(url.host()).arg(url.port());
        bool named = false;
        for (const QLabel *label : login->findChildren<QLabel *>())
            named = named || label->text() == where;
        QVERIFY2(named, qPrintable(where));

        signIn(login, m_clinic.email, u"wrong password"_s);
        QTRY_COMPARE(login->problem(), u"The e-mail or password is not correct."_s);
        QVERIFY(!controller->mainWindow());

        signIn(login, m_clinic.email, m_clinic.password);
        QTRY_VERIFY(controller->mainWindow() && controller->mainWindow()->isVisible());
        QVERIFY(!controller->loginDialog());
        auto *user = controller->mainWindow()->findChild<QLabel *>(u"userLabel"_s);
        QVERIFY(user->text().contains(u"Dana Owner"_s));
        QVERIFY(user->text().contains(u"Glow Med Spa"_s));
        QCOMPARE(controller->mainWindow()->currentPageIndex(),
                 int(vox::ui::MainWindow::DashboardIndex));
        // A shared server is backed up by whoever runs it, not from a front-desk console.
        QVERIFY(!controller->mainWindow()->findChild<QAction *>(u"backUpAction"_s)->isVisible());
        // Every window-wide key the shortcuts list names is bound to a menu action.
        QList<QKeySequence> bound;
        for (const QAction *action : controller->mainWindow()->findChildren<QAction *>())
            bound << action->shortcut();
        for (const auto &shortcut : vox::ui::ShortcutsDialog::shortcuts()) {
            if (shortcut.where == u"Everywhere"_s && shortcut.keys != QKeySequence(Qt::Key_Tab))
                QVERIFY2(bound.contains(shortcut.keys), qPrintable(shortcut.keys.toString()));
        }
        QTest::keyClick(controller->mainWindow(), Qt::Key_F1);
        QTRY_VERIFY(controller->mainWindow()->findChild<vox::ui::ShortcutsDialog *>());
        // The e-mail is remembered for next time, the password never.
        QCOMPARE(QSettings().value(u"connection/lastEmail"_s).toString(), m_clinic.email);
    }

    // A forgotten password: the sign-in says whom to ask, an admin resets it, and signing in with
    // the temporary password asks for one's own before anything else, which cannot be put off.
    void aForgottenPasswordIsResetByAnAdminAndChangedAtSignIn()
    {
        auto owner = m_fixture->server().client();
        owner->setToken(m_clinic.session.accessToken);
        const auto invited =
            owner->post(u"/api/org/users"_s, {{u"email"_s, u"forgetful@glow.test"_s},
                                              {u"role"_s, u"staff"_s},
                                              {u"password"_s, u"long forgotten one"_s}});
        QCOMPARE(invited.status, 201);
        const QString id = invited.json().value(u"user"_s).toObject().value(u"id"_s).toString();
        const QString temporary =
            owner->post(u"/api/org/users/"_s + id + u"/password-reset"_s, QJsonObject{})
                .json()
                .value(u"temporary_password"_s)
                .toString();
        QVERIFY(!temporary.isEmpty());

        auto controller = controllerFor(m_fixture->url());
        controller->start();
        QTRY_VERIFY(controller->loginDialog() && controller->loginDialog()->isVisible());
        vox::ui::LoginDialog *login = controller->loginDialog();
        auto *links = login->findChild<QLabel *>(u"loginAlternatives"_s);
        QVERIFY(links->isVisible() && links->text().contains(u"Forgot your password?"_s));
        emit links->linkActivated(u"forgot"_s);
        bool told = false;
        for (const QLabel *label : login->findChildren<QLabel *>())
            told = told || (label->isVisible() && label->text().contains(u"Reset password"_s));
        QVERIFY(told);

        signIn(login, u"forgetful@glow.test"_s, temporary);
        QTRY_VERIFY(controller->mainWindow() && controller->mainWindow()->isVisible());
        vox::ui::ChangePasswordDialog *change = nullptr;
        QTRY_VERIFY(
            (change = controller->mainWindow()->findChild<vox::ui::ChangePasswordDialog *>()));
        QVERIFY(change->isVisible());
        QTest::keyClick(change, Qt::Key_Escape); // cannot be put off
        QVERIFY(change->isVisible());

        change->currentEdit()->setText(temporary);
        change->newEdit()->setText(u"short"_s);
        change->repeatEdit()->setText(u"short"_s);
        change->saveButton()->click();
        QVERIFY(change->problem(u"new"_s).contains(u"10 characters"_s));
        change->newEdit()->setText(u"my very own password"_s);
        change->repeatEdit()->setText(u"my very own pasword"_s);
        change->saveButton()->click();
        QVERIFY(change->problem(u"repeat"_s).contains(u"not the same"_s));
        change->repeatEdit()->setText(u"my very own password"_s);
        change->saveButton()->click();
        QTRY_VERIFY(!controller->mainWindow()->findChild<vox::ui::ChangePasswordDialog *>());
        QVERIFY(!controller->api().session().mustChangePassword);
        auto check = m_fixture->server().client();
        QCOMPARE(check
                     ->post(u"/api/auth/login"_s, {{u"email"_s, u"forgetful@glow.test"_s},
                                                   {u"password"_s, u"my very own password"_s}})
                     .status,
                 200);
    }

    void aKeptSessionSkipsSignIn()
    {
        auto first = controllerFor(m_fixture->url());
        first->start();
        QTRY_VERIFY(first->loginDialog());
        signIn(first->loginDialog(), m_clinic.email, m_clinic.password);
        QTRY_VERIFY(first->mainWindow() && first->mainWindow()->isVisible());
        const QString kept = first->api().session().refreshToken;
        QVERIFY(!kept.isEmpty());
        first.reset();

        // The next start finds the token where the first one kept it, and goes straight in.
        auto next = controllerFor(m_fixture->url());
        next->sessions().save(QUrl(m_fixture->url()).toString(), kept);
        next->start();
        QTRY_VERIFY(next->mainWindow() && next->mainWindow()->isVisible());
        QVERIFY(!next->loginDialog());
        // The refresh rotated the token, and the new one is what is kept now.
        std::optional<QString> stored;
        next->sessions().load(QUrl(m_fixture->url()).toString(), this,
                              [&](const QString &token) { stored = token; });
        QTRY_VERIFY(stored.has_value());
        QCOMPARE(*stored, next->api().session().refreshToken);
        QVERIFY(*stored != kept);
    }

    void signingOutForgetsTheSession()
    {
        auto controller = controllerFor(m_fixture->url());
        controller->start();
        QTRY_VERIFY(controller->loginDialog());
        signIn(controller->loginDialog(), m_clinic.email, m_clinic.password);
        QTRY_VERIFY(controller->mainWindow() && controller->mainWindow()->isVisible());
        const QString refresh = controller->api().session().refreshToken;

        controller->mainWindow()->findChild<QAction *>(u"signOutAction"_s)->trigger();
        QTRY_VERIFY(controller->loginDialog() && controller->loginDialog()->isVisible());
        QVERIFY(!controller->mainWindow()->isVisible());
        QVERIFY(controller->loginDialog()
                    ->findChild<QLabel *>(u"loginNotice"_s)
                    ->text()
                    .contains(u"signed out"_s));
        std::optional<QString> stored;
        controller->sessions().load(QUrl(m_fixture->url()).toString(), this,
                                    [&](const QString &token) { stored = token; });
        QTRY_VERIFY(stored.has_value());
        QVERIFY(stored->isEmpty());
        // The server revoked it too. Signing out does not wait for the server (the login window
        // comes back at once), so wait here until the revocation has landed.
        auto admin = m_fixture->database().connectAsAdmin();
        const QByteArray hash =
            QCryptographicHash::hash(refresh.toUtf8(), QCryptographicHash::Sha256).toHex();
        QTRY_VERIFY(
            admin
                ->exec("SELECT revoked_at IS NOT NULL FROM refresh_tokens WHERE token_hash = $1",
                       {QString::fromLatin1(hash)})
                ->toBool(0, 0));
        vox::ui::ApiClient api;
        api.setBaseUrl(QUrl(m_fixture->url()));
        std::optional<vox::Result<vox::ui::Session>> resumed;
        api.auth().resume(refresh, this, [&](vox::Result<vox::ui::Session> s) { resumed = s; });
        QTRY_VERIFY(resumed.has_value());
        QVERIFY(!resumed->ok());
    }

    // "Create clinic" is off until the form is complete, and the dialog says what is missing.
    void creatingAClinicSaysWhatIsStillNeeded_data()
    {
        QTest::addColumn<QString>("clinic");
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("needed");
        QTest::newRow("empty") << QString() << QString() << QString()
                               << u"Still needed: the clinic's name; your e-mail address; a "
                                  "password of at least 10 characters."_s;
        QTest::newRow("short password") << u"Glow"_s << u"dana@glow.test"_s << u"secret1"_s
                                        << u"Still needed: 3 more characters in the password."_s;
        QTest::newRow("one character short")
            << u"Glow"_s << u"dana@glow.test"_s << u"secret123"_s
            << u"Still needed: 1 more character in the password."_s;
        QTest::newRow("no e-mail") << u"Glow"_s << u"dana"_s << u"correct horse battery"_s
                                   << u"Still needed: your e-mail address."_s;
        QTest::newRow("complete") << u"Glow"_s << u"dana@glow.test"_s << u"correct horse battery"_s
                                  << QString();
    }
    void creatingAClinicSaysWhatIsStillNeeded()
    {
        QFETCH(QString, clinic);
        QFETCH(QString, email);
        QFETCH(QString, password);
        QFETCH(QString, needed);
        vox::ui::ApiClient api;
        vox::ui::SignUpDialog dialog(api);
        dialog.show();
        dialog.clinicField()->setText(clinic);
        dialog.emailField()->setText(email);
        dialog.passwordField()->setText(password);
        QCOMPARE(dialog.stillNeeded(), needed);
        auto *shown = dialog.findChild<QLabel *>(u"signUpStillNeeded"_s);
        QCOMPARE(shown->isVisible(), !needed.isEmpty());
        QCOMPARE(shown->text(), needed);
        QCOMPARE(dialog.createButton()->isEnabled(), needed.isEmpty());
    }

    // The window is up before the clinic's server on this computer is: it says it is starting,
    // and the sign-in follows once the server answers.
    void theWindowIsShownBeforeTheServerIsReady()
    {
        HeldConsole held;
        HeldServerHost &host = held.host;
        ConsoleController &controller = held.controller;
        QSignalSpy shown(&controller, &ConsoleController::windowShown);
        controller.start();

        QCOMPARE(host.starts, 1);
        QCOMPARE(shown.size(), 1);
        QVERIFY(controller.mainWindow() && controller.mainWindow()->isVisible());
        QVERIFY(controller.mainWindow()->isStarting());
        QVERIFY(controller.mainWindow()->startingPanel()->message().contains(u"Starting"_s));
        QVERIFY(!controller.loginDialog() && !controller.signUpDialog());

        host.finishStarting(QUrl(m_fixture->url()));
        // No clinic was created from this data folder yet: the console offers to create one.
        QTRY_VERIFY(controller.signUpDialog() && controller.signUpDialog()->isVisible());
        QVERIFY(!controller.mainWindow()->isVisible());
        QCOMPARE(shown.size(), 1);
    }

    // File → Back up…: the file asked for is written by the server on this computer, the
    // progress shows as tables are written, and the end says where the backup and its keys are,
    // or why nothing was written.
    void backingUpAsksForAFileAndShowsTheOutcome_data()
    {
        QTest::addColumn<QString>("failure");
        QTest::newRow("written") << QString();
        QTest::newRow("failed") << u"The disk is full."_s;
    }
    void backingUpAsksForAFileAndShowsTheOutcome()
    {
        QFETCH(QString, failure);
        HeldConsole held;
        HeldServerHost &host = held.host;
        ConsoleController &controller = held.controller;
        controller.start();
        host.finishStarting(QUrl(m_fixture->url()));
        const QString file = QDir(held.dataDir.path()).filePath(u"clinic.dump"_s);

        // The save dialog: the file is typed and accepted.
        QTimer::singleShot(0, this, [file] {
            QTRY_VERIFY(qobject_cast<QFileDialog *>(QApplication::activeModalWidget()));
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            dialog->selectFile(file);
            static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept is protected
        });
        controller.mainWindow()->findChild<QAction *>(u"backUpAction"_s)->trigger();
        QCOMPARE(host.backups, QStringList{file});
        auto *progress = controller.mainWindow()->findChild<QProgressDialog *>(u"backupProgress"_s);
        QVERIFY(progress && progress->isVisible());
        emit host.backupProgress(3, 10);
        QCOMPARE(progress->maximum(), 10);
        QCOMPARE(progress->value(), 3);

        if (failure.isEmpty()) {
            emit host.backupFinished({});
            QTRY_VERIFY(!controller.mainWindow()->toasts().toasts().isEmpty());
            const QString said = controller.mainWindow()->toasts().toasts().first()->text();
            QVERIFY2(said.contains(file) && said.contains(u".secrets.ini"_s), qPrintable(said));
        } else {
            QString warned;
            QTimer::singleShot(0, this, [&warned] {
                QTRY_VERIFY(qobject_cast<QMessageBox *>(QApplication::activeModalWidget()));
                auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
                warned = box->text();
                box->accept();
            });
            emit host.backupFinished(failure);
            QVERIFY2(warned.contains(failure) && warned.contains(u"no file was written"_s),
                     qPrintable(warned));
        }
        QTRY_VERIFY(!controller.mainWindow()->findChild<QProgressDialog *>(u"backupProgress"_s));
    }

    // A server that cannot start says why in the window and starts again when asked.
    void aServerThatDoesNotStartSaysWhyAndTriesAgain()
    {
        HeldConsole held;
        HeldServerHost &host = held.host;
        ConsoleController &controller = held.controller;
        controller.start();
        host.failStarting(u"The disk is full."_s);

        vox::ui::StartingPanel *panel = controller.mainWindow()->startingPanel();
        QVERIFY(controller.mainWindow()->isVisible());
        QVERIFY(panel->isFailure());
        QVERIFY(panel->message().contains(u"The disk is full."_s));
        QVERIFY(panel->retryButton()->isVisible());
        QTest::mouseClick(panel->retryButton(), Qt::LeftButton);
        QCOMPARE(host.starts, 2);
        QVERIFY(!panel->isFailure());
        QVERIFY(controller.mainWindow()->isStarting());
    }

    void theFirstRunAsksAndLaterStartsRemember()
    {
        auto controller = std::make_unique<ConsoleController>(vox::ui::StartupOptions{}, nullptr);
        controller->sessions().forceMemoryOnly();
        controller->start();
        QTRY_VERIFY(controller->firstRunDialog() && controller->firstRunDialog()->isVisible());
        vox::ui::FirstRunDialog *first = controller->firstRunDialog();
        QVERIFY(first->findChild<QRadioButton *>(u"embeddedChoice"_s)->isChecked());
        first->findChild<QRadioButton *>(u"remoteChoice"_s)->setChecked(true);
        auto *go = first->findChild<QPushButton *>(u"firstRunContinue"_s);
        first->findChild<QLineEdit *>(u"serverUrl"_s)->setText(u"not a url at all"_s);
        QVERIFY(!go->isEnabled());
        first->findChild<QLineEdit *>(u"serverUrl"_s)->setText(m_fixture->url());
        QVERIFY(go->isEnabled());
        QTest::mouseClick(go, Qt::LeftButton);
        QTRY_VERIFY(controller->loginDialog() && controller->loginDialog()->isVisible());
        controller.reset();

        auto later = std::make_unique<ConsoleController>(vox::ui::StartupOptions{}, nullptr);
        later->sessions().forceMemoryOnly();
        later->start();
        QTRY_VERIFY(later->loginDialog() && later->loginDialog()->isVisible());
        QVERIFY(!later->firstRunDialog());
        QCOMPARE(later->api().baseUrl(), QUrl(m_fixture->url()));
    }

    void withoutAKeychainTheUserIsToldOnceAndNothingIsWritten()
    {
        vox::ui::SessionStore store(u"Voxanne Console tests"_s);
        QSignalSpy told(&store, &vox::ui::SessionStore::keychainUnavailable);
        store.save(u"http://clinic.test"_s, u"token-1"_s);
        store.save(u"http://clinic.test"_s, u"token-2"_s);
        // Either the platform keychain took the token, or there is none and the user is told.
        QTRY_VERIFY_WITH_TIMEOUT(
            told.count() > 0 || store.backend() == vox::ui::SessionStore::Backend::Keychain, 10000);
        std::optional<QString> loaded;
        store.load(u"http://clinic.test"_s, this, [&](const QString &t) { loaded = t; });
        QTRY_VERIFY_WITH_TIMEOUT(loaded.has_value(), 10000);
        QCOMPARE(*loaded, u"token-2"_s);
        if (store.backend() == vox::ui::SessionStore::Backend::Keychain) {
            store.remove(u"http://clinic.test"_s);
            QSKIP("This machine has a keychain service; the in-memory fallback was not needed.");
        }
        QCOMPARE(told.count(), 1);
        QVERIFY(told.at(0).at(0).toString().contains(u"sign in again next time"_s));
    }
};

QTEST_MAIN(TestConsoleLogin)
#include "tst_consolelogin.moc"
