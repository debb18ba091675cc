#include "server/services/accountstate.h"

#include "core/logging/log.h"
#include "server/http/jsonbody.h"
#include "server/http/response.h"

#include <QMutexLocker>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

AccountState::AccountState(db::Database &db, int ttlMs, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_ttlMs(ttlMs)
    , m_listener(db.settings(), channel)
{
    connect(&m_listener, &db::Listener::listening, this, [this] {
        // Whatever changed while nobody listened is unknown: start from the database.
        clear();
        m_listening.store(true);
    });
    connect(&m_listener, &db::Listener::lost, this, [this] {
        m_listening.store(false);
        clear();
        log::warn("auth", u"Account changes are not heard; every request reads the account "
                          "until they are."_s);
    });
    connect(&m_listener, &db::Listener::notified, this, &AccountState::onNotified);
}

AccountState::~AccountState()
{
    stop();
}

void AccountState::start()
{
    m_listener.start();
}

void AccountState::stop()
{
    m_listener.stop();
    m_listening.store(false);
    clear();
}

Result<void> AccountState::check(const QString &userId)
{
    const auto verdict = [](const Entry &e) -> Result<void> {
        if (!e.exists)
            return http::status::unauthorized(u"This account no longer exists; sign in again."_s);
        if (e.disabled)
            return http::status::unauthorized(
                u"This account has been disabled; ask the clinic's owner or an admin."_s);
        return {};
    };

    if (!http::isUuid(userId))
        return http::status::unauthorized(u"Your session is not valid; sign in again."_s);
    quint64 generation = 0;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_cache.constFind(userId);
        if (it != m_cache.cend() && !it->freshUntil.hasExpired())
            return verdict(*it);
        generation = m_generation;
    }
    const bool listening = m_listening.load();
    auto row = m_db.query(db::Access::service(),
                          "SELECT disabled FROM profiles WHERE id = $1::uuid", {userId});
    if (!row)
        return row.error();
    Entry entry;
    entry.exists = !row->isEmpty();
    entry.disabled = entry.exists && row->toBool(0, 0);
    entry.freshUntil = QDeadlineTimer(m_ttlMs);
    if (listening && m_listening.load()) {
        QMutexLocker lock(&m_mutex);
        if (generation == m_generation)
            m_cache.insert(userId, entry);
    }
    return verdict(entry);
}

void AccountState::forget(const QString &userId)
{
    QMutexLocker lock(&m_mutex);
    ++m_generation;
    m_cache.remove(userId);
}

void AccountState::onNotified(const QByteArray &payload)
{
    const QString userId = QString::fromLatin1(payload);
    forget(userId);
    m_notified.fetch_add(1);
    Q_EMIT changed(userId);
}

void AccountState::clear()
{
    QMutexLocker lock(&m_mutex);
    ++m_generation;
    m_cache.clear();
}

} // namespace vox::server
