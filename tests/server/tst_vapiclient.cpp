// The Vapi client against the provider sandbox: paths and auth as Vapi documents them,
// fetch-merge-patch that never drops assistant fields, retries on 5xx/429 only, readable errors.
#include "sandbox/sandbox.h"
#include "server/providers/vapiclient.h"

#include <QJsonArray>
#include <QSet>
#include <QTest>

#include <optional>

using namespace Qt::Literals::StringLiterals;
using vox::server::providers::RetryPolicy;
using vox::server::providers::VapiClient;

class TestVapiClient : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::sandbox::Sandbox> m_sandbox;
    const RetryPolicy m_fast{{10, 20, 40}};

    VapiClient client()
    {
        return VapiClient(m_sandbox->url() + u"/vapi"_s, u"sk_test_backend"_s, m_fast);
    }

    QJsonObject assistantWithTools()
    {
        return {
            {u"name"_s, u"Glow Receptionist"_s},
            {u"firstMessage"_s, u"Thanks for calling Glow!"_s},
            {u"model"_s,
             QJsonObject{{u"provider"_s, u"openai"_s},
                         {u"model"_s, u"gpt-4o"_s},
                         {u"temperature"_s, 0.3},
                         {u"messages"_s, QJsonArray{QJsonObject{{u"role"_s, u"system"_s},
                                                                {u"content"_s, u"Be kind."_s}}}},
                         {u"toolIds"_s, QJsonArray{u"existing-tool"_s}}}},
            {u"voice"_s, QJsonObject{{u"provider"_s, u"11labs"_s}, {u"voiceId"_s, u"rachel"_s}}}};
    }

