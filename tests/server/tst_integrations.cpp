// Integrations (S-credentials, S-twilio, S-google, S-email): Twilio dual-sync with each failure
// point undone, the Google forever-link, Resend settings, admin-only access, other clinics kept
// out, and a database dump without any secret in clear.
#include "integrationfixture.h"
#include "server/db/embeddedpostgres.h"
#include "server/providers/vapiclient.h"
#include "server/server.h"
#include "server/services/twilioconnectjob.h"

#include <QProcess>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using vox::test::Clinic;
using vox::test::HttpReply;

class TestIntegrations : public QObject
{
    Q_OBJECT

    vox::test::IntegrationFixture f;
    // Every secret handed to the server in this run, for the dump at the end.
    QStringList m_secrets;

    int count(const QByteArray &sql, const vox::db::Params &params)
    {
        auto row = f.sql(sql, params);
        return row ? int(row->toInt(0, 0)) : -1;
    }
    QJsonObject twilioOf(Clinic &clinic)
    {
        return clinic.client->get(u"/api/integrations"_s).json().value(u"twilio"_s).toObject();
    }
    int requests(const QString &method, const QString &pathPart)
    {
        int n = 0;
        for (const auto &r : f.recorded(u"vapi"_s, pathPart))
            n += r.method == method ? 1 : 0;
        return n;
    }
    vox::server::providers::VapiClient vapiAtSandbox()
    {
        return {f.sandbox->url() + u"/vapi"_s, u"k"_s, vox::server::providers::RetryPolicy::none()};
    }
    // The clinic's connect job as the runner last handed it over.
    vox::server::jobs::Job connectJob(const QString &orgId)
    {
        vox::server::jobs::Job job;
        auto row = f.sql("SELECT id, payload, attempts, max_attempts FROM jobs WHERE kind = "
                         "'twilio.connect' AND org_id = $1::uuid",
                         {orgId});
        if (!row || row->isEmpty())
            return job;
        job.id = row->toInt(0, 0);
        job.kind = u"twilio.connect"_s;
        job.orgId = orgId;
        job.payload = row->toJson(0, 1).toObject();
        job.attempt = int(row->toInt(0, 2));
        job.maxAttempts = int(row->toInt(0, 3));
        return job;
    }
    // The job's handler run once more, here, as a second runner (or a restarted one) would.
    bool runConnectJobAgain(const vox::server::jobs::Job &job)
    {
        vox::server::Server &s = f.server->server();
        vox::server::AppContext app{s.config(), s.database(), s.keys(), s.jobs(),
                                    vox::server::providers::RetryPolicy{{5, 5}}};
        return vox::server::TwilioConnectJob::run(app, job).ok();
    }
    // Vapi objects the sandbox holds under a connection's name.
    int namedAtVapi(const QJsonArray &items, const QString &connectId)
    {
        int n = 0;
        for (const QJsonValue &item : items)
            n += item.toObject().value(u"name"_s).toString() == u"vox-"_s + connectId ? 1 : 0;
        return n;
    }

private slots:
    void initTestCase() { QVERIFY2(f.start(u"integrations"_s), qPrintable(f.error)); }

    void init()
    {
        f.sandbox->state().clearFailures();
        f.sandbox->state().clearRequests();
    }

    void statusShowsNothingConfiguredForANewClinic()
    {
        Clinic clinic = f.signUp(u"Fresh Clinic"_s);
        const HttpReply reply = clinic.client->get(u"/api/integrations"_s);
        QCOMPARE(reply.status, 200);
        const QJsonObject body = reply.json();
        QCOMPARE(body.value(u"twilio"_s).toObject().value(u"configured"_s).toBool(), false);
        QCOMPARE(body.value(u"google"_s).toObject().value(u"configured"_s).toBool(), false);
        QCOMPARE(body.value(u"google"_s).toObject().value(u"available"_s).toBool(), true);
        // No server key in this run: e-mail waits for the clinic's own.
        QCOMPARE(body.value(u"resend"_s).toObject().value(u"configured"_s).toBool(), false);
    }

    // Staff see whether each account works, never which account or key; only admins change them.
    void integrationsAreChangedByAdminsOnly()
    {
        Clinic clinic = f.signUp(u"Admin Only"_s);
        QCOMPARE(clinic.client
                     ->put(u"/api/integrations/resend"_s,
                           {{u"api_key"_s, u"re_staff_view_key"_s}, {u"from"_s, u"a@b.example"_s}})
                     .status,
                 200);
        auto staff = f.staffOf(clinic);
        const HttpReply seen = staff->get(u"/api/integrations"_s);
        QCOMPARE(seen.status, 200);
        const QJsonObject body = seen.json();
        QCOMPARE(body.value(u"resend"_s).toObject(), (QJsonObject{{u"configured"_s, true}}));
        QCOMPARE(body.value(u"twilio"_s).toObject(),
                 (QJsonObject{{u"configured"_s, false}, {u"status"_s, u"not_connected"_s}}));
        const QJsonObject google = body.value(u"google"_s).toObject();
        QCOMPARE(google.keys(), (QStringList{u"available"_s, u"configured"_s, u"status"_s}));
        QVERIFY(!seen.body.contains("staff_view_key"));
        QVERIFY(!seen.body.contains("a@b.example"));
        QCOMPARE(staff->put(u"/api/integrations/twilio"_s, {{u"account_sid"_s, u"x"_s}}).status,
                 403);
        QCOMPARE(staff->get(u"/api/integrations/google/auth-url"_s).status, 403);
        QCOMPARE(staff->put(u"/api/integrations/resend"_s, {{u"from"_s, u"a@b.example"_s}}).status,
                 403);
        auto anonymous = f.server->client();
        QCOMPARE(anonymous->get(u"/api/integrations"_s).status, 401);
    }

