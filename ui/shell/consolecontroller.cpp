#include "ui/shell/consolecontroller.h"

#include "core/democlinic.h"

#include "core/logging/log.h"
#include "ui/api/apiclient.h"
#include "ui/api/eventstream.h"
#include "ui/api/sessionstore.h"
#include "ui/models/displayformat.h"
#include "ui/shell/embeddedserverhost.h"
#include "ui/shell/firstrundialog.h"
#include "ui/shell/logindialog.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/signupdialog.h"
#include "ui/shell/singleinstance.h"
#include "ui/widgets/changepassworddialog.h"
#include "ui/widgets/toastarea.h"

#include <QDate>
#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

const QString modeKey = u"connection/mode"_s;
const QString urlKey = u"connection/serverUrl"_s;
const QString emailKey = u"connection/lastEmail"_s;
const QString clinicsKey = u"embedded/clinicDataDirs"_s;

} // namespace

ConsoleController::ConsoleController(StartupOptions options, EmbeddedServerHost *host,
                                     QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_host(host)
    , m_api(std::make_unique<ApiClient>())
    , m_sessions(std::make_unique<SessionStore>(u"Voxanne Console"_s))
{
    m_events = std::make_unique<EventStream>(*m_api);
    connect(m_api.get(), &ApiClient::sessionChanged, this, [this] {
        if (!m_account.isEmpty() && !m_api->session().refreshToken.isEmpty())
            m_sessions->save(m_account, m_api->session().refreshToken);
    });
    connect(m_api.get(), &ApiClient::sessionExpired, this, &ConsoleController::sessionExpired);
    connect(m_sessions.get(), &SessionStore::keychainUnavailable, this,
            [this](const QString &explanation) {
                m_keychainNotice = explanation;
                if (m_window && m_window->isVisible())
                    m_window->toasts().info(explanation);
            });
    if (m_host) {
        connect(m_host, &EmbeddedServerHost::started, this, [this](const QUrl &url) {
            log::info("console", u"The clinic's server on this computer is ready."_s);
            serverReady(url, tr("Clinic server on this computer"),
                        u"embedded:"_s + QDir(m_dataDir).absolutePath());
        });
        connect(m_host, &EmbeddedServerHost::failed, this, [this](const QString &reason) {
            log::error("console", u"The embedded server did not start."_s, {{u"reason"_s, reason}});
            ensureWindow();
            m_window->showStartFailure(reason);
            m_window->show();
        });
    }
}

ConsoleController::~ConsoleController()
{
    shutdown();
}

LoginDialog *ConsoleController::loginDialog() const
{
    return m_login.data();
}

SignUpDialog *ConsoleController::signUpDialog() const
{
    return m_signUp.data();
}

FirstRunDialog *ConsoleController::firstRunDialog() const
{
    return m_firstRun.data();
}

QString ConsoleController::demoEmail()
{
    return demo::frontDeskEmail();
}

QString ConsoleController::demoPassword()
{
    return demo::frontDeskPassword();
}

QString ConsoleController::defaultDataDir(bool demo)
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(base).filePath(demo ? u"demo"_s : u"clinic"_s);
}

void ConsoleController::start()
{
    if (!m_options.serverUrl.isEmpty()) {
        connectRemote(m_options.serverUrl);
        return;
    }
    if (m_options.embedded || m_options.demo) {
        startEmbedded();
        return;
    }
    const QSettings settings;
    const QString mode = settings.value(modeKey).toString();
    if (mode == u"embedded" && m_host) {
        startEmbedded();
        return;
    }
    if (mode == u"remote" && !settings.value(urlKey).toString().isEmpty()) {
        connectRemote(settings.value(urlKey).toString());
        return;
    }
    askFirstRun();
}

void ConsoleController::askFirstRun()
{
    closeDialogs();
    auto *dialog = new FirstRunDialog;
    m_firstRun = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setServerUrl(QSettings().value(urlKey).toString());
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (dialog->choice() == FirstRunDialog::Choice::Embedded)
            startEmbedded();
        else
            connectRemote(dialog->serverUrl());
    });
    connect(dialog, &QDialog::rejected, this, &ConsoleController::quit);
    dialog->show();
    noteWindowShown();
}

