// The demo feed behind `./run.sh` and `voxanne-console --demo`: it signs the demo clinic up
// through the public API, gives it a front desk, its agent a Vapi assistant in the sandbox, its
// Twilio and e-mail the sandbox's, fills a new clinic's past week, then keeps recent calls coming
// one at a time, all through the real webhooks.
#include "integrationfixture.h"

#include "core/democlinic.h"
#include "sandbox/demofeed.h"
#include "sandbox/sessionkeeper.h"
#include "sandbox/twiliosandbox.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <QDateTime>
#include <QMap>
#include <QSet>

using namespace Qt::Literals::StringLiterals;
using vox::sandbox::DemoFeed;

class TestDemoFeed : public QObject
{
    Q_OBJECT

    vox::test::IntegrationFixture f;

    DemoFeed::Options options() const
    {
        DemoFeed::Options o;
        o.serverUrl = f.server->url();
        o.webhookSecret = vox::test::TestServer::webhookSecret;
        o.email = vox::demo::email();
        o.password = vox::demo::password();
        o.frontDeskEmail = vox::demo::frontDeskEmail();
        o.frontDeskPassword = vox::demo::frontDeskPassword();
        o.signUpIfMissing = true;
        // A zone where it is about noon, so "today" (the Today list) holds calls from the last
        // hours whenever the test runs.
        const int offset = 12 - QDateTime::currentDateTimeUtc().time().hour();
        o.timeZone = offset == 0  ? u"Etc/UTC"_s
                     : offset > 0 ? u"Etc/GMT-%1"_s.arg(offset)
                                  : u"Etc/GMT+%1"_s.arg(-offset);
        return o;
    }

    std::unique_ptr<vox::test::HttpClient> signedIn(const QString &email, const QString &password)
    {
        auto client = f.server->client();
        const vox::test::HttpReply login =
            client->post(u"/api/auth/login"_s, {{u"email"_s, email}, {u"password"_s, password}});
        if (login.status != 200)
            qWarning("sign-in of %s: %d %s", qPrintable(email), login.status,
                     login.body.constData());
        client->setToken(login.json().value(u"access_token"_s).toString());
        return client;
    }

    // The demo clinic's calls, oldest first, as the console lists them.
    QList<QDateTime> callTimes()
    {
        auto rows = f.sql("SELECT c.occurred_at FROM call_logs c JOIN profiles p ON p.org_id = "
                          "c.org_id WHERE p.email = $1 ORDER BY c.occurred_at",
                          {vox::demo::email()});
        QList<QDateTime> times;
        for (int r = 0; r < rows->rowCount(); ++r)
            times.append(rows->toDateTime(r, 0));
        return times;
    }

    // Rows of one of the demo clinic's tables (tool_errors, call_reviews), by kind or score;
    // `where` narrows them (a condition on `t`).
    QMap<QString, int> demoRows(const QString &table, const QString &column,
                                const QString &where = u"true"_s)
    {
        auto rows =
            f.sql(u"SELECT t.%1::text, count(*) FROM %2 t JOIN profiles p ON p.org_id = "
                  "t.org_id WHERE p.email = $1 AND (%3) GROUP BY 1"_s.arg(column, table, where)
                      .toUtf8(),
                  {vox::demo::email()});
        QMap<QString, int> counts;
        for (int r = 0; rows && r < rows->rowCount(); ++r)
            counts.insert(rows->text(r, 0), rows->toInt(r, 1));
        return counts;
    }
    // The tool errors of the quality history: refused tool calls sent outside any played call.
    // A played call can be refused a time too (a slot an earlier call took, depending on the
    // day the test runs), and records its own tool error.
    QMap<QString, int> historyToolErrors()
    {
        return demoRows(u"tool_errors"_s, u"kind"_s,
                        u"NOT EXISTS (SELECT 1 FROM call_logs c WHERE c.vapi_call_id = "
                        "t.vapi_call_id)"_s);
    }
    int total(const QMap<QString, int> &counts)
    {
        int n = 0;
        for (int c : counts)
            n += c;
        return n;
    }

    int endedCalls()
    {
        auto rows = f.sql("SELECT count(*) FROM call_logs c JOIN profiles p ON p.org_id = "
                          "c.org_id WHERE p.email = $1 AND c.report_received_at IS NOT NULL",
                          {vox::demo::email()});
        return rows ? rows->toInt(0, 0) : -1;
    }

private slots:
    void initTestCase() { QVERIFY2(f.start(u"demofeed"_s), qPrintable(f.error)); }