    void twilioDualSyncStoresEncryptedAndImportsTheNumberIntoVapi()
    {
        Clinic clinic = f.signUp(u"Dual Sync"_s);
        // The clinic's assistant exists in Vapi: the imported number is linked to it.
        vox::server::providers::VapiClient vapi(f.sandbox->url() + u"/vapi"_s, u"k"_s,
                                                vox::server::providers::RetryPolicy::none());
        auto assistant = vapi.createAssistant({{u"name"_s, u"Dual"_s}});
        QVERIFY(assistant.ok());
        const QString realAssistant = assistant->value(u"id"_s).toString();
        QVERIFY(f.sql("UPDATE agents SET vapi_assistant_id = $2 WHERE org_id = $1::uuid",
                      {clinic.orgId, realAssistant}));
        f.sandbox->state().clearRequests();

        const auto account = f.newTwilioAccount();
        m_secrets << account.token;
        const HttpReply reply = f.connectTwilio(clinic, account);
        // Accepted once Twilio said yes and the credentials are stored; Vapi is the job's.
        QCOMPARE(reply.status, 202);
        QCOMPARE(reply.json().value(u"status"_s).toString(), u"syncing"_s);
        const QJsonArray steps = reply.json().value(u"steps"_s).toArray();
        QCOMPARE(steps.size(), 4);
        const QStringList expected{u"validate=done"_s, u"store=done"_s,
                                   u"vapi_credential=pending"_s, u"vapi_number=pending"_s};
        for (int i = 0; i < steps.size(); ++i) {
            const QJsonObject step = steps.at(i).toObject();
            QCOMPARE(step.value(u"step"_s).toString() + u'=' + step.value(u"status"_s).toString(),
                     expected.at(i));
        }
        QCOMPARE(vox::test::settledTwilio(*clinic.client).value(u"status"_s).toString(),
                 u"active"_s);

        // Twilio: HTTP Basic with the SID and token, the account fetched, the number looked up.
        const auto twilio = f.recorded(u"twilio"_s);
        QVERIFY(twilio.size() >= 2);
        QCOMPARE(twilio.first().path, u"/twilio/2010-04-01/Accounts/%1.json"_s.arg(account.sid));
        QCOMPARE(twilio.first().headers.value("authorization"),
                 vox::server::providers::basicAuth(account.sid, account.token));
        // Vapi: the credential, then the number with the assistant.
        const auto credential = f.recorded(u"vapi"_s, u"/vapi/credential"_s);
        QCOMPARE(credential.size(), 1);
        const QJsonObject credentialBody =
            QJsonDocument::fromJson(credential.first().body).object();
        QCOMPARE(credentialBody.value(u"provider"_s).toString(), u"twilio"_s);
        QCOMPARE(credentialBody.value(u"accountSid"_s).toString(), account.sid);
        const auto number = f.recorded(u"vapi"_s, u"/vapi/phone-number"_s);
        QCOMPARE(number.size(), 1);
        const QJsonObject numberBody = QJsonDocument::fromJson(number.first().body).object();
        QCOMPARE(numberBody.value(u"number"_s).toString(), account.number);
        QCOMPARE(numberBody.value(u"assistantId"_s).toString(), realAssistant);

        // What the console sees: configured, last four, ids; never the token.
        const HttpReply status = clinic.client->get(u"/api/integrations"_s);
        const QJsonObject t = status.json().value(u"twilio"_s).toObject();
        QCOMPARE(t.value(u"configured"_s).toBool(), true);
        QCOMPARE(t.value(u"status"_s).toString(), u"active"_s);
        QCOMPARE(t.value(u"account_sid_last4"_s).toString(), account.sid.right(4));
        QCOMPARE(t.value(u"phone_number"_s).toString(), account.number);
        QVERIFY(!t.value(u"vapi_credential_id"_s).toString().isEmpty());
        QVERIFY(!t.value(u"vapi_phone_number_id"_s).toString().isEmpty());
        QCOMPARE(t.value(u"updated_by"_s).toString(), clinic.email);
        QVERIFY(!status.body.contains(account.token.toUtf8()));

        // The database: ciphertext only, the number recorded with its Vapi id, an event.
        auto row = f.sql("SELECT encode(ciphertext, 'escape'), key_id FROM org_credentials WHERE "
                         "org_id = $1::uuid AND provider = 'twilio'",
                         {clinic.orgId});
        QCOMPARE(row->rowCount(), 1);
        QVERIFY(!row->text(0, 0).contains(account.token));
        QCOMPARE(row->text(0, 1),
                 vox::crypto::KeyRing::keyIdFor(QByteArray("0123456789abcdef0123456789abcdef")));
        auto phone = f.sql("SELECT vapi_phone_number_id, twilio_sid FROM phone_numbers WHERE "
                           "org_id = $1::uuid AND number = $2",
                           {clinic.orgId, account.number});
        QCOMPARE(phone->rowCount(), 1);
        QCOMPARE(phone->text(0, 0), t.value(u"vapi_phone_number_id"_s).toString());
        QVERIFY(phone->text(0, 1).startsWith(u"PN"_s));
        QCOMPARE(count("SELECT count(*) FROM agents WHERE org_id = $1::uuid AND "
                       "vapi_phone_number_id = $2",
                       {clinic.orgId, t.value(u"vapi_phone_number_id"_s).toString()}),
                 1);
        // The console followed it: syncing, then active.
        QCOMPARE(count("SELECT count(*) FROM events WHERE org_id = $1::uuid AND type = "
                       "'integration.updated' AND payload->>'provider' = 'twilio' AND "
                       "payload->>'status' IN ('syncing', 'active')",
                       {clinic.orgId}),
                 2);
        QVERIFY(t.value(u"error"_s).isNull());
    }

