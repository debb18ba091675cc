#pragma once

// Shared set-up of the integration tests: the provider sandbox in this process, a server whose
// Vapi, Twilio, Google and Resend base URLs point at it, clinics signed up through the API, and
// helpers that read the database the way an auditor would (as the superuser).
#include "sandbox/sandbox.h"
#include "server/appcontext.h"
#include "testserver.h"
#include "twilioconnection.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QTest>
#include <QThread>
#include <QUrlQuery>

#include <memory>

namespace vox::test {

struct Clinic
{
    QString orgId;
    QString userId;
    QString email;
    std::unique_ptr<HttpClient> client;
};

class IntegrationFixture
{
public:
    // Fresh Twilio account per clinic so the sandbox keeps their numbers apart.
    using TwilioAccount = TwilioLogin;

    bool start(const QString &label, const QHash<QString, QString> &extra = {})
    {
        sandbox = std::make_unique<sandbox::Sandbox>();
        if (!sandbox->listen(QStringLiteral("127.0.0.1"), 0)) {
            error = QStringLiteral("the sandbox did not start");
            return false;
        }
        db = std::make_unique<TestDatabase>(label);
        if (!db->ok()) {
            error = db->error();
            return false;
        }
        server = std::make_unique<TestServer>(*db, environment(extra));
        if (!server->ok()) {
            error = server->error();
            return false;
        }
        admin = db->connectAsAdmin();
        return true;
    }

    // Settings by environment name: every provider at the sandbox, fast retries, a job queue
    // that reacts quickly. RESEND_API_KEY is left unset: the server has no e-mail key of its own
    // unless a test gives one.
    QHash<QString, QString> environment(const QHash<QString, QString> &extra = {}) const
    {
        const QString s = sandbox->url();
        QHash<QString, QString> env{
            {QStringLiteral("VAPI_BASE_URL"), s + QStringLiteral("/vapi")},
            {QStringLiteral("TWILIO_BASE_URL"), s + QStringLiteral("/twilio")},
            {QStringLiteral("GOOGLE_OAUTH_BASE_URL"), s + QStringLiteral("/google/accounts")},
            {QStringLiteral("GOOGLE_TOKEN_URL"), s + QStringLiteral("/google/oauth2/token")},
            {QStringLiteral("GOOGLE_API_BASE_URL"), s + QStringLiteral("/google/api")},
            {QStringLiteral("RESEND_BASE_URL"), s + QStringLiteral("/resend")},
            {QStringLiteral("GOOGLE_CLIENT_ID"), QStringLiteral("test-client.apps.example")},
            {QStringLiteral("GOOGLE_CLIENT_SECRET"), QStringLiteral("test-google-client-secret")},
            {QStringLiteral("VOXANNE_PROVIDER_RETRY_MS"), QStringLiteral("5,5")},
            {QStringLiteral("VOXANNE_JOB_POLL_MS"), QStringLiteral("50")},
            {QStringLiteral("VOXANNE_JOB_BACKOFF_MS"), QStringLiteral("1")},
        };
        for (auto it = extra.cbegin(); it != extra.cend(); ++it)
            env.insert(it.key(), it.value());
        return env;
    }

    // As environment(), for a server that lets the sandbox stand in for where providers keep
    // what they serve (VOXANNE_SANDBOX_URL): it fetches the sandbox's recordings and reaches its
    // calls in progress.
    QHash<QString, QString> sandboxEnvironment(const QHash<QString, QString> &extra = {}) const
    {
        QHash<QString, QString> env{
            {QStringLiteral("VOXANNE_SANDBOX_URL"), sandbox->url()},
            {QStringLiteral("VOXANNE_DEV_ALLOW_SANDBOX"), QStringLiteral("1")}};
        for (auto it = extra.cbegin(); it != extra.cend(); ++it)
            env.insert(it.key(), it.value());
        return environment(env);
    }

    // One more server instance on the same database: its own connections, job runner and
    // context, running the job kinds `registerJobs` gives it.
    struct Instance
    {
        std::unique_ptr<db::Database> db;
        std::unique_ptr<server::jobs::JobRunner> jobs;
        std::unique_ptr<server::AppContext> app;
    };
    std::unique_ptr<Instance> instance(const QString &name,
                                       void (*registerJobs)(server::jobs::JobRunner &,
                                                            server::AppContext &))
    {
        auto i = std::make_unique<Instance>();
        server::Server &s = server->server();
        i->db = std::make_unique<db::Database>(db->settings());
        i->jobs = std::make_unique<server::jobs::JobRunner>(*i->db, name,
                                                            server::jobs::JobRunner::Options{});
        i->app = std::make_unique<server::AppContext>(server::AppContext{
            s.config(), *i->db, s.keys(), *i->jobs, server::providers::RetryPolicy{{5, 5}}});
        registerJobs(*i->jobs, *i->app);
        return i;
    }

