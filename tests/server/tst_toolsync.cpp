// Agent save, tool sync and call-back against the provider sandbox (S-agent, S-toolsync, S-vapi):
// tools registered once and linked by fetch-merge-patch, native calendar tools removed, the sync
// a durable job that survives a crash and retries what is worth retrying, `tools check --fix`,
// and the call-back flow end to end with the sandbox playing the outbound call.
#include "core/logging/log.h"
#include "sandbox/sandbox.h"
#include "server/services/tooldefinitions.h"
#include "vapitestkit.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpServer>
#include <QTest>

#include <functional>

using namespace Qt::Literals::StringLiterals;
using namespace vox::test;

namespace {

bool waitFor(const std::function<bool()> &condition, int timeoutMs = 30000)
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

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

class TestToolSync : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::sandbox::Sandbox> m_sandbox;
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_client;
    QString m_backendUrl;
    Clinic m_a;
    Clinic m_b;

    QList<vox::sandbox::RecordedRequest> vapiRequests(const QString &method, const QString &path)
    {
        QList<vox::sandbox::RecordedRequest> out;
        for (const auto &r : m_sandbox->state().recorded(u"vapi"_s)) {
            if (r.method == method && r.path == path)
                out.append(r);
        }
        return out;
    }

    HttpReply saveAgent(const Clinic &clinic, const QString &prompt)
    {
        m_client->setToken(clinic.token);
        return m_client->put(u"/api/agent"_s, {{u"name"_s, u"Voxanne"_s},
                                               {u"first_message"_s, u"Hello, Glow Clinic!"_s},
                                               {u"system_prompt"_s, prompt}});
    }

    QString syncStatus(const Clinic &clinic)
    {
        return scalar(*m_db,
                      "SELECT sync_status FROM agents WHERE org_id = $1::uuid AND "
                      "direction = 'inbound'",
                      {clinic.orgId});
    }

    // Nothing is left to do for the clinic's agent: no push or tool sync waits or runs, and
    // the status says how it ended.
    bool syncFinished(const Clinic &clinic)
    {
        return waitFor([&] {
            return count(*m_db,
                         "SELECT count(*) FROM jobs WHERE kind IN ('agent.push', "
                         "'vapi.sync_tools') AND org_id = $1::uuid AND status IN ('queued', "
                         "'running')",
                         {clinic.orgId}) == 0 &&
                   syncStatus(clinic) != u"syncing" && syncStatus(clinic) != u"pending";
        });
    }

    QJsonObject assistantOf(const Clinic &clinic)
    {
        return m_sandbox->vapi().assistant(scalar(
            *m_db, "SELECT vapi_assistant_id FROM agents WHERE org_id = $1::uuid", {clinic.orgId}));
    }

    QStringList linkedIds(const Clinic &clinic)
    {
        QStringList ids;
        for (const QJsonValue &v :
             assistantOf(clinic).value(u"model"_s).toObject().value(u"toolIds"_s).toArray())
            ids << v.toString();
        return ids;
    }

    QStringList registeredIds()
    {
        auto admin = m_db->connectAsAdmin();
        auto rows = admin->exec("SELECT vapi_tool_id FROM vapi_tools ORDER BY tool_name");
        QStringList ids;
        for (int r = 0; r < rows->rowCount(); ++r)
            ids << rows->text(r, 0);
        return ids;
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
        m_server->server().jobs().wake();
    }

    void patchAssistantModel(const Clinic &clinic, const std::function<void(QJsonObject &)> &edit)
    {
        QJsonObject model = assistantOf(clinic).value(u"model"_s).toObject();
        edit(model);
        HttpClient vapi(m_sandbox->url());
        const HttpReply r = vapi.send(
            "PATCH", u"/vapi/assistant/"_s + assistantOf(clinic).value(u"id"_s).toString(),
            QJsonDocument(QJsonObject{{u"model"_s, model}}).toJson(QJsonDocument::Compact),
            {{"Authorization", "Bearer test"}});
        QCOMPARE(r.status, 200);
    }

    QString createSandboxTool(const QJsonObject &tool)
    {
        HttpClient vapi(m_sandbox->url());
        const HttpReply r =
            vapi.send("POST", u"/vapi/tool"_s, QJsonDocument(tool).toJson(QJsonDocument::Compact),
                      {{"Authorization", "Bearer test"}});
        return r.json().value(u"id"_s).toString();
    }

    // The ids of the copies of a tool Vapi holds, read through its API.
    QStringList toolsAtVapi(const QString &name)
    {
        HttpClient vapi(m_sandbox->url());
        QStringList ids;
        for (const QJsonValue &v :
             vapi.send("GET", u"/vapi/tool?limit=1000"_s, {}, {{"Authorization", "Bearer test"}})
                 .jsonArray()) {
            const QJsonObject t = v.toObject();
            if (t.value(u"function"_s).toObject().value(u"name"_s).toString() == name)
                ids << t.value(u"id"_s).toString();
        }
        return ids;
    }

