// What Vapi holds after agent saves and tool syncs that race, fail or are slow (S-agent,
// S-toolsync): two server instances share one database and one Vapi (the sandbox). However many
// saves race, on whichever instance, a clinic has exactly one assistant and each tool is
// registered once; a COMMIT that fails after Vapi acted neither repeats the call nor leaves
// anything at Vapi that the database does not know of; an assistant whose creation was never
// recorded is adopted, not duplicated; and what the console shows (the saved settings, the sync
// status) is what really happened at Vapi.
#include "core/logging/log.h"
#include "server/sandbox/sandbox.h"
#include "vapitestkit.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSet>
#include <QTest>

#include <algorithm>

#include <functional>

using namespace Qt::Literals::StringLiterals;
using namespace vox::test;

namespace {

bool waitFor(const std::function<bool()> &condition, int timeoutMs = 60000)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QTest::qWait(20);
    }
    return true;
}

struct Put
{
    QString baseUrl;
    QString token;
    QString prompt;
};

// PUT /api/agent requests under way at once (several connections per instance).
class PendingPuts
{
public:
    explicit PendingPuts(const QList<Put> &puts)
    {
        for (const Put &put : puts) {
            QNetworkRequest request{QUrl(put.baseUrl + u"/api/agent"_s)};
            request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
            request.setRawHeader("Authorization", "Bearer " + put.token.toLatin1());
            request.setTransferTimeout(120000);
            const QJsonObject body{{u"name"_s, u"Voxanne"_s},
                                   {u"first_message"_s, u"Hello from the race."_s},
                                   {u"system_prompt"_s, put.prompt}};
            m_replies << m_network.put(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        }
    }
    ~PendingPuts() { qDeleteAll(m_replies); }
    PendingPuts(const PendingPuts &) = delete;
    PendingPuts &operator=(const PendingPuts &) = delete;

    // Every answer, in the order the requests were made.
    QList<HttpReply> wait()
    {
        waitFor(
            [&] {
                return std::all_of(m_replies.cbegin(), m_replies.cend(),
                                   [](const QNetworkReply *r) { return r->isFinished(); });
            },
            180000);
        QList<HttpReply> out;
        for (QNetworkReply *reply : std::as_const(m_replies)) {
            HttpReply r;
            r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            r.body = reply->readAll();
            out << r;
        }
        return out;
    }

private:
    QNetworkAccessManager m_network;
    QList<QNetworkReply *> m_replies;
};

QList<HttpReply> putConcurrently(const QList<Put> &puts)
{
    return PendingPuts(puts).wait();
}

QSet<QString> ids(const QJsonArray &items)
{
    QSet<QString> out;
    for (const QJsonValue &v : items)
        out.insert(v.toObject().value(u"id"_s).toString());
    return out;
}

} // namespace

