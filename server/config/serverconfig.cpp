#include "server/config/serverconfig.h"

#include "core/crypto/aesgcm.h"
#include "core/crypto/securerandom.h"
#include "core/logging/log.h"
#include "core/logging/loglevels.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QProcessEnvironment>
#include <QSettings>
#include <QUrl>

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

struct Option
{
    QString name; // environment variable and INI key
    QString flag;
    QString valueName;
    QString help;
};

// One table for every setting: --help, the environment and the INI file all read from it.
const QList<Option> &options()
{
    static const QList<Option> table{
        {u"VOXANNE_MODE"_s, u"mode"_s, u"embedded|production"_s,
         u"Production requires every secret to be given; embedded generates missing ones. "
         "Default: production when a database URL is set, else embedded."_s},
        {u"VOXANNE_LISTEN"_s, u"listen"_s, u"HOST:PORT"_s,
         u"Address to serve HTTP on (default 127.0.0.1:8787; port 0 picks a free port)."_s},
        {u"VOXANNE_DATA_DIR"_s, u"data-dir"_s, u"DIR"_s,
         u"Folder for the embedded database, generated secrets and files."_s},
        {u"VOXANNE_CONFIG"_s, u"config"_s, u"FILE"_s,
         u"INI file with any of these settings (default <data-dir>/voxanne.ini if present)."_s},
        {u"VOXANNE_DATABASE_URL"_s, u"database-url"_s, u"URL"_s,
         u"postgresql://user:password@host:port/db of an existing server; without it the "
         "server runs its own PostgreSQL in the data folder."_s},
        {u"VOXANNE_TLS_CERT"_s, u"tls-cert"_s, u"FILE"_s, u"PEM certificate: serve HTTPS."_s},
        {u"VOXANNE_TLS_KEY"_s, u"tls-key"_s, u"FILE"_s, u"PEM private key for --tls-cert."_s},
        {u"VOXANNE_LOG_LEVEL"_s, u"log-level"_s, u"LEVELS"_s,
         u"debug, info, warn or error, for every area or per area: http=warn,vapi=debug (areas: "
         "http, db, vapi, twilio, google, resend, jobs, events, auth, server; default info)."_s},
        {u"VOXANNE_METRICS_LISTEN"_s, u"metrics-listen"_s, u"HOST:PORT"_s,
         u"Serve GET /metrics (Prometheus) on this address of its own, for a scraper on a "
         "private network. Off by default."_s},
        {u"VOXANNE_METRICS_TOKEN"_s, u"metrics-token"_s, u"TOKEN"_s,
         u"Serve GET /metrics on the main address to requests with \"Authorization: Bearer "
         "TOKEN\" (at least 16 characters). Off by default: without this or "
         "VOXANNE_METRICS_LISTEN, /metrics answers 404."_s},
        {u"VOXANNE_SANDBOX_URL"_s, u"sandbox"_s, u"URL"_s,
         u"Point Vapi, Twilio, Google and Resend at a voxanne-sandbox at URL (embedded mode; "
         "refused in production unless VOXANNE_DEV_ALLOW_SANDBOX=1)."_s},
        {u"VOXANNE_DEV_ALLOW_SANDBOX"_s, u"dev-allow-sandbox"_s, u"1"_s,
         u"Development only: let a server on a database URL use the sandbox. Logged as a warning "
         "at every start."_s},
        {u"JWT_SECRET"_s, u"jwt-secret"_s, u"SECRET"_s, u"Key that signs access tokens."_s},
        {u"ENCRYPTION_KEY"_s, u"encryption-key"_s, u"BASE64"_s,
         u"Base64 of 32 bytes; encrypts stored provider credentials."_s},
        {u"ENCRYPTION_KEYS_PREVIOUS"_s, u"encryption-keys-previous"_s, u"BASE64,..."_s,
         u"Earlier encryption keys, still accepted for reading until re-encrypted."_s},
        {u"VAPI_PRIVATE_KEY"_s, u"vapi-private-key"_s, u"KEY"_s,
         u"The one backend Vapi key (tools, assistants, calls)."_s},
        {u"VAPI_PUBLIC_KEY"_s, u"vapi-public-key"_s, u"KEY"_s, u"Vapi public key (reference)."_s},
        {u"VAPI_WEBHOOK_SECRET"_s, u"vapi-webhook-secret"_s, u"SECRET"_s,
         u"x-vapi-secret value expected on Vapi webhooks and tool calls."_s},
        {u"VAPI_HMAC_SECRET"_s, u"vapi-hmac-secret"_s, u"SECRET"_s,
         u"Secret of Vapi's HMAC webhook credential (x-signature), if used."_s},
        {u"BACKEND_URL"_s, u"backend-url"_s, u"URL"_s,
         u"Public base URL Vapi calls back (webhooks, tools)."_s},
        {u"VAPI_BASE_URL"_s, u"vapi-base-url"_s, u"URL"_s, u"Vapi API base URL."_s},
        {u"TWILIO_BASE_URL"_s, u"twilio-base-url"_s, u"URL"_s, u"Twilio API base URL."_s},
        {u"GOOGLE_OAUTH_BASE_URL"_s, u"google-oauth-base-url"_s, u"URL"_s,
         u"Google consent screen base URL."_s},
        {u"GOOGLE_TOKEN_URL"_s, u"google-token-url"_s, u"URL"_s, u"Google OAuth token endpoint."_s},
        {u"GOOGLE_API_BASE_URL"_s, u"google-api-base-url"_s, u"URL"_s,
         u"Google APIs base URL (Calendar, userinfo)."_s},
        {u"GOOGLE_CLIENT_ID"_s, u"google-client-id"_s, u"ID"_s, u"Google OAuth client id."_s},
        {u"GOOGLE_CLIENT_SECRET"_s, u"google-client-secret"_s, u"SECRET"_s,
         u"Google OAuth client secret."_s},
        {u"RESEND_BASE_URL"_s, u"resend-base-url"_s, u"URL"_s, u"Resend API base URL."_s},
        {u"RESEND_API_KEY"_s, u"resend-api-key"_s, u"KEY"_s,
         u"Platform Resend key (an org's own key takes precedence)."_s},
        {u"EMAIL_FROM"_s, u"email-from"_s, u"ADDRESS"_s, u"Default sender of e-mails."_s},
        {u"TWILIO_ACCOUNT_SID"_s, u"twilio-account-sid"_s, u"SID"_s,
         u"Platform-level Twilio account, for clinics without one of their own."_s},
        {u"TWILIO_AUTH_TOKEN"_s, u"twilio-auth-token"_s, u"TOKEN"_s,
         u"Platform-level Twilio auth token."_s},
        {u"TWILIO_PHONE_NUMBER"_s, u"twilio-phone-number"_s, u"E164"_s,
         u"Platform-level Vapi-connected Twilio number."_s},
        {u"VOXANNE_MAX_CONNECTIONS"_s, u"max-connections"_s, u"N"_s,
         u"Open connections accepted at once (default 512)."_s},
        {u"VOXANNE_MAX_CONNECTIONS_PER_ADDRESS"_s, u"max-connections-per-address"_s, u"N"_s,
         u"Open connections accepted at once from one client address (default 64)."_s},
        {u"VOXANNE_IDLE_TIMEOUT"_s, u"idle-timeout"_s, u"SECONDS"_s,
         u"Close keep-alive connections idle this long between requests (default 60)."_s},
        {u"VOXANNE_HEAD_TIMEOUT"_s, u"head-timeout"_s, u"SECONDS"_s,
         u"A request head must arrive whole within this, or 408 (default 10)."_s},
        {u"VOXANNE_BODY_TIMEOUT"_s, u"body-timeout"_s, u"SECONDS"_s,
         u"Window over which a body's minimum rate is measured (default 10)."_s},
        {u"VOXANNE_MIN_BODY_RATE"_s, u"min-body-rate"_s, u"BYTES"_s,
         u"Slowest body accepted, in bytes per second, or 408 (default 1024)."_s},
        {u"VOXANNE_MAX_HEADER_BYTES"_s, u"max-header-bytes"_s, u"BYTES"_s,
         u"Largest request head accepted (default 16384)."_s},
        {u"VOXANNE_MAX_BODY_BYTES"_s, u"max-body-bytes"_s, u"BYTES"_s,
         u"Largest request body of JSON and public routes (default 262144)."_s},
        {u"VOXANNE_MAX_UPLOAD_BYTES"_s, u"max-upload-bytes"_s, u"BYTES"_s,
         u"Largest knowledge-base document upload (default 20971520)."_s},
        {u"VOXANNE_MAX_BODY_BYTES_IN_FLIGHT"_s, u"max-body-bytes-in-flight"_s, u"BYTES"_s,
         u"Declared request bodies received at once, server-wide, before 503 (default "
         "67108864)."_s},
        {u"VOXANNE_WORKER_THREADS"_s, u"worker-threads"_s, u"N"_s,
         u"Request worker threads, each with its own database connection."_s},
        {u"VOXANNE_BCRYPT_COST"_s, u"bcrypt-cost"_s, u"N"_s,
         u"bcrypt cost for passwords (4-15, default 12)."_s},
        {u"VOXANNE_SIGNUP_LIMIT"_s, u"signup-limit"_s, u"N"_s,
         u"Sign-ups accepted from one client address per hour (default 5)."_s},
        {u"VOXANNE_TRUSTED_PROXIES"_s, u"trusted-proxies"_s, u"ADDRESSES"_s,
         u"Reverse proxies (IP addresses, CIDR ranges) whose X-Forwarded-For/Forwarded headers "
         "name the client; other peers' headers are ignored."_s},
        {u"VOXANNE_PROVIDER_RETRY_MS"_s, u"provider-retry-ms"_s, u"MS,MS,..."_s,
         u"Waits between retries of provider calls (default 2000,4000,8000)."_s},
        {u"VOXANNE_PROVIDER_TIMEOUT_MS"_s, u"provider-timeout-ms"_s, u"MS"_s,
         u"The longest a request waits on a provider; background jobs wait longer (default "
         "10000)."_s},
        {u"VOXANNE_JOB_BACKOFF_MS"_s, u"job-backoff-ms"_s, u"MS"_s,
         u"First retry delay of a failed background job, doubled each time (default 2000)."_s},
        {u"VOXANNE_JOB_POLL_MS"_s, u"job-poll-ms"_s, u"MS"_s,
         u"How often the job queue is checked (default 1000)."_s},
        {u"VOXANNE_JOB_STALE_SECONDS"_s, u"job-stale-seconds"_s, u"S"_s,
         u"A running job whose claim has not been renewed for this long is taken back and run "
         "again: its instance is taken to have died (default 60)."_s},
        {u"VOXANNE_SMS_CHECK_MS"_s, u"sms-check-ms"_s, u"MS"_s,
         u"Wait before an SMS whose outcome Twilio never confirmed is looked up in Twilio's "
         "message list; longer than any send may take (default 60000)."_s},
        {u"VOXANNE_VOICE_WORKER_THREADS"_s, u"voice-worker-threads"_s, u"N"_s,
         u"Request workers reserved for Vapi's tool calls and webhooks, which never queue "
         "behind console or provider work (default: from the number of cores, at least 4)."_s},
        {u"VOXANNE_LISTEN_SAMPLE_RATE"_s, u"listen-sample-rate"_s, u"HZ"_s,
         u"Sample rate of a live call's sound when Vapi's listen socket does not announce one "
         "(8000-48000, default 16000)."_s},
        {u"VOXANNE_LISTEN_CHANNELS"_s, u"listen-channels"_s, u"1|2"_s,
         u"Channels of a live call's sound when Vapi's listen socket does not announce them: 2 "
         "is customer and assistant interleaved (default 2; sound that cannot be stereo is "
         "taken as mono)."_s},
    };
    return table;
}

