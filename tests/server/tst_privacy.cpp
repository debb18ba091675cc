// Retention, legal hold and patients' data requests against a real PostgreSQL and the provider
// sandbox. Runs happen "as of" a fixed moment the test passes in, never today's date.
#include "integrationfixture.h"

#include "core/logging/log.h"
#include "server/appcontext.h"
#include "server/providers/providerhttp.h"
#include "server/server.h"
#include "server/services/retentionpurge.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace vox::test;
namespace retentionpurge = vox::server::retentionpurge;

namespace {

const QDateTime asOf = QDateTime::fromString(u"2026-03-10T04:00:00Z"_s, Qt::ISODate);

using Instance = IntegrationFixture::Instance;

} // namespace

class TestPrivacy : public QObject
{
    Q_OBJECT

    IntegrationFixture f;
    Clinic m_a;
    Clinic m_b;

    std::unique_ptr<Instance> instance(const QString &name)
    {
        return f.instance(name, retentionpurge::registerJobs);
    }

    // A call of `orgId` at `at`, with everything a call can hold.
    QString call(const QString &orgId, const QString &at, const QString &contactId,
                 const QString &vapiId, const QString &phone = u"+15550100999"_s)
    {
        return f.one(
            "INSERT INTO call_logs (org_id, vapi_call_id, contact_id, phone_number, "
            "caller_name, status, occurred_at, duration_seconds, ended_reason, transcript, "
            "summary, recording_url, financial_value_cents, booking_confirmed) VALUES "
            "($1::uuid, $2, $3::uuid, $4, 'Caller', 'ended', $5::timestamptz, 185, "
            "'customer-ended-call', 'Patient: I need my knee looked at.', 'Knee pain.', "
            "'https://storage.vapi.example/rec-' || $2 || '.wav', 45000, true) RETURNING id",
            {orgId, vapiId, contactId.isEmpty() ? QString() : contactId, phone, at});
    }
    QString message(const QString &orgId, const QString &at, const QString &contactId)
    {
        return f.one(
            "INSERT INTO messages (org_id, contact_id, method, recipient, content, status, "
            "created_at) VALUES ($1::uuid, $2::uuid, 'sms', '+15550100999', "
            "'Your appointment is at 3 pm.', 'sent', $3::timestamptz) RETURNING id",
            {orgId, contactId.isEmpty() ? QString() : contactId, at});
    }
    int vapiDeletes(const QString &vapiId)
    {
        int n = 0;
        for (const auto &r : f.recorded(u"vapi"_s, u"/call/"_s + vapiId))
            n += r.method == u"DELETE" ? 1 : 0;
        return n;
    }

private slots:
    void initTestCase()
    {
        vox::log::setupStderr(vox::log::Level::Error);
        QVERIFY2(f.start(u"privacy"_s), qPrintable(f.error));
        m_a = f.signUp(u"Privacy A"_s);
        m_b = f.signUp(u"Privacy B"_s);
    }

    void aNewClinicStartsWithTheDefaultsAndTheDisclosureOfItsZone()
    {
        const HttpReply got = m_a.client->get(u"/api/org/privacy"_s);
        QCOMPARE(got.status, 200);
        const QJsonObject p = got.json();
        QCOMPARE(p.value(u"keep_recordings_days"_s).toInt(), 365);
        QCOMPARE(p.value(u"keep_transcripts_days"_s).toInt(), 2190);
        QCOMPARE(p.value(u"keep_message_content_days"_s).toInt(), 2190);
        // New York's zone covers all-party-consent states.
        QCOMPARE(p.value(u"recording_disclosure"_s).toBool(), true);
        QVERIFY(p.value(u"recording_disclosure_chosen"_s).isNull());
    }

