#include "server/config/serverconfig.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::server::ServerConfig;

namespace {
const QString key32 = QString::fromLatin1(QByteArray(32, 'k').toBase64());
const QString jwt = u"0123456789abcdef0123456789abcdef-jwt"_s;

ServerConfig::Sources productionSources()
{
    ServerConfig::Sources s;
    s.environment = {{u"VOXANNE_DATABASE_URL"_s, u"postgresql://app@db.internal/voxanne"_s},
                     {u"JWT_SECRET"_s, jwt},
                     {u"ENCRYPTION_KEY"_s, key32},
                     {u"VAPI_WEBHOOK_SECRET"_s, u"whsec"_s},
                     {u"VAPI_PRIVATE_KEY"_s, u"vapi-private"_s},
                     {u"BACKEND_URL"_s, u"https://voxanne.example.com"_s}};
    s.defaultDataDir = u"/var/lib/voxanne"_s;
    return s;
}

// What embedded mode resolves from once its secrets were generated.
ServerConfig::Sources embeddedSources()
{
    ServerConfig::Sources s;
    s.file = {{u"JWT_SECRET"_s, jwt},
              {u"ENCRYPTION_KEY"_s, key32},
              {u"VAPI_WEBHOOK_SECRET"_s, u"whsec"_s}};
    s.defaultDataDir = u"/var/lib/voxanne-embedded"_s;
    return s;
}
} // namespace

