#include "server/db/backup.h"

#include "core/logging/log.h"
#include "server/db/connection.h"
#include "server/db/embeddedpostgres.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <cstdio>

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace vox::db {

namespace {

// Where ServerConfig keeps the secrets it generates for embedded mode.
const QString secretsFile = u"secrets.ini"_s;

// The tables that hold rows (what pg_dump and pg_restore report one by one).
constexpr const char *userTablesSql =
    "(SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
    " WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') "
    "   AND n.nspname NOT LIKE 'pg\\_toast%')";

// The connection goes to the tools through libpq's environment: a password on a command line is
// visible to every user of the machine.
QProcessEnvironment toolEnvironment(const ConnectionSettings &settings)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    for (const char *name : {"PGSERVICE", "PGSERVICEFILE", "PGOPTIONS", "PGPASSFILE"})
        env.remove(QString::fromLatin1(name));
    env.insert(u"PGHOST"_s, settings.host);
    env.insert(u"PGPORT"_s, settings.portText());
    if (!settings.targetSessionAttrs.isEmpty())
        env.insert(u"PGTARGETSESSIONATTRS"_s, settings.targetSessionAttrs);
    else
        env.remove(u"PGTARGETSESSIONATTRS"_s);
    env.insert(u"PGDATABASE"_s, settings.database);
    env.insert(u"PGCONNECT_TIMEOUT"_s, u"10"_s);
    env.insert(u"PGAPPNAME"_s, u"voxanne-backup"_s);
    if (!settings.user.isEmpty())
        env.insert(u"PGUSER"_s, settings.user);
    if (!settings.password.isEmpty())
        env.insert(u"PGPASSWORD"_s, settings.password);
    else
        env.remove(u"PGPASSWORD"_s);
    if (!settings.sslMode.isEmpty())
        env.insert(u"PGSSLMODE"_s, settings.sslMode);
    return env;
}

// Runs pg_dump or pg_restore to the end, counting the lines that report a table done (`marker`),
// and answers what went wrong in the tool's own words.
Result<void> runTool(const QString &binDir, const QString &tool, const QStringList &arguments,
                     const ConnectionSettings &settings, const QByteArray &marker, int total,
                     const Backup::Progress &progress)
{
    QProcess process;
    process.setProgram(QDir(binDir).filePath(tool));
    process.setArguments(arguments);
    process.setProcessEnvironment(toolEnvironment(settings));
    process.setStandardOutputFile(QProcess::nullDevice());
    process.start();
    if (!process.waitForStarted(10000))
        return fail(u"Could not start %1: %2"_s.arg(tool, process.errorString()));

    int done = 0;
    QStringList problems;
    QStringList lastLines;
    const auto readLines = [&] {
        while (process.canReadLine()) {
            const QByteArray line = process.readLine().trimmed();
            if (line.contains(marker)) {
                ++done;
                if (progress)
                    progress(std::min(done, total), total);
                continue;
            }
            const QString text = QString::fromLocal8Bit(line);
            const QString lower = text.toLower();
            if (lower.contains(u"error"_s) || lower.contains(u"fatal"_s) ||
                lower.contains(u"detail:"_s) || lower.contains(u"hint:"_s))
                problems << text;
            lastLines << text;
            if (lastLines.size() > 5)
                lastLines.removeFirst();
        }
    };
    process.setReadChannel(QProcess::StandardError);
    while (process.state() != QProcess::NotRunning) {
        process.waitForReadyRead(200);
        readLines();
    }
    process.waitForFinished(-1);
    readLines();
    if (const QByteArray rest = process.readAll().trimmed(); !rest.isEmpty())
        lastLines << QString::fromLocal8Bit(rest);

    if (process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0)
        return {};
    QString why = (problems.isEmpty() ? lastLines : problems).join(u"; "_s).right(800);
    if (why.isEmpty())
        why = u"exit status %1"_s.arg(process.exitCode());
    // The tools never print a password; this makes sure of it.
    if (!settings.password.isEmpty())
        why.replace(settings.password, u"***"_s);
    return fail(u"%1 failed: %2"_s.arg(tool, why));
}

// The folder holding pg_dump and pg_restore for the server behind `conn`.
Result<QString> clientBinDir(Connection &conn)
{
    auto version = conn.exec("SELECT current_setting('server_version_num')::int / 10000");
    if (!version)
        return version.error();
    return EmbeddedPostgres::findClientBinDir(int(version->toInt(0, 0)));
}

Result<void> syncToDisk(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadWrite) || ::fsync(file.handle()) != 0)
        return fail(u"Could not flush %1 to disk."_s.arg(path));
    return {};
}

} // namespace