// Secrets generated in embedded mode when the user gave none.
const QStringList generatedSecretNames{u"JWT_SECRET"_s, u"ENCRYPTION_KEY"_s,
                                       u"VAPI_WEBHOOK_SECRET"_s};
// Without these, production cannot serve a single call safely.
const QStringList productionRequired{u"JWT_SECRET"_s, u"ENCRYPTION_KEY"_s, u"VAPI_WEBHOOK_SECRET"_s,
                                     u"VAPI_PRIVATE_KEY"_s, u"BACKEND_URL"_s};

Result<int> parseInt(const QString &name, const QString &value, int fallback, int min, int max)
{
    if (value.isEmpty())
        return fallback;
    bool ok = false;
    const int n = value.toInt(&ok);
    if (!ok || n < min || n > max)
        return fail(u"%1 must be a whole number from %2 to %3 (got \"%4\")."_s.arg(name)
                        .arg(min)
                        .arg(max)
                        .arg(value));
    return n;
}

// HOST:PORT with an IP address (IPv6 in brackets).
Result<std::pair<QString, quint16>> parseHostPort(const QString &name, const QString &listen)
{
    const qsizetype colon = listen.lastIndexOf(u':');
    bool ok = false;
    const uint port = colon > 0 ? listen.mid(colon + 1).toUInt(&ok) : 0;
    QString host = listen.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    if (colon <= 0 || !ok || port > 65535 || QHostAddress(host).isNull())
        return fail(u"%1 must be HOST:PORT with an IP address, for example "
                    "127.0.0.1:8787 (got \"%2\")."_s.arg(name, listen));
    return std::pair{host, quint16(port)};
}

