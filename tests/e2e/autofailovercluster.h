// A pg_auto_failover formation on this machine, as docs/operations.md lays it out: a monitor, a
// primary and a synchronous standby, each a `pg_autoctl … --run` process on 127.0.0.1 and a free
// port, in one temporary folder. PostgreSQL refuses to run as root: as root, everything runs as
// the unprivileged user the test harness's clusters run as.
#pragma once

#include "server/db/connection.h"
#include "server/db/connectionsettings.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QThread>

#include <array>
#include <memory>

#include <grp.h>
#include <pwd.h>
#include <unistd.h>

namespace vox::test {

class AutoFailoverCluster
{
public:
    static constexpr const char *binDir = "/usr/lib/postgresql/15/bin";
    static constexpr const char *database = "voxanne";
    static constexpr const char *appRole = "voxanne";

    AutoFailoverCluster()
    {
        m_dir.setAutoRemove(true);
        m_error = start();
    }
    ~AutoFailoverCluster()
    {
        for (int i = 1; i >= 0; --i)
            stopNode(i);
        runTool(QStringLiteral("pg_autoctl"), {QStringLiteral("stop"), QStringLiteral("--pgdata"),
                                               path(QStringLiteral("monitor"))});
        m_monitor.waitForFinished(20000);
    }

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    quint16 nodePort(int node) const { return m_ports.at(1 + node); }

    // The application's URL: both nodes, and libpq picks the one that takes writes.
    QString url() const
    {
        return QStringLiteral("postgresql://%1@127.0.0.1:%2,127.0.0.1:%3/%4?target_session_attrs="
                              "read-write")
            .arg(QLatin1String(appRole))
            .arg(nodePort(0))
            .arg(nodePort(1))
            .arg(QLatin1String(database));
    }
    // The same as the superuser, for assertions (bypasses RLS).
    std::unique_ptr<db::Connection> connectToPrimary() const
    {
        const auto parsed = db::ConnectionSettings::fromUrl(url());
        if (!parsed)
            return nullptr;
        db::ConnectionSettings settings = *parsed;
        settings.user = QStringLiteral("postgres");
        auto conn = db::Connection::open(settings);
        return conn ? std::move(conn).value() : nullptr;
    }
    // The state node `node` (0 or 1) has reached as the monitor assigned it: primary,
    // secondary, wait_primary, …; empty while it is on its way.
    QString assignedState(int node) const
    {
        auto monitor = connect(m_ports.at(0), QStringLiteral("pg_auto_failover"));
        if (!monitor)
            return {};
        auto row =
            monitor->exec("SELECT CASE WHEN reportedstate = goalstate THEN goalstate::text END "
                          "FROM pgautofailover.node WHERE nodename = $1",
                          {QStringLiteral("node%1").arg(node + 1)});
        return row && !row->isEmpty() ? row->text(0, 0) : QString();
    }

    // Stops node `node`'s PostgreSQL as a crash would: `pg_autoctl stop --immediate` ends the
    // node's keeper and its postmaster at once (no checkpoint, no goodbye to the monitor).
    bool crashNode(int node)
    {
        return runTool(QStringLiteral("pg_autoctl"),
                       {QStringLiteral("stop"), QStringLiteral("--immediate"),
                        QStringLiteral("--pgdata"),
                        path(QStringLiteral("node%1").arg(node + 1))}) == 0;
    }

private:
    QString path(const QString &name) const { return m_dir.filePath(name); }

    static quint16 freePort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort();
    }

    std::unique_ptr<db::Connection> connect(quint16 port, const QString &name,
                                            const QString &user = QStringLiteral("postgres")) const
    {
        db::ConnectionSettings s;
        s.host = QStringLiteral("127.0.0.1");
        s.port = port;
        s.database = name;
        s.user = user;
        auto conn = db::Connection::open(s);
        return conn ? std::move(conn).value() : nullptr;
    }