    void windowsAreValidatedAndForeverIsNull()
    {
        QCOMPARE(m_a.client->patch(u"/api/org/privacy"_s, {{u"keep_recordings_days"_s, 0}}).status,
                 400);
        QCOMPARE(m_a.client->patch(u"/api/org/privacy"_s, {{u"keep_transcripts_days"_s, u"soon"_s}})
                     .status,
                 400);
        const HttpReply keptForever = m_a.client->patch(
            u"/api/org/privacy"_s, {{u"keep_message_content_days"_s, QJsonValue::Null}});
        QCOMPARE(keptForever.status, 200);
        QVERIFY(keptForever.json().value(u"keep_message_content_days"_s).isNull());
        // Staff cannot change them.
        auto staff = f.staffOf(m_a);
        QCOMPARE(staff->patch(u"/api/org/privacy"_s, {{u"keep_recordings_days"_s, 10}}).status,
                 403);
        QCOMPARE(f.one("SELECT count(*) FROM audit_log WHERE org_id = $1::uuid AND action = "
                       "'privacy.settings_changed'",
                       {m_a.orgId}),
                 u"1"_s);
    }

    void retentionRemovesContentPastItsWindowKeepsFactsAndSkipsLegalHold()
    {
        const HttpReply set =
            m_a.client->patch(u"/api/org/privacy"_s, {{u"keep_recordings_days"_s, 30},
                                                      {u"keep_transcripts_days"_s, 90},
                                                      {u"keep_message_content_days"_s, 7}});
        QCOMPARE(set.status, 200);
        const QString held = f.insertContact(m_a.orgId, u"+15550100777"_s, u"Held Person"_s);
        QCOMPARE(
            m_a.client->put(u"/api/contacts/%1/legal-hold"_s.arg(held), {{u"legal_hold"_s, true}})
                .status,
            200);
        // 100 days old: recording and transcript due. 60 days: recording only. 10: nothing.
        const QString old = call(m_a.orgId, u"2025-11-30T10:00:00Z"_s, {}, u"vapi-old"_s);
        const QString middle = call(m_a.orgId, u"2026-01-09T10:00:00Z"_s, {}, u"vapi-mid"_s);
        const QString young = call(m_a.orgId, u"2026-02-28T10:00:00Z"_s, {}, u"vapi-young"_s);
        const QString onHold = call(m_a.orgId, u"2025-01-01T10:00:00Z"_s, held, u"vapi-held"_s);
        const QString oldText = message(m_a.orgId, u"2026-02-01T10:00:00Z"_s, {});
        const QString newText = message(m_a.orgId, u"2026-03-08T10:00:00Z"_s, {});
        const QString heldText = message(m_a.orgId, u"2025-01-01T10:00:00Z"_s, held);
        // Clinic B keeps everything forever: its old content stays.
        QCOMPARE(
            m_b.client
                ->patch(u"/api/org/privacy"_s, {{u"keep_recordings_days"_s, QJsonValue::Null},
                                                {u"keep_transcripts_days"_s, QJsonValue::Null},
                                                {u"keep_message_content_days"_s, QJsonValue::Null}})
                .status,
            200);
        const QString bOld = call(m_b.orgId, u"2020-01-01T10:00:00Z"_s, {}, u"vapi-b-old"_s);
        const QString bText = message(m_b.orgId, u"2020-01-01T10:00:00Z"_s, {});

        // Lines kept as they were said go with the transcript; live events of any call go a day
        // after they were sent (asOf is in the past: both events here are older than that).
        for (const QString &id : {old, middle, onHold})
            f.one("INSERT INTO call_live_lines (org_id, call_id, role, text, spoken_at) VALUES "
                  "($1::uuid, $2::uuid, 'user', 'My knee hurts.', now())",
                  {m_a.orgId, id});
        f.one(
            "INSERT INTO events (org_id, type, entity_type, entity_id, payload, created_at) VALUES "
            "($1::uuid, 'live.transcript', 'call', $2::uuid, '{\"text\": \"My kn\"}', "
            "$3::timestamptz - interval '25 hours'), ($1::uuid, 'call.updated', 'call', $2::uuid, "
            "'{}', $3::timestamptz - interval '25 hours'), ($1::uuid, 'live.transcript', 'call', "
            "$2::uuid, '{\"text\": \"My knee\"}', $3::timestamptz - interval '1 hour')",
            {m_a.orgId, young, asOf});

        auto purge = instance(u"purge-test"_s);
        auto purged = retentionpurge::purgeAll(*purge->app, asOf);
        QVERIFY2(purged, purged ? "" : qPrintable(purged.errorMessage()));

        const auto state = [&](const QString &id) {
            return f.one("SELECT concat_ws('|', recording_url IS NULL, transcript IS NULL, "
                         "summary IS NULL, duration_seconds, financial_value_cents, ended_reason, "
                         "booking_confirmed) FROM call_logs WHERE id = $1::uuid",
                         {id});
        };
        QCOMPARE(state(old), u"t|t|t|185|45000|customer-ended-call|t"_s);
        QCOMPARE(state(middle), u"t|f|f|185|45000|customer-ended-call|t"_s);
        QCOMPARE(state(young), u"f|f|f|185|45000|customer-ended-call|t"_s);
        QCOMPARE(state(onHold), u"f|f|f|185|45000|customer-ended-call|t"_s);
        QCOMPARE(state(bOld), u"f|f|f|185|45000|customer-ended-call|t"_s);
        QCOMPARE(f.one("SELECT string_agg(call_id::text, ',' ORDER BY call_id) FROM "
                       "call_live_lines WHERE org_id = $1::uuid",
                       {m_a.orgId}),
                 std::min(middle, onHold) + u',' + std::max(middle, onHold));
        QCOMPARE(f.one("SELECT string_agg(type || ' ' || (payload ->> 'text'), ',' ORDER BY type) "
                       "FROM events WHERE org_id = $1::uuid AND entity_id = $2::uuid",
                       {m_a.orgId, young}),
                 u"live.transcript My knee"_s);
        const auto body = [&](const QString &id) {
            return f.one("SELECT content FROM messages WHERE id = $1::uuid", {id});
        };
        QCOMPARE(body(oldText), QString());
        QCOMPARE(body(newText), u"Your appointment is at 3 pm."_s);
        QCOMPARE(body(heldText), u"Your appointment is at 3 pm."_s);
        QCOMPARE(body(bText), u"Your appointment is at 3 pm."_s);
        // Vapi was asked to delete exactly the recordings removed here.
        QCOMPARE(vapiDeletes(u"vapi-old"_s), 1);
        QCOMPARE(vapiDeletes(u"vapi-mid"_s), 1);
        QCOMPARE(vapiDeletes(u"vapi-young"_s), 0);
        QCOMPARE(vapiDeletes(u"vapi-held"_s), 0);
        QCOMPARE(vapiDeletes(u"vapi-b-old"_s), 0);
        // Audited once for A, with its counts; nothing for B.
        const QJsonObject details =
            QJsonDocument::fromJson(f.one("SELECT details FROM audit_log WHERE org_id = $1::uuid "
                                          "AND action = 'retention.purge'",
                                          {m_a.orgId})
                                        .toUtf8())
                .object();
        QCOMPARE(details.value(u"recordings"_s).toInt(), 2);
        QCOMPARE(details.value(u"transcripts"_s).toInt(), 1);
        QCOMPARE(details.value(u"message_bodies"_s).toInt(), 1);
        QCOMPARE(details.value(u"provider_deleted"_s).toInt(), 2);
        QCOMPARE(f.one("SELECT count(*) FROM audit_log WHERE org_id = $1::uuid AND action = "
                       "'retention.purge'",
                       {m_b.orgId}),
                 u"0"_s);

        // A second run finds nothing more to remove and asks Vapi nothing again.
        auto again = retentionpurge::purgeAll(*purge->app, asOf);
        QVERIFY(again);
        QCOMPARE(*again, 0);
        QCOMPARE(vapiDeletes(u"vapi-old"_s), 1);
    }

