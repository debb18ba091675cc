#include "server/db/migrator.h"
#include "testdatabase.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::db::Migrator;

namespace {
void writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(content);
}

bool tableExists(vox::db::Connection &c, const char *name)
{
    return c.exec("SELECT to_regclass($1) IS NOT NULL", {name})->toBool(0, 0);
}
} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT

private slots:
    void appliesInOrderOnceAndRecordsChecksums()
    {
        vox::test::TestDatabase database(u"migrations_order"_s, /*migrate=*/false);
        QVERIFY2(database.ok(), qPrintable(database.error()));
        QTemporaryDir dir;
        writeFile(dir.filePath(u"0001_first.sql"_s), "CREATE TABLE first (id int PRIMARY KEY);");
        writeFile(dir.filePath(u"0002_second.sql"_s),
                  "CREATE TABLE second (id int REFERENCES first (id));\n"
                  "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; $$;");
        auto conn = database.connect();
        QVERIFY(conn);
        Migrator migrator(*conn, Migrator::load(dir.path()).value());
        const auto applied = migrator.migrate();
        QVERIFY2(applied.ok(), qPrintable(applied.ok() ? QString() : applied.errorMessage()));
        QCOMPARE(applied->size(), 2);
        QVERIFY(tableExists(*conn, "second"));

        const auto again = migrator.migrate();
        QVERIFY(again.ok());
        QCOMPARE(again->size(), 0); // re-running is a no-op
        const auto rows =
            conn->exec("SELECT version, checksum FROM schema_migrations ORDER BY version");
        QCOMPARE(rows->rowCount(), 2);
        QCOMPARE(rows->text(0, 1).size(), 64);
    }

    void aFailingMigrationLeavesTheSchemaAsItWas()
    {
        vox::test::TestDatabase database(u"migrations_failure"_s, false);
        QVERIFY2(database.ok(), qPrintable(database.error()));
        QTemporaryDir dir;
        writeFile(dir.filePath(u"0001_good.sql"_s), "CREATE TABLE good (id int);");
        // The failure comes after statements that did work: they must be undone too.
        writeFile(dir.filePath(u"0002_bad.sql"_s),
                  "CREATE TABLE half (id int);\nINSERT INTO good VALUES (1);\n"
                  "SELECT 1/0;\nCREATE TABLE never (id int);");
        auto conn = database.connect();
        Migrator migrator(*conn, Migrator::load(dir.path()).value());
        const auto result = migrator.migrate();
        QVERIFY(!result.ok());
        QVERIFY2(result.errorMessage().contains(u"0002_bad.sql"_s),
                 qPrintable(result.errorMessage()));
        QVERIFY(result.errorMessage().contains(u"division by zero"_s));
        QVERIFY(tableExists(*conn, "good"));
        QVERIFY(!tableExists(*conn, "half"));
        QCOMPARE(conn->exec("SELECT count(*) FROM good")->toInt(0, 0), 0);
        const auto status = migrator.status();
        QVERIFY(status.ok());
        QCOMPARE(status->applied.size(), 1);
        QCOMPARE(status->pending.size(), 1);
        QVERIFY(!status->current());
    }

    void anEditedAppliedMigrationStopsStartUp()
    {
        vox::test::TestDatabase database(u"migrations_edit"_s, false);
        QVERIFY2(database.ok(), qPrintable(database.error()));
        QTemporaryDir dir;
        writeFile(dir.filePath(u"0001_first.sql"_s), "CREATE TABLE first (id int);");
        auto conn = database.connect();
        QVERIFY(Migrator(*conn, Migrator::load(dir.path()).value()).migrate().ok());

        writeFile(dir.filePath(u"0001_first.sql"_s), "CREATE TABLE first (id bigint);");
        const auto edited = Migrator(*conn, Migrator::load(dir.path()).value()).migrate();
        QVERIFY(!edited.ok());
        QVERIFY2(edited.errorMessage().contains(u"0001_first.sql was changed"_s),
                 qPrintable(edited.errorMessage()));
    }

    void rejectsBadlyNamedFiles()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(u"1_first.sql"_s), "SELECT 1;");
        const auto loaded = Migrator::load(dir.path());
        QVERIFY(!loaded.ok());
        QVERIFY(loaded.errorMessage().contains(u"NNNN_name.sql"_s));
    }

    void theShippedSchemaAppliesToAnEmptyDatabase()
    {
        vox::test::TestDatabase database(u"migrations_shipped"_s, true);
        QVERIFY2(database.ok(), qPrintable(database.error()));
        auto conn = database.connect();
        const auto status = Migrator(*conn, Migrator::load().value()).status();
        QVERIFY(status.ok());
        QVERIFY(status->current());
    }
};

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"
