#include "sandboxfixture.h"

#include "httpclient.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace vox::test {

SandboxFixture::SandboxFixture(const QString &label, bool sandboxMode)
    : m_sandbox(std::make_unique<sandbox::Sandbox>())
{
    if (!m_sandbox->listen(u"127.0.0.1"_s, 0)) {
        m_error = u"the sandbox did not start"_s;
        return;
    }
    const QString s = m_sandbox->url();
    QHash<QString, QString> environment{
        {u"VAPI_BASE_URL"_s, s + u"/vapi"_s},
        {u"TWILIO_BASE_URL"_s, s + u"/twilio"_s},
        {u"GOOGLE_OAUTH_BASE_URL"_s, s + u"/google/accounts"_s},
        {u"GOOGLE_TOKEN_URL"_s, s + u"/google/oauth2/token"_s},
        {u"GOOGLE_API_BASE_URL"_s, s + u"/google/api"_s},
        {u"RESEND_BASE_URL"_s, s + u"/resend"_s},
        {u"GOOGLE_CLIENT_ID"_s, u"test-client.apps.example"_s},
        {u"GOOGLE_CLIENT_SECRET"_s, u"test-google-client-secret"_s},
        {u"VOXANNE_PROVIDER_RETRY_MS"_s, u"5,5"_s},
        {u"VOXANNE_JOB_POLL_MS"_s, u"50"_s},
        {u"VOXANNE_JOB_BACKOFF_MS"_s, u"1"_s},
    };
    if (sandboxMode) {
        environment.insert(u"VOXANNE_SANDBOX_URL"_s, s);
        // The test server runs on a database URL, which is production mode.
        environment.insert(u"VOXANNE_DEV_ALLOW_SANDBOX"_s, u"1"_s);
    }
    m_console = std::make_unique<ConsoleFixture>(label, environment);
    if (!m_console->ok())
        m_error = m_console->error();
}

SandboxFixture::TwilioAccount SandboxFixture::newTwilioAccount()
{
    ++m_accounts;
    TwilioAccount a;
    const qint64 pid = QCoreApplication::applicationPid() % 10000;
    a.sid =
        u"AC%1%2"_s.arg(pid, 16, 16, QLatin1Char('0')).arg(m_accounts, 16, 16, QLatin1Char('0'));
    a.token = u"tok%1secretsecretsecretsecret"_s.arg(m_accounts, 4, 10, QLatin1Char('0'));
    a.number = u"+1555020%1"_s.arg(m_accounts, 4, 10, QLatin1Char('0'));
    m_sandbox->twilio().addAccount(a.sid, a.token, {a.number});
    return a;
}

QString SandboxFixture::connectTwilioAndWait(const Clinic &clinic, const TwilioAccount &account)
{
    auto client = m_console->server().client();
    client->setToken(clinic.session.accessToken);
    return test::connectTwilioAndWait(*client, account);
}

} // namespace vox::test
