// The dashboard's panel of calls in progress: it shows the console's one list of live calls (the
// Live page's), so a live event changes both at once; it says how many calls are on, and for each
// the caller as the Live page names them, the time ticking and what is happening; with no calls it
// says so in words; a click opens the Live page on that call. Today, the front desk's home, shows
// the same panel over its list while a call is on, and none while none is. Renders the dashboard's
// panel and Today with a live call in both palettes and languages (VOXANNE_SCREENSHOT_DIR keeps
// the images).
#include "screenshotlooks.h"
#include "ui/api/apiclient.h"
#include "ui/api/eventstream.h"
#include "ui/api/session.h"
#include "ui/models/livecallsmodel.h"
#include "ui/models/todaymodel.h"
#include "ui/pages/dashboardpage.h"
#include "ui/pages/livepage.h"
#include "ui/pages/todaypage.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/translations.h"
#include "ui/widgets/livecallspanel.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::ui::LiveCall;
using vox::ui::LiveCallsModel;
using vox::ui::LiveEvent;
using vox::ui::MainWindow;

namespace {

const QDateTime noon = QDateTime(QDate(2026, 3, 2), QTime(12, 0), Qt::UTC);

LiveCall call(const QString &id, const QString &name, const QString &number, int secondsAgo)
{
    LiveCall c;
    c.id = id;
    c.status = u"in-progress"_s;
    c.callerName = name;
    c.phoneNumber = number;
    c.startedAt = QDateTime::currentDateTimeUtc().addSecs(-secondsAgo);
    c.canControl = true;
    return c;
}

LiveEvent speech(const QString &id, const QString &role, bool speaking)
{
    LiveEvent e;
    e.type = u"live.speech"_s;
    e.entityType = u"call"_s;
    e.entityId = id;
    e.payload = {{u"call_id"_s, id}, {u"role"_s, role}, {u"speaking"_s, speaking}};
    return e;
}

QString cell(QTableView *table, int row, int column)
{
    return table->model()->index(row, column).data().toString();
}

// The clinic's server as Today meets it, for the pictures: today's call-back list is three people
// (one the AI could not name), and every other question gets an empty answer.
class TodayServer final : public QTcpServer
{
public:
    TodayServer()
    {
        listen(QHostAddress::LocalHost, 0);
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { answer(socket); });
        });
    }
    QString url() const { return u"http://127.0.0.1:%1"_s.arg(serverPort()); }

private:
    static QJsonObject entry(const QString &id, const QString &name, const QString &phone,
                             const QString &reason, const QString &at)
    {
        return {{u"id"_s, id},     {u"contact_id"_s, id}, {u"reason"_s, reason},  {u"at"_s, at},
                {u"name"_s, name}, {u"phone"_s, phone},   {u"state"_s, u"open"_s}};
    }

    static QByteArray today()
    {
        const QJsonArray entries{entry(u"e1"_s, u"Jessica Brown"_s, u"+15125550105"_s,
                                       u"negative"_s, u"2026-03-02T15:10:00Z"_s),
                                 entry(u"e2"_s, u"Emily Rodriguez"_s, u"+15125550103"_s,
                                       u"price_question"_s, u"2026-03-02T14:35:00Z"_s),
                                 entry(u"e3"_s, QString(), u"+15125550177"_s,
                                       u"failed_or_transferred"_s, u"2026-03-02T13:50:00Z"_s)};
        const QJsonArray people{QJsonObject{{u"id"_s, u"u1"_s}, {u"name"_s, u"Dana Owner"_s}}};
        return QJsonDocument(QJsonObject{{u"date"_s, u"2026-03-02"_s},
                                         {u"entries"_s, entries},
                                         {u"people"_s, people}})
            .toJson(QJsonDocument::Compact);
    }

    void answer(QTcpSocket *socket)
    {
        QByteArray &asked = m_asked[socket];
        asked += socket->readAll();
        if (!asked.contains("\r\n\r\n"))
            return;
        const QByteArray path = asked.split(' ').value(1);
        const QByteArray body = path.startsWith("/api/today") ? today() : QByteArray("{}");
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                      QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
        socket->disconnectFromHost();
        m_asked.remove(socket);
    }

    QHash<QTcpSocket *, QByteArray> m_asked;
};

} // namespace

