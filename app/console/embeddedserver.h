#pragma once

#include "ui/shell/embeddedserverhost.h"

#include <QPointer>
#include <QThread>

namespace vox::console {

class EmbeddedServerWorker;

// Runs server::Server on its own thread with its own event loop (start() blocks while the
// embedded PostgreSQL starts and migrates, and the window must stay responsive meanwhile),
// listening on 127.0.0.1 and a free port. In demo mode the provider sandbox runs beside it, so
// calls, texts and e-mails go to simulated providers rather than real ones.
class EmbeddedServer final : public ui::EmbeddedServerHost
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EmbeddedServer)

public:
    explicit EmbeddedServer(bool withSandbox, QObject *parent = nullptr);
    ~EmbeddedServer() override;

    void start(const QString &dataDir) override;
    void stop() override;
    bool isRunning() const override { return m_running; }
    void backUp(const QString &file) override;

private:
    QThread m_thread;
    // The dump runs beside the server's thread, which keeps serving the console meanwhile.
    QPointer<QThread> m_backup;
    EmbeddedServerWorker *m_worker;
    bool m_running = false;
};

} // namespace vox::console
