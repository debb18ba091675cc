// Upgrades: a database created and filled by an earlier release's migrations takes the current
// ones with its data intact, and the server runs on it.
#include "seededclinics.h"
#include "server/db/migrator.h"
#include "testdatabase.h"
#include "testserver.h"

#include <QFile>
#include <QMap>
#include <QRegularExpression>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::db::Migrator;
namespace seeded = vox::test::seeded;

namespace {

// releases.txt: release -> its last migration, in the file's order.
QList<std::pair<QString, int>> releases()
{
    QList<std::pair<QString, int>> out;
    QFile file(QStringLiteral(VOXANNE_RELEASES_FILE));
    if (!file.open(QIODevice::ReadOnly))
        return out;
    static const QRegularExpression line(u"^(\\d+\\.\\d+\\.\\d+)\\s+(\\d{4})\\s*$"_s);
    for (const QByteArray &raw : file.readAll().split('\n')) {
        const auto match = line.match(QString::fromUtf8(raw));
        if (match.hasMatch())
            out.append({match.captured(1), match.captured(2).toInt()});
    }
    return out;
}

int lastMigrationOf(const QString &release)
{
    for (const auto &[name, last] : releases())
        if (name == release)
            return last;
    return 0;
}

} // namespace

class TestUpgrade : public QObject
{
    Q_OBJECT

private slots:
    void everyReleaseNamesAMigrationThatShips()
    {
        const auto listed = releases();
        QVERIFY2(listed.size() >= 2, "releases.txt lists 0.1.0 and the next release");
        const auto shipped = Migrator::load();
        QVERIFY(shipped.ok());
        QList<int> versions;
        for (const auto &m : *shipped)
            versions << m.version;
        int previous = 0;
        for (const auto &[release, last] : listed) {
            QVERIFY2(versions.contains(last),
                     qPrintable(u"%1 ends at migration %2, which is not shipped"_s.arg(release).arg(
                         last)));
            QVERIFY2(last > previous,
                     qPrintable(release + u" must end after the release before"_s));
            previous = last;
        }
        QCOMPARE(listed.constFirst().first, u"0.1.0"_s);
        QCOMPARE(listed.constFirst().second, 30);
        // The release being made (the product's own version) is the last line, and it holds
        // every migration shipped so far.
        QCOMPARE(listed.constLast().first, QStringLiteral(VOXANNE_VERSION));
        QCOMPARE(listed.constLast().second, versions.constLast());
    }

    void aFilledDatabaseOfRelease010UpgradesWithItsDataIntact()
    {
        vox::test::TestDatabase database(u"upgrade_010"_s, /*migrate=*/false);
        QVERIFY2(database.ok(), qPrintable(database.error()));
        auto conn = database.connect();
        auto admin = database.connectAsAdmin();
        QVERIFY(conn && admin);

        // 0.1.0 exactly: the shipped migrations up to its last one.
        const int last = lastMigrationOf(u"0.1.0"_s);
        QCOMPARE(last, 30);
        QList<Migrator::Migration> release010 = Migrator::load().value();
        release010.removeIf([last](const Migrator::Migration &m) { return m.version > last; });
        const auto built = Migrator(*conn, release010).migrate();
        QVERIFY2(built.ok(), qPrintable(built.ok() ? QString() : built.errorMessage()));
        QCOMPARE(built->constLast().version, 30);

        const QString seeded = seeded::seed(*admin);
        QVERIFY2(seeded.isEmpty(), qPrintable(seeded));
        // What 0.1.0 had, column by column: the upgrade may add, never lose or change.
        // (schema_migrations grows by design.)
        QMap<QString, QStringList> columns010 = seeded::columnsOf(*admin);
        columns010.remove(u"schema_migrations"_s);
        const QMap<QString, QString> before = seeded::fingerprints(*admin, columns010);
        for (const QString &table :
             {u"organizations"_s, u"profiles"_s, u"contacts"_s, u"call_logs"_s, u"appointments"_s,
              u"org_credentials"_s, u"jobs"_s})
            QVERIFY2(seeded::rowCount(before.value(table)) >= 2, qPrintable(table));

        const auto upgraded = Migrator(*conn, Migrator::load().value()).migrate();
        QVERIFY2(upgraded.ok(), qPrintable(upgraded.ok() ? QString() : upgraded.errorMessage()));
        QVERIFY(!upgraded->isEmpty());
        const auto status = Migrator(*conn, Migrator::load().value()).status();
        QVERIFY(status.ok() && status->current());

        const QMap<QString, QString> after = seeded::fingerprints(*admin, columns010);
        for (auto it = before.cbegin(); it != before.cend(); ++it)
            QVERIFY2(after.value(it.key()) == it.value(),
                     qPrintable(u"%1: %2 before the upgrade, %3 after"_s.arg(
                         it.key(), it.value(), after.value(it.key()))));

        // A few rows read back as the current code reads them.
        auto jobs = admin->exec("SELECT kind, status, locked_by FROM jobs ORDER BY id");
        QVERIFY(jobs.ok());
        QCOMPARE(jobs->rowCount(), 2);
        QCOMPARE(jobs->text(0, 1), u"queued"_s);
        QCOMPARE(jobs->text(1, 1), u"running"_s);
        QCOMPARE(jobs->text(1, 2), u"old-instance"_s);
        auto sealed = admin->exec("SELECT encode(ciphertext, 'hex'), key_id FROM org_credentials "
                                  "WHERE provider = 'twilio'");
        QVERIFY(sealed.ok());
        QCOMPARE(sealed->text(0, 0), u"0102030405060708090a"_s);
        auto booked = admin->exec(
            "SELECT a.status, c.name, l.appointment_id = a.id FROM appointments a "
            "JOIN contacts c ON c.id = a.contact_id JOIN call_logs l ON l.id = a.call_id "
            "WHERE a.source_tool_call_id = 'tool-call-maple-1'");
        QVERIFY(booked.ok());
        QCOMPARE(booked->rowCount(), 1);
        QCOMPARE(booked->text(0, 0), u"confirmed"_s);
        QCOMPARE(booked->text(0, 1), u"Ana Alvarez"_s);
        QVERIFY(booked->toBool(0, 2));

        // The current server starts on it, and each clinic signs in and sees its own contacts.
        vox::test::TestServer server(database);
        QVERIFY2(server.ok(), qPrintable(server.error()));
        QString why;
        const QString maple = seeded::signIn(server.url(), seeded::mapleOwner, &why);
        QVERIFY2(!maple.isEmpty(), qPrintable(why));
        const QByteArray mapleContacts = seeded::contactsSeenBy(server.url(), maple);
        QVERIFY2(mapleContacts.contains("Ana Alvarez") && !mapleContacts.contains("Carla Ruiz"),
                 mapleContacts.constData());
        const QString birch = seeded::signIn(server.url(), seeded::birchOwner, &why);
        QVERIFY2(!birch.isEmpty(), qPrintable(why));
        QVERIFY(seeded::contactsSeenBy(server.url(), birch).contains("Carla Ruiz"));
    }
};

QTEST_GUILESS_MAIN(TestUpgrade)
#include "tst_upgrade.moc"
