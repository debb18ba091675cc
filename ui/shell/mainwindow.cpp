#include "ui/shell/mainwindow.h"

#include "ui/api/apiclient.h"
#include "ui/models/displayformat.h"
#include "ui/models/eventdescription.h"
#include "ui/models/livecallsmodel.h"
#include "ui/models/notificationlist.h"
#include "ui/pages/agentpage.h"
#include "ui/pages/appointmentspage.h"
#include "ui/pages/callspage.h"
#include "ui/pages/dashboardpage.h"
#include "ui/pages/inboxpage.h"
#include "ui/pages/integrationspage.h"
#include "ui/pages/knowledgepage.h"
#include "ui/pages/leadspage.h"
#include "ui/pages/livepage.h"
#include "ui/pages/reportspage.h"
#include "ui/pages/servicespage.h"
#include "ui/pages/settingspage.h"
#include "ui/pages/telephonypage.h"
#include "ui/pages/todaypage.h"
#include "ui/shell/aboutdialog.h"
#include "ui/shell/keyboardconventions.h"
#include "ui/shell/preferences.h"
#include "ui/shell/shortcutsdialog.h"
#include "ui/shell/startingpanel.h"
#include "ui/shell/theme.h"
#include "ui/shell/themedicon.h"
#include "ui/shell/traynotifier.h"
#include "ui/widgets/confirmation.h"
#include "ui/widgets/notificationsbutton.h"
#include "ui/widgets/toastarea.h"

#include <QAction>
#include <QCloseEvent>
#include <QHBoxLayout>
#include <QKeySequence>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QSignalBlocker>
#include <QStackedWidget>
#include <QStatusBar>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