    void twilioRefusingOrAwayIsAnsweredAtOnceAndStoresNothing_data()
    {
        QTest::addColumn<int>("injected");
        QTest::addColumn<int>("status");
        QTest::newRow("Twilio refuses") << 401 << 400;
        QTest::newRow("Twilio down") << 503 << 502;
    }
    void twilioRefusingOrAwayIsAnsweredAtOnceAndStoresNothing()
    {
        QFETCH(int, injected);
        QFETCH(int, status);
        Clinic clinic = f.signUp(u"Failing Twilio"_s);
        const auto account = f.newTwilioAccount();
        m_secrets << account.token;
        f.fail(u"twilio"_s, injected, 10, u"/twilio/2010-04-01/Accounts/"_s + account.sid);
        const HttpReply reply = f.connectTwilio(clinic, account);
        QCOMPARE(reply.status, status);
        QCOMPARE(reply.json().value(u"step"_s).toString(), u"validate"_s);
        QCOMPARE(reply.json().value(u"success"_s).toBool(), false);
        QVERIFY(!reply.error().isEmpty());
        QVERIFY2(!reply.error().contains(u"Injected"_s), qPrintable(reply.error()));
        QCOMPARE(
            count("SELECT count(*) FROM org_credentials WHERE org_id = $1::uuid", {clinic.orgId}),
            0);
        QCOMPARE(count("SELECT count(*) FROM jobs WHERE org_id = $1::uuid AND kind = "
                       "'twilio.connect'",
                       {clinic.orgId}),
                 0);
        QVERIFY(f.recorded(u"vapi"_s).isEmpty());
    }

    void vapiFailingFailsTheConnectionWithTheReasonAndLeavesNothingAtVapi_data()
    {
        QTest::addColumn<QString>("pathPart");
        QTest::addColumn<int>("injected");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("credentialsDeleted");
        QTest::addColumn<QString>("failedStep");
        QTest::newRow("credential: Vapi fails")
            << u"/vapi/credential"_s << 500 << QJsonObject{}
            << u"Vapi did not take the Twilio credentials: Vapi had a problem (HTTP 500)."_s << 0
            << u"vapi_credential"_s;
        QTest::newRow("number: Vapi refuses the import")
            << u"/vapi/phone-number"_s << 400
            << QJsonObject{{u"message"_s, u"Number is already in use by another org"_s},
                           {u"statusCode"_s, 400}}
            << u"Number is already in use by another org"_s << 1 << u"vapi_number"_s;
    }
    void vapiFailingFailsTheConnectionWithTheReasonAndLeavesNothingAtVapi()
    {
        QFETCH(QString, pathPart);
        QFETCH(int, injected);
        QFETCH(QJsonObject, body);
        QFETCH(QString, reason);
        QFETCH(int, credentialsDeleted);
        QFETCH(QString, failedStep);
        Clinic clinic = f.signUp(u"Failing Vapi"_s);
        const auto account = f.newTwilioAccount();
        m_secrets << account.token;
        f.fail(u"vapi"_s, injected, 10, pathPart, body, u"POST"_s);
        QCOMPARE(f.connectTwilio(clinic, account).status, 202);

        const QJsonObject t = vox::test::settledTwilio(*clinic.client);
        QCOMPARE(t.value(u"status"_s).toString(), u"failed"_s);
        QVERIFY2(t.value(u"error"_s).toString().contains(reason),
                 qPrintable(t.value(u"error"_s).toString()));
        QCOMPARE(t.value(u"failed_step"_s).toString(), failedStep);
        QVERIFY(t.value(u"vapi_credential_id"_s).isNull());
        QVERIFY(t.value(u"vapi_phone_number_id"_s).isNull());
        QCOMPARE(
            count("SELECT count(*) FROM phone_numbers WHERE org_id = $1::uuid", {clinic.orgId}), 0);
        // Each creation was sent once; what Vapi created for it was deleted again.
        QCOMPARE(requests(u"POST"_s, pathPart), 1);
        QCOMPARE(requests(u"DELETE"_s, u"/vapi/credential/"_s), credentialsDeleted);
        auto credentials = vapiAtSandbox().listCredentials();
        QVERIFY(credentials.ok());
        QCOMPARE(namedAtVapi(*credentials,
                             connectJob(clinic.orgId).payload.value(u"connect_id"_s).toString()),
                 0);
        // The console heard why, and where.
        QCOMPARE(count("SELECT count(*) FROM events WHERE org_id = $1::uuid AND type = "
                       "'integration.updated' AND payload->>'status' = 'failed' AND "
                       "payload->>'error' = $2 AND payload->>'failed_step' = $3",
                       {clinic.orgId, t.value(u"error"_s).toString(), failedStep}),
                 1);
        // And the clinic can simply try again once Vapi takes it.
        f.sandbox->state().clearFailures();
        QVERIFY2(f.connectTwilioAndWait(clinic, account).isEmpty(), "the retry did not connect");
        QVERIFY(twilioOf(clinic).value(u"error"_s).isNull());
        QVERIFY(twilioOf(clinic).value(u"failed_step"_s).isNull());
    }