    void aFailedVapiDeletionKeepsTheRecordingForTheNextRun()
    {
        const QString c = call(m_a.orgId, u"2025-06-01T10:00:00Z"_s, {}, u"vapi-fails"_s);
        f.fail(u"vapi"_s, 500, 10, u"/vapi/call/vapi-fails"_s);
        auto purge = instance(u"purge-fail"_s);
        auto purged = retentionpurge::purgeClinic(*purge->app, m_a.orgId, asOf);
        QVERIFY(purged);
        QCOMPARE(purged->providerFailed, 1);
        QVERIFY(!f.one("SELECT recording_url FROM call_logs WHERE id = $1::uuid", {c}).isEmpty());
        f.sandbox->state().clearFailures();
        auto later = retentionpurge::purgeClinic(*purge->app, m_a.orgId, asOf);
        QVERIFY(later);
        QCOMPARE(later->recordings, 1);
        QVERIFY(f.one("SELECT recording_url FROM call_logs WHERE id = $1::uuid", {c}).isEmpty());
    }

    // Two instances' job runners claim the day's run at once: it runs once, Vapi is asked once,
    // and the clinic's audit shows one run.
    void twoInstancesRacingRunTheDailyPurgeOnce()
    {
        const QString c = call(m_a.orgId, u"2025-07-01T10:00:00Z"_s, {}, u"vapi-race"_s);
        const qint64 auditsBefore = f.one("SELECT count(*) FROM audit_log WHERE org_id = $1::uuid "
                                          "AND action = 'retention.purge'",
                                          {m_a.orgId})
                                        .toLongLong();
        // The keys folding repeated viewings into one access-log row are kept a day.
        for (const QString &age : {u"2 days"_s, u"1 hour"_s})
            QVERIFY(f.sql("INSERT INTO phi_access_viewings (org_id, user_id, repeat_key, "
                          "viewed_at) VALUES ($1::uuid, gen_random_uuid(), $2, "
                          "$3::timestamptz - $4::interval)",
                          {m_a.orgId, age, asOf, age})
                        .ok());
        // Queued once everything it should purge is there: the test server's own runner may take
        // it at once.
        QVERIFY(!f.one("INSERT INTO jobs (kind, payload, unique_key, max_attempts) VALUES ($1, "
                       "$2::jsonb, $3, 3) RETURNING id",
                       {QString::fromLatin1(retentionpurge::jobKind),
                        QJsonValue(QJsonObject{{u"as_of"_s, asOf.toString(Qt::ISODate)}}),
                        u"privacy.retention@race"_s})
                     .isEmpty());
        auto first = instance(u"instance-1"_s);
        auto second = instance(u"instance-2"_s);
        QVERIFY(IntegrationFixture::runRacing(*first, *second));
        // The test server's own runner may have taken it: whoever ran it, it ran once.
        QVERIFY(QTest::qWaitFor(
            [&] {
                return f.one(
                           "SELECT status FROM jobs WHERE unique_key = 'privacy.retention@race'") ==
                       u"done";
            },
            30000));
        QCOMPARE(f.one("SELECT attempts FROM jobs WHERE unique_key = 'privacy.retention@race'"),
                 u"1"_s);
        QCOMPARE(vapiDeletes(u"vapi-race"_s), 1);
        QCOMPARE(f.one("SELECT string_agg(repeat_key, ',') FROM phi_access_viewings"), u"1 hour"_s);
        QVERIFY(f.one("SELECT recording_url FROM call_logs WHERE id = $1::uuid", {c}).isEmpty());
        QCOMPARE(f.one("SELECT count(*) FROM audit_log WHERE org_id = $1::uuid AND action = "
                       "'retention.purge'",
                       {m_a.orgId})
                     .toLongLong(),
                 auditsBefore + 1);
    }

