#include "server/db/database.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <atomic>
#include <unordered_map>

using namespace Qt::Literals::StringLiterals;

namespace vox::db {

namespace {

std::atomic<quint64> nextDatabaseId{1};

// A thread's connection, counted as open for as long as it is held.
template<class Counters> struct HeldConnection
{
    HeldConnection(std::unique_ptr<Connection> c, std::shared_ptr<Counters> shared)
        : connection(std::move(c))
        , counters(std::move(shared))
    {
        this->counters->open.fetch_add(1, std::memory_order_relaxed);
    }
    ~HeldConnection() { counters->open.fetch_sub(1, std::memory_order_relaxed); }
    HeldConnection(const HeldConnection &) = delete;
    HeldConnection &operator=(const HeldConnection &) = delete;

    std::unique_ptr<Connection> connection;
    std::shared_ptr<Counters> counters;
};

// Counts a transaction in progress on its connection.
template<class Counters> class InUse
{
public:
    explicit InUse(Counters &counters)
        : m_counters(counters)
    {
        m_counters.inUse.fetch_add(1, std::memory_order_relaxed);
    }
    ~InUse() { m_counters.inUse.fetch_sub(1, std::memory_order_relaxed); }
    InUse(const InUse &) = delete;
    InUse &operator=(const InUse &) = delete;

private:
    Counters &m_counters;
};

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

namespace {

// Connections of the current thread, by Database id; closed when the thread ends.
template<class Counters>
std::unordered_map<quint64, std::unique_ptr<HeldConnection<Counters>>> &threadConnections()
{
    thread_local std::unordered_map<quint64, std::unique_ptr<HeldConnection<Counters>>> connections;
    return connections;
}

} // namespace

Database::~Database()
{
    closeThreadConnection();
}

Result<Connection *> Database::connection()
{
    auto &connections = threadConnections<Counters>();
    auto it = connections.find(m_id);
    if (it != connections.end() && !it->second->connection->isBroken())
        return it->second->connection.get();
    if (it != connections.end())
        m_counters->errors.fetch_add(1, std::memory_order_relaxed); // it broke
    auto opened = Connection::open(m_settings);
    if (!opened) {
        m_counters->errors.fetch_add(1, std::memory_order_relaxed);
        return opened.error();
    }
    Connection *raw = opened->get();
    connections[m_id] =
        std::make_unique<HeldConnection<Counters>>(std::move(opened).value(), m_counters);
    return raw;
}

void Database::closeThreadConnection()
{
    threadConnections<Counters>().erase(m_id);
}

Database::PoolStats Database::poolStats() const
{
    return {m_counters->open.load(std::memory_order_relaxed),
            m_counters->inUse.load(std::memory_order_relaxed),
            m_counters->errors.load(std::memory_order_relaxed)};
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
        const InUse<Counters> inUse(*m_counters);
        // BEGIN and the role and claims are held back to travel with the work's first
        // statement: one round trip for the three.
        const QByteArray role =
            access.role == Access::Role::Service ? "service_role" : "authenticated";
        c.holdOpening({{"BEGIN", {}},
                       {"SELECT set_config('role', $1, true), "
                        "set_config('request.jwt.claims', $2, true)",
                        {role, access.claimsJson()}}});
        Transaction tx(c, access.role);
        last = work(tx);
        const Connection::OpeningOutcome opening = c.releaseOpening();
        if (!opening.sent)
            return last; // the work ran no statement: nothing to commit or roll back
        if (opening.failed && c.isBroken()) {
            // A connection that died while idle (a restart, a terminated backend): nothing of
            // the work was committed, so a fresh connection may try again.
            Error lost = opening.error;
            if (lost.sqlstate.isEmpty())
                lost.sqlstate = sqlstate::connectionFailure;
            last = lost;
            m_counters->errors.fetch_add(1, std::memory_order_relaxed);
            closeThreadConnection();
            continue;
        }
        if (last) {
            const auto committed = c.exec("COMMIT"); // prepared once, like every statement
            if (committed)
                return {};
            last = committed.error();
        } else {
            (void)c.execScript("ROLLBACK");
        }
        if (c.isBroken()) {
            m_counters->errors.fetch_add(1, std::memory_order_relaxed);
            closeThreadConnection();
        }
        if (!retryable(last.error()))
            return last;
    }
    return last;
}

} // namespace vox::db
