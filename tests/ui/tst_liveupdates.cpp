// Live updates (C-live): a call the server records appears in the open list without a refresh;
// after the network drops, the console reconnects by itself and catches up with what happened
// meanwhile (`since`); a hot lead raises a notification that opens the lead.
#include "consolefixture.h"
#include "server/db/database.h"
#include "server/events/eventpublisher.h"
#include "tcprelay.h"
#include "ui/api/apiclient.h"
#include "ui/api/eventstream.h"
#include "ui/models/callsmodel.h"
#include "ui/models/notificationlist.h"
#include "ui/models/todaymodel.h"
#include "ui/pages/callspage.h"
#include "ui/pages/leadspage.h"
#include "ui/pages/settingspage.h"
#include "ui/pages/todaypage.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/preferences.h"
#include "ui/shell/traynotifier.h"
#include "ui/widgets/emptystate.h"
#include "ui/widgets/leaddetailpanel.h"
#include "ui/widgets/toastarea.h"

#include <QAction>
#include <QComboBox>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace Qt::Literals::StringLiterals;
using vox::ui::EventStream;

class TestLiveUpdates : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::ConsoleFixture> m_fixture;

    // A signed-in console on `url` (the server, or a relay in front of it).
    struct Console
    {
        vox::ui::ApiClient api;
        EventStream events{api};
        std::unique_ptr<vox::ui::MainWindow> window;

        Console(const QString &url, const vox::ui::Session &session)
        {
            api.setBaseUrl(QUrl(url));
            api.setSession(session);
            events.setBackoff({200});
            window = std::make_unique<vox::ui::MainWindow>(api, events, u"test server"_s);
            window->show();
            window->sessionStarted();
        }
        ~Console() { events.stop(); }
    };

    // The calls page alone, following the event stream, on `url`.
    struct CallsList
    {
        vox::ui::ApiClient api;
        EventStream events{api};
        QWidget window;
        vox::ui::ToastArea toasts{&window};
        vox::ui::CallsPage *page = new vox::ui::CallsPage(api, toasts, &window);

        CallsList(const QString &url, const vox::ui::Session &session)
        {
            api.setBaseUrl(QUrl(url));
            api.setSession(session);
            events.setBackoff({200});
            QObject::connect(&events, &EventStream::eventReceived, page,
                             &vox::ui::CallsPage::applyEvent);
            window.show();
            page->refresh();
        }
        ~CallsList() { events.stop(); }
    };

    // Generously, until the server says "ready": an event published earlier is not streamed.
    [[nodiscard]] static bool goLive(EventStream &events)
    {
        events.start();
        return QTest::qWaitFor([&] { return events.state() == EventStream::State::Live; }, 15000);
    }

    QString newCall(const vox::test::Clinic &clinic, const QString &phone)
    {
        vox::test::CallSeed seed;
        seed.phone = phone;
        seed.status = u"in-progress"_s;
        seed.minutesAgo = 0;
        const QString id = m_fixture->insertCall(clinic, seed);
        m_fixture->publishEvent(clinic, u"call.created"_s, u"call"_s, id,
                                {{u"phone_number"_s, phone}});
        return id;
    }

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<vox::test::ConsoleFixture>(u"ui_live"_s);
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
    }

    void aNewCallAppearsWithoutARefresh()
    {
        const auto clinic = m_fixture->createClinic();
        m_fixture->insertPrdSampleCalls(clinic);

        Console console(m_fixture->url(), clinic.session);
        console.window->showPage(vox::ui::MainWindow::CallsIndex);
        vox::ui::CallsModel *model = console.window->callsPage()->model();
        QTRY_COMPARE(model->rowCount(), 3);
        QVERIFY(goLive(console.events));
        QTRY_VERIFY(console.window->liveStatusText().contains(u"Live"_s));

        const QString id = newCall(clinic, u"+15550001111"_s);
        QTRY_COMPARE(model->rowCount(), 4);
        QCOMPARE(model->callAt(0)->id, id);
        QCOMPARE(model->callAt(0)->phoneNumber, u"+15550001111"_s);

        // An update changes the row in place.
        auto admin = m_fixture->database().connectAsAdmin();
        QVERIFY(admin->exec("UPDATE call_logs SET status = 'ended', duration_seconds = 95 "
                            "WHERE id = $1::uuid",
                            {id}));
        m_fixture->publishEvent(clinic, u"call.updated"_s, u"call"_s, id);
        QTRY_COMPARE(model->callAt(0)->status, u"ended"_s);
        QCOMPARE(model->rowCount(), 4);
    }

    void afterANetworkDropItReconnectsAndCatchesUp()
    {
        const auto clinic = m_fixture->createClinic(u"Flaky Network Clinic"_s);
        const QUrl server(m_fixture->url());
        vox::test::TcpRelay relay(server.host(), quint16(server.port()));
        QVERIFY(relay.listen());

        CallsList calls(relay.url(), clinic.session);
        auto *page = calls.page;
        auto &events = calls.events;
        QTRY_VERIFY(page->model()->hasLoaded());
        QSignalSpy caughtUp(&events, &EventStream::caughtUp);
        QVERIFY(goLive(events));
        const QString before = newCall(clinic, u"+15550002222"_s);
        QTRY_COMPARE(page->model()->rowCount(), 1);
        const qint64 seen = events.lastEventId();
        QVERIFY(seen > 0);

        // The network goes away: the stream notices and keeps trying.
        relay.setRefusing(true);
        relay.dropAll();
        QTRY_COMPARE(events.state(), EventStream::State::Reconnecting);

        // Meanwhile a call comes in.
        const QString during = newCall(clinic, u"+15550003333"_s);
        QTest::qWait(300);
        QCOMPARE(page->model()->rowCount(), 1);

        // The network is back: it reconnects with `since` and the missed call arrives.
        relay.setRefusing(false);
        QTRY_COMPARE_WITH_TIMEOUT(events.state(), EventStream::State::Live, 15000);
        QTRY_COMPARE(page->model()->rowCount(), 2);
        QCOMPARE(page->model()->callAt(0)->id, during);
        QCOMPARE(page->model()->callAt(1)->id, before);
        QVERIFY(events.lastEventId() > seen);
        QVERIFY(caughtUp.count() >= 2);
        QCOMPARE(caughtUp.last().at(0).toBool(), true);
    }

    // A page that could not read the server while the network was away reads again once the
    // live connection is back; one holding a person's edits keeps them.
    void thePageInFrontReadsAgainAfterReconnecting_data()
    {
        QTest::addColumn<bool>("edited");
        QTest::newRow("nothing edited: read again") << false;
        QTest::newRow("edits kept") << true;
    }
    void thePageInFrontReadsAgainAfterReconnecting()
    {
        QFETCH(bool, edited);
        const auto clinic = m_fixture->createClinic(u"Offline Settings Clinic"_s);
        const QUrl server(m_fixture->url());
        vox::test::TcpRelay relay(server.host(), quint16(server.port()));
        QVERIFY(relay.listen());
        Console console(relay.url(), clinic.session);
        auto &window = *console.window;
        auto &events = console.events;
        auto &api = console.api;
        window.showPage(vox::ui::MainWindow::SettingsIndex);
        auto *name = window.settingsPage()->findChild<QLineEdit *>(u"clinicNameEdit"_s);
        QTRY_COMPARE(name->text(), u"Offline Settings Clinic"_s);
        QVERIFY(goLive(events));

        relay.setRefusing(true);
        relay.dropAll();
        QTRY_COMPARE(events.state(), EventStream::State::Reconnecting);
        // Meanwhile the page is asked to read again and cannot, and the clinic's name changes
        // where no live event says so (another tool, an import), so only a fresh read shows it.
        QTest::keyClick(&window, Qt::Key_F5);
        QVERIFY(vox::test::settle(api));
        auto admin = m_fixture->database().connectAsAdmin();
        QVERIFY(admin->exec("UPDATE organizations SET name = 'Renamed Clinic' "
                            "WHERE id = $1::uuid",
                            {clinic.orgId}));
        if (edited) {
            name->setFocus();
            QTest::keyClicks(name, u" Spa"_s);
        }

        relay.setRefusing(false);
        QTRY_COMPARE_WITH_TIMEOUT(events.state(), EventStream::State::Live, 15000);
        QVERIFY(vox::test::settle(api));
        QCOMPARE(name->text(), edited ? u"Offline Settings Clinic Spa"_s : u"Renamed Clinic"_s);
    }

    // Event ids are taken at insert, not at commit: a call whose transaction started first can
    // commit after a later one. The console must not take its lower id for an old event.
    void aCallThatCommitsLateStillAppears()
    {
        const auto clinic = m_fixture->createClinic(u"Busy Line Clinic"_s);
        CallsList calls(m_fixture->url(), clinic.session);
        auto *page = calls.page;
        QTRY_VERIFY(page->model()->hasLoaded());
        QVERIFY(goLive(calls.events));

        auto slow = m_fixture->database().connectAsAdmin();
        QVERIFY(slow->execScript("BEGIN").ok());
        vox::test::CallSeed seed;
        seed.phone = u"+15550004444"_s;
        seed.status = u"in-progress"_s;
        seed.minutesAgo = 1;
        const QString early = m_fixture->insertCall(clinic, seed);
        vox::db::Transaction tx(*slow);
        const auto earlyEvent =
            vox::server::events::publish(tx, clinic.orgId, u"call.created"_s, u"call"_s, early, {});
        QVERIFY(earlyEvent.ok());

        const QString later = newCall(clinic, u"+15550005555"_s);
        QTRY_COMPARE(page->model()->rowCount(), 1);
        QCOMPARE(page->model()->callAt(0)->id, later);
        QVERIFY(calls.events.lastEventId() > *earlyEvent);

        QVERIFY(slow->execScript("COMMIT").ok());
        QTRY_COMPARE(page->model()->rowCount(), 2);
        const QStringList ids{page->model()->callAt(0)->id, page->model()->callAt(1)->id};
        QVERIFY(ids.contains(early) && ids.contains(later));
    }

    void aHotLeadNotifiesAndOpensTheLead()
    {
        const auto clinic = m_fixture->createClinic(u"Hot Lead Clinic"_s);
        const QString contact =
            m_fixture->insertContact(clinic, u"Maria Garcia"_s, u"+15550004444"_s, 85);

        Console console(m_fixture->url(), clinic.session);
        auto &window = *console.window;
        QVERIFY(goLive(console.events));

        m_fixture->publishEvent(clinic, u"lead.hot"_s, u"contact"_s, contact,
                                {{u"contact_name"_s, u"Maria Garcia"_s}});
        QTRY_COMPARE(window.notifier().shownCount(), 1);
        if (window.notifier().usesSystemTray())
            QSKIP("A system tray is present: the notification went to the desktop.");
        // Offscreen there is no tray: the notice is a toast with "Open".
        vox::ui::Toast *toast = nullptr;
        QTRY_VERIFY(!window.toasts().toasts().isEmpty());
        toast = window.toasts().toasts().first();
        QVERIFY(toast->text().contains(u"Maria Garcia"_s));
        QVERIFY(toast->actionButton());
        QTest::mouseClick(toast->actionButton(), Qt::LeftButton);
        QCOMPARE(window.currentPageIndex(), int(vox::ui::MainWindow::LeadsIndex));
        QTRY_COMPARE(window.leadsPage()->detail()->contactId(), contact);
    }

    // A patient's text is announced while the Inbox is not in view, opens their conversation,
    // and is not announced to someone reading the Inbox or who turned such notices off.
    void aPatientsTextIsAnnouncedUnlessTheInboxIsInView()
    {
        const auto clinic = m_fixture->createClinic(u"Text Notice Clinic"_s);
        const QString contact =
            m_fixture->insertContact(clinic, u"Tess Texter"_s, u"+15550007777"_s, 20);
        Console console(m_fixture->url(), clinic.session);
        auto &window = *console.window;
        QVERIFY(goLive(console.events));
        QVERIFY(window.currentPageIndex() != int(vox::ui::MainWindow::InboxIndex));
        const QJsonObject text{{u"method"_s, u"sms"_s},
                               {u"direction"_s, u"inbound"_s},
                               {u"reply_kind"_s, u"free_text"_s},
                               {u"unread"_s, true},
                               {u"contact_id"_s, contact}};
        m_fixture->publishEvent(clinic, u"message.received"_s, u"message"_s,
                                u"00000000-0000-4000-8000-000000000011"_s, text);
        QTRY_COMPARE(window.notifier().shownCount(), 1);
        QCOMPARE(window.notifications().unreadCount(), 1);
        if (!window.notifier().usesSystemTray()) {
            // Offscreen there is no tray: the notice is a toast with "Open", and no patient data.
            QTRY_VERIFY(!window.toasts().toasts().isEmpty());
            vox::ui::Toast *toast = window.toasts().toasts().last();
            QVERIFY(toast->text().contains(u"A patient texted the clinic."_s));
            QVERIFY(!toast->text().contains(u"Tess"_s));
            QVERIFY(toast->actionButton());
            QTest::mouseClick(toast->actionButton(), Qt::LeftButton);
        } else {
            window.openRecord(u"inbox"_s, contact);
        }
        QCOMPARE(window.currentPageIndex(), int(vox::ui::MainWindow::InboxIndex));

        // Reading the Inbox: the text shows there, no notice.
        m_fixture->publishEvent(clinic, u"message.received"_s, u"message"_s,
                                u"00000000-0000-4000-8000-000000000012"_s, text);
        QTest::qWait(300);
        QCOMPARE(window.notifier().shownCount(), 1);

        // Elsewhere with such notices turned off: none either.
        window.showPage(vox::ui::MainWindow::CallsIndex);
        vox::ui::Preferences::setTextNotifications(false);
        m_fixture->publishEvent(clinic, u"message.received"_s, u"message"_s,
                                u"00000000-0000-4000-8000-000000000013"_s, text);
        QTest::qWait(300);
        vox::ui::Preferences::setTextNotifications(true);
        QCOMPARE(window.notifier().shownCount(), 1);
    }

    // The notices last: a list with an unread count that opens each record again. A booking the
    // person made themselves is listed, already read, with no toast about it; a colleague's is
    // announced.
    void noticesStayInTheListAndOwnBookingsAreNotAnnounced()
    {
        const auto clinic = m_fixture->createClinic(u"Notice List Clinic"_s);
        const QString contact =
            m_fixture->insertContact(clinic, u"Ana Ruiz"_s, u"+15550006666"_s, 85);
        Console console(m_fixture->url(), clinic.session);
        auto &window = *console.window;
        QVERIFY(goLive(console.events));
        auto *button = window.findChild<QToolButton *>(u"notificationsButton"_s);
        QVERIFY(button);
        QCOMPARE(button->text(), u"Notifications"_s);

        m_fixture->publishEvent(clinic, u"lead.hot"_s, u"contact"_s, contact,
                                {{u"contact_name"_s, u"Ana Ruiz"_s}});
        QTRY_COMPARE(window.notifications().unreadCount(), 1);
        QCOMPARE(window.notifier().shownCount(), 1);
        QCOMPARE(button->text(), u"Notifications (1)"_s);
        QCOMPARE(button->accessibleName(), u"Notifications (1)"_s);

        // Booked here: listed, read, not announced.
        m_fixture->publishEvent(
            clinic, u"appointment.created"_s, u"appointment"_s,
            u"00000000-0000-4000-8000-000000000001"_s,
            {{u"contact_name"_s, u"Ana Ruiz"_s}, {u"booked_by_user_id"_s, clinic.session.userId}});
        QTRY_COMPARE(window.notifications().notices().size(), 2);
        QCOMPARE(window.notifications().unreadCount(), 1);
        QCOMPARE(window.notifier().shownCount(), 1);
        // Booked by a colleague (or the AI): announced.
        m_fixture->publishEvent(
            clinic, u"appointment.created"_s, u"appointment"_s,
            u"00000000-0000-4000-8000-000000000002"_s,
            {{u"contact_name"_s, u"Ana Ruiz"_s}, {u"booked_by_user_id"_s, u"someone-else"_s}});
        QTRY_COMPARE(window.notifications().unreadCount(), 2);
        QCOMPARE(window.notifier().shownCount(), 2);

        // The list opens the hot lead again, and it is read then.
        QMenu *menu = button->menu();
        emit menu->aboutToShow();
        QAction *hot = nullptr;
        for (QAction *a : menu->actions())
            if (a->text().startsWith(u"Hot lead"_s))
                hot = a;
        QVERIFY(hot);
        QVERIFY(hot->font().bold());
        hot->trigger();
        QCOMPARE(window.currentPageIndex(), int(vox::ui::MainWindow::LeadsIndex));
        QTRY_COMPARE(window.leadsPage()->detail()->contactId(), contact);
        QCOMPARE(window.notifications().unreadCount(), 1);
        emit menu->aboutToShow();
        menu->findChild<QAction *>(u"markAllReadAction"_s)->trigger();
        QCOMPARE(window.notifications().unreadCount(), 0);
        QCOMPARE(button->text(), u"Notifications"_s);
    }

    void anEmptyDaySaysNobodyIsWaiting()
    {
        const auto clinic = m_fixture->createClinic(u"Quiet Clinic"_s);
        vox::ui::ApiClient api;
        api.setBaseUrl(QUrl(m_fixture->url()));
        api.setSession(clinic.session);
        EventStream events(api);
        vox::ui::MainWindow window(api, events, u"test server"_s);
        window.show();
        window.sessionStarted();
        window.showPage(vox::ui::MainWindow::TodayIndex);
        vox::ui::TodayPage *today = window.todayPage();
        QTRY_VERIFY(today->tableState()->isShowingMessage() &&
                    today->tableState()->messageTitle() ==
                        u"Nobody is waiting for a call back today"_s);
        QVERIFY(!today->doneButton()->isEnabled());
    }

    void theTodayListIsTheFrontDesksHomeAndFollowsEveryConsole()
    {
        const auto clinic = m_fixture->createClinic(u"Today Clinic"_s);
        // A receptionist signs in at a second console.
        auto owner = m_fixture->server().client();
        owner->setToken(clinic.session.accessToken);
        const QString staffEmail = u"rita.%1@clinic.test"_s.arg(QCoreApplication::applicationPid());
        QCOMPARE(owner
                     ->post(u"/api/org/users"_s, {{u"email"_s, staffEmail},
                                                  {u"role"_s, u"staff"_s},
                                                  {u"full_name"_s, u"Rita Front"_s},
                                                  {u"password"_s, u"another good password"_s}})
                     .status,
                 201);
        const auto login = m_fixture->server().client()->post(
            u"/api/auth/login"_s,
            {{u"email"_s, staffEmail}, {u"password"_s, u"another good password"_s}});
        QCOMPARE(login.status, 200);
        const auto staff =
            vox::ui::Session::fromJson(login.json(), QDateTime::currentDateTimeUtc());

        // Three callers who need a person, just now.
        const QString ned = m_fixture->insertContact(clinic, u"Ned Upset"_s, u"+15125550111"_s, 30);
        vox::test::CallSeed unhappy;
        unhappy.contactId = ned;
        unhappy.phone = u"+15125550111"_s;
        unhappy.callerName = u"Ned Upset"_s;
        unhappy.sentiment = u"negative"_s;
        QVERIFY(!m_fixture->insertCall(clinic, unhappy).isEmpty());
        vox::test::CallSeed failed;
        failed.status = u"failed"_s;
        failed.phone = u"+15125550112"_s;
        const QString failedCall = m_fixture->insertCall(clinic, failed);
        QVERIFY(!failedCall.isEmpty());
        const QString tom = m_fixture->insertContact(clinic, u"Tom Moved"_s, u"+15125550113"_s, 50);
        vox::test::CallSeed transferred;
        transferred.contactId = tom;
        transferred.phone = u"+15125550113"_s;
        transferred.transferTo = u"+15125550199"_s;
        QVERIFY(!m_fixture->insertCall(clinic, transferred).isEmpty());

        struct Desk
        {
            vox::ui::ApiClient api;
            EventStream events{api};
            std::unique_ptr<vox::ui::MainWindow> window;
        };
        Desk a;
        Desk b;
        for (auto [desk, session] : {std::pair{&a, clinic.session}, std::pair{&b, staff}}) {
            desk->api.setBaseUrl(QUrl(m_fixture->url()));
            desk->api.setSession(session);
            desk->window =
                std::make_unique<vox::ui::MainWindow>(desk->api, desk->events, u"test server"_s);
            desk->window->show();
            desk->window->sessionStarted();
            desk->events.start();
        }
        // The receptionist starts on Today; the owner on the dashboard, Today one click away.
        QCOMPARE(b.window->currentPageIndex(), int(vox::ui::MainWindow::TodayIndex));
        QCOMPARE(a.window->currentPageIndex(), int(vox::ui::MainWindow::DashboardIndex));
        a.window->showPage(vox::ui::MainWindow::TodayIndex);
        QTRY_COMPARE_WITH_TIMEOUT(a.events.state(), EventStream::State::Live, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(b.events.state(), EventStream::State::Live, 15000);

        vox::ui::TodayPage *pa = a.window->todayPage();
        vox::ui::TodayPage *pb = b.window->todayPage();
        QTRY_COMPARE(pa->model()->rowCount(), 3);
        QTRY_COMPARE(pb->model()->rowCount(), 3);
        // The unhappy caller first, then the failed and transferred calls, newest first.
        QCOMPARE(pa->model()->entryAt(0)->name, u"Ned Upset"_s);
        QCOMPARE(pa->model()->index(0, vox::ui::TodayModel::WhyColumn).data().toString(),
                 u"Unhappy on the call"_s);

        // The owner marks Ned done: he leaves both lists, and nobody else is chosen in his place.
        pa->selectEntry(ned);
        QCOMPARE(pa->chosenId(), ned);
        pa->doneButton()->click();
        QTRY_COMPARE(pa->model()->rowCount(), 2);
        QTRY_COMPARE(pb->model()->rowCount(), 2);
        QVERIFY(pa->chosenId().isEmpty());
        QVERIFY(!pa->table()->selectionModel()->hasSelection());
        QVERIFY(!pa->doneButton()->isEnabled());

        // The receptionist takes the transferred caller (the newest, first) and notes what
        // happened.
        pb->selectEntry(tom);
        QCOMPARE(pb->chosenId(), tom);
        const int rita = pb->ownerBox()->findText(u"Rita Front"_s);
        QVERIFY(rita > 0);
        pb->ownerBox()->setCurrentIndex(rita);
        emit pb->ownerBox()->activated(rita);
        pb->noteField()->setFocus();
        QTest::keyClicks(pb->noteField(), u"Left a voicemail"_s);
        QVERIFY(!pb->unsavedChanges().isEmpty());
        QTest::keyClick(pb->noteField(), Qt::Key_Return);
        QTRY_VERIFY(pb->unsavedChanges().isEmpty());
        const auto entryOf = [](vox::ui::TodayPage *page, const QString &id) {
            const vox::ui::TodayEntry *e = page->model()->entryAt(page->model()->rowOf(id));
            return e ? *e : vox::ui::TodayEntry{};
        };
        QTRY_COMPARE(entryOf(pa, tom).ownerName, u"Rita Front"_s);
        QTRY_COMPARE(entryOf(pa, tom).note, u"Left a voicemail"_s);

        // Called keeps the caller on the list, after those nobody has reached yet.
        QCOMPARE(pb->model()->entryAt(0)->id, tom);
        pb->calledButton()->click();
        QTRY_COMPARE(entryOf(pa, tom).state, u"called"_s);
        QTRY_COMPARE(pa->model()->entryAt(1)->id, tom);
        QCOMPARE(pa->model()->entryAt(0)->id, failedCall);
        // The receptionist's choice stays on the person who moved down.
        QTRY_COMPARE(pb->model()->entryAt(1)->id, tom);
        QCOMPARE(pb->chosenId(), tom);
        QCOMPARE(pb->table()->currentIndex().row(), 1);
        a.events.stop();
        b.events.stop();
    }
};

QTEST_MAIN(TestLiveUpdates)
#include "tst_liveupdates.moc"
