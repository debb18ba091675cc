// The integrations' background work (docs/api.md, "Background work between modules"): sms.send
// through the clinic's Twilio with its audit row, and retries only where they can help;
// calendar.sync_appointment mirroring bookings in Google Calendar (no-op without Google, refreshed
// access tokens, a revoked link marked broken); the Google busy times availability subtracts.
#include "integrationfixture.h"

#include "server/services/googlecalendar.h"

using namespace Qt::Literals::StringLiterals;
using vox::test::Clinic;
using vox::test::HttpReply;
using vox::test::IntegrationFixture;

class TestIntegrationJobs : public QObject
{
    Q_OBJECT

    IntegrationFixture f;
    Clinic m_twilioClinic;
    IntegrationFixture::TwilioAccount m_twilio;
    Clinic m_googleClinic;

    qint64 enqueue(const QString &kind, const QString &orgId, const QJsonObject &payload,
                   int maxAttempts = 5)
    {
        auto row = f.sql("INSERT INTO jobs (kind, org_id, payload, max_attempts) VALUES ($1, "
                         "$2::uuid, $3::jsonb, $4) RETURNING id",
                         {kind, orgId, QJsonValue(payload), maxAttempts});
        return row ? row->toInt(0, 0) : 0;
    }
    // The job's final state, once the runner has settled it.
    QJsonObject settled(qint64 jobId)
    {
        QJsonObject job;
        // A job that never settles comes back empty and fails the caller's comparisons.
        (void)QTest::qWaitFor(
            [&] {
                auto row = f.sql("SELECT row_to_json(j) FROM jobs j WHERE id = $1 AND status IN "
                                 "('done', 'failed')",
                                 {jobId});
                if (row && !row->isEmpty())
                    job = row->toJson(0, 0).toObject();
                return !job.isEmpty();
            },
            30000);
        return job;
    }
    QJsonArray messagesOf(const QString &orgId)
    {
        auto row = f.sql("SELECT coalesce(json_agg(m ORDER BY created_at), '[]') FROM messages m "
                         "WHERE org_id = $1::uuid",
                         {orgId});
        return row ? row->toJson(0, 0).toArray() : QJsonArray{};
    }
    QString appointment(const QString &orgId, const QString &start)
    {
        const QString contact = f.insertContact(
            orgId, u"+1555404%1"_s.arg(++f.counter, 4, 10, QLatin1Char('0')), u"Maria Lopez"_s);
        auto row = f.sql(
            "INSERT INTO appointments (org_id, contact_id, service_id, service_name, starts_at, "
            "ends_at, status, source) SELECT $1::uuid, $2::uuid, id, name, $3::timestamptz, "
            "$3::timestamptz + interval '1 hour', 'confirmed', 'ai' FROM services WHERE org_id = "
            "$1::uuid AND name = 'Botox' RETURNING id",
            {orgId, contact, start});
        return row && !row->isEmpty() ? row->text(0, 0) : QString();
    }
    QJsonObject calendarEvent(const QString &appointmentId)
    {
        for (const QJsonValue &e :
             f.sandbox->google().events(vox::sandbox::GoogleSandbox::demoEmail)) {
            if (e.toObject()
                    .value(u"extendedProperties"_s)
                    .toObject()
                    .value(u"private"_s)
                    .toObject()
                    .value(u"voxanneAppointmentId"_s)
                    .toString() == appointmentId)
                return e.toObject();
        }
        return {};
    }
    QString eventIdOf(const QString &appointmentId)
    {
        auto row = f.sql("SELECT calendar_event_id FROM appointments WHERE id = $1::uuid",
                         {appointmentId});
        return row && !row->isEmpty() ? row->text(0, 0) : QString();
    }
    vox::server::AppContext context()
    {
        vox::server::Server &s = f.server->server();
        return vox::server::AppContext{s.config(), s.database(), s.keys(), s.jobs(),
                                       vox::server::providers::RetryPolicy{{5, 5}}};
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(f.start(u"integrationjobs"_s), qPrintable(f.error));
        m_twilioClinic = f.signUp(u"Jobs Twilio"_s);
        m_twilio = f.newTwilioAccount();
        QVERIFY2(f.connectTwilioAndWait(m_twilioClinic, m_twilio).isEmpty(),
                 "Twilio did not connect");
        m_googleClinic = f.signUp(u"Jobs Google"_s);
        QVERIFY(f.connectGoogle(m_googleClinic));
    }

