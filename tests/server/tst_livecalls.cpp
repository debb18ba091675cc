// The live side of a call in progress (webhooks transcript, speech-update, conversation-update):
// each becomes a live event of the call for its clinic, final lines are kept with the call and
// redacted like the end-of-call transcript, partials are relayed and never kept, and the call's
// monitor addresses are kept sealed, only from Vapi's hosts (the sandbox's in sandbox mode), never
// logged, and dropped when the call ends.
#include "integrationfixture.h"

#include "core/logging/log.h"
#include "sandbox/vapimessages.h"

#include <QJsonDocument>

#include <sstream>

using namespace Qt::Literals::StringLiterals;
using vox::test::Clinic;
using vox::test::HttpReply;
using vox::test::IntegrationFixture;
namespace vm = vox::sandbox::vapimessages;

class TestLiveCalls : public QObject
{
    Q_OBJECT

    IntegrationFixture f;
    std::ostringstream m_log;
    Clinic m_clinic;
    QString m_assistantId;
    int m_calls = 0;

    QString logText()
    {
        vox::log::flush();
        return QString::fromStdString(m_log.str());
    }

    HttpReply deliver(const QJsonObject &message)
    {
        auto client = f.server->client();
        const QByteArray body = QJsonDocument(vm::envelope(message)).toJson(QJsonDocument::Compact);
        return client->send("POST", u"/api/webhooks/vapi"_s, body,
                            {{"x-vapi-secret", vox::test::TestServer::webhookSecret.toUtf8()}});
    }

    vm::CallInfo newCall(const QString &monitorBase)
    {
        vm::CallInfo call;
        call.id = u"live-call-%1-%2"_s.arg(++m_calls).arg(QDateTime::currentMSecsSinceEpoch());
        call.assistantId = m_assistantId;
        call.clinicNumber = u"+15550009999"_s;
        call.customerNumber = u"+15550142%1"_s.arg(m_calls, 3, 10, QLatin1Char('0'));
        call.customerName = u"Rosa Diaz"_s;
        call.createdAt = QDateTime::currentDateTimeUtc().addSecs(-60);
        call.startedAt = call.createdAt.addSecs(3);
        call.monitorBase = monitorBase;
        return call;
    }

    // A call in progress whose monitor addresses are at `monitorBase`: its record's id.
    QString startCall(const vm::CallInfo &call)
    {
        if (deliver(vm::statusUpdate(call, u"ringing"_s, call.createdAt)).status != 200)
            return {};
        if (deliver(vm::statusUpdate(call, u"in-progress"_s, call.startedAt)).status != 200)
            return {};
        return f.sql("SELECT id FROM call_logs WHERE vapi_call_id = $1", {call.id})->text(0, 0);
    }

    QString sandboxBase(const QString &callId) const
    {
        return f.sandbox->url() + u"/vapi-live/"_s + callId;
    }

    qint64 count(const QByteArray &sql, const vox::db::Params &params)
    {
        auto rows = f.sql(sql, params);
        return rows && !rows->isEmpty() ? rows->toInt(0, 0) : -1;
    }

private slots:
    void initTestCase()
    {
        vox::log::addStreamSink(m_log);
        QVERIFY2(f.start(u"livecalls"_s), qPrintable(f.error));
        // In sandbox mode: the sandbox's own monitor addresses are taken.
        f.server = std::make_unique<vox::test::TestServer>(
            *f.db, f.environment({{u"VOXANNE_SANDBOX_URL"_s, f.sandbox->url()},
                                  {u"VOXANNE_DEV_ALLOW_SANDBOX"_s, u"1"_s}}));
        QVERIFY2(f.server->ok(), qPrintable(f.server->error()));
        m_clinic = f.signUp(u"Live Clinic"_s);
        m_assistantId = u"asst-live-%1"_s.arg(QDateTime::currentMSecsSinceEpoch());
        QVERIFY(f.sql("UPDATE agents SET vapi_assistant_id = $2 WHERE org_id = $1::uuid AND "
                      "direction = 'inbound'",
                      {m_clinic.orgId, m_assistantId})
                    .ok());
    }

    void cleanupTestCase() { vox::log::removeStreamSink(m_log); }

