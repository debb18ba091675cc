// A patient never gets a text twice. Twilio's Messages POST is not idempotent, so whatever
// Twilio answers (a refusal, a throttle, a 5xx, an answer later than we wait), an SMS is
// handed to it at most once per message; the audit row and the console are told what really
// happened, and an outcome nobody saw is settled by reading Twilio's own message list.
#include "core/logging/log.h"
#include "integrationfixture.h"

#include <QElapsedTimer>

#include <sstream>

using namespace Qt::Literals::StringLiterals;
using vox::test::Clinic;
using vox::test::HttpReply;
using vox::test::IntegrationFixture;

namespace {

// A request worker waits this long on Twilio; the late answers below come after it.
constexpr int providerTimeoutMs = 1000;
// Unsettled messages are looked up this long after they were written: after any send gave up.
constexpr int checkDelayMs = 4000;

} // namespace

class TestSendOnce : public QObject
{
    Q_OBJECT

    IntegrationFixture f;
    std::ostringstream m_log;

    struct Setup
    {
        Clinic clinic;
        IntegrationFixture::TwilioAccount twilio;
        QString callId;
        QString phone;
    };

    Setup clinicWithCall(const QString &name)
    {
        Setup s;
        s.clinic = f.signUp(name);
        s.twilio = f.newTwilioAccount();
        if (const QString problem = f.connectTwilioAndWait(s.clinic, s.twilio); !problem.isEmpty())
            qWarning("Twilio did not connect: %s", qPrintable(problem));
        s.phone = u"+1555124%1"_s.arg(++f.counter, 4, 10, QLatin1Char('0'));
        const QString contact = f.insertContact(s.clinic.orgId, s.phone, u"Jane Doe"_s);
        s.callId = f.insertCall(s.clinic.orgId, s.phone, contact);
        return s;
    }

    QString messagesPath(const Setup &s) const
    {
        return u"/twilio/2010-04-01/Accounts/%1/Messages.json"_s.arg(s.twilio.sid);
    }

    int posts(const Setup &s)
    {
        int n = 0;
        for (const auto &r : f.recorded(u"twilio"_s, u"/Messages.json"_s))
            n += r.method == u"POST"_s && r.path.contains(s.twilio.sid) ? 1 : 0;
        return n;
    }

    QJsonObject row(const QString &messageId)
    {
        auto r = f.sql("SELECT row_to_json(m) FROM messages m WHERE id = $1::uuid", {messageId});
        return r && !r->isEmpty() ? r->toJson(0, 0).toObject() : QJsonObject{};
    }

    QJsonObject lastRow(const QString &orgId)
    {
        auto r = f.sql("SELECT row_to_json(m) FROM messages m WHERE org_id = $1::uuid AND method "
                       "= 'sms' ORDER BY created_at DESC LIMIT 1",
                       {orgId});
        return r && !r->isEmpty() ? r->toJson(0, 0).toObject() : QJsonObject{};
    }

    // The row once no longer 'sending' or 'unknown' (the check settles it) nor 'queued' (its job
    // sends it again), or as it is after `timeoutMs`.
    QJsonObject settled(const QString &messageId, int timeoutMs = 60000)
    {
        QElapsedTimer waited;
        waited.start();
        QJsonObject r = row(messageId);
        while (waited.elapsed() < timeoutMs) {
            const QString status = r.value(u"status"_s).toString();
            if (status != u"sending"_s && status != u"unknown"_s && status != u"queued"_s)
                break;
            QTest::qWait(100);
            r = row(messageId);
        }
        return r;
    }

    QString jobStatus(qint64 id)
    {
        auto r = f.sql("SELECT status FROM jobs WHERE id = $1", {id});
        return r && !r->isEmpty() ? r->text(0, 0) : QString();
    }

    QString waitForJob(qint64 id, int timeoutMs = 30000)
    {
        QElapsedTimer waited;
        waited.start();
        QString status = jobStatus(id);
        while (waited.elapsed() < timeoutMs && status != u"done"_s && status != u"failed"_s) {
            QTest::qWait(50);
            status = jobStatus(id);
        }
        return status;
    }

