#pragma once

#include "core/result.h"
#include "server/db/database.h"

#include <QString>

namespace vox::server {

// A claim on one thing we keep at a provider (a clinic's Vapi assistant, one of our Vapi tools),
// so that requests on this instance or another change it one at a time. Provider calls are never
// made inside a database transaction: a transaction can be re-run after a serialization failure
// or fail to commit after the call went out, and either would send the call twice or lose what it
// created. So the claim is committed before the call (`acquire`), and the outcome is recorded in
// a transaction that also gives the claim back (`releaseWithin`), only if it is still ours.
// Destroying the lease gives it back too, whatever happened; one whose holder died is free at
// once (its database session is gone), and one whose holder hangs expires.
class ProviderLease final
{
public:
    struct Timing
    {
        int holdMs = 300000; // longer than the provider client's worst case, retries included
        int waitMs = 20000;  // how long to wait for another holder
        int pollMs = 50;
    };

    // Waits for the lease on `key`. An error coded "409" when another holder kept it all along;
    // the database's own error when it could not be asked.
    static Result<ProviderLease> acquire(db::Database &db, const QString &key, Timing timing);

    ProviderLease(ProviderLease &&other) noexcept;
    ProviderLease &operator=(ProviderLease &&) = delete;
    ProviderLease(const ProviderLease &) = delete;
    ProviderLease &operator=(const ProviderLease &) = delete;
    ~ProviderLease();

    // In the transaction that records the outcome (any role): gives the lease back, or fails
    // with "409" when it expired and another holder took it, so that their outcome is not
    // overwritten with ours.
    Result<void> releaseWithin(db::Transaction &tx) const;

    const QString &key() const { return m_key; }

    // The keys, in one place for everyone who writes the same thing.
    static QString assistantKey(const QString &agentId)
    {
        return QStringLiteral("vapi.assistant:") + agentId;
    }
    static QString toolKey(const QString &toolName)
    {
        return QStringLiteral("vapi.tool:") + toolName;
    }

private:
    ProviderLease(db::Database &db, QString key, QString token);

    db::Database *m_db;
    QString m_key;
    QString m_token;
};

} // namespace vox::server