    void aNewClinicGetsAPastWeekThenRecentCalls()
    {
        DemoFeed::Options o = options();
        o.pastWeekCalls = 7;
        o.firstBatch = 2;
        o.todayCalls = 3;
        o.intervalSeconds = 3600; // no later calls during the test
        DemoFeed feed(o);
        feed.start();
        // The server runs in this thread: keep its event loop turning until the feed has
        // played everything (every call's report in), and only then stop the feed.
        QTRY_COMPARE_WITH_TIMEOUT(endedCalls(), 12, 60000);
        // Then the quality report's history: reviews, and the refused tool calls after them.
        QTRY_VERIFY_WITH_TIMEOUT(total(historyToolErrors()) >= 4, 60000);
        feed.stop();

        // Reports -> Quality has something to show: a few reviewed calls with tags of the
        // clinic's list, and tool errors of the kinds the tool route records.
        const QMap<QString, int> kinds = historyToolErrors();
        QVERIFY2(kinds.value(u"unknown_service"_s) > 0, qPrintable(kinds.keys().join(u", "_s)));
        QVERIFY2(kinds.value(u"slot_taken"_s) > 0, qPrintable(kinds.keys().join(u", "_s)));
        QVERIFY2(kinds.value(u"booking_refused"_s) > 0, qPrintable(kinds.keys().join(u", "_s)));
        // On the days of the past week, not all today: errors per day show several bars.
        auto errorDays =
            f.sql("SELECT count(DISTINCT t.occurred_at::date), "
                  "count(*) FILTER (WHERE t.occurred_at > now() - interval '1 day'), "
                  "min(t.occurred_at) > now() - interval '7 days' FROM tool_errors t "
                  "JOIN profiles p ON p.org_id = t.org_id WHERE p.email = $1 AND NOT "
                  "EXISTS (SELECT 1 FROM call_logs c WHERE c.vapi_call_id = t.vapi_call_id)",
                  {vox::demo::email()});
        QVERIFY(errorDays);
        QVERIFY2(errorDays->toInt(0, 0) >= 4, qPrintable(u"%1 days"_s.arg(errorDays->toInt(0, 0))));
        QVERIFY2(errorDays->toInt(0, 1) < total(kinds), "not all of them today");
        QVERIFY2(errorDays->toBool(0, 2), "within the past week");
        const QMap<QString, int> scores = demoRows(u"call_reviews"_s, u"score"_s);
        QVERIFY2(total(scores) >= 4, qPrintable(QString::number(total(scores))));
        QVERIFY2(scores.size() >= 3, "the reviews' scores vary");
        auto untagged =
            f.sql("SELECT count(*) FROM call_reviews r JOIN org_settings s ON s.org_id = r.org_id "
                  "JOIN profiles p ON p.org_id = r.org_id WHERE p.email = $1 AND (r.note IS NULL "
                  "OR cardinality(r.tags) = 0 OR NOT r.tags <@ s.review_tags)",
                  {vox::demo::email()});
        QCOMPARE(untagged->toInt(0, 0), 0);

        // The front desk's Today list is not empty: the price question without a booking and
        // the worried patient (urgent) are on it, the urgent one first.
        auto desk = signedIn(vox::demo::frontDeskEmail(), vox::demo::frontDeskPassword());
        const QJsonArray today = desk->get(u"/api/today"_s).json().value(u"entries"_s).toArray();
        QStringList reasons;
        for (const QJsonValue &entry : today)
            reasons << entry.toObject().value(u"reason"_s).toString();
        QVERIFY2(reasons.size() >= 2, qPrintable(reasons.join(u", "_s)));
        QCOMPARE(reasons.first(), u"urgent"_s);
        QVERIFY2(reasons.contains(u"price_question"_s), qPrintable(reasons.join(u", "_s)));

        const QList<QDateTime> times = callTimes();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY2(times.first() < now.addDays(-6), "the past week reaches back a week");
        QVERIFY2(times.last() > now.addSecs(-3600), "the recent batch is from the last hour");
        int days = 0;
        QDate previous;
        for (const QDateTime &t : times) {
            if (t.date() != previous)
                ++days;
            previous = t.date();
        }
        QVERIFY2(days >= 6, "the past week's calls are spread over its days");
    }

