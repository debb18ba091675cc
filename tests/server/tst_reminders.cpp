// A clinic's automatic reminders against a real PostgreSQL and the Twilio sandbox: the plan in
// Settings (who may change it, what is refused, the preview and its SMS parts), reminders
// planned as jobs from an appointment, sent once with two instances racing, nothing sent for an
// appointment moved or cancelled since, and no SMS to a number that opted out. Appointments lie
// in 2030 and planning is given its "now": nothing depends on today's date.
#include "integrationfixture.h"

#include "core/logging/log.h"
#include "server/appcontext.h"
#include "server/providers/providerhttp.h"
#include "server/server.h"
#include "server/services/reminderjobs.h"

#include <QJsonArray>
#include <QScopeGuard>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace vox::test;
namespace reminderjobs = vox::server::reminderjobs;

namespace {

QDateTime utc(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODate);
}

using Instance = IntegrationFixture::Instance;

} // namespace

class TestReminders : public QObject
{
    Q_OBJECT

    IntegrationFixture f;
    Clinic m_a;
    IntegrationFixture::TwilioAccount m_twilio;
    int m_rows = 0;

    std::unique_ptr<Instance> instance(const QString &name)
    {
        return f.instance(name, reminderjobs::registerJobs);
    }

    // An appointment of clinic A booked at `bookedAt`, starting at `start` (UTC).
    QString appointment(const QString &contactId, const QString &start, const QString &bookedAt)
    {
        return f.one("INSERT INTO appointments (org_id, contact_id, service_name, starts_at, "
                     "ends_at, status, source, created_at) VALUES ($1::uuid, $2::uuid, "
                     "'Cleaning', $3::timestamptz, $3::timestamptz + interval '30 minutes', "
                     "'confirmed', 'console', $4::timestamptz) RETURNING id",
                     {m_a.orgId, contactId, start, bookedAt});
    }

    int plan(Instance &i, const QString &appointmentId, const QString &now)
    {
        auto queued =
            i.db->transaction<int>(vox::db::Access::service(), [&](vox::db::Transaction &tx) {
                return reminderjobs::plan(tx, m_a.orgId, appointmentId, utc(now));
            });
        if (!queued) {
            qWarning("%s", qPrintable(queued.errorMessage()));
            return -1;
        }
        return *queued;
    }

    // The appointment's reminder jobs made due now, as if their moment had come.
    void makeDue(const QString &appointmentId)
    {
        QVERIFY(f.sql("UPDATE jobs SET run_at = now() WHERE kind = $1 AND "
                      "payload->>'appointment_id' = $2",
                      {QString::fromLatin1(reminderjobs::jobKind), appointmentId}));
    }

    bool allDone(const QString &appointmentId)
    {
        return f.one("SELECT count(*) FILTER (WHERE status <> 'done') FROM jobs WHERE kind = $1 "
                     "AND payload->>'appointment_id' = $2",
                     {QString::fromLatin1(reminderjobs::jobKind), appointmentId}) == u"0"_s;
    }

    int smsTo(const QString &phone)
    {
        int n = 0;
        for (const auto &r : f.recorded(u"twilio"_s, u"/Messages.json"_s))
            n += IntegrationFixture::formValue(r.body, u"To"_s) == phone ? 1 : 0;
        return n;
    }

    void runAll(Instance &i, const QString &appointmentId)
    {
        makeDue(appointmentId);
        QVERIFY(QTest::qWaitFor(
            [&] {
                i.jobs->runDue();
                return allDone(appointmentId);
            },
            30000));
    }

    // The clinic's re-plan jobs still to run or running.
    QString replansPending()
    {
        return f.one("SELECT count(*) FROM jobs WHERE kind = $1 AND org_id = $2::uuid AND status "
                     "IN ('queued', 'running')",
                     {QString::fromLatin1(reminderjobs::replanJobKind), m_a.orgId});
    }

    // Waits until the clinic's re-planning has run, by whichever runner takes it (`i`'s when
    // given, the test server's otherwise); false when it did not finish or failed.
    bool replanned(Instance *i = nullptr)
    {
        const bool settled = QTest::qWaitFor(
            [&] {
                if (i)
                    i->jobs->runDue();
                return replansPending() == u"0"_s;
            },
            30000);
        return settled &&
               f.one("SELECT count(*) FROM jobs WHERE kind = $1 AND org_id = $2::uuid "
                     "AND status = 'failed'",
                     {QString::fromLatin1(reminderjobs::replanJobKind), m_a.orgId}) == u"0"_s;
    }