    void legalHoldIsForAdminsAndAudited()
    {
        const QString contact = f.insertContact(m_a.orgId, u"+15550100666"_s, u"Hold Me"_s);
        auto staff = f.staffOf(m_a);
        QCOMPARE(
            staff->put(u"/api/contacts/%1/legal-hold"_s.arg(contact), {{u"legal_hold"_s, true}})
                .status,
            403);
        QCOMPARE(m_a.client->put(u"/api/contacts/%1/legal-hold"_s.arg(contact), {}).status, 400);
        QCOMPARE(m_a.client
                     ->put(u"/api/contacts/%1/legal-hold"_s.arg(contact), {{u"legal_hold"_s, true}})
                     .status,
                 200);
        QCOMPARE(f.one("SELECT legal_hold FROM contacts WHERE id = $1::uuid", {contact}), u"t"_s);
        QCOMPARE(f.one("SELECT count(*) FROM audit_log WHERE entity_id = $1::uuid AND action = "
                       "'contact.legal_hold_set'",
                       {contact}),
                 u"1"_s);
        // Erasing a contact on hold is refused, and nothing changes.
        const HttpReply refused = m_a.client->post(u"/api/contacts/%1/erase"_s.arg(contact));
        QCOMPARE(refused.status, 409);
        QVERIFY(refused.json().value(u"error"_s).toString().contains(u"legal hold"_s));
        QCOMPARE(f.one("SELECT name FROM contacts WHERE id = $1::uuid", {contact}), u"Hold Me"_s);
    }