MainWindow::MainWindow(ApiClient &api, EventStream &events, const QString &serverDescription,
                       QWidget *parent)
    : QMainWindow(parent)
    , m_api(api)
    , m_events(events)
    , m_serverDescription(serverDescription)
    , m_screens(new QStackedWidget(this))
    , m_content(new QWidget(m_screens))
    , m_startingPanel(new StartingPanel(m_screens))
    , m_navigation(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_userLabel(new QLabel(this))
    , m_serverLabel(new QLabel(this))
    , m_liveLabel(new QLabel(this))
    , m_sandboxLabel(new QLabel(this))
{
    KeyboardConventions::install(QCoreApplication::instance());
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("Voxanne Console"));
    setWindowIcon(appIcon());

    QWidget *central = m_content;
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_navigation->setObjectName(u"navigation"_s);
    m_navigation->setAccessibleName(tr("Pages"));
    m_navigation->setAccessibleDescription(
        tr("The console's pages; Ctrl+1 to Ctrl+0 open the first ten"));
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setFixedWidth(190);
    m_navigation->setIconSize(QSize(18, 18));
    m_navigation->setSpacing(1);
    m_navigation->setStyleSheet(u"QListWidget#navigation { background: palette(base); "
                                "border-right: 1px solid palette(mid); padding-top: 8px; }"
                                "QListWidget#navigation::item { padding: 7px 14px; }"_s);
    layout->addWidget(m_navigation);
    layout->addWidget(m_stack, 1);
    m_screens->addWidget(m_content);
    m_screens->addWidget(m_startingPanel);
    setCentralWidget(m_screens);
    connect(m_startingPanel, &StartingPanel::retryRequested, this,
            &MainWindow::retryStartRequested);
    connect(m_startingPanel, &StartingPanel::connectElsewhereRequested, this,
            &MainWindow::connectElsewhereRequested);
    connect(m_startingPanel, &StartingPanel::quitRequested, this, &MainWindow::quitRequested);
    m_toasts = new ToastArea(central);
    m_notifier = new TrayNotifier(*m_toasts, this);
    m_notifications = new NotificationList(this);
    m_notificationsButton = new NotificationsButton(*m_notifications, this);

    m_today = new TodayPage(api, *m_toasts, this);
    addPage(m_today);
    // Right after the front desk's home: the calls in progress are what a person steps in on.
    m_liveCalls = new LiveCallsModel(api, this);
    m_live = new LivePage(api, *m_toasts, *m_liveCalls, this);
    addPage(m_live);
    m_today->setLiveCalls(*m_liveCalls);
    m_inbox = new InboxPage(api, *m_toasts, this);
    addPage(m_inbox);
    // The unread texts show in the navigation, whichever page is open.
    connect(m_inbox, &InboxPage::unreadChanged, this, [this](int unread) {
        QListWidgetItem *item = m_navigation->item(InboxIndex);
        item->setText(unread > 0 ? tr("%1 (%2)").arg(m_inbox->title()).arg(unread)
                                 : m_inbox->title());
        item->setData(Qt::AccessibleTextRole,
                      tr("%1, %2 unread").arg(m_inbox->title()).arg(unread));
    });
    m_dashboard = new DashboardPage(api, *m_toasts, this);
    m_dashboard->setLiveCalls(*m_liveCalls);
    m_calls = new CallsPage(api, *m_toasts, this);
    m_leads = new LeadsPage(api, *m_toasts, this);
    m_appointments = new AppointmentsPage(api, *m_toasts, this);
    addPage(m_dashboard);
    addPage(m_calls);
    addPage(m_leads);
    addPage(m_appointments);
    m_reports = new ReportsPage(api, *m_toasts, this);
    addPage(m_reports);
    m_services = new ServicesPage(api, *m_toasts, this);
    addPage(m_services);
    m_knowledge = new KnowledgePage(api, *m_toasts, this);
    addPage(m_knowledge);
    m_agent = new AgentPage(api, *m_toasts, this);
    addPage(m_agent);
    m_telephony = new TelephonyPage(api, *m_toasts, this);
    addPage(m_telephony);
    m_integrations = new IntegrationsPage(api, *m_toasts, this);
    addPage(m_integrations);
    m_settings = new SettingsPage(api, *m_toasts, serverDescription, this);
    addPage(m_settings);
    connect(m_settings, &SettingsPage::aboutRequested, this, &MainWindow::showAbout);

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= m_pages.size())
            return;
        const int from = m_stack->currentIndex();
        if (Page *leaving = page(from);
            from != row && leaving && !leaving->unsavedChanges().isEmpty()) {
            // Stay until the person decides; the navigation shows where they still are.
            {
                const QSignalBlocker quiet(m_navigation);
                m_navigation->setCurrentRow(from);
            }
            whenNothingUnsaved({leaving}, [this, row] { m_navigation->setCurrentRow(row); });
            return;
        }
        m_stack->setCurrentIndex(row);
        m_pages.at(row)->activated();
    });

    m_userLabel->setObjectName(u"userLabel"_s);
    m_serverLabel->setObjectName(u"serverLabel"_s);
    m_liveLabel->setObjectName(u"liveIndicator"_s);
    statusBar()->addWidget(m_userLabel, 1);
    statusBar()->addPermanentWidget(m_notificationsButton);
    m_sandboxLabel->setObjectName(u"sandboxIndicator"_s);
    m_sandboxLabel->setText(tr("Sandbox providers — nothing is really sent"));
    m_sandboxLabel->setToolTip(tr("Calls, texts and e-mails go to the provider sandbox on this "
                                  "computer. No patient receives them."));
    m_sandboxLabel->setAccessibleName(m_sandboxLabel->text());
    m_sandboxLabel->hide();
    statusBar()->addPermanentWidget(m_sandboxLabel);
    statusBar()->addPermanentWidget(m_serverLabel);
    statusBar()->addPermanentWidget(m_liveLabel);
    m_serverLabel->setText(serverDescription);
    showLiveState(events.state());
    buildMenus();

    connect(&m_events, &EventStream::stateChanged, this, &MainWindow::showLiveState);
    connect(&m_events, &EventStream::eventReceived, this, &MainWindow::handleEvent);
    connect(&m_events, &EventStream::caughtUp, this, [this](bool afterReconnect) {
        // What happened while away came in the replay; the figures are worth a fresh read, and
        // so is the page in front of the person (it may show what failed while offline), unless
        // it holds edits a read would overwrite.
        if (!afterReconnect)
            return;
        m_dashboard->refresh();
        m_liveCalls->reload();
        Page *current = page(currentPageIndex());
        if (current && current != m_dashboard && current->unsavedChanges().isEmpty())
            current->refresh();
    });
    connect(m_dashboard, &DashboardPage::recordRequested, this, &MainWindow::openRecord);
    connect(m_dashboard, &DashboardPage::liveCallRequested, this,
            [this](const QString &id) { openRecord(u"live"_s, id); });
    connect(m_today, &TodayPage::liveCallRequested, this,
            [this](const QString &id) { openRecord(u"live"_s, id); });
    connect(m_calls, &CallsPage::openContact, this,
            [this](const QString &id) { openRecord(u"contact"_s, id); });
    connect(m_leads, &LeadsPage::openCall, this,
            [this](const QString &id) { openRecord(u"call"_s, id); });
    connect(m_appointments, &AppointmentsPage::openRecordRequested, this, &MainWindow::openRecord);
    connect(m_leads, &LeadsPage::newAppointment, this, [this](const ContactRecord &contact) {
        showPage(AppointmentsIndex);
        m_appointments->newAppointment(contact);
    });
    connect(m_notifier, &TrayNotifier::openRequested, this, &MainWindow::openRecord);
    connect(m_notificationsButton, &NotificationsButton::openRequested, this,
            &MainWindow::openRecord);
    connect(m_notifier, &TrayNotifier::showWindowRequested, this, [this] {
        showNormal();
        raise();
        activateWindow();
    });
    connect(&m_api, &ApiClient::reachabilityChanged, this, [this](bool reachable) {
        m_serverLabel->setText(reachable ? m_serverDescription
                                         : tr("%1 — not reachable").arg(m_serverDescription));
    });
    resize(1280, 800);
}