    qint64 queueSmsJob(const Setup &s, const QString &body)
    {
        auto r = f.sql("INSERT INTO jobs (kind, org_id, payload, max_attempts) VALUES "
                       "('sms.send', $1::uuid, $2::jsonb, 5) RETURNING id",
                       {s.clinic.orgId, QJsonValue(QJsonObject{{u"to"_s, s.phone},
                                                               {u"body"_s, body},
                                                               {u"purpose"_s, u"alert"_s},
                                                               {u"call_id"_s, s.callId}})});
        return r && !r->isEmpty() ? r->toInt(0, 0) : 0;
    }

private slots:
    void cleanupTestCase() { vox::log::removeStreamSink(m_log); }

    void initTestCase()
    {
        vox::log::addStreamSink(m_log);
        QVERIFY2(f.start(u"sendonce"_s,
                         {{u"VOXANNE_PROVIDER_TIMEOUT_MS"_s, QString::number(providerTimeoutMs)},
                          {u"VOXANNE_SMS_CHECK_MS"_s, QString::number(checkDelayMs)}}),
                 qPrintable(f.error));
    }

    void init()
    {
        f.sandbox->state().clearFailures();
        f.sandbox->state().clearRequests();
    }

    void aFollowUpIsHandedToTwilioOnce_data()
    {
        QTest::addColumn<int>("twilioStatus"); // 0: Twilio answers normally
        QTest::addColumn<int>("delayMs");
        QTest::addColumn<QJsonObject>("twilioBody");
        QTest::addColumn<int>("httpStatus");
        QTest::addColumn<QString>("answeredStatus"); // the row when staff get the answer
        QTest::addColumn<QString>("settledStatus");  // the row once Twilio's list was read
        QTest::addColumn<int>("messagesAtTwilio");
        QTest::addColumn<QString>("errorSays");

        // %1: Twilio quotes the patient's number, which must go no further.
        const QJsonObject invalidNumber{{u"code"_s, 21211},
                                        {u"message"_s, u"Invalid 'To' Phone Number: %1"_s},
                                        {u"status"_s, 400}};
        QTest::newRow("accepted") << 0 << 0 << QJsonObject{} << 200 << u"sent"_s << u"sent"_s << 1
                                  << QString();
        QTest::newRow("refused: invalid number")
            << 400 << 0 << invalidNumber << 422 << u"failed"_s << u"failed"_s << 0
            << u"Twilio refused the SMS: Invalid 'To' Phone Number: (number) (Twilio error "
               "21211)."_s;
        QTest::newRow("throttled: 429")
            << 429 << 0 << QJsonObject{} << 502 << u"failed"_s << u"failed"_s << 0
            << u"The SMS could not be sent. Please try again later."_s;
        QTest::newRow("server error: 500")
            << 500 << 0 << QJsonObject{} << 202 << u"unknown"_s << u"failed"_s << 0 << QString();
        QTest::newRow("unavailable: 503")
            << 503 << 0 << QJsonObject{} << 202 << u"unknown"_s << u"failed"_s << 0 << QString();
        QTest::newRow("accepted, but the answer came too late")
            << 201 << providerTimeoutMs + 500 << QJsonObject{} << 202 << u"unknown"_s << u"sent"_s
            << 1 << QString();
    }

