// Replaying every simulated Vapi delivery (webhooks and tool calls) three times, shuffled, leaves
// the database exactly as delivering each once in order did (S-webhooks: idempotent and
// order-independent). Also: the simulator's calls come out as the console expects them.
#include "core/logging/log.h"
#include "sandbox/callsimulator.h"
#include "vapitestkit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <random>

using namespace Qt::Literals::StringLiterals;
using namespace vox::test;

class TestSimulatorReplay : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;
    Clinic m_clinic;

    // Everything the deliveries decide, without generated ids and clock times of processing.
    QByteArray state()
    {
        auto admin = m_db->connectAsAdmin();
        const QList<QByteArray> queries{
            "SELECT json_agg(json_build_object('vapi_call_id', c.vapi_call_id, 'direction', "
            "c.direction, 'status', c.status, 'phone', c.phone_number, 'caller', c.caller_name, "
            "'from', c.from_number, 'to', c.to_number, 'occurred', c.occurred_at, 'started', "
            "c.started_at, 'ended', c.ended_at, 'duration', c.duration_seconds, 'ended_reason', "
            "c.ended_reason, 'transcript', c.transcript, 'messages', c.messages, 'summary', "
            "c.summary, 'score', c.sentiment_score, 'label', c.sentiment_label, 'urgency', "
            "c.sentiment_urgency, 'success', c.success_evaluation, 'booked', c.booking_confirmed, "
            "'appointment', a.source_tool_call_id, 'value', c.financial_value_cents, 'matched', "
            "c.matched_services, 'lead_score', c.lead_score, 'recording', c.recording_url, "
            "'stereo', c.stereo_recording_url, 'recording_status', c.recording_status, "
            "'transfer_to', c.transfer_to, 'transfer_time', c.transfer_time, 'transfer_reason', "
            "c.transfer_reason, 'booking_calls', c.booking_tool_call_ids, 'contact', k.phone, "
            "'reported', c.report_received_at IS NOT NULL, 'alerted', c.hot_lead_alerted_at IS "
            "NOT NULL) ORDER BY c.vapi_call_id) FROM call_logs c LEFT JOIN appointments a ON "
            "a.id = c.appointment_id LEFT JOIN contacts k ON k.id = c.contact_id",
            "SELECT json_agg(json_build_object('phone', phone, 'name', name, 'status', "
            "lead_status, 'score', lead_score, 'temperature', lead_temperature, 'interests', "
            "service_interests, 'last', last_contacted_at, 'scored', lead_scored_at) ORDER BY "
            "phone) FROM contacts",
            "SELECT json_agg(json_build_object('tool_call', a.source_tool_call_id, 'contact', "
            "k.phone, 'service', a.service_name, 'starts', a.starts_at, 'ends', a.ends_at, "
            "'status', a.status, 'source', a.source, 'vapi_call', a.vapi_call_id, 'call', "
            "c.vapi_call_id) ORDER BY a.source_tool_call_id) FROM appointments a LEFT JOIN "
            "contacts k ON k.id = a.contact_id LEFT JOIN call_logs c ON c.id = a.call_id",
            "SELECT json_agg(json_build_object('key', delivery_key, 'status', status, 'type', "
            "message_type) ORDER BY delivery_key) FROM webhook_deliveries",
            // Only the deliveries' own jobs: the job runner schedules others on its own clock.
            "SELECT json_agg(json_build_object('kind', kind, 'n', n) ORDER BY kind) FROM (SELECT "
            "kind, count(*) AS n FROM jobs WHERE kind IN ('sms.send', "
            "'calendar.sync_appointment') GROUP BY kind) j",
            "SELECT json_agg(json_build_object('type', type, 'n', n) ORDER BY type) FROM (SELECT "
            "type, count(*) AS n FROM events WHERE type IN ('call.created', 'contact.created', "
            "'appointment.created', 'lead.hot') GROUP BY type) e",
        };
        QByteArray out;
        for (const QByteArray &sql : queries) {
            auto row = admin->exec(sql);
            if (!row)
                qFatal("%s", qPrintable(row.errorMessage()));
            out += row->raw(0, 0) + '\n';
        }
        return out;
    }

    void forgetEverythingTheCallsDid()
    {
        auto admin = m_db->connectAsAdmin();
        for (const char *sql :
             {"UPDATE call_logs SET appointment_id = NULL", "DELETE FROM appointments",
              "DELETE FROM call_logs", "DELETE FROM contacts", "DELETE FROM webhook_deliveries",
              "DELETE FROM events", "DELETE FROM jobs"})
            QVERIFY(admin->exec(sql).ok());
    }