    void aClinicWithCallsIsNotFilledAgain()
    {
        auto clinic = DemoFeed::prepareClinic(options());
        QVERIFY2(clinic.ok(), qPrintable(clinic.ok() ? QString() : clinic.errorMessage()));
        QVERIFY(!clinic->assistantId.isEmpty());
        QVERIFY(clinic->hasCalls);
        const int before = int(callTimes().size());
        const QMap<QString, int> toolErrors = historyToolErrors();
        const QMap<QString, int> reviews = demoRows(u"call_reviews"_s, u"score"_s);
        QVERIFY(!toolErrors.isEmpty());
        QVERIFY(!reviews.isEmpty());

        // A restart: neither the past week nor the first batch again, only the next call.
        DemoFeed::Options o = options();
        o.pastWeekCalls = 7;
        o.firstBatch = 5;
        o.intervalSeconds = 2;
        DemoFeed feed(o);
        feed.start();
        QTRY_COMPARE_WITH_TIMEOUT(endedCalls(), before + 1, 60000);
        feed.stop();
        QVERIFY2(
            callTimes().size() <= before + 2,
            qPrintable(u"%1 calls were added on a restart"_s.arg(callTimes().size() - before)));
        // Stamped when played: the newest call started within the last few minutes (it ends
        // about now), not six minutes or more before.
        QVERIFY(callTimes().last() > QDateTime::currentDateTimeUtc().addSecs(-200));
        // Nor the reviews and refused tool calls of the quality report.
        QCOMPARE(historyToolErrors(), toolErrors);
        QCOMPARE(demoRows(u"call_reviews"_s, u"score"_s), reviews);
    }