    QProcessEnvironment environment() const
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"),
                   QLatin1String(binDir) + u':' + env.value(QStringLiteral("PATH")));
        env.insert(QStringLiteral("PG_CONFIG"), QLatin1String(binDir) + u"/pg_config");
        // pg_autoctl keeps its configuration and state under XDG folders, not the user's home.
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), path(QStringLiteral("config")));
        env.insert(QStringLiteral("XDG_DATA_HOME"), path(QStringLiteral("share")));
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), path(QStringLiteral("run")));
        env.insert(QStringLiteral("PGHOST"), path(QStringLiteral("run")));
        env.insert(QStringLiteral("PGUSER"), QStringLiteral("postgres"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        env.remove(QStringLiteral("PGDATA"));
        env.remove(QStringLiteral("PGPORT"));
        return env;
    }

    void prepare(QProcess &process) const
    {
        process.setProcessEnvironment(environment());
        process.setWorkingDirectory(m_dir.path());
        if (::geteuid() == 0) {
            const uid_t uid = m_uid;
            const gid_t gid = m_gid;
            process.setChildProcessModifier([uid, gid] {
                if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)
                    ::_exit(126);
            });
        }
    }

    int runTool(const QString &tool, const QStringList &arguments, QString *output = nullptr) const
    {
        QProcess process;
        prepare(process);
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(tool == u"pg_autoctl" ? QStringLiteral("/usr/bin/pg_autoctl")
                                            : QLatin1String(binDir) + u'/' + tool,
                      arguments);
        if (!process.waitForFinished(60000))
            return -1;
        if (output)
            *output = QString::fromLocal8Bit(process.readAll());
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    }

    void startKeeper(QProcess &process, const QStringList &arguments, const QString &log)
    {
        prepare(process);
        process.setStandardOutputFile(path(log));
        process.setStandardErrorFile(path(log));
        process.start(QStringLiteral("/usr/bin/pg_autoctl"), arguments);
    }

    // initdb with the Unix socket in our folder: Debian's build puts it in /var/run/postgresql,
    // which the unprivileged user may not write.
    QString initdb(const QString &name)
    {
        QString out;
        if (runTool(QStringLiteral("initdb"),
                    {QStringLiteral("-D"), path(name), QStringLiteral("-U"),
                     QStringLiteral("postgres"), QStringLiteral("-A"), QStringLiteral("trust"),
                     QStringLiteral("--no-sync")},
                    &out) != 0)
            return QStringLiteral("initdb %1: %2").arg(name, out);
        QFile conf(path(name + QStringLiteral("/postgresql.conf")));
        if (!conf.open(QIODevice::Append))
            return QStringLiteral("cannot write %1").arg(conf.fileName());
        conf.write("unix_socket_directories = '" + path(QStringLiteral("run")).toUtf8() +
                   "'\nfsync = off\n");
        return {};
    }

    template<typename Ready> static bool waitFor(const Ready &ready, int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < timeoutMs) {
            if (ready())
                return true;
            QThread::msleep(250);
        }
        return false;
    }

    QString start();

    // A short name in the system's temporary folder: PostgreSQL's socket paths must stay short.
    QTemporaryDir m_dir{QDir::tempPath() + QStringLiteral("/voxanne-af-XXXXXX")};
    QString m_error;
    std::array<quint16, 3> m_ports{}; // monitor, node1, node2
    uid_t m_uid = 0;
    gid_t m_gid = 0;
    QProcess m_monitor;
    std::array<QProcess, 2> m_nodes;

    void stopNode(int node)
    {
        if (m_nodes[node].state() == QProcess::NotRunning)
            return;
        runTool(QStringLiteral("pg_autoctl"),
                {QStringLiteral("stop"), QStringLiteral("--immediate"), QStringLiteral("--pgdata"),
                 path(QStringLiteral("node%1").arg(node + 1))});
        m_nodes[node].waitForFinished(20000);
    }
};