MainWindow::~MainWindow() = default;

namespace {

// The navigation's icons, in page order (resources/icons).
const QStringList pageIcons{u"today"_s,        u"calls"_s,     u"inbox"_s,        u"dashboard"_s,
                            u"calls"_s,        u"leads"_s,     u"appointments"_s, u"reports"_s,
                            u"services"_s,     u"knowledge"_s, u"agent"_s,        u"telephony"_s,
                            u"integrations"_s, u"settings"_s};

} // namespace

void MainWindow::updateIcons()
{
    for (int i = 0; i < m_navigation->count() && i < pageIcons.size(); ++i)
        m_navigation->item(i)->setIcon(themedIcon(pageIcons.at(i)));
}

void MainWindow::changeEvent(QEvent *event)
{
    QMainWindow::changeEvent(event);
    // Light to dark or back: the icons are drawn again in the new text colour.
    if (event->type() == QEvent::PaletteChange)
        updateIcons();
}

void MainWindow::addPage(Page *page)
{
    m_pages << page;
    m_stack->addWidget(page);
    auto *item = new QListWidgetItem(page->title(), m_navigation);
    if (m_pages.size() <= pageIcons.size())
        item->setIcon(themedIcon(pageIcons.at(m_pages.size() - 1)));
    const int number = int(m_pages.size());
    if (number <= 10)
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(page->title()).arg(number % 10));
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *signOut = file->addAction(tr("Sign &out"));
    m_signOut = signOut;
    signOut->setObjectName(u"signOutAction"_s);
    connect(signOut, &QAction::triggered, this,
            [this] { whenNothingUnsaved(m_pages, [this] { emit signOutRequested(); }); });
    m_backUp = file->addAction(tr("&Back up…"));
    m_backUp->setObjectName(u"backUpAction"_s);
    m_backUp->setVisible(false);
    connect(m_backUp, &QAction::triggered, this, &MainWindow::backUpRequested);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setObjectName(u"quitAction"_s);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this,
            [this] { whenNothingUnsaved(m_pages, [this] { emit quitRequested(); }); });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    m_viewMenu = view;
    QAction *refresh = view->addAction(tr("&Refresh"));
    refresh->setObjectName(u"refreshAction"_s);
    refresh->setShortcut(QKeySequence(Qt::Key_F5));
    connect(refresh, &QAction::triggered, this, [this] {
        if (Page *p = page(currentPageIndex()))
            p->refresh();
    });
    QAction *find = view->addAction(tr("&Search"));
    find->setObjectName(u"searchAction"_s);
    find->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_F));
    connect(find, &QAction::triggered, this, [this] {
        // Pages without a search send the user to the calls, which people search most.
        const int current = currentPageIndex();
        if (current != CallsIndex && current != LeadsIndex)
            showPage(CallsIndex);
        page(currentPageIndex())->focusSearch();
    });
    view->addSeparator();
    for (int i = 0; i < m_pages.size(); ++i) {
        QAction *go = view->addAction(m_pages.at(i)->title());
        // Ctrl+1 to Ctrl+0 for the first ten pages; the rest are a click away.
        if (i < 10)
            go->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + (i + 1) % 10)));
        connect(go, &QAction::triggered, this, [this, i] { showPage(i); });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard shortcuts"));
    keys->setObjectName(u"shortcutsAction"_s);
    keys->setShortcut(QKeySequence(Qt::Key_F1));
    connect(keys, &QAction::triggered, this, [this] {
        auto *dialog = new ShortcutsDialog(this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
    });
    QAction *about = help->addAction(tr("&About Voxanne Console"));
    about->setObjectName(u"aboutAction"_s);
    connect(about, &QAction::triggered, this, &MainWindow::showAbout);
}

