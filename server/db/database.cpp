#include "server/db/database.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <unordered_map>

using namespace Qt::Literals::StringLiterals;

namespace vox::db {

namespace {

std::atomic<quint64> nextDatabaseId{1};

// Connections of the current thread, by Database id; closed when the thread ends.
std::unordered_map<quint64, std::unique_ptr<Connection>> &threadConnections()
{
    thread_local std::unordered_map<quint64, std::unique_ptr<Connection>> connections;
    return connections;
}

bool retryable(const Error &error)
{
    return error.sqlstate == sqlstate::deadlock || error.sqlstate == sqlstate::serializationFailure;
}

} // namespace

Access Access::user(QString orgId, QString userId, QString userRole, QString email)
{
    Access access;
    access.role = Role::Authenticated;
    access.orgId = std::move(orgId);
    access.userId = std::move(userId);
    access.userRole = std::move(userRole);
    access.email = std::move(email);
    return access;
}

QByteArray Access::claimsJson() const
{
    QJsonObject claims{{u"role"_s, role == Role::Service ? u"service_role"_s : u"authenticated"_s}};
    if (!userId.isEmpty())
        claims.insert(u"sub"_s, userId);
    if (!email.isEmpty())
        claims.insert(u"email"_s, email);
    QJsonObject app;
    if (!orgId.isEmpty())
        app.insert(u"org_id"_s, orgId);
    if (!userRole.isEmpty())
        app.insert(u"role"_s, userRole);
    claims.insert(u"app_metadata"_s, app);
    return QJsonDocument(claims).toJson(QJsonDocument::Compact);
}

Database::Database(ConnectionSettings settings)
    : m_settings(std::move(settings))
    , m_id(nextDatabaseId.fetch_add(1))
{}

Database::~Database()
{
    closeThreadConnection();
}

Result<Connection *> Database::connection()
{
    auto &connections = threadConnections();
    auto it = connections.find(m_id);
    if (it != connections.end() && !it->second->isBroken())
        return it->second.get();
    auto opened = Connection::open(m_settings);
    if (!opened)
        return opened.error();
    Connection *raw = opened->get();
    connections[m_id] = std::move(opened).value();
    return raw;
}

void Database::closeThreadConnection()
{
    threadConnections().erase(m_id);
}

Result<void> Database::runTransaction(const Access &access,
                                      const std::function<Result<void>(Transaction &)> &work)
{
    constexpr int attempts = 3;
    // What is answered if every attempt finds its connection broken before the work starts.
    Result<void> last =
        sqlstate::failed(u"The database connection was lost."_s, sqlstate::connectionFailure);
    for (int attempt = 0; attempt < attempts; ++attempt) {
        auto conn = connection();
        if (!conn)
            return conn.error();
        Connection &c = **conn;
        // One round trip opens the transaction and takes on the role and claims.
        const QByteArray role =
            access.role == Access::Role::Service ? "service_role" : "authenticated";
        const Result<void> begun = c.execScript("BEGIN; SELECT set_config('role', '" + role +
                                                "', true), set_config('request.jwt.claims', " +
                                                c.literal(access.claimsJson()) + ", true)");
        if (!begun) {
            (void)c.execScript("ROLLBACK");
            if (c.isBroken()) {
                // A connection that died while idle (a restart, a terminated backend): the
                // work has not started, so a fresh connection may try again.
                Error lost = begun.error();
                if (lost.sqlstate.isEmpty())
                    lost.sqlstate = sqlstate::connectionFailure;
                last = lost;
                closeThreadConnection();
                continue;
            }
            return begun.error();
        }
        Transaction tx(c, access.role);
        last = work(tx);
        if (last) {
            const Result<void> committed = c.execScript("COMMIT");
            if (committed)
                return {};
            last = committed.error();
        } else {
            (void)c.execScript("ROLLBACK");
        }
        if (c.isBroken())
            closeThreadConnection();
        if (!retryable(last.error()))
            return last;
    }
    return last;
}

} // namespace vox::db