Result<QString> parseUrl(const QString &name, const QString &value)
{
    const QUrl url(value, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != u"http" && url.scheme() != u"https") ||
        url.host().isEmpty())
        return fail(u"%1 must be an http(s) URL (got \"%2\")."_s.arg(name, value));
    QString normalized = value;
    while (normalized.endsWith(u'/'))
        normalized.chop(1);
    return normalized;
}

} // namespace

bool ServerConfig::runsAgainstSandboxOnly() const
{
    if (sandboxUrl.isEmpty())
        return false;
    const QString inside = sandboxUrl + u'/';
    for (const QString *url : {&vapiBaseUrl, &twilioBaseUrl, &googleOAuthBaseUrl, &googleTokenUrl,
                               &googleApiBaseUrl, &resendBaseUrl}) {
        if (!url->startsWith(inside))
            return false;
    }
    return true;
}

QString ServerConfig::baseUrl() const
{
    const bool v6 = listenHost.contains(u':');
    return u"%1://%2:%3"_s.arg(tlsCert.isEmpty() ? u"http"_s : u"https"_s,
                               v6 ? u"[%1]"_s.arg(listenHost) : listenHost,
                               QString::number(listenPort));
}

Result<ServerConfig> ServerConfig::resolve(const Sources &sources)
{
    const auto value = [&](const QString &name) -> QString {
        for (const auto *source : {&sources.flags, &sources.environment, &sources.file}) {
            const auto it = source->constFind(name);
            if (it != source->cend() && !it->isEmpty())
                return it->trimmed();
        }
        return {};
    };

    ServerConfig c;
    c.databaseUrl = value(u"VOXANNE_DATABASE_URL"_s);
    const QString mode = value(u"VOXANNE_MODE"_s).toLower();
    if (mode.isEmpty())
        c.mode = c.databaseUrl.isEmpty() ? Mode::Embedded : Mode::Production;
    else if (mode == u"embedded" || mode == u"dev")
        c.mode = Mode::Embedded;
    else if (mode == u"production")
        c.mode = Mode::Production;
    else
        return fail(
            u"VOXANNE_MODE must be \"embedded\" or \"production\" (got \"%1\")."_s.arg(mode));

    if (const QString listen = value(u"VOXANNE_LISTEN"_s); !listen.isEmpty()) {
        auto parsed = parseHostPort(u"VOXANNE_LISTEN"_s, listen);
        if (!parsed)
            return parsed.error();
        std::tie(c.listenHost, c.listenPort) = *parsed;
    }
    if (const QString listen = value(u"VOXANNE_METRICS_LISTEN"_s); !listen.isEmpty()) {
        auto parsed = parseHostPort(u"VOXANNE_METRICS_LISTEN"_s, listen);
        if (!parsed)
            return parsed.error();
        c.metricsListenHost = parsed->first;
        c.metricsListenPort = parsed->second;
        c.metricsListen = true;
    }
    c.metricsToken = value(u"VOXANNE_METRICS_TOKEN"_s);
    if (!c.metricsToken.isEmpty() && c.metricsToken.size() < 16)
        return fail(u"VOXANNE_METRICS_TOKEN must be at least 16 characters long."_s);

    c.dataDir = value(u"VOXANNE_DATA_DIR"_s);
    if (c.dataDir.isEmpty())
        c.dataDir = sources.defaultDataDir;
    c.dataDir = QDir::cleanPath(QDir(c.dataDir).absolutePath());
    c.configFile = value(u"VOXANNE_CONFIG"_s);
    c.tlsCert = value(u"VOXANNE_TLS_CERT"_s);
    c.tlsKey = value(u"VOXANNE_TLS_KEY"_s);
    if (c.tlsCert.isEmpty() != c.tlsKey.isEmpty())
        return fail(u"--tls-cert and --tls-key must be given together."_s);
    if (const QString level = value(u"VOXANNE_LOG_LEVEL"_s); !level.isEmpty()) {
        if (auto levels = log::parseLevels(level); !levels)
            return fail(u"VOXANNE_LOG_LEVEL: %1"_s.arg(levels.errorMessage()));
        c.logLevel = level;
    }

    c.jwtSecret = value(u"JWT_SECRET"_s);
    c.encryptionKey = value(u"ENCRYPTION_KEY"_s);
    c.previousEncryptionKeys = value(u"ENCRYPTION_KEYS_PREVIOUS"_s).split(u',', Qt::SkipEmptyParts);
    c.vapiPrivateKey = value(u"VAPI_PRIVATE_KEY"_s);
    c.vapiPublicKey = value(u"VAPI_PUBLIC_KEY"_s);
    c.vapiWebhookSecret = value(u"VAPI_WEBHOOK_SECRET"_s);
    c.vapiHmacSecret = value(u"VAPI_HMAC_SECRET"_s);
    c.googleClientId = value(u"GOOGLE_CLIENT_ID"_s);
    c.googleClientSecret = value(u"GOOGLE_CLIENT_SECRET"_s);
    c.resendApiKey = value(u"RESEND_API_KEY"_s);
    if (const QString from = value(u"EMAIL_FROM"_s); !from.isEmpty())
        c.emailFrom = from;
    c.twilioAccountSid = value(u"TWILIO_ACCOUNT_SID"_s);
    c.twilioAuthToken = value(u"TWILIO_AUTH_TOKEN"_s);
    c.twilioPhoneNumber = value(u"TWILIO_PHONE_NUMBER"_s);

    if (c.isProduction()) {
        for (const QString &name : productionRequired) {
            if (value(name).isEmpty())
                return fail(u"Missing required setting %1 (production mode): set it in the "
                            "environment, the config file, or with --%2."_s.arg(
                                name, name.toLower().replace(u'_', u'-')));
        }
    } else if (c.jwtSecret.isEmpty() || c.encryptionKey.isEmpty() ||
               c.vapiWebhookSecret.isEmpty()) {
        return fail(u"Internal: embedded mode needs generated secrets before resolving."_s);
    }
    if (c.jwtSecret.size() < 32)
        return fail(u"JWT_SECRET must be at least 32 characters long."_s);
    if (const auto ring = crypto::KeyRing::fromBase64(c.encryptionKey, c.previousEncryptionKeys);
        !ring)
        return ring.error();

    c.sandboxUrl = value(u"VOXANNE_SANDBOX_URL"_s);
    const QString allowSandbox = value(u"VOXANNE_DEV_ALLOW_SANDBOX"_s);
    if (!allowSandbox.isEmpty() && allowSandbox != u"1" && allowSandbox != u"0")
        return fail(u"VOXANNE_DEV_ALLOW_SANDBOX must be 1 or 0 (got \"%1\")."_s.arg(allowSandbox));
    if (!c.sandboxUrl.isEmpty()) {
        const auto sandbox = parseUrl(u"VOXANNE_SANDBOX_URL"_s, c.sandboxUrl);
        if (!sandbox)
            return sandbox.error();
        c.sandboxUrl = *sandbox;
        // A production server serves real clinics: the sandbox would swallow their calls, texts
        // and e-mails while the console reports them sent.
        if (c.isProduction()) {
            if (allowSandbox != u"1")
                return fail(u"VOXANNE_SANDBOX_URL is refused in production mode (a database URL): "
                            "the sandbox would take every real clinic's calls, SMS and e-mails. "
                            "Remove it, or for development against a shared database also set "
                            "VOXANNE_DEV_ALLOW_SANDBOX=1."_s);
            c.sandboxInProduction = true;
        }
        c.vapiBaseUrl = c.sandboxUrl + u"/vapi"_s;
        c.twilioBaseUrl = c.sandboxUrl + u"/twilio"_s;
        c.googleOAuthBaseUrl = c.sandboxUrl + u"/google/accounts"_s;
        c.googleTokenUrl = c.sandboxUrl + u"/google/oauth2/token"_s;
        c.googleApiBaseUrl = c.sandboxUrl + u"/google/api"_s;
        c.resendBaseUrl = c.sandboxUrl + u"/resend"_s;
        // The sandbox checks that a key is sent, not which one.
        if (c.vapiPrivateKey.isEmpty())
            c.vapiPrivateKey = u"sandbox-vapi-private-key"_s;
        if (c.googleClientId.isEmpty())
            c.googleClientId = u"sandbox-client-id.apps.googleusercontent.com"_s;
        if (c.googleClientSecret.isEmpty())
            c.googleClientSecret = u"sandbox-google-client-secret"_s;
        if (c.resendApiKey.isEmpty())
            c.resendApiKey = u"re_sandbox_key"_s;
    }
    const QList<std::pair<QString, QString *>> urls{
        {u"VAPI_BASE_URL"_s, &c.vapiBaseUrl},
        {u"TWILIO_BASE_URL"_s, &c.twilioBaseUrl},
        {u"GOOGLE_OAUTH_BASE_URL"_s, &c.googleOAuthBaseUrl},
        {u"GOOGLE_TOKEN_URL"_s, &c.googleTokenUrl},
        {u"GOOGLE_API_BASE_URL"_s, &c.googleApiBaseUrl},
        {u"RESEND_BASE_URL"_s, &c.resendBaseUrl},
        {u"BACKEND_URL"_s, &c.backendUrl},
    };
    for (const auto &[name, field] : urls) {
        const QString given = value(name);
        if (given.isEmpty())
            continue;
        const auto url = parseUrl(name, given);
        if (!url)
            return url.error();
        // With the sandbox on, every provider is the sandbox: a base URL elsewhere would send a
        // demo clinic's calls, SMS or e-mails to a real provider.
        if (!c.sandboxUrl.isEmpty() && name != u"BACKEND_URL" &&
            !(*url == c.sandboxUrl || url->startsWith(c.sandboxUrl + u'/')))
            return fail(u"%1 cannot point outside the sandbox while VOXANNE_SANDBOX_URL is set "
                        "(got \"%2\"): remove one of the two."_s.arg(name, *url));
        *field = *url;
    }

    const QList<std::tuple<QString, int *, int, int>> numbers{
        {u"VOXANNE_MAX_CONNECTIONS"_s, &c.maxConnections, 1, 100000},
        {u"VOXANNE_MAX_CONNECTIONS_PER_ADDRESS"_s, &c.maxConnectionsPerAddress, 1, 100000},
        {u"VOXANNE_IDLE_TIMEOUT"_s, &c.idleTimeoutSeconds, 1, 3600},
        {u"VOXANNE_HEAD_TIMEOUT"_s, &c.headTimeoutSeconds, 1, 3600},
        {u"VOXANNE_BODY_TIMEOUT"_s, &c.bodyTimeoutSeconds, 1, 3600},
        {u"VOXANNE_MIN_BODY_RATE"_s, &c.minBodyBytesPerSecond, 1, 1024 * 1024 * 1024},
        {u"VOXANNE_MAX_HEADER_BYTES"_s, &c.maxHeaderBytes, 1024, 1024 * 1024},
        {u"VOXANNE_MAX_BODY_BYTES"_s, &c.maxBodyBytes, 1024, 512 * 1024 * 1024},
        {u"VOXANNE_MAX_UPLOAD_BYTES"_s, &c.maxUploadBytes, 1024, 512 * 1024 * 1024},
        {u"VOXANNE_MAX_BODY_BYTES_IN_FLIGHT"_s, &c.maxBodyBytesInFlight, 1024, 1024 * 1024 * 1024},
        {u"VOXANNE_WORKER_THREADS"_s, &c.workerThreads, 0, 256},
        {u"VOXANNE_BCRYPT_COST"_s, &c.bcryptCost, 4, 15},
        {u"VOXANNE_SIGNUP_LIMIT"_s, &c.signupLimitPerHour, 1, 1000000000},
        {u"VOXANNE_JOB_BACKOFF_MS"_s, &c.jobBackoffMs, 1, 3600000},
        {u"VOXANNE_JOB_POLL_MS"_s, &c.jobPollMs, 10, 60000},
        {u"VOXANNE_JOB_STALE_SECONDS"_s, &c.jobStaleSeconds, 1, 86400},
        {u"VOXANNE_SMS_CHECK_MS"_s, &c.smsCheckDelayMs, 0, 86400000},
        {u"VOXANNE_PROVIDER_TIMEOUT_MS"_s, &c.providerTimeoutMs, 100, 600000},
        {u"VOXANNE_VOICE_WORKER_THREADS"_s, &c.voiceWorkerThreads, 0, 256},
        {u"VOXANNE_LISTEN_SAMPLE_RATE"_s, &c.listenSampleRate, 8000, 48000},
        {u"VOXANNE_LISTEN_CHANNELS"_s, &c.listenChannels, 1, 2},
    };
    for (const auto &[name, field, min, max] : numbers) {
        const auto n = parseInt(name, value(name), *field, min, max);
        if (!n)
            return n.error();
        *field = *n;
    }
    auto proxies = http::TrustedProxies::parse(value(u"VOXANNE_TRUSTED_PROXIES"_s));
    if (!proxies)
        return proxies.error();
    c.trustedProxies = *proxies;
    if (const QString delays = value(u"VOXANNE_PROVIDER_RETRY_MS"_s); !delays.isEmpty()) {
        c.providerRetryDelaysMs.clear();
        for (const QString &part : delays.split(u',', Qt::SkipEmptyParts)) {
            const auto ms = parseInt(u"VOXANNE_PROVIDER_RETRY_MS"_s, part.trimmed(), 0, 0, 600000);
            if (!ms)
                return ms.error();
            c.providerRetryDelaysMs.append(*ms);
        }
    }
    return c;
}

