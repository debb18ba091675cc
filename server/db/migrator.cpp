#include "server/db/migrator.h"

#include "core/crypto/digest.h"
#include "core/logging/log.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QRegularExpression>
#include <QScopeGuard>

using namespace Qt::Literals::StringLiterals;

namespace vox::db {

namespace {

// Any number; it only has to be the same for every instance of voxanne-server.
constexpr qint64 migrationLockKey = 0x766f78616e6e65; // "voxanne"

} // namespace

Result<QList<Migrator::Migration>> Migrator::load(const QString &directory)
{
    static const QRegularExpression pattern(u"^(\\d{4})_([a-z0-9_]+)\\.sql$"_s);
    QList<Migration> migrations;
    const QStringList files = QDir(directory).entryList({u"*.sql"_s}, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const auto match = pattern.match(file);
        if (!match.hasMatch())
            return fail(u"Migration file %1 is not named NNNN_name.sql."_s.arg(file));
        QFile f(QDir(directory).filePath(file));
        if (!f.open(QIODevice::ReadOnly))
            return fail(u"Cannot read migration %1."_s.arg(file));
        Migration m;
        m.version = match.captured(1).toInt();
        m.name = file;
        m.sql = f.readAll();
        m.checksum = QString::fromLatin1(crypto::sha256(m.sql).toHex());
        if (!migrations.isEmpty() && migrations.constLast().version == m.version)
            return fail(u"Two migrations share version %1."_s.arg(m.version));
        migrations.append(m);
    }
    if (migrations.isEmpty())
        return fail(u"No migrations found in %1."_s.arg(directory));
    return migrations;
}

Result<void> Migrator::ensureTable()
{
    return m_connection.execScript("CREATE TABLE IF NOT EXISTS schema_migrations ("
                                   " version integer PRIMARY KEY,"
                                   " name text NOT NULL,"
                                   " checksum text NOT NULL,"
                                   " applied_at timestamptz NOT NULL DEFAULT now())");
}

Result<Migrator::Status> Migrator::status()
{
    auto exists = m_connection.exec("SELECT to_regclass('schema_migrations') IS NOT NULL");
    if (!exists)
        return exists.error();
    QHash<int, std::pair<QString, QString>> applied; // version -> (name, checksum)
    if (exists->toBool(0, 0)) {
        auto rows = m_connection.exec("SELECT version, name, checksum FROM schema_migrations "
                                      "ORDER BY version");
        if (!rows)
            return rows.error();
        for (int r = 0; r < rows->rowCount(); ++r)
            applied.insert(int(rows->toInt(r, 0)), {rows->text(r, 1), rows->text(r, 2)});
    }
    Status status;
    for (const Migration &m : std::as_const(m_migrations)) {
        const auto it = applied.constFind(m.version);
        if (it == applied.cend()) {
            status.pending.append(m);
            continue;
        }
        if (it->second != m.checksum) {
            return fail(u"Migration %1 was changed after it was applied to this database "
                        "(checksum %2 in the database, %3 in this program). Applied migrations "
                        "must never be edited: restore the file and add a new migration."_s.arg(
                            m.name, it->second.left(12), m.checksum.left(12)));
        }
        status.applied.append(m);
        applied.erase(it);
    }
    status.unknown = applied.keys();
    std::sort(status.unknown.begin(), status.unknown.end());
    return status;
}

Result<QList<Migrator::Migration>> Migrator::migrate()
{
    auto locked = m_connection.exec("SELECT pg_advisory_lock($1)", {migrationLockKey});
    if (!locked)
        return locked.error();
    const auto unlock = qScopeGuard(
        [this] { (void)m_connection.exec("SELECT pg_advisory_unlock($1)", {migrationLockKey}); });

    if (auto table = ensureTable(); !table)
        return table.error();
    auto current = status();
    if (!current)
        return current.error();

    QList<Migration> done;
    for (const Migration &m : std::as_const(current->pending)) {
        const Result<void> begun = m_connection.execScript("BEGIN");
        Result<void> applied = begun ? m_connection.execScript(m.sql) : begun;
        if (applied) {
            auto recorded = m_connection.exec(
                "INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)",
                {m.version, m.name, m.checksum});
            if (!recorded)
                applied = recorded.error();
        }
        if (applied)
            applied = m_connection.execScript("COMMIT");
        if (!applied) {
            (void)m_connection.execScript("ROLLBACK");
            Error failed = applied.error();
            failed.message = u"Migration %1 failed and was rolled back; the schema is unchanged "
                             "by it: %2"_s.arg(m.name, applied.errorMessage());
            return failed;
        }
        log::info("migrations", u"Applied migration %1."_s.arg(m.name));
        done.append(m);
    }
    return done;
}

} // namespace vox::db