    // The tool is registered nowhere: neither in our database nor, in any copy, at Vapi.
    void unregister(const QString &name)
    {
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin->exec("DELETE FROM vapi_tools WHERE tool_name = $1", {name}).ok());
        HttpClient vapi(m_sandbox->url());
        for (const QString &id : toolsAtVapi(name))
            QCOMPARE(
                vapi.send("DELETE", u"/vapi/tool/"_s + id, {}, {{"Authorization", "Bearer test"}})
                    .status,
                200);
    }

    void failNext(const QString &method, const QString &path, int status, int times)
    {
        vox::sandbox::Failure f;
        f.provider = u"vapi"_s;
        f.method = method;
        f.pathPrefix = path;
        f.status = status;
        f.remaining = times;
        f.body = {{u"message"_s, QJsonArray{u"function.name must be shorter than 64 characters"_s}},
                  {u"error"_s, u"Bad Request"_s},
                  {u"statusCode"_s, status}};
        m_sandbox->state().addFailure(f);
    }

private slots:
    void initTestCase()
    {
        vox::log::setupStderr(vox::log::Level::Error);
        m_sandbox = std::make_unique<vox::sandbox::Sandbox>();
        QVERIFY(m_sandbox->listen(u"127.0.0.1"_s, 0).ok());
        m_db = std::make_unique<TestDatabase>(u"toolsync"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        // The server listens where BACKEND_URL says, so the sandbox's outbound calls reach it.
        const quint16 port = freePort();
        m_backendUrl = u"http://127.0.0.1:%1"_s.arg(port);
        m_server = std::make_unique<TestServer>(
            *m_db, QHash<QString, QString>{{u"VOXANNE_SANDBOX_URL"_s, m_sandbox->url()},
                                           {u"VOXANNE_DEV_ALLOW_SANDBOX"_s, u"1"_s},
                                           {u"VOXANNE_LISTEN"_s, u"127.0.0.1:%1"_s.arg(port)},
                                           {u"BACKEND_URL"_s, m_backendUrl},
                                           {u"VOXANNE_PROVIDER_RETRY_MS"_s, u"10,20,40"_s},
                                           {u"VOXANNE_JOB_POLL_MS"_s, u"50"_s},
                                           {u"VOXANNE_JOB_BACKOFF_MS"_s, u"20"_s}});
        QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
        m_client = m_server->client();
        m_a = createClinic(*m_client, *m_db, u"Glow Clinic"_s, u"America/New_York"_s, {}, false);
        m_b = createClinic(*m_client, *m_db, u"Other Clinic"_s, u"America/New_York"_s, {}, false);
    }

    void init()
    {
        m_sandbox->state().clearRequests();
        m_sandbox->state().clearFailures();
    }

    void toolsAreKnownByName_data()
    {
        QTest::addColumn<QJsonObject>("tool");
        QTest::addColumn<QString>("name");
        const QJsonArray announcement{
            QJsonObject{{u"type"_s, u"request-start"_s},
                        {u"content"_s, u"One moment, I'll put you through."_s}}};
        const QJsonArray aNumber{
            QJsonObject{{u"type"_s, u"number"_s}, {u"number"_s, u"+15550109999"_s}}};
        QTest::newRow("a function tool by its function's name")
            << QJsonObject{{u"type"_s, u"function"_s},
                           {u"function"_s, QJsonObject{{u"name"_s, u"checkAvailability"_s}}}}
            << u"checkAvailability"_s;
        QTest::newRow("our transfer tool: no destinations, our announcement")
            << QJsonObject{{u"type"_s, u"transferCall"_s},
                           {u"destinations"_s, QJsonArray()},
                           {u"messages"_s, announcement}}
            << u"transferCall"_s;
        QTest::newRow("our transfer tool as Vapi lists it, destinations left out")
            << QJsonObject{{u"type"_s, u"transferCall"_s},
                           {u"id"_s, u"t-1"_s},
                           {u"messages"_s, announcement}}
            << u"transferCall"_s;
        QTest::newRow("the clinic's own transfer tool, with its destinations")
            << QJsonObject{{u"type"_s, u"transferCall"_s},
                           {u"destinations"_s, aNumber},
                           {u"messages"_s, announcement}}
            << QString();
        QTest::newRow("a transfer tool saying something else")
            << QJsonObject{{u"type"_s, u"transferCall"_s},
                           {u"messages"_s,
                            QJsonArray{QJsonObject{{u"type"_s, u"request-start"_s},
                                                   {u"content"_s, u"Transferring now."_s}}}}}
            << QString();
        QTest::newRow("a native calendar tool")
            << QJsonObject{{u"type"_s, u"google.calendar.event.create"_s}} << QString();
    }
    void toolsAreKnownByName()
    {
        QFETCH(QJsonObject, tool);
        QFETCH(QString, name);
        QCOMPARE(vox::server::toolName(tool), name);
    }

    void savingTheAgentCreatesTheAssistantAndSyncsLater()
    {
        // Vapi is slow to take the first tool (1.5 s, then a 503 the client retries): the save
        // answers without waiting for that, or for the assistant.
        vox::sandbox::Failure slow;
        slow.provider = u"vapi"_s;
        slow.method = u"POST"_s;
        slow.pathPrefix = u"/vapi/tool"_s;
        slow.status = 503;
        slow.delayMs = 1500;
        m_sandbox->state().addFailure(slow);
        const HttpReply saved = saveAgent(m_a, u"You are Glow's receptionist."_s);
        QCOMPARE(saved.status, 200);
        const QJsonObject agent = saved.json().value(u"agent"_s).toObject();
        QVERIFY(agent.value(u"vapi_assistant_id"_s).isNull());
        QCOMPARE(agent.value(u"first_message"_s).toString(), u"Hello, Glow Clinic!"_s);
        QCOMPARE(saved.json().value(u"sync"_s).toObject().value(u"status"_s).toString(),
                 u"pending"_s);
        QVERIFY(syncFinished(m_a));

        const QJsonObject assistant = assistantOf(m_a);
        QCOMPARE(assistant.value(u"server"_s).toObject().value(u"url"_s).toString(),
                 m_backendUrl + u"/api/webhooks/vapi"_s);
        QCOMPARE(assistant.value(u"server"_s)
                     .toObject()
                     .value(u"headers"_s)
                     .toObject()
                     .value(u"x-vapi-secret"_s)
                     .toString(),
                 TestServer::webhookSecret);
        const QJsonObject model = assistant.value(u"model"_s).toObject();
        QCOMPARE(model.value(u"provider"_s).toString(), u"openai"_s);
        QCOMPARE(model.value(u"messages"_s).toArray().first().toObject().value(u"content"_s),
                 QJsonValue(u"You are Glow's receptionist."_s));
        QVERIFY(assistant.value(u"serverMessages"_s).toArray().contains(u"end-of-call-report"_s));
        QCOMPARE(syncStatus(m_a), u"synced"_s);
        const auto posted = vapiRequests(u"POST"_s, u"/vapi/tool"_s);
        QCOMPARE(posted.size(), 8); // seven tools, the first sent twice
        QSet<QString> names;
        for (const auto &r : posted) {
            const QJsonObject tool = QJsonDocument::fromJson(r.body).object();
            names.insert(vox::server::toolName(tool));
            // The transfer tool has no destinations of its own: Vapi asks the server.
            if (tool.value(u"type"_s).toString() == u"transferCall") {
                QCOMPARE(tool.value(u"destinations"_s).toArray().size(), 0);
                continue;
            }
            QCOMPARE(tool.value(u"type"_s).toString(), u"function"_s);
            const QJsonObject server = tool.value(u"server"_s).toObject();
            QCOMPARE(server.value(u"url"_s).toString(), m_backendUrl + u"/api/vapi/tools"_s);
            QCOMPARE(server.value(u"headers"_s).toObject().value(u"x-vapi-secret"_s).toString(),
                     TestServer::webhookSecret);
        }
        QCOMPARE(names.size(), 7);
        QVERIFY(names.contains(u"transferCall"_s));
        QStringList registered = registeredIds();
        QStringList linked = linkedIds(m_a);
        registered.sort();
        linked.sort();
        QCOMPARE(linked, registered);
        // The secret is not kept in the database.
        QCOMPARE(count(*m_db,
                       "SELECT count(*) FROM vapi_tools WHERE definition::text LIKE "
                       "'%' || $1 || '%'",
                       {TestServer::webhookSecret}),
                 0);

        m_client->setToken(m_a.token);
        const QJsonObject sync = m_client->get(u"/api/agent"_s).json().value(u"sync"_s).toObject();
        QCOMPARE(sync.value(u"status"_s).toString(), u"synced"_s);
        QCOMPARE(sync.value(u"tools"_s).toArray().size(), 7);
        QVERIFY(
            !sync.value(u"tools"_s).toArray().first().toObject().value(u"linked_at"_s).isNull());
    }

    void anotherClinicReusesTheRegisteredTools()
    {
        QCOMPARE(saveAgent(m_b, u"You are the other clinic."_s).status, 200);
        QVERIFY(syncFinished(m_b));
        QCOMPARE(syncStatus(m_b), u"synced"_s);
        QCOMPARE(vapiRequests(u"POST"_s, u"/vapi/tool"_s).size(), 0);
        QStringList a = linkedIds(m_a);
        QStringList b = linkedIds(m_b);
        a.sort();
        b.sort();
        QCOMPARE(b, a);
        // Each clinic sees its own agent only.
        m_client->setToken(m_b.token);
        const QJsonObject agent =
            m_client->get(u"/api/agent"_s).json().value(u"agent"_s).toObject();
        QCOMPARE(agent.value(u"system_prompt"_s).toString(), u"You are the other clinic."_s);
        QVERIFY(agent.value(u"vapi_assistant_id"_s).toString() !=
                assistantOf(m_a).value(u"id"_s).toString());
    }

    void saveAndSyncMergeIntoWhatTheAssistantHas()
    {
        const QString native = createSandboxTool(
            {{u"type"_s, u"google.calendar.event.create"_s}, {u"name"_s, u"calendar"_s}});
        patchAssistantModel(m_a, [&](QJsonObject &model) {
            model.insert(u"temperature"_s, 0.3);
            QJsonArray ids = model.value(u"toolIds"_s).toArray();
            ids.append(u"tool-the-clinic-added"_s);
            ids.append(native);
            model.insert(u"toolIds"_s, ids);
            model.insert(
                u"tools"_s,
                QJsonArray{QJsonObject{{u"type"_s, u"google.calendar.availability.check"_s}},
                           QJsonObject{{u"type"_s, u"endCall"_s}}});
        });
        QCOMPARE(saveAgent(m_a, u"New instructions."_s).status, 200);
        QVERIFY(syncFinished(m_a));
        const QJsonObject model = assistantOf(m_a).value(u"model"_s).toObject();
        QCOMPARE(model.value(u"temperature"_s).toDouble(), 0.3);
        QCOMPARE(model.value(u"messages"_s).toArray().first().toObject().value(u"content"_s),
                 QJsonValue(u"New instructions."_s));
        const QStringList ids = linkedIds(m_a);
        QVERIFY(ids.contains(u"tool-the-clinic-added"_s));
        QVERIFY(!ids.contains(native));
        for (const QString &id : registeredIds())
            QVERIFY(ids.contains(id));
        const QJsonArray remaining{QJsonObject{{u"type"_s, u"endCall"_s}}};
        QCOMPARE(model.value(u"tools"_s).toArray(), remaining);
        // Every PATCH carried the complete model (PATCH replaces it whole).
        for (const auto &r : vapiRequests(
                 u"PATCH"_s, u"/vapi/assistant/"_s + assistantOf(m_a).value(u"id"_s).toString()))
            QVERIFY(r.body.contains("\"provider\":\"openai\""));
    }

    void aChangedDefinitionIsRegisteredAgain()
    {
        auto admin = m_db->connectAsAdmin();
        const QString old = scalar(*m_db, "SELECT vapi_tool_id FROM vapi_tools WHERE tool_name = "
                                          "'lookupCaller'");
        QVERIFY(admin
                    ->exec("UPDATE vapi_tools SET definition_hash = 'outdated' WHERE tool_name = "
                           "'lookupCaller'")
                    .ok());
        queueSync(m_a);
        QVERIFY(syncFinished(m_a));
        QCOMPARE(vapiRequests(u"POST"_s, u"/vapi/tool"_s).size(), 1);
        const QString fresh = scalar(*m_db, "SELECT vapi_tool_id FROM vapi_tools WHERE tool_name "
                                            "= 'lookupCaller'");
        QVERIFY(fresh != old);
        QVERIFY(linkedIds(m_a).contains(fresh));
        QVERIFY(!linkedIds(m_a).contains(old));
        QCOMPARE(scalar(*m_db,
                        "SELECT vapi_tool_id FROM org_tools WHERE org_id = $1::uuid AND "
                        "tool_name = 'lookupCaller'",
                        {m_a.orgId}),
                 fresh);
    }

    void transientVapiErrorsAreRetried_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("failures");
        QTest::addColumn<int>("jobAttempts");
        // A create that may have been acted on (5xx) is not sent again by the client: the job
        // runs again (one request per attempt). A 429 was refused unread: the client retries.
        QTest::newRow("503 twice: the job runs again") << 503 << 2 << 3;
        QTest::newRow("429 once: the client's retry absorbs it") << 429 << 1 << 1;
        QTest::newRow("503 four times: the last attempt succeeds") << 503 << 4 << 5;
    }
    void transientVapiErrorsAreRetried()
    {
        QFETCH(int, status);
        QFETCH(int, failures);
        QFETCH(int, jobAttempts);
        unregister(u"checkAvailability"_s);
        failNext(u"POST"_s, u"/vapi/tool"_s, status, failures);
        queueSync(m_a);
        QVERIFY(syncFinished(m_a));
        QCOMPARE(syncStatus(m_a), u"synced"_s);
        QCOMPARE(vapiRequests(u"POST"_s, u"/vapi/tool"_s).size(), failures + 1);
        QCOMPARE(count(*m_db,
                       "SELECT attempts FROM jobs WHERE kind = 'vapi.sync_tools' AND org_id "
                       "= $1::uuid",
                       {m_a.orgId}),
                 jobAttempts);
        QVERIFY(linkedIds(m_a).contains(
            scalar(*m_db, "SELECT vapi_tool_id FROM vapi_tools WHERE tool_name = "
                          "'checkAvailability'")));
    }

    void aToolCreatedWithoutVapiSayingSoIsAdopted_data()
    {
        QTest::addColumn<int>("status");
        // Vapi stored the tool, and a gateway in front of it answered 5xx: the job runs again,
        // and finds the tool by its marker.
        QTest::newRow("created, then 502") << 502;
        QTest::newRow("created, then 503") << 503;
    }
    void aToolCreatedWithoutVapiSayingSoIsAdopted()
    {
        QFETCH(int, status);
        unregister(u"checkAvailability"_s);
        m_sandbox->state().clearRequests();
        vox::sandbox::Failure acted;
        acted.provider = u"vapi"_s;
        acted.method = u"POST"_s;
        acted.pathPrefix = u"/vapi/tool"_s;
        acted.status = status;
        acted.actFirst = true;
        m_sandbox->state().addFailure(acted);

        queueSync(m_a);
        QVERIFY(syncFinished(m_a));
        QCOMPARE(syncStatus(m_a), u"synced"_s);
        QCOMPARE(count(*m_db,
                       "SELECT attempts FROM jobs WHERE kind = 'vapi.sync_tools' AND org_id "
                       "= $1::uuid",
                       {m_a.orgId}),
                 2);
        QCOMPARE(vapiRequests(u"POST"_s, u"/vapi/tool"_s).size(), 1);
        const QStringList copies = toolsAtVapi(u"checkAvailability"_s);
        QCOMPARE(copies.size(), 1);
        QCOMPARE(scalar(*m_db, "SELECT vapi_tool_id FROM vapi_tools WHERE tool_name = "
                               "'checkAvailability'"),
                 copies.first());
        QVERIFY(linkedIds(m_a).contains(copies.first()));
    }

    void aRefusalIsNotRetriedAndIsRecorded()
    {
        unregister(u"checkAvailability"_s);
        failNext(u"POST"_s, u"/vapi/tool"_s, 400, 5);
        queueSync(m_a);
        QVERIFY(syncFinished(m_a));
        QCOMPARE(vapiRequests(u"POST"_s, u"/vapi/tool"_s).size(), 1);
        QCOMPARE(syncStatus(m_a), u"failed"_s);
        const QString error = scalar(*m_db,
                                     "SELECT sync_error FROM agents WHERE org_id = "
                                     "$1::uuid AND direction = 'inbound'",
                                     {m_a.orgId});
        QVERIFY2(error.contains(u"400"_s) &&
                     error.contains(u"function.name must be shorter than 64 characters"_s),
                 qPrintable(error));
        QCOMPARE(scalar(*m_db,
                        "SELECT attempts || ' ' || status FROM jobs WHERE kind = "
                        "'vapi.sync_tools' AND org_id = $1::uuid",
                        {m_a.orgId}),
                 u"1 done"_s);
        m_client->setToken(m_a.token);
        const QJsonObject sync = m_client->get(u"/api/agent"_s).json().value(u"sync"_s).toObject();
        QCOMPARE(sync.value(u"status"_s).toString(), u"failed"_s);
        QCOMPARE(sync.value(u"error"_s).toString(), error);
        // Put right for the next tests.
        m_sandbox->state().clearFailures();
        queueSync(m_a);
        QVERIFY(syncFinished(m_a));
        QCOMPARE(syncStatus(m_a), u"synced"_s);
    }

    void aSyncInterruptedByACrashResumes()
    {
        // The crash: tools registered, the org's links written, the assistant not yet patched,
        // and the job left `running` by an instance that died an hour ago.
        auto admin = m_db->connectAsAdmin();
        patchAssistantModel(m_a,
                            [](QJsonObject &model) { model.insert(u"toolIds"_s, QJsonArray{}); });
        QVERIFY(
            admin
                ->exec("UPDATE org_tools SET linked_at = NULL WHERE org_id = $1::uuid", {m_a.orgId})
                .ok());
        QVERIFY(admin
                    ->exec("UPDATE agents SET sync_status = 'syncing' WHERE org_id = $1::uuid",
                           {m_a.orgId})
                    .ok());
        QVERIFY(admin
                    ->exec("UPDATE jobs SET status = 'running', locked_by = 'dead:1', locked_at = "
                           "now() - interval '1 hour', attempts = 1 WHERE kind = "
                           "'vapi.sync_tools' AND org_id = $1::uuid",
                           {m_a.orgId})
                    .ok());
        m_server->server().jobs().wake();
        QVERIFY(syncFinished(m_a));
        QCOMPARE(syncStatus(m_a), u"synced"_s);
        QCOMPARE(vapiRequests(u"POST"_s, u"/vapi/tool"_s).size(), 0); // nothing registered twice
        QStringList linked = linkedIds(m_a);
        QStringList registered = registeredIds();
        linked.sort();
        registered.sort();
        QCOMPARE(linked, registered);
        QCOMPARE(count(*m_db,
                       "SELECT count(*) FROM org_tools WHERE org_id = $1::uuid AND "
                       "linked_at IS NULL",
                       {m_a.orgId}),
                 0);
    }

    void aChangeWhileASyncRunsIsSyncedAfterIt()
    {
        // A sync that started before the clinic's first save (it found no assistant to link) is
        // still running elsewhere when the save creates the assistant: the save's sync is not
        // absorbed by it, but follows it.
        const Clinic clinic =
            createClinic(*m_client, *m_db, u"Third Clinic"_s, u"America/New_York"_s, {}, false);
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin
                    ->exec("INSERT INTO jobs (kind, org_id, unique_key, status, attempts, "
                           "locked_by, locked_at) VALUES ('vapi.sync_tools', $1::uuid, "
                           "'vapi.sync_tools:' || $1, 'running', 1, 'elsewhere:1', now())",
                           {clinic.orgId})
                    .ok());

        QCOMPARE(saveAgent(clinic, u"Saved while a sync runs."_s).status, 200);
        QVERIFY(waitFor([&] { return syncStatus(clinic) == u"synced"; }));
        QStringList linked = linkedIds(clinic);
        QStringList registered = registeredIds();
        linked.sort();
        registered.sort();
        QCOMPARE(linked, registered);
        QCOMPARE(count(*m_db,
                       "SELECT count(*) FROM jobs WHERE unique_key = 'vapi.sync_tools:' || $1 || "
                       "':next' AND status = 'done'",
                       {clinic.orgId}),
                 1);
        // The sync that was running finishes.
        QVERIFY(admin
                    ->exec("UPDATE jobs SET status = 'done', locked_by = NULL WHERE unique_key = "
                           "'vapi.sync_tools:' || $1",
                           {clinic.orgId})
                    .ok());
        QVERIFY(syncFinished(clinic));
    }

    void savingTheAgentValidatesAndNamesVapisRefusal()
    {
        m_client->setToken(m_a.token);
        QCOMPARE(m_client->put(u"/api/agent"_s, {{u"system_prompt"_s, u"x"_s}}).status, 400);
        QCOMPARE(m_client->put(u"/api/agent"_s, {{u"name"_s, u"V"_s}, {u"voice"_s, 3}}).status,
                 400);
        const HttpReply invited =
            m_client->post(u"/api/org/users"_s, {{u"email"_s, u"staff.sync@clinic.test"_s},
                                                 {u"role"_s, u"staff"_s},
                                                 {u"password"_s, u"staff password 1"_s}});
        QCOMPARE(invited.status, 201);
        HttpClient staff(m_server->url());
        const HttpReply login =
            staff.post(u"/api/auth/login"_s, {{u"email"_s, u"staff.sync@clinic.test"_s},
                                              {u"password"_s, u"staff password 1"_s}});
        staff.setToken(login.json().value(u"access_token"_s).toString());
        QCOMPARE(staff.put(u"/api/agent"_s, {{u"name"_s, u"Sneaky"_s}}).status, 403);
        QCOMPARE(staff.get(u"/api/agent"_s).status, 200);

        // The clinic's settings are kept; the console reads Vapi's refusal in its words.
        const QString before = assistantOf(m_a).value(u"name"_s).toString();
        failNext(u"PATCH"_s, u"/vapi/assistant/"_s, 400, 1);
        QCOMPARE(saveAgent(m_a, u"Refused prompt"_s).status, 200);
        QVERIFY(syncFinished(m_a));
        QCOMPARE(
            scalar(*m_db, "SELECT system_prompt FROM agents WHERE org_id = $1::uuid", {m_a.orgId}),
            u"Refused prompt"_s);
        QCOMPARE(syncStatus(m_a), u"send_failed"_s);
        const QString error = m_client->get(u"/api/agent"_s)
                                  .json()
                                  .value(u"sync"_s)
                                  .toObject()
                                  .value(u"error"_s)
                                  .toString();
        QVERIFY2(error.startsWith(u"Vapi refused the settings: "_s) &&
                     error.contains(u"function.name must be shorter"_s),
                 qPrintable(error));
        QCOMPARE(assistantOf(m_a).value(u"name"_s).toString(), before);
        // Put right for the next tests.
        QCOMPARE(saveAgent(m_a, u"You are Glow's receptionist."_s).status, 200);
        QVERIFY(syncFinished(m_a));
        QCOMPARE(syncStatus(m_a), u"synced"_s);
    }

    void callBackPlacesTheCallAndWebhooksLandOnTheSameRecord()
    {
        auto admin = m_db->connectAsAdmin();
        auto contact = admin->exec("INSERT INTO contacts (org_id, phone, name) VALUES ($1::uuid, "
                                   "'+15550145001', 'Nina Patel') RETURNING id",
                                   {m_a.orgId});
        const QString contactId = contact->text(0, 0);
        m_client->setToken(m_a.token);
        // No number connected to Vapi yet: nothing is attempted.
        const HttpReply noNumber = m_client->post(u"/api/contacts/%1/call-back"_s.arg(contactId));
        QCOMPARE(noNumber.status, 409);
        QVERIFY(noNumber.error().contains(u"phone number"_s));
        QCOMPARE(
            count(*m_db, "SELECT count(*) FROM call_logs WHERE contact_id = $1::uuid", {contactId}),
            0);

        HttpClient vapi(m_sandbox->url());
        const HttpReply number =
            vapi.send("POST", u"/vapi/phone-number"_s,
                      QJsonDocument(QJsonObject{{u"provider"_s, u"twilio"_s},
                                                {u"number"_s, u"+15550100000"_s},
                                                {u"twilioAccountSid"_s, u"AC123"_s},
                                                {u"twilioAuthToken"_s, u"token"_s}})
                          .toJson(QJsonDocument::Compact),
                      {{"Authorization", "Bearer test"}});
        QCOMPARE(number.status, 201);
        QVERIFY(admin
                    ->exec("INSERT INTO phone_numbers (org_id, number, vapi_phone_number_id) "
                           "VALUES ($1::uuid, '+15550100000', $2)",
                           {m_a.orgId, number.json().value(u"id"_s).toString()})
                    .ok());

        m_sandbox->vapi().setSimulateOutboundCalls(true);
        const HttpReply placed = m_client->post(u"/api/contacts/%1/call-back"_s.arg(contactId));
        QCOMPARE(placed.status, 200);
        const QJsonObject answer = placed.json();
        const QString callId = answer.value(u"callId"_s).toString();
        const QString vapiCallId = answer.value(u"vapiCallId"_s).toString();
        QCOMPARE(answer.value(u"phone"_s).toString(), u"+15550145001"_s);
        QVERIFY(!vapiCallId.isEmpty());
        const auto calls = vapiRequests(u"POST"_s, u"/vapi/call"_s);
        QCOMPARE(calls.size(), 1);
        const QJsonObject body = QJsonDocument::fromJson(calls.first().body).object();
        QCOMPARE(body.value(u"customer"_s).toObject().value(u"number"_s).toString(),
                 u"+15550145001"_s);
        QCOMPARE(body.value(u"assistantId"_s).toString(),
                 assistantOf(m_a).value(u"id"_s).toString());
        QCOMPARE(body.value(u"assistantOverrides"_s)
                     .toObject()
                     .value(u"metadata"_s)
                     .toObject()
                     .value(u"voxanneCallId"_s)
                     .toString(),
                 callId);

        // The sandbox plays the call; its webhooks complete the very same record.
        QVERIFY(waitFor([&] {
            return !scalar(*m_db, "SELECT report_received_at FROM call_logs WHERE id = $1::uuid",
                           {callId})
                        .isEmpty();
        }));
        QVERIFY(waitFor([&] { return m_sandbox->vapi().outboundInFlight() == 0; }));
        m_sandbox->vapi().setSimulateOutboundCalls(false);
        QCOMPARE(
            count(*m_db, "SELECT count(*) FROM call_logs WHERE vapi_call_id = $1", {vapiCallId}),
            1);
        auto row = admin->exec("SELECT id, status, direction, contact_id, duration_seconds, "
                               "summary IS NOT NULL FROM call_logs WHERE vapi_call_id = $1",
                               {vapiCallId});
        QCOMPARE(row->text(0, 0), callId);
        QCOMPARE(row->text(0, 1), u"ended"_s);
        QCOMPARE(row->text(0, 2), u"outbound"_s);
        QCOMPARE(row->text(0, 3), contactId);
        QCOMPARE(row->toInt(0, 4), 90);
        QVERIFY(row->toBool(0, 5));
        // One call-back event, saying what the answer said: 'initiated', or further along when
        // the sandbox's first webhook reached the record before the call was recorded as placed.
        const QString answered = answer.value(u"status"_s).toString();
        QCOMPARE(scalar(*m_db,
                        "SELECT vox_call_status_rank($1) >= vox_call_status_rank('initiated')",
                        {answered}),
                 u"t"_s);
        QCOMPARE(count(*m_db,
                       "SELECT count(*) FROM events WHERE type = 'callback.updated' AND "
                       "entity_id = $1::uuid AND payload->>'status' = $2",
                       {callId, answered}),
                 1);
    }

    void callBackFailuresLeaveAFailedRecordAndAreNotRetried_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("Vapi refuses") << 400;
        // A lost answer might still have dialled: never a second attempt.
        QTest::newRow("Vapi unavailable") << 503;
    }
    void callBackFailuresLeaveAFailedRecordAndAreNotRetried()
    {
        QFETCH(int, status);
        const QString contactId = scalar(*m_db,
                                         "SELECT id FROM contacts WHERE phone = "
                                         "'+15550145001' AND org_id = $1::uuid",
                                         {m_a.orgId});
        failNext(u"POST"_s, u"/vapi/call"_s, status, 3);
        m_client->setToken(m_a.token);
        const HttpReply failed = m_client->post(u"/api/contacts/%1/call-back"_s.arg(contactId));
        QCOMPARE(failed.status, 502);
        QCOMPARE(failed.json().value(u"status"_s).toString(), u"failed"_s);
        QVERIFY2(failed.error().contains(u"Vapi answered %1"_s.arg(status)),
                 qPrintable(failed.error()));
        QCOMPARE(vapiRequests(u"POST"_s, u"/vapi/call"_s).size(), 1);
        const QString callId = failed.json().value(u"callId"_s).toString();
        auto admin = m_db->connectAsAdmin();
        auto row = admin->exec("SELECT status, failure_reason, vapi_call_id IS NULL FROM call_logs "
                               "WHERE id = $1::uuid",
                               {callId});
        QCOMPARE(row->text(0, 0), u"failed"_s);
        QVERIFY(row->text(0, 1).contains(QString::number(status)));
        QVERIFY(row->toBool(0, 2));
    }

    void anotherClinicCannotCallBackMyContact()
    {
        const QString contactId = scalar(*m_db,
                                         "SELECT id FROM contacts WHERE phone = "
                                         "'+15550145001' AND org_id = $1::uuid",
                                         {m_a.orgId});
        const qint64 before = count(*m_db, "SELECT count(*) FROM call_logs");
        m_client->setToken(m_b.token);
        QCOMPARE(m_client->post(u"/api/contacts/%1/call-back"_s.arg(contactId)).status, 404);
        QCOMPARE(m_client->post(u"/api/contacts/not-a-uuid/call-back"_s).status, 404);
        QCOMPARE(count(*m_db, "SELECT count(*) FROM call_logs"), before);
        QCOMPARE(vapiRequests(u"POST"_s, u"/vapi/call"_s).size(), 0);
    }

    void toolsCheckFindsAndFixesWhatIsWrong()
    {
        const QString native = createSandboxTool({{u"type"_s, u"google.calendar.event.create"_s}});
        const QString stale = createSandboxTool(
            {{u"type"_s, u"function"_s},
             {u"function"_s, QJsonObject{{u"name"_s, u"bookClinicAppointment"_s}}}});
        // A transfer tool the clinic made itself in Vapi's dashboard: not ours to judge or remove.
        const QString clinicsTransfer = createSandboxTool(
            {{u"type"_s, u"transferCall"_s},
             {u"destinations"_s,
              QJsonArray{QJsonObject{{u"type"_s, u"number"_s}, {u"number"_s, u"+15550109999"_s}}}},
             {u"messages"_s,
              QJsonArray{QJsonObject{{u"type"_s, u"request-start"_s},
                                     {u"content"_s, u"One moment, I'll put you through."_s}}}}});
        patchAssistantModel(m_b, [&](QJsonObject &model) {
            QJsonArray ids = model.value(u"toolIds"_s).toArray();
            ids.append(native);
            ids.append(stale);
            model.insert(u"toolIds"_s, ids);
        });
        auto run = [&](const QStringList &extra) {
            QProcess process;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(u"VOXANNE_MODE"_s, u"production"_s);
            env.insert(u"VOXANNE_DATABASE_URL"_s, m_db->url());
            env.insert(u"JWT_SECRET"_s, TestServer::jwtSecret);
            env.insert(u"ENCRYPTION_KEY"_s, TestServer::encryptionKey);
            env.insert(u"VAPI_WEBHOOK_SECRET"_s, TestServer::webhookSecret);
            env.insert(u"VAPI_PRIVATE_KEY"_s, u"test-vapi-private-key"_s);
            env.insert(u"BACKEND_URL"_s, m_backendUrl);
            env.insert(u"VOXANNE_SANDBOX_URL"_s, m_sandbox->url());
            env.insert(u"VOXANNE_DEV_ALLOW_SANDBOX"_s, u"1"_s);
            env.insert(u"VOXANNE_LOG_LEVEL"_s, u"error"_s);
            process.setProcessEnvironment(env);
            process.start(QStringLiteral(VOXANNE_BINARY_DIR) + u"/app/voxanne-server"_s,
                          QStringList{u"tools"_s, u"check"_s} + extra);
            // The sandbox answers on this thread: keep its event loop turning.
            waitFor([&] { return process.state() == QProcess::NotRunning; }, 60000);
            return std::pair{process.exitCode(),
                             QString::fromUtf8(process.readAllStandardOutput())};
        };
        const auto [found, report] = run({});
        QCOMPARE(found, 1);
        QVERIFY2(report.contains(u"problem: Vapi has a native calendar tool %1"_s.arg(native)),
                 qPrintable(report));
        QVERIFY2(report.contains(
                     u"problem: stale copy of bookClinicAppointment at Vapi: %1"_s.arg(stale)),
                 qPrintable(report));
        QVERIFY2(report.contains(u"native calendar tool %1 linked"_s.arg(native)),
                 qPrintable(report));
        QVERIFY(m_sandbox->vapi()
                    .assistant(assistantOf(m_b).value(u"id"_s).toString())
                    .value(u"model"_s)
                    .toObject()
                    .value(u"toolIds"_s)
                    .toArray()
                    .contains(native)); // a check alone changes nothing

        const auto [fixed, fixReport] = run({u"--fix"_s});
        QCOMPARE(fixed, 0);
        QVERIFY2(fixReport.contains(u"fixed: deleted tool %1 at Vapi"_s.arg(native)),
                 qPrintable(fixReport));
        QVERIFY2(fixReport.trimmed().endsWith(u"no problems"_s), qPrintable(fixReport));
        for (const Clinic &clinic : {m_a, m_b}) {
            const QStringList ids = linkedIds(clinic);
            QVERIFY(!ids.contains(native));
            QVERIFY(!ids.contains(stale));
        }
        const auto [again, clean] = run({});
        QCOMPARE(again, 0);
        Q_UNUSED(clean);
        QVERIFY2(!report.contains(clinicsTransfer) && !fixReport.contains(clinicsTransfer),
                 qPrintable(fixReport));
        HttpClient vapi(m_sandbox->url());
        QCOMPARE(vapi.send("GET", u"/vapi/tool/"_s + clinicsTransfer, {},
                           {{"Authorization", "Bearer test"}})
                     .status,
                 200);
    }
};

QTEST_MAIN(TestToolSync)
#include "tst_toolsync.moc"
