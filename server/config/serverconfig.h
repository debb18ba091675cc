#pragma once

#include "core/result.h"
#include "server/http/clientaddress.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QCommandLineParser;

namespace vox::server {

// Everything the server reads from its surroundings. Sources, strongest first: command-line flags,
// environment variables, the INI config file, defaults. Each setting is named by its environment
// variable and also has a flag and an INI key of the same name.
struct ServerConfig
{
    enum class Mode { Embedded, Production };

    Mode mode = Mode::Embedded;
    QString listenHost = QStringLiteral("127.0.0.1");
    quint16 listenPort = 8787;
    QString dataDir;
    QString configFile;
    QString databaseUrl;
    QString tlsCert;
    QString tlsKey;
    // "info", or levels per area: "warn,http=info,vapi=debug" (log::parseLevels).
    QString logLevel = QStringLiteral("info");
    // GET /metrics: on an address of its own (metricsListen), and/or on the main address behind
    // a bearer token (metricsToken). Neither: not served at all.
    bool metricsListen = false;
    QString metricsListenHost;
    quint16 metricsListenPort = 0;
    QString metricsToken;

    QString jwtSecret;
    QString encryptionKey;
    QStringList previousEncryptionKeys;

    QString vapiPrivateKey;
    QString vapiPublicKey;
    QString vapiWebhookSecret;
    QString vapiHmacSecret;
    QString backendUrl;

    QString vapiBaseUrl = QStringLiteral("https://api.vapi.ai");
    QString twilioBaseUrl = QStringLiteral("https://api.twilio.com");
    QString googleOAuthBaseUrl = QStringLiteral("https://accounts.google.com");
    QString googleTokenUrl = QStringLiteral("https://oauth2.googleapis.com/token");
    QString googleApiBaseUrl = QStringLiteral("https://www.googleapis.com");
    QString resendBaseUrl = QStringLiteral("https://api.resend.com");
    QString googleClientId;
    QString googleClientSecret;
    QString resendApiKey;
    QString emailFrom = QStringLiteral("Voxanne <no-reply@voxanne.local>");
    QString twilioAccountSid;
    QString twilioAuthToken;
    QString twilioPhoneNumber;
    QString sandboxUrl;
    // A production-mode server told to use the sandbox anyway (VOXANNE_DEV_ALLOW_SANDBOX=1).
    bool sandboxInProduction = false;

    int maxConnections = 512;
    int maxConnectionsPerAddress = 64;
    // Between requests on a keep-alive connection.
    int idleTimeoutSeconds = 60;
    // The whole request head must arrive within this.
    int headTimeoutSeconds = 10;
    // A body must arrive at minBodyBytesPerSecond, measured over windows this long.
    int bodyTimeoutSeconds = 10;
    int minBodyBytesPerSecond = 1024;
    int maxHeaderBytes = 16 * 1024;
    // JSON and public routes; the knowledge upload has maxUploadBytes.
    int maxBodyBytes = 256 * 1024;
    int maxUploadBytes = 20 * 1024 * 1024;
    // Declared bodies being received at once, server-wide: what slow uploads can hold in memory.
    int maxBodyBytesInFlight = 64 * 1024 * 1024;
    int workerThreads = 0; // 0: chosen from the number of cores
    int bcryptCost = 12;
    // Sign-ups accepted from one client address per hour.
    int signupLimitPerHour = 5;
    // Peers whose X-Forwarded-For / Forwarded headers name the client (the reverse proxy).
    http::TrustedProxies trustedProxies;
    QList<int> providerRetryDelaysMs{2000, 4000, 8000};
    int providerTimeoutMs = 10000; // the most a request worker waits on a provider
    int jobBackoffMs = 2000;
    int jobPollMs = 1000;
    int jobStaleSeconds = 60;
    // How long after an SMS whose outcome is not known Twilio's list is read to settle it.
    int smsCheckDelayMs = 60000;
    // Request workers kept for Vapi's routes alone (0: chosen from the number of cores).
    int voiceWorkerThreads = 0;
    // The sound format of a call's Vapi listen socket when Vapi does not announce one (its spec
    // does not say): 16-bit PCM at this rate, this many channels interleaved.
    int listenSampleRate = 16000;
    int listenChannels = 2;

    bool isProduction() const { return mode == Mode::Production; }
    bool usesEmbeddedDatabase() const { return databaseUrl.isEmpty(); }
    // Every provider (Vapi, Twilio, Google, Resend) is the sandbox: nothing the server sends
    // reaches a real person. Read from the base URLs themselves, so no switch can claim it while
    // one of them points at a real provider.
    bool runsAgainstSandboxOnly() const;
    QString baseUrl() const;

    // Raw values by source, as the resolver sees them (name -> value).
    struct Sources
    {
        QHash<QString, QString> flags;
        QHash<QString, QString> environment;
        QHash<QString, QString> file;
        QString defaultDataDir;
    };

    // Pure: decides every setting from the sources, validates them, and in production mode names
    // the first missing required secret.
    static Result<ServerConfig> resolve(const Sources &sources);

    // The option table behind --help; every setting is listed with its environment name.
    static void describe(QCommandLineParser &parser);
    static Sources collect(const QCommandLineParser &parser);

    // Reads the INI file named by the flags/environment (or <data-dir>/voxanne.ini if present).
    static Result<QHash<QString, QString>> readIni(const QString &path);

    // Embedded/dev mode: secrets the user did not give are generated once and kept in
    // <data-dir>/secrets.ini, readable by the owner only.
    static Result<QHash<QString, QString>> loadOrCreateGeneratedSecrets(const QString &dataDir);

    // The full sequence used by the executables: flags, environment, file, generated secrets.
    static Result<ServerConfig> load(const QCommandLineParser &parser,
                                     const QString &defaultDataDir);

    // Values that must never appear in a log line.
    QStringList secrets() const;
};

} // namespace vox::server
