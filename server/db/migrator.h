#pragma once

#include "core/result.h"
#include "server/db/connection.h"

#include <QList>
#include <QString>

namespace vox::db {

// Numbered SQL files (resources/migrations/NNNN_name.sql, compiled in) applied in order, each in
// its own transaction, recorded in schema_migrations with a SHA-256 checksum. Re-running is a
// no-op; a changed applied file stops start-up; a failing file leaves the schema as it was.
// An advisory lock keeps two instances from migrating at once.
class Migrator
{
public:
    struct Migration
    {
        int version = 0;
        QString name;
        QByteArray sql;
        QString checksum;
    };

    struct Status
    {
        QList<Migration> applied;
        QList<Migration> pending;
        QList<int> unknown; // applied in the database but not known to this binary (newer)
        bool current() const { return pending.isEmpty(); }
    };

    // The compiled-in migrations (or those in `directory`, for tests), in order.
    static Result<QList<Migration>> load(const QString &directory = QStringLiteral(":/migrations"));

    explicit Migrator(Connection &connection, QList<Migration> migrations)
        : m_connection(connection)
        , m_migrations(std::move(migrations))
    {}

    Result<Status> status();
    // Applies what is pending; returns the migrations it applied.
    Result<QList<Migration>> migrate();

private:
    Result<void> ensureTable();

    Connection &m_connection;
    QList<Migration> m_migrations;
};

} // namespace vox::db