    void init()
    {
        f.sandbox->state().clearFailures();
        f.sandbox->state().clearRequests();
    }

    // ----- sms.send -----

    void smsSendGoesOutThroughTheClinicsTwilioAndIsAudited()
    {
        const qint64 job = enqueue(u"sms.send"_s, m_twilioClinic.orgId,
                                   {{u"to"_s, u"+15554440001"_s},
                                    {u"body"_s, u"Hot lead: Maria wants Botox today."_s},
                                    {u"purpose"_s, u"hot_lead_alert"_s}});
        const QJsonObject done = settled(job);
        QCOMPARE(done.value(u"status"_s).toString(), u"done"_s);
        QCOMPARE(done.value(u"attempts"_s).toInt(), 1);
        const QJsonObject sms = f.sandbox->twilio().messages(m_twilio.sid).last().toObject();
        QCOMPARE(sms.value(u"to"_s).toString(), u"+15554440001"_s);
        QCOMPARE(sms.value(u"from"_s).toString(), m_twilio.number);
        const QJsonObject row = messagesOf(m_twilioClinic.orgId).last().toObject();
        QCOMPARE(row.value(u"status"_s).toString(), u"sent"_s);
        QCOMPARE(row.value(u"purpose"_s).toString(), u"hot_lead_alert"_s);
        QCOMPARE(row.value(u"external_message_id"_s).toString(), sms.value(u"sid"_s).toString());
        QCOMPARE(row.value(u"content"_s).toString(), sms.value(u"body"_s).toString());
    }

    void withoutTwilioTheMessageIsRecordedAsFailedAndNotRetried()
    {
        Clinic bare = f.signUp(u"Jobs No Twilio"_s);
        const qint64 job = enqueue(u"sms.send"_s, bare.orgId,
                                   {{u"to"_s, u"+15554440002"_s}, {u"body"_s, u"Alert"_s}});
        const QJsonObject done = settled(job);
        QCOMPARE(done.value(u"status"_s).toString(), u"done"_s);
        QCOMPARE(done.value(u"attempts"_s).toInt(), 1);
        const QJsonArray rows = messagesOf(bare.orgId);
        QCOMPARE(rows.size(), 1);
        QCOMPARE(rows.first().toObject().value(u"status"_s).toString(), u"failed"_s);
        QCOMPARE(rows.first().toObject().value(u"error"_s).toString(), u"Twilio not configured"_s);
        QVERIFY(f.recorded(u"twilio"_s).isEmpty());
    }

    void aTwilioThrottleIsRetriedAndAuditedOnce()
    {
        const int before = int(messagesOf(m_twilioClinic.orgId).size());
        const int sentBefore = int(f.sandbox->twilio().messages(m_twilio.sid).size());
        // Three 429s: all of the first attempt's tries (Twilio refused them unread, so the client
        // may try again); the job's second attempt sends. A 503 is never retried (tst_sendonce).
        f.fail(u"twilio"_s, 429, 3,
               u"/twilio/2010-04-01/Accounts/%1/Messages.json"_s.arg(m_twilio.sid));
        const qint64 job = enqueue(u"sms.send"_s, m_twilioClinic.orgId,
                                   {{u"to"_s, u"+15554440003"_s}, {u"body"_s, u"Retry me"_s}});
        const QJsonObject done = settled(job);
        QCOMPARE(done.value(u"status"_s).toString(), u"done"_s);
        QCOMPARE(done.value(u"attempts"_s).toInt(), 2);
        const QJsonArray rows = messagesOf(m_twilioClinic.orgId);
        QCOMPARE(int(rows.size()), before + 1);
        QCOMPARE(rows.last().toObject().value(u"status"_s).toString(), u"sent"_s);
        QCOMPARE(int(f.sandbox->twilio().messages(m_twilio.sid).size()), sentBefore + 1);
    }

