#include "server/db/embeddedpostgres.h"

#include "core/crypto/digest.h"
#include "core/logging/log.h"
#include "server/db/connection.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QThread>

#include <algorithm>

#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace vox::db {

const QString EmbeddedPostgres::applicationRole = u"voxanne"_s;
const QString EmbeddedPostgres::adminRole = u"voxanne_admin"_s;

namespace {

constexpr int socketPort = 5432; // names the socket file only: the cluster listens on no TCP port
const QString systemUser = u"voxanne"_s;

QString shortHash(const QString &text)
{
    return QString::fromLatin1(crypto::sha256(text.toUtf8()).toHex().left(10));
}

// Can `uid`/`gid` walk down to `path`? PostgreSQL must reach its data folder after dropping root.
bool traversable(const QString &path, uid_t uid, gid_t gid)
{
    QString current = QFileInfo(path).absoluteFilePath();
    while (!current.isEmpty()) {
        struct stat st
        {};
        if (::stat(QFile::encodeName(current).constData(), &st) == 0) {
            const mode_t need = st.st_uid == uid ? S_IXUSR : st.st_gid == gid ? S_IXGRP : S_IXOTH;
            if (!(st.st_mode & need))
                return false;
        }
        if (current == u"/")
            break;
        current = QFileInfo(current).path();
    }
    return true;
}

// Hands `path` itself to the user, not what is under it.
bool changeOwner(const QString &path, uid_t uid, gid_t gid)
{
    return ::chown(QFile::encodeName(path).constData(), uid, gid) == 0;
}

bool validDatabaseName(const QString &name)
{
    static const QRegularExpression pattern(u"^[a-z_][a-z0-9_]{0,62}$"_s);
    return pattern.match(name).hasMatch();
}

} // namespace

EmbeddedPostgres::EmbeddedPostgres(Options options)
    : m_options(std::move(options))
    , m_clusterDir(QDir::cleanPath(m_options.clusterDir))
{}

EmbeddedPostgres::~EmbeddedPostgres()
{
    if (m_running)
        (void)stop();
}

namespace {

// $VOXANNE_PG_BINDIR, then /usr/lib/postgresql/<version>/bin (newest first, or from `wantedMajor`
// up), then the PATH when any version will do; the first folder holding every one of `tools`.
QString binDirWith(const QStringList &tools, int wantedMajor, const QString &versionsRoot)
{
    QStringList candidates;
    const QString fromEnv = qEnvironmentVariable("VOXANNE_PG_BINDIR");
    if (!fromEnv.isEmpty())
        candidates << fromEnv;
    QDir versions(versionsRoot);
    QStringList installed = versions.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    std::sort(installed.begin(), installed.end(),
              [](const QString &a, const QString &b) { return a.toInt() > b.toInt(); });
    if (wantedMajor > 0) {
        // The server's own version, else the oldest newer one.
        installed.removeIf([&](const QString &v) { return v.toInt() < wantedMajor; });
        std::reverse(installed.begin(), installed.end());
    }
    for (const QString &version : std::as_const(installed))
        candidates << versions.filePath(version + u"/bin"_s);
    if (wantedMajor <= 0)
        candidates += qEnvironmentVariable("PATH").split(u':', Qt::SkipEmptyParts);
    for (const QString &dir : std::as_const(candidates)) {
        const bool hasAll = std::all_of(tools.begin(), tools.end(), [&](const QString &tool) {
            return QFileInfo(QDir(dir).filePath(tool)).isExecutable();
        });
        if (hasAll)
            return dir;
    }
    return {};
}

} // namespace

Result<QString> EmbeddedPostgres::findBinDir(const QString &versionsRoot)
{
    const QString dir = binDirWith({u"initdb"_s, u"pg_ctl"_s}, 0, versionsRoot);
    if (!dir.isEmpty())
        return dir;
    return fail(u"PostgreSQL server programs (initdb, pg_ctl) were not found in "
                "/usr/lib/postgresql/*/bin or on the PATH: install postgresql "
                "(sudo apt-get install postgresql postgresql-contrib), or set "
                "VOXANNE_DATABASE_URL to use an existing server."_s);
}

