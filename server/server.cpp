#include "server/server.h"

#include "core/crypto/jwt.h"
#include "core/logging/log.h"
#include "server/db/database.h"
#include "server/db/datafolderlock.h"
#include "server/db/embeddedpostgres.h"
#include "server/db/migrator.h"
#include "server/events/eventhub.h"
#include "server/http/httpserver.h"
#include "server/routes/accesslog.h"
#include "server/routes/auth.h"
#include "server/routes/callactions.h"
#include "server/routes/callreviews.h"
#include "server/routes/calls.h"
#include "server/routes/contacts.h"
#include "server/routes/dashboard.h"
#include "server/routes/exports.h"
#include "server/routes/health.h"
#include "server/routes/integrations.h"
#include "server/routes/knowledge.h"
#include "server/routes/listenin.h"
#include "server/routes/livedesk.h"
#include "server/routes/messages.h"
#include "server/routes/metrics.h"
#include "server/routes/missedcalltextback.h"
#include "server/routes/privacy.h"
#include "server/routes/redaction.h"
#include "server/routes/reminders.h"
#include "server/routes/reports.h"
#include "server/routes/services.h"
#include "server/routes/settings.h"
#include "server/routes/telephony.h"
#include "server/routes/today.h"
#include "server/routes/vapimodule.h"
#include "server/servermetrics.h"
#include "server/services/accesstoken.h"
#include "server/services/accountstate.h"
#include "server/services/authservice.h"
#include "server/services/calleridverification.h"
#include "server/services/credentialstore.h"
#include "server/services/googlecalendar.h"
#include "server/services/listenrelay.h"
#include "server/services/messaging.h"
#include "server/services/twilioconnectjob.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QSslCertificate>
#include <QSslKey>
#include <QSysInfo>
#include <QWebSocket>

#ifdef __GLIBC__
#include <malloc.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

// The integrations' background work (docs/api.md, "Background work between modules") and the
// Google busy times that availability subtracts.
void wireIntegrations(AppContext &app, jobs::JobRunner &runner)
{
    Messaging::registerJobs(runner, app);
    GoogleCalendar::registerJobs(runner, app);
    CallerIdVerification::registerJobs(runner, app);
    TwilioConnectJob::registerJobs(runner, app);
    app.calendarBusy = [&app](const QString &orgId, const QDateTime &from, const QDateTime &to) {
        return GoogleCalendar(app).busy(orgId, from, to);
    };
    app.calendarBusyLink = CredentialStore::google;
}

// Request bodies of megabytes (documents for the knowledge base) are allocated, grown and freed
// on worker threads. glibc's default raises its mmap threshold after the first such buffer is
// freed, and later ones then come from the threads' arenas, which keep the memory: the server
// grew by each upload and never shrank. A fixed threshold keeps big buffers mapped on their own,
// grown in place (mremap) and given back when freed.
void returnLargeBuffersToTheSystem()
{
#ifdef __GLIBC__
    mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
#endif
}

} // namespace

Result<QStringList> migrateDatabase(const db::ConnectionSettings &settings)
{
    auto conn = db::Connection::open(settings);
    if (!conn)
        return conn.error();
    auto migrations = db::Migrator::load();
    if (!migrations)
        return migrations.error();
    db::Migrator migrator(**conn, *migrations);
    auto applied = migrator.migrate();
    if (!applied)
        return applied.error();
    QStringList names;
    for (const auto &m : std::as_const(*applied))
        names << m.name;
    return names;
}

