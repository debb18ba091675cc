#pragma once

#include "ui/api/liveevent.h"

#include <QList>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <deque>

class QWebSocket;

namespace vox::ui {

class ApiClient;

// The server's live events (GET /api/events as a WebSocket). Authenticates with the session's
// access token, answers the server's pings, notices a silent connection, and reconnects with a
// growing delay; after a drop it asks for everything after the last event it saw (`since`), so
// nothing is missed while the network was away.
class EventStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventStream)

public:
    enum class State { Offline, Connecting, Live, Reconnecting };
    Q_ENUM(State)

    explicit EventStream(ApiClient &api, QObject *parent = nullptr);
    ~EventStream() override;

    void start();
    void stop();
    // Drops the connection now and reconnects as after a network loss (also used by tests).
    void reconnect();

    State state() const { return m_state; }
    qint64 lastEventId() const { return m_lastEventId; }

    // Waits between reconnection attempts; the last one repeats. Tests shorten them.
    void setBackoff(QList<int> delaysMs) { m_backoffMs = std::move(delaysMs); }
    // How long the server may stay silent before the connection counts as lost (it pings every
    // 20 s).
    void setSilenceLimit(int ms) { m_watchdog.setInterval(ms); }

signals:
    void stateChanged(vox::ui::EventStream::State state);
    void eventReceived(const vox::ui::LiveEvent &event);
    // The server finished replaying what was missed and is now sending events as they happen.
    void caughtUp(bool afterReconnect);

private:
    void connectNow();
    void onConnected();
    void onDisconnected();
    void onMessage(const QString &text);
    void scheduleReconnect();
    void setState(State state);

    ApiClient &m_api;
    QWebSocket *m_socket = nullptr;
    QTimer m_watchdog;
    QTimer m_retry;
    QList<int> m_backoffMs{1000, 2000, 4000, 8000, 15000, 30000};
    int m_attempt = 0;
    qint64 m_lastEventId = 0; // the highest id seen: where a reconnection resumes
    // Ids seen lately: ids are not commit order, so an event below m_lastEventId may still be new.
    QSet<qint64> m_seen;
    std::deque<qint64> m_seenOrder;
    bool m_wanted = false;
    bool m_needsFreshToken = false;
    bool m_everLive = false;
    State m_state = State::Offline;
};

} // namespace vox::ui
