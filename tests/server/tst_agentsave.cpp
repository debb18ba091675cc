// What Vapi holds after agent saves and tool syncs that race, fail or are slow (S-agent,
// S-toolsync): two server instances share one database and one Vapi (the sandbox). A save stores
// the clinic's settings and answers at once, whatever Vapi is doing; the push job then sends
// them. However many saves race, on whichever instance, a clinic has exactly one assistant
// holding the settings saved last, and each tool is registered once; a COMMIT that fails after
// Vapi acted neither repeats the call within the attempt nor leaves anything at Vapi that the
// database does not know of; an assistant whose creation was never recorded is adopted, not
// duplicated; Vapi refusing is shown with its reason and not retried, Vapi unavailable is
// retried until it answers; and what the console shows (the saved settings, the sync status) is
// what really happened at Vapi.
#include "core/logging/log.h"
#include "sandbox/sandbox.h"
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
        return vapi
            .send("GET", u"/vapi/"_s + collection + u"?limit=1000"_s, {},
                  {{"Authorization", "Bearer test"}})
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

    // Nothing is left to do for the clinic's agent: no push or tool sync waits or runs,
    // whichever instance ran them, and the status says how it ended.
    bool syncFinished(const Clinic &clinic)
    {
        return waitFor([&] {
            const QString status = agentField(clinic, "sync_status");
            return count(*m_db,
                         "SELECT count(*) FROM jobs WHERE kind IN ('agent.push', "
                         "'vapi.sync_tools') AND org_id = $1::uuid AND status IN ('queued', "
                         "'running')",
                         {clinic.orgId}) == 0 &&
                   status != u"syncing" && status != u"pending";
        });
    }

    // Attempts of the agent's push job so far (not of a follow-up).
    qint64 pushAttempts(const Clinic &clinic)
    {
        return count(*m_db,
                     "SELECT attempts FROM jobs WHERE unique_key = 'agent.push:' || (SELECT id "
                     "FROM agents WHERE org_id = $1::uuid AND direction = 'inbound')",
                     {clinic.orgId});
    }

    // A save's answer: the settings stored, not yet at Vapi.
    static void verifySavedNotYetSent(const HttpReply &saved, const QString &prompt)
    {
        QVERIFY2(saved.status == 200, saved.body.constData());
        QCOMPARE(saved.json().value(u"agent"_s).toObject().value(u"system_prompt"_s).toString(),
                 prompt);
        const QJsonObject sync = saved.json().value(u"sync"_s).toObject();
        QCOMPARE(sync.value(u"status"_s).toString(), u"pending"_s);
        QVERIFY(sync.value(u"error"_s).isNull());
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

    // The next `failures` COMMITs that record the push of a prompt starting "Commit fails"
    // (agents), or a registration of checkAvailability (vapi_tools), fail with a serialization
    // failure, as a concurrent transaction can make them fail. The count lives in a sequence, which
    // a rollback does not undo.
    void failCommits(const QString &table, int failures)
    {
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin
                    ->exec("UPDATE test_commit_failures SET failures = $2 WHERE table_name = $1",
                           {table, QString::number(failures)})
                    .ok());
        QVERIFY(admin->exec("SELECT setval('test_commit_attempts', 1, false)").ok());
    }

    // A new clinic; when `withAssistant`, its agent saved and in sync, so Vapi has an assistant.
    bool newClinicSaved(bool withAssistant, Clinic &clinic)
    {
        clinic = newClinic();
        return !withAssistant ||
               (save(*m_a, clinic, u"Before"_s).status == 200 && syncFinished(clinic));
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
                IF OLD.sync_status = 'pending' AND NEW.sync_status = 'syncing'
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
        for (int i = 0; i < replies.size(); ++i)
            verifySavedNotYetSent(replies.at(i), puts.at(i).prompt);
        QVERIFY(syncFinished(clinic));

        QCOMPARE(vapiRequests(u"POST"_s, u"/vapi/assistant"_s).size(), 1);
        const QString assistantId = agentField(clinic, "vapi_assistant_id");
        QCOMPARE(ids(sandboxList(u"assistant"_s)) - assistantsBefore, QSet<QString>{assistantId});
        // Vapi holds what the clinic saved last, and says it.
        QCOMPARE(agentField(clinic, "sync_status"), u"synced"_s);
        QCOMPARE(promptAtVapi(assistantId), agentField(clinic, "system_prompt"));
    }

    void concurrentSyncsOnTwoInstancesRegisterEachToolOnce()
    {
        // No tool of ours is registered, in our database or at Vapi.
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin->exec("DELETE FROM vapi_tools").ok());
        HttpClient vapi(m_sandbox->url());
        for (const QJsonValue &t : sandboxList(u"tool"_s)) {
            if (t.toObject().value(u"type"_s).toString() == u"function")
                QCOMPARE(vapi.send("DELETE",
                                   u"/vapi/tool/"_s + t.toObject().value(u"id"_s).toString(), {},
                                   {{"Authorization", "Bearer test"}})
                             .status,
                         200);
        }
        const QStringList namesBefore = toolNamesAtVapi();
        // Registering a tool takes Vapi a while, so the two clinics' syncs overlap.
        slowDown(u"POST"_s, u"/vapi/tool"_s, 200);
        const Clinic first = newClinic();
        const Clinic second = newClinic();
        const QList<HttpReply> replies =
            putConcurrently({{m_a->url(), first.token, u"First clinic"_s},
                             {m_b->url(), second.token, u"Second clinic"_s}});
        verifySavedNotYetSent(replies.at(0), u"First clinic"_s);
        verifySavedNotYetSent(replies.at(1), u"Second clinic"_s);
        QVERIFY(syncFinished(first));
        QVERIFY(syncFinished(second));
        QCOMPARE(agentField(first, "sync_status"), u"synced"_s);
        QCOMPARE(agentField(second, "sync_status"), u"synced"_s);

        const qint64 tools = count(*m_db, "SELECT count(*) FROM vapi_tools");
        QCOMPARE(tools, 7);
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
        // instance while it is under way, and is answered at once.
        slowDown(u"PATCH"_s, path, 1500, 1);
        verifySavedNotYetSent(save(*m_a, clinic, u"First"_s), u"First"_s);
        QVERIFY(waitFor([&] { return !savePatches(path).isEmpty(); }));
        verifySavedNotYetSent(save(*m_b, clinic, u"Second"_s), u"Second"_s);
        QVERIFY(syncFinished(clinic));

        // The second save came later, and both Vapi and the clinic's settings say so.
        QCOMPARE(agentField(clinic, "system_prompt"), u"Second"_s);
        QCOMPARE(promptAtVapi(assistantId), u"Second"_s);
        const auto patches = savePatches(path);
        QCOMPARE(patches.size(), 2);
        QVERIFY(patches.at(0).body.contains("\"First\""));
        QVERIFY(patches.at(1).body.contains("\"Second\""));
        QCOMPARE(agentField(clinic, "sync_status"), u"synced"_s);
        QCOMPARE(promptAtVapi(assistantId), u"Second"_s);
    }

    void aSaveWhileAPushIsFinishingIsSentByAFollowUp()
    {
        // A push that has recorded what it sent, and whose job is not yet marked done, absorbs no
        // save it never read: the save queues a follow-up, which sends it.
        const Clinic clinic = newClinic();
        QCOMPARE(save(*m_a, clinic, u"Before"_s).status, 200);
        QVERIFY(syncFinished(clinic));
        const QString agentId = agentField(clinic, "id");
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin
                    ->exec("UPDATE jobs SET status = 'running', locked_by = 'elsewhere:1', "
                           "locked_at = now() WHERE unique_key = 'agent.push:' || $1",
                           {agentId})
                    .ok());

        verifySavedNotYetSent(save(*m_b, clinic, u"After"_s), u"After"_s);
        QVERIFY(waitFor([&] { return agentField(clinic, "sync_status") == u"synced"; }));
        QCOMPARE(promptAtVapi(agentField(clinic, "vapi_assistant_id")), u"After"_s);
        QCOMPARE(count(*m_db,
                       "SELECT count(*) FROM jobs WHERE unique_key = 'agent.push:' || $1 || "
                       "':next' AND status = 'done'",
                       {agentId}),
                 1);
        // The push that was finishing finishes.
        QVERIFY(admin
                    ->exec("UPDATE jobs SET status = 'done', locked_by = NULL WHERE unique_key = "
                           "'agent.push:' || $1",
                           {agentId})
                    .ok());
        QVERIFY(syncFinished(clinic));
    }

    void aPushMeetsTheClaimOfAnotherHolder_data()
    {
        QTest::addColumn<bool>("holderAlive");
        // An instance that crashed mid-push leaves its claim, but not its database session.
        QTest::newRow("the holder's instance died") << false;
        // One still working: the save is stored and answered, the push waits its turn without
        // holding a thread, and goes through once the claim is given back.
        QTest::newRow("the holder is still at it") << true;
    }
    void aPushMeetsTheClaimOfAnotherHolder()
    {
        QFETCH(bool, holderAlive);
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

        verifySavedNotYetSent(save(*m_b, clinic, u"After"_s), u"After"_s);
        QCOMPARE(agentField(clinic, "system_prompt"), u"After"_s);
        if (holderAlive) {
            QVERIFY(waitFor([&] { return pushAttempts(clinic) >= 2; }));
            QCOMPARE(agentField(clinic, "sync_status"), u"pending"_s);
            QCOMPARE(agentField(clinic, "sync_error"),
                     u"Waiting for another change to this agent at Vapi to finish. Sending "
                     "again shortly."_s);
            QCOMPARE(savePatches(u"/vapi/assistant/"_s).size(), 0);
            // The other holder's claim is left alone until it gives it back.
            QCOMPARE(count(*m_db,
                           "SELECT count(*) FROM provider_leases WHERE key = $1 AND "
                           "holder_pid = $2::int",
                           {key, pid}),
                     1);
            QVERIFY(admin->exec("DELETE FROM provider_leases WHERE key = $1", {key}).ok());
            wakeJobs();
        }
        QVERIFY(syncFinished(clinic));
        QCOMPARE(agentField(clinic, "sync_status"), u"synced"_s);
        QCOMPARE(savePatches(u"/vapi/assistant/"_s).size(), 1);
        QCOMPARE(promptAtVapi(agentField(clinic, "vapi_assistant_id")), u"After"_s);
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

        verifySavedNotYetSent(save(*m_a, clinic, u"Adopted"_s), u"Adopted"_s);
        QVERIFY(syncFinished(clinic));
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
        QCOMPARE(agentField(clinic, "sync_status"), u"synced"_s);
    }

    void aCommitThatFailsAfterVapiActedLeavesNothingExtra_data()
    {
        QTest::addColumn<bool>("hasAssistant");
        QTest::addColumn<int>("commitFailures");
        QTest::addColumn<QString>("syncStatus");
        QTest::addColumn<int>("assistantsAdded");
        // The recording transaction is re-run; Vapi is not called again.
        QTest::newRow("creating, COMMIT fails once") << false << 1 << u"synced"_s << 1;
        // Every attempt of the push creates the assistant and, unable to record it, removes it
        // again; when the attempts run out the console is told the settings were not sent.
        QTest::newRow("creating, COMMIT never succeeds")
            << false << 100000 << u"send_failed"_s << 0;
        QTest::newRow("updating, COMMIT fails once") << true << 1 << u"synced"_s << 0;
        QTest::newRow("updating, COMMIT never succeeds") << true << 100000 << u"send_failed"_s << 0;
    }
    void aCommitThatFailsAfterVapiActedLeavesNothingExtra()
    {
        QFETCH(bool, hasAssistant);
        QFETCH(int, commitFailures);
        QFETCH(QString, syncStatus);
        QFETCH(int, assistantsAdded);
        Clinic clinic;
        QVERIFY(newClinicSaved(hasAssistant, clinic));
        m_sandbox->state().clearRequests();
        const qsizetype assistantsBefore = sandboxList(u"assistant"_s).size();
        failCommits(u"agents"_s, commitFailures);

        // The clinic's settings are stored whatever happens next.
        verifySavedNotYetSent(save(*m_b, clinic, u"Commit fails once"_s), u"Commit fails once"_s);
        QVERIFY(syncFinished(clinic));
        QCOMPARE(agentField(clinic, "sync_status"), syncStatus);
        QCOMPARE(agentField(clinic, "system_prompt"), u"Commit fails once"_s);
        // Never once per run of a transaction: a create is sent once per attempt of the push
        // (and removed again when it cannot be recorded); a change once, since later attempts
        // find Vapi holding it already.
        const qint64 attempts = pushAttempts(clinic);
        QCOMPARE(attempts > 1, syncStatus == u"send_failed");
        if (hasAssistant)
            QCOMPARE(savePatches(u"/vapi/assistant/"_s).size(), 1);
        else
            QCOMPARE(qint64(vapiRequests(u"POST"_s, u"/vapi/assistant"_s).size()), attempts);
        if (!hasAssistant)
            QCOMPARE(vapiRequests(u"DELETE"_s, u"/vapi/assistant/"_s).size(),
                     qsizetype(attempts - assistantsAdded));
        QCOMPARE(sandboxList(u"assistant"_s).size(), assistantsBefore + assistantsAdded);
        const QString assistantId = agentField(clinic, "vapi_assistant_id");
        QCOMPARE(assistantId.isEmpty(), !hasAssistant && syncStatus != u"synced");
        if (!assistantId.isEmpty()) {
            QVERIFY(!m_sandbox->vapi().assistant(assistantId).isEmpty());
            QCOMPARE(promptAtVapi(assistantId), u"Commit fails once"_s);
        }
        if (syncStatus == u"send_failed") {
            const QString error = agentField(clinic, "sync_error");
            QVERIFY2(error.contains(u"could not serialize access"_s), qPrintable(error));
            m_client->setToken(clinic.token);
            const QJsonObject sync =
                m_client->get(u"/api/agent"_s).json().value(u"sync"_s).toObject();
            QCOMPARE(sync.value(u"status"_s).toString(), u"send_failed"_s);
            QCOMPARE(sync.value(u"error"_s).toString(), error);
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

    void aSaveAnswersWithoutWaitingOnVapi()
    {
        // Vapi takes 3 s to create the assistant: the save is answered with the settings stored
        // and no assistant yet, and the push brings Vapi in step afterwards.
        const Clinic clinic = newClinic();
        const QSet<QString> assistantsBefore = ids(sandboxList(u"assistant"_s));
        slowDown(u"POST"_s, u"/vapi/assistant"_s, 3000, 1);
        const HttpReply saved = save(*m_a, clinic, u"Slow Vapi"_s);
        verifySavedNotYetSent(saved, u"Slow Vapi"_s);
        QVERIFY(saved.json().value(u"agent"_s).toObject().value(u"vapi_assistant_id"_s).isNull());
        QCOMPARE(agentField(clinic, "system_prompt"), u"Slow Vapi"_s);

        QVERIFY(syncFinished(clinic));
        QCOMPARE(agentField(clinic, "sync_status"), u"synced"_s);
        const QString assistantId = agentField(clinic, "vapi_assistant_id");
        QCOMPARE(ids(sandboxList(u"assistant"_s)) - assistantsBefore, QSet<QString>{assistantId});
        QCOMPARE(promptAtVapi(assistantId), u"Slow Vapi"_s);
    }

    void vapiRefusingTheSettingsIsShownAndNotRetried_data()
    {
        QTest::addColumn<bool>("hasAssistant");
        QTest::addColumn<int>("vapiStatus");
        QTest::newRow("creating, 400") << false << 400;
        QTest::newRow("creating, 422") << false << 422;
        QTest::newRow("updating, 400") << true << 400;
    }
    void vapiRefusingTheSettingsIsShownAndNotRetried()
    {
        QFETCH(bool, hasAssistant);
        QFETCH(int, vapiStatus);
        Clinic clinic;
        QVERIFY(newClinicSaved(hasAssistant, clinic));
        const QString promptAtVapiBefore = agentField(clinic, "system_prompt");
        const QString assistantId = agentField(clinic, "vapi_assistant_id");
        const qsizetype assistantsBefore = sandboxList(u"assistant"_s).size();
        m_sandbox->state().clearRequests();
        failNext(hasAssistant ? u"PATCH"_s : u"POST"_s, u"/vapi/assistant"_s, vapiStatus, 10);

        // The clinic's settings are kept; Vapi's reason, in its words, is what the console shows.
        verifySavedNotYetSent(save(*m_b, clinic, u"Refused"_s), u"Refused"_s);
        QVERIFY(syncFinished(clinic));
        QCOMPARE(agentField(clinic, "system_prompt"), u"Refused"_s);
        QCOMPARE(agentField(clinic, "sync_status"), u"send_failed"_s);
        const QString error = agentField(clinic, "sync_error");
        QVERIFY2(error.startsWith(u"Vapi refused the settings: "_s) &&
                     error.contains(u"voice.voiceId is not a known voice"_s) &&
                     error.contains(QString::number(vapiStatus)),
                 qPrintable(error));
        m_client->setToken(clinic.token);
        const QJsonObject sync = m_client->get(u"/api/agent"_s).json().value(u"sync"_s).toObject();
        QCOMPARE(sync.value(u"status"_s).toString(), u"send_failed"_s);
        QCOMPARE(sync.value(u"error"_s).toString(), error);
        // Asked once, not again: retrying cannot change Vapi's mind.
        QCOMPARE(pushAttempts(clinic), 1);
        QCOMPARE(hasAssistant ? savePatches(u"/vapi/assistant/"_s).size()
                              : vapiRequests(u"POST"_s, u"/vapi/assistant"_s).size(),
                 1);
        QCOMPARE(agentField(clinic, "vapi_assistant_id"), assistantId);
        QCOMPARE(sandboxList(u"assistant"_s).size(), assistantsBefore);
        if (hasAssistant)
            QCOMPARE(promptAtVapi(assistantId), promptAtVapiBefore);

        // Sending again (saving) once the problem is fixed goes through.
        m_sandbox->state().clearFailures();
        verifySavedNotYetSent(save(*m_a, clinic, u"Accepted"_s), u"Accepted"_s);
        QVERIFY(syncFinished(clinic));
        QCOMPARE(agentField(clinic, "sync_status"), u"synced"_s);
        QCOMPARE(sandboxList(u"assistant"_s).size(), assistantsBefore + (hasAssistant ? 0 : 1));
        QCOMPARE(promptAtVapi(agentField(clinic, "vapi_assistant_id")), u"Accepted"_s);
    }

    void vapiUnavailableIsRetriedUntilItAnswers_data()
    {
        QTest::addColumn<bool>("hasAssistant");
        QTest::addColumn<int>("vapiStatus");
        QTest::newRow("creating, 503") << false << 503;
        QTest::newRow("creating, 500") << false << 500;
        QTest::newRow("updating, 503") << true << 503;
    }
    void vapiUnavailableIsRetriedUntilItAnswers()
    {
        QFETCH(bool, hasAssistant);
        QFETCH(int, vapiStatus);
        Clinic clinic;
        QVERIFY(newClinicSaved(hasAssistant, clinic));
        const QString assistantId = agentField(clinic, "vapi_assistant_id");
        const qsizetype assistantsBefore = sandboxList(u"assistant"_s).size();
        m_sandbox->state().clearRequests();
        failNext(hasAssistant ? u"PATCH"_s : u"POST"_s, u"/vapi/assistant"_s, vapiStatus, 100000);

        verifySavedNotYetSent(save(*m_b, clinic, u"Retried"_s), u"Retried"_s);
        // While Vapi fails, the settings stay stored and the console is told it will be retried.
        QVERIFY(waitFor([&] {
            return pushAttempts(clinic) >= 2 &&
                   agentField(clinic, "sync_error").endsWith(u"Sending again shortly."_s);
        }));
        QCOMPARE(agentField(clinic, "sync_status"), u"pending"_s);
        QCOMPARE(agentField(clinic, "system_prompt"), u"Retried"_s);
        QCOMPARE(sandboxList(u"assistant"_s).size(), assistantsBefore);

        // Vapi recovers: the next attempt brings it in step, with one assistant.
        m_sandbox->state().clearFailures();
        wakeJobs();
        QVERIFY(syncFinished(clinic));
        QCOMPARE(agentField(clinic, "sync_status"), u"synced"_s);
        QCOMPARE(sandboxList(u"assistant"_s).size(), assistantsBefore + (hasAssistant ? 0 : 1));
        const QString recorded = agentField(clinic, "vapi_assistant_id");
        if (hasAssistant)
            QCOMPARE(recorded, assistantId);
        QCOMPARE(promptAtVapi(recorded), u"Retried"_s);
        // A create is sent once per attempt, never retried within one.
        if (!hasAssistant)
            QCOMPARE(qint64(vapiRequests(u"POST"_s, u"/vapi/assistant"_s).size()),
                     pushAttempts(clinic));
    }

    // After a few failed attempts a push waits many minutes before the next one. An admin who
    // saves again once Vapi is back must not wait for that: the save sends at once.
    void aSaveDuringABackOffIsSentAtOnce()
    {
        Clinic clinic;
        QVERIFY(newClinicSaved(true, clinic));
        const QString assistantId = agentField(clinic, "vapi_assistant_id");
        failNext(u"PATCH"_s, u"/vapi/assistant"_s, 503, 100000);
        verifySavedNotYetSent(save(*m_a, clinic, u"During the outage"_s), u"During the outage"_s);

        // The push has failed and waits out a back-off of an hour (the runners' own back-off
        // is short here, so the wait is set by hand on the queued job).
        auto admin = m_db->connectAsAdmin();
        const QByteArray parkJob =
            "UPDATE jobs SET run_at = now() + interval '1 hour' WHERE unique_key = "
            "'agent.push:' || (SELECT id FROM agents WHERE org_id = $1::uuid AND direction = "
            "'inbound') AND status = 'queued' AND attempts > 0 RETURNING id";
        QVERIFY(waitFor([&] {
            auto parked = admin->exec(parkJob, {clinic.orgId});
            return parked.ok() && !parked->isEmpty();
        }));
        const qint64 attemptsInOutage = pushAttempts(clinic);
        QVERIFY(attemptsInOutage >= 1);

        // Vapi is back and the admin saves again: sent now, not in an hour.
        m_sandbox->state().clearFailures();
        verifySavedNotYetSent(save(*m_a, clinic, u"After the outage"_s), u"After the outage"_s);
        QVERIFY(syncFinished(clinic));
        QCOMPARE(agentField(clinic, "sync_status"), u"synced"_s);
        QCOMPARE(agentField(clinic, "vapi_assistant_id"), assistantId);
        QCOMPARE(promptAtVapi(assistantId), u"After the outage"_s);
        // The save started a fresh set of attempts: the one that succeeded is its first.
        QCOMPARE(pushAttempts(clinic), 1);
    }
};

QTEST_MAIN(TestAgentSave)
#include "tst_agentsave.moc"