class TestLiveCallsPanel : public QObject
{
    Q_OBJECT

    // The console's window without a server: the pages are given their calls directly.
    struct Console
    {
        vox::ui::ApiClient api;
        vox::ui::EventStream events{api};
        std::unique_ptr<MainWindow> window;

        // No server answers at the address unless one is given.
        explicit Console(const QString &url = u"http://127.0.0.1:1"_s)
        {
            api.setBaseUrl(QUrl(url));
            vox::ui::Session session;
            session.accessToken = u"token"_s;
            session.role = u"owner"_s;
            api.setSession(session);
            window = std::make_unique<MainWindow>(api, events, u"test server"_s);
            window->resize(1280, 800);
        }
        vox::ui::LiveCallsPanel *panel() const { return window->dashboardPage()->livePanel(); }
        vox::ui::LiveCallsPanel *todayPanel() const { return window->todayPage()->livePanel(); }
    };

private slots:
    // English has its own plural forms ("1 call", "2 calls") in its translation.
    void initTestCase() { QVERIFY(vox::ui::installTranslations(u"en"_s)); }
    void cleanupTestCase() { QVERIFY(vox::ui::installTranslations(u"en"_s)); }

    void elapsedTimeReadsAsMinutesAndSeconds_data()
    {
        QTest::addColumn<int>("seconds");
        QTest::addColumn<QString>("text");
        QTest::newRow("just answered") << 0 << u"0:00"_s;
        QTest::newRow("under a minute") << 9 << u"0:09"_s;
        QTest::newRow("a minute and a half") << 95 << u"1:35"_s;
        QTest::newRow("over an hour, in minutes") << 3725 << u"62:05"_s;
        QTest::newRow("a clock a little behind the server's") << -4 << u"0:00"_s;
    }
    void elapsedTimeReadsAsMinutesAndSeconds()
    {
        QFETCH(int, seconds);
        QFETCH(QString, text);
        QCOMPARE(LiveCallsModel::elapsedText(noon.addSecs(-seconds), noon), text);
    }

    void withNoCallsThePanelSaysSo()
    {
        Console c;
        QVERIFY(c.panel());
        c.window->liveCalls()->setCalls({});
        QVERIFY(c.panel()->countLabel()->text().startsWith(u"No calls in progress"_s));
        QVERIFY(!c.panel()->table()->isVisibleTo(c.panel()));
    }

    void thePanelShowsTheCallsTheLivePageShows()
    {
        Console c;
        // Fed as the Live page's tests feed it: the page's calls are the panel's.
        c.window->livePage()->showCalls({call(u"c1"_s, u"Maria Lopez"_s, u"+12125550142"_s, 95),
                                         call(u"c2"_s, QString(), u"+13055550199"_s, 20)});
        QTableView *table = c.panel()->table();
        QCOMPARE(c.panel()->countLabel()->text(), u"2 calls in progress"_s);
        QVERIFY(table->isVisibleTo(c.panel()));
        QCOMPARE(table->model()->rowCount(), 2);
        QCOMPARE(cell(table, 0, LiveCallsModel::CallerColumn), u"Maria Lopez"_s);
        // A caller without a name: their number, as the Live page writes it.
        QCOMPARE(cell(table, 1, LiveCallsModel::CallerColumn), u"(305) 555-0199"_s);
        QVERIFY(
            c.window->livePage()->callList()->item(1)->text().startsWith(u"(305) 555-0199\n"_s));
        QVERIFY(cell(table, 0, LiveCallsModel::ElapsedColumn).startsWith(u"1:3"_s));
        QCOMPARE(cell(table, 0, LiveCallsModel::StateColumn), u"In progress"_s);
        // One call ends: one left, in words.
        c.window->liveCalls()->setCalls({call(u"c1"_s, u"Maria Lopez"_s, u"+12125550142"_s, 95)});
        QCOMPARE(c.panel()->countLabel()->text(), u"1 call in progress"_s);
    }