    void theFrontDeskIsStaffAndEveryActionLandsInTheSandbox()
    {
        auto clinic = DemoFeed::prepareClinic(options());
        QVERIFY2(clinic.ok(), qPrintable(clinic.ok() ? QString() : clinic.errorMessage()));

        auto owner = signedIn(vox::demo::email(), vox::demo::password());
        const QJsonObject integrations = owner->get(u"/api/integrations"_s).json();
        const QJsonObject twilio = integrations.value(u"twilio"_s).toObject();
        QCOMPARE(twilio.value(u"status"_s).toString(), u"active"_s);
        QCOMPARE(twilio.value(u"phone_number"_s).toString(),
                 vox::sandbox::TwilioSandbox::demoPhoneNumber);
        // A live call can be handed on: the front desk first, a nurse on call for emergencies.
        const QJsonArray destinations =
            owner->get(u"/api/transfer-destinations"_s).json().value(u"destinations"_s).toArray();
        QCOMPARE(destinations.size(), 2);
        QCOMPARE(destinations.at(0).toObject().value(u"name"_s).toString(), u"Front desk"_s);
        QCOMPARE(destinations.at(0).toObject().value(u"emergency"_s).toBool(), false);
        QCOMPARE(destinations.at(1).toObject().value(u"name"_s).toString(), u"Nurse on call"_s);
        QCOMPARE(destinations.at(1).toObject().value(u"emergency"_s).toBool(), true);
        QCOMPARE(destinations.at(1).toObject().value(u"hours"_s).toArray().size(), 7);
        QVERIFY2(!twilio.value(u"vapi_phone_number_id"_s).toString().isEmpty(),
                 "the number was imported into Vapi");
        const QJsonObject resend = integrations.value(u"resend"_s).toObject();
        QVERIFY(resend.value(u"configured"_s).toBool());
        QVERIFY(!resend.value(u"uses_server_key"_s).toBool());

        // Reminders go out by themselves: on, by text and e-mail, and planned for the bookings.
        const QJsonObject reminders = owner->get(u"/api/settings/reminders"_s).json();
        QCOMPARE(reminders.value(u"enabled"_s).toBool(), true);
        QCOMPARE(reminders.value(u"sms"_s).toBool(), true);
        QCOMPARE(reminders.value(u"email"_s).toBool(), true);
        QVERIFY(!reminders.value(u"updated_at"_s).toString().isEmpty());
        auto jobs = f.sql("SELECT count(*) FROM jobs j JOIN profiles p ON p.org_id = j.org_id "
                          "WHERE p.email = $1 AND j.kind = 'reminders.send'",
                          {vox::demo::email()});
        QVERIFY(jobs);
        QVERIFY2(jobs->toInt(0, 0) > 0, "the demo's bookings have reminders planned");

        auto desk = signedIn(vox::demo::frontDeskEmail(), vox::demo::frontDeskPassword());
        const QJsonObject me = desk->get(u"/api/me"_s).json();
        QCOMPARE(me.value(u"user"_s).toObject().value(u"role"_s).toString(u"?"_s), u"staff"_s);

        // Every named caller can get an e-mail reminder: an appointment's contact has an address.
        const QJsonArray appointments = desk->get(u"/api/appointments?status=confirmed&limit=200"_s)
                                            .json()
                                            .value(u"items"_s)
                                            .toArray();
        QVERIFY2(!appointments.isEmpty(), "the demo's calls booked appointments");
        const QJsonObject appointment = appointments.first().toObject();
        const QString id = appointment.value(u"id"_s).toString();
        const int emailsBefore = int(f.sandbox->resend().emails().size());
        const vox::test::HttpReply byEmail = desk->post(
            u"/api/appointments/%1/send-reminder"_s.arg(id), {{u"method"_s, u"email"_s}});
        QVERIFY2(byEmail.status == 200, byEmail.body.constData());
        // The clinic's automatic reminders may be going out meanwhile: at least this one more.
        QTRY_VERIFY_WITH_TIMEOUT(f.sandbox->resend().emails().size() > emailsBefore, 10000);
        const QJsonObject mail = f.sandbox->resend().emails().last().toObject();
        QVERIFY2(QJsonDocument(mail).toJson().contains("@example.com"),
                 "sent to the caller's demo address");

        const int textsBefore =
            int(f.sandbox->twilio().messages(vox::sandbox::TwilioSandbox::demoAccountSid).size());
        const vox::test::HttpReply byText =
            desk->post(u"/api/appointments/%1/send-reminder"_s.arg(id), {{u"method"_s, u"sms"_s}});
        QVERIFY2(byText.status == 200 || byText.status == 202, byText.body.constData());
        QTRY_VERIFY_WITH_TIMEOUT(
            f.sandbox->twilio().messages(vox::sandbox::TwilioSandbox::demoAccountSid).size() >
                textsBefore,
            10000);

        // A call-back: Vapi (the sandbox's) is asked to call from the clinic's imported number.
        const QJsonArray contacts =
            desk->get(u"/api/contacts?limit=5"_s).json().value(u"items"_s).toArray();
        QVERIFY(!contacts.isEmpty());
        const vox::test::HttpReply callBack = desk->post(u"/api/contacts/%1/call-back"_s.arg(
            contacts.first().toObject().value(u"id"_s).toString()));
        QVERIFY2(callBack.status >= 200 && callBack.status < 300, callBack.body.constData());
    }