Result<QString> EmbeddedPostgres::findClientBinDir(int serverMajor, const QString &versionsRoot)
{
    const QString dir = binDirWith({u"pg_dump"_s, u"pg_restore"_s}, serverMajor, versionsRoot);
    if (!dir.isEmpty())
        return dir;
    return fail(u"pg_dump and pg_restore for PostgreSQL %1 (or newer) were not found in "
                "/usr/lib/postgresql/*/bin: install postgresql-client-%1 "
                "(sudo apt-get install postgresql-client-%1)."_s.arg(serverMajor));
}

Result<void> EmbeddedPostgres::prepareRunAsUser()
{
    m_asRoot = ::geteuid() == 0;
    if (!m_asRoot) {
        m_uid = ::geteuid();
        m_gid = ::getegid();
    } else {
        const QByteArray name = systemUser.toLatin1();
        struct passwd *pw = ::getpwnam(name.constData());
        if (!pw) {
            const int created = QProcess::execute(
                u"useradd"_s,
                {u"--system"_s, u"--user-group"_s, u"--no-create-home"_s, u"--home-dir"_s,
                 u"/nonexistent"_s, u"--shell"_s, u"/usr/sbin/nologin"_s, systemUser});
            pw = ::getpwnam(name.constData());
            if (!pw || created != 0)
                return fail(u"Running as root, the database must run as an unprivileged user, "
                            "and the system user \"voxanne\" could not be created (useradd)."_s);
            log::info("postgres", u"Created the system user voxanne to run PostgreSQL."_s);
        }
        m_uid = pw->pw_uid;
        m_gid = pw->pw_gid;

        if (!traversable(m_clusterDir, m_uid, m_gid)) {
            // e.g. a data folder under /root: keep the cluster where its user can reach it.
            const QString fallback = u"/var/lib/voxanne/clusters/"_s + shortHash(m_clusterDir);
            log::warn("postgres",
                      u"The data folder is not reachable by the voxanne user; the database "
                      "cluster is kept in %1 instead."_s.arg(fallback));
            m_clusterDir = fallback;
        }
    }

    // Unix socket paths are limited to ~107 bytes; deep folders get a short one in the system's
    // temporary folder (TMPDIR, else /tmp).
    m_socketDir = m_clusterDir;
    if (m_socketDir.toUtf8().size() > 80) {
        m_socketDir = QDir(QDir::tempPath()).filePath(u"voxanne-pg-"_s + shortHash(m_clusterDir));
        QDir().mkpath(m_socketDir);
        QFile::setPermissions(m_socketDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        if (m_asRoot)
            changeOwner(m_socketDir, m_uid, m_gid);
    }
    return {};
}

Result<int> EmbeddedPostgres::runTool(const QString &tool, const QStringList &arguments,
                                      QString *output, int timeoutMs)
{
    QProcess process;
    process.setProgram(QDir(m_binDir).filePath(tool));
    process.setArguments(arguments);
    process.setProcessChannelMode(QProcess::MergedChannels);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    env.remove(u"PGDATA"_s);
    process.setProcessEnvironment(env);
    if (m_asRoot) {
        const uid_t uid = m_uid;
        const gid_t gid = m_gid;
        process.setChildProcessModifier([uid, gid] {
            if (::setgroups(0, nullptr) != 0 || ::setgid(gid) != 0 || ::setuid(uid) != 0)
                ::_exit(126);
            (void)::chdir("/");
        });
    }
    process.start();
    if (!process.waitForStarted(10000))
        return fail(u"Could not start %1: %2"_s.arg(tool, process.errorString()));
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(2000);
        return fail(u"%1 did not finish in time."_s.arg(tool));
    }
    if (output)
        *output = QString::fromLocal8Bit(process.readAll());
    return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
}