private slots:
    void initTestCase()
    {
        m_sandbox = std::make_unique<vox::sandbox::Sandbox>();
        QVERIFY(m_sandbox->listen(u"127.0.0.1"_s, 0).ok());
    }

    void init()
    {
        m_sandbox->state().clearRequests();
        m_sandbox->state().clearFailures();
    }

    void sendsTheBackendKeyAsBearer()
    {
        auto tool = client().createTool(
            {{u"type"_s, u"function"_s},
             {u"function"_s, QJsonObject{{u"name"_s, u"bookClinicAppointment"_s}}}});
        QVERIFY2(tool.ok(), qPrintable(tool.ok() ? QString() : tool.errorMessage()));
        QVERIFY(!tool->value(u"id"_s).toString().isEmpty());
        const auto seen = m_sandbox->state().recorded(u"vapi"_s);
        QCOMPARE(seen.size(), 1);
        QCOMPARE(seen.first().method, u"POST"_s);
        QCOMPARE(seen.first().path, u"/vapi/tool"_s);
        QCOMPARE(seen.first().headers.value("authorization"), QByteArray("Bearer sk_test_backend"));
        QVERIFY(client().listTools()->size() >= 1);
    }

    void fetchMergePatchKeepsEveryOtherField()
    {
        auto created = client().createAssistant(assistantWithTools());
        QVERIFY(created.ok());
        const QString id = created->value(u"id"_s).toString();
        auto updated = client().updateAssistantModel(id, [](QJsonObject &model) {
            QJsonArray ids = model.value(u"toolIds"_s).toArray();
            ids.append(u"new-tool"_s);
            model.insert(u"toolIds"_s, ids);
        });
        QVERIFY2(updated.ok(), qPrintable(updated.ok() ? QString() : updated.errorMessage()));
        const QJsonObject model = m_sandbox->vapi().assistant(id).value(u"model"_s).toObject();
        QCOMPARE(model.value(u"toolIds"_s).toArray(),
                 (QJsonArray{u"existing-tool"_s, u"new-tool"_s}));
        QCOMPARE(model.value(u"provider"_s).toString(), u"openai"_s);
        QCOMPARE(model.value(u"temperature"_s).toDouble(), 0.3);
        QCOMPARE(model.value(u"messages"_s).toArray().size(), 1);
        QCOMPARE(m_sandbox->vapi().assistant(id).value(u"firstMessage"_s).toString(),
                 u"Thanks for calling Glow!"_s);
        // The PATCH carried the whole model, not just toolIds.
        const auto patches = m_sandbox->state().recorded(u"vapi"_s);
        QCOMPARE(patches.last().method, u"PATCH"_s);
        QVERIFY(patches.last().body.contains("\"provider\":\"openai\""));
    }

    // Retries: only in background work (a job), and only for calls that are safe to repeat
    // (a GET) or that certainly were not acted on (429). A create is never sent twice.
    void retriesOnlyWhatIsSafeToRepeat_data()
    {
        QTest::addColumn<bool>("create"); // POST /tool, else GET /tool
        QTest::addColumn<bool>("background");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("failures");
        QTest::addColumn<bool>("succeeds");
        QTest::addColumn<int>("requests");
        QTest::newRow("list in a job, 503 twice") << false << true << 503 << 2 << true << 3;
        QTest::newRow("list in a job, 429 once") << false << true << 429 << 1 << true << 2;
        QTest::newRow("list in a job, 500 four times: gives up")
            << false << true << 500 << 4 << false << 4;
        QTest::newRow("list for a request, 503 once: one attempt")
            << false << false << 503 << 1 << false << 1;
        QTest::newRow("create in a job, 503 once: may have been made, not sent again")
            << true << true << 503 << 1 << false << 1;
        QTest::newRow("create in a job, 429 once: refused unread, sent again")
            << true << true << 429 << 1 << true << 2;
        QTest::newRow("create, 400: never retried") << true << true << 400 << 1 << false << 1;
        QTest::newRow("create, 401: never retried") << true << true << 401 << 1 << false << 1;
    }
    void retriesOnlyWhatIsSafeToRepeat()
    {
        QFETCH(bool, create);
        QFETCH(bool, background);
        QFETCH(int, status);
        QFETCH(int, failures);
        QFETCH(bool, succeeds);
        QFETCH(int, requests);
        vox::sandbox::Failure failure;
        failure.provider = u"vapi"_s;
        failure.status = status;
        failure.remaining = failures;
        failure.body = {{u"message"_s, QJsonArray{u"model.provider must be a valid enum value"_s}},
                        {u"error"_s, u"Bad Request"_s},
                        {u"statusCode"_s, status}};
        m_sandbox->state().addFailure(failure);
        std::optional<vox::server::providers::BackgroundWork> job;
        if (background)
            job.emplace();
        auto client = this->client();
        const bool answered =
            create ? client
                         .createTool({{u"type"_s, u"function"_s},
                                      {u"function"_s, QJsonObject{{u"name"_s, u"lookupCaller"_s}}}})
                         .ok()
                   : client.listTools().ok();
        job.reset();
        QCOMPARE(answered, succeeds);
        QCOMPARE(int(m_sandbox->state().recorded(u"vapi"_s).size()), requests);
    }

    void aRefusalCarriesVapisWords()
    {
        vox::sandbox::Failure failure;
        failure.provider = u"vapi"_s;
        failure.status = 400;
        failure.body = {{u"message"_s, QJsonArray{u"model.provider must be a valid enum value"_s}},
                        {u"error"_s, u"Bad Request"_s},
                        {u"statusCode"_s, 400}};
        m_sandbox->state().addFailure(failure);
        auto tool =
            client().createTool({{u"type"_s, u"function"_s},
                                 {u"function"_s, QJsonObject{{u"name"_s, u"lookupCaller"_s}}}});
        QVERIFY(!tool.ok());
        QCOMPARE(tool.error().kind, vox::ErrorKind::ProviderFailed);
        QCOMPARE(tool.error().subject, u"400"_s);
        QVERIFY2(tool.errorMessage().contains(u"model.provider must be a valid enum value"_s),
                 qPrintable(tool.errorMessage()));
    }

    void anUnreachableVapiIsAnErrorAfterRetries()
    {
        const vox::server::providers::BackgroundWork job;
        VapiClient nowhere(u"http://127.0.0.1:1"_s, u"key"_s, m_fast);
        auto result = nowhere.getAssistant(u"x"_s);
        QVERIFY(!result.ok());
        // Nothing ever left: said so, so a caller knows no assistant was touched.
        QCOMPARE(result.error().subject, vox::server::providers::unreachable);
        QVERIFY2(result.errorMessage().contains(u"could not be reached (4 attempts)"_s),
                 qPrintable(result.errorMessage()));
    }

    // Vapi lists 100 items a page, newest first: every tool of a crowded account is read, each
    // once, however many share a createdAt.
    void everyToolIsReadPastTheFirstPage()
    {
        VapiClient vapi = client();
        QSet<QString> made;
        for (int i = 0; i < 230; ++i) {
            auto tool = vapi.createTool(
                {{u"type"_s, u"function"_s},
                 {u"function"_s, QJsonObject{{u"name"_s, u"crowdTool%1"_s.arg(i)}}}});
            QVERIFY2(tool, qPrintable(tool ? QString() : tool.errorMessage()));
            made.insert(tool->value(u"id"_s).toString());
        }
        m_sandbox->state().clearRequests();
        auto all = vapi.listTools();
        QVERIFY2(all, qPrintable(all ? QString() : all.errorMessage()));
        QSet<QString> read;
        for (const QJsonValue &t : std::as_const(*all))
            read.insert(t.toObject().value(u"id"_s).toString());
        QCOMPARE(read.size(), int(all->size())); // none twice
        QVERIFY(read.contains(made));
        QVERIFY(m_sandbox->state().recorded(u"vapi"_s).size() >= 3); // pages, not one list
    }

    void withoutAKeyNothingIsSent()
    {
        VapiClient unconfigured(m_sandbox->url() + u"/vapi"_s, QString(), m_fast);
        QVERIFY(!unconfigured.isConfigured());
        QVERIFY(!unconfigured.listTools().ok());
        QVERIFY(m_sandbox->state().recorded(u"vapi"_s).isEmpty());
    }

    void outboundCallsNeedAnAssistantAndANumber()
    {
        auto assistant = client().createAssistant(assistantWithTools());
        auto number =
            client().importTwilioNumber(u"+15550109999"_s, u"AC00000000000000000000000000000001"_s,
                                        u"token"_s, assistant->value(u"id"_s).toString());
        QVERIFY2(number.ok(), qPrintable(number.ok() ? QString() : number.errorMessage()));
        auto call = client().createCall(assistant->value(u"id"_s).toString(),
                                        number->value(u"id"_s).toString(), u"+15551234567"_s,
                                        u"John Doe"_s);
        QVERIFY(call.ok());
        QCOMPARE(call->value(u"status"_s).toString(), u"queued"_s);
        QCOMPARE(call->value(u"customer"_s).toObject().value(u"number"_s).toString(),
                 u"+15551234567"_s);
        auto bad = client().createCall(u"no-such-assistant"_s, number->value(u"id"_s).toString(),
                                       u"+15551234567"_s);
        QVERIFY(!bad.ok());
        QVERIFY(bad.errorMessage().contains(u"assistantId"_s));
    }

    void credentialsSyncForByoc()
    {
        auto credential = client().createTwilioCredential(u"AC00000000000000000000000000000001"_s,
                                                          u"secret-token"_s);
        QVERIFY(credential.ok());
        QCOMPARE(credential->value(u"provider"_s).toString(), u"twilio"_s);
        QVERIFY(client().deleteCredential(credential->value(u"id"_s).toString()).ok());
        QVERIFY(!client().deleteCredential(credential->value(u"id"_s).toString()).ok());
    }
};

QTEST_GUILESS_MAIN(TestVapiClient)
#include "tst_vapiclient.moc"