class TestAgentSave : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::sandbox::Sandbox> m_sandbox;
    std::unique_ptr<TestDatabase> m_db;
    // Two instances of the server on one database, as in production behind a load balancer.
    std::unique_ptr<TestServer> m_a;
    std::unique_ptr<TestServer> m_b;
    std::unique_ptr<HttpClient> m_client;
    int m_clinics = 0;

    Clinic newClinic()
    {
        return createClinic(*m_client, *m_db, u"Race Clinic %1"_s.arg(++m_clinics),
                            u"America/New_York"_s, {}, false);
    }

    HttpReply save(TestServer &on, const Clinic &clinic, const QString &prompt)
    {
        const QList<HttpReply> r = putConcurrently({{on.url(), clinic.token, prompt}});
        return r.first();
    }

    QList<vox::sandbox::RecordedRequest> vapiRequests(const QString &method,
                                                      const QString &pathPrefix)
    {
        QList<vox::sandbox::RecordedRequest> out;
        for (const auto &r : m_sandbox->state().recorded(u"vapi"_s)) {
            if (r.method == method && r.path.startsWith(pathPrefix))
                out.append(r);
        }
        return out;
    }

    // The PATCHes of agent saves (the tool sync's carry the model only).
    QList<vox::sandbox::RecordedRequest> savePatches(const QString &path)
    {
        QList<vox::sandbox::RecordedRequest> out;
        for (const auto &r : vapiRequests(u"PATCH"_s, path)) {
            if (QJsonDocument::fromJson(r.body).object().contains(u"firstMessage"_s))
                out.append(r);
        }
        return out;
    }

    // What Vapi holds, read through its API like anyone else would.
    QJsonArray sandboxList(const QString &collection)
    {
        HttpClient vapi(m_sandbox->url());
        return vapi.send("GET", u"/vapi/"_s + collection, {}, {{"Authorization", "Bearer test"}})
            .jsonArray();
    }

    QStringList toolNamesAtVapi()
    {
        QStringList names;
        for (const QJsonValue &t : sandboxList(u"tool"_s))
            names << t.toObject().value(u"function"_s).toObject().value(u"name"_s).toString();
        names.sort();
        return names;
    }

    void slowDown(const QString &method, const QString &pathPrefix, int delayMs, int times = 1000)
    {
        vox::sandbox::Failure slow;
        slow.provider = u"vapi"_s;
        slow.method = method;
        slow.pathPrefix = pathPrefix;
        slow.status = 0; // served as usual, late
        slow.delayMs = delayMs;
        slow.remaining = times;
        m_sandbox->state().addFailure(slow);
    }

    void failNext(const QString &method, const QString &pathPrefix, int status, int times)
    {
        vox::sandbox::Failure f;
        f.provider = u"vapi"_s;
        f.method = method;
        f.pathPrefix = pathPrefix;
        f.status = status;
        f.remaining = times;
        f.body = {{u"message"_s, QJsonArray{u"voice.voiceId is not a known voice"_s}},
                  {u"error"_s, u"Bad Request"_s},
                  {u"statusCode"_s, status}};
        m_sandbox->state().addFailure(f);
    }

    QString agentField(const Clinic &clinic, const QByteArray &column)
    {
        return scalar(*m_db,
                      "SELECT coalesce(" + column +
                          "::text, '') FROM agents WHERE org_id = $1::uuid AND direction = "
                          "'inbound'",
                      {clinic.orgId});
    }

    QString promptAtVapi(const QString &assistantId)
    {
        return m_sandbox->vapi()
            .assistant(assistantId)
            .value(u"model"_s)
            .toObject()
            .value(u"messages"_s)
            .toArray()
            .first()
            .toObject()
            .value(u"content"_s)
            .toString();
    }

    // The org's sync job finished (done or failed for good), whichever instance ran it.
    bool syncFinished(const Clinic &clinic)
    {
        return waitFor([&] {
            const QString status = agentField(clinic, "sync_status");
            return count(*m_db,
                         "SELECT count(*) FROM jobs WHERE kind = 'vapi.sync_tools' AND org_id = "
                         "$1::uuid AND status IN ('done', 'failed')",
                         {clinic.orgId}) == 1 &&
                   status != u"syncing" && status != u"pending";
        });
    }

    void wakeJobs()
    {
        m_a->server().jobs().wake();
        m_b->server().jobs().wake();
    }

    void queueSync(const Clinic &clinic)
    {
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin
                    ->exec("INSERT INTO jobs (kind, org_id, unique_key) VALUES "
                           "('vapi.sync_tools', $1::uuid, 'vapi.sync_tools:' || $1) "
                           "ON CONFLICT (unique_key) WHERE unique_key IS NOT NULL DO UPDATE SET "
                           "status = 'queued', attempts = 0, run_at = now(), last_error = NULL",
                           {clinic.orgId})
                    .ok());
        wakeJobs();
    }

    // The next `failures` COMMITs that record a saved prompt starting "Commit fails" (agents), or
    // a registration of checkAvailability (vapi_tools), fail with a serialization failure, as a
    // concurrent transaction can make them fail. The count lives in a sequence, which a rollback
    // does not undo.
    void failCommits(const QString &table, int failures)
    {
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin
                    ->exec("UPDATE test_commit_failures SET failures = $2 WHERE table_name = $1",
                           {table, QString::number(failures)})
                    .ok());
        QVERIFY(admin->exec("SELECT setval('test_commit_attempts', 1, false)").ok());
    }