Result<void> Backup::dump(const ConnectionSettings &source, const QString &file,
                          const Progress &progress)
{
    auto opened = Connection::open(source);
    if (!opened)
        return fail(u"Cannot connect to the database %1: %2"_s.arg(source.describe(),
                                                                   opened.errorMessage()));
    std::unique_ptr<Connection> conn = std::move(opened).value();
    auto role = conn->exec(QByteArray("SELECT rolsuper OR rolbypassrls, ") + userTablesSql +
                           ", to_regclass('public.schema_migrations') IS NOT NULL"
                           " FROM pg_roles WHERE rolname = current_user");
    if (!role)
        return role.error();
    if (!role->toBool(0, 0))
        return fail(
            u"The database role \"%1\" is subject to row-level security, so a dump as this role "
            "would stop or leave clinics' rows out. Back up as the PostgreSQL superuser or as a "
            "role with BYPASSRLS (see docs/operations.md, \"Backups\")."_s.arg(source.user));
    // A mistyped data folder or database name must not pass for a backup.
    if (!role->toBool(0, 2))
        return fail(u"The database %1 holds no Voxanne data (it has no schema_migrations table): "
                    "nothing to back up."_s.arg(source.describe()));
    const int tables = int(role->toInt(0, 1));
    auto binDir = clientBinDir(*conn);
    if (!binDir)
        return binDir.error();
    conn.reset(); // pg_dump takes its own snapshot; this connection has no reason to stay

    // Beside the target, so the final rename stays on one file system and is atomic.
    const QFileInfo target(file);
    if (target.fileName().isEmpty() || target.isDir())
        return fail(u"The backup must be written to a file, not %1."_s.arg(file));
    if (!target.absoluteDir().exists())
        return fail(
            u"Cannot write the backup: the folder %1 does not exist."_s.arg(target.absolutePath()));
    const QString partial =
        target.absoluteDir().filePath(u".%1.partial-%2"_s.arg(target.fileName()).arg(::getpid()));
    {
        // Every patient's data: readable by its owner only (pg_dump keeps the mode it finds).
        QFile probe(partial);
        if (!probe.open(QIODevice::WriteOnly | QIODevice::Truncate,
                        QFile::ReadOwner | QFile::WriteOwner))
            return fail(u"Cannot write the backup in %1: %2"_s.arg(target.absolutePath(),
                                                                   probe.errorString()));
        probe.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
    }
    const auto discard = [&](Error error) {
        QFile::remove(partial);
        return error;
    };

    log::info("backup", u"Backing up %1 tables of %2."_s.arg(tables).arg(source.describe()));
    auto dumped =
        runTool(*binDir, u"pg_dump"_s,
                {u"--format=custom"_s, u"--verbose"_s, u"--no-password"_s, u"--file"_s, partial},
                source, "dumping contents of table", tables, progress);
    if (!dumped)
        return discard(dumped.error());
    if (auto synced = syncToDisk(partial); !synced)
        return discard(synced.error());
    if (std::rename(QFile::encodeName(partial).constData(),
                    QFile::encodeName(target.absoluteFilePath()).constData()) != 0)
        return discard(Error{u"Could not move the finished backup to %1."_s.arg(file)});
    if (progress)
        progress(tables, tables);
    return {};
}