Server::Server(ServerConfig config, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
{}

Server::~Server()
{
    stop(2000);
}

int Server::listenRelayCount() const
{
    return m_listenRelay ? m_listenRelay->activeRelays() : 0;
}

qint64 Server::listenBacklogPeak() const
{
    return m_listenRelay ? m_listenRelay->peakBacklog() : 0;
}

Result<void> Server::openDatabase()
{
    db::ConnectionSettings settings;
    if (m_config.usesEmbeddedDatabase()) {
        auto lock = db::DataFolderLock::acquire(m_config.dataDir);
        if (!lock)
            return lock.error();
        m_dataFolderLock = std::move(lock).value();
        m_postgres = std::make_unique<db::EmbeddedPostgres>(db::EmbeddedPostgres::Options{
            QDir(m_config.dataDir).filePath(u"postgres"_s), true, 200});
        auto started = m_postgres->start();
        if (!started)
            return started.error();
        settings = *started;
        log::info("server", u"Using the embedded PostgreSQL cluster."_s,
                  {{u"cluster"_s, m_postgres->clusterDir()}});
    } else {
        auto parsed = db::ConnectionSettings::fromUrl(m_config.databaseUrl);
        if (!parsed)
            return parsed.error();
        settings = *parsed;
        log::info("server", u"Using PostgreSQL at %1."_s.arg(settings.describe()));
    }
    auto applied = migrateDatabase(settings);
    if (!applied)
        return applied.error();
    m_db = std::make_unique<db::Database>(settings);
    auto probe = m_db->connection();
    if (!probe)
        return probe.error();
    return {};
}

db::ConnectionSettings Server::backupSource() const
{
    if (!m_db)
        return {};
    if (m_postgres)
        return m_postgres->adminSettings(m_db->settings().database);
    return m_db->settings();
}

Result<QJsonObject> Server::localSession(const QString &email)
{
    if (!m_app)
        return fail(u"The server has not started."_s);
    return AuthService(*m_app).localSession(email, u"Voxanne Console (this computer)"_s);
}

Result<void> Server::start()
{
    if (m_running)
        return {};
    servermetrics::declareAll();
    returnLargeBuffersToTheSystem();
    for (const QString &secret : m_config.secrets())
        log::registerSecret(secret);
    if (m_config.sandboxInProduction)
        log::warn("server",
                  u"DEVELOPMENT SWITCH VOXANNE_DEV_ALLOW_SANDBOX is on: every provider call goes "
                  "to the sandbox at %1, nothing reaches a patient. Never serve a real clinic "
                  "like this."_s.arg(m_config.sandboxUrl));

    auto ring =
        crypto::KeyRing::fromBase64(m_config.encryptionKey, m_config.previousEncryptionKeys);
    if (!ring)
        return ring.error();
    m_keys = std::make_unique<crypto::KeyRing>(std::move(ring).value());

    if (auto opened = openDatabase(); !opened)
        return opened.error();

    m_jobs = std::make_unique<jobs::JobRunner>(
        *m_db, u"%1:%2"_s.arg(QSysInfo::machineHostName()).arg(QCoreApplication::applicationPid()),
        jobs::JobRunner::Options{
            m_config.jobPollMs, m_config.jobBackoffMs, m_config.jobStaleSeconds,
            // Renewed four times per stale period: a claim never ages out while its job runs.
            std::max(250, m_config.jobStaleSeconds * 1000 / 4),
            // An embedded database listens on this machine's socket only.
            m_config.usesEmbeddedDatabase()});
    m_accounts = std::make_unique<AccountState>(*m_db);
    m_app = std::make_unique<AppContext>(AppContext{
        m_config, *m_db, *m_keys, *m_jobs,
        providers::RetryPolicy{m_config.providerRetryDelaysMs, m_config.providerTimeoutMs}});
    m_app->accounts = m_accounts.get();
    registerRoutes();
    wireIntegrations(*m_app, *m_jobs);

    http::HttpServer::Options options;
    options.limits.maxHeaderBytes = m_config.maxHeaderBytes;
    options.limits.maxBodyBytes = m_config.maxBodyBytes;
    options.limits.bodyLimit = [this](const QByteArray &method, const QString &path) {
        return m_router.bodyLimit(method, path, m_config.maxBodyBytes);
    };
    options.limits.maxBodyBytesInFlight = m_config.maxBodyBytesInFlight;
    options.limits.idleTimeoutMs = m_config.idleTimeoutSeconds * 1000;
    options.limits.headTimeoutMs = m_config.headTimeoutSeconds * 1000;
    options.limits.bodyTimeoutMs = m_config.bodyTimeoutSeconds * 1000;
    options.limits.minBodyBytesPerSecond = m_config.minBodyBytesPerSecond;
    options.maxConnections = m_config.maxConnections;
    options.maxConnectionsPerAddress = m_config.maxConnectionsPerAddress;
    options.workerThreads = m_config.workerThreads;
    options.reservedWorkerThreads = m_config.voiceWorkerThreads;
    options.trustedProxies = m_config.trustedProxies;
    if (!m_config.tlsCert.isEmpty()) {
        QFile certFile(m_config.tlsCert);
        QFile keyFile(m_config.tlsKey);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly))
            return fail(u"Cannot read the TLS certificate or key (%1, %2)."_s.arg(m_config.tlsCert,
                                                                                  m_config.tlsKey));
        const QSslCertificate cert(&certFile, QSsl::Pem);
        const QSslKey key(&keyFile, QSsl::Rsa, QSsl::Pem);
        QSslKey usableKey = key;
        if (usableKey.isNull()) {
            keyFile.seek(0);
            usableKey = QSslKey(&keyFile, QSsl::Ec, QSsl::Pem);
        }
        if (cert.isNull() || usableKey.isNull())
            return fail(u"The TLS certificate or key is not valid PEM."_s);
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(cert);
        tls.setPrivateKey(usableKey);
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        options.tls = tls;
    }

    const QByteArray jwtSecret = m_config.jwtSecret.toUtf8();
    // A token is only as good as its account: a disabled or deleted user is refused at once,
    // though the token itself is valid for minutes more.
    auto verify = [jwtSecret,
                   accounts = m_accounts.get()](const QString &bearer) -> Result<AccessToken> {
        auto token = verifyAccessToken(bearer, jwtSecret, QDateTime::currentDateTimeUtc());
        if (!token)
            return token;
        if (auto usable = accounts->check(token->principal.userId); !usable) {
            // A refused account reads as an invalid token; a database problem stays itself
            // (503), so an outage does not sign everyone out.
            if (usable.error().kind == ErrorKind::NotSignedIn)
                return fail(usable.errorMessage(), ErrorKind::NotSignedIn).withCode(tokenInvalid);
            return usable.error();
        }
        return token;
    };
    auto authenticator = [verify](const http::Request &request) -> Result<http::Principal> {
        const QByteArray header = request.header("authorization");
        if (!header.startsWith("Bearer ") && !header.startsWith("bearer "))
            return http::status::unauthorized(u"Sign in first."_s);
        auto token = verify(QString::fromLatin1(header.mid(7).trimmed()));
        if (!token) {
            if (token.error().code == tokenInvalid || token.error().code == tokenExpired)
                return http::status::unauthorized(token.errorMessage());
            return token.error();
        }
        return token->principal;
    };

    m_http = std::make_unique<http::HttpServer>(m_router, authenticator, options);
    m_events = std::make_unique<events::EventHub>(*m_db, verify, events::EventHub::Options{});
    m_http->setWebSocketHandler(m_events->options().path,
                                [hub = m_events.get()](std::unique_ptr<QWebSocket> socket) {
                                    hub->accept(std::move(socket));
                                });
    // Live streams outlast a request: a user who may no longer act loses theirs as soon as the
    // database says so (one read of the account per change, on this thread).
    connect(m_accounts.get(), &AccountState::changed, m_events.get(),
            [accounts = m_accounts.get(), hub = m_events.get()](const QString &userId) {
                if (auto usable = accounts->check(userId);
                    !usable && usable.error().kind == ErrorKind::NotSignedIn)
                    hub->closeStreamsOf(userId, usable.errorMessage());
            });
    ListenRelay::Options listening;
    listening.fallback = {m_config.listenSampleRate, m_config.listenChannels};
    m_listenRelay =
        std::make_unique<ListenRelay>(*m_app, verify, m_config.trustedProxies, listening);
    m_http->setWebSocketHandler(ListenRelay::path(),
                                [relay = m_listenRelay.get()](std::unique_ptr<QWebSocket> socket) {
                                    relay->accept(std::move(socket));
                                });
    m_events->start();
    m_accounts->start();
    auto port = m_http->listen(m_config.listenHost, m_config.listenPort);
    if (!port)
        return port.error();
    m_config.listenPort = *port;
    if (auto metrics = listenForMetrics(); !metrics)
        return metrics.error();
    m_jobs->start();
    m_running = true;
    log::info("server", u"Listening."_s, {{u"url"_s, url()}});
    return {};
}

