#pragma once

#include "ui/api/session.h"
#include "ui/shell/startupoptions.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

#include <memory>

class QProgressDialog;

namespace vox::ui {

class ApiClient;
class EmbeddedServerHost;
class EventStream;
class FirstRunDialog;
class LoginDialog;
class MainWindow;
class SessionStore;
class SignUpDialog;
class SingleInstance;

// The console's start-up and session flow, from the first question to signing out:
// first run (this computer, or a server) → the embedded server's start when chosen → resume the
// kept session, or sign in / create the clinic → the main window with live updates. Later starts
// go straight to the last choice. In demo mode it creates (or reuses) the demo clinic and signs
// in by itself.
class ConsoleController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConsoleController)

public:
    // `host` runs the embedded server; null where embedding is not available (tests that only
    // connect to a server).
    ConsoleController(StartupOptions options, EmbeddedServerHost *host, QObject *parent = nullptr);
    ~ConsoleController() override;

    void start();
    // Stops live updates and the embedded server (and its database). Called on quit.
    void shutdown();

    ApiClient &api() const { return *m_api; }
    EventStream &events() const { return *m_events; }
    SessionStore &sessions() const { return *m_sessions; }
    MainWindow *mainWindow() const { return m_window.get(); }
    LoginDialog *loginDialog() const;
    SignUpDialog *signUpDialog() const;
    FirstRunDialog *firstRunDialog() const;

    // The demo clinic's front desk account, which the demo signs in with: it lives only on this
    // computer's embedded server, which listens on 127.0.0.1 alone.
    static QString demoEmail();
    static QString demoPassword();
    // Who the demo signs in as, and the owner's account for the admin pages.
    static QString demoAccountsNote();
    static QString defaultDataDir(bool demo);

signals:
    // The user chose to quit (or closed the last window).
    void finished();
    void mainWindowShown();
    // The first window of this run is on screen (the main window, a sign-in or a first-run
    // question), whether or not a server is ready yet.
    void windowShown();

private:
    void askFirstRun();
    void connectRemote(const QString &url);
    void startEmbedded();
    void serverReady(const QUrl &url, const QString &description, const QString &account);
    void resumeOrSignIn();
    void showLogin(const QString &notice = {});
    void showSignUp();
    void demoSignIn();
    void sessionStarted();
    void signOut();
    // After signing in with a temporary password: the person chooses their own before going on.
    void askForOwnPassword();
    void backUp();
    void sessionExpired(const QString &reason);
    void quit();
    void closeDialogs();
    void ensureWindow();
    void showWindow();
    void noteWindowShown();
    void hideStartingWindow();
    void bringToFront();
    void rememberClinicCreated();
    bool clinicCreatedHere() const;

    StartupOptions m_options;
    EmbeddedServerHost *m_host;
    std::unique_ptr<ApiClient> m_api;
    std::unique_ptr<EventStream> m_events;
    std::unique_ptr<SessionStore> m_sessions;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<SingleInstance> m_instance;
    QPointer<LoginDialog> m_login;
    QPointer<SignUpDialog> m_signUp;
    QPointer<FirstRunDialog> m_firstRun;
    QString m_account;
    QString m_serverDescription;
    QString m_keychainNotice;
    QString m_dataDir;
    bool m_embedded = false;
    bool m_shutDown = false;
    bool m_windowShown = false;
};

} // namespace vox::ui