    void exportHoldsEverythingAboutThePatientAndIsAudited()
    {
        const QString contact =
            f.insertContact(m_a.orgId, u"+15550100555"_s, u"Export Patient"_s, u"ep@example.org"_s);
        call(m_a.orgId, u"2026-03-01T10:00:00Z"_s, contact, u"vapi-export"_s, u"+15550100555"_s);
        message(m_a.orgId, u"2026-03-01T11:00:00Z"_s, contact);
        auto staff = f.staffOf(m_a);
        QCOMPARE(staff->get(u"/api/contacts/%1/data-export"_s.arg(contact)).status, 403);
        const HttpReply got = m_a.client->get(u"/api/contacts/%1/data-export"_s.arg(contact));
        QCOMPARE(got.status, 200);
        const QJsonObject data = got.json().value(u"data"_s).toObject();
        QCOMPARE(data.value(u"contact"_s).toObject().value(u"name"_s).toString(),
                 u"Export Patient"_s);
        QCOMPARE(data.value(u"calls"_s).toArray().size(), 1);
        QCOMPARE(data.value(u"calls"_s).toArray().first().toObject().value(u"transcript"_s),
                 QJsonValue(u"Patient: I need my knee looked at."_s));
        QCOMPARE(data.value(u"messages"_s).toArray().size(), 1);
        const QString report = got.json().value(u"report"_s).toString();
        QVERIFY(report.contains(u"Export Patient"_s));
        QVERIFY(report.contains(u"I need my knee looked at"_s));
        QVERIFY(report.contains(u"Your appointment is at 3 pm."_s));
        QVERIFY(!got.json().value(u"file_name"_s).toString().contains(u"Export"_s));
        QCOMPARE(f.one("SELECT details->>'calls' FROM audit_log WHERE entity_id = $1::uuid AND "
                       "action = 'patient.exported'",
                       {contact}),
                 u"1"_s);
        QCOMPARE(m_a.client->get(u"/api/contacts/not-a-uuid/data-export"_s).status, 404);
    }

