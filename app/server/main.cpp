// voxanne-server: the companion server and its operator subcommands.
#include "core/logging/log.h"
#include "core/logging/loglevels.h"
#include "core/unixsignals.h"
#include "server/config/serverconfig.h"
#include "server/db/backup.h"
#include "server/db/connection.h"
#include "server/db/database.h"
#include "server/db/datafolderlock.h"
#include "server/db/embeddedpostgres.h"
#include "server/db/migrator.h"
#include "server/server.h"
#include "server/services/credentialstore.h"
#include "server/services/livecalls.h"
#include "server/services/toolsync.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTextStream>

#include <cstdio>

#include <unistd.h>

using namespace Qt::Literals::StringLiterals;
using namespace vox;

namespace {

int failWith(const QString &message)
{
    QTextStream(stderr) << "voxanne-server: " << message << '\n';
    log::flush();
    return 1;
}

// Connection settings for admin subcommands: the URL, or the embedded cluster (started for the
// duration of the command if it is not running).
Result<db::ConnectionSettings> adminConnection(const server::ServerConfig &config,
                                               std::unique_ptr<db::EmbeddedPostgres> &cluster)
{
    if (!config.usesEmbeddedDatabase())
        return db::ConnectionSettings::fromUrl(config.databaseUrl);
    cluster = std::make_unique<db::EmbeddedPostgres>(
        db::EmbeddedPostgres::Options{QDir(config.dataDir).filePath(u"postgres"_s), true, 200});
    return cluster->start();
}

int runStatus(const server::ServerConfig &config)
{
    std::unique_ptr<db::EmbeddedPostgres> cluster;
    auto settings = adminConnection(config, cluster);
    if (!settings)
        return failWith(settings.errorMessage());
    auto conn = db::Connection::open(*settings);
    if (!conn)
        return failWith(conn.errorMessage());
    auto migrations = db::Migrator::load();
    if (!migrations)
        return failWith(migrations.errorMessage());
    db::Migrator migrator(**conn, *migrations);
    auto status = migrator.status();
    if (!status)
        return failWith(status.errorMessage());
    QTextStream out(stdout);
    out << "database: " << settings->describe() << " (PostgreSQL " << (*conn)->serverVersion()
        << ")\n";
    out << "mode: " << (config.isProduction() ? "production" : "embedded") << '\n';
    for (const auto &m : std::as_const(status->applied))
        out << "applied  " << m.name << '\n';
    for (const auto &m : std::as_const(status->pending))
        out << "pending  " << m.name << '\n';
    for (int v : std::as_const(status->unknown))
        out << "unknown  version " << v << " (applied by a newer voxanne-server)\n";
    out << (status->current() ? "schema is current\n" : "schema needs `voxanne-server migrate`\n");
    return status->current() ? 0 : 3;
}

int runMigrate(const server::ServerConfig &config)
{
    std::unique_ptr<db::EmbeddedPostgres> cluster;
    auto settings = adminConnection(config, cluster);
    if (!settings)
        return failWith(settings.errorMessage());
    auto applied = server::migrateDatabase(*settings);
    if (!applied)
        return failWith(applied.errorMessage());
    QTextStream out(stdout);
    if (applied->isEmpty())
        out << "nothing to apply: the schema is current\n";
    for (const QString &name : std::as_const(*applied))
        out << "applied " << name << '\n';
    return 0;
}

// `tools check [--fix]`: our Vapi tools, Vapi's tool list and every clinic's assistant compared
// (and, with --fix, put right: Vapi's native calendar tools and stale copies of ours deleted, every
// clinic synced again). Exit status 0 when nothing is wrong.
int runToolsCheck(const server::ServerConfig &config, bool fix)
{
    // A server may be using the embedded cluster right now: leave it running if it was.
    const bool clusterWasRunning =
        config.usesEmbeddedDatabase() &&
        QFile::exists(QDir(config.dataDir).filePath(u"postgres/postmaster.pid"_s));
    std::unique_ptr<db::EmbeddedPostgres> cluster;
    auto settings = adminConnection(config, cluster);
    if (!settings)
        return failWith(settings.errorMessage());
    if (cluster && clusterWasRunning)
        cluster->detach();
    {
        // A check changes no schema: it needs the current one.
        auto conn = db::Connection::open(*settings);
        if (!conn)
            return failWith(conn.errorMessage());
        auto migrations = db::Migrator::load();
        if (!migrations)
            return failWith(migrations.errorMessage());
        db::Migrator migrator(**conn, *migrations);
        auto status = migrator.status();
        if (!status)
            return failWith(status.errorMessage());
        if (!status->current())
            return failWith(u"The database schema is not current: run `voxanne-server migrate` "
                            "first."_s);
    }
    auto keys = crypto::KeyRing::fromBase64(config.encryptionKey, config.previousEncryptionKeys);
    if (!keys)
        return failWith(keys.errorMessage());
    db::Database database(*settings);
    server::jobs::JobRunner runner(database, u"tools-check"_s, {}); // never started
    server::AppContext app{config, database, *keys, runner,
                           server::providers::RetryPolicy{config.providerRetryDelaysMs}};
    server::ToolSync sync(app);
    auto report = sync.check(fix);
    if (!report)
        return failWith(report.errorMessage());
    QTextStream out(stdout);
    for (const QString &line : std::as_const(report->lines))
        out << line << '\n';
    if (report->problems == 0)
        out << "no problems\n";
    else
        out << report->problems << " problem(s)" << (fix ? "" : "; run with --fix") << '\n';
    out.flush();
    database.closeThreadConnection();
    return report->problems == 0 ? 0 : 1;
}

// Key rotation: with the new key as ENCRYPTION_KEY and the old one in ENCRYPTION_KEYS_PREVIOUS,
// every stored credential is opened and sealed again under the new key.
int runCredentials(const server::ServerConfig &config, const QString &action)
{
    if (action != u"reencrypt")
        return failWith(u"usage: voxanne-server credentials reencrypt"_s);
    auto ring = crypto::KeyRing::fromBase64(config.encryptionKey, config.previousEncryptionKeys);
    if (!ring)
        return failWith(ring.errorMessage());
    std::unique_ptr<db::EmbeddedPostgres> cluster;
    auto settings = adminConnection(config, cluster);
    if (!settings)
        return failWith(settings.errorMessage());
    if (auto applied = server::migrateDatabase(*settings); !applied)
        return failWith(applied.errorMessage());
    db::Database database(*settings);
    auto rewritten = server::CredentialStore(*ring).reencryptAll(database);
    auto monitors = rewritten ? server::LiveCalls::reencryptMonitors(database, *ring)
                              : Result<int>(rewritten.error());
    database.closeThreadConnection();
    if (!monitors)
        return failWith(monitors.errorMessage());
    QTextStream(stdout) << "re-encrypted " << *rewritten << " credential(s) and the monitor "
                        << "addresses of " << *monitors << " live call(s) under key "
                        << ring->currentKeyId() << '\n';
    return 0;
}

// A line per tenth of the tables, so a long backup shows it is moving.
db::Backup::Progress printProgress(const char *verb)
{
    return [verb, lastTenth = -1](int done, int total) mutable {
        const int tenth = total > 0 ? done * 10 / total : 10;
        if (tenth == lastTenth)
            return;
        lastTenth = tenth;
        QTextStream(stdout) << verb << ' ' << done << '/' << total << " tables\n";
    };
}

// `backup FILE`: every clinic's rows, as a role that row-level security does not filter: the
// embedded cluster's superuser, or the database URL's role (refused unless it bypasses RLS).
int runBackup(const server::ServerConfig &config, const QString &file)
{
    if (file.isEmpty())
        return failWith(u"usage: voxanne-server backup FILE"_s);
    if (!config.usesEmbeddedDatabase()) {
        auto settings = db::ConnectionSettings::fromUrl(config.databaseUrl);
        if (!settings)
            return failWith(settings.errorMessage());
        if (auto dumped = db::Backup::dump(*settings, file, printProgress("backed up")); !dumped)
            return failWith(u"The backup failed, no file was written: "_s + dumped.errorMessage());
        QTextStream(stdout) << "backup written to " << file << '\n';
        return 0;
    }
    // A typo in --data-dir must not back up a brand-new empty cluster.
    if (!QFileInfo::exists(QDir(config.dataDir).filePath(u"postgres"_s)) && ::geteuid() != 0)
        return failWith(u"There is no embedded database in %1."_s.arg(config.dataDir));
    // A running server keeps its cluster: a dump is one consistent snapshot while it serves.
    const bool clusterWasRunning =
        QFile::exists(QDir(config.dataDir).filePath(u"postgres/postmaster.pid"_s));
    std::unique_ptr<db::EmbeddedPostgres> cluster;
    auto settings = adminConnection(config, cluster);
    if (!settings)
        return failWith(settings.errorMessage());
    if (clusterWasRunning)
        cluster->detach();
    auto dumped = db::Backup::dumpEmbedded(cluster->adminSettings(settings->database),
                                           config.dataDir, file, printProgress("backed up"));
    if (!dumped)
        return failWith(u"The backup failed, no file was written: "_s + dumped.errorMessage());
    QTextStream(stdout) << "backup written to " << file << " and its secrets to "
                        << db::Backup::secretsFileFor(file)
                        << " (keep both; the second holds the key to stored credentials)\n";
    return 0;
}

// `restore FILE`: into an empty database (URL) or a new data folder, then the schema is checked
// as `status` checks it.
int runRestore(const server::ServerConfig &config, const QString &file)
{
    if (file.isEmpty())
        return failWith(u"usage: voxanne-server restore FILE"_s);
    std::unique_ptr<db::DataFolderLock> lock;
    if (config.usesEmbeddedDatabase()) {
        auto locked = db::DataFolderLock::acquire(config.dataDir);
        if (!locked)
            return failWith(locked.errorMessage());
        lock = std::move(locked).value();
    }
    std::unique_ptr<db::EmbeddedPostgres> cluster;
    auto settings = adminConnection(config, cluster);
    if (!settings)
        return failWith(settings.errorMessage());
    QTextStream out(stdout);
    if (cluster) {
        auto restored =
            db::Backup::restoreEmbedded(file, *settings, config.dataDir, printProgress("restored"));
        if (!restored)
            return failWith(u"The restore failed: "_s + restored.errorMessage());
        if (!*restored)
            out << "warning: " << db::Backup::secretsFileFor(file)
                << " was not found: stored provider credentials cannot be opened until clinics "
                   "reconnect Twilio and Google\n";
    } else if (auto restored = db::Backup::restore(file, *settings, printProgress("restored"));
               !restored) {
        return failWith(u"The restore failed: "_s + restored.errorMessage());
    }
    out << "restored " << file << " into " << settings->describe() << '\n';
    out.flush();
    cluster.reset(); // stops it: status starts its own, as it would on any later day
    return runStatus(config);
}

int runServe(QCoreApplication &app, const server::ServerConfig &config)
{
    server::Server server(config);
    if (auto started = server.start(); !started)
        return failWith(started.errorMessage());
    // The stop on TERM is in place before anyone is told the server is up: a supervisor (or a
    // test) that sends TERM as soon as it reads the line below would otherwise kill the process
    // by the signal's default action, leaving its PostgreSQL running.
    UnixSignals unixSignals;
    QObject::connect(&unixSignals, &UnixSignals::terminationRequested, &app, [&](int number) {
        log::info("server", u"Shutting down (signal %1)."_s.arg(number));
        server.stop();
        app.quit();
    });
    // The one line scripts and the console wait for.
    std::fprintf(stdout, "listening on %s\n", qPrintable(server.url()));
    std::fflush(stdout);
    const int code = app.exec();
    server.stop();
    log::flush();
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(u"Voxanne"_s);
    QCoreApplication::setApplicationName(u"voxanne-server"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(VOXANNE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Voxanne companion server: Vapi webhooks and tools, the console's API and live events.\n\n"
        "Commands:\n"
        "  serve          run the server (default)\n"
        "  migrate        apply pending database migrations and exit\n"
        "  status         show the database and its migrations\n"
        "  backup FILE    write every clinic's data to FILE (pg_dump custom format; in embedded\n"
        "                 mode also FILE.secrets.ini, the generated keys)\n"
        "  restore FILE   restore a backup into an empty database or a new data folder\n"
        "  tools check    compare our Vapi tools with Vapi and every assistant (--fix repairs)\n"
        "  credentials reencrypt\n"
        "                 seal every stored provider credential again under ENCRYPTION_KEY\n"
        "                 (the old key given in ENCRYPTION_KEYS_PREVIOUS)\n\n"
        "Every option can also be given as the environment variable in brackets, or as that key "
        "in the INI config file; flags win over the environment, which wins over the file."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(
        u"command"_s, u"serve, migrate, status, backup, restore, tools check or credentials"_s,
        u"[command]"_s);
    const QCommandLineOption fixOption(u"fix"_s,
                                       u"With `tools check`: repair what the check finds."_s);
    parser.addOption(fixOption);
    server::ServerConfig::describe(parser);
    parser.process(app);

    const QStringList positional = parser.positionalArguments();
    const QString command = positional.value(0, u"serve"_s);

    const QString defaultDataDir =
        QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    auto config = server::ServerConfig::load(parser, defaultDataDir);
    if (!config)
        return failWith(config.errorMessage());
    // resolve() has checked the levels: a bad value never gets this far.
    const auto levels = log::parseLevels(config->logLevel);
    log::setupStderr(levels ? *levels : log::Levels{});
    log::installQtMessageHandler();
    for (const QString &secret : config->secrets())
        log::registerSecret(secret);

    if (command == u"serve")
        return runServe(app, *config);
    if (command == u"migrate")
        return runMigrate(*config);
    if (command == u"status")
        return runStatus(*config);
    if (command == u"backup")
        return runBackup(*config, positional.value(1));
    if (command == u"restore")
        return runRestore(*config, positional.value(1));
    if (command == u"tools") {
        if (positional.value(1) != u"check")
            return failWith(u"usage: voxanne-server tools check [--fix]"_s);
        return runToolsCheck(*config, parser.isSet(fixOption));
    }
    if (command == u"credentials")
        return runCredentials(*config, positional.value(1));
    return failWith(u"unknown command \"%1\" (try --help)"_s.arg(command));
}