inline QString AutoFailoverCluster::start()
{
    if (!m_dir.isValid())
        return QStringLiteral("no temporary folder");
    if (::geteuid() == 0) {
        struct passwd *pw = ::getpwnam("voxanne");
        if (!pw)
            QProcess::execute(QStringLiteral("useradd"),
                              {QStringLiteral("--system"), QStringLiteral("--user-group"),
                               QStringLiteral("--no-create-home"), QStringLiteral("--shell"),
                               QStringLiteral("/usr/sbin/nologin"), QStringLiteral("voxanne")});
        pw = ::getpwnam("voxanne");
        if (!pw)
            return QStringLiteral("no unprivileged user to run PostgreSQL as");
        m_uid = pw->pw_uid;
        m_gid = pw->pw_gid;
    }
    for (const char *sub : {"run", "config", "share"})
        QDir(m_dir.path()).mkpath(QLatin1String(sub));
    if (::geteuid() == 0 &&
        QProcess::execute(QStringLiteral("chown"),
                          {QStringLiteral("-R"), QStringLiteral("%1:%2").arg(m_uid).arg(m_gid),
                           m_dir.path()}) != 0)
        return QStringLiteral("chown failed");
    m_ports = {freePort(), freePort(), freePort()};
    for (const QString &name : {QStringLiteral("monitor"), QStringLiteral("node1")}) {
        if (const QString failed = initdb(name); !failed.isEmpty())
            return failed;
    }

    const QStringList common{QStringLiteral("--hostname"), QStringLiteral("127.0.0.1"),
                             QStringLiteral("--listen"),   QStringLiteral("127.0.0.1"),
                             QStringLiteral("--auth"),     QStringLiteral("trust"),
                             QStringLiteral("--no-ssl"),   QStringLiteral("--run")};
    startKeeper(m_monitor,
                QStringList{QStringLiteral("create"), QStringLiteral("monitor"),
                            QStringLiteral("--pgdata"), path(QStringLiteral("monitor")),
                            QStringLiteral("--pgport"), QString::number(m_ports[0])} +
                    common,
                QStringLiteral("monitor.log"));
    std::unique_ptr<db::Connection> monitor;
    if (!waitFor(
            [&] {
                monitor = connect(m_ports[0], QStringLiteral("pg_auto_failover"));
                return monitor &&
                       monitor->exec("SELECT 1 FROM pg_extension WHERE extname = 'pgautofailover'")
                           .ok();
            },
            60000))
        return QStringLiteral("the monitor did not start (monitor.log)");
    // Failover within seconds instead of the production defaults' half minute: the monitor
    // checks often, and the old primary's demotion is not waited for long (it is gone).
    // ALTER SYSTEM refuses to run in a transaction, so one statement at a time.
    for (const char *setting :
         {"health_check_period = 1000", "health_check_timeout = 1000",
          "health_check_max_retries = 1", "health_check_retry_delay = 500",
          "node_considered_unhealthy_timeout = 2000", "primary_demote_timeout = 2000"}) {
        const Result<void> tuned =
            monitor->execScript(QByteArray("ALTER SYSTEM SET pgautofailover.") + setting);
        if (!tuned)
            return tuned.errorMessage();
    }
    if (const Result<void> reloaded = monitor->execScript("SELECT pg_reload_conf()"); !reloaded)
        return reloaded.errorMessage();

    const QString monitorUrl =
        QStringLiteral("postgres://autoctl_node@127.0.0.1:%1/pg_auto_failover?sslmode=disable")
            .arg(m_ports[0]);
    for (int node = 0; node < 2; ++node) {
        startKeeper(m_nodes[node],
                    QStringList{QStringLiteral("create"), QStringLiteral("postgres"),
                                QStringLiteral("--pgdata"),
                                path(QStringLiteral("node%1").arg(node + 1)),
                                QStringLiteral("--pgport"), QString::number(m_ports[1 + node]),
                                QStringLiteral("--name"), QStringLiteral("node%1").arg(node + 1),
                                QStringLiteral("--monitor"), monitorUrl} +
                        common,
                    QStringLiteral("node%1.log").arg(node + 1));
        if (node == 0) {
            if (!waitFor([&] { return assignedState(0) == u"single"; }, 60000))
                return QStringLiteral("the primary did not start (node1.log)");
            // The application's role and database, made once on the primary and copied to the
            // standby with everything else.
            auto admin = connect(m_ports[1], QStringLiteral("postgres"));
            if (!admin)
                return QStringLiteral("cannot connect to the primary");
            const Result<void> made = admin->execScript(
                "CREATE ROLE voxanne LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;"
                "CREATE ROLE authenticated NOLOGIN; CREATE ROLE service_role NOLOGIN;"
                "GRANT authenticated TO voxanne; GRANT service_role TO voxanne");
            if (!made)
                return made.errorMessage();
            // Not in the same script: CREATE DATABASE refuses to run inside a transaction.
            if (const auto db = admin->execScript("CREATE DATABASE voxanne OWNER voxanne"); !db)
                return db.errorMessage();
        }
    }
    // pg_basebackup waits for a checkpoint, which an idle primary spreads over minutes.
    if (!waitFor(
            [&] {
                if (auto admin = connect(m_ports[1], QStringLiteral("postgres")))
                    (void)admin->execScript("CHECKPOINT");
                return assignedState(0) == u"primary" && assignedState(1) == u"secondary";
            },
            90000))
        return QStringLiteral("the standby did not catch up (node2.log)");
    return {};
}

} // namespace vox::test