    // Two instances' runners run their due jobs at the same moment, each on a thread of its own
    // as a runner's (provider calls there retry what a loaded machine drops), while this thread
    // keeps its events running: the sandbox answers on it. False when they were not done within
    // a minute.
    static bool runRacing(Instance &first, Instance &second)
    {
        const auto runAsRunner = [](server::jobs::JobRunner &jobs) {
            const server::providers::BackgroundWork background;
            jobs.runDue();
        };
        QThread *t1 = QThread::create([&] { runAsRunner(*first.jobs); });
        QThread *t2 = QThread::create([&] { runAsRunner(*second.jobs); });
        t1->start();
        t2->start();
        if (!QTest::qWaitFor([&] { return t1->isFinished() && t2->isFinished(); }, 60000))
            return false;
        delete t1;
        delete t2;
        return true;
    }

    Clinic signUp(const QString &name, TestServer *on = nullptr)
    {
        Clinic clinic;
        QString domain = name.toLower();
        domain.remove(QRegularExpression(QStringLiteral("[^a-z0-9]")));
        clinic.email = QStringLiteral("owner%1@%2.example").arg(++counter).arg(domain);
        clinic.client = (on ? on : server.get())->client();
        const HttpReply reply = clinic.client->post(
            QStringLiteral("/api/auth/signup"),
            {{QStringLiteral("organization_name"), name},
             {QStringLiteral("email"), clinic.email},
             {QStringLiteral("password"), QStringLiteral("correct horse battery")},
             {QStringLiteral("time_zone"), QStringLiteral("America/New_York")}});
        if (reply.status != 201)
            qWarning("sign-up failed: %d %s", reply.status, reply.body.constData());
        const QJsonObject session = reply.json();
        clinic.client->setToken(session.value(QStringLiteral("access_token")).toString());
        clinic.orgId = session.value(QStringLiteral("organization"))
                           .toObject()
                           .value(QStringLiteral("id"))
                           .toString();
        clinic.userId =
            session.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString();
        return clinic;
    }

    // A staff member of `clinic`, signed in.
    std::unique_ptr<HttpClient> staffOf(Clinic &clinic)
    {
        const QString email = QStringLiteral("staff%1@clinic.example").arg(++counter);
        const QString password = QStringLiteral("staff password 123");
        clinic.client->post(QStringLiteral("/api/org/users"),
                            {{QStringLiteral("email"), email},
                             {QStringLiteral("role"), QStringLiteral("staff")},
                             {QStringLiteral("password"), password}});
        auto client = server->client();
        const HttpReply login = client->post(
            QStringLiteral("/api/auth/login"),
            {{QStringLiteral("email"), email}, {QStringLiteral("password"), password}});
        client->setToken(login.json().value(QStringLiteral("access_token")).toString());
        return client;
    }

    TwilioAccount newTwilioAccount()
    {
        ++counter;
        TwilioAccount a;
        a.sid = QStringLiteral("AC%1").arg(counter, 32, 16, QLatin1Char('0'));
        a.token =
            QStringLiteral("tok%1secretsecretsecretsecret").arg(counter, 4, 10, QLatin1Char('0'));
        a.number = QStringLiteral("+1555020%1").arg(counter, 4, 10, QLatin1Char('0'));
        sandbox->twilio().addAccount(a.sid, a.token, {a.number});
        return a;
    }

    // The request alone: it answers 202 and leaves the rest to the job.
    HttpReply connectTwilio(Clinic &clinic, const TwilioAccount &account)
    {
        return clinic.client->put(QStringLiteral("/api/integrations/twilio"),
                                  {{QStringLiteral("account_sid"), account.sid},
                                   {QStringLiteral("auth_token"), account.token},
                                   {QStringLiteral("phone_number"), account.number}});
    }

    // Connected and active, or what went wrong (see tests/support/twilioconnection.h).
    QString connectTwilioAndWait(Clinic &clinic, const TwilioAccount &account)
    {
        return test::connectTwilioAndWait(*clinic.client, account);
    }

    // The browser's part of Google's consent: the callback path and query it comes back with.
    QString googleConsent(Clinic &clinic)
    {
        const HttpReply authUrl =
            clinic.client->get(QStringLiteral("/api/integrations/google/auth-url"));
        if (authUrl.status != 200)
            return {};
        const HttpReply redirect =
            getWithoutRedirect(authUrl.json().value(QStringLiteral("url")).toString());
        const QUrl back(QString::fromLatin1(redirect.headers.value("location")));
        return back.path() + QLatin1Char('?') + back.query(QUrl::FullyEncoded);
    }
    bool connectGoogle(Clinic &clinic)
    {
        return server->client()->get(googleConsent(clinic)).status == 200;
    }

    // The clinic's own Resend key, so it can e-mail (shared recordings, reminders).
    HttpReply connectResend(Clinic &clinic, const QString &apiKey)
    {
        return clinic.client->put(
            QStringLiteral("/api/integrations/resend"),
            {{QStringLiteral("api_key"), apiKey},
             {QStringLiteral("from"), QStringLiteral("Glow Med Spa <frontdesk@glow.example>")}});
    }

