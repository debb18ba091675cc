#pragma once

#include "core/result.h"
#include "server/db/database.h"
#include "server/db/listener.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QMutex>
#include <QObject>
#include <QString>

#include <atomic>

namespace vox::server {

// Whether a user may still act: an access token outlives a disabled (or deleted) account for up
// to its lifetime, so every token is checked against the account. The answer is cached per user
// and dropped the moment the database says the account changed (NOTIFY from a trigger on
// profiles, sent by whichever instance changed it). A cached answer also expires after `ttl`,
// which bounds the damage of a notification lost without the listener noticing; while LISTEN is
// down nothing is cached, so every check reads the database.
class AccountState final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AccountState)

public:
    // The channel the profiles trigger notifies, with the user's id as payload.
    static constexpr const char *channel = "voxanne_profile_state";
    static constexpr int defaultTtlMs = 60 * 1000;

    explicit AccountState(db::Database &db, int ttlMs = defaultTtlMs, QObject *parent = nullptr);
    ~AccountState() override;

    void start();
    void stop();

    // Ok while the user exists and is not disabled; otherwise a 401 with a sentence for the user.
    // Thread-safe: called from the request workers.
    Result<void> check(const QString &userId);
    // Drops what is cached about a user (this instance just changed them).
    void forget(const QString &userId);

    bool isListening() const { return m_listening.load(); }
    // Cached answers dropped because a notification named their user (for tests and metrics).
    int notifiedInvalidations() const { return m_notified.load(); }

Q_SIGNALS:
    // The database said this user changed (disabled, enabled, moved or deleted).
    void changed(const QString &userId);

private:
    struct Entry
    {
        bool exists = false;
        bool disabled = false;
        QDeadlineTimer freshUntil;
    };

    void onNotified(const QByteArray &payload);
    void clear();

    db::Database &m_db;
    const int m_ttlMs;
    db::Listener m_listener;
    std::atomic<bool> m_listening{false};
    std::atomic<int> m_notified{0};
    QMutex m_mutex;
    QHash<QString, Entry> m_cache;
    // Bumped by every invalidation: a lookup that began before one must not cache its answer.
    quint64 m_generation = 0;
};

} // namespace vox::server
