// Taking over a call in progress and the AI's warm transfer, end to end against the provider
// sandbox: each console action reaches the call's control address with exactly the contract's
// body and Vapi's public key, once, is audited and announced; the sandbox acts on it (a line said,
// the call ended, the call transferred); an ended call answers 409, Vapi's refusal 502 in words;
// a transfer-destination-request is answered with the destination open now, warm, or with
// words the AI can say when nobody is there; admins keep the clinic's transfer destinations.
#include "livecallfixture.h"

#include "sandbox/vapimessages.h"

#include <QJsonDocument>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;
using vox::test::Clinic;
using vox::test::HttpReply;
using vox::test::IntegrationFixture;
namespace vm = vox::sandbox::vapimessages;

namespace {

const QString publicKey = u"pk-live-desk-test"_s;

QJsonArray allWeek()
{
    QJsonArray hours;
    for (int day = 1; day <= 7; ++day)
        hours.append(
            QJsonObject{{u"day"_s, day}, {u"open"_s, u"00:00"_s}, {u"close"_s, u"24:00"_s}});
    return hours;
}

} // namespace

class TestLiveDesk : public QObject
{
    Q_OBJECT

    IntegrationFixture f;
    Clinic m_clinic;
    std::unique_ptr<vox::test::HttpClient> m_staff;
    vox::test::LiveCallFixture m_live{f};

    HttpReply deliver(const QJsonObject &message) { return m_live.deliver(message); }

    using Live = vox::test::LiveCallFixture::Call;
    // A call in progress, played by the sandbox (its control address is the sandbox's).
    Live startCall(bool withMonitor = true)
    {
        return m_live.startCall(u"desk-call"_s, u"+15550143"_s, u"Sam Reyes"_s, withMonitor);
    }

    QString callStatus(const QString &id)
    {
        auto row = f.sql("SELECT status FROM call_logs WHERE id = $1::uuid", {id});
        return row && !row->isEmpty() ? row->text(0, 0) : QString();
    }

    qint64 count(const QByteArray &sql, const vox::db::Params &params)
    {
        auto rows = f.sql(sql, params);
        return rows && !rows->isEmpty() ? rows->toInt(0, 0) : -1;
    }

    QList<vox::sandbox::RecordedRequest> controlRequests(const QString &vapiCallId)
    {
        return f.recorded(u"vapi"_s, u"/vapi-live/"_s + vapiCallId + u"/control"_s);
    }

    QString destination(const QString &name, const QJsonArray &hours, bool emergency = false)
    {
        const HttpReply reply = m_clinic.client->post(u"/api/transfer-destinations"_s,
                                                      {{u"name"_s, name},
                                                       {u"number"_s, u"+15550177001"_s},
                                                       {u"hours"_s, hours},
                                                       {u"emergency"_s, emergency}});
        return reply.status == 201 ? reply.json().value(u"id"_s).toString() : QString();
    }

    // The clinic's destinations as the admin lists them, by name.
    QStringList destinationNames()
    {
        QStringList names;
        for (const QJsonValue &v : m_staff->get(u"/api/transfer-destinations"_s)
                                       .json()
                                       .value(u"destinations"_s)
                                       .toArray())
            names.append(v.toObject().value(u"name"_s).toString());
        return names;
    }

    HttpReply putOrder(vox::test::HttpClient &client, const QStringList &ids)
    {
        return client.send("PUT", u"/api/transfer-destinations/order"_s,
                           QJsonDocument(QJsonObject{{u"ids"_s, QJsonArray::fromStringList(ids)}})
                               .toJson(QJsonDocument::Compact));
    }

    // Vapi asking where to transfer a call in progress.
    QJsonObject transferRequest(const Live &call)
    {
        QJsonObject request = vm::statusUpdate(call.info, u"in-progress"_s, call.info.startedAt);
        request.insert(u"type"_s, u"transfer-destination-request"_s);
        request.remove(u"status"_s);
        return request;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(f.start(u"livedesk"_s), qPrintable(f.error));
        QVERIFY2(m_live.startServer(publicKey), qPrintable(f.error));
        m_clinic = f.signUp(u"Desk Clinic"_s);
        m_staff = f.staffOf(m_clinic);
        QVERIFY(m_live.nameAssistant(m_clinic, u"asst-desk"_s));
    }

    void init()
    {
        f.sandbox->state().clearFailures();
        f.sandbox->state().clearRequests();
    }