    void aRefusedMessageIsAuditedAsFailedWithoutRetry()
    {
        f.fail(u"twilio"_s, 400, 1,
               u"/twilio/2010-04-01/Accounts/%1/Messages.json"_s.arg(m_twilio.sid),
               {{u"code"_s, 21211},
                {u"message"_s, u"The 'To' number is not a valid phone number."_s},
                {u"status"_s, 400}});
        const qint64 job = enqueue(u"sms.send"_s, m_twilioClinic.orgId,
                                   {{u"to"_s, u"+15554440004"_s}, {u"body"_s, u"Nope"_s}});
        const QJsonObject done = settled(job);
        QCOMPARE(done.value(u"status"_s).toString(), u"done"_s);
        QCOMPARE(done.value(u"attempts"_s).toInt(), 1);
        const QJsonObject row = messagesOf(m_twilioClinic.orgId).last().toObject();
        QCOMPARE(row.value(u"status"_s).toString(), u"failed"_s);
        QVERIFY(row.value(u"error"_s).toString().contains(u"21211"_s));
    }

    // ----- calendar.sync_appointment -----

    void withoutGoogleTheSyncIsANoOp()
    {
        const QString id = appointment(m_twilioClinic.orgId, u"2026-06-01T14:00:00Z"_s);
        const qint64 job = enqueue(u"calendar.sync_appointment"_s, m_twilioClinic.orgId,
                                   {{u"appointment_id"_s, id}});
        QCOMPARE(settled(job).value(u"status"_s).toString(), u"done"_s);
        QVERIFY(f.recorded(u"google"_s).isEmpty());
        QVERIFY(eventIdOf(id).isEmpty());
    }

    void bookingsRescheduleAndCancellationReachTheCalendar()
    {
        const QString id = appointment(m_googleClinic.orgId, u"2026-06-02T14:00:00Z"_s);
        QCOMPARE(settled(enqueue(u"calendar.sync_appointment"_s, m_googleClinic.orgId,
                                 {{u"appointment_id"_s, id}}))
                     .value(u"status"_s)
                     .toString(),
                 u"done"_s);
        const QString eventId = eventIdOf(id);
        QVERIFY(!eventId.isEmpty());
        QJsonObject event = calendarEvent(id);
        QCOMPARE(event.value(u"id"_s).toString(), eventId);
        QCOMPARE(event.value(u"summary"_s).toString(), u"Botox — Maria Lopez"_s);
        QCOMPARE(event.value(u"start"_s).toObject().value(u"dateTime"_s).toString(),
                 u"2026-06-02T14:00:00Z"_s);
        QCOMPARE(event.value(u"start"_s).toObject().value(u"timeZone"_s).toString(),
                 u"America/New_York"_s);
        QVERIFY(event.value(u"description"_s).toString().contains(u"AI receptionist"_s));
        // The request carried the clinic's access token.
        const auto insert = f.recorded(u"google"_s, u"/calendar/v3/calendars/primary/events"_s);
        QCOMPARE(insert.size(), 1);
        QVERIFY(insert.first().headers.value("authorization").startsWith("Bearer ya29."));

        QVERIFY(f.sql("UPDATE appointments SET starts_at = '2026-06-02T16:00:00Z', ends_at = "
                      "'2026-06-02T17:00:00Z' WHERE id = $1::uuid",
                      {id}));
        QCOMPARE(settled(enqueue(u"calendar.sync_appointment"_s, m_googleClinic.orgId,
                                 {{u"appointment_id"_s, id}}))
                     .value(u"status"_s)
                     .toString(),
                 u"done"_s);
        event = calendarEvent(id);
        QCOMPARE(eventIdOf(id), eventId);
        QCOMPARE(event.value(u"start"_s).toObject().value(u"dateTime"_s).toString(),
                 u"2026-06-02T16:00:00Z"_s);

        QVERIFY(f.sql("UPDATE appointments SET status = 'cancelled' WHERE id = $1::uuid", {id}));
        QCOMPARE(settled(enqueue(u"calendar.sync_appointment"_s, m_googleClinic.orgId,
                                 {{u"appointment_id"_s, id}}))
                     .value(u"status"_s)
                     .toString(),
                 u"done"_s);
        QCOMPARE(calendarEvent(id).value(u"status"_s).toString(), u"cancelled"_s);
        QVERIFY(eventIdOf(id).isEmpty());
    }