class TestServerConfig : public QObject
{
    Q_OBJECT

private slots:
    void flagsWinOverEnvironmentOverFileOverDefaults_data()
    {
        QTest::addColumn<QString>("flag");
        QTest::addColumn<QString>("env");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::newRow("default") << QString() << QString() << QString() << u"127.0.0.1:8787"_s;
        QTest::newRow("file") << QString() << QString() << u"127.0.0.1:9001"_s
                              << u"127.0.0.1:9001"_s;
        QTest::newRow("env over file")
            << QString() << u"127.0.0.1:9002"_s << u"127.0.0.1:9001"_s << u"127.0.0.1:9002"_s;
        QTest::newRow("flag over env")
            << u"0.0.0.0:9003"_s << u"127.0.0.1:9002"_s << u"127.0.0.1:9001"_s << u"0.0.0.0:9003"_s;
    }
    void flagsWinOverEnvironmentOverFileOverDefaults()
    {
        QFETCH(QString, flag);
        QFETCH(QString, env);
        QFETCH(QString, file);
        QFETCH(QString, expected);
        ServerConfig::Sources s = productionSources();
        if (!flag.isEmpty())
            s.flags.insert(u"VOXANNE_LISTEN"_s, flag);
        if (!env.isEmpty())
            s.environment.insert(u"VOXANNE_LISTEN"_s, env);
        if (!file.isEmpty())
            s.file.insert(u"VOXANNE_LISTEN"_s, file);
        const auto config = ServerConfig::resolve(s);
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.errorMessage()));
        QCOMPARE(config->listenHost + u':' + QString::number(config->listenPort), expected);
        QVERIFY(config->isProduction());
    }

    void productionNamesTheMissingSecret_data()
    {
        QTest::addColumn<QString>("missing");
        for (const char *name : {"JWT_SECRET", "ENCRYPTION_KEY", "VAPI_WEBHOOK_SECRET",
                                 "VAPI_PRIVATE_KEY", "BACKEND_URL"})
            QTest::newRow(name) << QString::fromLatin1(name);
    }
    void productionNamesTheMissingSecret()
    {
        QFETCH(QString, missing);
        ServerConfig::Sources s = productionSources();
        s.environment.remove(missing);
        const auto config = ServerConfig::resolve(s);
        QVERIFY(!config.ok());
        QVERIFY2(config.errorMessage().contains(missing), qPrintable(config.errorMessage()));
    }

    void rejectsMalformedValues_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::newRow("listen without port") << u"VOXANNE_LISTEN"_s << u"localhost"_s;
        QTest::newRow("listen hostname") << u"VOXANNE_LISTEN"_s << u"example.com:80"_s;
        QTest::newRow("short encryption key")
            << u"ENCRYPTION_KEY"_s << QString::fromLatin1(QByteArray(16, 'k').toBase64());
        QTest::newRow("short jwt secret") << u"JWT_SECRET"_s << u"short"_s;
        QTest::newRow("backend url not http") << u"BACKEND_URL"_s << u"ftp://x"_s;
        QTest::newRow("max connections zero") << u"VOXANNE_MAX_CONNECTIONS"_s << u"0"_s;
        QTest::newRow("mode unknown") << u"VOXANNE_MODE"_s << u"staging"_s;
        QTest::newRow("signup limit zero") << u"VOXANNE_SIGNUP_LIMIT"_s << u"0"_s;
        QTest::newRow("signup limit not a number") << u"VOXANNE_SIGNUP_LIMIT"_s << u"five"_s;
        QTest::newRow("trusted proxy host name")
            << u"VOXANNE_TRUSTED_PROXIES"_s << u"proxy.internal"_s;
        QTest::newRow("trusted proxy bad prefix")
            << u"VOXANNE_TRUSTED_PROXIES"_s << u"10.0.0.0/40"_s;
        QTest::newRow("per-address cap zero") << u"VOXANNE_MAX_CONNECTIONS_PER_ADDRESS"_s << u"0"_s;
        QTest::newRow("head timeout zero") << u"VOXANNE_HEAD_TIMEOUT"_s << u"0"_s;
        QTest::newRow("head timeout with a unit") << u"VOXANNE_HEAD_TIMEOUT"_s << u"10s"_s;
        QTest::newRow("body timeout over an hour") << u"VOXANNE_BODY_TIMEOUT"_s << u"3601"_s;
        QTest::newRow("body rate negative") << u"VOXANNE_MIN_BODY_RATE"_s << u"-1"_s;
        QTest::newRow("body limit under 1 KiB") << u"VOXANNE_MAX_BODY_BYTES"_s << u"100"_s;
        QTest::newRow("upload limit not a number") << u"VOXANNE_MAX_UPLOAD_BYTES"_s << u"20MB"_s;
        QTest::newRow("bodies in flight over 1 GiB")
            << u"VOXANNE_MAX_BODY_BYTES_IN_FLIGHT"_s << u"1073741825"_s;
        QTest::newRow("metrics address hostname")
            << u"VOXANNE_METRICS_LISTEN"_s << u"metrics.local:9464"_s;
        QTest::newRow("metrics address without port")
            << u"VOXANNE_METRICS_LISTEN"_s << u"127.0.0.1"_s;
        QTest::newRow("short metrics token") << u"VOXANNE_METRICS_TOKEN"_s << u"abc"_s;
        QTest::newRow("unknown log level") << u"VOXANNE_LOG_LEVEL"_s << u"loud"_s;
        QTest::newRow("unknown area log level") << u"VOXANNE_LOG_LEVEL"_s << u"http=loud"_s;
        QTest::newRow("listen sample rate below telephone quality")
            << u"VOXANNE_LISTEN_SAMPLE_RATE"_s << u"4000"_s;
        QTest::newRow("listen sample rate with a unit")
            << u"VOXANNE_LISTEN_SAMPLE_RATE"_s << u"16kHz"_s;
        QTest::newRow("three listen channels") << u"VOXANNE_LISTEN_CHANNELS"_s << u"3"_s;
    }
    void rejectsMalformedValues()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        ServerConfig::Sources s = productionSources();
        s.environment.insert(name, value);
        const auto config = ServerConfig::resolve(s);
        QVERIFY(!config.ok());
        QVERIFY2(config.errorMessage().contains(name.section(u'_', -1)) ||
                     config.errorMessage().contains(name),
                 qPrintable(config.errorMessage()));
    }

    // GET /metrics is off unless an address or a token is given; the token is a secret.
    void metricsAreOffUntilConfigured()
    {
        const auto off = ServerConfig::resolve(productionSources());
        QVERIFY(off.ok());
        QVERIFY(!off->metricsListen);
        QVERIFY(off->metricsToken.isEmpty());

        ServerConfig::Sources s = productionSources();
        s.environment.insert(u"VOXANNE_METRICS_LISTEN"_s, u"[::1]:9464"_s);
        s.environment.insert(u"VOXANNE_METRICS_TOKEN"_s, u"scrape-token-0123456789"_s);
        s.environment.insert(u"VOXANNE_LOG_LEVEL"_s, u"warn,vapi=debug"_s);
        const auto on = ServerConfig::resolve(s);
        QVERIFY(on.ok());
        QVERIFY(on->metricsListen);
        QCOMPARE(on->metricsListenHost, u"::1"_s);
        QCOMPARE(on->metricsListenPort, quint16(9464));
        QVERIFY(on->secrets().contains(u"scrape-token-0123456789"_s));
        QCOMPARE(on->logLevel, u"warn,vapi=debug"_s);
    }

    void readsTheThrottleAndProxySettings_data()
    {
        QTest::addColumn<QString>("signupLimit");
        QTest::addColumn<QString>("trustedProxies");
        QTest::addColumn<int>("expectedSignupLimit");
        QTest::addColumn<QStringList>("expectedProxies");
        QTest::newRow("defaults: 5 sign-ups, no proxy")
            << QString() << QString() << 5 << QStringList();
        QTest::newRow("raised limit") << u"1000"_s << QString() << 1000 << QStringList();
        QTest::newRow("one proxy")
            << QString() << u"127.0.0.1"_s << 5 << QStringList{u"127.0.0.1/32"_s};
        QTest::newRow("proxies and ranges")
            << QString() << u"10.0.0.0/8, ::1"_s << 5 << QStringList{u"10.0.0.0/8"_s, u"::1/128"_s};
    }
    void readsTheThrottleAndProxySettings()
    {
        QFETCH(QString, signupLimit);
        QFETCH(QString, trustedProxies);
        QFETCH(int, expectedSignupLimit);
        QFETCH(QStringList, expectedProxies);
        ServerConfig::Sources s = productionSources();
        s.environment.insert(u"VOXANNE_SIGNUP_LIMIT"_s, signupLimit);
        s.environment.insert(u"VOXANNE_TRUSTED_PROXIES"_s, trustedProxies);
        const auto config = ServerConfig::resolve(s);
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.errorMessage()));
        QCOMPARE(config->signupLimitPerHour, expectedSignupLimit);
        QCOMPARE(config->trustedProxies.describe(), expectedProxies);
    }

    void edgeLimitsHaveDefaultsAndTakeGivenValues_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value"); // empty: the default
        QTest::addColumn<int>("expected");
        const QList<std::pair<QString, int>> defaults{
            {u"VOXANNE_MAX_CONNECTIONS_PER_ADDRESS"_s, 64},
            {u"VOXANNE_IDLE_TIMEOUT"_s, 60},
            {u"VOXANNE_HEAD_TIMEOUT"_s, 10},
            {u"VOXANNE_BODY_TIMEOUT"_s, 10},
            {u"VOXANNE_MIN_BODY_RATE"_s, 1024},
            {u"VOXANNE_MAX_BODY_BYTES"_s, 256 * 1024},
            {u"VOXANNE_MAX_UPLOAD_BYTES"_s, 20 * 1024 * 1024},
            {u"VOXANNE_MAX_BODY_BYTES_IN_FLIGHT"_s, 64 * 1024 * 1024}};
        for (const auto &[name, value] : defaults)
            QTest::addRow("%s default", qPrintable(name)) << name << QString() << value;
        for (const auto &[name, value] : defaults)
            QTest::addRow("%s given", qPrintable(name)) << name << u"1234"_s << 1234;
    }
    void edgeLimitsHaveDefaultsAndTakeGivenValues()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(int, expected);
        ServerConfig::Sources s = productionSources();
        if (!value.isEmpty())
            s.environment.insert(name, value);
        const auto config = ServerConfig::resolve(s);
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.errorMessage()));
        const QHash<QString, int> read{
            {u"VOXANNE_MAX_CONNECTIONS_PER_ADDRESS"_s, config->maxConnectionsPerAddress},
            {u"VOXANNE_IDLE_TIMEOUT"_s, config->idleTimeoutSeconds},
            {u"VOXANNE_HEAD_TIMEOUT"_s, config->headTimeoutSeconds},
            {u"VOXANNE_BODY_TIMEOUT"_s, config->bodyTimeoutSeconds},
            {u"VOXANNE_MIN_BODY_RATE"_s, config->minBodyBytesPerSecond},
            {u"VOXANNE_MAX_BODY_BYTES"_s, config->maxBodyBytes},
            {u"VOXANNE_MAX_UPLOAD_BYTES"_s, config->maxUploadBytes},
            {u"VOXANNE_MAX_BODY_BYTES_IN_FLIGHT"_s, config->maxBodyBytesInFlight}};
        QCOMPARE(read.value(name, -1), expected);
    }

    void theListenFallbackFormatIsASetting_data()
    {
        QTest::addColumn<QString>("sampleRate"); // empty: not given
        QTest::addColumn<QString>("channels");
        QTest::addColumn<int>("expectedRate");
        QTest::addColumn<int>("expectedChannels");
        QTest::newRow("default: 16 kHz, customer and assistant")
            << QString() << QString() << 16000 << 2;
        QTest::newRow("narrowband mono") << u"8000"_s << u"1"_s << 8000 << 1;
        QTest::newRow("only the rate given") << u"24000"_s << QString() << 24000 << 2;
    }
    void theListenFallbackFormatIsASetting()
    {
        QFETCH(QString, sampleRate);
        QFETCH(QString, channels);
        QFETCH(int, expectedRate);
        QFETCH(int, expectedChannels);
        ServerConfig::Sources s = productionSources();
        if (!sampleRate.isEmpty())
            s.environment.insert(u"VOXANNE_LISTEN_SAMPLE_RATE"_s, sampleRate);
        if (!channels.isEmpty())
            s.flags.insert(u"VOXANNE_LISTEN_CHANNELS"_s, channels);
        const auto config = ServerConfig::resolve(s);
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.errorMessage()));
        QCOMPARE(config->listenSampleRate, expectedRate);
        QCOMPARE(config->listenChannels, expectedChannels);
    }

    void sandboxIsRefusedInProductionWithoutTheDevelopmentSwitch()
    {
        ServerConfig::Sources s = productionSources();
        s.flags.insert(u"VOXANNE_SANDBOX_URL"_s, u"http://127.0.0.1:9999/"_s);
        const auto refused = ServerConfig::resolve(s);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorMessage().contains(u"refused in production mode"_s),
                 qPrintable(refused.errorMessage()));
        QVERIFY2(refused.errorMessage().contains(u"VOXANNE_DEV_ALLOW_SANDBOX=1"_s),
                 qPrintable(refused.errorMessage()));

        s.environment.insert(u"VOXANNE_DEV_ALLOW_SANDBOX"_s, u"1"_s);
        const auto allowed = ServerConfig::resolve(s);
        QVERIFY2(allowed.ok(), qPrintable(allowed.ok() ? QString() : allowed.errorMessage()));
        QVERIFY(allowed->sandboxInProduction);
        QCOMPARE(allowed->vapiBaseUrl, u"http://127.0.0.1:9999/vapi"_s);

        s.environment.insert(u"VOXANNE_DEV_ALLOW_SANDBOX"_s, u"yes please"_s);
        QVERIFY(!ServerConfig::resolve(s).ok());
    }

    void sandboxPointsEveryProviderAtIt()
    {
        ServerConfig::Sources s = embeddedSources();
        s.flags.insert(u"VOXANNE_SANDBOX_URL"_s, u"http://127.0.0.1:9999/"_s);
        const auto config = ServerConfig::resolve(s);
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.errorMessage()));
        QVERIFY(!config->sandboxInProduction);
        QCOMPARE(config->vapiBaseUrl, u"http://127.0.0.1:9999/vapi"_s);
        QCOMPARE(config->twilioBaseUrl, u"http://127.0.0.1:9999/twilio"_s);
        QCOMPARE(config->resendBaseUrl, u"http://127.0.0.1:9999/resend"_s);
        QCOMPARE(config->googleOAuthBaseUrl, u"http://127.0.0.1:9999/google/accounts"_s);
        QCOMPARE(config->googleTokenUrl, u"http://127.0.0.1:9999/google/oauth2/token"_s);
        QCOMPARE(config->googleApiBaseUrl, u"http://127.0.0.1:9999/google/api"_s);
    }

    void sandboxModeIsOnlyWhenEveryProviderIsTheSandbox_data()
    {
        QTest::addColumn<QString>("sandbox");
        QTest::addColumn<QString>("provider"); // a base URL changed after loading, or empty
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("sandboxOnly");
        QTest::newRow("real providers") << QString() << QString() << QString() << false;
        QTest::newRow("every provider at the sandbox")
            << u"http://127.0.0.1:9999"_s << QString() << QString() << true;
        QTest::newRow("Twilio real while the sandbox is set")
            << u"http://127.0.0.1:9999"_s << u"twilio"_s << u"https://api.twilio.com"_s << false;
        QTest::newRow("Resend at another port of the same host")
            << u"http://127.0.0.1:9999"_s << u"resend"_s << u"http://127.0.0.1:99990/resend"_s
            << false;
        QTest::newRow("a real Vapi with the sandbox as its path")
            << u"http://127.0.0.1:9999"_s << u"vapi"_s
            << u"https://api.vapi.ai/http://127.0.0.1:9999/"_s << false;
    }

    void sandboxModeIsOnlyWhenEveryProviderIsTheSandbox()
    {
        QFETCH(QString, sandbox);
        QFETCH(QString, provider);
        QFETCH(QString, url);
        QFETCH(bool, sandboxOnly);
        ServerConfig::Sources s = embeddedSources();
        if (!sandbox.isEmpty())
            s.flags.insert(u"VOXANNE_SANDBOX_URL"_s, sandbox);
        const auto resolved = ServerConfig::resolve(s);
        QVERIFY2(resolved.ok(), qPrintable(resolved.ok() ? QString() : resolved.errorMessage()));
        ServerConfig config = *resolved;
        if (provider == u"twilio")
            config.twilioBaseUrl = url;
        else if (provider == u"resend")
            config.resendBaseUrl = url;
        else if (provider == u"vapi")
            config.vapiBaseUrl = url;
        QCOMPARE(config.runsAgainstSandboxOnly(), sandboxOnly);
    }

    void withTheSandboxNoProviderUrlLeadsOutOfIt_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("url");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("real Vapi") << u"VAPI_BASE_URL"_s << u"https://api.vapi.ai"_s << false;
        QTest::newRow("real Twilio")
            << u"TWILIO_BASE_URL"_s << u"https://api.twilio.com"_s << false;
        QTest::newRow("real Google sign-in")
            << u"GOOGLE_OAUTH_BASE_URL"_s << u"https://accounts.google.com"_s << false;
        QTest::newRow("real Google token")
            << u"GOOGLE_TOKEN_URL"_s << u"https://oauth2.googleapis.com/token"_s << false;
        QTest::newRow("real Google APIs")
            << u"GOOGLE_API_BASE_URL"_s << u"https://www.googleapis.com"_s << false;
        QTest::newRow("real Resend")
            << u"RESEND_BASE_URL"_s << u"https://api.resend.com"_s << false;
        QTest::newRow("same host, other port")
            << u"TWILIO_BASE_URL"_s << u"http://127.0.0.1:9998"_s << false;
        QTest::newRow("the sandbox's address as a user name")
            << u"RESEND_BASE_URL"_s << u"http://127.0.0.1:9999@evil.example/resend"_s << false;
        QTest::newRow("inside the sandbox")
            << u"RESEND_BASE_URL"_s << u"http://127.0.0.1:9999/resend-v2"_s << true;
        QTest::newRow("the backend is not a provider")
            << u"BACKEND_URL"_s << u"https://voxanne.example.com"_s << true;
    }

    void withTheSandboxNoProviderUrlLeadsOutOfIt()
    {
        QFETCH(QString, name);
        QFETCH(QString, url);
        QFETCH(bool, accepted);
        ServerConfig::Sources s = embeddedSources();
        s.flags.insert(u"VOXANNE_SANDBOX_URL"_s, u"http://127.0.0.1:9999"_s);
        s.file.insert(name, url);
        const auto config = ServerConfig::resolve(s);
        QCOMPARE(config.ok(), accepted);
        if (!accepted)
            QVERIFY2(config.errorMessage().contains(name) &&
                         config.errorMessage().contains(u"outside the sandbox"_s),
                     qPrintable(config.errorMessage()));
    }

    void embeddedModeGeneratesSecretsOncePrivately()
    {
        QTemporaryDir dir;
        const QString data = dir.filePath(u"data"_s);
        const auto first = ServerConfig::loadOrCreateGeneratedSecrets(data);
        QVERIFY2(first.ok(), qPrintable(first.ok() ? QString() : first.errorMessage()));
        const QString file = QDir(data).filePath(u"secrets.ini"_s);
        QCOMPARE(QFileInfo(file).permissions() &
                     (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
                 QFile::Permissions());
        QVERIFY(first->value(u"JWT_SECRET"_s).size() >= 32);
        QCOMPARE(QByteArray::fromBase64(first->value(u"ENCRYPTION_KEY"_s).toLatin1()).size(), 32);
        const auto second = ServerConfig::loadOrCreateGeneratedSecrets(data);
        QVERIFY(second.ok());
        QCOMPARE(second->value(u"JWT_SECRET"_s), first->value(u"JWT_SECRET"_s));
        QCOMPARE(second->value(u"ENCRYPTION_KEY"_s), first->value(u"ENCRYPTION_KEY"_s));

        ServerConfig::Sources s;
        s.defaultDataDir = data;
        s.file = *second;
        const auto config = ServerConfig::resolve(s);
        QVERIFY2(config.ok(), qPrintable(config.ok() ? QString() : config.errorMessage()));
        QVERIFY(!config->isProduction());
        QVERIFY(config->usesEmbeddedDatabase());
    }

    void readsIniKeysInAnySection()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"voxanne.ini"_s);
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("VOXANNE_LISTEN=127.0.0.1:7000\n[vapi]\nVAPI_PUBLIC_KEY=pk_123\n");
        f.close();
        const auto values = ServerConfig::readIni(path);
        QVERIFY(values.ok());
        QCOMPARE(values->value(u"VOXANNE_LISTEN"_s), u"127.0.0.1:7000"_s);
        QCOMPARE(values->value(u"VAPI_PUBLIC_KEY"_s), u"pk_123"_s);
    }
};

QTEST_GUILESS_MAIN(TestServerConfig)
#include "tst_serverconfig.moc"