private slots:
    void initTestCase()
    {
        vox::log::setupStderr(vox::log::Level::Error);
        m_db = std::make_unique<TestDatabase>(u"simulatorreplay"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_server = std::make_unique<TestServer>(*m_db);
        QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
        auto client = m_server->client();
        m_clinic = createClinic(*client, *m_db, u"Replay Clinic"_s, u"America/Chicago"_s);
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin
                    ->exec("UPDATE org_settings SET alert_phone = '+15550000222' WHERE org_id = "
                           "$1::uuid",
                           {m_clinic.orgId})
                    .ok());
    }

    void replayingShuffledThreeTimesEndsInTheSameState()
    {
        vox::sandbox::CallSimulator::Options options;
        options.serverUrl = m_server->url();
        options.secret = TestServer::webhookSecret;
        options.assistantId = m_clinic.assistantId;
        options.calls = 18;
        options.seed = 7;
        options.firstDay = nextWeekday(1, 8);
        vox::sandbox::CallSimulator simulator(options);
        auto played = simulator.run();
        QVERIFY2(played.ok(), qPrintable(played.ok() ? QString() : played.errorMessage()));
        QCOMPARE(played->calls, 18);
        for (const vox::sandbox::Delivery &d : std::as_const(played->deliveries)) {
            QVERIFY2(
                d.status == 200,
                qPrintable(u"%1 %2 answered %3: %4"_s.arg(
                    d.path, d.body.value(u"message"_s).toObject().value(u"type"_s).toString(),
                    QString::number(d.status),
                    QString::fromUtf8(QJsonDocument(d.answer).toJson(QJsonDocument::Compact)))));
        }
        QCOMPARE(played->failedDeliveries, 0);
        if (played->booked != 6)
            qWarning("%s", qPrintable(played->lines.join(u'\n')));
        QCOMPARE(played->booked, 6);
        QCOMPARE(played->transferred, 3);
        const QByteArray once = state();
        QVERIFY(once.contains("\"booked\" : true") || once.contains("\"booked\":true"));

        forgetEverythingTheCallsDid();
        QList<vox::sandbox::Delivery> replay;
        for (int round = 0; round < 3; ++round)
            replay += played->deliveries;
        std::mt19937 random(20260125);
        std::shuffle(replay.begin(), replay.end(), random);
        for (const vox::sandbox::Delivery &d : std::as_const(replay)) {
            const QJsonObject message = d.body.value(u"message"_s).toObject();
            const HttpReply reply = [&] {
                auto client = m_server->client();
                return postVapi(*client, d.path, message);
            }();
            QCOMPARE(reply.status, 200);
        }
        const QByteArray thrice = state();
        if (thrice != once) {
            const QList<QByteArray> a = once.split('\n');
            const QList<QByteArray> b = thrice.split('\n');
            for (qsizetype i = 0; i < a.size(); ++i) {
                if (a.at(i) != b.value(i))
                    qWarning("table %lld differs:\nonce:   %s\nthrice: %s", qint64(i),
                             a.at(i).left(3000).constData(), b.value(i).left(3000).constData());
            }
        }
        QCOMPARE(thrice, once);
    }

    void theSimulatedCallsLookRight()
    {
        auto admin = m_db->connectAsAdmin();
        // Transcripts were redacted (the simulator reads out a date of birth and a card).
        QCOMPARE(count(*m_db, "SELECT count(*) FROM call_logs WHERE transcript LIKE '%4242 4242%' "
                              "OR transcript LIKE '%04/12/1988%' OR messages::text LIKE '%4242 "
                              "4242%'"),
                 0);
        QVERIFY(count(*m_db, "SELECT count(*) FROM call_logs WHERE transcript LIKE '%[REDACTED "
                             "CARD]%'") > 0);
        QCOMPARE(count(*m_db, "SELECT count(*) FROM call_logs WHERE transfer_to = '+15550100999'"),
                 3);
        QCOMPARE(count(*m_db, "SELECT count(*) FROM call_logs WHERE booking_confirmed"), 6);
        // The repeat callers are one contact each, booked (a later call does not undo it).
        QCOMPARE(count(*m_db, "SELECT count(*) FROM contacts WHERE lead_status = 'booked'"), 6);
        QCOMPARE(count(*m_db, "SELECT count(*) FROM (SELECT phone_number FROM call_logs GROUP BY "
                              "phone_number HAVING count(*) > 1) repeat"),
                 3);
        // The angry caller's old-style payload still gave a transcript and a negative mood.
        QVERIFY(count(*m_db, "SELECT count(*) FROM call_logs WHERE sentiment_label = 'negative' "
                             "AND transcript LIKE '%ridiculous%'") >= 2);
        QVERIFY(count(*m_db, "SELECT count(*) FROM jobs WHERE kind = 'sms.send'") >= 1);
    }
};

QTEST_MAIN(TestSimulatorReplay)
#include "tst_simulatorreplay.moc"