void ConsoleController::connectRemote(const QString &url)
{
    QSettings settings;
    settings.setValue(modeKey, u"remote"_s);
    settings.setValue(urlKey, url);
    m_embedded = false;
    const QUrl parsed(url);
    // Host and port: two servers on one machine (a test and a live one) differ only there.
    const QString where =
        parsed.port() > 0 ? u"%1:%2"_s.arg(parsed.host()).arg(parsed.port()) : parsed.host();
    serverReady(parsed, tr("Server: %1").arg(where), parsed.toString());
}

void ConsoleController::startEmbedded()
{
    closeDialogs();
    if (!m_host) {
        QMessageBox::warning(nullptr, tr("Voxanne"),
                             tr("This build of the console cannot run the clinic server on "
                                "this computer. Connect to a server instead."));
        askFirstRun();
        return;
    }
    m_embedded = true;
    m_dataDir = m_options.dataDir.isEmpty() ? defaultDataDir(m_options.demo) : m_options.dataDir;
    if (!m_instance) {
        m_instance = std::make_unique<SingleInstance>();
        connect(m_instance.get(), &SingleInstance::activationRequested, this,
                &ConsoleController::bringToFront);
    }
    if (!m_instance->claim(QDir(m_dataDir).absolutePath())) {
        log::info("console", u"This clinic is already open in another console window on this "
                             "computer; that window was brought to the front."_s);
        // Queued: this may run before the application's event loop, which a quit must reach.
        QMetaObject::invokeMethod(this, &ConsoleController::quit, Qt::QueuedConnection);
        return;
    }
    if (!m_options.demo)
        QSettings().setValue(modeKey, u"embedded"_s);
    if (m_host->isRunning()) {
        resumeOrSignIn();
        return;
    }
    // The window comes at once and the server starts behind it: initdb, PostgreSQL and the
    // migrations take seconds, and a person should see the console meanwhile, not wait for it.
    // The server is asked first, so its thread starts PostgreSQL while this one builds the
    // window (its answer is queued here, so it finds the window made).
    m_serverDescription = tr("Clinic server on this computer");
    m_host->start(m_dataDir);
    ensureWindow();
    m_window->showStarting();
    showWindow();
}

void ConsoleController::ensureWindow()
{
    if (m_window)
        return;
    m_window = std::make_unique<MainWindow>(*m_api, *m_events, m_serverDescription);
    m_window->setDemo(m_options.demo ? demoAccountsNote() : QString());
    connect(m_window.get(), &MainWindow::signOutRequested, this, &ConsoleController::signOut);
    connect(m_window.get(), &MainWindow::quitRequested, this, &ConsoleController::quit);
    connect(m_window.get(), &MainWindow::backUpRequested, this, &ConsoleController::backUp);
    connect(m_window.get(), &MainWindow::retryStartRequested, this,
            &ConsoleController::startEmbedded);
    connect(m_window.get(), &MainWindow::connectElsewhereRequested, this, [this] {
        if (m_events)
            m_events->stop();
        // The window asked, from inside its own signal: it goes once that has returned.
        m_window.release()->deleteLater();
        m_windowShown = false;
        askFirstRun();
        if (m_firstRun)
            m_firstRun->chooseRemote();
    });
}

void ConsoleController::showWindow()
{
    m_window->show();
    noteWindowShown();
}

void ConsoleController::noteWindowShown()
{
    if (m_windowShown)
        return;
    m_windowShown = true;
    log::info("console", u"The window is shown."_s);
    emit windowShown();
}

void ConsoleController::serverReady(const QUrl &url, const QString &description,
                                    const QString &account)
{
    m_api->setBaseUrl(url);
    m_serverDescription = description;
    m_account = account;
    log::info("console", u"Using the server."_s,
              {{u"url"_s, url.toString()}, {u"embedded"_s, m_embedded}});
    if (m_options.demo) {
        // On a later start the host has a session for the front desk already: resuming it costs
        // the server a hash lookup, where the password would cost a bcrypt.
        const QString local = m_host && m_embedded ? m_host->takeLocalSession() : QString();
        if (local.isEmpty()) {
            demoSignIn();
            return;
        }
        m_api->auth().resume(local, this, [this](Result<Session> session) {
            if (session)
                sessionStarted();
            else
                demoSignIn();
        });
        return;
    }
    resumeOrSignIn();
}

