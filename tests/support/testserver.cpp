#include "testserver.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::test {

const QString TestServer::jwtSecret = u"test-jwt-secret-0123456789abcdef0123456789"_s;
const QString TestServer::encryptionKey =
    QString::fromLatin1(QByteArray("0123456789abcdef0123456789abcdef").toBase64());
const QString TestServer::webhookSecret = u"test-vapi-webhook-secret"_s;
const QString TestServer::unreachableProvider = u"http://127.0.0.1:9"_s;
const QStringList TestServer::providerUrlSettings{u"VAPI_BASE_URL"_s,         u"TWILIO_BASE_URL"_s,
                                                  u"GOOGLE_OAUTH_BASE_URL"_s, u"GOOGLE_TOKEN_URL"_s,
                                                  u"GOOGLE_API_BASE_URL"_s,   u"RESEND_BASE_URL"_s};

QHash<QString, QString> TestServer::withoutRealProviders(QHash<QString, QString> environment)
{
    if (!environment.value(u"VOXANNE_SANDBOX_URL"_s).isEmpty())
        return environment;
    for (const QString &setting : providerUrlSettings) {
        if (environment.value(setting).isEmpty())
            environment.insert(setting, unreachableProvider);
    }
    return environment;
}

TestServer::TestServer(const TestDatabase &database, const QHash<QString, QString> &extra)
{
    server::ServerConfig::Sources sources;
    sources.defaultDataDir = QDir::tempPath() + u"/voxanne-test-server"_s;
    sources.environment = {
        {u"VOXANNE_MODE"_s, u"production"_s},
        {u"VOXANNE_DATABASE_URL"_s, database.url()},
        {u"VOXANNE_LISTEN"_s, u"127.0.0.1:0"_s},
        {u"JWT_SECRET"_s, jwtSecret},
        {u"ENCRYPTION_KEY"_s, encryptionKey},
        {u"VAPI_WEBHOOK_SECRET"_s, webhookSecret},
        {u"VAPI_PRIVATE_KEY"_s, u"test-vapi-private-key"_s},
        {u"BACKEND_URL"_s, u"http://127.0.0.1:1"_s},
        {u"VOXANNE_BCRYPT_COST"_s, u"4"_s},
        {u"VOXANNE_WORKER_THREADS"_s, u"6"_s},
        // Tests sign up many clinics from 127.0.0.1; the one test of the limit sets it back.
        {u"VOXANNE_SIGNUP_LIMIT"_s, u"1000000000"_s},
    };
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        sources.environment.insert(it.key(), it.value());
    sources.environment = withoutRealProviders(sources.environment);
    auto config = server::ServerConfig::resolve(sources);
    if (!config) {
        m_error = config.errorMessage();
        return;
    }
    m_server = std::make_unique<server::Server>(*config);
    if (auto started = m_server->start(); !started)
        m_error = started.errorMessage();
}

TestServer::~TestServer()
{
    if (m_server)
        m_server->stop(5000);
}

} // namespace vox::test