Result<void> Server::listenForMetrics()
{
    if (!m_config.metricsListen)
        return {};
    registerMetricsRoute(m_metricsRouter, metricsSources(), m_config.metricsToken);
    // Only /metrics is served here, and nobody signs in.
    auto nobody = [](const http::Request &) -> Result<http::Principal> {
        return http::status::unauthorized(u"Nothing here needs signing in."_s);
    };
    http::HttpServer::Options options;
    options.maxConnections = 16;
    options.maxConnectionsPerAddress = 8;
    options.workerThreads = 1; // a scrape at a time: it holds one database connection
    options.reservedWorkerThreads = 1;
    m_metricsHttp = std::make_unique<http::HttpServer>(m_metricsRouter, nobody, options);
    auto port = m_metricsHttp->listen(m_config.metricsListenHost, m_config.metricsListenPort);
    if (!port)
        return fail(u"GET /metrics (VOXANNE_METRICS_LISTEN): %1"_s.arg(port.errorMessage()));
    m_metricsPort = *port;
    const bool v6 = m_config.metricsListenHost.contains(u':');
    log::info("server", u"Serving metrics."_s,
              {{u"url"_s, u"http://%1:%2/metrics"_s
                              .arg(v6 ? u"[%1]"_s.arg(m_config.metricsListenHost)
                                      : m_config.metricsListenHost)
                              .arg(m_metricsPort)}});
    return {};
}