Result<void> Backup::restore(const QString &file, const ConnectionSettings &target,
                             const Progress &progress)
{
    if (!QFileInfo(file).isFile() || !QFileInfo(file).isReadable())
        return fail(u"Cannot read the backup %1."_s.arg(file));
    auto opened = Connection::open(target);
    if (!opened)
        return fail(u"Cannot connect to the database %1: %2"_s.arg(target.describe(),
                                                                   opened.errorMessage()));
    std::unique_ptr<Connection> conn = std::move(opened).value();
    auto state = conn->exec(
        QByteArray("SELECT ") + userTablesSql +
        ", (SELECT count(*) FROM pg_roles WHERE rolname IN ('authenticated', 'service_role') "
        "   AND pg_has_role(current_user, oid, 'MEMBER'))");
    if (!state)
        return state.error();
    if (const qint64 tables = state->toInt(0, 0); tables > 0)
        return fail(
            u"The database %1 already holds %2 tables: a backup is restored only into an "
            "empty database (create a new one) or a new data folder."_s.arg(target.describe())
                .arg(tables));
    if (state->toInt(0, 1) != 2)
        return fail(u"The roles \"authenticated\" and \"service_role\" must exist and be granted "
                    "to \"%1\" before a restore (row-level security is written for them): "
                    "CREATE ROLE authenticated NOLOGIN; CREATE ROLE service_role NOLOGIN; "
                    "GRANT authenticated, service_role TO %1;"_s.arg(target.user));
    auto binDir = clientBinDir(*conn);
    if (!binDir)
        return binDir.error();
    conn.reset();

    // The table of contents says how many tables carry rows, and proves the file is a dump.
    QProcess list;
    list.start(QDir(*binDir).filePath(u"pg_restore"_s), {u"--list"_s, file});
    if (!list.waitForFinished(120000) || list.exitStatus() != QProcess::NormalExit ||
        list.exitCode() != 0)
        return fail(u"%1 is not a backup that pg_restore can read: %2"_s.arg(
            file, QString::fromLocal8Bit(list.readAllStandardError()).trimmed().right(400)));
    const int tables = int(list.readAllStandardOutput().count(" TABLE DATA "));

    log::info("backup", u"Restoring %1 tables into %2."_s.arg(tables).arg(target.describe()));
    // Owners as the connecting role (--no-owner): the backup may come from a cluster whose roles
    // have other names; privileges stay, as row-level security needs them.
    auto restored =
        runTool(*binDir, u"pg_restore"_s,
                {u"--dbname"_s, target.database, u"--no-owner"_s, u"--single-transaction"_s,
                 u"--exit-on-error"_s, u"--verbose"_s, u"--no-password"_s, file},
                target, "processing data for table", tables, progress);
    if (!restored)
        return restored.error();
    if (progress)
        progress(tables, tables);
    return {};
}

Result<void> Backup::dumpEmbedded(const ConnectionSettings &superuser, const QString &dataDir,
                                  const QString &file, const Progress &progress)
{
    if (auto dumped = dump(superuser, file, progress); !dumped)
        return dumped;
    auto copied = copyPrivately(QDir(dataDir).filePath(secretsFile), secretsFileFor(file));
    if (!copied) {
        // Half a backup must not look like a whole one.
        QFile::remove(file);
        return copied;
    }
    return {};
}

Result<bool> Backup::restoreEmbedded(const QString &file, const ConnectionSettings &target,
                                     const QString &dataDir, const Progress &progress)
{
    if (auto restored = restore(file, target, progress); !restored)
        return restored.error();
    // The database was empty, so nothing is sealed yet with the key generated for this folder.
    const QString secrets = secretsFileFor(file);
    if (!QFileInfo::exists(secrets))
        return false;
    if (auto copied = copyPrivately(secrets, QDir(dataDir).filePath(secretsFile)); !copied)
        return copied.error();
    return true;
}

Result<void> Backup::copyPrivately(const QString &from, const QString &to)
{
    QFile source(from);
    if (!source.open(QIODevice::ReadOnly))
        return fail(u"Cannot read %1: %2"_s.arg(from, source.errorString()));
    const QString partial = to + u".partial"_s;
    QFile::remove(partial);
    QFile copy(partial);
    if (!copy.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner))
        return fail(u"Cannot write %1: %2"_s.arg(partial, copy.errorString()));
    const QByteArray content = source.readAll();
    if (copy.write(content) != content.size() || !copy.flush() || ::fsync(copy.handle()) != 0) {
        copy.remove();
        return fail(u"Cannot write %1: %2"_s.arg(partial, copy.errorString()));
    }
    copy.close();
    if (std::rename(QFile::encodeName(partial).constData(), QFile::encodeName(to).constData()) !=
        0) {
        QFile::remove(partial);
        return fail(u"Could not move %1 into place."_s.arg(to));
    }
    return {};
}

} // namespace vox::db
