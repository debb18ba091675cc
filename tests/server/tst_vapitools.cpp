// POST /api/vapi/tools (S-tools): Vapi's authentication, one result per tool call in the bare
// {"results": [...]} shape, arguments as a JSON string or an object, bookings idempotent on the
// tool call id, and every bad argument answered with a sentence the AI can say.
#include "core/logging/log.h"
#include "core/vapisignature.h"
#include "sandbox/vapimessages.h"
#include "vapitestkit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace vox::test;
namespace vm = vox::sandbox::vapimessages;

class TestVapiTools : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_client;
    Clinic m_a;
    Clinic m_b;
    int m_calls = 0;
    int m_toolCalls = 0;

    vm::CallInfo callFrom(const Clinic &clinic, const QString &number = u"+15550142001"_s,
                          const QString &name = u"Maria Lopez"_s)
    {
        vm::CallInfo info;
        info.id = u"call-tools-%1"_s.arg(++m_calls);
        info.assistantId = clinic.assistantId;
        info.clinicNumber = u"+15550009999"_s;
        info.customerNumber = number;
        info.customerName = name;
        info.createdAt = QDateTime::currentDateTimeUtc();
        info.startedAt = info.createdAt;
        return info;
    }

    vm::Turn tool(const QString &name, const QJsonObject &args, const QString &id = {})
    {
        vm::Turn t;
        t.kind = vm::Turn::Kind::ToolCall;
        t.toolName = name;
        t.arguments = args;
        t.toolCallId = id.isEmpty() ? u"call_%1"_s.arg(++m_toolCalls) : id;
        return t;
    }

    // One tool call; its result text.
    QString ask(const vm::CallInfo &call, const vm::Turn &turn, bool argsAsString = true)
    {
        const HttpReply reply =
            postVapi(*m_client, u"/api/vapi/tools"_s,
                     vm::toolCalls(call, {turn}, QDateTime::currentDateTimeUtc(), argsAsString));
        if (reply.status != 200)
            return u"HTTP %1: %2"_s.arg(reply.status).arg(QString::fromUtf8(reply.body));
        const QJsonArray results = reply.json().value(u"results"_s).toArray();
        if (results.size() != 1)
            return u"results: "_s + QString::fromUtf8(reply.body);
        const QJsonObject r = results.first().toObject();
        if (r.value(u"toolCallId"_s).toString() != turn.toolCallId ||
            r.value(u"name"_s).toString() != turn.toolName)
            return u"mismatched result: "_s + QString::fromUtf8(reply.body);
        return r.value(u"result"_s).toString();
    }

    qint64 appointments(const Clinic &clinic)
    {
        return count(*m_db, "SELECT count(*) FROM appointments WHERE org_id = $1::uuid",
                     {clinic.orgId});
    }