    // The plan saved as the console saves it, and the re-planning it queued run to the end, so
    // no re-plan is left to run in the middle of the next step.
    HttpReply putPlan(const QJsonObject &changes)
    {
        const HttpReply reply = m_a.client->put(u"/api/settings/reminders"_s, changes);
        if (reply.status == 200 && !replanned())
            qWarning("the re-planning did not finish");
        return reply;
    }

    // Stops the test server's job runner until the answer goes out of scope, so only the
    // test's own instance runs jobs meanwhile.
    auto holdServerJobs()
    {
        vox::server::jobs::JobRunner &serverJobs = f.server->server().jobs();
        serverJobs.stop();
        return qScopeGuard([&serverJobs] { serverJobs.start(); });
    }

private slots:
    void initTestCase()
    {
        vox::log::setupStderr(vox::log::Level::Error);
        QVERIFY2(f.start(u"reminders"_s), qPrintable(f.error));
        m_a = f.signUp(u"Reminder Clinic"_s);
        m_twilio = f.newTwilioAccount();
        const QString problem = f.connectTwilioAndWait(m_a, m_twilio);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void aNewClinicHasTheDefaultPlanSwitchedOff()
    {
        const HttpReply got = m_a.client->get(u"/api/settings/reminders"_s);
        QCOMPARE(got.status, 200);
        const QJsonObject p = got.json();
        QCOMPARE(p.value(u"enabled"_s).toBool(true), false);
        QCOMPARE(p.value(u"at_booking"_s).toBool(), true);
        QCOMPARE(p.value(u"day_before"_s).toBool(), true);
        QCOMPARE(p.value(u"two_hours_before"_s).toBool(), true);
        QCOMPARE(p.value(u"sms"_s).toBool(), true);
        QCOMPARE(p.value(u"email"_s).toBool(true), false);
        QCOMPARE(p.value(u"quiet_start"_s).toString(), u"21:00"_s);
        QCOMPARE(p.value(u"quiet_end"_s).toString(), u"08:00"_s);
        QVERIFY(p.value(u"sms_template"_s).toString().contains(u"{first_name}"_s));
        QCOMPARE(p.value(u"placeholders"_s).toArray().size(), 5);
    }

    void badPlansAreRefusedWithTheReason_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("says");

        QTest::newRow("quiet hours not a time")
            << QJsonObject{{u"quiet_start"_s, u"25:00"_s}} << u"quiet_start"_s;
        QTest::newRow("unknown placeholder")
            << QJsonObject{{u"sms_template"_s, u"Hi {name}"_s}} << u"{name}"_s;
        QTest::newRow("blank template")
            << QJsonObject{{u"email_template"_s, u"  "_s}} << u"cannot be empty"_s;
        QTest::newRow("a switch that is not true or false")
            << QJsonObject{{u"enabled"_s, u"yes"_s}} << u"enabled"_s;
        QTest::newRow("on with no channel")
            << QJsonObject{{u"enabled"_s, true}, {u"sms"_s, false}, {u"email"_s, false}}
            << u"SMS, e-mail or both"_s;
    }