void ServerConfig::describe(QCommandLineParser &parser)
{
    for (const Option &option : options()) {
        parser.addOption(QCommandLineOption(
            option.flag, option.help + u" [env: "_s + option.name + u"]"_s, option.valueName));
    }
}

ServerConfig::Sources ServerConfig::collect(const QCommandLineParser &parser)
{
    Sources sources;
    for (const Option &option : options()) {
        if (parser.isSet(option.flag))
            sources.flags.insert(option.name, parser.value(option.flag));
    }
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const Option &option : options()) {
        if (env.contains(option.name))
            sources.environment.insert(option.name, env.value(option.name));
    }
    return sources;
}

Result<QHash<QString, QString>> ServerConfig::readIni(const QString &path)
{
    if (!QFileInfo(path).isReadable())
        return fail(u"Cannot read the config file %1."_s.arg(path));
    QSettings ini(path, QSettings::IniFormat);
    if (ini.status() != QSettings::NoError)
        return fail(u"The config file %1 is not a valid INI file."_s.arg(path));
    QHash<QString, QString> values;
    // Keys may sit at the top or in any section ([server], [vapi], ...): the last part names them.
    const QStringList keys = ini.allKeys();
    for (const QString &key : keys)
        values.insert(key.section(u'/', -1).toUpper(), ini.value(key).toString());
    return values;
}