void MainWindow::showStarting()
{
    m_startingPanel->showStarting();
    m_screens->setCurrentWidget(m_startingPanel);
    setServerActionsEnabled(false);
}

void MainWindow::showStartFailure(const QString &reason)
{
    showStarting();
    m_startingPanel->showFailure(reason);
}

void MainWindow::setServerActionsEnabled(bool enabled)
{
    // Page keys, refresh and sign-out would talk to a server that is not there yet; Quit, Help
    // and About stay.
    m_signOut->setEnabled(enabled);
    m_viewMenu->menuAction()->setEnabled(enabled);
    for (QAction *action : m_viewMenu->actions())
        action->setEnabled(enabled);
}

bool MainWindow::isStarting() const
{
    return m_screens->currentWidget() == m_startingPanel;
}

void MainWindow::sessionStarted()
{
    m_screens->setCurrentWidget(m_content);
    setServerActionsEnabled(true);
    const Session &s = m_api.session();
    // Another person signing in on this desk does not inherit the last one's notifications.
    const bool newPerson = s.userId != m_sessionUserId;
    if (newPerson)
        m_notifications->clear();
    m_sessionUserId = s.userId;
    QString who = tr("Signed in as %1").arg(s.displayName());
    if (!s.orgName.isEmpty())
        who += tr(" · %1").arg(s.orgName);
    if (m_demo)
        who += tr(" · demo clinic");
    m_userLabel->setText(who);
    setWindowTitle(s.orgName.isEmpty() ? tr("Voxanne Console")
                                       : tr("%1 — Voxanne Console").arg(s.orgName));
    loadFeatures();
    m_inbox->refresh();    // the navigation's unread count from the start
    m_liveCalls->reload(); // the dashboard's live panel shows the calls on from the start
    // Told by the server, not assumed from --demo: only a server whose providers are all the
    // sandbox says so.
    m_api.sandboxMode(this, [this](Result<bool> sandbox) {
        const bool on = sandbox && *sandbox;
        m_sandboxLabel->setVisible(on);
        if (on)
            m_sandboxLabel->setStyleSheet(
                u"QLabel { color: %1; font-weight: 600; padding: 0 8px; }"_s.arg(
                    DisplayFormat::tone(DisplayFormat::Tone::Accent).name()));
    });
    // Prices are shown in the clinic's currency; numbers are read in its phone country.
    m_api.settings().get(this, [this](Result<OrgSettings> settings) {
        if (!settings)
            return;
        DisplayFormat::setCurrency(settings->currency);
        DisplayFormat::setPhoneCountry(settings->phoneCountry);
    });
    // Each person lands on their home: the front desk on who to call, owners and admins on the
    // figures. The navigation may already point at a page (it takes a current row when it first
    // has focus), so that is no sign of where the person was; the same person signing in again
    // stays where they were.
    if (newPerson || m_navigation->currentRow() < 0)
        showPage(s.isAdmin() ? DashboardIndex : TodayIndex);
    else if (Page *p = page(currentPageIndex()))
        p->refresh();
}

