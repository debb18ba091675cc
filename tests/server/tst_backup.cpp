// Backups that restore: every clinic's rows out and back, the server running on the result, and
// a failed backup that leaves nothing behind (or the previous backup untouched).
#include "seededclinics.h"
#include "server/db/backup.h"
#include "server/db/migrator.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using vox::db::Backup;
using vox::db::Migrator;
namespace seeded = vox::test::seeded;

namespace {

QByteArray contentOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

// Files a failed backup might have left in `dir`, other than `keep`.
QStringList leftovers(const QString &dir, const QStringList &keep = {})
{
    QStringList files = QDir(dir).entryList(QDir::Files | QDir::Hidden);
    for (const QString &kept : keep)
        files.removeAll(kept);
    return files;
}

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// voxanne-server with `environment` on top of this process's, minus any database URL.
Run voxanneServer(const QStringList &arguments, const QHash<QString, QString> &environment = {})
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"VOXANNE_DATABASE_URL"_s);
    env.remove(u"VOXANNE_DATA_DIR"_s);
    env.insert(u"VOXANNE_LOG_LEVEL"_s, u"error"_s);
    for (auto it = environment.cbegin(); it != environment.cend(); ++it)
        env.insert(it.key(), it.value());
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(VOXANNE_BINARY_DIR) + u"/app/voxanne-server"_s, arguments);
    process.waitForFinished(180000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace

class TestBackup : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<vox::test::TestDatabase> m_source;
    QTemporaryDir m_files;
    QString m_backup; // the source's backup, made once

private slots:
    void initTestCase()
    {
        QVERIFY(m_files.isValid());
        m_source = std::make_unique<vox::test::TestDatabase>(u"backup_source"_s);
        QVERIFY2(m_source->ok(), qPrintable(m_source->error()));
        const QString seeded = seeded::seed(*m_source->connectAsAdmin());
        QVERIFY2(seeded.isEmpty(), qPrintable(seeded));
    }

    void aBackupAsTheSuperuserHoldsEveryClinic()
    {
        m_backup = m_files.filePath(u"clinics.dump"_s);
        QList<std::pair<int, int>> steps;
        const auto dumped = Backup::dump(m_source->cluster().adminSettings(m_source->name()),
                                         m_backup, [&](int done, int total) {
                                             steps.append({done, total});
                                         });
        QVERIFY2(dumped.ok(), qPrintable(dumped.ok() ? QString() : dumped.errorMessage()));
        QVERIFY(QFileInfo(m_backup).size() > 0);
        // Every patient's data: its owner's eyes only.
        QVERIFY(!(QFileInfo(m_backup).permissions() & (QFile::ReadGroup | QFile::ReadOther)));
        QCOMPARE(leftovers(m_files.path()), QStringList{u"clinics.dump"_s});
        // Progress counts up to every table.
        QVERIFY(steps.size() > 10);
        QCOMPARE(steps.constLast().first, steps.constLast().second);
    }

    void restoringIntoAnEmptyDatabaseBringsBackEveryRowAndTheServerRunsOnIt()
    {
        QVERIFY(QFileInfo::exists(m_backup));
        vox::test::TestDatabase target(u"backup_target"_s, /*migrate=*/false);
        QVERIFY2(target.ok(), qPrintable(target.error()));
        const auto restored = Backup::restore(m_backup, target.settings());
        QVERIFY2(restored.ok(), qPrintable(restored.ok() ? QString() : restored.errorMessage()));

        // Row counts and contents, table by table.
        auto sourceAdmin = m_source->connectAsAdmin();
        auto targetAdmin = target.connectAsAdmin();
        const auto columns = seeded::columnsOf(*sourceAdmin);
        QVERIFY(seeded::columnsOf(*targetAdmin) == columns);
        const auto expected = seeded::fingerprints(*sourceAdmin, columns);
        const auto actual = seeded::fingerprints(*targetAdmin, columns);
        for (auto it = expected.cbegin(); it != expected.cend(); ++it)
            QVERIFY2(actual.value(it.key()) == it.value(),
                     qPrintable(u"%1: %2 in the source, %3 restored"_s.arg(
                         it.key(), it.value(), actual.value(it.key()))));
        QCOMPARE(seeded::rowCount(actual.value(u"organizations"_s)), 2);
        QCOMPARE(seeded::rowCount(actual.value(u"call_logs"_s)), 3);
        QCOMPARE(seeded::rowCount(actual.value(u"appointments"_s)), 3);
        // A few rows read as such.
        auto contact = targetAdmin->exec(
            "SELECT name, phone, notes FROM contacts WHERE email = 'ana@example.org'");
        QVERIFY(contact.ok());
        QCOMPARE(contact->text(0, 0), u"Ana Alvarez"_s);
        QCOMPARE(contact->text(0, 1), u"+15125550111"_s);
        QCOMPARE(contact->text(0, 2), u"Prefers mornings"_s);
        auto sealed = targetAdmin->exec(
            "SELECT encode(ciphertext, 'hex') FROM org_credentials WHERE provider = 'google'");
        QVERIFY(sealed.ok());
        QCOMPARE(sealed->text(0, 0), u"deadbeef"_s);

        // What `voxanne-server status` checks.
        auto conn = target.connect();
        const auto status = Migrator(*conn, Migrator::load().value()).status();
        QVERIFY(status.ok());
        QVERIFY(status->current());

        // Row-level security came back with the rows: each clinic sees its own, and only that.
        vox::test::TestServer server(target);
        QVERIFY2(server.ok(), qPrintable(server.error()));
        QString why;
        const QString maple = seeded::signIn(server.url(), seeded::mapleOwner, &why);
        QVERIFY2(!maple.isEmpty(), qPrintable(why));
        const QByteArray seen = seeded::contactsSeenBy(server.url(), maple);
        QVERIFY2(seen.contains("Ben Brown") && !seen.contains("Carla Ruiz"), seen.constData());
        const QString birch = seeded::signIn(server.url(), seeded::birchOwner, &why);
        QVERIFY2(!birch.isEmpty(), qPrintable(why));
        QVERIFY(seeded::contactsSeenBy(server.url(), birch).contains("Carla Ruiz"));
    }

    void aRestoreRefusesADatabaseThatHoldsTables()
    {
        const auto refused = Backup::restore(m_backup, m_source->settings());
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorMessage().contains(u"restored only into an empty database"_s),
                 qPrintable(refused.errorMessage()));
    }

    void aRoleThatRowSecurityFiltersIsRefusedBeforeAnythingIsWritten()
    {
        // The application role: pg_dump as it is the documented command that failed half-way.
        const QString file = m_files.filePath(u"as-application.dump"_s);
        const auto refused = Backup::dump(m_source->settings(), file);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorMessage().contains(u"row-level security"_s),
                 qPrintable(refused.errorMessage()));
        QVERIFY(!QFileInfo::exists(file));
        QCOMPARE(leftovers(m_files.path()), QStringList{u"clinics.dump"_s});
    }

    void aBackupThatFailsHalfWayLeavesThePreviousOneUntouched()
    {
        // A role that may bypass row security but not read the tables: pg_dump starts writing,
        // then fails on the first table.
        const QString role = u"backup_no_rights_%1"_s.arg(QCoreApplication::applicationPid());
        auto admin = m_source->connectAsAdmin();
        QVERIFY(admin
                    ->execScript("DROP ROLE IF EXISTS " + role.toLatin1() + "; CREATE ROLE " +
                                 role.toLatin1() + " LOGIN BYPASSRLS")
                    .ok());
        const QString file = m_files.filePath(u"previous.dump"_s);
        {
            QFile previous(file);
            QVERIFY(previous.open(QIODevice::WriteOnly));
            previous.write("yesterday's backup");
        }
        auto settings = m_source->cluster().adminSettings(m_source->name());
        settings.user = role;
        const auto failed = Backup::dump(settings, file);
        (void)admin->execScript("DROP ROLE IF EXISTS " + role.toLatin1());
        QVERIFY(!failed.ok());
        QVERIFY2(failed.errorMessage().startsWith(u"pg_dump failed: "_s) &&
                     failed.errorMessage().contains(u"permission denied"_s),
                 qPrintable(failed.errorMessage()));
        QCOMPARE(contentOf(file), QByteArray("yesterday's backup"));
        QCOMPARE(leftovers(m_files.path(), {u"clinics.dump"_s}), QStringList{u"previous.dump"_s});
        QFile::remove(file);
    }

    void aStoppedDatabaseFailsClearlyWithoutAFileOrThePassword()
    {
        // Nothing listens in an empty folder: the database is as good as stopped.
        QTemporaryDir noServer;
        auto settings = m_source->cluster().adminSettings(m_source->name());
        settings.host = noServer.path();
        settings.password = u"Sup3r-Secret-Pa55"_s;
        const QString file = m_files.filePath(u"stopped.dump"_s);
        const auto failed = Backup::dump(settings, file);
        QVERIFY(!failed.ok());
        QVERIFY2(failed.errorMessage().startsWith(u"Cannot connect to the database"_s),
                 qPrintable(failed.errorMessage()));
        QVERIFY(!failed.errorMessage().contains(settings.password));
        QVERIFY(!QFileInfo::exists(file));
        QCOMPARE(leftovers(m_files.path()), QStringList{u"clinics.dump"_s});
    }

    void aDatabaseWithoutVoxanneDataIsNotTakenForABackup()
    {
        // What a mistyped data folder or database name leads to.
        vox::test::TestDatabase empty(u"backup_empty"_s, /*migrate=*/false);
        QVERIFY2(empty.ok(), qPrintable(empty.error()));
        const QString file = m_files.filePath(u"empty.dump"_s);
        const auto refused = Backup::dump(empty.cluster().adminSettings(empty.name()), file);
        QVERIFY(!refused.ok());
        QVERIFY2(refused.errorMessage().contains(u"holds no Voxanne data"_s),
                 qPrintable(refused.errorMessage()));
        QVERIFY(!QFileInfo::exists(file));
    }

    void aFolderThatCannotBeWrittenFailsBeforeTheDump()
    {
        const QString file = m_files.filePath(u"missing/folder/x.dump"_s);
        const auto failed = Backup::dump(m_source->cluster().adminSettings(m_source->name()), file);
        QVERIFY(!failed.ok());
        QVERIFY2(failed.errorMessage().contains(u"does not exist"_s),
                 qPrintable(failed.errorMessage()));
    }

    // The operator's commands end to end: a database URL whose role row security filters is
    // refused, and the backup role of the operations guide works; an embedded data folder restores
    // from a backup, backs up with its secrets, and a second folder restored from that runs with
    // the same keys.
    void theCommandsWorkForADatabaseUrlAndForDataFolders()
    {
        const QHash<QString, QString> production{
            {u"JWT_SECRET"_s, vox::test::TestServer::jwtSecret},
            {u"ENCRYPTION_KEY"_s, vox::test::TestServer::encryptionKey},
            {u"VAPI_WEBHOOK_SECRET"_s, vox::test::TestServer::webhookSecret},
            {u"VAPI_PRIVATE_KEY"_s, u"test-vapi-private-key"_s},
            {u"BACKEND_URL"_s, u"https://voxanne.example"_s}};
        auto withUrl = [&](const QString &url) {
            QHash<QString, QString> env = production;
            env.insert(u"VOXANNE_DATABASE_URL"_s, url);
            return env;
        };
        const QString refusedFile = m_files.filePath(u"url.dump"_s);
        const Run refused = voxanneServer({u"backup"_s, refusedFile}, withUrl(m_source->url()));
        QVERIFY2(refused.exitCode != 0, qPrintable(refused.out));
        QVERIFY2(refused.err.contains(u"no file was written"_s) &&
                     refused.err.contains(u"row-level security"_s),
                 qPrintable(refused.err));
        QVERIFY(!QFileInfo::exists(refusedFile));

        // The backup role operations.md has the operator create: BYPASSRLS, the owner's rights.
        const QString role = u"voxanne_backup_%1"_s.arg(QCoreApplication::applicationPid());
        auto admin = m_source->connectAsAdmin();
        QVERIFY(admin
                    ->execScript("DROP ROLE IF EXISTS " + role.toLatin1() + "; CREATE ROLE " +
                                 role.toLatin1() + " LOGIN BYPASSRLS IN ROLE voxanne")
                    .ok());
        QString roleUrl = m_source->url();
        roleUrl.replace(u"postgresql://voxanne@"_s, u"postgresql://%1@"_s.arg(role));
        const Run accepted = voxanneServer({u"backup"_s, refusedFile}, withUrl(roleUrl));
        (void)admin->execScript("DROP ROLE IF EXISTS " + role.toLatin1());
        QVERIFY2(accepted.exitCode == 0, qPrintable(accepted.out + accepted.err));
        vox::test::TestDatabase target(u"backup_url_target"_s, /*migrate=*/false);
        QVERIFY2(target.ok(), qPrintable(target.error()));
        const Run restoredUrl = voxanneServer({u"restore"_s, refusedFile}, withUrl(target.url()));
        QVERIFY2(restoredUrl.exitCode == 0, qPrintable(restoredUrl.out + restoredUrl.err));
        QVERIFY2(restoredUrl.out.contains(u"schema is current"_s), qPrintable(restoredUrl.out));
        const auto columns = seeded::columnsOf(*admin);
        QVERIFY(seeded::fingerprints(*target.connectAsAdmin(), columns) ==
                seeded::fingerprints(*admin, columns));

        // Data folders the embedded cluster's unprivileged user can reach when run as root.
        QTemporaryDir folders;
        QFile::setPermissions(folders.path(), QFile::ReadOwner | QFile::WriteOwner |
                                                  QFile::ExeOwner | QFile::ExeGroup |
                                                  QFile::ExeOther);
        const QString first = folders.filePath(u"first"_s);
        const QString second = folders.filePath(u"second"_s);
        const Run restored = voxanneServer({u"restore"_s, m_backup, u"--data-dir"_s, first});
        QVERIFY2(restored.exitCode == 0, qPrintable(restored.out + restored.err));
        QVERIFY2(restored.out.contains(u"schema is current"_s), qPrintable(restored.out));

        const QString backup = folders.filePath(u"first.dump"_s);
        const Run backedUp = voxanneServer({u"backup"_s, backup, u"--data-dir"_s, first});
        QVERIFY2(backedUp.exitCode == 0, qPrintable(backedUp.out + backedUp.err));
        QVERIFY(QFileInfo(backup).size() > 0);
        QCOMPARE(contentOf(Backup::secretsFileFor(backup)),
                 contentOf(QDir(first).filePath(u"secrets.ini"_s)));
        QVERIFY(!(QFileInfo(Backup::secretsFileFor(backup)).permissions() &
                  (QFile::ReadGroup | QFile::ReadOther)));

        const Run again = voxanneServer({u"restore"_s, backup, u"--data-dir"_s, second});
        QVERIFY2(again.exitCode == 0, qPrintable(again.out + again.err));
        QCOMPARE(contentOf(QDir(second).filePath(u"secrets.ini"_s)),
                 contentOf(QDir(first).filePath(u"secrets.ini"_s)));
        const Run status = voxanneServer({u"status"_s, u"--data-dir"_s, second});
        QVERIFY2(status.exitCode == 0, qPrintable(status.out + status.err));

        // The folder now holds a clinic: a second restore into it is refused.
        const Run twice = voxanneServer({u"restore"_s, backup, u"--data-dir"_s, second});
        QVERIFY(twice.exitCode != 0);
        QVERIFY2(twice.err.contains(u"already holds"_s), qPrintable(twice.err));
    }
};

QTEST_GUILESS_MAIN(TestBackup)
#include "tst_backup.moc"
