// POST /api/webhooks/vapi (S-webhooks, S-analytics): only Vapi gets in, each event counts once,
// the final state does not depend on delivery order, the end-of-call report is analysed in one
// transaction (redaction first), unknown assistants are kept for inspection, assistant-request
// answers with the caller's context.
#include "core/logging/log.h"
#include "core/vapisignature.h"
#include "sandbox/vapimessages.h"
#include "server/services/vapiwebhooks.h"
#include "server/services/webhookproblems.h"
#include "vapitestkit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <algorithm>
#include <sstream>

using namespace Qt::Literals::StringLiterals;
using namespace vox::test;
namespace vm = vox::sandbox::vapimessages;

class TestVapiWebhooks : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_client;
    Clinic m_a;
    Clinic m_b;
    int m_calls = 0;
    int m_orderedCallers = 0;
    QDateTime m_orderedCallsAt;
    QJsonObject m_inOrder;
    std::ostringstream m_log;

    vm::CallInfo newCall(const Clinic &clinic, const QString &number,
                         const QString &name = QString())
    {
        vm::CallInfo info;
        info.id = u"call-wh-%1-%2"_s.arg(++m_calls).arg(QDateTime::currentMSecsSinceEpoch());
        info.assistantId = clinic.assistantId;
        info.clinicNumber = u"+15550009999"_s;
        info.customerNumber = number;
        info.customerName = name;
        info.createdAt = QDateTime::currentDateTimeUtc().addSecs(-300);
        info.startedAt = info.createdAt.addSecs(5);
        info.endedAt = info.startedAt.addSecs(150);
        return info;
    }

    static vm::Turn say(vm::Turn::Kind kind, const QString &text, double at)
    {
        vm::Turn t;
        t.kind = kind;
        t.text = text;
        t.secondsFromStart = at;
        return t;
    }

    HttpReply deliver(const QJsonObject &message)
    {
        return postVapi(*m_client, u"/api/webhooks/vapi"_s, message);
    }

    QJsonObject callRow(const QString &vapiCallId)
    {
        auto admin = m_db->connectAsAdmin();
        auto row = admin->exec("SELECT row_to_json(c) FROM call_logs c WHERE vapi_call_id = $1",
                               {vapiCallId});
        return row && !row->isEmpty() ? row->toJson(0, 0).toObject() : QJsonObject();
    }

    QJsonObject contactRow(const Clinic &clinic, const QString &phone)
    {
        auto admin = m_db->connectAsAdmin();
        auto row = admin->exec("SELECT row_to_json(c) FROM contacts c WHERE org_id = $1::uuid AND "
                               "phone = $2",
                               {clinic.orgId, phone});
        return row && !row->isEmpty() ? row->toJson(0, 0).toObject() : QJsonObject();
    }

    // A booking conversation: the caller books Botox through the real tools endpoint.
    vm::Report bookingReport(const vm::CallInfo &call, const QString &toolCallId,
                             const QDateTime &when, const QString &bookedResult)
    {
        vm::Report r;
        r.turns << say(vm::Turn::Kind::Bot, u"Thanks for calling Glow, how can I help?"_s, 1)
                << say(vm::Turn::Kind::User,
                       u"Hi, I'd love to book Botox. How much is a facelift, by the way?"_s, 4);
        vm::Turn booking;
        booking.kind = vm::Turn::Kind::ToolCall;
        booking.toolName = u"bookClinicAppointment"_s;
        booking.toolCallId = toolCallId;
        booking.arguments = {{u"service"_s, u"Botox"_s},
                             {u"datetime"_s, wallClock(when.toTimeZone(m_a.zone).date(),
                                                       when.toTimeZone(m_a.zone).time())}};
        booking.secondsFromStart = 20;
        vm::Turn result = booking;
        result.kind = vm::Turn::Kind::ToolResult;
        result.text = bookedResult;
        result.secondsFromStart = 21;
        r.turns << booking << result
                << say(vm::Turn::Kind::Bot, u"You're booked. Anything else?"_s, 23)
                << say(vm::Turn::Kind::User,
                       u"My SSN is 123-45-6789 and my card 4111 1111 1111 1111, I was born on "
                       "March 3, 1985. Perfect, thank you!"_s,
                       30);
        r.endedReason = u"customer-ended-call"_s;
        r.summary = u"Caller booked Botox; born March 3, 1985."_s;
        r.successEvaluation = u"true"_s;
        r.structuredData = {{u"sentiment"_s, u"positive"_s},
                            {u"sentimentScore"_s, 0.8},
                            {u"urgency"_s, u"medium"_s}};
        r.recordingBase = u"https://storage.vapi.test/"_s + call.id;
        return r;
    }

    // The deliveries of one call, in the order Vapi sends them.
    static QStringList deliveriesInOrder()
    {
        return {u"ringing"_s, u"in-progress"_s, u"ended"_s, u"report"_s};
    }

    static QString jsonText(const QJsonValue &value)
    {
        return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
    }

    // A new call of clinic A after `order`'s deliveries: its row and its contact's lead status,
    // without what only names this call (ids, the caller's number, the server's own clock).
    // Every such call has the same times, so the times it ends with compare too.
    QJsonObject endStateAfter(const QStringList &order)
    {
        const QString phone = u"+1555016%1"_s.arg(++m_orderedCallers, 4, 10, QLatin1Char('0'));
        vm::CallInfo call = newCall(m_a, phone, u"Lee"_s);
        if (!m_orderedCallsAt.isValid())
            m_orderedCallsAt = call.createdAt;
        call.createdAt = m_orderedCallsAt;
        call.startedAt = call.createdAt.addSecs(5);
        call.endedAt = call.startedAt.addSecs(150);
        vm::Report report;
        report.turns << say(vm::Turn::Kind::User, u"What does a consultation cost?"_s, 3);
        report.recordingBase = u"https://storage.vapi.test/"_s + call.id;
        for (const QString &delivery : order) {
            const QJsonObject message =
                delivery == u"report"  ? vm::endOfCallReport(call, report)
                : delivery == u"ended" ? vm::statusUpdate(call, delivery, call.endedAt.addSecs(1),
                                                          u"assistant-ended-call"_s)
                : delivery == u"in-progress" ? vm::statusUpdate(call, delivery, call.startedAt)
                                             : vm::statusUpdate(call, delivery, call.createdAt);
            const HttpReply reply = deliver(message);
            if (reply.status != 200)
                return {{u"error"_s, u"%1 was answered %2"_s.arg(delivery).arg(reply.status)}};
        }
        QJsonObject state = callRow(call.id);
        if (state.isEmpty())
            return {{u"error"_s, u"no call row"_s}};
        for (const QString &key : {u"id"_s, u"vapi_call_id"_s, u"contact_id"_s, u"search_vector"_s,
                                   u"created_at"_s, u"updated_at"_s})
            state.remove(key);
        state.insert(u"report_received"_s, !state.take(u"report_received_at"_s).isNull());
        state.insert(u"contact_lead_status"_s, contactRow(m_a, phone).value(u"lead_status"_s));
        state.insert(
            u"rows"_s,
            count(*m_db, "SELECT count(*) FROM call_logs WHERE vapi_call_id = $1", {call.id}));
        QString text = QString::fromUtf8(QJsonDocument(state).toJson(QJsonDocument::Compact));
        text.replace(call.id, u"<call>"_s).replace(phone, u"<caller>"_s);
        return QJsonDocument::fromJson(text.toUtf8()).object();
    }

    // What the deliveries in Vapi's order leave: the end the other orders must reach.
    QJsonObject inOrderEndState()
    {
        if (!m_inOrder.isEmpty())
            return m_inOrder;
        const QJsonObject state = endStateAfter(deliveriesInOrder());
        const bool asSpecified =
            state.value(u"status"_s) == u"ended"_s &&
            state.value(u"recording_status"_s) == u"completed"_s &&
            state.value(u"ended_reason"_s) == u"customer-ended-call"_s && // the report's
            state.value(u"duration_seconds"_s) == 150 &&
            state.value(u"booking_confirmed"_s) == false &&
            state.value(u"contact_lead_status"_s) == u"new"_s && state.value(u"rows"_s) == 1;
        if (!asSpecified)
            qWarning("In order, the call ended as %s", qPrintable(jsonText(state)));
        else
            m_inOrder = state;
        return m_inOrder;
    }