void ConsoleController::resumeOrSignIn()
{
    m_sessions->load(m_account, this, [this](const QString &token) {
        if (token.isEmpty()) {
            if (m_embedded && !clinicCreatedHere())
                showSignUp();
            else
                showLogin();
            return;
        }
        m_api->auth().resume(token, this, [this](Result<Session> session) {
            if (session) {
                sessionStarted();
                return;
            }
            if (session.error().code == u"unauthorized" || session.error().code == u"validation")
                m_sessions->remove(m_account);
            showLogin(session.errorMessage());
        });
    });
}

void ConsoleController::demoSignIn()
{
    // The embedded server says it has started once its demo feed has created the clinic and its
    // front desk and connected them to the sandbox: the front desk can sign in right away.
    m_api->auth().login(demoEmail(), demoPassword(), this, [this](Result<Session> session) {
        if (session) {
            sessionStarted();
            return;
        }
        showLogin(session.errorMessage());
    });
}

QString ConsoleController::demoAccountsNote()
{
    return tr("This is the demo clinic. You are its front desk (%1, password %2). To try the "
              "admin pages, sign out and sign in as the owner: %3, password %4.")
        .arg(demo::frontDeskEmail(), demo::frontDeskPassword(), demo::email(), demo::password());
}

void ConsoleController::showLogin(const QString &notice)
{
    closeDialogs();
    hideStartingWindow();
    auto *dialog = new LoginDialog(*m_api, m_serverDescription);
    m_login = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setEmail(QSettings().value(emailKey).toString());
    dialog->setNotice(notice.isEmpty() ? m_keychainNotice : notice);
    dialog->setAlternatives(m_embedded, !m_options.demo);
    connect(dialog, &LoginDialog::signedIn, this, [this](const Session &session) {
        QSettings().setValue(emailKey, session.email);
        sessionStarted();
    });
    connect(dialog, &LoginDialog::createClinicRequested, this, &ConsoleController::showSignUp);
    connect(dialog, &LoginDialog::changeServerRequested, this, [this] {
        if (m_events)
            m_events->stop();
        m_window.reset();
        askFirstRun();
        if (m_firstRun && !m_embedded)
            m_firstRun->chooseRemote();
    });
    connect(dialog, &QDialog::rejected, this, [this, dialog] {
        // Closing the sign-in after "Use another server" is not a quit.
        if (m_login == dialog && !m_firstRun)
            quit();
    });
    dialog->show();
    noteWindowShown();
}

void ConsoleController::hideStartingWindow()
{
    // The server is ready and someone has to sign in first: the sign-in takes the window's place
    // until there is a session to show.
    if (m_window && m_window->isStarting())
        m_window->hide();
}

void ConsoleController::showSignUp()
{
    closeDialogs();
    hideStartingWindow();
    auto *dialog = new SignUpDialog(*m_api);
    m_signUp = dialog;
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SignUpDialog::signedUp, this, [this](const Session &session) {
        QSettings().setValue(emailKey, session.email);
        rememberClinicCreated();
        sessionStarted();
    });
    connect(dialog, &SignUpDialog::signInRequested, this, [this] { showLogin(); });
    connect(dialog, &QDialog::rejected, this, [this, dialog] {
        if (m_signUp == dialog && !m_login)
            quit();
    });
    dialog->show();
    noteWindowShown();
}

void ConsoleController::sessionStarted()
{
    closeDialogs();
    const Session &session = m_api->session();
    if (!session.refreshToken.isEmpty())
        m_sessions->save(m_account, session.refreshToken);
    DisplayFormat::setClinicTimeZone(QTimeZone(session.timeZone.toLatin1()));
    ensureWindow();
    // A clinic on this computer is backed up from here; a shared server by its operator.
    m_window->setBackupAvailable(m_host && m_host->isRunning());
    m_window->sessionStarted();
    showWindow();
    m_events->stop();
    m_events->start();
    if (!m_keychainNotice.isEmpty())
        m_window->toasts().info(m_keychainNotice);
    if (session.mustChangePassword)
        askForOwnPassword();
    emit mainWindowShown();
}

void ConsoleController::askForOwnPassword()
{
    auto *dialog = new ChangePasswordDialog(*m_api, m_window->toasts(),
                                            ChangePasswordDialog::Mode::Required, m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ChangePasswordDialog::changed, this, [this] {
        Session session = m_api->session();
        session.mustChangePassword = false;
        m_api->setSession(session);
    });
    connect(dialog, &ChangePasswordDialog::signOutRequested, this, [this, dialog] {
        dialog->done(QDialog::Rejected);
        signOut();
    });
    dialog->open();
}