    void badPlansAreRefusedWithTheReason()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, says);
        const HttpReply refused = m_a.client->put(u"/api/settings/reminders"_s, body);
        QCOMPARE(refused.status, 400);
        QVERIFY2(refused.json().value(u"error"_s).toString().contains(says),
                 refused.body.constData());
        QCOMPARE(f.one("SELECT count(*) FROM reminder_plans WHERE org_id = $1::uuid", {m_a.orgId}),
                 u"0"_s);
    }

    void onlyAdminsChangeThePlanAndChangesAreAudited()
    {
        auto staff = f.staffOf(m_a);
        QCOMPARE(staff->put(u"/api/settings/reminders"_s, {{u"enabled"_s, true}}).status, 403);
        QCOMPARE(staff->get(u"/api/settings/reminders"_s).status, 200);
        const HttpReply saved = putPlan(
            {{u"enabled"_s, true}, {u"quiet_start"_s, u"22:00"_s}, {u"quiet_end"_s, u"07:30"_s}});
        QCOMPARE(saved.status, 200);
        QCOMPARE(saved.json().value(u"enabled"_s).toBool(), true);
        QCOMPARE(saved.json().value(u"quiet_end"_s).toString(), u"07:30"_s);
        QCOMPARE(m_a.client->get(u"/api/settings/reminders"_s).json().value(u"quiet_start"_s),
                 QJsonValue(u"22:00"_s));
        QCOMPARE(f.one("SELECT count(*) FROM audit_log WHERE org_id = $1::uuid AND action = "
                       "'reminders.plan_changed'",
                       {m_a.orgId}),
                 u"1"_s);
        // A custom text, then null: back to the default words.
        QCOMPARE(putPlan({{u"sms_template"_s, u"See you {date} at {time}, {first_name}!"_s}})
                     .json()
                     .value(u"sms_template"_s)
                     .toString(),
                 u"See you {date} at {time}, {first_name}!"_s);
        const HttpReply reset = putPlan({{u"sms_template"_s, QJsonValue::Null}});
        QCOMPARE(reset.json().value(u"sms_template"_s),
                 reset.json().value(u"defaults"_s).toObject().value(u"sms_template"_s));
    }

    void thePreviewReadsAsThePatientWillWithItsSmsParts_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("segments");
        QTest::addColumn<QString>("encoding");

        QTest::newRow("GSM-7, one part")
            << u"Hi {first_name}, {service} at {clinic} on {date} at {time}."_s
            << u"Hi Maria, Cleaning at Reminder Clinic on Tue 10 Mar at 9:30 AM."_s << 1
            << u"gsm7"_s;
        QTest::newRow("an emoji: UCS-2, 70 per part")
            << u"Hi {first_name} 😀 "_s + QString(60, u'x') << u"Hi Maria 😀 "_s + QString(60, u'x')
            << 2 << u"ucs2"_s;
    }

    void thePreviewReadsAsThePatientWillWithItsSmsParts()
    {
        QFETCH(QString, text);
        QFETCH(QString, expected);
        QFETCH(int, segments);
        QFETCH(QString, encoding);
        const HttpReply p =
            m_a.client->post(u"/api/settings/reminders/preview"_s, {{u"text"_s, text}});
        QCOMPARE(p.status, 200);
        QCOMPARE(p.json().value(u"text"_s).toString(), expected);
        QCOMPARE(p.json().value(u"segments"_s).toInt(), segments);
        QCOMPARE(p.json().value(u"encoding"_s).toString(), encoding);
        QCOMPARE(m_a.client->post(u"/api/settings/reminders/preview"_s, {}).status, 400);
    }

    void twoInstancesRacingSendEachReminderOnce()
    {
        const QString phone = u"+15550107001"_s;
        const QString contact = f.insertContact(m_a.orgId, phone, u"Rita Lopez"_s);
        // Wednesday 15:00 in New York, booked ten days before at 14:00.
        const QString appt =
            appointment(contact, u"2030-06-12T19:00:00Z"_s, u"2030-06-02T18:00:00Z"_s);
        auto first = instance(u"reminders-1"_s);
        auto second = instance(u"reminders-2"_s);
        QCOMPARE(plan(*first, appt, u"2030-06-02T18:00:00Z"_s), 3);
        // Planned again (another instance, the same change seen twice): nothing new.
        QCOMPARE(plan(*second, appt, u"2030-06-02T18:00:00Z"_s), 0);
        QCOMPARE(f.one("SELECT string_agg(payload->>'reminder' || ' ' || to_char(run_at AT TIME "
                       "ZONE 'UTC', 'YYYY-MM-DD HH24:MI'), ', ' ORDER BY run_at) FROM jobs WHERE "
                       "kind = $1 AND payload->>'appointment_id' = $2",
                       {QString::fromLatin1(reminderjobs::jobKind), appt}),
                 u"booked 2030-06-02 18:00, 24h 2030-06-11 19:00, 2h 2030-06-12 17:00"_s);

        makeDue(appt);
        QVERIFY(IntegrationFixture::runRacing(*first, *second));
        // The test server's own runner may have taken some: whoever ran them, each ran once.
        QVERIFY(QTest::qWaitFor([&] { return allDone(appt); }, 30000));
        QCOMPARE(f.one("SELECT max(attempts) FROM jobs WHERE kind = $1 AND "
                       "payload->>'appointment_id' = $2",
                       {QString::fromLatin1(reminderjobs::jobKind), appt}),
                 u"1"_s);
        QCOMPARE(smsTo(phone), 3);
        QCOMPARE(
            f.one("SELECT count(*) FROM messages WHERE appointment_id = $1::uuid AND purpose = "
                  "'appointment_reminder' AND method = 'sms'",
                  {appt}),
            u"3"_s);
        QCOMPARE(f.one("SELECT confirmation_sent FROM appointments WHERE id = $1::uuid", {appt}),
                 u"t"_s);
        const auto sent = f.recorded(u"twilio"_s, u"/Messages.json"_s);
        QVERIFY(IntegrationFixture::formValue(sent.last().body, u"Body"_s)
                    .startsWith(u"Hi Rita, this is a reminder of your Cleaning appointment at "
                                "Reminder Clinic on Wed 12 Jun at 3:00 PM."_s));
    }

    void aMovedAppointmentIsRemindedOfItsNewTimeOnly()
    {
        const QString phone = u"+15550107002"_s;
        const QString contact = f.insertContact(m_a.orgId, phone, u"Moe Ved"_s);
        const QString appt =
            appointment(contact, u"2030-07-10T19:00:00Z"_s, u"2030-07-01T18:00:00Z"_s);
        auto i = instance(u"reminders-move"_s);
        QCOMPARE(plan(*i, appt, u"2030-07-01T18:00:00Z"_s), 3);
        QVERIFY(f.sql("UPDATE appointments SET starts_at = '2030-07-11T19:00:00Z', ends_at = "
                      "'2030-07-11T19:30:00Z' WHERE id = $1::uuid",
                      {appt}));
        // Re-planned a day later: the confirmation went already, the new time's two are new.
        QCOMPARE(plan(*i, appt, u"2030-07-02T12:00:00Z"_s), 2);
        runAll(*i, appt);
        // The old time's reminders still waiting were deleted by the re-planning; the
        // confirmation planned for the old time does not go out after the move either.
        QCOMPARE(smsTo(phone), 2);
        QCOMPARE(f.one("SELECT count(*) FROM jobs WHERE kind = $1 AND payload->>'appointment_id' = "
                       "$2 AND payload->>'starts_at' LIKE '2030-07-10%'",
                       {QString::fromLatin1(reminderjobs::jobKind), appt}),
                 u"0"_s);
        QCOMPARE(f.one("SELECT count(*) FROM jobs WHERE kind = $1 AND payload->>'appointment_id' = "
                       "$2 AND payload->>'starts_at' LIKE '2030-07-11%'",
                       {QString::fromLatin1(reminderjobs::jobKind), appt}),
                 u"2"_s);
    }

    void aCancelledOrCompletedAppointmentGetsNoReminder_data()
    {
        QTest::addColumn<QString>("status");
        QTest::newRow("cancelled") << u"cancelled"_s;
        QTest::newRow("completed") << u"completed"_s;
    }

    void aCancelledOrCompletedAppointmentGetsNoReminder()
    {
        QFETCH(QString, status);
        const QString phone = status == u"cancelled" ? u"+15550107003"_s : u"+15550107004"_s;
        const QString contact = f.insertContact(m_a.orgId, phone, u"Cass Ell"_s);
        const QString appt =
            appointment(contact, u"2030-08-10T19:00:00Z"_s, u"2030-08-01T18:00:00Z"_s);
        auto i = instance(u"reminders-"_s + status);
        QCOMPARE(plan(*i, appt, u"2030-08-01T18:00:00Z"_s), 3);
        // Changed behind the planner's back (or while its jobs were being taken): the jobs
        // still queued find out when they run.
        QVERIFY(f.sql("UPDATE appointments SET status = $2 WHERE id = $1::uuid", {appt, status}));
        runAll(*i, appt);
        QCOMPARE(smsTo(phone), 0);
        QCOMPARE(f.one("SELECT count(*) FROM messages WHERE appointment_id = $1::uuid", {appt}),
                 u"0"_s);
    }

    void anOptedOutNumberGetsNoReminderSms()
    {
        const QString phone = u"+15550107005"_s;
        const QString contact = f.insertContact(m_a.orgId, phone, u"Stop Pat"_s);
        QVERIFY(f.sql("INSERT INTO sms_opt_outs (org_id, phone, keyword) VALUES ($1::uuid, $2, "
                      "'STOP')",
                      {m_a.orgId, phone}));
        const QString appt =
            appointment(contact, u"2030-09-10T19:00:00Z"_s, u"2030-09-01T18:00:00Z"_s);
        auto i = instance(u"reminders-optout"_s);
        QCOMPARE(plan(*i, appt, u"2030-09-01T18:00:00Z"_s), 3);
        runAll(*i, appt);
        QCOMPARE(smsTo(phone), 0);
        // Each job ran once and is done: a refusal is final, not retried.
        QCOMPARE(f.one("SELECT max(attempts) FROM jobs WHERE kind = $1 AND "
                       "payload->>'appointment_id' = $2",
                       {QString::fromLatin1(reminderjobs::jobKind), appt}),
                 u"1"_s);
        QCOMPARE(f.one("SELECT confirmation_sent FROM appointments WHERE id = $1::uuid", {appt}),
                 u"f"_s);
    }

    // The jobs still waiting, as "reminder HH:MM" (UTC run time, day of the month), by time.
    QString waiting(const QString &appointmentId)
    {
        return f.one("SELECT string_agg(payload->>'reminder' || ' ' || to_char(run_at AT TIME ZONE "
                     "'UTC', 'DD HH24:MI'), ', ' ORDER BY run_at) FROM jobs WHERE kind = $1 AND "
                     "payload->>'appointment_id' = $2 AND status = 'queued'",
                     {QString::fromLatin1(reminderjobs::jobKind), appointmentId});
    }

    // A confirmed appointment of a new patient, booked long ago and planned by `i` ten days
    // before `start`, so only its 24 h and 2 h reminders wait; the test fails when they do not.
    QString plannedLongAgo(Instance &i, const QString &phone, const QString &name,
                           const QString &start)
    {
        const QString contact = f.insertContact(m_a.orgId, phone, name);
        const QString appt = appointment(contact, start, u"2020-01-01T12:00:00Z"_s);
        const QString now = utc(start).addDays(-10).toString(Qt::ISODate);
        if (plan(i, appt, now) != 2)
            qWarning("%s was not planned with two reminders", qPrintable(appt));
        return appt;
    }

    // Each row: what is done to a booked appointment, and the jobs left waiting for it
    // afterwards. Cancelling, completing and editing go through the API as the front desk does;
    // a move (the API books only so far ahead) is re-planned as the move's transaction does.
    void aChangedAppointmentLeavesOnlyTheJobsItWants_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("left");
        QTest::newRow("moved a day later") << u"move"_s << u"24h 12 20:00, 2h 13 18:00"_s;
        QTest::newRow("cancelled") << u"cancel"_s << QString();
        QTest::newRow("completed") << u"complete"_s << QString();
        QTest::newRow("notes edited") << u"notes"_s << u"24h 11 20:00, 2h 12 18:00"_s;
    }
    void aChangedAppointmentLeavesOnlyTheJobsItWants()
    {
        QFETCH(QString, change);
        QFETCH(QString, left);
        QCOMPARE(putPlan({{u"enabled"_s, true}}).status, 200);
        const QString contact =
            f.insertContact(m_a.orgId, u"+1555010720%1"_s.arg(++m_rows), u"Chan Ging"_s);
        // Tuesday 15:00 in New York; booked long ago, so only the 24 h and 2 h are to come.
        const QString appt =
            appointment(contact, u"2030-11-12T20:00:00Z"_s, u"2020-01-01T12:00:00Z"_s);
        auto i = instance(u"reminders-change-"_s + change);
        QCOMPARE(plan(*i, appt, u"2030-11-01T12:00:00Z"_s), 2);
        QCOMPARE(waiting(appt), u"24h 11 20:00, 2h 12 18:00"_s);
        if (change == u"move") {
            QVERIFY(f.sql("UPDATE appointments SET starts_at = '2030-11-13T20:00:00Z', ends_at = "
                          "'2030-11-13T20:30:00Z' WHERE id = $1::uuid",
                          {appt}));
            QCOMPARE(plan(*i, appt, u"2030-11-02T12:00:00Z"_s), 2);
        } else {
            HttpReply reply;
            if (change == u"cancel")
                reply = m_a.client->post(u"/api/appointments/%1/cancel"_s.arg(appt), {});
            else if (change == u"complete")
                reply = m_a.client->patch(u"/api/appointments/"_s + appt,
                                          {{u"status"_s, u"completed"_s}});
            else
                reply = m_a.client->patch(u"/api/appointments/"_s + appt,
                                          {{u"notes"_s, u"Prefers mornings"_s}});
            QVERIFY2(reply.status == 200, reply.body.constData());
        }
        QCOMPARE(waiting(appt), left);
    }

    // Which reminders go and when is the plan's: changing it re-plans the booked appointments
    // still to come, adding and removing their waiting jobs.
    void changingThePlanReplansBookedAppointments()
    {
        QCOMPARE(putPlan({{u"enabled"_s, true}}).status, 200);
        auto i = instance(u"reminders-plan-change"_s);
        const QString appt =
            plannedLongAgo(*i, u"+15550107301"_s, u"Plan Change"_s, u"2030-12-11T20:00:00Z"_s);
        QCOMPARE(waiting(appt), u"24h 10 20:00, 2h 11 18:00"_s);
        const auto put = [&](const QJsonObject &changes) {
            const HttpReply r = m_a.client->put(u"/api/settings/reminders"_s, changes);
            QCOMPARE(r.status, 200);
            // The save only queued the re-planning; the job runner carries it out.
            QVERIFY(replanned(i.get()));
        };
        put({{u"day_before"_s, false}});
        QCOMPARE(waiting(appt), u"2h 11 18:00"_s);
        put({{u"day_before"_s, true}});
        QCOMPARE(waiting(appt), u"24h 10 20:00, 2h 11 18:00"_s);
        // Quiet from noon to 14:00 clinic time: the 2 h reminder (13:00) waits until 14:00.
        put({{u"quiet_start"_s, u"12:00"_s}, {u"quiet_end"_s, u"14:00"_s}});
        QCOMPARE(waiting(appt), u"24h 10 20:00, 2h 11 19:00"_s);
        put({{u"quiet_start"_s, u"21:00"_s}, {u"quiet_end"_s, u"08:00"_s}});
        QCOMPARE(waiting(appt), u"24h 10 20:00, 2h 11 18:00"_s);
        // New words change no job: they are read when a reminder is sent.
        put({{u"sms_template"_s, u"See you at {time}, {first_name}"_s}});
        QCOMPARE(waiting(appt), u"24h 10 20:00, 2h 11 18:00"_s);
        put({{u"sms_template"_s, QJsonValue::Null}});
        put({{u"enabled"_s, false}});
        QCOMPARE(waiting(appt), QString());
        put({{u"enabled"_s, true}});
        QCOMPARE(waiting(appt), u"24h 10 20:00, 2h 11 18:00"_s);
        // A cancelled appointment is not planned again by a plan change.
        QCOMPARE(m_a.client->post(u"/api/appointments/%1/cancel"_s.arg(appt), {}).status, 200);
        put({{u"two_hours_before"_s, false}});
        put({{u"two_hours_before"_s, true}});
        QCOMPARE(waiting(appt), QString());
    }

    // The save queues the re-planning in its own transaction and leaves the waiting reminders
    // as they were; the job runner brings them to the new plan.
    void aPlanChangeQueuesAReplanThatTheJobRunnerCarriesOut()
    {
        QCOMPARE(putPlan({{u"enabled"_s, true}}).status, 200);
        auto i = instance(u"reminders-replan-job"_s);
        // Tuesday 15:00 in New York.
        const QString appt =
            plannedLongAgo(*i, u"+15550107601"_s, u"Job Later"_s, u"2031-02-11T20:00:00Z"_s);
        QCOMPARE(waiting(appt), u"24h 10 20:00, 2h 11 18:00"_s);
        // The test server's runner held still, so what the save did alone can be seen.
        const auto restart = holdServerJobs();
        QCOMPARE(m_a.client->put(u"/api/settings/reminders"_s, {{u"day_before"_s, false}}).status,
                 200);
        QCOMPARE(replansPending(), u"1"_s);
        QCOMPARE(
            f.one("SELECT status FROM jobs WHERE unique_key = $1",
                  {QString(QString::fromLatin1(reminderjobs::replanJobKind) + u':' + m_a.orgId)}),
            u"queued"_s);
        QCOMPARE(waiting(appt), u"24h 10 20:00, 2h 11 18:00"_s);
        QVERIFY(replanned(i.get()));
        QCOMPARE(waiting(appt), u"2h 11 18:00"_s);
        QCOMPARE(putPlan({{u"day_before"_s, true}}).status, 200);
        QVERIFY(replanned(i.get()));
        QCOMPARE(waiting(appt), u"24h 10 20:00, 2h 11 18:00"_s);
    }

    // Changes saved one after the other while a re-plan waits are all carried by that one job,
    // which plans by the plan saved last.
    void twoPlanChangesInARowEndWithTheLastPlan()
    {
        QCOMPARE(putPlan({{u"enabled"_s, true}}).status, 200);
        auto i = instance(u"reminders-replan-twice"_s);
        const QString appt =
            plannedLongAgo(*i, u"+15550107602"_s, u"Two Saves"_s, u"2031-02-18T20:00:00Z"_s);
        const auto restart = holdServerJobs();
        QCOMPARE(m_a.client->put(u"/api/settings/reminders"_s, {{u"day_before"_s, false}}).status,
                 200);
        QCOMPARE(m_a.client
                     ->put(u"/api/settings/reminders"_s,
                           {{u"day_before"_s, true}, {u"two_hours_before"_s, false}})
                     .status,
                 200);
        QCOMPARE(replansPending(), u"1"_s);
        QVERIFY(replanned(i.get()));
        QCOMPARE(waiting(appt), u"24h 17 20:00"_s);
        QCOMPARE(putPlan({{u"two_hours_before"_s, true}}).status, 200);
        QVERIFY(replanned(i.get()));
        QCOMPARE(waiting(appt), u"24h 17 20:00, 2h 18 18:00"_s);
    }

    // The re-planning run again, in batches of any size, queues nothing new and leaves the
    // same reminders waiting.
    void replanningAgainChangesNothing_data()
    {
        QTest::addColumn<int>("batchSize");
        QTest::addColumn<int>("firstDay"); // of March 2031: three appointments from that day on
        QTest::newRow("one appointment a batch") << 1 << 11;
        QTest::newRow("two a batch") << 2 << 14;
        QTest::newRow("all in one") << 200 << 17;
    }
    void replanningAgainChangesNothing()
    {
        QFETCH(int, batchSize);
        QFETCH(int, firstDay);
        QCOMPARE(putPlan({{u"enabled"_s, true}}).status, 200);
        auto i = instance(u"reminders-replan-again-%1"_s.arg(batchSize));
        QStringList appts;
        for (int n = 0; n < 3; ++n) {
            const QString contact = f.insertContact(
                m_a.orgId, u"+155501077%1%2"_s.arg(batchSize % 10).arg(n), u"Again Again"_s);
            appts << appointment(contact, u"2031-03-%1T20:00:00Z"_s.arg(firstDay + n),
                                 u"2020-01-01T12:00:00Z"_s);
        }
        const auto state = [&] {
            QStringList out;
            for (const QString &appt : std::as_const(appts))
                out << waiting(appt);
            return out.join(u" | "_s);
        };
        const auto replanOnce = [&] {
            auto queued = reminderjobs::replanUpcoming(*i->db, m_a.orgId, batchSize);
            if (!queued)
                qWarning("%s", qPrintable(queued.errorMessage()));
            return queued ? *queued : -1;
        };
        QVERIFY(replanOnce() >= 6); // the three new appointments' 24 h and 2 h at least
        const QString planned = state();
        // Sixteen o'clock in New York each day: the day before at the same time, and two hours
        // before.
        QStringList expected;
        for (int n = 0; n < 3; ++n)
            expected << u"24h %1 20:00, 2h %2 18:00"_s.arg(firstDay + n - 1).arg(firstDay + n);
        QCOMPARE(planned, expected.join(u" | "_s));
        QCOMPARE(replanOnce(), 0);
        QCOMPARE(state(), planned);
        QCOMPARE(replanOnce(), 0);
        QCOMPARE(state(), planned);
    }

    // A reminder e-mail is named by its job: the job run again (after a database error, say)
    // finds the e-mail sent and sends no second one; and should the first attempt's record have
    // been lost, Resend's idempotency key still keeps the copy from going.
    void aReminderEmailIsSentOnceHoweverOftenItsJobRuns()
    {
        QCOMPARE(m_a.client
                     ->put(u"/api/integrations/resend"_s,
                           {{u"api_key"_s, u"re_reminder_clinic"_s},
                            {u"from"_s, u"Reminder Clinic <desk@reminder.example>"_s}})
                     .status,
                 200);
        QCOMPARE(putPlan({{u"enabled"_s, true}, {u"sms"_s, false}, {u"email"_s, true}}).status,
                 200);
        const QString address = u"once@patient.example"_s;
        const QString contact =
            f.insertContact(m_a.orgId, u"+15550107401"_s, u"Ona Once"_s, address);
        const QString appt =
            appointment(contact, u"2030-12-18T20:00:00Z"_s, u"2020-01-01T12:00:00Z"_s);
        const auto emailsTo = [&] {
            int n = 0;
            for (const QJsonValue &e : f.sandbox->resend().emails())
                n += e.toObject().value(u"to"_s).toString() == address ? 1 : 0;
            return n;
        };
        auto i = instance(u"reminders-email"_s);
        vox::server::jobs::Job job;
        job.kind = QString::fromLatin1(reminderjobs::jobKind);
        job.orgId = m_a.orgId;
        job.payload = {{u"appointment_id"_s, appt},
                       {u"reminder"_s, u"24h"_s},
                       {u"starts_at"_s, u"2030-12-18T20:00:00.000Z"_s}};
        job.attempt = 1;
        job.maxAttempts = 3;
        const auto runJob = [&] {
            auto outcome = reminderjobs::run(*i->app, job);
            QVERIFY2(outcome, qPrintable(outcome ? QString() : outcome.errorMessage()));
            QVERIFY(outcome->sent);
        };
        const auto rows = [&] {
            return f.one("SELECT count(*) FROM messages WHERE appointment_id = $1::uuid AND method "
                         "= 'email'",
                         {appt});
        };
        runJob();
        QCOMPARE(emailsTo(), 1);
        QCOMPARE(rows(), u"1"_s);
        ++job.attempt;
        runJob();
        QCOMPARE(emailsTo(), 1);
        QCOMPARE(rows(), u"1"_s);
        // As if the first attempt's record had never been written.
        QVERIFY(f.sql("DELETE FROM messages WHERE appointment_id = $1::uuid", {appt}));
        ++job.attempt;
        runJob();
        QCOMPARE(emailsTo(), 1);
        QCOMPARE(rows(), u"1"_s);
        // Resend was asked twice (the first run and the one that found no record), the same
        // key both times.
        QStringList keys;
        for (const auto &r : f.recorded(u"resend"_s, u"/emails"_s))
            if (r.body.contains(address.toUtf8()))
                keys << QString::fromUtf8(r.headers.value("idempotency-key"));
        QCOMPARE(keys.size(), 2);
        QCOMPARE(keys.first(), keys.last());
        QVERIFY(!keys.first().isEmpty());
        QCOMPARE(putPlan({{u"sms"_s, true}, {u"email"_s, false}}).status, 200);
    }

    // A clinic that kept the default words reaches a patient who prefers Spanish in Spanish.
    void aPatientWhoPrefersSpanishIsRemindedInSpanish()
    {
        QCOMPARE(putPlan({{u"enabled"_s, true}, {u"at_booking"_s, false}, {u"sms"_s, true}}).status,
                 200);
        const QString phone = u"+15550107501"_s;
        const QString contact = f.insertContact(m_a.orgId, phone, u"Lucía Prieto"_s);
        QVERIFY(
            f.sql("UPDATE contacts SET preferred_language = 'es' WHERE id = $1::uuid", {contact}));
        // Wednesday 15:00 in New York.
        const QString appt =
            appointment(contact, u"2031-01-15T20:00:00Z"_s, u"2020-01-01T12:00:00Z"_s);
        auto i = instance(u"reminders-spanish"_s);
        QCOMPARE(plan(*i, appt, u"2031-01-01T12:00:00Z"_s), 2);
        runAll(*i, appt);
        QStringList bodies;
        for (const auto &r : f.recorded(u"twilio"_s, u"/Messages.json"_s))
            if (IntegrationFixture::formValue(r.body, u"To"_s) == phone)
                bodies << IntegrationFixture::formValue(r.body, u"Body"_s);
        QCOMPARE(bodies.size(), 2);
        QCOMPARE(bodies.first(),
                 u"Hola Lucía, le recordamos su cita de Cleaning en Reminder Clinic el 15 de "
                 "enero a las 15:00. Responda C para confirmar, R para cambiarla o N para "
                 "cancelar."_s);
        QCOMPARE(putPlan({{u"at_booking"_s, true}}).status, 200);
    }

    void aClinicWithRemindersOffPlansNothing()
    {
        QCOMPARE(putPlan({{u"enabled"_s, false}}).status, 200);
        const QString contact = f.insertContact(m_a.orgId, u"+15550107006"_s, u"Off Duty"_s);
        const QString appt =
            appointment(contact, u"2030-10-10T19:00:00Z"_s, u"2030-10-01T18:00:00Z"_s);
        auto i = instance(u"reminders-off"_s);
        QCOMPARE(plan(*i, appt, u"2030-10-01T18:00:00Z"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestReminders)
#include "tst_reminders.moc"