void MainWindow::setDemo(const QString &accountsNote)
{
    m_demo = !accountsNote.isEmpty();
    m_demoNote = accountsNote;
}

void MainWindow::setBackupAvailable(bool available)
{
    m_backUp->setVisible(available);
}

void MainWindow::loadFeatures()
{
    m_api.integrations().features(this, [this](Result<FeatureAvailability> features) {
        if (!features)
            return;
        for (Page *p : std::as_const(m_pages))
            p->setFeatures(*features);
    });
}

void MainWindow::showPage(int index)
{
    if (index < 0 || index >= m_pages.size())
        return;
    if (m_navigation->currentRow() == index) {
        m_pages.at(index)->activated();
        return;
    }
    m_navigation->setCurrentRow(index);
}

int MainWindow::currentPageIndex() const
{
    return m_stack->currentIndex();
}

void MainWindow::openRecord(const QString &entityType, const QString &id)
{
    if (id.isEmpty())
        return;
    const QString type = entityType == u"lead" ? u"contact"_s : entityType;
    const QList<std::pair<QString, int>> targets{{u"call"_s, CallsIndex},
                                                 {u"contact"_s, LeadsIndex},
                                                 {u"appointment"_s, AppointmentsIndex},
                                                 {u"live"_s, LiveIndex},
                                                 {u"inbox"_s, InboxIndex}};
    for (const auto &[name, index] : targets) {
        if (name == type) {
            showPage(index);
            m_pages.at(index)->openRecord(type, id);
            return;
        }
    }
}

void MainWindow::handleEvent(const LiveEvent &event)
{
    m_liveCalls->applyEvent(event);
    for (Page *p : std::as_const(m_pages))
        p->applyEvent(event);
    if (event.type == u"integration.updated")
        loadFeatures();
    if (event.type == u"live.transferring") {
        // Whoever picks up should know who is coming and why before the caller is put through.
        const QJsonObject p = event.payload;
        const QString caller =
            p.value(u"caller_name"_s).toString(p.value(u"phone_number"_s).toString());
        const QString title =
            tr("Call coming through to %1").arg(p.value(u"destination"_s).toString());
        QString text =
            tr("%1: %2").arg(DisplayFormat::personName(caller), p.value(u"reason"_s).toString());
        const QString summary = p.value(u"summary"_s).toString();
        if (!summary.isEmpty())
            text += u' ' + tr("They said: \"%1\"").arg(summary);
        const QString callId = p.value(u"call_id"_s).toString(event.entityId);
        m_notifications->add(
            {title, text, u"live"_s, callId,
             event.createdAt.isValid() ? event.createdAt : QDateTime::currentDateTimeUtc(), false});
        m_notifier->notify(title, text, u"live"_s, callId);
        return;
    }
    if (event.type == u"message.received" &&
        event.payload.value(u"direction"_s).toString() == u"inbound") {
        // Someone reading the Inbox sees the text arrive; anyone else is told. Only that a
        // patient texted: a desktop notice can be read over a shoulder.
        const bool inView = currentPageIndex() == InboxIndex && !isMinimized();
        if (inView || !Preferences::textNotifications())
            return;
        const QString title = tr("New text message");
        const QString text = tr("A patient texted the clinic.");
        const QString contact = event.payload.value(u"contact_id"_s).toString();
        m_notifications->add(
            {title, text, u"inbox"_s, contact,
             event.createdAt.isValid() ? event.createdAt : QDateTime::currentDateTimeUtc(), false});
        m_notifier->notify(title, text, u"inbox"_s, contact);
        return;
    }
    if (!EventDescription::isNotable(event))
        return;
    const QString title = event.type == u"lead.hot" ? tr("Hot lead") : tr("New appointment booked");
    const QString type = event.type == u"lead.hot" ? u"contact"_s : u"appointment"_s;
    QString id = event.entityId;
    if (event.type == u"lead.hot" && event.entityType != u"contact") {
        const QString contact = event.payload.value(u"contact_id"_s).toString();
        if (!contact.isEmpty())
            id = contact;
    }
    // What this person just did themselves (a booking made here) goes in the list, already read,
    // without a toast or a desktop notice telling them about it.
    const QString by = event.payload.value(u"booked_by_user_id"_s).toString();
    const bool ownAction = !by.isEmpty() && by == m_api.session().userId;
    m_notifications->add(
        {title, EventDescription::describe(event), type, id,
         event.createdAt.isValid() ? event.createdAt : QDateTime::currentDateTimeUtc(), ownAction});
    if (!ownAction)
        m_notifier->notify(title, EventDescription::describe(event), type, id);
}