    // The clinic's change ends when its outcome commits, not when the runner later marks the job
    // done: a connect started on seeing "connected" or "failed" is taken while the job that
    // settled is still running (tidying up at Vapi, or not yet marked done).
    void aConnectionsOutcomeLetsTheNextConnectStartWhileItsJobStillRuns_data()
    {
        QTest::addColumn<bool>("vapiFails");
        QTest::addColumn<QString>("outcome");
        QTest::newRow("connected") << false << u"active"_s;
        QTest::newRow("failed") << true << u"failed"_s;
    }
    void aConnectionsOutcomeLetsTheNextConnectStartWhileItsJobStillRuns()
    {
        QFETCH(bool, vapiFails);
        QFETCH(QString, outcome);
        Clinic clinic = f.signUp(u"Outcome Ends Change"_s);
        const auto account = f.newTwilioAccount();
        m_secrets << account.token;
        QVERIFY2(f.connectTwilioAndWait(clinic, account).isEmpty(), "Twilio did not connect");
        const auto job = connectJob(clinic.orgId);
        const QString jobId = QString::number(job.id);
        QTRY_COMPARE_WITH_TIMEOUT(
            count("SELECT count(*) FROM jobs WHERE id = $1::bigint AND status = 'done'", {jobId}),
            1, 10000);

        // The job as a runner holds it, its row as the request left it, under its key again.
        QVERIFY(f.sql("UPDATE jobs SET status = 'running', unique_key = $2, locked_by = 'test', "
                      "locked_at = now(), finished_at = NULL WHERE id = $1::bigint",
                      {jobId, vox::server::TwilioConnectJob::uniqueKey(clinic.orgId)}));
        QVERIFY(f.sql("UPDATE org_credentials SET status = 'syncing' WHERE org_id = $1::uuid AND "
                      "provider = 'twilio'",
                      {clinic.orgId}));
        if (vapiFails) {
            QVERIFY(f.sql("UPDATE org_credentials SET metadata = metadata - 'vapi_credential_id' - "
                          "'vapi_credential_requested' - 'vapi_phone_number_id' - "
                          "'vapi_number_requested' WHERE org_id = $1::uuid AND provider = "
                          "'twilio'",
                          {clinic.orgId}));
            f.fail(u"vapi"_s, 500, 10, u"/vapi/credential"_s, {}, u"POST"_s);
        }
        QVERIFY(runConnectJobAgain(job));
        f.sandbox->state().clearFailures();

        QCOMPARE(twilioOf(clinic).value(u"status"_s).toString(), outcome);
        QCOMPARE(count("SELECT count(*) FROM jobs WHERE id = $1::bigint AND status = 'running' "
                       "AND unique_key IS NULL",
                       {jobId}),
                 1);
        QCOMPARE(f.connectTwilio(clinic, account).status, 202);
        QCOMPARE(vox::test::settledTwilio(*clinic.client).value(u"status"_s).toString(),
                 u"active"_s);
        QVERIFY(f.sql("UPDATE jobs SET status = 'done' WHERE id = $1::bigint", {jobId}));
    }

    void aFailedReconnectKeepsThePreviousConnection()
    {
        Clinic clinic = f.signUp(u"Keeps Previous"_s);
        const auto first = f.newTwilioAccount();
        const auto second = f.newTwilioAccount();
        m_secrets << first.token << second.token;
        QVERIFY2(f.connectTwilioAndWait(clinic, first).isEmpty(), "Twilio did not connect");
        const QJsonObject before = twilioOf(clinic);
        f.sandbox->state().clearRequests();

        f.fail(u"vapi"_s, 400, 10, u"/vapi/phone-number"_s,
               {{u"message"_s, u"twilioAuthToken is invalid"_s}}, u"POST"_s);
        QCOMPARE(f.connectTwilio(clinic, second).status, 202);
        const QJsonObject after = vox::test::settledTwilio(*clinic.client);
        f.sandbox->state().clearFailures();

        QCOMPARE(after.value(u"phone_number"_s), before.value(u"phone_number"_s));
        QCOMPARE(after.value(u"vapi_credential_id"_s), before.value(u"vapi_credential_id"_s));
        QCOMPARE(after.value(u"vapi_phone_number_id"_s), before.value(u"vapi_phone_number_id"_s));
        QCOMPARE(after.value(u"status"_s).toString(), u"active"_s);
        QVERIFY2(after.value(u"error"_s).toString().contains(u"twilioAuthToken is invalid"_s),
                 qPrintable(after.value(u"error"_s).toString()));
        QVERIFY2(after.value(u"error"_s).toString().contains(u"previous connection is kept"_s),
                 qPrintable(after.value(u"error"_s).toString()));
        QCOMPARE(after.value(u"failed_step"_s).toString(), u"vapi_number"_s);
        // The second account's credential was created at Vapi once and removed again; the
        // first's was left alone.
        QCOMPARE(requests(u"POST"_s, u"/vapi/credential"_s), 1);
        QCOMPARE(requests(u"DELETE"_s, u"/vapi/credential/"_s), 1);
        QCOMPARE(requests(u"DELETE"_s, before.value(u"vapi_credential_id"_s).toString()), 0);
        // And the stored secret is still the first account's: an SMS goes out through it.
        const QString contact = f.insertContact(clinic.orgId, u"+15557770001"_s, u"Kim"_s);
        const QString call = f.insertCall(clinic.orgId, u"+15557770001"_s, contact);
        const HttpReply sms = clinic.client->post(u"/api/calls-dashboard/%1/followup"_s.arg(call),
                                                  {{u"message"_s, u"Hello again"_s}});
        QCOMPARE(sms.status, 200);
        QCOMPARE(f.sandbox->twilio().messages(first.sid).size(), 1);
        QCOMPARE(f.sandbox->twilio().messages(second.sid).size(), 0);
    }

    void reconnectingTheSameNumberMovesItInsteadOfImportingTwice()
    {
        Clinic clinic = f.signUp(u"Same Number"_s);
        const auto account = f.newTwilioAccount();
        m_secrets << account.token;
        QVERIFY2(f.connectTwilioAndWait(clinic, account).isEmpty(), "Twilio did not connect");
        const QString numberId = twilioOf(clinic).value(u"vapi_phone_number_id"_s).toString();
        f.sandbox->state().clearRequests();
        QVERIFY2(f.connectTwilioAndWait(clinic, account).isEmpty(), "Twilio did not reconnect");
        QCOMPARE(f.recorded(u"vapi"_s, u"/vapi/phone-number/"_s + numberId).first().method,
                 u"PATCH"_s);
        // The replaced credential is removed from Vapi. The job does that after it has recorded
        // the connection as active (the clinic need not wait on housekeeping), so the removal
        // may come just after the status the helper waited for.
        const auto deletedOld = [&] {
            const auto requests = f.recorded(u"vapi"_s, u"/vapi/credential/"_s);
            return std::any_of(requests.cbegin(), requests.cend(),
                               [](const auto &r) { return r.method == u"DELETE"; });
        };
        QTRY_VERIFY_WITH_TIMEOUT(deletedOld(), 10000);
    }