    // Shares the call's recording with `email`: the link's path on the server, as read from the
    // e-mail the sandbox received, or empty when sharing failed.
    QString shareRecording(Clinic &clinic, const QString &callId, const QString &email)
    {
        const HttpReply reply =
            clinic.client->post(QStringLiteral("/api/calls-dashboard/%1/share").arg(callId),
                                {{QStringLiteral("email"), email}});
        if (reply.status != 200) {
            qWarning("sharing answered %d: %s", reply.status, reply.body.constData());
            return {};
        }
        const QString text =
            sandbox->resend().emails().last().toObject().value(QStringLiteral("text")).toString();
        static const QRegularExpression link(
            QStringLiteral("(/api/recordings/shared/[A-Za-z0-9._-]+)"));
        return link.match(text).captured(1);
    }

    // Rows an auditor reads.
    Result<db::PgResult> sql(const QByteArray &statement, const db::Params &params = {})
    {
        return admin->execUncached(statement, params);
    }

    // The first cell an auditor reads as text: empty for no row or NULL, "<error>" (and a
    // warning saying why) when the statement failed.
    QString one(const QByteArray &statement, const db::Params &params = {})
    {
        auto row = sql(statement, params);
        if (!row) {
            qWarning("%s", qPrintable(row.errorMessage()));
            return QStringLiteral("<error>");
        }
        return row->isEmpty() || row->isNull(0, 0) ? QString() : row->text(0, 0);
    }

    QString insertContact(const QString &orgId, const QString &phone, const QString &name,
                          const QString &email = {})
    {
        auto row =
            sql("INSERT INTO contacts (org_id, phone, name, email) VALUES ($1::uuid, $2, $3, "
                "$4) RETURNING id",
                {orgId, phone, name, email.isEmpty() ? QString() : email});
        return row ? row->text(0, 0) : QString();
    }

    QString insertCall(const QString &orgId, const QString &phone, const QString &contactId = {},
                       const QString &recordingUrl = {}, const QString &transcript = {},
                       const QJsonArray &messages = {})
    {
        auto row = sql(
            "INSERT INTO call_logs (org_id, phone_number, caller_name, contact_id, recording_url, "
            "transcript, messages, status, occurred_at, duration_seconds) VALUES ($1::uuid, $2, "
            "'Jane Doe', $3::uuid, $4, $5, $6::jsonb, 'ended', '2026-03-14T15:00:00Z', 185) "
            "RETURNING id",
            {orgId, phone, contactId.isEmpty() ? QString() : contactId,
             recordingUrl.isEmpty() ? QString() : recordingUrl,
             transcript.isEmpty() ? QString() : transcript,
             messages.isEmpty() ? QJsonValue() : QJsonValue(messages)});
        return row ? row->text(0, 0) : QString();
    }

    QList<sandbox::RecordedRequest> recorded(const QString &provider, const QString &pathPart = {})
    {
        QList<sandbox::RecordedRequest> out;
        for (const auto &r : sandbox->state().recorded(provider)) {
            if (pathPart.isEmpty() || r.path.contains(pathPart))
                out.append(r);
        }
        return out;
    }

    void fail(const QString &provider, int status, int count, const QString &pathPrefix = {},
              const QJsonObject &body = {}, const QString &method = {})
    {
        sandbox::Failure f;
        f.provider = provider;
        f.status = status;
        f.remaining = count;
        f.pathPrefix = pathPrefix;
        f.body = body;
        f.method = method;
        sandbox->state().addFailure(f);
    }

    // A GET that does not follow redirects (consent screens, shared links answer 302), with a
    // Range and a bearer token when given (a player seeking in a recording).
    static HttpReply getWithoutRedirect(const QString &url, const QByteArray &range = {},
                                        const QByteArray &token = {})
    {
        QNetworkAccessManager network;
        QNetworkRequest request{QUrl(url)};
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        if (!range.isEmpty())
            request.setRawHeader("Range", range);
        QNetworkReply *reply = network.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        HttpReply out;
        out.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out.body = reply->readAll();
        for (const auto &[name, value] : reply->rawHeaderPairs())
            out.headers.insert(name.toLower(), value);
        reply->deleteLater();
        return out;
    }

    static QUrlQuery form(const QByteArray &body)
    {
        QByteArray decoded = body;
        decoded.replace('+', ' ');
        return QUrlQuery(QString::fromLatin1(decoded));
    }
    static QString formValue(const QByteArray &body, const QString &name)
    {
        return form(body).queryItemValue(name, QUrl::FullyDecoded);
    }

    std::unique_ptr<sandbox::Sandbox> sandbox;
    std::unique_ptr<TestDatabase> db;
    std::unique_ptr<TestServer> server;
    std::unique_ptr<db::Connection> admin;
    QString error;
    int counter = 0;
};

} // namespace vox::test