    void erasureLeavesNoPatientDetailInAnyTable()
    {
        const QString name = u"Zelda Quintero"_s;
        const QString phone = u"+15550100444"_s;
        const QString email = u"zelda.quintero@example.org"_s;
        const QString contact = f.insertContact(m_a.orgId, phone, name, email);
        const QString c =
            call(m_a.orgId, u"2026-03-01T10:00:00Z"_s, contact, u"vapi-erase-1"_s, phone);
        f.one("UPDATE call_logs SET transcript = 'AI: Hello Zelda Quintero.', caller_name = $2, "
              "from_number = $3 WHERE id = $1::uuid",
              {c, name, phone});
        f.one(
            "INSERT INTO messages (org_id, contact_id, method, recipient, content, status) VALUES "
            "($1::uuid, $2::uuid, 'email', $3, 'Dear Zelda Quintero, see you soon.', 'sent')",
            {m_a.orgId, contact, email});
        const QString appointment =
            f.one("INSERT INTO appointments (org_id, contact_id, service_name, starts_at, ends_at, "
                  "notes) "
                  "VALUES ($1::uuid, $2::uuid, 'Checkup', '2026-04-01T15:00:00Z', "
                  "'2026-04-01T15:30:00Z', 'Zelda Quintero prefers mornings') RETURNING id",
                  {m_a.orgId, contact});
        f.one(
            "INSERT INTO webhook_deliveries (org_id, delivery_key, message_type, provider_call_id, "
            "payload) VALUES ($1::uuid, 'erase-delivery-1', 'end-of-call-report', 'vapi-erase-1', "
            "jsonb_build_object('customer', jsonb_build_object('number', $2::text)))",
            {m_a.orgId, phone});
        f.one(
            "INSERT INTO events (org_id, type, entity_type, entity_id, payload) VALUES ($1::uuid, "
            "'contact.updated', 'contact', $2::uuid, jsonb_build_object('name', $3::text))",
            {m_a.orgId, contact, name});
        f.one("INSERT INTO call_live_lines (org_id, call_id, role, text, spoken_at) VALUES "
              "($1::uuid, $2::uuid, 'user', 'It hurts since the ski trip.', now())",
              {m_a.orgId, c});
        f.one(
            "INSERT INTO events (org_id, type, entity_type, entity_id, payload) VALUES ($1::uuid, "
            "'live.transcript', 'call', $2::uuid, '{\"text\": \"It hurts since the ski\"}')",
            {m_a.orgId, c});
        // B's admin cannot erase A's patient.
        QCOMPARE(m_b.client->post(u"/api/contacts/%1/erase"_s.arg(contact)).status, 404);

        const HttpReply erased = m_a.client->post(u"/api/contacts/%1/erase"_s.arg(contact));
        QCOMPARE(erased.status, 200);
        const QJsonObject removed = erased.json().value(u"removed"_s).toObject();
        QCOMPARE(removed.value(u"calls"_s).toInt(), 1);
        QCOMPARE(removed.value(u"messages"_s).toInt(), 1);
        QCOMPARE(removed.value(u"appointments_kept_anonymous"_s).toInt(), 1);
        QCOMPARE(vapiDeletes(u"vapi-erase-1"_s), 1);

        // Every text, JSON and array column of every table, searched for any of the three.
        auto columns = f.sql("SELECT table_name, column_name FROM information_schema.columns "
                             "WHERE table_schema = 'public' AND data_type IN ('text', 'jsonb', "
                             "'json', 'ARRAY', 'character varying', 'USER-DEFINED', 'tsvector') "
                             "AND table_name IN (SELECT table_name FROM information_schema.tables "
                             "WHERE table_schema = 'public' AND table_type = 'BASE TABLE')");
        QVERIFY(columns);
        QVERIFY(columns->rowCount() > 50);
        QStringList found;
        for (int i = 0; i < columns->rowCount(); ++i) {
            const QString table = columns->text(i, 0);
            const QString column = columns->text(i, 1);
            for (const QString &needle :
                 {name, phone, email, u"Zelda"_s, u"quintero"_s, u"since the ski"_s}) {
                const QString hits = f.one(
                    u"SELECT count(*) FROM \"%1\" WHERE strpos(lower(\"%2\"::text), lower($1)) > 0"_s
                        .arg(table, column)
                        .toUtf8(),
                    {needle});
                if (hits != u"0")
                    found << u"%1.%2 holds %3"_s.arg(table, column, needle);
            }
        }
        QVERIFY2(found.isEmpty(), qPrintable(found.join(u"; "_s)));

        // The facts stay: the call, its length and value; the appointment, without the patient.
        QCOMPARE(
            f.one("SELECT concat_ws('|', duration_seconds, financial_value_cents, contact_id IS "
                  "NULL) FROM call_logs WHERE id = $1::uuid",
                  {c}),
            u"185|45000|t"_s);
        QCOMPARE(f.one("SELECT concat_ws('|', service_name, contact_id IS NULL) FROM appointments "
                       "WHERE id = $1::uuid",
                       {appointment}),
                 u"Checkup|t"_s);
        // The erasure record and the audit entry, without the patient's details.
        QCOMPARE(
            f.one("SELECT count(*) FROM patient_erasures WHERE org_id = $1::uuid", {m_a.orgId}),
            u"1"_s);
        QCOMPARE(f.one("SELECT count(*) FROM audit_log WHERE entity_id = $1::uuid AND action = "
                       "'patient.erased'",
                       {contact}),
                 u"1"_s);
        QCOMPARE(m_a.client->get(u"/api/contacts/%1"_s.arg(contact)).status, 404);
        QCOMPARE(m_a.client->post(u"/api/contacts/%1/erase"_s.arg(contact)).status, 404);
    }