    void aLiveEventChangesThePanelAndTheLivePageAlike()
    {
        Console c;
        c.window->liveCalls()->setCalls({call(u"c1"_s, u"Maria Lopez"_s, u"+12125550142"_s, 95)});
        c.window->liveCalls()->applyEvent(speech(u"c1"_s, u"assistant"_s, true));
        QCOMPARE(cell(c.panel()->table(), 0, LiveCallsModel::StateColumn), u"AI speaking"_s);
        QVERIFY(c.window->livePage()->callList()->item(0)->text().contains(u"AI speaking"_s));
        c.window->liveCalls()->applyEvent(speech(u"c1"_s, u"assistant"_s, false));
        QCOMPARE(cell(c.panel()->table(), 0, LiveCallsModel::StateColumn), u"In progress"_s);
    }

    void theTimeTicksWhileCallsAreOn()
    {
        Console c;
        LiveCallsModel &model = *c.window->liveCalls();
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setCalls({call(u"c1"_s, u"Maria Lopez"_s, u"+12125550142"_s, 95)});
        QVERIFY(changed.wait(3000));
        QCOMPARE(changed.first().at(0).toModelIndex().column(), int(LiveCallsModel::ElapsedColumn));
        // No calls, no ticking.
        model.setCalls({});
        changed.clear();
        QVERIFY(!changed.wait(1500));
    }

