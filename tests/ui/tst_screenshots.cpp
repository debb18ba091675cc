// Renders the dashboard, the calls page with a call open, the leads and the appointments at
// 1280x800 in the light and dark Fusion palettes, from a seeded clinic on the real server.
// The PNGs go to $VOXANNE_SCREENSHOT_DIR when set (docs/screenshots/ is refreshed with
// `VOXANNE_SCREENSHOT_DIR=$PWD/docs/screenshots ctest -R tst_screenshots`), else to a temporary
// folder; the test checks that each picture has content.
#include "consolefixture.h"
#include "ui/api/apiclient.h"
#include "ui/api/eventstream.h"
#include "ui/models/activitymodel.h"
#include "ui/models/appointmentsmodel.h"
#include "ui/models/callsmodel.h"
#include "ui/models/leadsmodel.h"
#include "ui/pages/appointmentspage.h"
#include "ui/pages/callspage.h"
#include "ui/pages/dashboardpage.h"
#include "ui/pages/leadspage.h"
#include "ui/shell/consolecontroller.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/theme.h"
#include "ui/shell/translations.h"
#include "ui/widgets/calldetailpanel.h"
#include "ui/widgets/leaddetailpanel.h"
#include "ui/widgets/recordingplayer.h"
#include "ui/widgets/statcard.h"
#include "ui/widgets/transcriptview.h"

#include <QDir>
#include <QImage>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::ui::MainWindow;