private slots:
    void initTestCase()
    {
        vox::log::setupStderr(vox::log::Level::Error);
        m_db = std::make_unique<TestDatabase>(u"vapitools"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_server = std::make_unique<TestServer>(
            *m_db, QHash<QString, QString>{{u"VAPI_HMAC_SECRET"_s, u"hmac-test-secret"_s}});
        QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
        m_client = m_server->client();
        m_a = createClinic(*m_client, *m_db, u"Glow Clinic"_s, u"America/New_York"_s);
        m_b = createClinic(*m_client, *m_db, u"Other Clinic"_s, u"America/New_York"_s);
    }

    void init()
    {
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin->exec("DELETE FROM appointments").ok());
        QVERIFY(admin->exec("DELETE FROM contacts").ok());
    }

    void onlyVapiMayCall_data()
    {
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QString>("hmacSecret");
        QTest::addColumn<qint64>("skewSeconds");
        QTest::addColumn<int>("status");
        QTest::newRow("shared secret")
            << QByteArray("test-vapi-webhook-secret") << QString() << qint64(0) << 200;
        QTest::newRow("wrong secret")
            << QByteArray("test-vapi-webhook-secreT") << QString() << qint64(0) << 401;
        QTest::newRow("nothing") << QByteArray() << QString() << qint64(0) << 401;
        QTest::newRow("hmac") << QByteArray() << u"hmac-test-secret"_s << qint64(-60) << 200;
        QTest::newRow("hmac signed with another secret")
            << QByteArray() << u"not-the-secret"_s << qint64(0) << 401;
        QTest::newRow("hmac six minutes old")
            << QByteArray() << u"hmac-test-secret"_s << qint64(-360) << 401;
    }
    void onlyVapiMayCall()
    {
        QFETCH(QByteArray, secret);
        QFETCH(QString, hmacSecret);
        QFETCH(qint64, skewSeconds);
        QFETCH(int, status);
        const QDate monday = nextWeekday(1);
        const QByteArray body =
            QJsonDocument(vm::envelope(vm::toolCalls(
                              callFrom(m_a),
                              {tool(u"bookClinicAppointment"_s,
                                    {{u"name"_s, u"Eve"_s},
                                     {u"service"_s, u"Botox"_s},
                                     {u"datetime"_s, wallClock(monday, QTime(9, 0))}})},
                              QDateTime::currentDateTimeUtc())))
                .toJson(QJsonDocument::Compact);
        QHash<QByteArray, QByteArray> headers;
        if (!secret.isEmpty())
            headers.insert("x-vapi-secret", secret);
        if (!hmacSecret.isEmpty()) {
            const QByteArray stamp =
                QByteArray::number(QDateTime::currentSecsSinceEpoch() + skewSeconds);
            headers.insert("x-timestamp", stamp);
            headers.insert("x-signature", vox::vapi::signature(stamp, body, hmacSecret));
        }
        const HttpReply reply = m_client->send("POST", u"/api/vapi/tools"_s, body, headers);
        QCOMPARE(reply.status, status);
        QCOMPARE(appointments(m_a), status == 200 ? 1 : 0);
        if (status == 401)
            QVERIFY(!reply.body.contains("results"));
    }

    void checkAvailabilityAnswersInWords_data()
    {
        QTest::addColumn<QJsonObject>("args");
        QTest::addColumn<QString>("expected");
        const QDate monday = nextWeekday(1);
        QTest::newRow("a day with times")
            << QJsonObject{{u"date"_s, monday.toString(Qt::ISODate)}, {u"service"_s, u"botox"_s}}
            << u"we have these times for Botox (30 minutes): 9:00 AM, 9:30 AM"_s;
        QTest::newRow("keyword finds the service")
            << QJsonObject{{u"date"_s, monday.toString(Qt::ISODate)},
                           {u"service"_s, u"a nose job"_s}}
            << u"for Rhinoplasty (60 minutes)"_s;
        QTest::newRow("no service: a consultation")
            << QJsonObject{{u"date"_s, monday.toString(Qt::ISODate)}}
            << u"for Consultation (30 minutes)"_s;
        QTest::newRow("sunday") << QJsonObject{{u"date"_s, nextWeekday(7).toString(Qt::ISODate)}}
                                << u"We're closed on Sundays. The next opening is Monday"_s;
        QTest::newRow("past") << QJsonObject{{u"date"_s, u"2020-02-03"_s}}
                              << u"has already passed"_s;
        QTest::newRow("garbage date")
            << QJsonObject{{u"date"_s, u"next blue moon"_s}} << u"couldn't understand the date"_s;
        QTest::newRow("no date") << QJsonObject{} << u"Which day"_s;
        QTest::newRow("30 February")
            << QJsonObject{{u"date"_s, u"2027-02-30"_s}}
            << u"couldn't understand the date \"2027-02-30\" (2027-02-30 is not a date: February "
               "2027 has 28 days)"_s;
        QTest::newRow("year 9999")
            << QJsonObject{{u"date"_s, u"9999-06-01"_s}} << u"June 1, 9999 is too far ahead"_s;
        QTest::newRow("unknown service") << QJsonObject{{u"date"_s, monday.toString(Qt::ISODate)},
                                                        {u"service"_s, u"tattoo removal"_s}}
                                         << u"We don't offer \"tattoo removal\". We offer Botox"_s;
    }
    void checkAvailabilityAnswersInWords()
    {
        QFETCH(QJsonObject, args);
        QFETCH(QString, expected);
        const QString result = ask(callFrom(m_a), tool(u"checkAvailability"_s, args));
        QVERIFY2(result.contains(expected), qPrintable(result));
    }

    void booksOnceForOneToolCall()
    {
        const QDate monday = nextWeekday(1);
        const vm::CallInfo call = callFrom(m_a);
        const vm::Turn booking = tool(u"bookClinicAppointment"_s,
                                      {{u"name"_s, u"Maria Lopez"_s},
                                       {u"phone"_s, u"(555) 014-2001"_s},
                                       {u"service"_s, u"Botox"_s},
                                       {u"datetime"_s, wallClock(monday, QTime(10, 0))},
                                       {u"notes"_s, u"first visit"_s}},
                                      u"call_booking_1"_s);
        const QString first = ask(call, booking);
        QVERIFY2(first.startsWith(u"Booked: Botox for Maria Lopez on Monday"_s), qPrintable(first));
        QVERIFY2(first.contains(u"10:00 AM"_s), qPrintable(first));
        // Vapi retries (and older deliveries send the arguments as an object): same answer.
        QCOMPARE(ask(call, booking, false), first);
        QCOMPARE(appointments(m_a), 1);
        auto admin = m_db->connectAsAdmin();
        auto row = admin->exec(
            "SELECT a.source, a.vapi_call_id, a.source_tool_call_id, c.phone, c.name, a.notes, "
            "a.starts_at = $2::timestamptz FROM appointments a JOIN contacts c ON c.id = "
            "a.contact_id WHERE a.org_id = $1::uuid",
            {m_a.orgId, at(monday, QTime(10, 0), m_a.zone)});
        QCOMPARE(row->text(0, 0), u"ai"_s);
        QCOMPARE(row->text(0, 1), call.id);
        QCOMPARE(row->text(0, 2), u"call_booking_1"_s);
        QCOMPARE(row->text(0, 3), u"+15550142001"_s); // read without +1, stored as E.164
        QCOMPARE(row->text(0, 4), u"Maria Lopez"_s);
        QCOMPARE(row->text(0, 5), u"first visit"_s);
        QVERIFY(row->toBool(0, 6));
        QCOMPARE(count(*m_db,
                       "SELECT count(*) FROM events e JOIN appointments a ON a.id = e.entity_id "
                       "WHERE e.org_id = $1::uuid AND e.type = 'appointment.created'",
                       {m_a.orgId}),
                 1);
    }

    void badArgumentsAreSentences_data()
    {
        QTest::addColumn<QJsonObject>("args");
        QTest::addColumn<QString>("expected");
        const QDate monday = nextWeekday(1);
        const QJsonObject good{{u"name"_s, u"Sam"_s},
                               {u"phone"_s, u"+15550142002"_s},
                               {u"service"_s, u"Botox"_s},
                               {u"datetime"_s, wallClock(monday, QTime(11, 0))}};
        auto without = [&](const QString &key) {
            QJsonObject o = good;
            o.remove(key);
            return o;
        };
        auto with = [&](const QString &key, const QJsonValue &value) {
            QJsonObject o = good;
            o.insert(key, value);
            return o;
        };
        QTest::newRow("malformed phone")
            << with(u"phone"_s, u"12"_s) << u"couldn't understand the phone number \"12\""_s;
        QTest::newRow("no service") << without(u"service"_s) << u"Which service"_s;
        QTest::newRow("unknown service")
            << with(u"service"_s, u"a tattoo"_s) << u"We don't offer"_s;
        QTest::newRow("no time") << without(u"datetime"_s) << u"What day and time"_s;
        QTest::newRow("unreadable time")
            << with(u"datetime"_s, u"half past never"_s) << u"couldn't understand the time"_s;
        QTest::newRow("in the past")
            << with(u"datetime"_s, u"2021-03-01T10:00:00"_s) << u"has already passed"_s;
        QTest::newRow("30 February")
            << with(u"datetime"_s, u"2027-02-30T10:00:00"_s)
            << u"couldn't understand the time \"2027-02-30T10:00:00\" (2027-02-30 is not a date: "
               "February 2027 has 28 days)"_s;
        QTest::newRow("year 9999") << with(u"datetime"_s, u"9999-06-01T10:00:00"_s)
                                   << u"June 1, 9999 is too far ahead: appointments can be "
                                      "booked up to 730 days ahead"_s;
        QTest::newRow("sunday") << with(u"datetime"_s, wallClock(nextWeekday(7), QTime(11, 0)))
                                << u"We're closed on Sundays. The next opening is Monday"_s;
        QTest::newRow("after hours") << with(u"datetime"_s, wallClock(monday, QTime(19, 0)))
                                     << u"outside our opening hours: on Mondays we're open "
                                        "9:00 AM–5:00 PM"_s;
        QTest::newRow("a number where a name should be")
            << with(u"service"_s, 42) << u"We don't offer \"42\""_s;
    }
    void badArgumentsAreSentences()
    {
        QFETCH(QJsonObject, args);
        QFETCH(QString, expected);
        const QString result = ask(callFrom(m_a), tool(u"bookClinicAppointment"_s, args));
        QVERIFY2(result.contains(expected), qPrintable(result));
        QVERIFY(!result.startsWith(u"HTTP"_s));
        QCOMPARE(appointments(m_a), 0);
    }

    // A booking made during a call asks the calendar module to copy it to the clinic's external
    // calendar only when one is linked and working: the job would have nothing to do otherwise,
    // and it costs the voice path's database its round trips.
    // A failed tool call is kept for the quality report, by kind; a question back to the AI
    // ("which service?") and a success are not failures.
    void failedToolCallsAreRecordedByKind_data()
    {
        QTest::addColumn<QString>("toolName");
        QTest::addColumn<QJsonObject>("args");
        QTest::addColumn<QString>("kind");
        const QDate monday = nextWeekday(1);
        const QJsonObject good{{u"name"_s, u"Sam"_s},
                               {u"phone"_s, u"+15550142002"_s},
                               {u"service"_s, u"Botox"_s},
                               {u"datetime"_s, wallClock(monday, QTime(11, 0))}};
        auto with = [&](const QString &key, const QJsonValue &value) {
            QJsonObject o = good;
            o.insert(key, value);
            return o;
        };
        const QString book = u"bookClinicAppointment"_s;
        QTest::newRow("a service the clinic does not offer")
            << book << with(u"service"_s, u"a tattoo"_s) << u"unknown_service"_s;
        QTest::newRow("asking availability of an unknown service")
            << u"checkAvailability"_s
            << QJsonObject{{u"date"_s, monday.toString(Qt::ISODate)}, {u"service"_s, u"a tattoo"_s}}
            << u"unknown_service"_s;
        QTest::newRow("a booking the rules refuse (closed on Sunday)")
            << book << with(u"datetime"_s, wallClock(nextWeekday(7), QTime(11, 0)))
            << u"booking_refused"_s;
        QTest::newRow("a tool the clinic does not have")
            << u"sendFax"_s << QJsonObject() << u"unknown_tool"_s;
        QTest::newRow("cancelling an appointment that is not there")
            << u"cancelAppointment"_s << QJsonObject{{u"appointmentId"_s, u"abcdef12"_s}}
            << u"appointment_not_found"_s;
        QTest::newRow("asking back for the service is no failure")
            << book << QJsonObject{{u"name"_s, u"Sam"_s}} << QString();
        QTest::newRow("a booking made is no failure") << book << good << QString();
    }
    void failedToolCallsAreRecordedByKind()
    {
        QFETCH(QString, toolName);
        QFETCH(QJsonObject, args);
        QFETCH(QString, kind);
        const vm::CallInfo call = callFrom(m_a);
        const QString result = ask(call, tool(toolName, args));
        QVERIFY2(!result.startsWith(u"HTTP"_s), qPrintable(result));
        auto admin = m_db->connectAsAdmin();
        auto rows = admin->exec("SELECT kind, tool, org_id::text FROM tool_errors "
                                "WHERE vapi_call_id = $1",
                                {call.id});
        QVERIFY(rows.ok());
        if (kind.isEmpty()) {
            QCOMPARE(rows->rowCount(), 0);
            return;
        }
        QCOMPARE(rows->rowCount(), 1);
        QCOMPARE(rows->text(0, 0), kind);
        QCOMPARE(rows->text(0, 1), toolName);
        QCOMPARE(rows->text(0, 2), m_a.orgId);
    }

    // A live call's failed tool call counts when it arrives, as Vapi waits for the answer; a
    // message sent long before replays a past call (the demo's week) and counts on its day.
    void aToolErrorCountsOnTheDayItsMessageWasSent_data()
    {
        QTest::addColumn<qint64>("secondsBefore");
        QTest::addColumn<bool>("onArrival");
        QTest::newRow("live, sent just now") << qint64(0) << true;
        QTest::newRow("live, Vapi waited four minutes") << qint64(4 * 60) << true;
        QTest::newRow("replayed, sent two days before") << qint64(2 * 86400) << false;
        QTest::newRow("a stray time two months back") << qint64(60 * 86400) << true;
    }
    void aToolErrorCountsOnTheDayItsMessageWasSent()
    {
        QFETCH(qint64, secondsBefore);
        QFETCH(bool, onArrival);
        auto admin = m_db->connectAsAdmin();
        auto before = admin->exec("SELECT now()::text");
        QVERIFY(before);
        const vm::CallInfo call = callFrom(m_a);
        const QDateTime sent = QDateTime::currentDateTimeUtc().addSecs(-secondsBefore);
        const HttpReply reply = postVapi(*m_client, u"/api/vapi/tools"_s,
                                         vm::toolCalls(call, {tool(u"sendFax"_s, {})}, sent, true));
        QCOMPARE(reply.status, 200);
        auto row = admin->exec("SELECT occurred_at >= $2::timestamptz, "
                               "abs(extract(epoch FROM occurred_at - $3::timestamptz)) < 0.01 "
                               "FROM tool_errors WHERE vapi_call_id = $1",
                               {call.id, before->text(0, 0), sent.toString(Qt::ISODateWithMs)});
        QVERIFY(row);
        QCOMPARE(row->rowCount(), 1);
        if (onArrival)
            QVERIFY2(row->toBool(0, 0), "counted when it arrived");
        else
            QVERIFY2(row->toBool(0, 1), "counted when it was sent");
    }

    void aBookingIsCopiedToTheCalendarOnlyWhenOneIsLinked_data()
    {
        QTest::addColumn<QString>("googleLink");
        QTest::addColumn<qint64>("mirrorJobs");
        QTest::newRow("no calendar linked") << QString() << qint64(0);
        QTest::newRow("Google Calendar linked") << u"active"_s << qint64(1);
        QTest::newRow("the Google link is broken") << u"broken"_s << qint64(0);
    }
    void aBookingIsCopiedToTheCalendarOnlyWhenOneIsLinked()
    {
        QFETCH(QString, googleLink);
        QFETCH(qint64, mirrorJobs);
        auto admin = m_db->connectAsAdmin();
        QVERIFY(
            admin->exec("DELETE FROM org_credentials WHERE org_id = $1::uuid", {m_a.orgId}).ok());
        if (!googleLink.isEmpty())
            QVERIFY(admin
                        ->exec("INSERT INTO org_credentials (org_id, provider, key_id, ciphertext, "
                               "status) VALUES ($1::uuid, 'google', 'test', '\\x00', $2)",
                               {m_a.orgId, googleLink})
                        .ok());
        const vm::Turn booking = tool(u"bookClinicAppointment"_s,
                                      {{u"name"_s, u"Eve"_s},
                                       {u"service"_s, u"Botox"_s},
                                       {u"datetime"_s, wallClock(nextWeekday(2), QTime(11, 0))}});
        const QString result = ask(callFrom(m_a), booking);
        QVERIFY(
            admin->exec("DELETE FROM org_credentials WHERE org_id = $1::uuid", {m_a.orgId}).ok());
        QVERIFY2(result.startsWith(u"Booked"_s), qPrintable(result));
        QCOMPARE(count(*m_db,
                       "SELECT count(*) FROM jobs j JOIN appointments a ON a.id::text = "
                       "j.payload->>'appointment_id' WHERE j.kind = 'calendar.sync_appointment' "
                       "AND a.source_tool_call_id = $1",
                       {booking.toolCallId}),
                 mirrorJobs);
    }

    void unreadableArgumentsAreASentenceToo()
    {
        QJsonObject message = vm::toolCalls(callFrom(m_a), {tool(u"checkAvailability"_s, {})},
                                            QDateTime::currentDateTimeUtc());
        QJsonArray list = message.value(u"toolCallList"_s).toArray();
        QJsonObject first = list.first().toObject();
        first[u"function"_s] =
            QJsonObject{{u"name"_s, u"checkAvailability"_s}, {u"arguments"_s, u"{\"date\": "_s}};
        list[0] = first;
        message[u"toolCallList"_s] = list;
        const HttpReply reply = postVapi(*m_client, u"/api/vapi/tools"_s, message);
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.json()
                    .value(u"results"_s)
                    .toArray()
                    .first()
                    .toObject()
                    .value(u"result"_s)
                    .toString()
                    .contains(u"couldn't read the details"_s));
    }

    void aTakenSlotOffersTheNearestFreeTimes()
    {
        const QDate monday = nextWeekday(1);
        const QJsonObject args{{u"name"_s, u"First"_s},
                               {u"service"_s, u"Consultation"_s},
                               {u"datetime"_s, wallClock(monday, QTime(14, 0))}};
        QVERIFY(ask(callFrom(m_a, u"+15550142010"_s), tool(u"bookClinicAppointment"_s, args))
                    .startsWith(u"Booked"_s));
        QJsonObject second = args;
        second[u"name"_s] = u"Second"_s;
        const QString result =
            ask(callFrom(m_a, u"+15550142011"_s), tool(u"bookClinicAppointment"_s, second));
        QVERIFY2(result.startsWith(u"Sorry, that time was just taken. The nearest free times "
                                   "are: "_s),
                 qPrintable(result));
        QVERIFY2(result.contains(u"1:30 PM"_s) && result.contains(u"2:30 PM"_s),
                 qPrintable(result));
        QCOMPARE(appointments(m_a), 1);
    }

    void answersEveryCallOfAMessageInOrder()
    {
        const QDate monday = nextWeekday(1);
        const QList<vm::Turn> turns{
            tool(u"lookupCaller"_s, {}, u"tc-a"_s),
            tool(u"checkAvailability"_s, {{u"date"_s, monday.toString(Qt::ISODate)}}, u"tc-b"_s),
            tool(u"sendFax"_s, {}, u"tc-c"_s)};
        const HttpReply reply =
            postVapi(*m_client, u"/api/vapi/tools"_s,
                     vm::toolCalls(callFrom(m_a), turns, QDateTime::currentDateTimeUtc()));
        QCOMPARE(reply.status, 200);
        const QJsonArray results = reply.json().value(u"results"_s).toArray();
        QCOMPARE(results.size(), 3);
        QCOMPARE(results.at(0).toObject().value(u"toolCallId"_s).toString(), u"tc-a"_s);
        QCOMPARE(results.at(1).toObject().value(u"name"_s).toString(), u"checkAvailability"_s);
        QVERIFY(results.at(2).toObject().value(u"result"_s).toString().contains(u"can't do"_s));
        QVERIFY(!reply.json().contains(u"messageResponse"_s)); // the bare shape Vapi reads
        // The same through the webhook URL, where Vapi may send tool calls too.
        const HttpReply viaWebhook =
            postVapi(*m_client, u"/api/webhooks/vapi"_s,
                     vm::toolCalls(callFrom(m_a), turns, QDateTime::currentDateTimeUtc()));
        QCOMPARE(viaWebhook.json().value(u"results"_s).toArray().size(), 3);
    }

    void reschedulesAndCancelsWhatTheCallerMeans()
    {
        const QDate monday = nextWeekday(1);
        const vm::CallInfo call = callFrom(m_a, u"+15550142020"_s, u"Rita"_s);
        const QString booked = ask(call, tool(u"bookClinicAppointment"_s,
                                              {{u"service"_s, u"Botox"_s},
                                               {u"datetime"_s, wallClock(monday, QTime(9, 0))}}));
        QVERIFY2(booked.startsWith(u"Booked: Botox for Rita"_s), qPrintable(booked));
        const QString code = booked.section(u"Confirmation code "_s, 1).chopped(1);
        QCOMPARE(code.size(), 8);

        const QString moved =
            ask(call, tool(u"rescheduleAppointment"_s,
                           {{u"newDatetime"_s, wallClock(monday, QTime(15, 0))}}));
        QVERIFY2(moved.startsWith(u"Rescheduled: Botox is now on Monday"_s), qPrintable(moved));
        QVERIFY2(moved.contains(u"3:00 PM"_s), qPrintable(moved));
        const QString clash = ask(
            callFrom(m_a, u"+15550142021"_s, u"Other"_s),
            tool(u"bookClinicAppointment"_s,
                 {{u"service"_s, u"Botox"_s}, {u"datetime"_s, wallClock(monday, QTime(15, 0))}}));
        QVERIFY2(clash.startsWith(u"Sorry"_s), qPrintable(clash));

        // Another clinic's assistant cannot touch it, even with the code.
        const QString foreign = ask(callFrom(m_b, u"+15550142020"_s),
                                    tool(u"cancelAppointment"_s, {{u"appointmentId"_s, code}}));
        QVERIFY2(foreign.contains(u"couldn't find"_s), qPrintable(foreign));

        const QString cancelled =
            ask(callFrom(m_a, u"+15550000000"_s),
                tool(u"cancelAppointment"_s,
                     {{u"appointmentId"_s, code.toLower()}, {u"reason"_s, u"travelling"_s}}));
        QVERIFY2(cancelled.startsWith(u"Cancelled: Botox on Monday"_s), qPrintable(cancelled));
        QCOMPARE(scalar(*m_db,
                        "SELECT status FROM appointments WHERE org_id = $1::uuid "
                        "AND starts_at = $2::timestamptz",
                        {m_a.orgId, at(monday, QTime(15, 0), m_a.zone)}),
                 u"cancelled"_s);
        const QString again = ask(call, tool(u"cancelAppointment"_s, {}));
        QVERIFY2(again.contains(u"couldn't find an upcoming appointment"_s), qPrintable(again));
    }

    void lookupCallerRemembersTheNumber()
    {
        const QString unknown = ask(callFrom(m_a, u"+15550142030"_s), tool(u"lookupCaller"_s, {}));
        QCOMPARE(unknown, u"This number has not called the clinic before."_s);
        const QDate monday = nextWeekday(1);
        QVERIFY(ask(callFrom(m_a, u"+15550142030"_s, u"Nora"_s),
                    tool(u"bookClinicAppointment"_s,
                         {{u"service"_s, u"Fillers"_s},
                          {u"datetime"_s, wallClock(monday, QTime(13, 0))}}))
                    .startsWith(u"Booked"_s));
        const QString known = ask(callFrom(m_a, u"+15550009876"_s),
                                  tool(u"lookupCaller"_s, {{u"phone"_s, u"+1 555 014 2030"_s}}));
        QVERIFY2(known.startsWith(u"Returning caller: Nora."_s), qPrintable(known));
        QVERIFY2(known.contains(u"Upcoming: Fillers on Monday"_s), qPrintable(known));
        // Org B knows nothing about org A's caller.
        QCOMPARE(ask(callFrom(m_b, u"+15550142030"_s), tool(u"lookupCaller"_s, {})),
                 u"This number has not called the clinic before."_s);
    }

    // The AI writes down what the caller says, without a country code; a British clinic's
    // "07700 900555" is a British number.
    void theAisNumbersAreReadInTheClinicsCountry()
    {
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin->exec("UPDATE org_settings SET phone_country = 'GB' WHERE org_id = $1::uuid",
                            {m_b.orgId}));
        QVERIFY(admin->exec("INSERT INTO contacts (org_id, phone, name) VALUES ($1::uuid, "
                            "'+447700900555', 'Olly')",
                            {m_b.orgId}));
        const QString known = ask(callFrom(m_b, u"+15550009876"_s),
                                  tool(u"lookupCaller"_s, {{u"phone"_s, u"07700 900555"_s}}));
        QVERIFY(admin->exec("UPDATE org_settings SET phone_country = 'US' WHERE org_id = $1::uuid",
                            {m_b.orgId}));
        QVERIFY2(known.startsWith(u"Returning caller: Olly."_s), qPrintable(known));
    }

    void queryKnowledgeBaseSearchesTheClinicsDocuments()
    {
        auto admin = m_db->connectAsAdmin();
        for (const auto &[clinic, text] :
             {std::pair{m_a, u"Free parking is available behind the building on Elm Street."_s},
              std::pair{m_b, u"We validate parking at the Main Street garage."_s}}) {
            auto doc = admin->exec("INSERT INTO knowledge_documents (org_id, filename, mime_type, "
                                   "size_bytes, sha256) VALUES ($1::uuid, 'faq.md', "
                                   "'text/markdown', 100, md5(random()::text)) RETURNING id",
                                   {clinic.orgId});
            QVERIFY(doc.ok());
            QVERIFY(admin
                        ->exec("INSERT INTO knowledge_chunks (org_id, document_id, ordinal, "
                               "content) VALUES ($1::uuid, $2::uuid, 0, $3), ($1::uuid, "
                               "$2::uuid, 1, 'Botox results last three to four months.')",
                               {clinic.orgId, doc->text(0, 0), text})
                        .ok());
        }
        const QString parking =
            ask(callFrom(m_a),
                tool(u"queryKnowledgeBase"_s, {{u"question"_s, u"Where can I park my car?"_s}}));
        QVERIFY2(parking.contains(u"Elm Street"_s), qPrintable(parking));
        QVERIFY2(!parking.contains(u"Main Street"_s), qPrintable(parking));
        const QString nothing =
            ask(callFrom(m_a), tool(u"queryKnowledgeBase"_s, {{u"question"_s, u"the the"_s}}));
        QVERIFY2(nothing.contains(u"don't cover that"_s), qPrintable(nothing));
        QVERIFY(ask(callFrom(m_a), tool(u"queryKnowledgeBase"_s, {}))
                    .contains(u"What would the caller like to know"_s));
    }

    void anUnknownAssistantGetsAPoliteAnswer()
    {
        vm::CallInfo call = callFrom(m_a);
        call.assistantId = u"asst-nobody-knows"_s;
        const QString result =
            ask(call, tool(u"bookClinicAppointment"_s,
                           {{u"service"_s, u"Botox"_s},
                            {u"datetime"_s, wallClock(nextWeekday(1), QTime(9, 0))}}));
        QVERIFY2(result.contains(u"can't reach this clinic's booking system"_s),
                 qPrintable(result));
        QCOMPARE(count(*m_db, "SELECT count(*) FROM appointments"), 0);
    }
};

QTEST_MAIN(TestVapiTools)
#include "tst_vapitools.moc"