    void aClickOpensTheLivePageOnThatCall()
    {
        Console c;
        c.window->show();
        c.window->showPage(MainWindow::DashboardIndex);
        c.window->liveCalls()->setCalls({call(u"c1"_s, u"Maria Lopez"_s, u"+12125550142"_s, 95),
                                         call(u"c2"_s, u"Tom Reyes"_s, u"+13055550199"_s, 20)});
        QTableView *table = c.panel()->table();
        QVERIFY(QTest::qWaitForWindowExposed(c.window.get()));
        const QRect second = table->visualRect(table->model()->index(1, 0));
        QVERIFY(second.isValid());
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, second.center());
        QCOMPARE(c.window->currentPageIndex(), int(MainWindow::LiveIndex));
        QCOMPARE(c.window->livePage()->chosenId(), u"c2"_s);
        QCOMPARE(c.window->livePage()->callList()->currentRow(), 1);
        // Enter on a row does the same, from the keyboard.
        c.window->showPage(MainWindow::DashboardIndex);
        table->setFocus();
        table->setCurrentIndex(table->model()->index(0, 0));
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(c.window->currentPageIndex(), int(MainWindow::LiveIndex));
        QCOMPARE(c.window->livePage()->chosenId(), u"c1"_s);
    }

    void todayShowsTheSameCallsOnlyWhileOneIsOn()
    {
        Console c;
        c.window->show();
        c.window->showPage(MainWindow::TodayIndex);
        QVERIFY(QTest::qWaitForWindowExposed(c.window.get()));
        vox::ui::LiveCallsPanel *panel = c.todayPanel();
        QVERIFY(panel);
        // The one list: no second feed to keep in step.
        QCOMPARE(panel->table()->model(), c.window->liveCalls());
        c.window->liveCalls()->setCalls({});
        QVERIFY(!panel->isVisible());
        c.window->livePage()->showCalls({call(u"c1"_s, u"Maria Lopez"_s, u"+12125550142"_s, 95)});
        QVERIFY(panel->isVisible());
        QCOMPARE(panel->countLabel()->text(), u"1 call in progress"_s);
        QCOMPARE(cell(panel->table(), 0, LiveCallsModel::CallerColumn), u"Maria Lopez"_s);
        // Above the call-back list, on the screen and in the Tab order.
        vox::ui::TodayPage *today = c.window->todayPage();
        QVERIFY(panel->mapTo(today, QPoint(0, 0)).y() <
                today->table()->mapTo(today, QPoint(0, 0)).y());
        QWidget *next = panel->table()->nextInFocusChain();
        while (next && !(next->focusPolicy() & Qt::TabFocus))
            next = next->nextInFocusChain();
        QCOMPARE(next, today->table());
        c.window->liveCalls()->applyEvent(speech(u"c1"_s, u"user"_s, true));
        QCOMPARE(cell(panel->table(), 0, LiveCallsModel::StateColumn),
                 cell(c.panel()->table(), 0, LiveCallsModel::StateColumn));
        // The call ends: the panel makes room again.
        c.window->liveCalls()->setCalls({});
        QVERIFY(!panel->isVisible());
        // The dashboard still says "no calls" in words.
        QVERIFY(c.panel()->isVisibleTo(c.window->dashboardPage()));
    }

    void aClickOnTodaysPanelOpensTheLivePageOnThatCall()
    {
        Console c;
        c.window->show();
        c.window->showPage(MainWindow::TodayIndex);
        c.window->liveCalls()->setCalls({call(u"c1"_s, u"Maria Lopez"_s, u"+12125550142"_s, 95),
                                         call(u"c2"_s, u"Tom Reyes"_s, u"+13055550199"_s, 20)});
        QVERIFY(QTest::qWaitForWindowExposed(c.window.get()));
        QTableView *table = c.todayPanel()->table();
        QVERIFY(table->isVisible());
        const QRect second = table->visualRect(table->model()->index(1, 0));
        QVERIFY(second.isValid());
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, second.center());
        QCOMPARE(c.window->currentPageIndex(), int(MainWindow::LiveIndex));
        QCOMPARE(c.window->livePage()->chosenId(), u"c2"_s);
        c.window->showPage(MainWindow::TodayIndex);
        table->setFocus();
        table->setCurrentIndex(table->model()->index(0, 0));
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(c.window->currentPageIndex(), int(MainWindow::LiveIndex));
        QCOMPARE(c.window->livePage()->chosenId(), u"c1"_s);
    }

    void theLivePageComesRightAfterToday()
    {
        Console c;
        QCOMPARE(c.window->page(MainWindow::TodayIndex + 1), c.window->livePage());
        QCOMPARE(c.window->page(MainWindow::LiveIndex), c.window->livePage());
    }

    void screenshots_data() { vox::test::addScreenshotLookRows(); }
    void screenshots()
    {
        QFETCH(bool, dark);
        QFETCH(QString, language);
        QVERIFY(vox::test::applyScreenshotLook(dark, language));
        Console c;
        c.window->show();
        c.window->showPage(MainWindow::DashboardIndex);
        LiveCall first = call(u"c1"_s, u"Maria Lopez"_s, u"+12125550142"_s, 95);
        first.speaking = u"user"_s;
        c.window->liveCalls()->setCalls({first, call(u"c2"_s, QString(), u"+13055550199"_s, 20)});
        QVERIFY(QTest::qWaitForWindowExposed(c.window.get()));
        QTest::qWait(50);
        const QImage image = c.panel()->grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(vox::test::saveScreenshot(image, u"dashboard-live-panel"_s, dark, language));
        if (language == u"es")
            QVERIFY2(c.panel()->title() != u"Calls in progress"_s,
                     "the Spanish translation is used");
        QVERIFY(vox::ui::installTranslations(u"en"_s));
    }

    // The whole window on Today at the smallest size the console is made for.
    void todayScreenshots_data() { vox::test::addScreenshotLookRows(); }
    void todayScreenshots()
    {
        QFETCH(bool, dark);
        QFETCH(QString, language);
        QVERIFY(vox::test::applyScreenshotLook(dark, language));
        // Today as the front desk sees it: its list from the server under the call, live.
        TodayServer server;
        Console c(server.url());
        c.window->resize(1024, 700);
        c.window->show();
        c.window->showPage(MainWindow::TodayIndex);
        QTRY_COMPARE(c.window->todayPage()->model()->rowCount(), 3);
        c.window->todayPage()->table()->selectRow(0);
        emit c.events.stateChanged(vox::ui::EventStream::State::Live);
        LiveCall first = call(u"c1"_s, u"Maria Lopez"_s, u"+12125550142"_s, 95);
        first.speaking = u"user"_s;
        c.window->liveCalls()->setCalls({first});
        QVERIFY(QTest::qWaitForWindowExposed(c.window.get()));
        QTest::qWait(50);
        QVERIFY(c.todayPanel()->isVisible());
        const QImage image = c.window->grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(vox::test::saveScreenshot(image, u"today-live-call"_s, dark, language));
        QVERIFY(vox::ui::installTranslations(u"en"_s));
    }
};

QTEST_MAIN(TestLiveCallsPanel)
#include "tst_livecallspanel.moc"