Result<QHash<QString, QString>> ServerConfig::loadOrCreateGeneratedSecrets(const QString &dataDir)
{
    if (!QDir().mkpath(dataDir))
        return fail(u"Cannot create the data folder %1."_s.arg(dataDir));
    // Private to its owner. As root the folder stays enterable (not listable) by others, because
    // the embedded PostgreSQL runs as an unprivileged user and keeps its cluster inside.
    QFile::Permissions mode = QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner;
    if (::geteuid() == 0)
        mode |= QFile::ExeGroup | QFile::ExeOther;
    QFile::setPermissions(dataDir, mode);
    const QString path = QDir(dataDir).filePath(u"secrets.ini"_s);

    QHash<QString, QString> values;
    if (QFileInfo::exists(path)) {
        auto existing = readIni(path);
        if (!existing)
            return existing.error();
        values = *existing;
    }
    bool changed = false;
    for (const QString &name : generatedSecretNames) {
        if (!values.value(name).isEmpty())
            continue;
        values.insert(name, name == u"ENCRYPTION_KEY"
                                ? QString::fromLatin1(crypto::randomBytes(32).toBase64())
                                : crypto::randomToken(48));
        changed = true;
    }
    if (!changed)
        return values;

    // Written to a new owner-only file and renamed into place: never readable by others, never
    // half-written.
    const QString temporary = path + u".new"_s;
    QFile::remove(temporary);
    QFile file(temporary);
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner))
        return fail(u"Cannot write %1: %2"_s.arg(temporary, file.errorString()));
    QByteArray content =
        "; Generated by voxanne-server for embedded mode. Keep this file private.\n";
    for (const QString &name : generatedSecretNames)
        content += name.toLatin1() + '=' + values.value(name).toLatin1() + '\n';
    if (file.write(content) != content.size() || !file.flush())
        return fail(u"Cannot write %1: %2"_s.arg(temporary, file.errorString()));
    file.close();
    QFile::remove(path);
    if (!QFile::rename(temporary, path))
        return fail(u"Cannot move %1 into place."_s.arg(path));
    return values;
}