    void aFollowUpIsHandedToTwilioOnce()
    {
        QFETCH(int, twilioStatus);
        QFETCH(int, delayMs);
        QFETCH(QJsonObject, twilioBody);
        QFETCH(int, httpStatus);
        QFETCH(QString, answeredStatus);
        QFETCH(QString, settledStatus);
        QFETCH(int, messagesAtTwilio);
        QFETCH(QString, errorSays);

        Setup s = clinicWithCall(u"Send Once %1"_s.arg(QString::fromUtf8(QTest::currentDataTag())));
        if (twilioStatus != 0) {
            vox::sandbox::Failure failure;
            failure.provider = u"twilio"_s;
            failure.method = u"POST"_s;
            failure.pathPrefix = messagesPath(s);
            failure.status = twilioStatus;
            failure.remaining = 10;
            failure.delayMs = delayMs;
            failure.body = twilioBody;
            if (twilioBody.contains(u"message"_s))
                failure.body[u"message"_s] = twilioBody.value(u"message"_s).toString().arg(s.phone);
            f.sandbox->state().addFailure(failure);
        }
        const HttpReply reply =
            s.clinic.client->post(u"/api/calls-dashboard/%1/followup"_s.arg(s.callId),
                                  {{u"message"_s, u"Your results are ready."_s}});
        QVERIFY2(reply.status == httpStatus,
                 qPrintable(u"%1 %2"_s.arg(reply.status).arg(QString::fromUtf8(reply.body))));
        QCOMPARE(posts(s), 1);
        if (!errorSays.isEmpty())
            QCOMPARE(reply.error(), errorSays);
        if (httpStatus >= 300)
            QVERIFY2(!reply.body.contains(s.phone.toUtf8().mid(2)),
                     "a refusal never quotes the patient's number");

        const QJsonObject answered = lastRow(s.clinic.orgId);
        QCOMPARE(answered.value(u"status"_s).toString(), answeredStatus);
        QCOMPARE(answered.value(u"sender"_s).toString(), s.twilio.number);
        if (httpStatus == 202) {
            QCOMPARE(reply.json().value(u"status"_s).toString(), u"unknown"_s);
            QCOMPARE(reply.json().value(u"messageId"_s).toString(),
                     answered.value(u"id"_s).toString());
            QVERIFY(reply.json().value(u"notice"_s).toString().contains(u"do not send it again"_s));
            // It may have reached the patient: pressing send again is refused for the hour.
            f.sandbox->state().clearFailures();
            QCOMPARE(s.clinic.client
                         ->post(u"/api/calls-dashboard/%1/followup"_s.arg(s.callId),
                                {{u"message"_s, u"Your results are ready."_s}})
                         .status,
                     429);
        }

        const QJsonObject final = settled(answered.value(u"id"_s).toString());
        QCOMPARE(final.value(u"status"_s).toString(), settledStatus);
        QCOMPARE(posts(s), 1);
        const QJsonArray atTwilio = f.sandbox->twilio().messages(s.twilio.sid);
        QCOMPARE(atTwilio.size(), messagesAtTwilio);
        if (messagesAtTwilio == 1)
            QCOMPARE(final.value(u"external_message_id"_s).toString(),
                     atTwilio.first().toObject().value(u"sid"_s).toString());
        if (settledStatus == u"failed"_s && answeredStatus == u"unknown"_s)
            QCOMPARE(final.value(u"error"_s).toString(),
                     u"Twilio has no record of this message: it was not sent."_s);
        vox::log::flush();
        QVERIFY(!QString::fromStdString(m_log.str()).contains(s.phone));
        QVERIFY(!QString::fromStdString(m_log.str()).contains(s.twilio.token));
    }

    void aReminderTwilioNeverConfirmedLeavesTheAppointmentUnmarked()
    {
        Setup s = clinicWithCall(u"Reminder Unconfirmed"_s);
        auto contact = f.sql("SELECT contact_id FROM call_logs WHERE id = $1::uuid", {s.callId});
        QVERIFY(contact && !contact->isEmpty());
        auto appointment = f.sql(
            "INSERT INTO appointments (org_id, contact_id, service_id, service_name, starts_at, "
            "ends_at, status) SELECT $1::uuid, $2::uuid, id, name, '2026-05-04T18:00:00Z', "
            "'2026-05-04T19:00:00Z', 'confirmed' FROM services WHERE org_id = $1::uuid AND name "
            "= 'Botox' RETURNING id",
            {s.clinic.orgId, contact->text(0, 0)});
        QVERIFY(appointment && !appointment->isEmpty());
        f.fail(u"twilio"_s, 503, 10, messagesPath(s), {}, u"POST"_s);
        const HttpReply reply = s.clinic.client->post(
            u"/api/appointments/%1/send-reminder"_s.arg(appointment->text(0, 0)),
            {{u"method"_s, u"sms"_s}});
        QCOMPARE(reply.status, 202);
        QCOMPARE(reply.json().value(u"status"_s).toString(), u"unknown"_s);
        QCOMPARE(posts(s), 1);
        auto marked = f.sql("SELECT confirmation_sent FROM appointments WHERE id = $1::uuid",
                            {appointment->text(0, 0)});
        QVERIFY(marked && !marked->isEmpty());
        QCOMPARE(marked->text(0, 0), u"f"_s);
    }