MetricsSources Server::metricsSources()
{
    // The hub is made after the routes and goes after the last request is answered.
    return {*m_db, [this] { return m_events ? m_events->connectedClients() : 0; }};
}

void Server::registerRoutes()
{
    registerHealthRoutes(m_router, *m_app);
    // GET /metrics on the main address only behind its token; otherwise it is not a route (404).
    if (!m_config.metricsToken.isEmpty())
        registerMetricsRoute(m_router, metricsSources(), m_config.metricsToken);
    registerAuthRoutes(m_router, *m_app);
    registerIntegrationRoutes(m_router, *m_app);
    registerCallActionRoutes(m_router, *m_app);
    registerReminderRoutes(m_router, *m_app);
    registerTelephonyRoutes(m_router, *m_app);
    registerVapiModule(m_router, *m_app);
    registerKnowledgeRoutes(m_router, *m_app);
    registerContactRoutes(m_router, *m_app);
    registerTodayRoutes(m_router, *m_app);
    registerCallRoutes(m_router, *m_app);
    registerServiceRoutes(m_router, *m_app);
    registerDashboardRoutes(m_router, *m_app);
    registerReportRoutes(m_router, *m_app);
    registerMessageRoutes(m_router, *m_app);
    registerExportRoutes(m_router, *m_app);
    registerCallReviewRoutes(m_router, *m_app);
    registerSettingsRoutes(m_router, *m_app);
    registerLiveDeskRoutes(m_router, *m_app);
    registerListenInRoutes(m_router, *m_app);
    registerMissedCallTextBackRoutes(m_router, *m_app);
    registerAccessLogRoutes(m_router, *m_app);
    registerPrivacyRoutes(m_router, *m_app);
    registerRedactionRoutes(m_router, *m_app);
    // Routes whose bodies may exceed VOXANNE_MAX_BODY_BYTES: documents for the knowledge base,
    // and Vapi's end-of-call report, which carries a long call's whole transcript and message
    // list (refusing it would lose the call). Every other body is held to the JSON limit.
    const QList<std::tuple<QByteArray, QString, qint64>> ownLimits{
        {"POST", u"/api/knowledge"_s, m_config.maxUploadBytes},
        {"POST", u"/api/webhooks/vapi"_s, qMax<qint64>(m_config.maxBodyBytes, 4 * 1024 * 1024)}};
    for (const auto &[method, pattern, bytes] : ownLimits) {
        [[maybe_unused]] const bool known = m_router.setBodyLimit(method, pattern, bytes);
        Q_ASSERT(known);
    }
    // A caller is on the line while Vapi waits on these (assistant-request has 7.5 s end to
    // end): they have workers, and so database connections, of their own, which console
    // requests and slow providers never occupy.
    for (const auto &[method, pattern] : {std::pair{QByteArray("POST"), u"/api/vapi/tools"_s},
                                          std::pair{QByteArray("POST"), u"/api/webhooks/vapi"_s}}) {
        [[maybe_unused]] const bool known = m_router.reserve(method, pattern);
        Q_ASSERT(known);
    }
}

void Server::stop(int graceMs)
{
    if (!m_running)
        return;
    m_running = false;
    if (m_metricsHttp) {
        m_metricsHttp->stopAccepting();
        m_metricsHttp->waitForIdle(qMin(graceMs, 2000));
        m_metricsHttp->closeConnections(qMin(graceMs, 2000));
        m_metricsHttp.reset();
        m_metricsPort = 0;
    }
    if (m_http) {
        m_http->stopAccepting();
        if (!m_http->waitForIdle(graceMs))
            log::warn("server",
                      u"Stopped with %1 answer(s) still in flight."_s.arg(m_http->inFlight()));
    }
    // Event-stream clients hear 1001 (going away) and reconnect elsewhere; the hub's sockets go
    // before the listening server that created them.
    if (m_events) {
        m_events->shutdown(qMin(graceMs, 2000));
        m_events.reset();
    }
    m_listenRelay.reset(); // its listeners and their Vapi sockets close with it
    if (m_http) {
        m_http->closeConnections(qMin(graceMs, 2000));
        m_http.reset();
    }
    if (m_jobs)
        m_jobs->stop();
    m_app.reset();
    m_accounts.reset();
    m_jobs.reset();
    m_db.reset();
    if (m_postgres) {
        if (auto stopped = m_postgres->stop(); !stopped)
            log::warn("server", stopped.errorMessage());
        m_postgres.reset();
    }
    m_dataFolderLock.reset(); // after the cluster stopped: the next server may start it again
    log::info("server", u"Stopped."_s);
}

quint16 Server::port() const
{
    return m_config.listenPort;
}

QString Server::url() const
{
    return m_config.baseUrl();
}

} // namespace vox::server