Result<ServerConfig> ServerConfig::load(const QCommandLineParser &parser,
                                        const QString &defaultDataDir)
{
    Sources sources = collect(parser);
    sources.defaultDataDir = defaultDataDir;

    const auto pick = [&](const QString &name) {
        return sources.flags.value(name, sources.environment.value(name));
    };
    QString dataDir = pick(u"VOXANNE_DATA_DIR"_s);
    if (dataDir.isEmpty())
        dataDir = defaultDataDir;
    QString configFile = pick(u"VOXANNE_CONFIG"_s);
    if (configFile.isEmpty() && QFileInfo::exists(QDir(dataDir).filePath(u"voxanne.ini"_s)))
        configFile = QDir(dataDir).filePath(u"voxanne.ini"_s);
    if (!configFile.isEmpty()) {
        auto file = readIni(configFile);
        if (!file)
            return file.error();
        sources.file = *file;
        if (dataDir == defaultDataDir && !sources.file.value(u"VOXANNE_DATA_DIR"_s).isEmpty())
            dataDir = sources.file.value(u"VOXANNE_DATA_DIR"_s);
    }

    // Embedded mode generates what production must be given; the first pass decides the mode.
    const QString mode = pick(u"VOXANNE_MODE"_s).isEmpty() ? sources.file.value(u"VOXANNE_MODE"_s)
                                                           : pick(u"VOXANNE_MODE"_s);
    const bool hasDatabaseUrl = !pick(u"VOXANNE_DATABASE_URL"_s).isEmpty() ||
                                !sources.file.value(u"VOXANNE_DATABASE_URL"_s).isEmpty();
    const bool production = mode.compare(u"production"_s, Qt::CaseInsensitive) == 0 ||
                            (mode.isEmpty() && hasDatabaseUrl);
    if (!production) {
        const auto generated = loadOrCreateGeneratedSecrets(QDir(dataDir).absolutePath());
        if (!generated)
            return generated.error();
        for (auto it = generated->cbegin(); it != generated->cend(); ++it) {
            if (sources.file.value(it.key()).isEmpty())
                sources.file.insert(it.key(), it.value());
        }
    }
    return resolve(sources);
}

QStringList ServerConfig::secrets() const
{
    QStringList all{jwtSecret,         encryptionKey,   vapiPrivateKey,
                    vapiWebhookSecret, vapiHmacSecret,  googleClientSecret,
                    resendApiKey,      twilioAuthToken, metricsToken};
    all += previousEncryptionKeys;
    all.removeAll(QString());
    return all;
}

} // namespace vox::server
