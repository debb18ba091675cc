#pragma once

#include <QObject>

class QSocketNotifier;

namespace vox {

// Turns SIGINT and SIGTERM into a Qt signal on the event loop (self-pipe), so shutdown runs as
// ordinary code rather than inside a signal handler.
class UnixSignals final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnixSignals)

public:
    explicit UnixSignals(QObject *parent = nullptr);
    ~UnixSignals() override;

Q_SIGNALS:
    void terminationRequested(int signalNumber);

private:
    QSocketNotifier *m_notifier = nullptr;
};

} // namespace vox
