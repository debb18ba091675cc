// The server's own PostgreSQL: created on first start, data kept across restarts, a cluster left
// running by a killed server adopted, a crash's stale postmaster.pid handled.
#include "server/db/connection.h"
#include "server/db/embeddedpostgres.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <csignal>

using namespace Qt::Literals::StringLiterals;
using vox::db::EmbeddedPostgres;

class TestEmbeddedPostgres : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_actualDir;

    EmbeddedPostgres::Options options() const { return {m_dir.filePath(u"pg"_s), false, 20}; }

    qint64 countRows(const vox::db::ConnectionSettings &settings)
    {
        auto conn = vox::db::Connection::open(settings);
        if (!conn)
            return -1;
        auto rows = (*conn)->exec("SELECT count(*) FROM kept");
        return rows ? rows->toInt(0, 0) : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // QTemporaryDir is private to its owner; PostgreSQL (an unprivileged user when the tests
        // run as root) must be able to enter it.
        QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                QFile::ExeGroup | QFile::ExeOther);
    }

    void createsStartsAndKeepsDataAcrossRestarts()
    {
        {
            EmbeddedPostgres pg(options());
            const auto settings = pg.start();
            QVERIFY2(settings.ok(),
                     qPrintable(settings.ok() ? QString() : settings.errorMessage()));
            m_actualDir = pg.clusterDir();
            QVERIFY(QFile::exists(QDir(pg.clusterDir()).filePath(u"PG_VERSION"_s)));
            auto conn = vox::db::Connection::open(*settings);
            QVERIFY(conn.ok());
            QVERIFY(
                (*conn)
                    ->execScript("CREATE TABLE kept (id int); INSERT INTO kept VALUES (1), (2);")
                    .ok());
            // The application role is not a superuser.
            QVERIFY(!(*conn)
                         ->exec("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
                         ->toBool(0, 0));
            QVERIFY(pg.stop().ok());
        }
        EmbeddedPostgres again(options());
        const auto settings = again.start();
        QVERIFY(settings.ok());
        QCOMPARE(countRows(*settings), 2);
        QVERIFY(again.stop().ok());
    }

    void listensOnNoTcpPort()
    {
        EmbeddedPostgres pg(options());
        const auto settings = pg.start();
        QVERIFY(settings.ok());
        auto conn = vox::db::Connection::open(*settings);
        QCOMPARE((*conn)->exec("SHOW listen_addresses")->text(0, 0), QString());
        QVERIFY(pg.stop().ok());
    }

    void adoptsAClusterLeftRunningByAKilledServer()
    {
        EmbeddedPostgres first(options());
        QVERIFY(first.start().ok());
        first.detach(); // as if the server had been killed with -9: PostgreSQL keeps running

        EmbeddedPostgres second(options());
        const auto settings = second.start();
        QVERIFY2(settings.ok(), qPrintable(settings.ok() ? QString() : settings.errorMessage()));
        QCOMPARE(countRows(*settings), 2);
        QVERIFY(second.stop().ok());
    }

    void recoversFromACrashWithAStalePidFile()
    {
        EmbeddedPostgres first(options());
        QVERIFY(first.start().ok());
        first.detach();
        QFile pidFile(QDir(first.clusterDir()).filePath(u"postmaster.pid"_s));
        QVERIFY(pidFile.open(QIODevice::ReadOnly));
        const qint64 pid = pidFile.readLine().trimmed().toLongLong();
        pidFile.close();
        QVERIFY(pid > 0);
        ::kill(pid_t(pid), SIGKILL); // the whole database "crashes"
        for (int i = 0; i < 50 && ::kill(pid_t(pid), 0) == 0; ++i)
            QThread::msleep(100);
        QVERIFY(QFile::exists(pidFile.fileName())); // left behind

        EmbeddedPostgres second(options());
        const auto settings = second.start();
        QVERIFY2(settings.ok(), qPrintable(settings.ok() ? QString() : settings.errorMessage()));
        QCOMPARE(countRows(*settings), 2);
        QVERIFY(second.stop().ok());
    }

    void saysWhatToInstallWhenPostgresIsMissing()
    {
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", "/nonexistent");
        const auto found = EmbeddedPostgres::findBinDir(u"/nonexistent/postgresql"_s);
        qputenv("PATH", path);
        QVERIFY(!found.ok());
        QVERIFY(found.errorMessage().contains(u"install postgresql"_s));
        QVERIFY(EmbeddedPostgres::findBinDir().ok());
    }

    // pg_dump refuses a server newer than itself: the server's own version, else the oldest newer.
    void picksTheDumpProgramsOfTheServersVersion_data()
    {
        QTest::addColumn<QStringList>("installed");
        QTest::addColumn<int>("serverMajor");
        QTest::addColumn<QString>("chosen"); // empty: none fits

        const QStringList three{u"13"_s, u"15"_s, u"16"_s};
        QTest::newRow("the same version") << three << 15 << u"15"_s;
        QTest::newRow("else the oldest newer one") << three << 14 << u"15"_s;
        QTest::newRow("the newest for the newest") << three << 16 << u"16"_s;
        QTest::newRow("never an older one") << three << 17 << QString();
        QTest::newRow("a folder without pg_restore does not count")
            << QStringList{u"15-partial"_s, u"16"_s} << 15 << u"16"_s;
    }

    void picksTheDumpProgramsOfTheServersVersion()
    {
        QFETCH(QStringList, installed);
        QFETCH(int, serverMajor);
        QFETCH(QString, chosen);
        QTemporaryDir root;
        for (const QString &entry : installed) {
            // "15-partial" is version 15's folder holding pg_dump only.
            const QString version = entry.section(u'-', 0, 0);
            const QString bin = root.filePath(version + u"/bin"_s);
            QVERIFY(QDir().mkpath(bin));
            QStringList tools{u"pg_dump"_s};
            if (!entry.endsWith(u"-partial"_s))
                tools << u"pg_restore"_s;
            for (const QString &tool : tools) {
                QFile program(QDir(bin).filePath(tool));
                QVERIFY(program.open(QIODevice::WriteOnly));
                program.setPermissions(QFile::ReadOwner | QFile::ExeOwner);
            }
        }
        const QByteArray override = qgetenv("VOXANNE_PG_BINDIR");
        qunsetenv("VOXANNE_PG_BINDIR");
        const auto found = EmbeddedPostgres::findClientBinDir(serverMajor, root.path());
        if (!override.isNull())
            qputenv("VOXANNE_PG_BINDIR", override);
        if (chosen.isEmpty()) {
            QVERIFY(!found.ok());
            QVERIFY2(found.errorMessage().contains(u"postgresql-client-%1"_s.arg(serverMajor)),
                     qPrintable(found.errorMessage()));
        } else {
            QVERIFY2(found.ok(), qPrintable(found.ok() ? QString() : found.errorMessage()));
            QCOMPARE(*found, root.filePath(chosen + u"/bin"_s));
        }
    }

    void cleanupTestCase()
    {
        if (!m_actualDir.isEmpty() && !m_actualDir.startsWith(m_dir.path()))
            QDir(m_actualDir).removeRecursively();
    }
};

QTEST_GUILESS_MAIN(TestEmbeddedPostgres)
#include "tst_embeddedpostgres.moc"