Result<void> EmbeddedPostgres::initdb()
{
    if (!QDir().mkpath(m_clusterDir))
        return fail(u"Cannot create the database folder %1."_s.arg(m_clusterDir));
    QFile::setPermissions(m_clusterDir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    if (m_asRoot && !changeOwner(m_clusterDir, m_uid, m_gid))
        return fail(u"Cannot hand the database folder %1 to the voxanne user."_s.arg(m_clusterDir));

    QString output;
    const auto code =
        runTool(u"initdb"_s,
                {u"--pgdata"_s, m_clusterDir, u"--username"_s, adminRole, u"--auth"_s, u"trust"_s,
                 u"--encoding"_s, u"UTF8"_s, u"--locale"_s, u"C.UTF-8"_s, u"--no-instructions"_s},
                &output);
    if (!code)
        return code.error();
    if (*code != 0)
        return fail(u"initdb failed to create the database cluster in %1: %2"_s.arg(
            m_clusterDir, output.trimmed().right(600)));
    // Our settings live in their own file, rewritten at every start.
    QFile conf(QDir(m_clusterDir).filePath(u"postgresql.conf"_s));
    if (!conf.open(QIODevice::Append))
        return fail(u"Cannot extend %1."_s.arg(conf.fileName()));
    conf.write("\ninclude_if_exists = 'voxanne.conf'\n");
    log::info("postgres", u"Created a new database cluster."_s, {{u"dir"_s, m_clusterDir}});
    return {};
}

bool EmbeddedPostgres::pgCtlSaysRunning()
{
    const auto code =
        runTool(u"pg_ctl"_s, {u"status"_s, u"--pgdata"_s, m_clusterDir}, nullptr, 15000);
    return code && *code == 0;
}

QString EmbeddedPostgres::logFile() const
{
    return QDir(m_clusterDir).filePath(u"server.log"_s);
}

ConnectionSettings EmbeddedPostgres::adminSettings(const QString &database) const
{
    ConnectionSettings s;
    s.host = m_socketDir;
    s.port = socketPort;
    s.user = adminRole;
    s.database = database;
    s.applicationName = u"voxanne-admin"_s;
    return s;
}

Result<ConnectionSettings> EmbeddedPostgres::start(const QString &database)
{
    if (!validDatabaseName(database))
        return fail(u"Invalid database name %1."_s.arg(database));
    auto bin = findBinDir();
    if (!bin)
        return bin.error();
    m_binDir = *bin;
    if (auto user = prepareRunAsUser(); !user)
        return user.error();

    if (!QFileInfo::exists(QDir(m_clusterDir).filePath(u"PG_VERSION"_s))) {
        if (auto created = initdb(); !created)
            return created.error();
    }

    // Settings for this start: no TCP at all, the socket in a folder only we can enter.
    QByteArray settings = "listen_addresses = ''\n"
                          "unix_socket_directories = '" +
                          m_socketDir.toUtf8() + "'\n" +
                          "unix_socket_permissions = 0700\n"
                          "port = " +
                          QByteArray::number(socketPort) +
                          "\n"
                          "max_connections = " +
                          QByteArray::number(m_options.maxConnections) + "\n";
    if (!m_options.durable)
        settings += "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n";
    const QString confPath = QDir(m_clusterDir).filePath(u"voxanne.conf"_s);
    QFile conf(confPath);
    if (!conf.open(QIODevice::WriteOnly | QIODevice::Truncate) || conf.write(settings) < 0)
        return fail(u"Cannot write %1."_s.arg(confPath));
    conf.close();
    if (m_asRoot)
        changeOwner(confPath, m_uid, m_gid);

    bool adopted = false;
    // Without a pid file nothing runs there, and asking pg_ctl would cost a process start.
    const QString pidFile = QDir(m_clusterDir).filePath(u"postmaster.pid"_s);
    if (QFileInfo::exists(pidFile) && pgCtlSaysRunning()) {
        // Left running by a process that was killed: use it if it answers.
        for (int i = 0; i < 20 && !adopted; ++i) {
            adopted = Connection::open(adminSettings()).ok();
            if (!adopted)
                QThread::msleep(250);
        }
        if (adopted)
            log::info("postgres", u"Adopted the database server left running by an earlier "
                                  "process."_s);
    }
    if (!adopted) {
        if (QFileInfo::exists(pidFile)) {
            log::warn("postgres", u"Removing a stale postmaster.pid left by a crash."_s);
            QFile::remove(pidFile);
        }
        QString output;
        const auto code = runTool(u"pg_ctl"_s,
                                  {u"start"_s, u"--pgdata"_s, m_clusterDir, u"--log"_s, logFile(),
                                   u"--wait"_s, u"--timeout"_s, u"60"_s},
                                  &output, 90000);
        if (!code)
            return code.error();
        if (*code != 0) {
            QFile logf(logFile());
            QString tail;
            if (logf.open(QIODevice::ReadOnly))
                tail = QString::fromLocal8Bit(logf.readAll()).right(800);
            return fail(u"PostgreSQL did not start (%1): %2 %3"_s.arg(
                m_clusterDir, output.trimmed().right(400), tail.trimmed()));
        }
    }
    m_running = true;

    // pg_ctl --wait returns once the postmaster is ready; a connection proves it.
    Result<std::unique_ptr<Connection>> probe = fail(u"not tried"_s);
    for (int i = 0; i < 40; ++i) {
        probe = Connection::open(adminSettings());
        if (probe)
            break;
        QThread::msleep(250);
    }
    if (!probe)
        return fail(
            u"PostgreSQL started but accepts no connections: %1"_s.arg(probe.errorMessage()));

    if (auto roles = bootstrapRoles(database); !roles)
        return roles.error();
    ConnectionSettings app = adminSettings(database);
    app.user = applicationRole;
    app.applicationName = u"voxanne-server"_s;
    return app;
}

Result<void> EmbeddedPostgres::bootstrapRoles(const QString &database)
{
    auto admin = Connection::open(adminSettings());
    if (!admin)
        return admin.error();
    // The application logs in as a non-superuser that owns its database and may switch to the
    // two roles RLS policies are written for.
    const Result<void> roles = (*admin)->execScript(
        "DO $$ BEGIN "
        "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'voxanne') THEN "
        "  CREATE ROLE voxanne LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE; END IF; "
        "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'authenticated') THEN "
        "  CREATE ROLE authenticated NOLOGIN; END IF; "
        "IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'service_role') THEN "
        "  CREATE ROLE service_role NOLOGIN; END IF; "
        "IF NOT pg_has_role('voxanne', 'authenticated', 'MEMBER') THEN "
        "  GRANT authenticated TO voxanne; END IF; "
        "IF NOT pg_has_role('voxanne', 'service_role', 'MEMBER') THEN "
        "  GRANT service_role TO voxanne; END IF; "
        "END $$;");
    if (!roles)
        return fail(u"Could not create the database roles: %1"_s.arg(roles.errorMessage()));
    auto created = createDatabase(database);
    if (!created)
        return created.error();
    return {};
}

Result<ConnectionSettings> EmbeddedPostgres::createDatabase(const QString &name, bool dropFirst)
{
    if (!validDatabaseName(name))
        return fail(u"Invalid database name %1."_s.arg(name));
    auto admin = Connection::open(adminSettings());
    if (!admin)
        return admin.error();
    if (dropFirst) {
        if (auto dropped = dropDatabase(name); !dropped)
            return dropped.error();
    }
    auto exists = (*admin)->exec("SELECT 1 FROM pg_database WHERE datname = $1", {name});
    if (!exists)
        return exists.error();
    if (exists->isEmpty()) {
        const Result<void> made = (*admin)->execScript("CREATE DATABASE " + name.toLatin1() +
                                                       " OWNER voxanne ENCODING 'UTF8'");
        if (!made && made.error().sqlstate != u"42P04") // created meanwhile by another process
            return fail(u"Could not create database %1: %2"_s.arg(name, made.errorMessage()));
    }
    ConnectionSettings app = adminSettings(name);
    app.user = applicationRole;
    app.applicationName = u"voxanne-server"_s;
    return app;
}

Result<void> EmbeddedPostgres::dropDatabase(const QString &name)
{
    if (!validDatabaseName(name))
        return fail(u"Invalid database name %1."_s.arg(name));
    auto admin = Connection::open(adminSettings());
    if (!admin)
        return admin.error();
    return (*admin)->execScript("DROP DATABASE IF EXISTS " + name.toLatin1() + " WITH (FORCE)");
}

Result<void> EmbeddedPostgres::stop()
{
    if (!m_running)
        return {};
    QString output;
    const auto code = runTool(u"pg_ctl"_s,
                              {u"stop"_s, u"--pgdata"_s, m_clusterDir, u"--mode"_s, u"fast"_s,
                               u"--wait"_s, u"--timeout"_s, u"60"_s},
                              &output, 90000);
    m_running = false;
    if (!code)
        return code.error();
    if (*code != 0 && pgCtlSaysRunning())
        return fail(u"PostgreSQL did not stop: %1"_s.arg(output.trimmed()));
    return {};
}

} // namespace vox::db
