#include "testdatabase.h"

#include "server/server.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace vox::test {

QString TestDatabase::clusterDir()
{
    const QString fromEnv = qEnvironmentVariable("VOXANNE_TEST_PG_DIR");
    return fromEnv.isEmpty() ? QStringLiteral(VOXANNE_TEST_PG_DIR_DEFAULT) : fromEnv;
}

TestDatabase::TestDatabase(const QString &label, bool migrate)
{
    m_cluster = std::make_unique<db::EmbeddedPostgres>(
        db::EmbeddedPostgres::Options{clusterDir(), /*durable=*/false, 300});
    auto started = m_cluster->start(u"postgres"_s);
    if (!started) {
        m_error = started.errorMessage();
        return;
    }
    QString name = label.toLower() + u'_' + QString::number(QCoreApplication::applicationPid());
    name.replace(u'-', u'_');
    auto created = m_cluster->createDatabase(name, /*dropFirst=*/true);
    if (!created) {
        m_error = created.errorMessage();
        return;
    }
    m_settings = *created;
    if (migrate) {
        auto applied = server::migrateDatabase(m_settings);
        if (!applied)
            m_error = applied.errorMessage();
    }
}

TestDatabase::~TestDatabase()
{
    if (!m_settings.database.isEmpty())
        (void)m_cluster->dropDatabase(m_settings.database);
    // The cluster belongs to the whole run: leave it running for the other tests.
    m_cluster->detach();
}

QString TestDatabase::url() const
{
    return u"postgresql://%1@localhost/%2?host=%3"_s.arg(m_settings.user, m_settings.database,
                                                         m_settings.host);
}

std::unique_ptr<db::Connection> TestDatabase::connect() const
{
    auto conn = db::Connection::open(m_settings);
    return conn ? std::move(conn).value() : nullptr;
}

std::unique_ptr<db::Connection> TestDatabase::connectAsAdmin() const
{
    auto conn = db::Connection::open(m_cluster->adminSettings(m_settings.database));
    return conn ? std::move(conn).value() : nullptr;
}

} // namespace vox::test
