#pragma once

#include "ui/api/apitypes.h"
#include "ui/api/eventstream.h"

#include <QList>
#include <QMainWindow>

#include <functional>

class QAction;
class QLabel;
class QListWidget;
class QMenu;
class QStackedWidget;

namespace vox::ui {

class ApiClient;
class AppointmentsPage;
class CallsPage;
class DashboardPage;
class LeadsPage;
class ReportsPage;
class Page;
class AgentPage;
class IntegrationsPage;
class KnowledgePage;
class ServicesPage;
class SettingsPage;
class LivePage;
class LiveCallsModel;
class TelephonyPage;
class TodayPage;
class InboxPage;
class ToastArea;
class NotificationList;
class NotificationsButton;
class TrayNotifier;
class StartingPanel;

// The console's window: navigation on the left, the chosen page on the right, and a status bar
// that says who is signed in, which server this is and whether live updates are flowing.
// Ctrl+1… switch pages, Ctrl+F searches, F5 reads the page again.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(ApiClient &api, EventStream &events, const QString &serverDescription,
               QWidget *parent = nullptr);
    ~MainWindow() override;

    // While the clinic's server on this computer starts: the window is up and says so, and the
    // pages wait (they have no server to read from yet). sessionStarted() shows the pages.
    void showStarting();
    void showStartFailure(const QString &reason);
    bool isStarting() const;
    StartingPanel *startingPanel() const { return m_startingPanel; }
    // After sign-in: who, which features, and the first page's data.
    void sessionStarted();
    void showPage(int index);
    int currentPageIndex() const;
    int pageCount() const { return int(m_pages.size()); }
    Page *page(int index) const { return m_pages.value(index); }
    void openRecord(const QString &entityType, const QString &id);
    // File → Back up… is offered only where this computer runs the clinic's server.
    void setBackupAvailable(bool available);
    // A demo clinic: `accountsNote` says who is signed in and how to try the owner's pages.
    void setDemo(const QString &accountsNote);
    QLabel *sandboxIndicator() const { return m_sandboxLabel; }

    DashboardPage *dashboardPage() const { return m_dashboard; }
    CallsPage *callsPage() const { return m_calls; }
    LeadsPage *leadsPage() const { return m_leads; }
    TodayPage *todayPage() const { return m_today; }
    InboxPage *inboxPage() const { return m_inbox; }
    AppointmentsPage *appointmentsPage() const { return m_appointments; }
    ServicesPage *servicesPage() const { return m_services; }
    TelephonyPage *telephonyPage() const { return m_telephony; }
    KnowledgePage *knowledgePage() const { return m_knowledge; }
    AgentPage *agentPage() const { return m_agent; }
    IntegrationsPage *integrationsPage() const { return m_integrations; }
    SettingsPage *settingsPage() const { return m_settings; }
    LivePage *livePage() const { return m_live; }
    LiveCallsModel *liveCalls() const { return m_liveCalls; }
    ReportsPage *reportsPage() const { return m_reports; }
    ToastArea &toasts() const { return *m_toasts; }
    TrayNotifier &notifier() const { return *m_notifier; }
    NotificationList &notifications() const { return *m_notifications; }
    QString liveStatusText() const;

    enum PageIndex {
        TodayIndex,
        LiveIndex,
        InboxIndex,
        DashboardIndex,
        CallsIndex,
        LeadsIndex,
        AppointmentsIndex,
        ReportsIndex,
        ServicesIndex,
        KnowledgeIndex,
        AgentIndex,
        TelephonyIndex,
        IntegrationsIndex,
        SettingsIndex
    };

signals:
    void signOutRequested();
    void quitRequested();
    void backUpRequested();
    void retryStartRequested();
    void connectElsewhereRequested();

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void addPage(Page *page);
    // Runs `proceed` at once when none of `pages` holds unsaved edits; otherwise asks first, and
    // runs it after those edits are discarded, or not at all when the person keeps editing.
    void whenNothingUnsaved(const QList<Page *> &pages, const std::function<void()> &proceed);
    void updateIcons();
    void setServerActionsEnabled(bool enabled);
    void buildMenus();
    void handleEvent(const LiveEvent &event);
    void showLiveState(EventStream::State state);
    void loadFeatures();
    void showAbout();

    ApiClient &m_api;
    EventStream &m_events;
    QString m_serverDescription;
    ToastArea *m_toasts;
    TrayNotifier *m_notifier;
    NotificationList *m_notifications;
    QString m_sessionUserId;
    NotificationsButton *m_notificationsButton;
    QStackedWidget *m_screens;
    QWidget *m_content;
    StartingPanel *m_startingPanel;
    QListWidget *m_navigation;
    QStackedWidget *m_stack;
    QList<Page *> m_pages;
    DashboardPage *m_dashboard = nullptr;
    ReportsPage *m_reports = nullptr;
    CallsPage *m_calls = nullptr;
    LeadsPage *m_leads = nullptr;
    TodayPage *m_today = nullptr;
    InboxPage *m_inbox = nullptr;
    AppointmentsPage *m_appointments = nullptr;
    ServicesPage *m_services = nullptr;
    TelephonyPage *m_telephony = nullptr;
    KnowledgePage *m_knowledge = nullptr;
    AgentPage *m_agent = nullptr;
    IntegrationsPage *m_integrations = nullptr;
    SettingsPage *m_settings = nullptr;
    LivePage *m_live = nullptr;
    LiveCallsModel *m_liveCalls = nullptr;
    QLabel *m_userLabel;
    QLabel *m_serverLabel;
    QLabel *m_liveLabel;
    QLabel *m_sandboxLabel;
    bool m_demo = false;
    QAction *m_backUp = nullptr;
    QAction *m_signOut = nullptr;
    QMenu *m_viewMenu = nullptr;
    QString m_demoNote;
};

} // namespace vox::ui