class TestScreenshots : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::ConsoleFixture> m_fixture;
    vox::test::Clinic m_clinic;
    QString m_focusCall;
    QString m_focusContact;
    QTemporaryDir m_temporary;
    QString m_folder;

    void seed()
    {
        auto &f = *m_fixture;
        struct Person
        {
            QString name, phone;
            int score;
            QString status;
        };
        const QList<Person> people{{u"Sarah Johnson"_s, u"+15125550101"_s, 92, u"booked"_s},
                                   {u"Michael Chen"_s, u"+15125550102"_s, 78, u"contacted"_s},
                                   {u"Emily Rodriguez"_s, u"+15125550103"_s, 74, u"new"_s},
                                   {u"David Kim"_s, u"+15125550104"_s, 61, u"contacted"_s},
                                   {u"Jessica Brown"_s, u"+15125550105"_s, 48, u"new"_s},
                                   {u"Robert Wilson"_s, u"+15125550106"_s, 33, u"lost"_s},
                                   {u"Amanda Lee"_s, u"+15125550107"_s, 22, u"new"_s},
                                   {u"Chris Martinez"_s, u"+15125550108"_s, 15, u"contacted"_s}};
        QStringList contacts;
        for (int i = 0; i < people.size(); ++i)
            contacts << f.insertContact(m_clinic, people[i].name, people[i].phone, people[i].score,
                                        people[i].status, 30 + i * 200);
        m_focusContact = contacts.first();

        const QStringList summaries{
            u"Caller asked about Botox pricing and booked a consultation for Thursday."_s,
            u"Wanted to know about filler aftercare; will call back after checking dates."_s,
            u"Asked whether the clinic offers financing for a rhinoplasty."_s,
            u"Rescheduled an existing appointment to next week."_s,
            u"Price question about liposuction; sounded keen to book soon."_s};
        const QStringList sentiments{u"positive"_s, u"neutral"_s, u"positive"_s, u"neutral"_s,
                                     u"negative"_s};
        for (int i = 0; i < 26; ++i) {
            vox::test::CallSeed call;
            const int who = i % people.size();
            call.phone = people[who].phone;
            call.callerName = people[who].name;
            call.contactId = contacts[who];
            call.direction = i % 5 == 3 ? u"outbound"_s : u"inbound"_s;
            call.minutesAgo = 25 + i * 331;
            call.durationSeconds = 75 + (i * 37) % 300;
            call.summary = summaries[i % summaries.size()];
            call.sentiment = sentiments[i % sentiments.size()];
            call.booked = i % 3 == 0;
            call.valueCents = i % 4 == 0 ? 40000 : i % 4 == 1 ? 50000 : 0;
            if (i % 4 != 2) {
                call.recordingUrl = u"https://recordings.example/%1.wav"_s.arg(i);
                call.recordingStatus = i == 5 ? u"processing"_s : u"completed"_s;
            }
            if (i % 3 != 1) {
                call.transcript = call.summary;
                call.messages = QJsonArray{
                    QJsonObject{{u"role"_s, u"assistant"_s},
                                {u"message"_s, u"Thank you for calling Glow Med Spa, this is "
                                               "Voxanne. How can I help you today?"_s},
                                {u"seconds_from_start"_s, 0.4}},
                    QJsonObject{{u"role"_s, u"user"_s},
                                {u"message"_s, u"Hi! I'm interested in Botox — how much is "
                                               "it, and do you have anything this week?"_s},
                                {u"seconds_from_start"_s, 5.1}},
                    QJsonObject{{u"role"_s, u"assistant"_s},
                                {u"message"_s, u"Botox starts at $400. I have Thursday at "
                                               "10:00 or 14:30 — which suits you?"_s},
                                {u"seconds_from_start"_s, 11.8}},
                    QJsonObject{{u"role"_s, u"user"_s},
                                {u"message"_s, u"Thursday at 2:30 works. Thank you!"_s},
                                {u"seconds_from_start"_s, 19.2}},
                    QJsonObject{{u"role"_s, u"assistant"_s},
                                {u"message"_s, u"You're booked for Thursday at 14:30. You'll "
                                               "get a reminder the day before."_s},
                                {u"seconds_from_start"_s, 24.0}}};
            }
            if (i == 7)
                call.transferTo = u"+15125550199"_s;
            const QString id = f.insertCall(m_clinic, call);
            if (i == 0)
                m_focusCall = id;
            f.publishEvent(m_clinic, i % 3 == 0 ? u"appointment.created"_s : u"call.created"_s,
                           i % 3 == 0 ? u"appointment"_s : u"call"_s, id,
                           {{u"contact_name"_s, call.callerName}, {u"service_name"_s, u"Botox"_s}});
        }

        // The newest lines of the feed: connections that changed, in their longest wording.
        f.publishEvent(m_clinic, u"integration.updated"_s, u"integration"_s, QString(),
                       {{u"provider"_s, u"twilio"_s}, {u"status"_s, u"active"_s}});
        f.publishEvent(m_clinic, u"integration.updated"_s, u"integration"_s, QString(),
                       {{u"provider"_s, u"google"_s}, {u"status"_s, u"broken"_s}});

        auto admin = f.database().connectAsAdmin();
        // The open call was valued by its Botox mention (marked in its transcript), and its
        // recording is no longer stored (the player says so, with Retry).
        const auto valued = admin->exec(
            "UPDATE call_logs SET matched_services = ARRAY['Botox'], recording_url = $2 "
            "WHERE id = $1::uuid",
            {m_focusCall, QString(m_fixture->url() + u"/recordings/expired-call.wav"_s)});
        QVERIFY2(valued, vox::test::why(valued).constData());
        const auto seeded = admin->exec(
            "INSERT INTO appointments (org_id, contact_id, service_id, service_name, starts_at, "
            "ends_at, status, confirmation_sent, source) "
            "SELECT $1::uuid, c.id, s.id, s.name, "
            "date_trunc('day', now()) + make_interval(days => n.d, hours => 14 + n.h), "
            "date_trunc('day', now()) + make_interval(days => n.d, hours => 14 + n.h) + "
            "make_interval(mins => s.duration_minutes), "
            "CASE WHEN n.d = 2 AND n.h = 1 THEN 'cancelled' ELSE 'confirmed' END, n.h = 0, "
            "CASE WHEN n.h = 0 THEN 'ai' ELSE 'console' END "
            "FROM (VALUES (0, 0, 1), (1, 0, 2), (1, 2, 3), (2, 1, 4), (3, 0, 5), (4, 1, 6), "
            "(5, 0, 7)) AS n(d, h, k) "
            "JOIN LATERAL (SELECT id FROM contacts WHERE org_id = $1::uuid ORDER BY name "
            "OFFSET n.k - 1 LIMIT 1) c ON true "
            "JOIN LATERAL (SELECT id, name, duration_minutes FROM services WHERE org_id = "
            "$1::uuid ORDER BY price_cents OFFSET n.k % 7 LIMIT 1) s ON true",
            {m_clinic.orgId});
        QVERIFY2(seeded, vox::test::why(seeded).constData());
    }

    // `minColours`: a page has many; the starting panel is text on the window's background.
    void save(QWidget *window, const QString &name, int minColours = 40)
    {
        QTest::qWait(150); // let the last layout and chart paint settle
        const QImage image = window->grab().toImage();
        QCOMPARE(image.size(), QSize(1280, 800));
        // Not a blank: a real page has many colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > minColours, qPrintable(name));
        QVERIFY(image.save(QDir(m_folder).filePath(name + u".png"_s)));
    }