void ConsoleController::backUp()
{
    if (!m_host || !m_host->isRunning() || !m_window)
        return;
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(u"voxanne-%1.dump"_s.arg(QDate::currentDate().toString(Qt::ISODate)));
    const QString file = QFileDialog::getSaveFileName(m_window.get(), tr("Back up the clinic"),
                                                      suggested, tr("Voxanne backups (*.dump)"));
    if (file.isEmpty())
        return;
    auto *progress =
        new QProgressDialog(tr("Writing the backup…"), QString(), 0, 0, m_window.get());
    progress->setObjectName(u"backupProgress"_s);
    progress->setWindowTitle(tr("Back up"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setMinimumDuration(0);
    progress->show();
    connect(m_host, &EmbeddedServerHost::backupProgress, progress, [progress](int done, int total) {
        progress->setMaximum(total);
        progress->setValue(done);
    });
    connect(
        m_host, &EmbeddedServerHost::backupFinished, progress,
        [this, progress, file](const QString &failure) {
            progress->deleteLater();
            if (!m_window)
                return;
            if (failure.isEmpty())
                m_window->toasts().info(
                    tr("The backup was written to %1, and the clinic's keys to %1.secrets.ini. "
                       "Keep both somewhere safe.")
                        .arg(file));
            else
                QMessageBox::warning(
                    m_window.get(), tr("Back up"),
                    tr("The backup failed and no file was written: %1").arg(failure));
        },
        Qt::SingleShotConnection);
    m_host->backUp(file);
}

void ConsoleController::signOut()
{
    m_events->stop();
    m_sessions->remove(m_account);
    m_api->auth().logout(this, [](Result<void>) {});
    if (m_window)
        m_window->hide();
    showLogin(m_options.demo ? tr("You signed out.") + u' ' + demoAccountsNote()
                             : tr("You signed out."));
}

void ConsoleController::sessionExpired(const QString &reason)
{
    m_events->stop();
    m_sessions->remove(m_account);
    if (m_options.demo) {
        demoSignIn();
        return;
    }
    if (m_window)
        m_window->hide();
    showLogin(reason);
}

void ConsoleController::bringToFront()
{
    // The window the person would act on next: a dialog in front of the main window wins.
    QWidget *front = m_window && m_window->isVisible() ? m_window.get() : nullptr;
    for (QWidget *dialog :
         {static_cast<QWidget *>(m_login.data()), static_cast<QWidget *>(m_signUp.data()),
          static_cast<QWidget *>(m_firstRun.data())}) {
        if (dialog && dialog->isVisible())
            front = dialog;
    }
    if (!front)
        return;
    if (front->isMinimized())
        front->showNormal();
    front->raise();
    front->activateWindow();
}

void ConsoleController::closeDialogs()
{
    for (QDialog *dialog :
         {static_cast<QDialog *>(m_login.data()), static_cast<QDialog *>(m_signUp.data()),
          static_cast<QDialog *>(m_firstRun.data())}) {
        if (!dialog)
            continue;
        // These closes are the flow moving on, not the user quitting.
        dialog->disconnect(this);
        dialog->close();
    }
    m_login = nullptr;
    m_signUp = nullptr;
    m_firstRun = nullptr;
}

void ConsoleController::rememberClinicCreated()
{
    if (!m_embedded)
        return;
    QSettings settings;
    QStringList dirs = settings.value(clinicsKey).toStringList();
    const QString dir = QDir(m_dataDir).absolutePath();
    if (!dirs.contains(dir)) {
        dirs << dir;
        settings.setValue(clinicsKey, dirs);
    }
}

bool ConsoleController::clinicCreatedHere() const
{
    return QSettings().value(clinicsKey).toStringList().contains(QDir(m_dataDir).absolutePath());
}

void ConsoleController::quit()
{
    closeDialogs();
    if (m_window)
        m_window->hide();
    emit finished();
}

void ConsoleController::shutdown()
{
    if (m_shutDown)
        return;
    m_shutDown = true;
    if (m_events)
        m_events->stop();
    if (m_host)
        m_host->stop();
}

} // namespace vox::ui
