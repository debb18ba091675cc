// S-agent across a crash: two `voxanne-server serve` instances share one database and one Vapi
// (the sandbox, in this process). A save through instance A is stored and answered; A's push job
// is killed with -9 while Vapi is still creating the clinic's assistant, so the id is never
// recorded. Instance B, started afterwards, takes the abandoned push back, is not held up by A's
// claim (its database session died with it) and adopts the assistant A left, so Vapi holds
// exactly one assistant for the clinic and it says what the clinic saved last.
#include "clinicfixture.h"
#include "sandbox/sandbox.h"
#include "serverprocess.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::test::HttpClient;
using vox::test::HttpReply;
using vox::test::ServerProcess;

class TestAgentSaveCrash : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::sandbox::Sandbox> m_sandbox;
    std::unique_ptr<vox::test::TestDatabase> m_db;
    QTemporaryDir m_dataDir;
    ServerProcess m_a;
    ServerProcess m_b;

    QHash<QString, QString> environment() const
    {
        auto env = vox::test::productionEnvironment(m_db->url(), m_dataDir.path());
        env.insert(u"VOXANNE_SANDBOX_URL"_s, m_sandbox->url());
        env.insert(u"VOXANNE_DEV_ALLOW_SANDBOX"_s, u"1"_s);
        // A job left running by a dead instance is taken back after this long (ten minutes in
        // production): the test does not wait that long for what the job runner already does.
        env.insert(u"VOXANNE_JOB_STALE_SECONDS"_s, u"2"_s);
        return env;
    }

    QJsonArray assistantsAtVapi()
    {
        HttpClient vapi(m_sandbox->url());
        return vapi
            .send("GET", u"/vapi/assistant?limit=1000"_s, {}, {{"Authorization", "Bearer test"}})
            .jsonArray();
    }

    qsizetype creates()
    {
        qsizetype n = 0;
        for (const auto &r : m_sandbox->state().recorded(u"vapi"_s))
            n += r.method == u"POST" && r.path == u"/vapi/assistant";
        return n;
    }

    QString scalar(const QByteArray &sql, const vox::db::Params &params = {})
    {
        auto admin = m_db->connectAsAdmin();
        auto rows = admin->exec(sql, params);
        return rows && !rows->isEmpty() ? rows->text(0, 0) : QString();
    }

private slots:
    void initTestCase()
    {
        m_sandbox = std::make_unique<vox::sandbox::Sandbox>();
        QVERIFY(m_sandbox->listen(u"127.0.0.1"_s, 0).ok());
        m_db = std::make_unique<vox::test::TestDatabase>(u"agentsavecrash"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        QVERIFY(m_dataDir.isValid());
        // B starts only once A is dead, so it is A's job runner that makes the assistant.
        QVERIFY2(m_a.start({}, environment()), m_a.log().constData());
    }

    void aSaveInterruptedByACrashLeavesOneAssistant()
    {
        const vox::test::Clinic clinic = vox::test::createClinic(m_a.url(), u"Crash Clinic"_s);
        QVERIFY(!clinic.orgId.isEmpty());
        const QString agentId =
            scalar("SELECT id FROM agents WHERE org_id = $1::uuid AND direction = 'inbound'",
                   {clinic.orgId});
        const qsizetype assistantsBefore = assistantsAtVapi().size();

        // Vapi takes 3 s to create the assistant; A dies meanwhile.
        vox::sandbox::Failure slow;
        slow.provider = u"vapi"_s;
        slow.method = u"POST"_s;
        slow.pathPrefix = u"/vapi/assistant"_s;
        slow.status = 0;
        slow.delayMs = 3000;
        m_sandbox->state().addFailure(slow);
        HttpClient clientOfA(m_a.url());
        clientOfA.setToken(clinic.ownerToken);
        const HttpReply savedThroughA =
            clientOfA.put(u"/api/agent"_s,
                          {{u"name"_s, u"Voxanne"_s}, {u"system_prompt"_s, u"Saved through A"_s}});
        QVERIFY2(savedThroughA.status == 200, savedThroughA.body.constData());
        QTRY_COMPARE_WITH_TIMEOUT(creates(), 1, 30000);
        const QString holderPid = scalar("SELECT holder_pid FROM provider_leases WHERE key = $1",
                                         {QString(u"vapi.assistant:"_s + agentId)});
        QVERIFY(!holderPid.isEmpty());
        m_a.kill();
        // Vapi finishes what it was asked, though nobody is left to hear the answer, and the
        // database notices that A's session is gone.
        QTRY_COMPARE_WITH_TIMEOUT(assistantsAtVapi().size(), assistantsBefore + 1, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar("SELECT count(*) FROM pg_stat_activity WHERE pid = $1::int", {holderPid}),
            u"0"_s, 30000);
        QCOMPARE(scalar("SELECT coalesce(vapi_assistant_id, '') || ' ' || sync_status FROM agents "
                        "WHERE id = $1::uuid",
                        {agentId}),
                 u" pending"_s);

        QVERIFY2(m_b.start({}, environment()), m_b.log().constData());
        HttpClient client(m_b.url());
        client.setToken(clinic.ownerToken);
        const HttpReply saved =
            client.put(u"/api/agent"_s,
                       {{u"name"_s, u"Voxanne"_s}, {u"system_prompt"_s, u"Saved through B"_s}});
        QVERIFY2(saved.status == 200, saved.body.constData());
        // B takes the push back and its tool sync links the tools (the sandbox answers only
        // while this test waits).
        QTRY_COMPARE_WITH_TIMEOUT(
            scalar("SELECT sync_status FROM agents WHERE id = $1::uuid", {agentId}), u"synced"_s,
            60000);

        // One assistant for the clinic, the one A's push made, saying what B saved.
        QCOMPARE(creates(), 1);
        const QJsonArray assistants = assistantsAtVapi();
        QCOMPARE(assistants.size(), assistantsBefore + 1);
        const QString recorded =
            scalar("SELECT vapi_assistant_id FROM agents WHERE id = $1::uuid", {agentId});
        const QJsonObject assistant = m_sandbox->vapi().assistant(recorded);
        QCOMPARE(assistant.value(u"metadata"_s).toObject().value(u"voxanneAgentId"_s).toString(),
                 agentId);
        QCOMPARE(assistant.value(u"model"_s)
                     .toObject()
                     .value(u"messages"_s)
                     .toArray()
                     .first()
                     .toObject()
                     .value(u"content"_s)
                     .toString(),
                 u"Saved through B"_s);
        // No claim is left behind.
        QTRY_COMPARE_WITH_TIMEOUT(scalar("SELECT count(*) FROM provider_leases"), u"0"_s, 10000);
    }

    void cleanupTestCase()
    {
        // B may still be talking to the sandbox, which answers only while this thread waits.
        m_b.signalTerminate();
        QTRY_VERIFY_WITH_TIMEOUT(!m_b.isRunning(), 60000);
        QVERIFY2(m_b.exitedNormally() && m_b.exitCode() == 0, m_b.log().constData());
    }
};

QTEST_MAIN(TestAgentSaveCrash)
#include "tst_agentsavecrash.moc"