private slots:
    void initTestCase()
    {
        m_folder = qEnvironmentVariable("VOXANNE_SCREENSHOT_DIR");
        if (m_folder.isEmpty())
            m_folder = m_temporary.path();
        QVERIFY(QDir().mkpath(m_folder));
        m_fixture = std::make_unique<vox::test::ConsoleFixture>(u"ui_screenshots"_s);
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
        m_clinic = m_fixture->createClinic(u"Glow Med Spa"_s);
        QVERIFY2(!m_clinic.orgId.isEmpty(), qPrintable(m_fixture->lastError()));
    }

    void cleanupTestCase() { QVERIFY(vox::ui::installTranslations(u"en"_s)); }

    void pages_data()
    {
        QTest::addColumn<bool>("dark");
        QTest::addColumn<QString>("language");
        QTest::newRow("light, English") << false << u"en"_s;
        QTest::newRow("dark, English") << true << u"en"_s;
        QTest::newRow("light, Spanish") << false << u"es"_s;
        QTest::newRow("dark, Spanish") << true << u"es"_s;
    }
    void pages()
    {
        QFETCH(bool, dark);
        QFETCH(QString, language);
        if (m_focusCall.isEmpty())
            seed();
        QVERIFY(vox::ui::installTranslations(language));
        vox::ui::applyTheme(dark ? vox::ui::Theme::Dark : vox::ui::Theme::Light);
        const QString suffix =
            (dark ? u"-dark"_s : u"-light"_s) + (language == u"en" ? QString() : u"-"_s + language);

        vox::ui::ApiClient api;
        api.setBaseUrl(QUrl(m_fixture->url()));
        api.setSession(m_clinic.session);
        vox::ui::EventStream events(api);
        MainWindow window(api, events,
                          QCoreApplication::translate("vox::ui::ConsoleController",
                                                      "Clinic server on this computer"));
        window.setDemo(vox::ui::ConsoleController::demoAccountsNote());
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // What the window shows while the clinic's server on this computer starts, and when
        // it could not.
        window.showStarting();
        save(&window, u"starting"_s + suffix, 8);
        window.showStartFailure(u"PostgreSQL could not start: the data folder is not writable."_s);
        save(&window, u"starting-failed"_s + suffix, 8);
        window.sessionStarted();
        events.start();
        QTRY_VERIFY_WITH_TIMEOUT(events.state() == vox::ui::EventStream::State::Live, 15000);

        vox::ui::DashboardPage *dashboard = window.dashboardPage();
        dashboard->setRange(u"7d"_s);
        QTRY_VERIFY(dashboard->card(u"callsThisWeekCard"_s)->value() != u"–"_s);
        QTRY_VERIFY(dashboard->activity()->rowCount() > 0);
        save(&window, u"dashboard"_s + suffix);

        window.showPage(MainWindow::CallsIndex);
        vox::ui::CallsPage *calls = window.callsPage();
        QTRY_VERIFY(calls->model()->rowCount() > 20);
        calls->selectCall(m_focusCall);
        QTRY_VERIFY(calls->detail()->call().id == m_focusCall &&
                    calls->detail()->call().detailLoaded);
        // As while playing, 12 s in: the AI's answer is the line being heard.
        calls->detail()->transcript()->setPosition(12000);
        QCOMPARE(calls->detail()->transcript()->currentLine(), 2);
        QVERIFY(calls->detail()->transcript()->markCount() > 0);
        save(&window, u"calls"_s + suffix);
        calls->detail()->togglePlayback();
        QTRY_VERIFY(!calls->detail()->player()->problem().isEmpty());
        save(&window, u"calls-recording"_s + suffix);

        window.showPage(MainWindow::LeadsIndex);
        vox::ui::LeadsPage *leads = window.leadsPage();
        QTRY_COMPARE(leads->model()->rowCount(), 8);
        leads->selectContact(m_focusContact);
        QTRY_COMPARE(leads->detail()->contactId(), m_focusContact);
        QTest::qWait(300);
        save(&window, u"leads"_s + suffix);

        window.showPage(MainWindow::AppointmentsIndex);
        vox::ui::AppointmentsPage *appointments = window.appointmentsPage();
        appointments->setRange(u"next7"_s);
        QTRY_VERIFY(appointments->model()->rowCount() >= 5);
        appointments->table()->selectRow(1);
        save(&window, u"appointments"_s + suffix);
        events.stop();
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