    void anEventDeletedInGoogleIsCreatedAgain()
    {
        const QString id = appointment(m_googleClinic.orgId, u"2026-06-03T14:00:00Z"_s);
        settled(enqueue(u"calendar.sync_appointment"_s, m_googleClinic.orgId,
                        {{u"appointment_id"_s, id}}));
        const QString first = eventIdOf(id);
        QVERIFY(f.sql("UPDATE appointments SET calendar_event_id = 'deleted-in-google' WHERE id = "
                      "$1::uuid",
                      {id}));
        settled(enqueue(u"calendar.sync_appointment"_s, m_googleClinic.orgId,
                        {{u"appointment_id"_s, id}}));
        QVERIFY(!eventIdOf(id).isEmpty());
        QVERIFY(eventIdOf(id) != u"deleted-in-google"_s);
        QVERIFY(eventIdOf(id) != first);
    }

    void anExpiredAccessTokenIsRefreshedFromTheStoredRefreshToken()
    {
        f.sandbox->google().expireAccessTokens();
        const QString id = appointment(m_googleClinic.orgId, u"2026-06-04T14:00:00Z"_s);
        settled(enqueue(u"calendar.sync_appointment"_s, m_googleClinic.orgId,
                        {{u"appointment_id"_s, id}}));
        QVERIFY(!eventIdOf(id).isEmpty());
        const auto refresh = f.recorded(u"google"_s, u"/google/oauth2/token"_s);
        QCOMPARE(refresh.size(), 1);
        QCOMPARE(IntegrationFixture::formValue(refresh.first().body, u"grant_type"_s),
                 u"refresh_token"_s);
        // The new access token is kept (encrypted) and reused: no second refresh.
        f.sandbox->state().clearRequests();
        settled(enqueue(u"calendar.sync_appointment"_s, m_googleClinic.orgId,
                        {{u"appointment_id"_s, id}}));
        QVERIFY(f.recorded(u"google"_s, u"/google/oauth2/token"_s).isEmpty());
    }