    void aDayOfCallsIsVariedAndKeepsBooking()
    {
        auto clinic = DemoFeed::prepareClinic(options());
        QVERIFY2(clinic.ok(), qPrintable(clinic.ok() ? QString() : clinic.errorMessage()));
        const int before = int(callTimes().size());
        // As the feed plays them: one call per run, each with its own seed.
        constexpr int calls = 36;
        vox::sandbox::CallSimulator::Summary last;
        const QDateTime started = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < calls; ++i) {
            auto played = DemoFeed::playCalls(options(), clinic->assistantId, 1, quint32(9000 + i),
                                              6 * 60, last);
            QVERIFY2(played.ok(), qPrintable(played.ok() ? QString() : played.errorMessage()));
            QCOMPARE(played->failedDeliveries, 0);
            last = *played;
        }
        QTRY_COMPARE_WITH_TIMEOUT(int(callTimes().size()), before + calls, 30000);
        auto rows =
            f.sql("SELECT c.phone_number, coalesce(c.caller_name, ''), c.summary, "
                  "c.occurred_at, c.transcript FROM call_logs c JOIN profiles p ON "
                  "p.org_id = c.org_id WHERE p.email = $1 ORDER BY c.occurred_at DESC LIMIT $2",
                  {vox::demo::email(), calls});
        QVERIFY(rows.ok());
        QSet<QString> phones, names, openings;
        int notBooked = 0;
        for (int r = 0; r < rows->rowCount(); ++r) {
            phones.insert(rows->text(r, 0));
            if (!rows->text(r, 1).isEmpty())
                names.insert(rows->text(r, 1));
            if (rows->text(r, 2).contains(u"no time was booked"_s)) {
                ++notBooked;
                qWarning("not booked: %s", qPrintable(rows->text(r, 4)));
            }
            // What the caller said first: the transcript's second line.
            openings.insert(rows->text(r, 4).section(u'\n', 1, 1));
            QVERIFY2(rows->toDateTime(r, 3) >= started.addSecs(-300),
                     "each call is stamped when it is played, not in the past");
        }
        QCOMPARE(rows->rowCount(), calls);
        // Different people (a caller who calls again repeats a number, by design).
        QVERIFY2(phones.size() >= calls * 2 / 3, qPrintable(u"%1 numbers"_s.arg(phones.size())));
        QVERIFY2(names.size() >= calls / 2, qPrintable(u"%1 names"_s.arg(names.size())));
        QVERIFY2(openings.size() >= calls / 2, qPrintable(u"%1 openings"_s.arg(openings.size())));
        // Bookings do not start failing as the calendar fills over a day.
        QVERIFY2(notBooked <= 3, qPrintable(u"%1 callers could not book"_s.arg(notBooked)));
    }

    // The owner's sessions and their refresh tokens (a refresh adds a token to its session).
    std::pair<int, int> ownerSessions()
    {
        auto rows = f.sql("SELECT count(DISTINCT t.family_id), count(*) FROM refresh_tokens t "
                          "JOIN profiles p ON p.id = t.user_id WHERE p.email = $1",
                          {vox::demo::email()});
        return rows ? std::pair{int(rows->toInt(0, 0)), int(rows->toInt(0, 1))} : std::pair{-1, -1};
    }

    void batchesOfADayAreOneSessionOfTheOwner_data()
    {
        QTest::addColumn<bool>("besideTheServer");
        QTest::newRow("signed in with the password") << false;
        QTest::newRow("opened beside the server") << true;
    }
    void batchesOfADayAreOneSessionOfTheOwner()
    {
        QFETCH(bool, besideTheServer);
        DemoFeed::Options o = options();
        qint64 seconds = 0; // the keeper's clock, moved on by hand
        o.ownerSessionKeeper =
            std::make_shared<vox::sandbox::SessionKeeper>([&seconds] { return seconds; });
        if (besideTheServer)
            o.ownerSession = [this] { return f.server->server().localSession(vox::demo::email()); };
        const auto [sessionsBefore, tokensBefore] = ownerSessions();

        auto clinic = DemoFeed::prepareClinic(o);
        QVERIFY2(clinic.ok(), qPrintable(clinic.ok() ? QString() : clinic.errorMessage()));
        // Five minutes between batches: the access token (15 minutes) runs out on the way.
        vox::sandbox::CallSimulator::Summary last;
        for (int batch = 0; batch < 5; ++batch) {
            auto played = DemoFeed::playCalls(o, clinic->assistantId, 1,
                                              quint32(7000 + batch + (besideTheServer ? 50 : 0)),
                                              6 * 60, last);
            QVERIFY2(played.ok(), qPrintable(played.ok() ? QString() : played.errorMessage()));
            last = *played;
            seconds += 5 * 60;
        }

        const auto [sessionsAfter, tokensAfter] = ownerSessions();
        QCOMPARE(sessionsAfter - sessionsBefore, 1);
        // Refreshed before it ran out, not reopened: its token was rotated, in the same session.
        QVERIFY2(tokensAfter - tokensBefore >= 2,
                 qPrintable(u"%1 tokens"_s.arg(tokensAfter - tokensBefore)));
    }

    void callersOfARunAreAllDifferentPeople()
    {
        QSet<QString> names, phones;
        for (int i = 0; i < 500; ++i) {
            const auto who = vox::sandbox::CallSimulator::person(42, i);
            names.insert(who.name);
            phones.insert(who.phone);
            QVERIFY2(who.phone.startsWith(u"+1"_s) && who.phone.size() == 12,
                     qPrintable(who.phone));
        }
        QCOMPARE(names.size(), 500);
        QCOMPARE(phones.size(), 500);
        // The same person has the same number in every run.
        QCOMPARE(vox::sandbox::CallSimulator::person(42, 3).phone,
                 vox::sandbox::CallSimulator::person(42, 3).phone);
    }
};

QTEST_GUILESS_MAIN(TestDemoFeed)
#include "tst_demofeed.moc"