QString MainWindow::liveStatusText() const
{
    return m_liveLabel->text();
}

void MainWindow::showLiveState(EventStream::State state)
{
    QString text;
    QString colour;
    QString tip;
    switch (state) {
    case EventStream::State::Live:
        text = tr("● Live");
        colour = u"#2e7d32"_s;
        tip = tr("New calls and bookings appear as they happen.");
        break;
    case EventStream::State::Connecting:
        text = tr("● Connecting…");
        colour = u"#ef8f00"_s;
        tip = tr("Connecting to live updates.");
        break;
    case EventStream::State::Reconnecting:
        text = tr("● Reconnecting…");
        colour = u"#ef8f00"_s;
        tip = tr("The live connection dropped; the console reconnects on its own and catches "
                 "up with anything it missed.");
        break;
    case EventStream::State::Offline:
        text = tr("● Offline");
        colour = u"#9e9e9e"_s;
        tip = tr("Live updates are off. Press F5 to read the page again.");
        break;
    }
    m_liveLabel->setText(text);
    m_liveLabel->setStyleSheet(u"color: %1; padding: 0 8px; font-weight: bold;"_s.arg(colour));
    m_liveLabel->setToolTip(tip);
}

void MainWindow::showAbout()
{
    auto *about = new AboutDialog(m_api, m_serverDescription, this);
    about->setNote(m_demoNote);
    about->setAttribute(Qt::WA_DeleteOnClose);
    about->open();
}

void MainWindow::whenNothingUnsaved(const QList<Page *> &pages,
                                    const std::function<void()> &proceed)
{
    QStringList unsaved;
    QList<Page *> edited;
    for (Page *p : pages) {
        if (const QString what = p->unsavedChanges(); !what.isEmpty()) {
            unsaved << what;
            edited << p;
        }
    }
    if (edited.isEmpty()) {
        proceed();
        return;
    }
    if (findChild<QMessageBox *>(u"unsavedChangesBox"_s))
        return; // already asking (a second click on the window's close button)
    // The page with the edits is the one to look at while deciding.
    if (!edited.contains(page(currentPageIndex()))) {
        const QSignalBlocker quiet(m_navigation);
        const int index = int(m_pages.indexOf(edited.constFirst()));
        m_navigation->setCurrentRow(index);
        m_stack->setCurrentIndex(index);
    }
    Confirmation question{tr("Unsaved changes"),
                          unsaved.join(u'\n') + u"\n\n"_s +
                              tr("Leave without saving? What you changed will be lost."),
                          tr("Discard changes"), tr("Keep editing"), u"unsavedChangesBox"_s};
    question.open(this, [edited, proceed] {
        for (Page *p : edited)
            p->discardChanges();
        proceed();
    });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Closing the window is quitting: the same question as File → Quit when edits are unsaved.
    event->ignore();
    whenNothingUnsaved(m_pages, [this] { emit quitRequested(); });
}

} // namespace vox::ui