    void eachActionReachesVapiWithTheContractsBody_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("sent");
        QTest::newRow("say") << QByteArray(R"({"type":"say","content":"One moment please."})")
                             << QByteArray(R"({"content":"One moment please.",)"
                                           R"("endCallAfterSpoken":false,"type":"say"})");
        QTest::newRow("whisper")
            << QByteArray(R"({"type":"whisper","content":"Offer Tuesday at 3."})")
            << QByteArray(R"({"message":{"content":"Offer Tuesday at 3.","role":"system"},)"
                          R"("triggerResponseEnabled":true,"type":"add-message"})");
        QTest::newRow("mute") << QByteArray(R"({"type":"mute"})")
                              << QByteArray(R"({"control":"mute-assistant","type":"control"})");
        QTest::newRow("unmute") << QByteArray(R"({"type":"unmute"})")
                                << QByteArray(R"({"control":"unmute-assistant","type":"control"})");
    }

    void eachActionReachesVapiWithTheContractsBody()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, sent);
        const Live call = startCall();
        QVERIFY(!call.id.isEmpty());
        const HttpReply reply =
            m_staff->send("POST", u"/api/calls/%1/control"_s.arg(call.id), request);
        QCOMPARE(reply.status, 200);
        const auto received = controlRequests(call.info.id);
        QCOMPARE(received.size(), 1);
        QCOMPARE(QJsonDocument::fromJson(received.first().body).toJson(QJsonDocument::Compact),
                 sent);
        QCOMPARE(received.first().headers.value("authorization"),
                 QByteArray("Bearer " + publicKey.toUtf8()));
        const QString type = QJsonDocument::fromJson(request).object().value(u"type"_s).toString();
        QCOMPARE(count("SELECT count(*) FROM audit_log WHERE entity_id = $1::uuid AND action = $2 "
                       "AND (details->>'success')::boolean",
                       {call.id, QString(u"call.control."_s + type)}),
                 1);
        QCOMPARE(count("SELECT count(*) FROM events WHERE entity_id = $1::uuid AND type = "
                       "'live.control'",
                       {call.id}),
                 1);
    }

    void sayAddsTheLineToTheLiveTranscript()
    {
        const Live call = startCall();
        QCOMPARE(
            m_staff
                ->post(u"/api/calls/%1/control"_s.arg(call.id),
                       {{u"type"_s, u"say"_s}, {u"content"_s, u"A nurse will call you back."_s}})
                .status,
            200);
        QTRY_COMPARE_WITH_TIMEOUT(count("SELECT count(*) FROM call_live_lines WHERE call_id = "
                                        "$1::uuid AND role = 'assistant' AND text = $2",
                                        {call.id, u"A nurse will call you back."_s}),
                                  1, 10000);
        const QJsonArray live =
            m_staff->get(u"/api/live-calls"_s).json().value(u"calls"_s).toArray();
        bool listed = false;
        for (const QJsonValue &v : live) {
            const QJsonObject c = v.toObject();
            if (c.value(u"id"_s).toString() == call.id) {
                listed = true;
                QVERIFY(c.value(u"can_control"_s).toBool());
                QVERIFY(!QJsonDocument(c).toJson().contains("vapi-live"));
            }
        }
        QVERIFY(listed);
    }

    void endingACallIsForAdminsAndEndsItAtVapi()
    {
        const Live call = startCall();
        QCOMPARE(
            m_staff->post(u"/api/calls/%1/control"_s.arg(call.id), {{u"type"_s, u"end"_s}}).status,
            403);
        QCOMPARE(controlRequests(call.info.id).size(), 0);
        QCOMPARE(
            m_clinic.client->post(u"/api/calls/%1/control"_s.arg(call.id), {{u"type"_s, u"end"_s}})
                .status,
            200);
        QCOMPARE(controlRequests(call.info.id).first().body, QByteArray(R"({"type":"end-call"})"));
        // The sandbox ends it as Vapi does: status-update ended, then the end-of-call report.
        QTRY_COMPARE_WITH_TIMEOUT(count("SELECT count(*) FROM call_logs WHERE id = $1::uuid AND "
                                        "status = 'ended' AND report_received_at IS NOT NULL",
                                        {call.id}),
                                  1, 10000);
        QCOMPARE(
            count("SELECT count(*) FROM call_monitors WHERE vapi_call_id = $1", {call.info.id}), 0);
        // Ended: nothing more is sent.
        const HttpReply late = m_staff->post(u"/api/calls/%1/control"_s.arg(call.id),
                                             {{u"type"_s, u"say"_s}, {u"content"_s, u"Hello?"_s}});
        QCOMPARE(late.status, 409);
        QVERIFY(late.json().value(u"error"_s).toString().contains(u"ended"_s));
        QCOMPARE(controlRequests(call.info.id).size(), 1);
    }

    void transferGoesToTheClinicsDestination()
    {
        const QString desk = destination(u"Front desk (transfer test)"_s, allWeek());
        QVERIFY(!desk.isEmpty());
        const Live call = startCall();
        const HttpReply reply =
            m_staff->post(u"/api/calls/%1/control"_s.arg(call.id),
                          {{u"type"_s, u"transfer"_s}, {u"destination_id"_s, desk}});
        QCOMPARE(reply.status, 200);
        const QJsonObject sent =
            QJsonDocument::fromJson(controlRequests(call.info.id).first().body).object();
        QCOMPARE(sent.value(u"type"_s).toString(), u"transfer"_s);
        QCOMPARE(sent.value(u"destination"_s).toObject(),
                 (QJsonObject{{u"type"_s, u"number"_s}, {u"number"_s, u"+15550177001"_s}}));
        // The AI's leg ends as a forwarded call, with the transfer on the call's record.
        QTRY_COMPARE_WITH_TIMEOUT(count("SELECT count(*) FROM call_logs WHERE id = $1::uuid AND "
                                        "ended_reason = 'assistant-forwarded-call' AND "
                                        "transfer_to = '+15550177001' AND report_received_at IS "
                                        "NOT NULL",
                                        {call.id}),
                                  1, 10000);
        // A number that is not one of the clinic's destinations is refused before Vapi is asked.
        const Live other = startCall();
        QCOMPARE(m_staff
                     ->post(u"/api/calls/%1/control"_s.arg(other.id),
                            {{u"type"_s, u"transfer"_s},
                             {u"destination_id"_s, u"00000000-0000-4000-8000-000000000000"_s}})
                     .status,
                 422);
        QCOMPARE(controlRequests(other.info.id).size(), 0);
    }

    void vapiRefusingIsA502InWordsAndIsNotRetried()
    {
        const Live call = startCall();
        f.fail(u"vapi"_s, 400, 5, u"/vapi-live/"_s,
               {{u"message"_s, u"Call is not active"_s}, {u"statusCode"_s, 400}});
        const HttpReply reply =
            m_staff->post(u"/api/calls/%1/control"_s.arg(call.id), {{u"type"_s, u"mute"_s}});
        QCOMPARE(reply.status, 502);
        QVERIFY2(reply.json().value(u"error"_s).toString().contains(u"Call is not active"_s),
                 reply.body.constData());
        QCOMPARE(controlRequests(call.info.id).size(), 1);
        QCOMPARE(count("SELECT count(*) FROM audit_log WHERE entity_id = $1::uuid AND NOT "
                       "(details->>'success')::boolean",
                       {call.id}),
                 1);
    }

    void aCallWithoutAControlAddressCannotBeTakenOver()
    {
        const Live call = startCall(false);
        const HttpReply reply =
            m_staff->post(u"/api/calls/%1/control"_s.arg(call.id), {{u"type"_s, u"mute"_s}});
        QCOMPARE(reply.status, 409);
    }

    void badRequestsAreRefusedInWords_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("unknown type") << QByteArray(R"({"type":"shout"})") << 400;
        QTest::newRow("say without words") << QByteArray(R"({"type":"say","content":"  "})") << 400;
        QTest::newRow("transfer without destination")
            << QByteArray(R"({"type":"transfer"})") << 400;
        QTest::newRow("not JSON") << QByteArray("say hi") << 400;
    }

    void badRequestsAreRefusedInWords()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        const Live call = startCall();
        const HttpReply reply =
            m_staff->send("POST", u"/api/calls/%1/control"_s.arg(call.id), body);
        QCOMPARE(reply.status, status);
        QVERIFY(!reply.json().value(u"error"_s).toString().isEmpty());
        QCOMPARE(controlRequests(call.info.id).size(), 0);
    }

    void transferDestinationRequestAnswersAsTheClinicConfigured()
    {
        // Only a destination that never takes calls: the AI is given words to say.
        QVERIFY(f.sql("DELETE FROM transfer_destinations WHERE org_id = $1::uuid", {m_clinic.orgId})
                    .ok());
        QVERIFY(!destination(u"Closed desk"_s, {}).isEmpty());
        Live call = startCall();
        QJsonObject request = vm::statusUpdate(call.info, u"in-progress"_s, call.info.startedAt);
        request.insert(u"type"_s, u"transfer-destination-request"_s);
        request.remove(u"status"_s);
        HttpReply reply = deliver(request);
        QCOMPARE(reply.status, 200);
        QVERIFY(!reply.json().contains(u"destination"_s));
        QVERIFY(reply.json().value(u"error"_s).toString().contains(u"closed"_s));

        // A destination open all week: it takes the call, warm, with a fallback.
        const QString desk = destination(u"Front desk"_s, allWeek());
        reply = deliver(request);
        QCOMPARE(reply.status, 200);
        const QJsonObject dest = reply.json().value(u"destination"_s).toObject();
        QCOMPARE(dest.value(u"type"_s).toString(), u"number"_s);
        QCOMPARE(dest.value(u"number"_s).toString(), u"+15550177001"_s);
        const QJsonObject plan = dest.value(u"transferPlan"_s).toObject();
        QCOMPARE(plan.value(u"mode"_s).toString(), u"warm-transfer-say-summary"_s);
        QVERIFY(plan.value(u"summaryPlan"_s).toObject().value(u"enabled"_s).toBool());
        QVERIFY(!plan.value(u"fallbackPlan"_s).toObject().value(u"message"_s).toString().isEmpty());
        QCOMPARE(count("SELECT count(*) FROM call_logs WHERE id = $1::uuid AND transfer_to = "
                       "'+15550177001' AND transfer_time IS NOT NULL AND transfer_reason LIKE "
                       "'%Front desk%'",
                       {call.id}),
                 1);
        QCOMPARE(count("SELECT count(*) FROM events WHERE entity_id = $1::uuid AND type = "
                       "'live.transferring' AND payload->>'destination' = 'Front desk'",
                       {call.id}),
                 1);
    }

    void theFirstOpenDestinationInTheClinicsOrderTakesTheCall_data()
    {
        // Each destination as "name open|closed [emergency]", in the order they are added; then
        // the order the admin puts them in (none: as added), and who takes an ordinary call.
        QTest::addColumn<QStringList>("destinations");
        QTest::addColumn<QStringList>("order");
        QTest::addColumn<QString>("takesTheCall");
        QTest::newRow("as added, the first open one")
            << QStringList{u"Desk open"_s, u"Nurse open"_s} << QStringList{} << u"Desk"_s;
        QTest::newRow("the admin's order, not the order they were added in")
            << QStringList{u"Desk open"_s, u"Nurse open"_s} << QStringList{u"Nurse"_s, u"Desk"_s}
            << u"Nurse"_s;
        QTest::newRow("not the first by name") << QStringList{u"Alpha open"_s, u"Zulu open"_s}
                                               << QStringList{u"Zulu"_s, u"Alpha"_s} << u"Zulu"_s;
        QTest::newRow("a closed one first is passed over")
            << QStringList{u"Desk closed"_s, u"Nurse open"_s, u"Owner open"_s}
            << QStringList{u"Desk"_s, u"Owner"_s, u"Nurse"_s} << u"Owner"_s;
        QTest::newRow("moved to the top, a closed one still does not take it")
            << QStringList{u"Desk open"_s, u"Nurse closed"_s} << QStringList{u"Nurse"_s, u"Desk"_s}
            << u"Desk"_s;
        QTest::newRow("one for emergencies only is not for an ordinary call")
            << QStringList{u"On-call open emergency"_s, u"Desk open"_s}
            << QStringList{u"On-call"_s, u"Desk"_s} << u"Desk"_s;
        QTest::newRow("every one closed: nobody")
            << QStringList{u"Desk closed"_s, u"Nurse closed"_s}
            << QStringList{u"Nurse"_s, u"Desk"_s} << QString();
    }

    void theFirstOpenDestinationInTheClinicsOrderTakesTheCall()
    {
        QFETCH(QStringList, destinations);
        QFETCH(QStringList, order);
        QFETCH(QString, takesTheCall);
        QVERIFY(f.sql("DELETE FROM transfer_destinations WHERE org_id = $1::uuid", {m_clinic.orgId})
                    .ok());
        QHash<QString, QString> ids;
        for (const QString &spec : destinations) {
            const QStringList parts = spec.split(u' ');
            const QString id =
                destination(parts.at(0), parts.at(1) == u"open" ? allWeek() : QJsonArray(),
                            parts.contains(u"emergency"_s));
            QVERIFY2(!id.isEmpty(), qPrintable(spec));
            ids.insert(parts.at(0), id);
        }
        if (!order.isEmpty()) {
            QStringList ordered;
            for (const QString &name : order)
                ordered.append(ids.value(name));
            QCOMPARE(putOrder(*m_clinic.client, ordered).status, 200);
            QCOMPARE(destinationNames(), order);
        }
        const HttpReply reply = deliver(transferRequest(startCall()));
        QCOMPARE(reply.status, 200);
        const QJsonObject chosen = reply.json().value(u"destination"_s).toObject();
        QCOMPARE(chosen.value(u"description"_s).toString(), takesTheCall);
        if (takesTheCall.isEmpty())
            QVERIFY(reply.json().value(u"error"_s).toString().contains(u"closed"_s));
    }

    void reorderingTakesTheWholeOrderOrNothing()
    {
        QVERIFY(f.sql("DELETE FROM transfer_destinations WHERE org_id = $1::uuid", {m_clinic.orgId})
                    .ok());
        const QString desk = destination(u"Desk"_s, allWeek());
        const QString nurse = destination(u"Nurse"_s, allWeek());
        const QString owner = destination(u"Owner"_s, allWeek());
        const QStringList asAdded{u"Desk"_s, u"Nurse"_s, u"Owner"_s};
        QCOMPARE(destinationNames(), asAdded);

        struct Refused
        {
            const char *why;
            QStringList ids;
            int status;
        };
        const QList<Refused> refused{
            {"one left out", {owner, desk}, 400},
            {"one twice", {owner, desk, nurse, desk}, 400},
            {"an id the clinic does not have",
             {owner, desk, QUuid::createUuid().toString(QUuid::WithoutBraces)},
             404},
            {"an unknown id besides all of them",
             {owner, desk, nurse, QUuid::createUuid().toString(QUuid::WithoutBraces)},
             404},
            {"not an id", {owner, desk, u"nurse"_s}, 400},
        };
        for (const Refused &r : refused) {
            const HttpReply reply = putOrder(*m_clinic.client, r.ids);
            QVERIFY2(reply.status == r.status, r.why);
            QVERIFY2(!reply.json().value(u"error"_s).toString().isEmpty(), r.why);
            QVERIFY2(destinationNames() == asAdded, r.why);
        }
        QCOMPARE(
            m_clinic.client->send("PUT", u"/api/transfer-destinations/order"_s, R"({"ids":"Desk"})")
                .status,
            400);
        QCOMPARE(putOrder(*m_staff, {owner, nurse, desk}).status, 403);
        QCOMPARE(destinationNames(), asAdded);

        const auto audited = [&] {
            return count("SELECT count(*) FROM audit_log WHERE org_id = $1::uuid AND action = "
                         "'transfer_destination.reordered' AND actor_id IS NOT NULL AND "
                         "details->'order'->>0 = $2",
                         {m_clinic.orgId, owner});
        };
        QCOMPARE(audited(), 0); // nothing refused above was recorded as done
        const HttpReply moved = putOrder(*m_clinic.client, {owner, desk, nurse});
        QCOMPARE(moved.status, 200);
        QCOMPARE(moved.json()
                     .value(u"destinations"_s)
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"name"_s)
                     .toString(),
                 u"Owner"_s);
        QCOMPARE(destinationNames(), (QStringList{u"Owner"_s, u"Desk"_s, u"Nurse"_s}));
        QCOMPARE(audited(), 1);
        QVERIFY(count("SELECT count(*) FROM events WHERE org_id = $1::uuid AND type = "
                      "'transfer_destination.updated' AND payload->>'reordered' = 'true'",
                      {m_clinic.orgId}) >= 1);
        // A destination added afterwards goes last.
        destination(u"Locum"_s, allWeek());
        QCOMPARE(destinationNames(), (QStringList{u"Owner"_s, u"Desk"_s, u"Nurse"_s, u"Locum"_s}));
    }

    void aDestinationCarriesADescription()
    {
        const HttpReply created =
            m_clinic.client->post(u"/api/transfer-destinations"_s,
                                  {{u"name"_s, u"Dr Lee"_s},
                                   {u"number"_s, u"+15550177009"_s},
                                   {u"description"_s, u"Dr Lee's mobile, surgeries only"_s}});
        QCOMPARE(created.status, 201);
        QCOMPARE(created.json().value(u"description"_s).toString(),
                 u"Dr Lee's mobile, surgeries only"_s);
        const QString id = created.json().value(u"id"_s).toString();
        const HttpReply tooLong =
            m_clinic.client->send("PATCH", u"/api/transfer-destinations/"_s + id,
                                  QJsonDocument(QJsonObject{{u"description"_s, QString(201, u'x')}})
                                      .toJson(QJsonDocument::Compact));
        QCOMPARE(tooLong.status, 400);
        QCOMPARE(tooLong.json().value(u"error"_s).toString(),
                 u"Keep the description to 200 characters or fewer."_s);
        QCOMPARE(m_clinic.client
                     ->send("PATCH", u"/api/transfer-destinations/"_s + id,
                            R"({"description":"Mornings only"})")
                     .json()
                     .value(u"description"_s)
                     .toString(),
                 u"Mornings only"_s);
        // Changing another field keeps it.
        QCOMPARE(m_clinic.client
                     ->send("PATCH", u"/api/transfer-destinations/"_s + id, R"({"emergency":true})")
                     .json()
                     .value(u"description"_s)
                     .toString(),
                 u"Mornings only"_s);
        QCOMPARE(count("SELECT count(*) FROM audit_log WHERE entity_id = $1::uuid AND action IN "
                       "('transfer_destination.created', 'transfer_destination.updated')",
                       {id}),
                 3);
    }

    void adminsKeepTheTransferDestinations()
    {
        const HttpReply created = m_clinic.client->post(
            u"/api/transfer-destinations"_s,
            {{u"name"_s, u"Dr Kim"_s},
             {u"number"_s, u"+15550177002"_s},
             {u"hours"_s, QJsonArray{QJsonObject{
                              {u"day"_s, 1}, {u"open"_s, u"09:00"_s}, {u"close"_s, u"12:00"_s}}}}});
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id"_s).toString();
        QCOMPARE(m_staff
                     ->post(u"/api/transfer-destinations"_s,
                            {{u"name"_s, u"Mallory"_s}, {u"number"_s, u"+15550177003"_s}})
                     .status,
                 403);
        QCOMPARE(m_clinic.client
                     ->post(u"/api/transfer-destinations"_s,
                            {{u"name"_s, u"Bad hours"_s},
                             {u"number"_s, u"+15550177003"_s},
                             {u"hours"_s, QJsonArray{QJsonObject{{u"day"_s, 9}}}}})
                     .status,
                 422);
        QCOMPARE(m_clinic.client
                     ->post(u"/api/transfer-destinations"_s,
                            {{u"name"_s, u"Bad number"_s}, {u"number"_s, u"call me"_s}})
                     .status,
                 422);
        QCOMPARE(m_clinic.client
                     ->post(u"/api/transfer-destinations"_s,
                            {{u"name"_s, u"Dr Kim"_s}, {u"number"_s, u"+15550177004"_s}})
                     .status,
                 409);
        const HttpReply patched = m_clinic.client->send(
            "PATCH", u"/api/transfer-destinations/"_s + id, R"({"emergency":true})");
        QCOMPARE(patched.status, 200);
        QVERIFY(patched.json().value(u"emergency"_s).toBool());
        const QJsonArray listed =
            m_staff->get(u"/api/transfer-destinations"_s).json().value(u"destinations"_s).toArray();
        bool found = false;
        for (const QJsonValue &v : listed)
            found = found || v.toObject().value(u"id"_s).toString() == id;
        QVERIFY(found);
        QCOMPARE(m_clinic.client->send("DELETE", u"/api/transfer-destinations/"_s + id, {}).status,
                 200);
        QCOMPARE(m_clinic.client->send("DELETE", u"/api/transfer-destinations/"_s + id, {}).status,
                 404);
    }
};

QTEST_GUILESS_MAIN(TestLiveDesk)
#include "tst_livedesk.moc"
