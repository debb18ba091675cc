#pragma once

#include "server/db/connection.h"
#include "server/db/connectionsettings.h"
#include "server/db/embeddedpostgres.h"

#include <QString>

#include <memory>

namespace vox::test {

// A fresh, migrated database in the run's throwaway cluster (started by the CTest fixture, or
// by the first test that needs it when a test binary runs alone). Dropped on destruction.
class TestDatabase
{
public:
    // `name` is a short label; the database is <label>_<pid>.
    explicit TestDatabase(const QString &label, bool migrate = true);
    ~TestDatabase();

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    const db::ConnectionSettings &settings() const { return m_settings; }
    // postgresql://voxanne@/<db>?host=<socket folder>
    QString url() const;
    QString name() const { return m_settings.database; }

    // A new connection as the application role (RLS applies once a role is set).
    std::unique_ptr<db::Connection> connect() const;
    // As the cluster superuser, for setting up what the application may not do itself.
    std::unique_ptr<db::Connection> connectAsAdmin() const;

    db::EmbeddedPostgres &cluster() { return *m_cluster; }
    static QString clusterDir();

private:
    std::unique_ptr<db::EmbeddedPostgres> m_cluster;
    db::ConnectionSettings m_settings;
    QString m_error;
};

} // namespace vox::test
