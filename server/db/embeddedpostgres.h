#pragma once

#include "core/result.h"
#include "server/db/connectionsettings.h"

#include <QString>
#include <QStringList>

namespace vox::db {

// A PostgreSQL cluster of our own, in a folder we own, reachable only through a Unix socket in
// that folder (no TCP). Used when no database URL is configured, and by the test harness.
//
// As root it runs the cluster as the unprivileged system user `voxanne` (created if missing),
// because PostgreSQL refuses to run as root; otherwise as the current user.
class EmbeddedPostgres
{
public:
    struct Options
    {
        QString clusterDir;  // holds PG_VERSION, postgresql.conf, ... (created on first start)
        bool durable = true; // false for throwaway test clusters: fsync off
        int maxConnections = 200;
    };

    explicit EmbeddedPostgres(Options options);
    ~EmbeddedPostgres();
    EmbeddedPostgres(const EmbeddedPostgres &) = delete;
    EmbeddedPostgres &operator=(const EmbeddedPostgres &) = delete;

    // Creates the cluster on first use, starts it (or adopts one left running by a previous
    // process that was killed), waits until it accepts connections, and makes sure the
    // application role and database exist. Returns how to connect as the application role.
    Result<ConnectionSettings> start(const QString &database = QStringLiteral("voxanne"));

    // Stops the cluster if this object started or adopted it.
    Result<void> stop();

    // Creates (or recreates) an empty database owned by the application role.
    Result<ConnectionSettings> createDatabase(const QString &name, bool dropFirst = false);
    Result<void> dropDatabase(const QString &name);

    // As the cluster's superuser: for tests and admin commands only.
    ConnectionSettings adminSettings(const QString &database = QStringLiteral("postgres")) const;

    bool isRunning() const { return m_running; }
    // Leaves the cluster running when this object goes away (shared test clusters).
    void detach() { m_running = false; }
    QString clusterDir() const { return m_clusterDir; }
    QString socketDir() const { return m_socketDir; }
    QString logFile() const;

    // /usr/lib/postgresql/<newest>/bin, $VOXANNE_PG_BINDIR, or the PATH; an error that says
    // "install postgresql" when none has initdb and pg_ctl.
    static Result<QString>
    findBinDir(const QString &versionsRoot = QStringLiteral("/usr/lib/postgresql"));
    // Where pg_dump and pg_restore for a server of major version `serverMajor` are, searched like
    // findBinDir: that version's folder first, then newer ones (a newer pg_dump reads an older
    // server; an older one refuses), then the PATH.
    static Result<QString>
    findClientBinDir(int serverMajor,
                     const QString &versionsRoot = QStringLiteral("/usr/lib/postgresql"));

    static const QString applicationRole;
    static const QString adminRole;

private:
    Result<void> prepareRunAsUser();
    Result<void> initdb();
    Result<void> bootstrapRoles(const QString &database);
    Result<int> runTool(const QString &tool, const QStringList &arguments,
                        QString *output = nullptr, int timeoutMs = 120000);
    bool pgCtlSaysRunning();

    Options m_options;
    QString m_binDir;
    QString m_clusterDir;
    QString m_socketDir;
    bool m_running = false;
    bool m_asRoot = false;
    unsigned m_uid = 0;
    unsigned m_gid = 0;
};

} // namespace vox::db