private slots:
    void initTestCase()
    {
        vox::log::setupStderr(vox::log::Level::Error);
        m_sandbox = std::make_unique<vox::sandbox::Sandbox>();
        QVERIFY(m_sandbox->listen(u"127.0.0.1"_s, 0).ok());
        m_db = std::make_unique<TestDatabase>(u"agentsave"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        const QHash<QString, QString> environment{{u"VOXANNE_SANDBOX_URL"_s, m_sandbox->url()},
                                                  {u"VOXANNE_DEV_ALLOW_SANDBOX"_s, u"1"_s},
                                                  {u"VOXANNE_PROVIDER_RETRY_MS"_s, u"5,5"_s},
                                                  {u"VOXANNE_JOB_POLL_MS"_s, u"50"_s},
                                                  {u"VOXANNE_JOB_BACKOFF_MS"_s, u"20"_s}};
        m_a = std::make_unique<TestServer>(*m_db, environment);
        QVERIFY2(m_a->ok(), qPrintable(m_a->error()));
        m_b = std::make_unique<TestServer>(*m_db, environment);
        QVERIFY2(m_b->ok(), qPrintable(m_b->error()));
        QVERIFY(m_a->url() != m_b->url());
        m_client = m_a->client();

        auto admin = m_db->connectAsAdmin();
        const auto installed = admin->execScript(R"sql(
            CREATE TABLE test_commit_failures (table_name text PRIMARY KEY, failures int NOT NULL);
            INSERT INTO test_commit_failures VALUES ('agents', 0), ('vapi_tools', 0);
            CREATE SEQUENCE test_commit_attempts;
            CREATE FUNCTION test_fail_agent_commit() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
            BEGIN
                IF NEW.system_prompt IS DISTINCT FROM OLD.system_prompt
                   AND NEW.system_prompt LIKE 'Commit fails%'
                   AND nextval('test_commit_attempts') <=
                       (SELECT failures FROM test_commit_failures WHERE table_name = 'agents') THEN
                    RAISE EXCEPTION 'could not serialize access (injected at COMMIT)'
                        USING ERRCODE = '40001';
                END IF;
                RETURN NULL;
            END $$;
            CREATE CONSTRAINT TRIGGER agents_fail_commit AFTER UPDATE ON agents
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                EXECUTE FUNCTION test_fail_agent_commit();
            CREATE FUNCTION test_fail_tool_commit() RETURNS trigger
            LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
            BEGIN
                IF NEW.tool_name = 'checkAvailability'
                   AND nextval('test_commit_attempts') <=
                       (SELECT failures FROM test_commit_failures
                        WHERE table_name = 'vapi_tools') THEN
                    RAISE EXCEPTION 'could not serialize access (injected at COMMIT)'
                        USING ERRCODE = '40001';
                END IF;
                RETURN NULL;
            END $$;
            CREATE CONSTRAINT TRIGGER vapi_tools_fail_commit AFTER INSERT OR UPDATE ON vapi_tools
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                EXECUTE FUNCTION test_fail_tool_commit();
        )sql");
        QVERIFY2(installed.ok(), qPrintable(installed.ok() ? QString() : installed.errorMessage()));
    }

    void init()
    {
        m_sandbox->state().clearRequests();
        m_sandbox->state().clearFailures();
        failCommits(u"agents"_s, 0);
        failCommits(u"vapi_tools"_s, 0);
    }

    void cleanup()
    {
        // Whatever a test did, no claim on anything at Vapi outlives the request that made it.
        QCOMPARE(count(*m_db, "SELECT count(*) FROM provider_leases"), 0);
    }

    void concurrentSavesOnTwoInstancesMakeOneAssistant()
    {
        const Clinic clinic = newClinic();
        const QSet<QString> assistantsBefore = ids(sandboxList(u"assistant"_s));
        // Creating the assistant takes Vapi a while: every save arrives while it is under way.
        slowDown(u"POST"_s, u"/vapi/assistant"_s, 400);
        QList<Put> puts;
        for (int i = 0; i < 16; ++i)
            puts << Put{(i % 2 ? m_b : m_a)->url(), clinic.token, u"Prompt %1"_s.arg(i)};
        const QList<HttpReply> replies = putConcurrently(puts);
        for (const HttpReply &r : replies)
            QVERIFY2(r.status == 200, r.body.constData());

        QCOMPARE(vapiRequests(u"POST"_s, u"/vapi/assistant"_s).size(), 1);
        const QString assistantId = agentField(clinic, "vapi_assistant_id");
        QCOMPARE(ids(sandboxList(u"assistant"_s)) - assistantsBefore, QSet<QString>{assistantId});
        // Every answer names the same assistant, and Vapi holds what the clinic last saved.
        for (const HttpReply &r : replies)
            QCOMPARE(r.json().value(u"agent"_s).toObject().value(u"vapi_assistant_id"_s).toString(),
                     assistantId);
        QVERIFY(syncFinished(clinic));
        QCOMPARE(agentField(clinic, "sync_status"), u"synced"_s);
        QCOMPARE(promptAtVapi(assistantId), agentField(clinic, "system_prompt"));
    }

    void concurrentSyncsOnTwoInstancesRegisterEachToolOnce()
    {
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin->exec("DELETE FROM vapi_tools").ok());
        const QStringList namesBefore = toolNamesAtVapi();
        // Registering a tool takes Vapi a while, so the two clinics' syncs overlap.
        slowDown(u"POST"_s, u"/vapi/tool"_s, 200);
        const Clinic first = newClinic();
        const Clinic second = newClinic();
        const QList<HttpReply> replies =
            putConcurrently({{m_a->url(), first.token, u"First clinic"_s},
                             {m_b->url(), second.token, u"Second clinic"_s}});
        for (const HttpReply &r : replies)
            QVERIFY2(r.status == 200, r.body.constData());
        QVERIFY(syncFinished(first));
        QVERIFY(syncFinished(second));
        QCOMPARE(agentField(first, "sync_status"), u"synced"_s);
        QCOMPARE(agentField(second, "sync_status"), u"synced"_s);

        const qint64 tools = count(*m_db, "SELECT count(*) FROM vapi_tools");
        QCOMPARE(tools, 6);
        QSet<QString> posted;
        for (const auto &r : vapiRequests(u"POST"_s, u"/vapi/tool"_s))
            posted << QJsonDocument::fromJson(r.body)
                          .object()
                          .value(u"function"_s)
                          .toObject()
                          .value(u"name"_s)
                          .toString();
        QCOMPARE(vapiRequests(u"POST"_s, u"/vapi/tool"_s).size(), tools);
        QCOMPARE(posted.size(), tools);
        // Vapi holds one new copy of each tool, and both assistants link exactly those.
        QStringList added = toolNamesAtVapi();
        for (const QString &name : namesBefore)
            added.removeOne(name);
        QStringList names(posted.cbegin(), posted.cend());
        names.sort();
        QCOMPARE(added, names);
        QStringList registered;
        auto rows = admin->exec("SELECT vapi_tool_id FROM vapi_tools ORDER BY 1");
        for (int r = 0; r < rows->rowCount(); ++r)
            registered << rows->text(r, 0);
        for (const Clinic &clinic : {first, second}) {
            QStringList linked;
            for (const QJsonValue &id : m_sandbox->vapi()
                                            .assistant(agentField(clinic, "vapi_assistant_id"))
                                            .value(u"model"_s)
                                            .toObject()
                                            .value(u"toolIds"_s)
                                            .toArray())
                linked << id.toString();
            linked.sort();
            QCOMPARE(linked, registered);
        }
    }

    void aSaveWhileVapiIsSlowIsFollowedNotOvertaken()
    {
        const Clinic clinic = newClinic();
        QCOMPARE(save(*m_a, clinic, u"Before"_s).status, 200);
        QVERIFY(syncFinished(clinic));
        const QString assistantId = agentField(clinic, "vapi_assistant_id");
        const QString path = u"/vapi/assistant/"_s + assistantId;
        m_sandbox->state().clearRequests();

        // The first save's PATCH takes Vapi 1.5 s; a second save arrives through the other
        // instance while it is under way.
        slowDown(u"PATCH"_s, path, 1500, 1);
        PendingPuts first({{m_a->url(), clinic.token, u"First"_s}});
        QVERIFY(waitFor([&] { return !savePatches(path).isEmpty(); }));
        const QList<HttpReply> secondReplies =
            putConcurrently({{m_b->url(), clinic.token, u"Second"_s}});
        const QList<HttpReply> firstReplies = first.wait();
        QCOMPARE(firstReplies.first().status, 200);
        QCOMPARE(secondReplies.first().status, 200);

        // The second save came later, and both Vapi and the clinic's settings say so.
        QCOMPARE(agentField(clinic, "system_prompt"), u"Second"_s);
        QCOMPARE(promptAtVapi(assistantId), u"Second"_s);
        const auto patches = savePatches(path);
        QCOMPARE(patches.size(), 2);
        QVERIFY(patches.at(0).body.contains("\"First\""));
        QVERIFY(patches.at(1).body.contains("\"Second\""));
        QVERIFY(syncFinished(clinic));
        QCOMPARE(agentField(clinic, "sync_status"), u"synced"_s);
        QCOMPARE(promptAtVapi(assistantId), u"Second"_s);
    }

    void aSaveMeetsTheClaimOfAnotherSave_data()
    {
        QTest::addColumn<bool>("holderAlive");
        QTest::addColumn<int>("status");
        // An instance that crashed mid-save leaves its claim, but not its database session.
        QTest::newRow("the holder's instance died") << false << 200;
        // One still working for longer than a save waits: the second is told, nothing changes.
        QTest::newRow("the holder is still at it") << true << 409;
    }
    void aSaveMeetsTheClaimOfAnotherSave()
    {
        QFETCH(bool, holderAlive);
        QFETCH(int, status);
        const Clinic clinic = newClinic();
        QCOMPARE(save(*m_a, clinic, u"Before"_s).status, 200);
        QVERIFY(syncFinished(clinic));
        m_sandbox->state().clearRequests();
        const QString key = u"vapi.assistant:"_s + agentField(clinic, "id");

        auto holder = m_db->connectAsAdmin();
        const QString pid = holder->exec("SELECT pg_backend_pid()")->text(0, 0);
        if (!holderAlive) {
            holder.reset();
            QVERIFY(waitFor([&] {
                return count(*m_db, "SELECT count(*) FROM pg_stat_activity WHERE pid = $1::int",
                             {pid}) == 0;
            }));
        }
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin
                    ->exec("INSERT INTO provider_leases (key, token, holder_pid, expires_at) "
                           "VALUES ($1, gen_random_uuid(), $2::int, now() + interval '1 hour')",
                           {key, pid})
                    .ok());

        const HttpReply saved = save(*m_b, clinic, u"After"_s);
        QVERIFY2(saved.status == status, saved.body.constData());
        if (holderAlive) {
            QCOMPARE(saved.error(), u"Another save of this agent is still being sent to Vapi; "
                                    "please try again in a moment."_s);
            QCOMPARE(agentField(clinic, "system_prompt"), u"Before"_s);
            QCOMPARE(vapiRequests(u"PATCH"_s, u"/vapi/"_s).size(), 0);
            // The other holder's claim is left alone.
            QCOMPARE(count(*m_db,
                           "SELECT count(*) FROM provider_leases WHERE key = $1 AND "
                           "holder_pid = $2::int",
                           {key, pid}),
                     1);
            QVERIFY(admin->exec("DELETE FROM provider_leases WHERE key = $1", {key}).ok());
        } else {
            QCOMPARE(agentField(clinic, "system_prompt"), u"After"_s);
            QCOMPARE(promptAtVapi(agentField(clinic, "vapi_assistant_id")), u"After"_s);
            QVERIFY(syncFinished(clinic));
        }
    }

    void anAssistantWhoseCreationWasNeverRecordedIsAdopted()
    {
        // An instance died after Vapi created the assistant and before the id was recorded (or
        // Vapi's answer never came): Vapi holds an assistant tagged with the agent.
        const Clinic clinic = newClinic();
        const QString agentId = agentField(clinic, "id");
        HttpClient vapi(m_sandbox->url());
        const HttpReply orphan = vapi.send(
            "POST", u"/vapi/assistant"_s,
            QJsonDocument(QJsonObject{{u"name"_s, u"Voxanne"_s},
                                      {u"metadata"_s, QJsonObject{{u"voxanneAgentId"_s, agentId}}},
                                      {u"model"_s, QJsonObject{{u"provider"_s, u"openai"_s},
                                                               {u"model"_s, u"gpt-4o"_s},
                                                               {u"temperature"_s, 0.2}}}})
                .toJson(QJsonDocument::Compact),
            {{"Authorization", "Bearer test"}});
        QCOMPARE(orphan.status, 201);
        const QString orphanId = orphan.json().value(u"id"_s).toString();
        const QSet<QString> assistantsBefore = ids(sandboxList(u"assistant"_s));
        m_sandbox->state().clearRequests();

        QCOMPARE(save(*m_a, clinic, u"Adopted"_s).status, 200);
        QCOMPARE(vapiRequests(u"POST"_s, u"/vapi/assistant"_s).size(), 0);
        QCOMPARE(ids(sandboxList(u"assistant"_s)), assistantsBefore);
        QCOMPARE(agentField(clinic, "vapi_assistant_id"), orphanId);
        QCOMPARE(promptAtVapi(orphanId), u"Adopted"_s);
        // Adopted by fetch-merge-patch like any other: what it had is kept.
        QCOMPARE(m_sandbox->vapi()
                     .assistant(orphanId)
                     .value(u"model"_s)
                     .toObject()
                     .value(u"temperature"_s)
                     .toDouble(),
                 0.2);
        QVERIFY(syncFinished(clinic));
        QCOMPARE(agentField(clinic, "sync_status"), u"synced"_s);
    }

    void aCommitThatFailsAfterVapiActedLeavesNothingExtra_data()
    {
        QTest::addColumn<bool>("hasAssistant");
        QTest::addColumn<int>("commitFailures");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("savedPrompt");
        QTest::addColumn<QString>("syncStatus");
        QTest::addColumn<int>("assistantsAdded");
        // The transaction is re-run; Vapi is not called again.
        QTest::newRow("creating, COMMIT fails once")
            << false << 1 << 200 << u"Commit fails once"_s << u"synced"_s << 1;
        // Nothing is saved, and the assistant nobody knows of is removed from Vapi again.
        QTest::newRow("creating, COMMIT never succeeds")
            << false << 1000 << 503 << u"Before"_s << u"not_synced"_s << 0;
        QTest::newRow("updating, COMMIT fails once")
            << true << 1 << 200 << u"Commit fails once"_s << u"synced"_s << 0;
        // Vapi has the new prompt and the clinic's settings do not: the sync status says so.
        QTest::newRow("updating, COMMIT never succeeds")
            << true << 1000 << 503 << u"Before"_s << u"failed"_s << 0;
    }
    void aCommitThatFailsAfterVapiActedLeavesNothingExtra()
    {
        QFETCH(bool, hasAssistant);
        QFETCH(int, commitFailures);
        QFETCH(int, status);
        QFETCH(QString, savedPrompt);
        QFETCH(QString, syncStatus);
        QFETCH(int, assistantsAdded);
        const Clinic clinic = newClinic();
        if (hasAssistant) {
            QCOMPARE(save(*m_a, clinic, u"Before"_s).status, 200);
            QVERIFY(syncFinished(clinic));
        } else {
            auto admin = m_db->connectAsAdmin();
            QVERIFY(admin
                        ->exec("UPDATE agents SET system_prompt = 'Before' WHERE org_id = $1::uuid",
                               {clinic.orgId})
                        .ok());
        }
        m_sandbox->state().clearRequests();
        const qsizetype assistantsBefore = sandboxList(u"assistant"_s).size();
        failCommits(u"agents"_s, commitFailures);

        const HttpReply saved = save(*m_b, clinic, u"Commit fails once"_s);
        QVERIFY2(saved.status == status, saved.body.constData());
        if (status != 200)
            QVERIFY2(!saved.error().isEmpty(), saved.body.constData());
        // Vapi was asked once, however often the transaction ran.
        QCOMPARE(hasAssistant ? savePatches(u"/vapi/assistant/"_s).size()
                              : vapiRequests(u"POST"_s, u"/vapi/assistant"_s).size(),
                 1);
        QCOMPARE(sandboxList(u"assistant"_s).size(), assistantsBefore + assistantsAdded);
        QCOMPARE(agentField(clinic, "system_prompt"), savedPrompt);
        const QString assistantId = agentField(clinic, "vapi_assistant_id");
        QCOMPARE(assistantId.isEmpty(), !hasAssistant && status != 200);
        if (!assistantId.isEmpty()) {
            QVERIFY(!m_sandbox->vapi().assistant(assistantId).isEmpty());
            QCOMPARE(promptAtVapi(assistantId), u"Commit fails once"_s);
        }
        if (syncStatus == u"synced")
            QVERIFY(syncFinished(clinic));
        QCOMPARE(agentField(clinic, "sync_status"), syncStatus);
        if (syncStatus == u"failed") {
            const QString error = agentField(clinic, "sync_error");
            QVERIFY2(error.contains(u"Vapi has settings that could not be saved here"_s),
                     qPrintable(error));
            m_client->setToken(clinic.token);
            const QJsonObject sync =
                m_client->get(u"/api/agent"_s).json().value(u"sync"_s).toObject();
            QCOMPARE(sync.value(u"status"_s).toString(), u"failed"_s);
        }

        // Saving again once the database records it again leaves one assistant, in step.
        failCommits(u"agents"_s, 0);
        QCOMPARE(save(*m_a, clinic, u"After"_s).status, 200);
        QVERIFY(syncFinished(clinic));
        QCOMPARE(agentField(clinic, "sync_status"), u"synced"_s);
        QCOMPARE(sandboxList(u"assistant"_s).size(), assistantsBefore + (hasAssistant ? 0 : 1));
        QCOMPARE(promptAtVapi(agentField(clinic, "vapi_assistant_id")), u"After"_s);
    }

    void aToolWhoseCommitFailsIsNeverLeftTwiceAtVapi_data()
    {
        QTest::addColumn<int>("commitFailures");
        QTest::addColumn<QString>("syncStatus");
        // The transaction is re-run; the tool is registered once.
        QTest::newRow("COMMIT fails once") << 1 << u"synced"_s;
        // Every attempt of the job registers the tool and, unable to record it, removes it.
        QTest::newRow("COMMIT never succeeds") << 100000 << u"failed"_s;
    }
    void aToolWhoseCommitFailsIsNeverLeftTwiceAtVapi()
    {
        QFETCH(int, commitFailures);
        QFETCH(QString, syncStatus);
        const Clinic clinic = newClinic();
        QCOMPARE(save(*m_a, clinic, u"Tools"_s).status, 200);
        QVERIFY(syncFinished(clinic));
        auto admin = m_db->connectAsAdmin();
        const QString old = scalar(*m_db, "SELECT vapi_tool_id FROM vapi_tools WHERE tool_name = "
                                          "'checkAvailability'");
        QVERIFY(admin->exec("DELETE FROM vapi_tools WHERE tool_name = 'checkAvailability'").ok());
        HttpClient vapi(m_sandbox->url());
        QCOMPARE(vapi.send("DELETE", u"/vapi/tool/"_s + old, {}, {{"Authorization", "Bearer test"}})
                     .status,
                 200);
        const qsizetype copiesBefore = toolNamesAtVapi().count(u"checkAvailability"_s);
        m_sandbox->state().clearRequests();
        failCommits(u"vapi_tools"_s, commitFailures);

        queueSync(clinic);
        QVERIFY(syncFinished(clinic));
        QCOMPARE(agentField(clinic, "sync_status"), syncStatus);
        const qint64 attempts = count(*m_db,
                                      "SELECT attempts FROM jobs WHERE kind = 'vapi.sync_tools' "
                                      "AND org_id = $1::uuid",
                                      {clinic.orgId});
        const qsizetype posted = vapiRequests(u"POST"_s, u"/vapi/tool"_s).size();
        const qsizetype deleted = vapiRequests(u"DELETE"_s, u"/vapi/tool/"_s).size();
        // One registration per attempt of the job, never one per run of a transaction.
        QCOMPARE(qint64(posted), attempts);
        const QStringList atVapi = toolNamesAtVapi();
        if (syncStatus == u"synced") {
            QCOMPARE(posted, 1);
            QCOMPARE(deleted, 0);
            QCOMPARE(atVapi.count(u"checkAvailability"_s), copiesBefore + 1);
        } else {
            QVERIFY(attempts > 1);
            QCOMPARE(deleted, posted);
            QCOMPARE(atVapi.count(u"checkAvailability"_s), copiesBefore);
            // Put right for the next tests.
            failCommits(u"vapi_tools"_s, 0);
            queueSync(clinic);
            QVERIFY(syncFinished(clinic));
            QCOMPARE(agentField(clinic, "sync_status"), u"synced"_s);
            QCOMPARE(toolNamesAtVapi().count(u"checkAvailability"_s), copiesBefore + 1);
        }
    }

    void vapiFailuresLeaveTheSavedSettingsAsTheyWere_data()
    {
        QTest::addColumn<bool>("hasAssistant");
        QTest::addColumn<int>("vapiStatus");
        QTest::newRow("creating, Vapi refuses") << false << 400;
        QTest::newRow("creating, Vapi unavailable") << false << 503;
        QTest::newRow("updating, Vapi refuses") << true << 400;
        QTest::newRow("updating, Vapi unavailable") << true << 503;
    }
    void vapiFailuresLeaveTheSavedSettingsAsTheyWere()
    {
        QFETCH(bool, hasAssistant);
        QFETCH(int, vapiStatus);
        const Clinic clinic = newClinic();
        if (hasAssistant) {
            QCOMPARE(save(*m_a, clinic, u"Before"_s).status, 200);
            QVERIFY(syncFinished(clinic));
        }
        const QString promptBefore = agentField(clinic, "system_prompt");
        const QString syncBefore = agentField(clinic, "sync_status");
        const QString assistantId = agentField(clinic, "vapi_assistant_id");
        const qsizetype assistantsBefore = sandboxList(u"assistant"_s).size();
        failNext(hasAssistant ? u"PATCH"_s : u"POST"_s, u"/vapi/assistant"_s, vapiStatus, 10);

        const HttpReply refused = save(*m_b, clinic, u"Refused"_s);
        QCOMPARE(refused.status, 502);
        QVERIFY2(refused.error().startsWith(u"Vapi did not accept the assistant, so nothing was "
                                            "saved"_s),
                 qPrintable(refused.error()));
        QCOMPARE(agentField(clinic, "system_prompt"), promptBefore);
        QCOMPARE(agentField(clinic, "sync_status"), syncBefore);
        QCOMPARE(agentField(clinic, "vapi_assistant_id"), assistantId);
        QCOMPARE(sandboxList(u"assistant"_s).size(), assistantsBefore);
        if (hasAssistant)
            QCOMPARE(promptAtVapi(assistantId), promptBefore);

        // The failed save held nothing back: the next one goes through.
        m_sandbox->state().clearFailures();
        QCOMPARE(save(*m_a, clinic, u"Accepted"_s).status, 200);
        QCOMPARE(sandboxList(u"assistant"_s).size(), assistantsBefore + (hasAssistant ? 0 : 1));
        QCOMPARE(promptAtVapi(agentField(clinic, "vapi_assistant_id")), u"Accepted"_s);
        QVERIFY(syncFinished(clinic));
    }
};

QTEST_MAIN(TestAgentSave)
#include "tst_agentsave.moc"
