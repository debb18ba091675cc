#pragma once

#include <QObject>
#include <QUrl>

#include <utility>

namespace vox::ui {

// Runs the companion server inside the console ("Create my clinic on this computer"). The UI
// library never links the server: the composition root (app/console) implements this and the
// console then talks to the server over HTTP like to any other.
class EmbeddedServerHost : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmbeddedServerHost)

public:
    using QObject::QObject;

    // Starts the server (and its own PostgreSQL) in `dataDir` without blocking the caller;
    // answers with started() or failed() later, never from inside start() (the console asks
    // before it builds its window, and the answer must find the window made).
    virtual void start(const QString &dataDir) = 0;
    // Stops it cleanly (database included); blocks until done. Safe to call twice.
    virtual void stop() = 0;
    virtual bool isRunning() const = 0;

    // Writes a backup of the running server's clinic to `file` (and its keys beside it) without
    // blocking the caller; answers with backupProgress() as tables are written, then
    // backupFinished() with an empty reason on success.
    virtual void backUp(const QString &file) = 0;

    // A refresh token the host made, with started(), for the account this console signs in as
    // (the demo's front desk on a later start), so the console resumes it rather than sending a
    // password the server must bcrypt; empty when there is none. Handed out once.
    QString takeLocalSession() { return std::exchange(m_localSession, {}); }

signals:
    void started(const QUrl &url);
    void failed(const QString &reason);
    void backupProgress(int done, int total);
    void backupFinished(const QString &failure);

protected:
    void setLocalSession(const QString &refreshToken) { m_localSession = refreshToken; }

private:
    QString m_localSession;
};

} // namespace vox::ui