    // Background sends: a job may run more than once; its message may not.
    void aJobsSmsIsHandedToTwilioOnce_data()
    {
        QTest::addColumn<int>("twilioStatus");
        QTest::addColumn<int>("failures");
        QTest::addColumn<bool>("actedFirst"); // Twilio took the message, then answered the failure
        QTest::addColumn<int>("expectedPosts");
        QTest::addColumn<QString>("settledStatus");
        QTest::addColumn<int>("messagesAtTwilio");

        // 429 is Twilio refusing unread: certainly not sent, so the job sends when it can.
        QTest::newRow("throttled once, then accepted") << 429 << 1 << false << 2 << u"sent"_s << 1;
        // A 503 may have been acted on: nothing is sent until Twilio's list settles it. Twilio
        // holding it, it counts as sent; Twilio confirming it has no record, the job sends it
        // again (once per attempt of the job, then it is failed).
        QTest::newRow("unavailable, though Twilio took it: not sent again")
            << 503 << 1 << true << 1 << u"sent"_s << 1;
        QTest::newRow("unavailable once, Twilio has no record: sent again")
            << 503 << 1 << false << 2 << u"sent"_s << 1;
        QTest::newRow("unavailable throughout: sent once per attempt of the job")
            << 503 << 10 << false << 5 << u"failed"_s << 0;
        QTest::newRow("accepted") << 0 << 0 << false << 1 << u"sent"_s << 1;
    }

    void aJobsSmsIsHandedToTwilioOnce()
    {
        QFETCH(int, twilioStatus);
        QFETCH(int, failures);
        QFETCH(bool, actedFirst);
        QFETCH(int, expectedPosts);
        QFETCH(QString, settledStatus);
        QFETCH(int, messagesAtTwilio);

        Setup s = clinicWithCall(u"Job Once %1"_s.arg(QString::fromUtf8(QTest::currentDataTag())));
        if (twilioStatus != 0) {
            vox::sandbox::Failure failure;
            failure.provider = u"twilio"_s;
            failure.method = u"POST"_s;
            failure.pathPrefix = messagesPath(s);
            failure.status = twilioStatus;
            failure.remaining = failures;
            failure.actFirst = actedFirst;
            f.sandbox->state().addFailure(failure);
        }
        const qint64 job = queueSmsJob(s, u"Your appointment is confirmed."_s);
        QVERIFY(job > 0);
        QCOMPARE(waitForJob(job), u"done"_s);
        const QJsonObject sent = lastRow(s.clinic.orgId);
        QCOMPARE(settled(sent.value(u"id"_s).toString()).value(u"status"_s).toString(),
                 settledStatus);
        QCOMPARE(posts(s), expectedPosts);
        QCOMPARE(f.sandbox->twilio().messages(s.twilio.sid).size(), messagesAtTwilio);

        // The same job run again (a crash before it was marked done, a second instance) finds
        // its message and sends nothing.
        QVERIFY(f.sql("UPDATE jobs SET status = 'queued', attempts = 0, run_at = now() WHERE id "
                      "= $1",
                      {job}));
        QCOMPARE(waitForJob(job), u"done"_s);
        QCOMPARE(posts(s), expectedPosts);
        auto rows =
            f.sql("SELECT count(*) FROM messages WHERE org_id = $1::uuid", {s.clinic.orgId});
        QVERIFY(rows);
        QCOMPARE(rows->toInt(0, 0), 1);
    }
};

QTEST_GUILESS_MAIN(TestSendOnce)
#include "tst_sendonce.moc"