    void invalidInputIsRefusedBeforeAnyProviderCall_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        const QJsonObject good{{u"account_sid"_s, u"AC0123456789abcdef0123456789abcdef"_s},
                               {u"auth_token"_s, u"0123456789abcdef"_s},
                               {u"phone_number"_s, u"+15550109999"_s}};
        QJsonObject b = good;
        b[u"account_sid"_s] = u"SK123"_s;
        QTest::newRow("not an account sid") << b << u"account_sid"_s;
        b = good;
        b.remove(u"auth_token"_s);
        QTest::newRow("no token") << b << u"auth_token"_s;
        b = good;
        b[u"phone_number"_s] = u"010-9999"_s;
        QTest::newRow("no area code") << b << u"phone_number"_s;
        b[u"phone_number"_s] = u"(555) 010-99999"_s;
        QTest::newRow("a digit too many") << b << u"phone_number"_s;
    }
    void invalidInputIsRefusedBeforeAnyProviderCall()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        Clinic clinic = f.signUp(u"Bad Input"_s);
        const HttpReply reply = clinic.client->put(u"/api/integrations/twilio"_s, body);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json().value(u"field"_s).toString(), field);
        QVERIFY(f.recorded(u"twilio"_s).isEmpty());
    }

    void disconnectRemovesTheNumberAndCredentialFromVapi()
    {
        Clinic clinic = f.signUp(u"Disconnects"_s);
        const auto account = f.newTwilioAccount();
        m_secrets << account.token;
        QVERIFY2(f.connectTwilioAndWait(clinic, account).isEmpty(), "Twilio did not connect");
        const QJsonObject t = twilioOf(clinic);
        f.sandbox->state().clearRequests();

        // Vapi failing: nothing is removed, the admin can try again.
        f.fail(u"vapi"_s, 500, 10, u"/vapi/phone-number"_s, {}, u"DELETE"_s);
        QCOMPARE(clinic.client->del(u"/api/integrations/twilio"_s).status, 502);
        f.sandbox->state().clearFailures();
        QCOMPARE(
            count("SELECT count(*) FROM org_credentials WHERE org_id = $1::uuid", {clinic.orgId}),
            1);

        QCOMPARE(clinic.client->del(u"/api/integrations/twilio"_s).status, 200);
        QCOMPARE(f.recorded(u"vapi"_s, t.value(u"vapi_phone_number_id"_s).toString()).last().method,
                 u"DELETE"_s);
        QCOMPARE(f.recorded(u"vapi"_s, t.value(u"vapi_credential_id"_s).toString()).last().method,
                 u"DELETE"_s);
        QCOMPARE(
            count("SELECT count(*) FROM org_credentials WHERE org_id = $1::uuid", {clinic.orgId}),
            0);
        QCOMPARE(
            count("SELECT count(*) FROM phone_numbers WHERE org_id = $1::uuid", {clinic.orgId}), 0);
        QCOMPARE(clinic.client->del(u"/api/integrations/twilio"_s).status, 404);
    }

    void anotherClinicSeesNoneOfIt()
    {
        Clinic a = f.signUp(u"Clinic A"_s);
        Clinic b = f.signUp(u"Clinic B"_s);
        const auto account = f.newTwilioAccount();
        m_secrets << account.token;
        QVERIFY2(f.connectTwilioAndWait(a, account).isEmpty(), "Twilio did not connect");
        const QJsonObject seenByB = b.client->get(u"/api/integrations"_s).json();
        QCOMPARE(seenByB.value(u"twilio"_s).toObject().value(u"configured"_s).toBool(), false);
        QCOMPARE(b.client->del(u"/api/integrations/twilio"_s).status, 404);
        QCOMPARE(count("SELECT count(*) FROM org_credentials WHERE org_id = $1::uuid", {a.orgId}),
                 1);
    }

    // One change per clinic, across the request and its job: while Vapi is still being asked,
    // another connect and a disconnect are refused in words.
    void aConnectionUnderWayRefusesAnotherChange()
    {
        Clinic clinic = f.signUp(u"Under Way"_s);
        const auto first = f.newTwilioAccount();
        const auto second = f.newTwilioAccount();
        m_secrets << first.token << second.token;
        // Vapi takes its time with the credential, so the job is still running meanwhile.
        vox::sandbox::Failure slow;
        slow.provider = u"vapi"_s;
        slow.method = u"POST"_s;
        slow.pathPrefix = u"/vapi/credential"_s;
        slow.status = 0;
        slow.delayMs = 3000;
        f.sandbox->state().addFailure(slow);
        QCOMPARE(f.connectTwilio(clinic, first).status, 202);

        const HttpReply again = f.connectTwilio(clinic, second);
        QCOMPARE(again.status, 409);
        QVERIFY2(again.error().contains(u"still being connected"_s), qPrintable(again.error()));
        QVERIFY(f.recorded(u"twilio"_s, second.sid).isEmpty()); // refused before asking Twilio
        const HttpReply removed = clinic.client->del(u"/api/integrations/twilio"_s);
        QCOMPARE(removed.status, 409);
        QVERIFY2(removed.error().contains(u"still being connected"_s), qPrintable(removed.error()));

        // The first connection finishes as asked, untouched by the refused ones.
        const QJsonObject t = vox::test::settledTwilio(*clinic.client);
        QCOMPARE(t.value(u"status"_s).toString(), u"active"_s);
        QCOMPARE(t.value(u"account_sid_last4"_s).toString(), first.sid.right(4));
        QCOMPARE(requests(u"POST"_s, u"/vapi/credential"_s), 1);
    }

    // The job may run again: a second runner, or one restarted after the instance died between
    // Vapi creating something and the id being recorded. It finishes the same connection with
    // exactly one Vapi credential and one number.
    void theConnectJobRunAgainCreatesNothingTwice_data()
    {
        QTest::addColumn<bool>("died");
        QTest::addColumn<bool>("numberImported");
        QTest::addColumn<int>("credentialPosts");
        QTest::addColumn<int>("numberPosts");
        QTest::newRow("again after it finished") << false << true << 0 << 0;
        QTest::newRow("died after Vapi created both, before recording") << true << true << 0 << 0;
        QTest::newRow("died after Vapi created the credential, before recording it")
            << true << false << 0 << 1;
    }
    void theConnectJobRunAgainCreatesNothingTwice()
    {
        QFETCH(bool, died);
        QFETCH(bool, numberImported);
        QFETCH(int, credentialPosts);
        QFETCH(int, numberPosts);
        Clinic clinic = f.signUp(u"Runs Twice"_s);
        const auto account = f.newTwilioAccount();
        m_secrets << account.token;
        QVERIFY2(f.connectTwilioAndWait(clinic, account).isEmpty(), "Twilio did not connect");
        const QJsonObject before = twilioOf(clinic);
        const auto job = connectJob(clinic.orgId);
        const QString connectId = job.payload.value(u"connect_id"_s).toString();
        QVERIFY(!connectId.isEmpty());

        if (died) {
            // What the row says when the instance died before recording the ids.
            QVERIFY(f.sql("UPDATE org_credentials SET status = 'syncing', metadata = metadata - "
                          "'vapi_credential_id' - 'vapi_phone_number_id' WHERE org_id = "
                          "$1::uuid AND provider = 'twilio'",
                          {clinic.orgId}));
            if (!numberImported) {
                // It died before the import was even asked for.
                QVERIFY(f.sql("UPDATE org_credentials SET metadata = metadata - "
                              "'vapi_number_requested' WHERE org_id = $1::uuid AND provider = "
                              "'twilio'",
                              {clinic.orgId}));
                QVERIFY(vapiAtSandbox()
                            .deletePhoneNumber(before.value(u"vapi_phone_number_id"_s).toString())
                            .ok());
            }
        }
        f.sandbox->state().clearRequests();
        QVERIFY(runConnectJobAgain(job));

        QCOMPARE(requests(u"POST"_s, u"/vapi/credential"_s), credentialPosts);
        QCOMPARE(requests(u"POST"_s, u"/vapi/phone-number"_s), numberPosts);
        auto credentials = vapiAtSandbox().listCredentials();
        auto numbers = vapiAtSandbox().listPhoneNumbers();
        QVERIFY(credentials.ok() && numbers.ok());
        QCOMPARE(namedAtVapi(*credentials, connectId), 1);
        QCOMPARE(namedAtVapi(*numbers, connectId), 1);
        const QJsonObject after = twilioOf(clinic);
        QCOMPARE(after.value(u"status"_s).toString(), u"active"_s);
        QCOMPARE(after.value(u"vapi_credential_id"_s), before.value(u"vapi_credential_id"_s));
        if (numberImported)
            QCOMPARE(after.value(u"vapi_phone_number_id"_s),
                     before.value(u"vapi_phone_number_id"_s));
        QCOMPARE(count("SELECT count(*) FROM phone_numbers WHERE org_id = $1::uuid AND "
                       "vapi_phone_number_id = $2",
                       {clinic.orgId, after.value(u"vapi_phone_number_id"_s).toString()}),
                 1);
    }

    // A clinic's connect job reads and writes its own clinic only: another clinic's connection,
    // number and Vapi objects stay as they were, and it hears nothing.
    void aConnectJobTouchesOnlyItsOwnClinic()
    {
        Clinic a = f.signUp(u"Job Clinic A"_s);
        Clinic b = f.signUp(u"Job Clinic B"_s);
        const auto accountA = f.newTwilioAccount();
        const auto accountB = f.newTwilioAccount();
        m_secrets << accountA.token << accountB.token;
        QVERIFY2(f.connectTwilioAndWait(b, accountB).isEmpty(), "B did not connect");
        auto rowOf = [&](const QString &orgId) {
            auto row = f.sql("SELECT row_to_json(c)::text FROM (SELECT status, metadata, "
                             "ciphertext, updated_at FROM org_credentials WHERE org_id = "
                             "$1::uuid) c",
                             {orgId});
            return row && !row->isEmpty() ? row->text(0, 0) : QString();
        };
        const QString bBefore = rowOf(b.orgId);
        const QJsonObject bTwilio = twilioOf(b);
        const int bEvents = count("SELECT count(*) FROM events WHERE org_id = $1::uuid", {b.orgId});

        QVERIFY2(f.connectTwilioAndWait(a, accountA).isEmpty(), "A did not connect");
        // A's next connection fails and is undone: nothing of it may reach B either.
        const auto nextA = f.newTwilioAccount();
        m_secrets << nextA.token;
        f.fail(u"vapi"_s, 400, 10, u"/vapi/phone-number"_s, {}, u"POST"_s);
        QCOMPARE(f.connectTwilio(a, nextA).status, 202);
        QCOMPARE(vox::test::settledTwilio(*a.client).value(u"status"_s).toString(), u"active"_s);
        f.sandbox->state().clearFailures();

        QCOMPARE(rowOf(b.orgId), bBefore);
        QCOMPARE(count("SELECT count(*) FROM events WHERE org_id = $1::uuid", {b.orgId}), bEvents);
        QCOMPARE(requests(u"DELETE"_s, bTwilio.value(u"vapi_credential_id"_s).toString()), 0);
        QCOMPARE(requests(u"DELETE"_s, bTwilio.value(u"vapi_phone_number_id"_s).toString()), 0);
        QCOMPARE(requests(u"PATCH"_s, bTwilio.value(u"vapi_phone_number_id"_s).toString()), 0);
        QCOMPARE(count("SELECT count(*) FROM phone_numbers WHERE org_id = $1::uuid AND number = "
                       "$2",
                       {b.orgId, accountB.number}),
                 1);
    }

    void googleForeverLinkAsksForOfflineAccessAndConsent()
    {
        Clinic clinic = f.signUp(u"Google Link"_s);
        const HttpReply reply = clinic.client->get(u"/api/integrations/google/auth-url"_s);
        QCOMPARE(reply.status, 200);
        const QUrl url(reply.json().value(u"url"_s).toString());
        QCOMPARE(url.path(), u"/google/accounts/o/oauth2/v2/auth"_s);
        const QUrlQuery q(url);
        QCOMPARE(q.queryItemValue(u"access_type"_s), u"offline"_s);
        QCOMPARE(q.queryItemValue(u"prompt"_s), u"consent"_s);
        QCOMPARE(q.queryItemValue(u"response_type"_s), u"code"_s);
        QCOMPARE(q.queryItemValue(u"client_id"_s), u"test-client.apps.example"_s);
        const QStringList scopes = q.queryItemValue(u"scope"_s, QUrl::FullyDecoded).split(u' ');
        QVERIFY(scopes.contains(u"https://www.googleapis.com/auth/calendar"_s));
        QVERIFY(scopes.contains(u"https://www.googleapis.com/auth/userinfo.email"_s));
        QCOMPARE(q.queryItemValue(u"redirect_uri"_s, QUrl::FullyDecoded),
                 u"http://127.0.0.1:1/api/integrations/google/callback"_s);
        QVERIFY(!q.queryItemValue(u"state"_s).isEmpty());
    }

    void googleCallbackStoresTheRefreshTokenEncryptedAndTheEmail()
    {
        Clinic clinic = f.signUp(u"Google Callback"_s);
        const QString callback = f.googleConsent(clinic);
        QVERIFY(callback.startsWith(u"/api/integrations/google/callback?"_s));
        auto browser = f.server->client(); // the browser has no session
        const HttpReply page = browser->get(callback);
        QCOMPARE(page.status, 200);
        QVERIFY(page.headers.value("content-type").startsWith("text/html"));
        QVERIFY(page.body.contains("close this window"));

        const QJsonObject g =
            clinic.client->get(u"/api/integrations"_s).json().value(u"google"_s).toObject();
        QCOMPARE(g.value(u"configured"_s).toBool(), true);
        QCOMPARE(g.value(u"status"_s).toString(), u"active"_s);
        QCOMPARE(g.value(u"connected_email"_s).toString(), vox::sandbox::GoogleSandbox::demoEmail);

        const QStringList refresh =
            f.sandbox->google().refreshTokens(vox::sandbox::GoogleSandbox::demoEmail);
        QVERIFY(!refresh.isEmpty());
        m_secrets << refresh;
        auto row = f.sql("SELECT encode(ciphertext, 'escape'), metadata::text FROM "
                         "org_credentials WHERE org_id = $1::uuid AND provider = 'google'",
                         {clinic.orgId});
        QCOMPARE(row->rowCount(), 1);
        for (const QString &token : refresh) {
            QVERIFY(!row->text(0, 0).contains(token));
            QVERIFY(!row->text(0, 1).contains(token));
        }
        // The token exchange sent the code with our client and redirect.
        const auto exchange = f.recorded(u"google"_s, u"/google/oauth2/token"_s);
        QCOMPARE(exchange.size(), 1);
        QCOMPARE(vox::test::IntegrationFixture::formValue(exchange.first().body, u"grant_type"_s),
                 u"authorization_code"_s);
        QCOMPARE(vox::test::IntegrationFixture::formValue(exchange.first().body, u"redirect_uri"_s),
                 u"http://127.0.0.1:1/api/integrations/google/callback"_s);

        // The same redirect replayed does nothing.
        QCOMPARE(browser->get(callback).status, 409);
        // Reconnecting later still yields a refresh token: consent is asked every time.
        const HttpReply again = browser->get(f.googleConsent(clinic));
        QCOMPARE(again.status, 200);
        QCOMPARE(f.sandbox->google().refreshTokens(vox::sandbox::GoogleSandbox::demoEmail).size(),
                 refresh.size() + 1);
        m_secrets << f.sandbox->google().refreshTokens(vox::sandbox::GoogleSandbox::demoEmail);

        const QStringList live =
            f.sandbox->google().refreshTokens(vox::sandbox::GoogleSandbox::demoEmail);
        f.sandbox->state().clearRequests();
        const HttpReply disconnected = clinic.client->del(u"/api/integrations/google"_s);
        QCOMPARE(disconnected.status, 200);
        QCOMPARE(disconnected.json().value(u"revoked_at_google"_s).toBool(), true);
        QCOMPARE(count("SELECT count(*) FROM org_credentials WHERE org_id = $1::uuid AND provider "
                       "= 'google'",
                       {clinic.orgId}),
                 0);
        // The access ends at Google too: the stored refresh token was revoked there, once.
        const auto revocations = f.recorded(u"google"_s, u"/google/oauth2/revoke"_s);
        QCOMPARE(revocations.size(), 1);
        const QString revoked =
            vox::test::IntegrationFixture::formValue(revocations.first().body, u"token"_s);
        QVERIFY(live.contains(revoked));
        QVERIFY(!f.sandbox->google()
                     .refreshTokens(vox::sandbox::GoogleSandbox::demoEmail)
                     .contains(revoked));
        QCOMPARE(clinic.client->del(u"/api/integrations/google"_s).status, 404);
    }

    // Google away when the clinic disconnects: the disconnection still happens here, and the
    // answer says Google did not confirm, so the console can tell the admin where to finish it.
    void disconnectingGoogleWhileGoogleIsDownStillDisconnects()
    {
        Clinic clinic = f.signUp(u"Google Down"_s);
        QVERIFY(f.connectGoogle(clinic));
        f.fail(u"google"_s, 503, 50, u"/google/oauth2/revoke"_s);
        const HttpReply disconnected = clinic.client->del(u"/api/integrations/google"_s);
        QCOMPARE(disconnected.status, 200);
        QCOMPARE(disconnected.json().value(u"revoked_at_google"_s).toBool(), false);
        QCOMPARE(count("SELECT count(*) FROM org_credentials WHERE org_id = $1::uuid AND provider "
                       "= 'google'",
                       {clinic.orgId}),
                 0);
        f.sandbox->state().clearFailures();
    }

    void aForgedOrDeniedGoogleReturnConnectsNothing()
    {
        Clinic clinic = f.signUp(u"Google Forged"_s);
        const QString callback = f.googleConsent(clinic);
        QUrlQuery query(QUrl(callback).query());
        QString state = query.queryItemValue(u"state"_s, QUrl::FullyDecoded);
        state[state.size() - 3] = state.at(state.size() - 3) == u'A' ? u'B' : u'A';
        query.removeQueryItem(u"state"_s);
        query.addQueryItem(u"state"_s, QString::fromLatin1(QUrl::toPercentEncoding(state)));
        auto browser = f.server->client();
        QCOMPARE(browser->get(u"/api/integrations/google/callback?"_s + query.query()).status, 400);

        const QString denied = f.googleConsent(clinic);
        QUrlQuery deniedQuery(QUrl(denied).query());
        deniedQuery.removeQueryItem(u"code"_s);
        deniedQuery.addQueryItem(u"error"_s, u"access_denied"_s);
        const HttpReply page =
            browser->get(u"/api/integrations/google/callback?"_s + deniedQuery.query());
        QCOMPARE(page.status, 400);
        QVERIFY(page.body.contains("not granted"));
        QCOMPARE(
            count("SELECT count(*) FROM org_credentials WHERE org_id = $1::uuid", {clinic.orgId}),
            0);
    }

    void resendKeyAndSenderPerClinic()
    {
        Clinic clinic = f.signUp(u"Mail Clinic"_s);
        QCOMPARE(clinic.client
                     ->put(u"/api/integrations/resend"_s,
                           {{u"api_key"_s, u"re_live_secret_key_123"_s}, {u"from"_s, u"nope"_s}})
                     .status,
                 400);
        const QString key = u"re_clinic_secret_key_9876"_s;
        m_secrets << key;
        const HttpReply reply = clinic.client->put(
            u"/api/integrations/resend"_s,
            {{u"api_key"_s, key}, {u"from"_s, u"Mail Clinic <front@mailclinic.example>"_s}});
        QCOMPARE(reply.status, 200);
        const QJsonObject r = reply.json().value(u"resend"_s).toObject();
        QCOMPARE(r.value(u"configured"_s).toBool(), true);
        QCOMPARE(r.value(u"from"_s).toString(), u"Mail Clinic <front@mailclinic.example>"_s);
        QCOMPARE(r.value(u"api_key_last4"_s).toString(), u"9876"_s);
        QCOMPARE(r.value(u"uses_server_key"_s).toBool(), false);
        QVERIFY(!reply.body.contains(key.toUtf8()));
        // Changing only the sender keeps the key; an empty key removes it.
        QCOMPARE(
            clinic.client
                ->put(u"/api/integrations/resend"_s, {{u"from"_s, u"front@mailclinic.example"_s}})
                .json()
                .value(u"resend"_s)
                .toObject()
                .value(u"configured"_s)
                .toBool(),
            true);
        QCOMPARE(clinic.client
                     ->put(u"/api/integrations/resend"_s,
                           {{u"api_key"_s, u""_s}, {u"from"_s, u"front@mailclinic.example"_s}})
                     .json()
                     .value(u"resend"_s)
                     .toObject()
                     .value(u"configured"_s)
                     .toBool(),
                 false);
        QCOMPARE(clinic.client
                     ->put(u"/api/integrations/resend"_s,
                           {{u"api_key"_s, key}, {u"from"_s, u"front@mailclinic.example"_s}})
                     .status,
                 200);
    }

    // Last: everything above went through this database.
    void zz_theDatabaseDumpHoldsNoSecretInClear()
    {
        QVERIFY(m_secrets.size() >= 5);
        auto bin = vox::db::EmbeddedPostgres::findBinDir();
        QVERIFY2(bin.ok(), qPrintable(bin.ok() ? QString() : bin.errorMessage()));
        const auto settings = f.db->cluster().adminSettings(f.db->name());
        QProcess dump;
        dump.start(*bin + u"/pg_dump"_s,
                   {u"-h"_s, settings.host, u"-p"_s, QString::number(settings.port), u"-U"_s,
                    settings.user, u"--no-owner"_s, settings.database});
        QVERIFY(dump.waitForFinished(60000));
        QCOMPARE(dump.exitCode(), 0);
        const QByteArray text = dump.readAllStandardOutput();
        // The dump is real: it has the encrypted rows and what may be shown.
        QVERIFY(text.contains("COPY public.org_credentials"));
        QVERIFY(text.contains(vox::sandbox::GoogleSandbox::demoEmail.toUtf8()));
        for (const QString &secret : std::as_const(m_secrets))
            QVERIFY2(!text.contains(secret.toUtf8()), qPrintable(u"in clear: "_s + secret.left(6)));
    }
};

QTEST_GUILESS_MAIN(TestIntegrations)
#include "tst_integrations.moc"
