#pragma once

#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

namespace vox::ui {

// Keeps the refresh token between runs in the operating system's keychain (QtKeychain), one
// entry per server. Where no keychain service exists (a bare Linux session, CI) it says so once
// and keeps the token in memory for this run only: never in a plain file.
class SessionStore final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SessionStore)

public:
    enum class Backend { Keychain, MemoryOnly };

    explicit SessionStore(QString service, QObject *parent = nullptr);
    ~SessionStore() override;

    // Use memory only from the start (tests, or a user who asked not to be remembered).
    void forceMemoryOnly();
    Backend backend() const { return m_backend; }

    // Reads the token kept for `account` (empty when there is none or it cannot be read).
    void load(const QString &account, QObject *context, std::function<void(QString)> done);
    // Writes are ordered per account: the refresh token rotates, and an older token landing
    // after a newer one would sign the user out next time.
    void save(const QString &account, const QString &token);
    void remove(const QString &account);

signals:
    // Emitted once, the first time the keychain turns out to be missing.
    void keychainUnavailable(const QString &explanation);

private:
    struct Pending
    {
        bool busy = false;
        bool hasNext = false;
        QString next; // empty: delete
    };

    void writeNext(const QString &account);
    void fallBackToMemory(const QString &detail);

    QString m_service;
    Backend m_backend = Backend::Keychain;
    QHash<QString, QString> m_memory;
    QHash<QString, Pending> m_pending;
};

} // namespace vox::ui