    void busyTimesComeFromTheClinicsCalendar()
    {
        vox::server::AppContext app = context();
        vox::server::GoogleCalendar calendar(app);
        f.sandbox->google().addBusy(vox::sandbox::GoogleSandbox::demoEmail,
                                    QDateTime(QDate(2026, 6, 5), QTime(13, 0), Qt::UTC),
                                    QDateTime(QDate(2026, 6, 5), QTime(13, 30), Qt::UTC));
        const QString booked = appointment(m_googleClinic.orgId, u"2026-06-05T15:00:00Z"_s);
        settled(enqueue(u"calendar.sync_appointment"_s, m_googleClinic.orgId,
                        {{u"appointment_id"_s, booked}}));
        auto busy =
            calendar.busy(m_googleClinic.orgId, QDateTime(QDate(2026, 6, 5), QTime(0, 0), Qt::UTC),
                          QDateTime(QDate(2026, 6, 6), QTime(0, 0), Qt::UTC));
        QVERIFY2(busy.ok(), qPrintable(busy.ok() ? QString() : busy.errorMessage()));
        QCOMPARE(busy->size(), 2);
        QCOMPARE(busy->at(0).start, QDateTime(QDate(2026, 6, 5), QTime(13, 0), Qt::UTC));
        QCOMPARE(busy->at(0).end, QDateTime(QDate(2026, 6, 5), QTime(13, 30), Qt::UTC));
        QCOMPARE(busy->at(1).start, QDateTime(QDate(2026, 6, 5), QTime(15, 0), Qt::UTC));
        const auto query = f.recorded(u"google"_s, u"/calendar/v3/freeBusy"_s);
        QCOMPARE(query.size(), 1);
        const QJsonObject body = QJsonDocument::fromJson(query.first().body).object();
        QCOMPARE(body.value(u"items"_s).toArray().first().toObject().value(u"id"_s).toString(),
                 u"primary"_s);
        QCOMPARE(body.value(u"timeMin"_s).toString(), u"2026-06-05T00:00:00Z"_s);

        // A clinic without Google has no busy times, and Google is not asked.
        f.sandbox->state().clearRequests();
        auto none =
            calendar.busy(m_twilioClinic.orgId, QDateTime(QDate(2026, 6, 5), QTime(0, 0), Qt::UTC),
                          QDateTime(QDate(2026, 6, 6), QTime(0, 0), Qt::UTC));
        QVERIFY(none.ok());
        QVERIFY(none->isEmpty());
        QVERIFY(f.recorded(u"google"_s).isEmpty());
        // A Google outage is an error the caller sees (availability decides what to do).
        f.fail(u"google"_s, 503, 1, u"/google/api/calendar/v3/freeBusy"_s);
        QVERIFY(!calendar
                     .busy(m_googleClinic.orgId, QDateTime(QDate(2026, 6, 5), QTime(0, 0), Qt::UTC),
                           QDateTime(QDate(2026, 6, 6), QTime(0, 0), Qt::UTC))
                     .ok());
    }

    // Last: it breaks the link every other Google test uses.
    void zz_aRevokedLinkMarksTheIntegrationBrokenAndTellsTheConsole()
    {
        f.sandbox->google().revoke(vox::sandbox::GoogleSandbox::demoEmail);
        f.sandbox->google().expireAccessTokens();
        const QString id = appointment(m_googleClinic.orgId, u"2026-06-08T14:00:00Z"_s);
        const QJsonObject done = settled(enqueue(
            u"calendar.sync_appointment"_s, m_googleClinic.orgId, {{u"appointment_id"_s, id}}));
        // Retrying cannot help until the clinic reconnects: the job settles at once.
        QCOMPARE(done.value(u"status"_s).toString(), u"done"_s);
        QCOMPARE(done.value(u"attempts"_s).toInt(), 1);
        const QJsonObject google =
            m_googleClinic.client->get(u"/api/integrations"_s).json().value(u"google"_s).toObject();
        QCOMPARE(google.value(u"status"_s).toString(), u"broken"_s);
        QVERIFY(google.value(u"status_detail"_s).toString().contains(u"connect Google Calendar"_s));
        auto event = f.sql("SELECT payload FROM events WHERE org_id = $1::uuid AND type = "
                           "'integration.updated' ORDER BY id DESC LIMIT 1",
                           {m_googleClinic.orgId});
        QCOMPARE(event->toJson(0, 0).toObject().value(u"status"_s).toString(), u"broken"_s);
        // Busy times fall back to none rather than failing every availability question.
        vox::server::AppContext app = context();
        auto busy = vox::server::GoogleCalendar(app).busy(
            m_googleClinic.orgId, QDateTime::currentDateTimeUtc(),
            QDateTime::currentDateTimeUtc().addDays(1));
        QVERIFY(busy.ok());
        QVERIFY(busy->isEmpty());
        // Reconnecting mends it.
        QVERIFY(f.connectGoogle(m_googleClinic));
        QCOMPARE(m_googleClinic.client->get(u"/api/integrations"_s)
                     .json()
                     .value(u"google"_s)
                     .toObject()
                     .value(u"status"_s)
                     .toString(),
                 u"active"_s);
    }
};

QTEST_GUILESS_MAIN(TestIntegrationJobs)
#include "tst_integrationjobs.moc"
