// Renders every page (the calls page with a call open, the appointments as a list and on the day
// and week grids) at 1024x700, 1280x800 and 1920x1080 in the light and dark Fusion palettes, in
// English and Spanish, from a seeded clinic on the real server. Each picture is also checked for
// what a person would see as cut: a button narrower than its text, a table scrolling sideways. The
// PNGs go to $VOXANNE_SCREENSHOT_DIR when set (docs/screenshots/ is refreshed with
// `VOXANNE_SCREENSHOT_DIR=$PWD/docs/screenshots ctest -R tst_screenshots`), else to a temporary
// folder; the test checks that each picture has content.
#include "consolefixture.h"
#include "ui/api/apiclient.h"
#include "ui/api/eventstream.h"
#include "ui/models/activitymodel.h"
#include "ui/models/appointmentsmodel.h"
#include "ui/models/callsmodel.h"
#include "ui/models/displayformat.h"
#include "ui/models/leadsmodel.h"
#include "ui/models/todaymodel.h"
#include "ui/pages/appointmentspage.h"
#include "ui/pages/callspage.h"
#include "ui/pages/dashboardpage.h"
#include "ui/pages/inboxpage.h"
#include "ui/pages/leadspage.h"
#include "ui/pages/livepage.h"
#include "ui/pages/reportspage.h"
#include "ui/pages/settingspage.h"
#include "ui/pages/todaypage.h"
#include "ui/shell/consolecontroller.h"
#include "ui/shell/mainwindow.h"
#include "ui/shell/theme.h"
#include "ui/shell/translations.h"
#include "ui/widgets/accesslogpanel.h"
#include "ui/widgets/appointmentcalendar.h"
#include "ui/widgets/calldetailpanel.h"
#include "ui/widgets/callreviewbox.h"
#include "ui/widgets/columnfit.h"
#include "ui/widgets/exportprogressdialog.h"
#include "ui/widgets/leaddetailpanel.h"
#include "ui/widgets/livecallspanel.h"
#include "ui/widgets/messagesauditpanel.h"
#include "ui/widgets/recordingplayer.h"
#include "ui/widgets/redactionbox.h"
#include "ui/widgets/remindersbox.h"
#include "ui/widgets/statcard.h"
#include "ui/widgets/transcriptview.h"
#include "ui/widgets/transferdestinationsbox.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QDir>
#include <QHeaderView>
#include <QImage>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QTabBar>
#include <QTableView>
#include <QTableWidget>
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
    QString m_inboxContact;
    QTemporaryDir m_temporary;
    QString m_folder;
    QStringList m_problems;

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

        // A few texts from patients for the inbox: a reminder confirmed, and two waiting.
        {
            auto admin = f.database().connectAsAdmin();
            struct Text
            {
                int contact;
                QString direction, content, status;
                int minutesAgo;
                bool read;
            };
            const QList<Text> texts{
                {2, u"outbound"_s,
                 u"Hi Emily, a reminder of your Botox appointment at Glow Med Spa on Thursday at "
                 "2:30 PM. Reply C to confirm, N to cancel or R to reschedule."_s,
                 u"delivered"_s, 1500, true},
                {2, u"inbound"_s, u"C"_s, u"received"_s, 1490, true},
                {2, u"outbound"_s, u"Thank you, your Botox appointment is confirmed."_s,
                 u"delivered"_s, 1490, true},
                {2, u"inbound"_s,
                 u"Hi! Could I move it to Friday afternoon instead? Something came up at work."_s,
                 u"received"_s, 25, false},
                {0, u"inbound"_s, u"Is there parking near the clinic?"_s, u"received"_s, 90, false},
                {3, u"outbound"_s, u"Hi David, your filler consultation is tomorrow at 10 AM."_s,
                 u"failed"_s, 300, true},
                {3, u"inbound"_s, u"Thanks, see you then"_s, u"received"_s, 280, true}};
            for (const Text &t : texts) {
                auto row = admin->exec(
                    "INSERT INTO messages (org_id, contact_id, direction, method, purpose, "
                    "recipient, sender, content, status, error, read_at, created_at, sent_at) "
                    "SELECT $1::uuid, c.id, $3, 'sms', CASE WHEN $3 = 'inbound' THEN 'reply' ELSE "
                    "'appointment_reminder' END, CASE WHEN $3 = 'inbound' THEN '+15125550199' "
                    "ELSE c.phone END, CASE WHEN $3 = 'inbound' THEN c.phone ELSE "
                    "'+15125550199' END, $4, $5, CASE WHEN $5 = 'failed' THEN 'The number is a "
                    "landline or cannot receive texts (Twilio error 30006).' END, CASE WHEN "
                    "$7::bool THEN now() END, now() - make_interval(mins => $6::int), now() - "
                    "make_interval(mins => $6::int) FROM contacts c WHERE c.id = $2::uuid",
                    {m_clinic.orgId, contacts.at(t.contact), t.direction, t.content, t.status,
                     t.minutesAgo, t.read});
                QVERIFY2(row, row ? "" : qPrintable(row.errorMessage()));
            }
            m_inboxContact = contacts.at(2);
            // The AI's failed tool calls over the past weeks, for the report's chart and table.
            auto failures = admin->exec(
                "INSERT INTO tool_errors (org_id, tool, kind, occurred_at) SELECT $1::uuid, "
                "'bookClinicAppointment', (ARRAY['slot_taken', 'unknown_service', "
                "'booking_refused'])[1 + i % 3], now() - make_interval(hours => i * 29) "
                "FROM generate_series(1, 14) i",
                {m_clinic.orgId});
            QVERIFY2(failures, failures ? "" : qPrintable(failures.errorMessage()));
        }

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

        // Just now, after their bookings: three callers who need a person, so Today's list is
        // never empty.
        const QList<std::tuple<int, QString, QString>> waiting{
            {4, u"negative"_s, QString()},
            {2, QString(), u"How much is a lip filler, roughly?"_s},
            {-1, QString(), QString()}};
        for (const auto &[who, sentiment, said] : waiting) {
            vox::test::CallSeed call;
            if (who >= 0) {
                call.contactId = contacts[who];
                call.phone = people[who].phone;
                call.callerName = people[who].name;
            } else {
                call.phone = u"+15125550177"_s;
                call.status = u"failed"_s;
            }
            call.sentiment = sentiment;
            call.summary = said.isEmpty() ? QString() : u"Asked about lip filler prices."_s;
            call.transcript = said.isEmpty() ? QString() : u"User: "_s + said;
            QVERIFY(!f.insertCall(m_clinic, call).isEmpty());
        }

        // Where callers are put through to a person: the front desk on weekdays, and an on-call
        // nurse for emergencies around the clock.
        auto client = f.server().client();
        client->setToken(m_clinic.session.accessToken);
        QJsonArray weekdays, always;
        for (int day = 1; day <= 7; ++day) {
            if (day <= 5)
                weekdays.append(QJsonObject{
                    {u"day"_s, day}, {u"open"_s, u"08:00"_s}, {u"close"_s, u"18:00"_s}});
            always.append(
                QJsonObject{{u"day"_s, day}, {u"open"_s, u"00:00"_s}, {u"close"_s, u"24:00"_s}});
        }
        QCOMPARE(client
                     ->post(u"/api/transfer-destinations"_s, {{u"name"_s, u"Front desk"_s},
                                                              {u"number"_s, u"+15125550100"_s},
                                                              {u"hours"_s, weekdays},
                                                              {u"position"_s, 0}})
                     .status,
                 201);
        QCOMPARE(client
                     ->post(u"/api/transfer-destinations"_s,
                            {{u"name"_s, u"On-call nurse"_s},
                             {u"description"_s, u"Nights and weekends"_s},
                             {u"number"_s, u"+15125550199"_s},
                             {u"hours"_s, always},
                             {u"emergency"_s, true},
                             {u"position"_s, 1}})
                     .status,
                 201);
    }

    // Visible buttons whose text does not fit: narrower than their size hint says they need, or
    // partly hidden by the side of the pane that holds them.
    static QStringList clippedButtons(QWidget *window)
    {
        QStringList clipped;
        for (QAbstractButton *button : window->findChildren<QAbstractButton *>()) {
            if (!button->isVisible() || button->text().isEmpty() ||
                qobject_cast<QTabBar *>(button->parentWidget()))
                continue;
            // Cut by the edge of a pane it does not fit in (a scroll area's viewport).
            const QRect shown = button->visibleRegion().boundingRect();
            if (!shown.isEmpty() && shown.width() < button->width())
                clipped << u"%1 \"%2\": %3 of %4 px shown"_s
                               .arg(QString::fromLatin1(button->metaObject()->className()),
                                    button->text())
                               .arg(shown.width())
                               .arg(button->width());
            else if (button->width() < button->sizeHint().width())
                clipped << u"%1 \"%2\": %3 px wide, needs %4"_s
                               .arg(QString::fromLatin1(button->metaObject()->className()),
                                    button->text())
                               .arg(button->width())
                               .arg(button->sizeHint().width());
        }
        return clipped;
    }

    // Each column's width against what it asks for, to say why a table does not fit.
    static QString columnsOf(QTableView *table)
    {
        QStringList out;
        const auto *fit = table->findChild<vox::ui::ColumnFit *>();
        const QList<vox::ui::ColumnNeed> needs = fit ? fit->needs() : QList<vox::ui::ColumnNeed>();
        for (int c = 0; c < table->model()->columnCount(); ++c)
            out << u"%1 %2 (natural %3, minimum %4)"_s
                       .arg(table->model()->headerData(c, Qt::Horizontal).toString())
                       .arg(table->columnWidth(c))
                       .arg(c < needs.size() ? needs[c].natural : -1)
                       .arg(c < needs.size() ? needs[c].minimum : -1);
        return out.join(u", "_s) + u"; viewport %1"_s.arg(table->viewport()->width());
    }

    // Visible table headers narrower than their title: a person cannot tell what the column is.
    static QStringList cutHeaders(QWidget *window)
    {
        QStringList cut;
        for (QTableView *table : window->findChildren<QTableView *>()) {
            if (!table->isVisible() || !table->model() || !table->findChild<vox::ui::ColumnFit *>())
                continue;
            const QFontMetrics fm(table->horizontalHeader()->font());
            for (int c = 0; c < table->model()->columnCount(); ++c) {
                if (table->isColumnHidden(c)) // stepped aside on a narrow list, not cut
                    continue;
                const QString title = table->model()->headerData(c, Qt::Horizontal).toString();
                if (table->columnWidth(c) < fm.horizontalAdvance(title) + 8)
                    cut << u"%1 header \"%2\" %3 px"_s.arg(table->objectName(), title)
                               .arg(table->columnWidth(c));
            }
        }
        return cut;
    }

    // Lists that scroll sideways: at every size, in both languages, a list fits its width (what
    // it can do without steps aside) and nothing hides to the right.
    static QStringList sidewaysTables(QWidget *window)
    {
        QStringList out;
        for (QTableView *table : window->findChildren<QTableView *>()) {
            if (table->isVisible() && table->findChild<vox::ui::ColumnFit *>() &&
                table->horizontalScrollBar()->isVisible())
                out << table->objectName() + u" scrolls sideways: "_s + columnsOf(table);
        }
        return out;
    }

    // `minColours`: a page has many; the starting panel is text on the window's background.
    void save(QWidget *window, const QString &name, int minColours = 40)
    {
        QTest::qWait(150); // let the last layout and chart paint settle
        const QImage image = window->grab().toImage();
        QCOMPARE(image.size(), window->size());
        const QStringList clipped =
            clippedButtons(window) + cutHeaders(window) + sidewaysTables(window);
        if (!clipped.isEmpty())
            m_problems << name + u": "_s + clipped.join(u"; "_s);
        // Not a blank: a real page has many colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > minColours, qPrintable(name));
        // Quality 0: the smallest PNG (lossless), as these are committed under docs/.
        QVERIFY(image.save(QDir(m_folder).filePath(name + u".png"_s), "PNG", 0));
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
        QTest::addColumn<QSize>("size");
        for (const QSize size : {QSize(1280, 800), QSize(1024, 700), QSize(1920, 1080)})
            for (const bool dark : {false, true})
                for (const QString &language : {u"en"_s, u"es"_s})
                    QTest::addRow("%s, %s, %dx%d", dark ? "dark" : "light", qPrintable(language),
                                  size.width(), size.height())
                        << dark << language << size;
    }
    void pages()
    {
        QFETCH(bool, dark);
        QFETCH(QString, language);
        QFETCH(QSize, size);
        m_problems.clear();
        if (m_focusCall.isEmpty())
            seed();
        QVERIFY(vox::ui::installTranslations(language));
        vox::ui::applyTheme(dark ? vox::ui::Theme::Dark : vox::ui::Theme::Light);
        const QString suffix = (dark ? u"-dark"_s : u"-light"_s) +
                               (language == u"en" ? QString() : u"-"_s + language) +
                               (size.width() == 1280 ? QString() : u"-%1"_s.arg(size.width()));

        vox::ui::ApiClient api;
        api.setBaseUrl(QUrl(m_fixture->url()));
        api.setSession(m_clinic.session);
        vox::ui::EventStream events(api);
        MainWindow window(api, events,
                          QCoreApplication::translate("vox::ui::ConsoleController",
                                                      "Clinic server on this computer"));
        window.setDemo(vox::ui::ConsoleController::demoAccountsNote());
        window.resize(size);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Every page fits the smallest screen the console supports: a page whose minimum is wider
        // pushes the window past the screen's edge.
        if (window.width() > size.width()) {
            QStringList wide;
            for (int i = 0; i < window.pageCount(); ++i)
                wide << u"%1 %2 px"_s.arg(window.page(i)->objectName())
                            .arg(window.page(i)->minimumSizeHint().width());
            QFAIL(qPrintable(
                u"The window is %1 px wide, not %2: "_s.arg(window.width()).arg(size.width()) +
                wide.join(u", "_s)));
        }
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
        // The review of the open call, and the list being saved as CSV: its progress, and a
        // failure said in words.
        if (auto *review = calls->detail()->reviewBox()) {
            QTRY_VERIFY(!review->tags().isEmpty());
            save(review, u"calls-review"_s + suffix, 8);
        }
        {
            vox::ui::ExportProgressDialog progress(
                api, QCoreApplication::translate("vox::ui::CallsPage", "calls"), &window);
            progress.showProgress(12345, 4'321'000);
            progress.show();
            QVERIFY(QTest::qWaitForWindowExposed(&progress));
            save(&progress, u"export-progress"_s + suffix, 8);
            progress.showProblem(QCoreApplication::translate(
                "vox::ui::CsvDownload", "The connection broke before the whole list arrived, "
                                        "so nothing was saved. Please try again."));
            save(&progress, u"export-failed"_s + suffix, 8);
        }

        window.showPage(MainWindow::LeadsIndex);
        vox::ui::LeadsPage *leads = window.leadsPage();
        QTRY_COMPARE(leads->model()->rowCount(), 8);
        leads->selectContact(m_focusContact);
        QTRY_COMPARE(leads->detail()->contactId(), m_focusContact);
        QTest::qWait(300);
        save(&window, u"leads"_s + suffix);

        window.showPage(MainWindow::TodayIndex);
        vox::ui::TodayPage *today = window.todayPage();
        QTRY_VERIFY(today->model()->rowCount() >= 3);
        today->table()->selectRow(0);
        save(&window, u"today"_s + suffix);

        window.showPage(MainWindow::InboxIndex);
        vox::ui::InboxPage *inbox = window.inboxPage();
        QTRY_VERIFY(inbox->conversations()->count() >= 3);
        inbox->selectContact(m_inboxContact);
        QVERIFY(vox::test::settle(api));
        inbox->replyBox()->setPlainText(
            u"Of course! Friday at 3:30 PM is free. Shall I book it for you?"_s);
        save(&window, u"inbox"_s + suffix);
        inbox->discardChanges();

        window.showPage(MainWindow::AppointmentsIndex);
        vox::ui::AppointmentsPage *appointments = window.appointmentsPage();
        appointments->setRange(u"next7"_s);
        QTRY_VERIFY(appointments->model()->rowCount() >= 5);
        appointments->table()->selectRow(1);
        save(&window, u"appointments"_s + suffix);
        // The week of the chosen appointment, on the grid, chosen there too.
        const vox::ui::AppointmentRecord chosen = *appointments->model()->appointmentAt(1);
        appointments->setView(vox::ui::AppointmentsPage::View::Week);
        appointments->showDay(vox::ui::DisplayFormat::inClinicZone(chosen.scheduledTime).date());
        QTRY_VERIFY(appointments->calendar()->blockOf(chosen.id));
        QVERIFY(appointments->calendar()->blocks().size() >= 2);
        appointments->calendar()->blockOf(chosen.id)->click();
        save(&window, u"appointments-week"_s + suffix);
        appointments->setView(vox::ui::AppointmentsPage::View::Day);
        QTRY_VERIFY(appointments->calendar()->blockOf(chosen.id) &&
                    appointments->calendar()->blockOf(chosen.id)->isSelected());
        save(&window, u"appointments-day"_s + suffix);

        window.showPage(MainWindow::ReportsIndex);
        vox::ui::ReportsPage *reports = window.reportsPage();
        reports->choose(vox::ui::ReportsPage::Choice::Last30Days);
        QTRY_COMPARE(reports->loadedReports(), 5);
        save(&window, u"reports"_s + suffix);
        // Further down, as the window shows it: the quality charts and tables with their "Export
        // CSV…" buttons (which the exports leave out).
        if (auto *scroll = qobject_cast<QScrollArea *>(
                reports->reportArea()->parentWidget()->parentWidget())) {
            scroll->ensureWidgetVisible(reports->toolErrorsTable(), 0, 200);
            save(&window, u"reports-quality"_s + suffix);
            scroll->verticalScrollBar()->setValue(0);
        }
        // The whole report as its PNG export draws it, below the fold too.
        QVERIFY(
            reports->exportPng(QDir(m_folder).filePath(u"reports-export"_s + suffix + u".png"_s))
                .ok());
        // The messages audit beside the figures.
        reports->tabs()->setCurrentIndex(1);
        QTRY_VERIFY(reports->messagesPanel()->loaded());
        save(&window, u"reports-messages"_s + suffix);
        reports->tabs()->setCurrentIndex(0);

        // The admin's pages, as they open.
        const std::pair<MainWindow::PageIndex, QString> others[] = {
            {MainWindow::ServicesIndex, u"services"_s},
            {MainWindow::KnowledgeIndex, u"knowledge"_s},
            {MainWindow::AgentIndex, u"agent"_s},
            {MainWindow::TelephonyIndex, u"telephony"_s},
            {MainWindow::IntegrationsIndex, u"integrations"_s},
            {MainWindow::SettingsIndex, u"settings"_s}};
        for (const auto &[index, name] : others) {
            window.showPage(index);
            QVERIFY(vox::test::settle(api));
            save(&window, name + suffix);
        }

        // The live call desk with two calls in progress, one being followed as it is spoken.
        window.showPage(MainWindow::LiveIndex);
        QVERIFY(vox::test::settle(api));
        vox::ui::LivePage *live = window.livePage();
        live->showDestinations({{u"d1"_s, u"Front desk"_s, u"+15550100001"_s, false},
                                {u"d2"_s, u"On-call nurse"_s, u"+15550100002"_s, true}});
        vox::ui::LiveCall first;
        first.id = u"live-1"_s;
        first.status = u"in-progress"_s;
        first.callerName = u"Maria Lopez"_s;
        first.phoneNumber = u"+12125550142"_s;
        first.startedAt = QDateTime::currentDateTimeUtc().addSecs(-95);
        first.canControl = true;
        first.lines = {
            {u"assistant"_s, u"Thank you for calling. This is Voxanne, how can I help?"_s},
            {u"user"_s, u"Hi, I had filler yesterday and my lip is very swollen."_s},
            {u"assistant"_s, u"I'm sorry to hear that. Is it getting worse?"_s}};
        first.speaking = u"user"_s;
        first.partialRole = u"user"_s;
        first.partialText = u"It's a bit worse than this morning, and"_s;
        vox::ui::LiveCall second;
        second.id = u"live-2"_s;
        second.status = u"in-progress"_s;
        second.phoneNumber = u"+13055550199"_s;
        second.startedAt = QDateTime::currentDateTimeUtc().addSecs(-20);
        second.canControl = true;
        second.speaking = u"assistant"_s;
        live->showCalls({first, second});
        save(&window, u"live"_s + suffix);
        // The dashboard with the same calls in progress, in its live panel.
        window.showPage(MainWindow::DashboardIndex);
        QTRY_VERIFY(dashboard->livePanel()->table()->isVisible());
        QTRY_VERIFY(dashboard->activity()->rowCount() > 0);
        save(&window, u"dashboard-live"_s + suffix);
        // Settings scrolled down to the access log (owners and admins): opening the call above
        // left its rows.
        window.showPage(MainWindow::SettingsIndex);
        auto *accessLog = window.settingsPage()->accessLogPanel();
        QTRY_VERIFY(accessLog->isVisible() && accessLog->table()->rowCount() > 0);
        if (auto *scroll = window.settingsPage()->findChild<QScrollArea *>())
            scroll->ensureWidgetVisible(accessLog, 0, 0);
        save(&window, u"settings-access-log"_s + suffix);
        // Settings scrolled to the reminders, the text previewed with its SMS parts.
        auto *reminders = window.settingsPage()->findChild<vox::ui::RemindersBox *>();
        QVERIFY(reminders);
        QTRY_VERIFY(!reminders->previewLabel()->text().isEmpty());
        if (auto *scroll = window.settingsPage()->findChild<QScrollArea *>())
            scroll->ensureWidgetVisible(reminders, 0, 0);
        save(&window, u"settings-reminders"_s + suffix);
        // Settings scrolled to the redaction categories, as a new clinic has them (all on).
        auto *redaction = window.settingsPage()->findChild<vox::ui::RedactionBox *>();
        QVERIFY(redaction);
        QTRY_VERIFY(redaction->categoryCheck(u"medical_id"_s)->isChecked());
        if (auto *scroll = window.settingsPage()->findChild<QScrollArea *>())
            scroll->ensureWidgetVisible(redaction, 0, 0);
        save(&window, u"settings-redaction"_s + suffix);
        // Settings scrolled to the transfer destinations, the on-call nurse chosen.
        auto *transfers = window.settingsPage()->transferDestinationsBox();
        QTRY_COMPARE(transfers->table()->rowCount(), 2);
        transfers->table()->selectRow(1);
        if (auto *scroll = window.settingsPage()->findChild<QScrollArea *>())
            scroll->ensureWidgetVisible(transfers, 0, 0);
        save(&window, u"settings-transfer-destinations"_s + suffix);
        events.stop();
        QVERIFY2(m_problems.isEmpty(), qPrintable(m_problems.join(u'\n')));
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