    // The greeting Vapi was last sent for the clinic's assistant.
    QString lastFirstMessageSent()
    {
        QString last;
        for (const auto &r : f.recorded(u"vapi"_s, u"/assistant"_s)) {
            const QJsonObject body = QJsonDocument::fromJson(r.body).object();
            if ((r.method == u"POST" || r.method == u"PATCH") && body.contains(u"firstMessage"_s))
                last = body.value(u"firstMessage"_s).toString();
        }
        return last;
    }

    void theRecordingDisclosureOpensTheGreetingSentToVapi()
    {
        Clinic c = f.signUp(u"Disclosure Clinic"_s);
        f.sandbox->state().clearRequests();
        QCOMPARE(c.client
                     ->put(u"/api/agent"_s, {{u"name"_s, u"Voxanne"_s},
                                             {u"first_message"_s, u"Thank you for calling."_s}})
                     .status,
                 200);
        const QString withIt =
            u"This call is recorded for quality and your care. Thank you for calling."_s;
        QVERIFY(QTest::qWaitFor([&] { return lastFirstMessageSent() == withIt; }, 30000));
        const QJsonObject agent =
            c.client->get(u"/api/agent"_s).json().value(u"agent"_s).toObject();
        QCOMPARE(agent.value(u"recording_disclosure"_s).toBool(), true);
        QCOMPARE(agent.value(u"first_message_heard"_s).toString(), withIt);
        // The clinic's own words stay as written.
        QCOMPARE(agent.value(u"first_message"_s).toString(), u"Thank you for calling."_s);

        // Turned off: the assistant is sent again, without it.
        QCOMPARE(
            c.client->patch(u"/api/org/privacy"_s, {{u"recording_disclosure"_s, false}}).status,
            200);
        QVERIFY(QTest::qWaitFor(
            [&] { return lastFirstMessageSent() == u"Thank you for calling."_s; }, 30000));

        // A Spanish greeting gets the Spanish sentence.
        QCOMPARE(c.client->patch(u"/api/org/privacy"_s, {{u"recording_disclosure"_s, true}}).status,
                 200);
        QCOMPARE(c.client
                     ->put(u"/api/agent"_s,
                           {{u"name"_s, u"Voxanne"_s},
                            {u"first_message"_s, u"Gracias por llamar. ¿En qué puedo ayudarle?"_s}})
                     .status,
                 200);
        QVERIFY(QTest::qWaitFor(
            [&] {
                return lastFirstMessageSent() ==
                       u"Esta llamada se graba para garantizar la calidad y su atención. Gracias "
                       "por llamar. ¿En qué puedo ayudarle?"_s;
            },
            30000));
    }

    void aVapiFailureErasesNothing()
    {
        const QString contact = f.insertContact(m_a.orgId, u"+15550100333"_s, u"Keep Until Vapi"_s);
        call(m_a.orgId, u"2026-03-01T10:00:00Z"_s, contact, u"vapi-keep"_s, u"+15550100333"_s);
        f.fail(u"vapi"_s, 503, 10, u"/vapi/call/vapi-keep"_s);
        const HttpReply refused = m_a.client->post(u"/api/contacts/%1/erase"_s.arg(contact));
        QCOMPARE(refused.status, 502);
        QCOMPARE(f.one("SELECT name FROM contacts WHERE id = $1::uuid", {contact}),
                 u"Keep Until Vapi"_s);
        f.sandbox->state().clearFailures();
    }
};

QTEST_GUILESS_MAIN(TestPrivacy)
#include "tst_privacy.moc"