    void liveLinesBecomeEventsAndFinalLinesAreKeptRedacted()
    {
        const vm::CallInfo call = newCall({});
        const QString id = startCall(call);
        QVERIFY(!id.isEmpty());
        const QDateTime at = call.startedAt.addSecs(5);
        QCOMPARE(deliver(vm::speechUpdate(call, u"user"_s, u"started"_s, at, 0)).status, 200);
        QCOMPARE(deliver(vm::transcript(call, u"user"_s, u"My social is"_s, at, false)).status,
                 200);
        QCOMPARE(deliver(vm::transcript(call, u"user"_s,
                                        u"My social is 123-45-6789, can I book Botox?"_s,
                                        at.addSecs(2), true))
                     .status,
                 200);
        QCOMPARE(deliver(vm::speechUpdate(call, u"user"_s, u"stopped"_s, at.addSecs(2), 0)).status,
                 200);
        vm::Turn said;
        said.kind = vm::Turn::Kind::User;
        said.text = u"My social is 123-45-6789, can I book Botox?"_s;
        said.secondsFromStart = 7;
        QCOMPARE(deliver(vm::conversationUpdate(call, {said}, at.addSecs(3))).status, 200);

        // The events, in the order they were said.
        auto events = f.sql("SELECT type, payload FROM events WHERE org_id = $1::uuid AND "
                            "entity_id = $2::uuid AND type LIKE 'live.%' ORDER BY id",
                            {m_clinic.orgId, id});
        QVERIFY(events);
        QStringList types;
        for (int r = 0; r < events->rowCount(); ++r)
            types << events->text(r, 0);
        QCOMPARE(types, (QStringList{u"live.speech"_s, u"live.transcript"_s, u"live.transcript"_s,
                                     u"live.speech"_s, u"live.conversation"_s}));
        const QJsonObject started = events->toJson(0, 1).toObject();
        QCOMPARE(started.value(u"role"_s).toString(), u"user"_s);
        QCOMPARE(started.value(u"speaking"_s).toBool(), true);
        const QJsonObject partial = events->toJson(1, 1).toObject();
        QCOMPARE(partial.value(u"final"_s).toBool(), false);
        QCOMPARE(partial.value(u"text"_s).toString(), u"My social is"_s);
        const QJsonObject final = events->toJson(2, 1).toObject();
        QCOMPARE(final.value(u"final"_s).toBool(), true);
        QCOMPARE(final.value(u"call_id"_s).toString(), id);
        QVERIFY2(!final.value(u"text"_s).toString().contains(u"123-45-6789"_s),
                 "the live line is redacted before anyone sees it");
        QVERIFY(final.value(u"text"_s).toString().contains(u"Botox"_s));
        QCOMPARE(events->toJson(3, 1).toObject().value(u"speaking"_s).toBool(), false);
        const QJsonArray conversation =
            events->toJson(4, 1).toObject().value(u"messages"_s).toArray();
        QCOMPARE(conversation.size(), 1);
        QVERIFY(!conversation.first()
                     .toObject()
                     .value(u"message"_s)
                     .toString()
                     .contains(u"123-45-6789"_s));

        // Only the final line is kept with the call, redacted.
        auto lines = f.sql("SELECT role, text FROM call_live_lines WHERE call_id = $1::uuid", {id});
        QCOMPARE(lines->rowCount(), 1);
        QCOMPARE(lines->text(0, 0), u"user"_s);
        QVERIFY(!lines->text(0, 1).contains(u"123-45-6789"_s));
        QVERIFY(lines->text(0, 1).contains(u"Botox"_s));
    }

    void aLineOfACallNotKnownHereChangesNothing()
    {
        vm::CallInfo call = newCall({});
        const qint64 before = count("SELECT count(*) FROM events", vox::db::Params{});
        const HttpReply reply = deliver(
            vm::transcript(call, u"user"_s, u"hello"_s, QDateTime::currentDateTimeUtc(), true));
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"ignored"_s).toBool(), true);
        QCOMPARE(count("SELECT count(*) FROM events", vox::db::Params{}), before);
    }

    void monitorAddressesAreKeptSealedAndDroppedWhenTheCallEnds()
    {
        vm::CallInfo call = newCall({});
        call.monitorBase = sandboxBase(call.id);
        const QString id = startCall(call);
        QVERIFY(!id.isEmpty());
        auto row = f.sql("SELECT listen_url, control_url FROM call_monitors WHERE vapi_call_id = "
                         "$1 AND org_id = $2::uuid",
                         {call.id, m_clinic.orgId});
        QCOMPARE(row->rowCount(), 1);
        QVERIFY(!row->isNull(0, 0));
        QVERIFY(!row->isNull(0, 1));
        // Sealed: the address is not in the stored bytes.
        QVERIFY(!row->toBytea(0, 0).contains(call.id.toUtf8()));
        QVERIFY(!row->toBytea(0, 1).contains("/control"));
        QVERIFY2(!logText().contains(u"/vapi-live/"_s), "monitor addresses are never logged");
        // Nor sent to the console.
        const HttpReply detail = m_clinic.client->get(u"/api/calls-dashboard/"_s + id);
        QCOMPARE(detail.status, 200);
        QVERIFY(!detail.body.contains("vapi-live"));

        call.endedAt = QDateTime::currentDateTimeUtc();
        QCOMPARE(deliver(vm::statusUpdate(call, u"ended"_s, call.endedAt, u"customer-ended-call"_s))
                     .status,
                 200);
        QCOMPARE(count("SELECT count(*) FROM call_monitors WHERE vapi_call_id = $1", {call.id}), 0);
    }

    void monitorAddressesOffVapiAreRefusedWithoutBeingLogged()
    {
        vm::CallInfo call = newCall(u"https://attacker.example/steal-7f3a"_s);
        QVERIFY(!startCall(call).isEmpty());
        QCOMPARE(count("SELECT count(*) FROM call_monitors WHERE vapi_call_id = $1", {call.id}), 0);
        const QString log = logText();
        QVERIFY(log.contains(u"monitor address was refused"_s));
        QVERIFY2(!log.contains(u"steal-7f3a"_s), "a refused address is not logged either");
        QVERIFY(!log.contains(u"attacker.example"_s));
    }
};

QTEST_GUILESS_MAIN(TestLiveCalls)
#include "tst_livecalls.moc"
