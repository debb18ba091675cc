#pragma once

#include "core/result.h"
#include "server/db/connection.h"
#include "server/db/connectionsettings.h"

#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

namespace vox::db {

// Who a transaction runs as. Requests from the console run as `authenticated` with the caller's
// claims, so RLS confines them to their org; webhooks and jobs run as `service_role` and filter
// by org themselves.
struct Access
{
    enum class Role { Authenticated, Service };

    // An Access nobody chose sees nothing: the authenticated role with no clinic in its claims.
    // The service role's bypass of RLS is asked for by name, with service().
    Role role = Role::Authenticated;
    QString orgId;
    QString userId;
    QString userRole; // owner, admin, staff
    QString email;

    static Access service()
    {
        Access access;
        access.role = Role::Service;
        return access;
    }
    static Access user(QString orgId, QString userId, QString userRole, QString email = {});

    // The JWT-shaped claims RLS policies read through auth_org_id() / auth_uid().
    QByteArray claimsJson() const;
};

class Transaction
{
public:
    // `role` is the role the transaction was opened as, when whoever opened it knows it (code
    // that borrows another role inside a transaction gives it back before it returns).
    explicit Transaction(Connection &connection, std::optional<Access::Role> role = {})
        : m_connection(connection)
        , m_role(role)
    {}

    Result<PgResult> exec(const QByteArray &sql, const Params &params = {})
    {
        return m_connection.exec(sql, params);
    }
    Result<PgResult> execUncached(const QByteArray &sql, const Params &params = {})
    {
        return m_connection.execUncached(sql, params);
    }
    Connection &connection() { return m_connection; }
    std::optional<Access::Role> role() const { return m_role; }

private:
    Connection &m_connection;
    std::optional<Access::Role> m_role;
};

// The server's database: one connection per thread that asks, opened on first use and reopened
// after a failure. Each Database has its own connections, so several can live in one process.
class Database
{
public:
    explicit Database(ConnectionSettings settings);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const ConnectionSettings &settings() const { return m_settings; }

    // The calling thread's connection.
    Result<Connection *> connection();
    void closeThreadConnection();

    // The connections of every thread, for GET /metrics: open now, inside a transaction now,
    // and how many could not be opened or broke since start.
    struct PoolStats
    {
        int open = 0;
        int inUse = 0;
        quint64 errors = 0;
    };
    PoolStats poolStats() const;

    // Runs `work` in one transaction as `access`; commits when it returns a value, rolls back on
    // an error. Deadlocks and serialization failures are retried a few times. The error returned
    // is the one that stopped it (work's own, the commit's, or the connection's), so callers can
    // tell a database outage from a refusal.
    template<typename T>
    Result<T> transaction(const Access &access, const std::function<Result<T>(Transaction &)> &work)
    {
        std::optional<Result<T>> outcome;
        const Result<void> ran = runTransaction(access, [&](Transaction &tx) -> Result<void> {
            outcome = work(tx);
            if (!*outcome)
                return outcome->error();
            return {};
        });
        if (!ran)
            return ran.error();
        return std::move(*outcome);
    }

    // One statement in a transaction of its own as `access`: a read that needs nothing else.
    Result<PgResult> query(const Access &access, const QByteArray &sql, const Params &params = {})
    {
        return transaction<PgResult>(access, [&](Transaction &tx) { return tx.exec(sql, params); });
    }

private:
    Result<void> runTransaction(const Access &access,
                                const std::function<Result<void>(Transaction &)> &work);

    struct Counters
    {
        std::atomic<int> open{0};
        std::atomic<int> inUse{0};
        std::atomic<quint64> errors{0};
    };

    ConnectionSettings m_settings;
    quint64 m_id;
    // Shared with the threads' connections, which may outlive this object until their thread ends.
    std::shared_ptr<Counters> m_counters = std::make_shared<Counters>();
};

} // namespace vox::db
