#pragma once

#include "core/crypto/aesgcm.h"
#include "core/result.h"
#include "server/appcontext.h"
#include "server/config/serverconfig.h"
#include "server/db/connectionsettings.h"
#include "server/http/router.h"

#include <QJsonObject>
#include <QObject>

#include <memory>

namespace vox::db {
class Database;
class DataFolderLock;
class EmbeddedPostgres;
} // namespace vox::db

namespace vox::http {
class HttpServer;
} // namespace vox::http

namespace vox::server::events {
class EventHub;
} // namespace vox::server::events

namespace vox::server {

class AccountState;
class ListenRelay;
struct MetricsSources;

// The companion server, composed: database (its own embedded cluster or a URL), migrations,
// routes, HTTP/WebSocket listener, live events and jobs. The executable, the console's embedded
// mode and the tests all run this same object.
class Server final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Server)

public:
    explicit Server(ServerConfig config, QObject *parent = nullptr);
    ~Server() override;

    // Blocks until the server accepts requests (or fails with a readable reason). Must be called
    // on the thread whose event loop will serve the connections.
    Result<void> start();

    // Graceful: stops accepting, lets answers in flight finish (up to `graceMs`), closes live
    // connections, stops the embedded database.
    void stop(int graceMs = 10000);

    quint16 port() const;
    // The port of GET /metrics's own address (VOXANNE_METRICS_LISTEN); 0 when it has none.
    quint16 metricsPort() const { return m_metricsPort; }
    QString url() const;
    const ServerConfig &config() const { return m_config; }
    db::Database &database() { return *m_db; }
    const crypto::KeyRing &keys() const { return *m_keys; }
    jobs::JobRunner &jobs() { return *m_jobs; }
    events::EventHub &events() { return *m_events; }
    // Listeners being relayed a call's sound right now (on the server's thread).
    int listenRelayCount() const;
    // The most bytes ever waiting for one listener of a call's sound (see ListenRelay).
    qint64 listenBacklogPeak() const;
    AccountState &accounts() { return *m_accounts; }
    // How a backup reads every clinic's rows while this server runs: as the embedded cluster's
    // superuser, or as the database URL's role (which must bypass row-level security).
    db::ConnectionSettings backupSource() const;
    // A session (access and refresh token, as POST /api/auth/login answers) for an existing
    // account without its password, for the process that embeds this server; see
    // AuthService::localSession. Call on any thread once start() has succeeded.
    Result<QJsonObject> localSession(const QString &email);

private:
    Result<void> openDatabase();
    void registerRoutes();
    Result<void> listenForMetrics();
    MetricsSources metricsSources();

    ServerConfig m_config;
    std::unique_ptr<db::DataFolderLock> m_dataFolderLock;
    std::unique_ptr<db::EmbeddedPostgres> m_postgres;
    std::unique_ptr<db::Database> m_db;
    std::unique_ptr<crypto::KeyRing> m_keys;
    std::unique_ptr<jobs::JobRunner> m_jobs;
    std::unique_ptr<AccountState> m_accounts;
    std::unique_ptr<AppContext> m_app;
    http::Router m_router;
    std::unique_ptr<http::HttpServer> m_http;
    std::unique_ptr<events::EventHub> m_events;
    std::unique_ptr<ListenRelay> m_listenRelay;
    http::Router m_metricsRouter;
    std::unique_ptr<http::HttpServer> m_metricsHttp;
    quint16 m_metricsPort = 0;
    bool m_running = false;
};

// Applies pending migrations through a fresh connection (also used by `voxanne-server migrate`).
Result<QStringList> migrateDatabase(const db::ConnectionSettings &settings);

} // namespace vox::server
