#include "server/services/providerlease.h"

#include "core/logging/log.h"

#include <QDeadlineTimer>
#include <QThread>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

ProviderLease::ProviderLease(db::Database &db, QString key, QString token)
    : m_db(&db)
    , m_key(std::move(key))
    , m_token(std::move(token))
{}

ProviderLease::ProviderLease(ProviderLease &&other) noexcept
    : m_db(std::exchange(other.m_db, nullptr))
    , m_key(std::move(other.m_key))
    , m_token(std::move(other.m_token))
{}

ProviderLease::~ProviderLease()
{
    if (!m_db)
        return;
    // Nothing to give back when the outcome's transaction already did; an expired lease that
    // another holder took is theirs, and the token keeps it so.
    auto released = m_db->query(db::Access::service(),
                                "DELETE FROM provider_leases WHERE key = $1 AND token = $2::uuid",
                                {m_key, m_token});
    if (!released)
        log::warn("lease", u"Could not give a provider lease back; it will expire."_s,
                  {{u"key"_s, m_key}, {u"error"_s, released.errorMessage()}});
}

Result<ProviderLease> ProviderLease::acquire(db::Database &db, const QString &key, Timing timing)
{
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const QDeadlineTimer deadline(timing.waitMs);
    for (;;) {
        // Its own short transaction: committed, so every instance sees the claim before the
        // provider is called. The holder keeps this thread's connection throughout, so a lease
        // whose session is gone was left by an instance that died.
        auto taken = db.query(
            db::Access::service(),
            "INSERT INTO provider_leases (key, token, holder_pid, expires_at) VALUES ($1, "
            "$2::uuid, pg_backend_pid(), now() + make_interval(secs => $3::int / 1000.0)) ON "
            "CONFLICT (key) DO UPDATE SET token = EXCLUDED.token, holder_pid = "
            "EXCLUDED.holder_pid, expires_at = EXCLUDED.expires_at WHERE "
            "provider_leases.expires_at <= now() OR NOT EXISTS (SELECT 1 FROM pg_stat_activity "
            "WHERE pid = provider_leases.holder_pid) RETURNING token",
            {key, token, QString::number(timing.holdMs)});
        if (!taken)
            return taken.error();
        if (!taken->isEmpty())
            return ProviderLease(db, key, token);
        if (deadline.hasExpired())
            return fail(u"Another change to the same thing at the provider is still in progress; "
                        "please try again in a moment."_s,
                        ErrorKind::Conflict, key);
        QThread::msleep(ulong(timing.pollMs));
    }
}

Result<void> ProviderLease::releaseWithin(db::Transaction &tx) const
{
    // Leases are the service role's; vox_release_provider_lease is the one door a console
    // request's transaction has to them, and the token is what it checks.
    auto released = tx.exec("SELECT vox_release_provider_lease($1, $2::uuid)", {m_key, m_token});
    if (!released)
        return released.error();
    if (!released->toBool(0, 0))
        return fail(u"Another change to the same thing at the provider took over while this one "
                    "was waiting for the provider; this one was not recorded."_s,
                    ErrorKind::Conflict, m_key);
    return {};
}

} // namespace vox::server