private slots:
    // Before the stream goes: the server still logs while it shuts down.
    void cleanupTestCase() { vox::log::removeStreamSink(m_log); }

    void initTestCase()
    {
        // Warnings are what the authentication test reads; they also show on stderr.
        vox::log::setupStderr(vox::log::Level::Warn);
        vox::log::addStreamSink(m_log);
        m_db = std::make_unique<TestDatabase>(u"vapiwebhooks"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_server = std::make_unique<TestServer>(
            *m_db, QHash<QString, QString>{{u"VAPI_HMAC_SECRET"_s, u"hmac-test-secret"_s}});
        QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
        m_client = m_server->client();
        m_a = createClinic(*m_client, *m_db, u"Glow Clinic"_s);
        m_b = createClinic(*m_client, *m_db, u"Other Clinic"_s);
    }

    void refusesWhatDoesNotComeFromVapi_data()
    {
        QTest::addColumn<QString>("how");
        QTest::addColumn<int>("status");
        QTest::newRow("no credentials") << u"none"_s << 401;
        QTest::newRow("wrong shared secret") << u"wrong"_s << 401;
        QTest::newRow("stale hmac") << u"stale"_s << 401;
        QTest::newRow("hmac") << u"hmac"_s << 200;
    }
    void refusesWhatDoesNotComeFromVapi()
    {
        QFETCH(QString, how);
        QFETCH(int, status);
        const vm::CallInfo call = newCall(m_a, u"+15550143001"_s);
        vm::Report report;
        report.turns << say(vm::Turn::Kind::User, u"secret-transcript-words"_s, 1);
        const QByteArray body = QJsonDocument(vm::envelope(vm::endOfCallReport(call, report)))
                                    .toJson(QJsonDocument::Compact);
        QHash<QByteArray, QByteArray> headers;
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        if (how == u"wrong")
            headers.insert("x-vapi-secret", "guess");
        if (how == u"hmac" || how == u"stale") {
            const QByteArray stamp = QByteArray::number(how == u"stale" ? now - 900 : now);
            headers.insert("x-timestamp", stamp);
            headers.insert("x-signature", vox::vapi::signature(stamp, body, u"hmac-test-secret"_s));
        }
        m_log.str({});
        const HttpReply reply = m_client->send("POST", u"/api/webhooks/vapi"_s, body, headers);
        QCOMPARE(reply.status, status);
        const qint64 stored = count(*m_db,
                                    "SELECT count(*) FROM webhook_deliveries WHERE "
                                    "provider_call_id = $1",
                                    {call.id});
        QCOMPARE(stored, status == 200 ? 1 : 0);
        QCOMPARE(callRow(call.id).isEmpty(), status != 200);
        if (status == 401) {
            vox::log::flush();
            const std::string logged = m_log.str();
            QVERIFY2(logged.find("did not prove it came from Vapi") != std::string::npos,
                     logged.c_str());
            QVERIFY(logged.find("secret-transcript-words") == std::string::npos);
        }
    }

    void statusUpdatesDriveTheCall()
    {
        const vm::CallInfo call = newCall(m_a, u"+15550143002"_s, u"Ana"_s);
        QCOMPARE(deliver(vm::statusUpdate(call, u"ringing"_s, call.createdAt)).status, 200);
        QJsonObject row = callRow(call.id);
        QCOMPARE(row.value(u"status"_s).toString(), u"ringing"_s);
        QCOMPARE(row.value(u"direction"_s).toString(), u"inbound"_s);
        QCOMPARE(row.value(u"phone_number"_s).toString(), u"+15550143002"_s);
        QCOMPARE(row.value(u"org_id"_s).toString(), m_a.orgId);
        QCOMPARE(deliver(vm::statusUpdate(call, u"in-progress"_s, call.startedAt)).status, 200);
        QCOMPARE(callRow(call.id).value(u"recording_status"_s).toString(), u"pending"_s);
        const HttpReply ended =
            deliver(vm::statusUpdate(call, u"ended"_s, call.endedAt, u"customer-ended-call"_s));
        QCOMPARE(ended.status, 200);
        row = callRow(call.id);
        QCOMPARE(row.value(u"status"_s).toString(), u"ended"_s);
        QCOMPARE(row.value(u"duration_seconds"_s).toInt(), 150);
        QCOMPARE(row.value(u"ended_reason"_s).toString(), u"customer-ended-call"_s);
        QCOMPARE(row.value(u"recording_status"_s).toString(), u"processing"_s);
        const QString id = row.value(u"id"_s).toString();
        QCOMPARE(count(*m_db,
                       "SELECT count(*) FROM events WHERE entity_id = $1::uuid AND type = "
                       "'call.created'",
                       {id}),
                 1);
        QCOMPARE(count(*m_db,
                       "SELECT count(*) FROM events WHERE entity_id = $1::uuid AND type = "
                       "'call.updated'",
                       {id}),
                 2);
        // The events name the caller the way the front desk knows them.
        auto admin = m_db->connectAsAdmin();
        auto created = admin->exec("SELECT payload->>'caller_name', payload->>'phone_number' FROM "
                                   "events WHERE entity_id = $1::uuid AND type = 'call.created'",
                                   {id});
        QVERIFY(created.ok());
        QCOMPARE(created->text(0, 0), u"Ana"_s);
        QCOMPARE(created->text(0, 1), u"+15550143002"_s);
        // Redelivered: 200, nothing changes, no new event.
        const HttpReply again = deliver(vm::statusUpdate(call, u"ringing"_s, call.createdAt));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(u"duplicate"_s).toBool(), true);
        QCOMPARE(callRow(call.id).value(u"status"_s).toString(), u"ended"_s);
        QCOMPARE(count(*m_db, "SELECT count(*) FROM events WHERE entity_id = $1::uuid", {id}), 3);
    }

    // A caller Vapi heard no name from is named from the clinic's contact for the number.
    void aCallWithoutANameIsNamedFromTheContact()
    {
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin->exec("INSERT INTO contacts (org_id, phone, name) VALUES ($1::uuid, "
                            "'+15550143077', 'Bea Known')",
                            {m_a.orgId}));
        const vm::CallInfo call = newCall(m_a, u"+15550143077"_s);
        QCOMPARE(deliver(vm::statusUpdate(call, u"ringing"_s, call.createdAt)).status, 200);
        auto created =
            admin->exec("SELECT e.payload->>'caller_name' FROM events e JOIN call_logs c ON c.id = "
                        "e.entity_id WHERE c.vapi_call_id = $1 AND e.type = 'call.created'",
                        {call.id});
        QVERIFY(created.ok());
        QCOMPARE(created->rowCount(), 1);
        QCOMPARE(created->text(0, 0), u"Bea Known"_s);
    }

    void theReportIsAnalysedInOneTransaction()
    {
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin
                    ->exec("UPDATE org_settings SET alert_phone = '+15550000111' WHERE org_id = "
                           "$1::uuid",
                           {m_a.orgId})
                    .ok());
        const vm::CallInfo call = newCall(m_a, u"+15550143003"_s, u"Maria Lopez"_s);
        const QDateTime when = at(nextWeekday(2), QTime(10, 0), m_a.zone);
        QCOMPARE(deliver(vm::statusUpdate(call, u"in-progress"_s, call.startedAt)).status, 200);
        // During the call the AI books through the tools endpoint.
        vm::Turn booking;
        booking.kind = vm::Turn::Kind::ToolCall;
        booking.toolName = u"bookClinicAppointment"_s;
        booking.toolCallId = u"call_wh_booking_1"_s;
        booking.arguments = {
            {u"service"_s, u"Botox"_s},
            {u"datetime"_s, wallClock(when.toTimeZone(m_a.zone).date(), QTime(10, 0))}};
        const HttpReply tool = postVapi(*m_client, u"/api/vapi/tools"_s,
                                        vm::toolCalls(call, {booking}, call.startedAt.addSecs(20)));
        const QString booked = tool.json()
                                   .value(u"results"_s)
                                   .toArray()
                                   .first()
                                   .toObject()
                                   .value(u"result"_s)
                                   .toString();
        QVERIFY2(booked.startsWith(u"Booked"_s), qPrintable(booked));

        const HttpReply report = deliver(
            vm::endOfCallReport(call, bookingReport(call, booking.toolCallId, when, booked)));
        QCOMPARE(report.status, 200);
        QCOMPARE(report.json().value(u"booked"_s).toBool(), true);

        const QJsonObject row = callRow(call.id);
        const QString transcript = row.value(u"transcript"_s).toString();
        const QByteArray everything = QJsonDocument(row).toJson();
        for (const char *secret : {"123-45-6789", "4111 1111 1111 1111", "March 3, 1985"})
            QVERIFY2(!everything.contains(secret), secret);
        QVERIFY(transcript.contains(u"[REDACTED SSN]"_s));
        QVERIFY(transcript.contains(u"[REDACTED CARD]"_s));
        QVERIFY(transcript.contains(u"[REDACTED DOB]"_s));
        QVERIFY(row.value(u"summary"_s).toString().contains(u"[REDACTED DOB]"_s));
        const QJsonArray messages = row.value(u"messages"_s).toArray();
        QCOMPARE(messages.first().toObject().value(u"role"_s).toString(), u"system"_s);
        QCOMPARE(messages.at(1).toObject().value(u"role"_s).toString(), u"assistant"_s);
        QVERIFY(messages.at(1).toObject().contains(u"seconds_from_start"_s));
        QCOMPARE(row.value(u"sentiment_label"_s).toString(), u"positive"_s);
        QCOMPARE(row.value(u"sentiment_score"_s).toDouble(), 0.8);
        QCOMPARE(row.value(u"sentiment_urgency"_s).toString(), u"medium"_s);
        QCOMPARE(row.value(u"success_evaluation"_s).toString(), u"true"_s);
        QCOMPARE(row.value(u"booking_confirmed"_s).toBool(), true);
        // The booked Botox ($400) wins over the facelift the caller asked about.
        QCOMPARE(row.value(u"financial_value_cents"_s).toInteger(), 40000);
        QCOMPARE(row.value(u"matched_services"_s).toArray(),
                 (QJsonArray{u"Botox"_s, u"Facelift"_s}));
        QCOMPARE(row.value(u"recording_url"_s).toString(),
                 u"https://storage.vapi.test/%1-mono.wav"_s.arg(call.id));
        QCOMPARE(row.value(u"stereo_recording_url"_s).toString(),
                 u"https://storage.vapi.test/%1-stereo.wav"_s.arg(call.id));
        QCOMPARE(row.value(u"recording_status"_s).toString(), u"completed"_s);
        QCOMPARE(row.value(u"duration_seconds"_s).toInt(), 150);
        const QString appointment = row.value(u"appointment_id"_s).toString();
        QVERIFY(!appointment.isEmpty());
        QCOMPARE(
            scalar(*m_db, "SELECT call_id FROM appointments WHERE id = $1::uuid", {appointment}),
            row.value(u"id"_s).toString());

        const QJsonObject contact = contactRow(m_a, u"+15550143003"_s);
        QCOMPARE(contact.value(u"name"_s).toString(), u"Maria Lopez"_s);
        QCOMPARE(contact.value(u"lead_status"_s).toString(), u"booked"_s);
        QCOMPARE(contact.value(u"lead_score"_s).toInt(), row.value(u"lead_score"_s).toInt());
        QVERIFY(contact.value(u"lead_score"_s).toInt() >= 70);
        QCOMPARE(contact.value(u"lead_temperature"_s).toString(), u"hot"_s);
        QCOMPARE(contact.value(u"service_interests"_s).toArray(),
                 (QJsonArray{u"Botox"_s, u"Facelift"_s}));
        QVERIFY(!contact.value(u"last_contacted_at"_s).isNull());

        // The hot lead queued one SMS alert to the clinic, through the messaging module's job.
        auto job = admin->exec("SELECT payload, org_id FROM jobs WHERE kind = 'sms.send'");
        QCOMPARE(job->rowCount(), 1);
        const QJsonObject sms = job->toJson(0, 0).toObject();
        QCOMPARE(sms.value(u"to"_s).toString(), u"+15550000111"_s);
        QCOMPARE(sms.value(u"purpose"_s).toString(), u"hot_lead_alert"_s);
        QCOMPARE(sms.value(u"call_id"_s).toString(), row.value(u"id"_s).toString());
        QCOMPARE(sms.value(u"contact_id"_s).toString(), contact.value(u"id"_s).toString());
        QVERIFY(sms.value(u"body"_s).toString().contains(u"Maria Lopez"_s));
        QCOMPARE(job->text(0, 1), m_a.orgId);
        QCOMPARE(count(*m_db,
                       "SELECT count(*) FROM events WHERE type = 'lead.hot' AND "
                       "payload->>'call_id' = $1",
                       {row.value(u"id"_s).toString()}),
                 1);

        // The same report again changes nothing and queues nothing.
        const QByteArray before = QJsonDocument(callRow(call.id)).toJson();
        const HttpReply again = deliver(
            vm::endOfCallReport(call, bookingReport(call, booking.toolCallId, when, booked)));
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(u"duplicate"_s).toBool(), true);
        QCOMPARE(QJsonDocument(callRow(call.id)).toJson(), before);
        QCOMPARE(count(*m_db, "SELECT count(*) FROM jobs WHERE kind = 'sms.send'"), 1);
        QVERIFY(admin
                    ->exec("UPDATE org_settings SET alert_phone = NULL WHERE org_id = $1::uuid",
                           {m_a.orgId})
                    .ok());
    }

    void outOfOrderDeliveriesEndTheSame_data()
    {
        QTest::addColumn<QStringList>("order");
        QStringList order = deliveriesInOrder();
        std::sort(order.begin(), order.end());
        do {
            QTest::newRow(qPrintable(order.join(u", "_s))) << order;
        } while (std::next_permutation(order.begin(), order.end()));
    }
    void outOfOrderDeliveriesEndTheSame()
    {
        QFETCH(QStringList, order);
        const QJsonObject expected = inOrderEndState();
        QVERIFY(!expected.isEmpty());
        const QJsonObject state = endStateAfter(order);
        QVERIFY2(!state.contains(u"error"_s), qPrintable(state.value(u"error"_s).toString()));
        for (auto it = expected.begin(); it != expected.end(); ++it) {
            QVERIFY2(state.value(it.key()) == it.value(),
                     qPrintable(u"%1 is %2, in order it is %3"_s.arg(
                         it.key(), jsonText(state.value(it.key())), jsonText(it.value()))));
        }
        QCOMPARE(state.keys(), expected.keys());
    }

    void aBookingThatLandsAfterTheReportCompletesIt()
    {
        const vm::CallInfo call = newCall(m_a, u"+15550143005"_s, u"Kim"_s);
        const QDateTime when = at(nextWeekday(3), QTime(11, 0), m_a.zone);
        QCOMPARE(deliver(vm::endOfCallReport(
                             call, bookingReport(call, u"call_late_booking"_s, when, u"Booked"_s)))
                     .status,
                 200);
        QCOMPARE(callRow(call.id).value(u"booking_confirmed"_s).toBool(), false);
        vm::Turn booking;
        booking.kind = vm::Turn::Kind::ToolCall;
        booking.toolName = u"bookClinicAppointment"_s;
        booking.toolCallId = u"call_late_booking"_s;
        booking.arguments = {
            {u"service"_s, u"Botox"_s},
            {u"datetime"_s, wallClock(when.toTimeZone(m_a.zone).date(), QTime(11, 0))}};
        QCOMPARE(postVapi(*m_client, u"/api/vapi/tools"_s,
                          vm::toolCalls(call, {booking}, call.startedAt.addSecs(20)))
                     .status,
                 200);
        const QJsonObject row = callRow(call.id);
        QCOMPARE(row.value(u"booking_confirmed"_s).toBool(), true);
        QCOMPARE(row.value(u"financial_value_cents"_s).toInteger(), 40000);
        QCOMPARE(contactRow(m_a, u"+15550143005"_s).value(u"lead_status"_s).toString(),
                 u"booked"_s);
    }

    // The lead rules over real deliveries: what a call without a booking leaves on the contact.
    void aCallSetsTheLead_data()
    {
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QString>("said");
        QTest::addColumn<QString>("sentiment");
        QTest::addColumn<QString>("urgency");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("temperature");
        QTest::addColumn<bool>("needsAttention");
        QTest::newRow("did not book: new, not lost")
            << u"+15550143111"_s << u"Just wondering what a consultation costs."_s << u"neutral"_s
            << u"low"_s << u"new"_s << u"cold"_s << false;
        QTest::newRow("swelling and pain after fillers, urgent: hot, needs attention")
            << u"+15550143112"_s << u"I have swelling and pain after fillers, it's getting worse."_s
            << u"negative"_s << u"high"_s << u"new"_s << u"hot"_s << true;
    }
    void aCallSetsTheLead()
    {
        QFETCH(QString, phone);
        QFETCH(QString, said);
        QFETCH(QString, sentiment);
        QFETCH(QString, urgency);
        vm::CallInfo call = newCall(m_a, phone);
        call.endedAt = call.startedAt.addSecs(40);
        vm::Report report;
        report.turns << say(vm::Turn::Kind::Bot, u"Glow Clinic, how can I help?"_s, 1)
                     << say(vm::Turn::Kind::User, said, 3);
        report.summary = u"A call."_s;
        report.structuredData = {{u"sentiment"_s, sentiment}, {u"urgency"_s, urgency}};
        QCOMPARE(deliver(vm::endOfCallReport(call, report)).status, 200);
        const QJsonObject contact = contactRow(m_a, phone);
        QTEST(contact.value(u"lead_status"_s).toString(), "status");
        QTEST(contact.value(u"lead_temperature"_s).toString(), "temperature");
        QTEST(contact.value(u"needs_attention"_s).toBool(), "needsAttention");
    }

    // The finding: a call-back dropped a hot lead from 70 to 25. The clinic's own short call
    // makes the lead contacted and leaves its score.
    void aCallBacksReportKeepsTheScore()
    {
        const QString phone = u"+15550143120"_s;
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin->exec("INSERT INTO contacts (org_id, phone, name, lead_score, "
                            "lead_temperature, lead_status, lead_scored_at, last_contacted_at) "
                            "VALUES ($1::uuid, $2, 'Hot Lead', 70, 'hot', 'new', "
                            "now() - interval '1 hour', now() - interval '1 hour')",
                            {m_a.orgId, phone}));
        vm::CallInfo call = newCall(m_a, phone, u"Hot Lead"_s);
        call.outbound = true;
        call.endedAt = call.startedAt.addSecs(20);
        vm::Report report;
        report.turns << say(vm::Turn::Kind::Bot, u"Hi, this is Glow Clinic calling back."_s, 1)
                     << say(vm::Turn::Kind::User, u"Not now, call me tomorrow."_s, 3);
        report.summary = u"A short call-back."_s;
        report.structuredData = {{u"sentiment"_s, u"neutral"_s}, {u"urgency"_s, u"low"_s}};
        QCOMPARE(deliver(vm::endOfCallReport(call, report)).status, 200);
        QVERIFY(callRow(call.id).value(u"lead_score"_s).toInt() < 70); // the call itself scored low
        const QJsonObject contact = contactRow(m_a, phone);
        QCOMPARE(contact.value(u"lead_status"_s).toString(), u"contacted"_s);
        QCOMPARE(contact.value(u"lead_score"_s).toInt(), 70);
        QCOMPARE(contact.value(u"lead_temperature"_s).toString(), u"hot"_s);
    }

    void redactionFollowsTheClinicsSetting()
    {
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin
                    ->exec("UPDATE org_settings SET redact_pii = false WHERE org_id = $1::uuid",
                           {m_b.orgId})
                    .ok());
        const vm::CallInfo call = newCall(m_b, u"+15550143006"_s);
        vm::Report report;
        report.turns << say(vm::Turn::Kind::User, u"My SSN is 123-45-6789."_s, 2);
        QCOMPARE(deliver(vm::endOfCallReport(call, report)).status, 200);
        QVERIFY(callRow(call.id).value(u"transcript"_s).toString().contains(u"123-45-6789"_s));
        QVERIFY(admin
                    ->exec("UPDATE org_settings SET redact_pii = true WHERE org_id = $1::uuid",
                           {m_b.orgId})
                    .ok());
    }

    // A third party's number, an e-mail address and a street address said during a call: every
    // stored copy (transcript, message list, summary, the live line and its event) loses what the
    // clinic chose, and keeps what it did not. The caller's own number stays in the call and
    // contact columns: the clinic calls back on it.
    void storedCopiesFollowTheClinicsCategories_data()
    {
        QTest::addColumn<QString>("categories"); // a text[] literal
        QTest::addColumn<bool>("phone");
        QTest::addColumn<bool>("email");
        QTest::addColumn<bool>("address");
        QTest::newRow("every category, as a new clinic has it")
            << u"{ssn,card,dob,phone,email,address,medical_id}"_s << true << true << true;
        QTest::newRow("only SSN, card and date of birth")
            << u"{ssn,card,dob}"_s << false << false << false;
        QTest::newRow("phone and address, not e-mail")
            << u"{phone,address}"_s << true << false << true;
        QTest::newRow("e-mail only") << u"{email}"_s << false << true << false;
    }
    void storedCopiesFollowTheClinicsCategories()
    {
        QFETCH(QString, categories);
        QFETCH(bool, phone);
        QFETCH(bool, email);
        QFETCH(bool, address);
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin
                    ->exec("UPDATE org_settings SET redact_categories = $2::text[] WHERE org_id = "
                           "$1::uuid",
                           {m_b.orgId, categories})
                    .ok());
        static int caller = 0;
        const QString number = u"+1555014%1"_s.arg(4100 + ++caller);
        const vm::CallInfo call = newCall(m_b, number, u"Pat"_s);
        const QString said = u"Text my daughter at 555-867-5309 or jane.doe@example.com, we're "
                             "at 42 Oak Street."_s;
        QCOMPARE(deliver(vm::statusUpdate(call, u"in-progress"_s, call.startedAt)).status, 200);
        QCOMPARE(deliver(vm::transcript(call, u"user"_s, said, call.startedAt.addSecs(10))).status,
                 200);
        vm::Report report;
        report.turns << say(vm::Turn::Kind::User, said, 10);
        report.summary = u"Pat's daughter: 555-867-5309, jane.doe@example.com, 42 Oak Street."_s;
        QCOMPARE(deliver(vm::endOfCallReport(call, report)).status, 200);

        const QJsonObject row = callRow(call.id);
        auto live = admin->exec("SELECT l.text, (SELECT e.payload->>'text' FROM events e WHERE "
                                "e.entity_id = l.call_id AND e.type = 'live.transcript' LIMIT 1) "
                                "FROM call_live_lines l WHERE l.call_id = $1::uuid",
                                {row.value(u"id"_s).toString()});
        QVERIFY(live && live->rowCount() == 1);
        const QMap<QString, QString> copies{
            {u"transcript"_s, row.value(u"transcript"_s).toString()},
            {u"messages"_s, jsonText(row.value(u"messages"_s))},
            {u"summary"_s, row.value(u"summary"_s).toString()},
            {u"live line"_s, live->text(0, 0)},
            {u"live event"_s, live->text(0, 1)}};
        for (auto it = copies.begin(); it != copies.end(); ++it) {
            const QString &text = it.value();
            QVERIFY2(text.contains(u"daughter"_s), qPrintable(it.key() + u": "_s + text));
            QVERIFY2(text.contains(u"555-867-5309"_s) != phone, qPrintable(it.key()));
            QVERIFY2(text.contains(u"[REDACTED PHONE]"_s) == phone, qPrintable(it.key()));
            QVERIFY2(text.contains(u"jane.doe@example.com"_s) != email, qPrintable(it.key()));
            QVERIFY2(text.contains(u"42 Oak Street"_s) != address, qPrintable(it.key()));
        }
        QCOMPARE(row.value(u"phone_number"_s).toString(), number);
        QCOMPARE(contactRow(m_b, number).value(u"phone"_s).toString(), number);
        QVERIFY(admin
                    ->exec("UPDATE org_settings SET redact_categories = DEFAULT WHERE org_id = "
                           "$1::uuid",
                           {m_b.orgId})
                    .ok());
    }

    void sentimentFallsBackToTheCallersWords_data()
    {
        QTest::addColumn<QString>("said");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("urgency");
        QTest::newRow("angry") << u"This is terrible, I'm really upset and frustrated."_s
                               << u"negative"_s << u"low"_s;
        QTest::newRow("happy and urgent")
            << u"Great, thank you! I have some swelling, can I come in as soon as possible?"_s
            << u"positive"_s << u"high"_s;
    }
    void sentimentFallsBackToTheCallersWords()
    {
        QFETCH(QString, said);
        QFETCH(QString, label);
        QFETCH(QString, urgency);
        const vm::CallInfo call = newCall(m_a, u"+15550143007"_s);
        vm::Report report;
        report.turns << say(vm::Turn::Kind::Bot, u"Hello, how can I help you today?"_s, 1)
                     << say(vm::Turn::Kind::User, said, 3);
        report.summary = u"A call."_s; // an analysis without structured data
        QCOMPARE(deliver(vm::endOfCallReport(call, report)).status, 200);
        const QJsonObject row = callRow(call.id);
        QCOMPARE(row.value(u"sentiment_label"_s).toString(), label);
        QCOMPARE(row.value(u"sentiment_urgency"_s).toString(), urgency);
    }

    void transfersAreRecorded()
    {
        const vm::CallInfo call = newCall(m_a, u"+15550143008"_s);
        const QJsonObject destination{{u"type"_s, u"number"_s},
                                      {u"number"_s, u"+15550001234"_s},
                                      {u"message"_s, u"Transferring you to our nurse."_s}};
        const QDateTime forwardedAt = call.startedAt.addSecs(60);
        QCOMPARE(
            deliver(vm::statusUpdate(call, u"forwarding"_s, forwardedAt, {}, destination)).status,
            200);
        vm::Report report;
        report.turns << say(vm::Turn::Kind::User, u"I need to talk to a nurse."_s, 5);
        report.endedReason = u"assistant-forwarded-call"_s;
        report.destination = destination;
        QCOMPARE(deliver(vm::endOfCallReport(call, report)).status, 200);
        const QJsonObject row = callRow(call.id);
        QCOMPARE(row.value(u"transfer_to"_s).toString(), u"+15550001234"_s);
        QCOMPARE(row.value(u"transfer_reason"_s).toString(),
                 u"The assistant transferred the caller to the clinic."_s);
        QCOMPARE(QDateTime::fromString(row.value(u"transfer_time"_s).toString(), Qt::ISODateWithMs),
                 forwardedAt);
    }

    void olderPayloadShapesStillWork()
    {
        const vm::CallInfo call = newCall(m_a, u"+15550143009"_s);
        vm::Report report;
        report.turns << say(vm::Turn::Kind::User, u"Do you do lip filler?"_s, 2);
        report.recordingBase = u"https://storage.vapi.test/legacy"_s;
        report.summary = u"Asked about fillers."_s;
        report.legacyShape = true;
        QJsonObject message = vm::endOfCallReport(call, report);
        QJsonObject artifact = message.value(u"artifact"_s).toObject();
        artifact.remove(u"messages"_s); // only the top-level transcript is left
        message[u"artifact"_s] = artifact;
        QCOMPARE(deliver(message).status, 200);
        const QJsonObject row = callRow(call.id);
        QCOMPARE(row.value(u"transcript"_s).toString(), u"User: Do you do lip filler?"_s);
        QCOMPARE(row.value(u"recording_url"_s).toString(),
                 u"https://storage.vapi.test/legacy-mono.wav"_s);
        QCOMPARE(row.value(u"summary"_s).toString(), u"Asked about fillers."_s);
        QCOMPARE(row.value(u"matched_services"_s).toArray(), QJsonArray{u"Fillers"_s});
        QCOMPARE(row.value(u"financial_value_cents"_s).toInteger(), 50000);
    }

    void anUnknownAssistantIsKeptRedacted()
    {
        vm::CallInfo call = newCall(m_a, u"+15550143010"_s);
        call.assistantId = u"asst-unknown"_s;
        vm::Report report;
        report.turns << say(vm::Turn::Kind::User, u"card 4111 1111 1111 1111"_s, 2);
        const HttpReply reply = deliver(vm::endOfCallReport(call, report));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"unresolved"_s).toBool(), true);
        auto admin = m_db->connectAsAdmin();
        auto kept = admin->exec("SELECT status, org_id IS NULL, payload::text FROM "
                                "webhook_deliveries WHERE provider_call_id = $1",
                                {call.id});
        QCOMPARE(kept->rowCount(), 1);
        QCOMPARE(kept->text(0, 0), u"unresolved"_s);
        QVERIFY(kept->toBool(0, 1));
        QVERIFY(kept->text(0, 2).contains(u"[REDACTED CARD]"_s));
        QVERIFY(!kept->text(0, 2).contains(u"4111 1111"_s));
        // No clinic's choice applies to it: the caller's number goes too.
        QVERIFY(!kept->text(0, 2).contains(u"5550143010"_s));
        QVERIFY(kept->text(0, 2).contains(u"[REDACTED PHONE]"_s));
        QVERIFY(callRow(call.id).isEmpty());
        QCOMPARE(deliver(vm::endOfCallReport(call, report)).status, 200); // kept once
        QCOMPARE(count(*m_db, "SELECT count(*) FROM webhook_deliveries WHERE provider_call_id = $1",
                       {call.id}),
                 1);
    }

    void anotherClinicsAssistantCannotTouchACall()
    {
        const vm::CallInfo call = newCall(m_a, u"+15550143011"_s);
        QCOMPARE(deliver(vm::statusUpdate(call, u"in-progress"_s, call.startedAt)).status, 200);
        vm::CallInfo spoof = call;
        spoof.assistantId = m_b.assistantId;
        vm::Report report;
        report.turns << say(vm::Turn::Kind::User, u"overwritten?"_s, 2);
        QCOMPARE(deliver(vm::endOfCallReport(spoof, report)).status, 200);
        const QJsonObject row = callRow(call.id);
        QCOMPARE(row.value(u"org_id"_s).toString(), m_a.orgId);
        QCOMPARE(row.value(u"status"_s).toString(), u"in-progress"_s);
        QVERIFY(row.value(u"transcript"_s).isNull());
        QVERIFY(contactRow(m_b, u"+15550143011"_s).isEmpty());
    }

    void assistantRequestAnswersWithTheCallersContext()
    {
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin
                    ->exec("INSERT INTO phone_numbers (org_id, number, vapi_phone_number_id) "
                           "VALUES ($1::uuid, '+15550009999', 'pn-glow')",
                           {m_a.orgId})
                    .ok());
        vm::CallInfo call = newCall(m_a, u"+15550143003"_s); // Maria, who booked above
        call.assistantId.clear();
        call.phoneNumberId = u"pn-glow"_s;
        const HttpReply reply =
            deliver(vm::assistantRequest(call, QDateTime::currentDateTimeUtc()));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"assistantId"_s).toString(), m_a.assistantId);
        const QJsonObject vars = reply.json()
                                     .value(u"assistantOverrides"_s)
                                     .toObject()
                                     .value(u"variableValues"_s)
                                     .toObject();
        QCOMPARE(vars.value(u"callerName"_s).toString(), u"Maria Lopez"_s);
        QCOMPARE(vars.value(u"callerKnown"_s).toBool(), true);
        QCOMPARE(vars.value(u"previousCalls"_s).toInt(), 1);
        QVERIFY2(vars.value(u"upcomingAppointments"_s).toString().startsWith(u"Botox on "_s),
                 qPrintable(vars.value(u"upcomingAppointments"_s).toString()));

        call.phoneNumberId = u"pn-nobody"_s;
        const HttpReply unknown =
            deliver(vm::assistantRequest(call, QDateTime::currentDateTimeUtc()));
        QCOMPARE(unknown.status, 200);
        QVERIFY(!unknown.json().value(u"error"_s).toString().isEmpty());
        QVERIFY(!unknown.json().contains(u"assistantId"_s));
    }

    // Vapi redelivers whatever is not answered 2xx. A delivery that can never be stored is
    // answered 200 with the reason, so it is not redelivered forever, and kept for the clinic's
    // admins with everything about the caller masked.
    void aDeliveryThatCanNeverBeStoredIsKeptNotRetried_data()
    {
        QTest::addColumn<QJsonObject>("message");
        QTest::addColumn<QString>("problem");
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto statusOf = [&](const QString &callId) {
            vm::CallInfo call = newCall(m_a, u"+15550143020"_s, u"Problem Caller"_s);
            if (!callId.isEmpty())
                call.id = callId;
            return vm::statusUpdate(call, u"in-progress"_s, now);
        };
        QTest::newRow("a call id of 300 characters")
            << statusOf(u"c"_s.repeated(300)) << u"call.id is longer than 200 characters."_s;
        QTest::newRow("a call id with a control character")
            << statusOf(u"call-\u0001-bell"_s) << u"call.id contains control characters."_s;
        QJsonObject impossibleDay = statusOf({});
        impossibleDay[u"startedAt"_s] = u"2026-02-30T10:00:00Z"_s;
        QTest::newRow("30 February as the start")
            << impossibleDay << u"startedAt is not a time between the years 1900 and 9999."_s;
        QJsonObject farEpoch = statusOf({});
        farEpoch[u"timestamp"_s] = 1e15; // milliseconds: the year 33658
        QTest::newRow("an epoch timestamp beyond year 9999")
            << farEpoch << u"timestamp is not a time between the years 1900 and 9999."_s;
        vm::CallInfo reported = newCall(m_a, u"+15550143021"_s, u"Problem Caller"_s);
        vm::Report report;
        report.turns << say(vm::Turn::Kind::User, u"My e-mail is jane@example.com"_s, 2);
        QJsonObject zeroDate = vm::endOfCallReport(reported, report);
        QJsonObject call = zeroDate.value(u"call"_s).toObject();
        call[u"createdAt"_s] = u"0000-00-00T00:00:00Z"_s;
        zeroDate[u"call"_s] = call;
        QTest::newRow("a report whose call was created on 0000-00-00")
            << zeroDate << u"call.createdAt is not a time between the years 1900 and 9999."_s;
    }
    void aDeliveryThatCanNeverBeStoredIsKeptNotRetried()
    {
        QFETCH(QJsonObject, message);
        QFETCH(QString, problem);
        const qint64 callsBefore = count(*m_db, "SELECT count(*) FROM call_logs");
        const HttpReply reply = deliver(message);
        QCOMPARE(reply.status, 200);
        const QJsonObject body = reply.json();
        QCOMPARE(body.value(u"received"_s).toBool(), true);
        QCOMPARE(body.value(u"stored"_s).toBool(true), false);
        QCOMPARE(body.value(u"problem"_s).toString(), problem);
        QCOMPARE(count(*m_db, "SELECT count(*) FROM call_logs"), callsBefore);

        auto admin = m_db->connectAsAdmin();
        auto kept = admin->exec("SELECT org_id::text, message_type, problem, excerpt FROM "
                                "webhook_problems WHERE problem = $1 ORDER BY received_at DESC",
                                {problem});
        QVERIFY(kept.ok());
        QCOMPARE(kept->rowCount(), 1);
        QCOMPARE(kept->text(0, 0), m_a.orgId);
        QCOMPARE(kept->text(0, 1), message.value(u"type"_s).toString());
        const QString excerpt = kept->text(0, 3);
        QVERIFY(excerpt.size() <= 2000);
        QVERIFY2(excerpt.contains(m_a.assistantId), qPrintable(excerpt));
        for (const QString &secret :
             {u"5550143"_s, u"Problem Caller"_s, u"jane@example.com"_s, u"My e-mail"_s})
            QVERIFY2(!excerpt.contains(secret), qPrintable(secret + u" in "_s + excerpt));

        // Delivered again (by a retry elsewhere): the same answer, still kept once.
        QCOMPARE(deliver(message).status, 200);
        QCOMPARE(
            count(*m_db, "SELECT count(*) FROM webhook_problems WHERE problem = $1", {problem}), 1);
    }

    void keptProblemsArePrunedAfter30Days()
    {
        const QDateTime pruneAt(QDate(2026, 1, 31), QTime(3, 30), QTimeZone::utc());
        auto admin = m_db->connectAsAdmin();
        for (const auto &[marker, age] : {std::pair{'a', 31}, std::pair{'b', 29}}) {
            QVERIFY(admin
                        ->exec("INSERT INTO webhook_problems (org_id, message_type, problem, "
                               "excerpt, body_sha256, received_at) VALUES ($1::uuid, "
                               "'status-update', 'prune test', '{}', $2, $3::timestamptz)",
                               {m_a.orgId, QString(64, QChar::fromLatin1(marker)),
                                pruneAt.addDays(-age)})
                        .ok());
        }
        vox::db::Database db(m_db->settings());
        const auto pruned = vox::server::webhookproblems::pruneProblems(
            db, pruneAt.addDays(-vox::server::webhookproblems::problemRetentionDays));
        QVERIFY(pruned.ok());
        QCOMPARE(*pruned, 1);
        QCOMPARE(scalar(*m_db, "SELECT string_agg(left(body_sha256, 1), ',') FROM "
                               "webhook_problems WHERE problem = 'prune test'"),
                 u"b"_s);
    }

    void otherMessagesAreAccepted()
    {
        const vm::CallInfo call = newCall(m_a, u"+15550143012"_s);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(deliver(vm::transcript(call, u"user"_s, u"Hello?"_s, now)).status, 200);
        QCOMPARE(deliver(vm::hang(call, now)).status, 200);
        QJsonObject future = vm::hang(call, now);
        future[u"type"_s] = u"something-vapi-adds-next-year"_s;
        QCOMPARE(deliver(future).status, 200);
        QVERIFY(callRow(call.id).isEmpty());
        QCOMPARE(m_client
                     ->send("POST", u"/api/webhooks/vapi"_s, "{\"message\": {}}",
                            {{"x-vapi-secret", TestServer::webhookSecret.toUtf8()}})
                     .status,
                 400);
    }
};

QTEST_MAIN(TestVapiWebhooks)
#include "tst_vapiwebhooks.moc"
