#pragma once

#include "core/result.h"
#include "server/db/database.h"
#include "server/db/listener.h"
#include "server/services/accesstoken.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QSet>
#include <QString>
#include <QThreadPool>
#include <QTimer>

#include <atomic>
#include <deque>
#include <functional>
#include <map>
#include <memory>

class QWebSocket;

namespace vox::server::events {

// GET /api/events: the console's live event stream (docs/api.md, "Live events").
//
// Every instance LISTENs on `voxanne_events` (events::publish NOTIFYs it in the transaction that
// writes the events row) and fans each event out to its own WebSocket clients of that event's
// clinic, and no one else. A client authenticates with the upgrade's Authorization header or a
// first {"type":"auth"} message, may ask to replay what it missed (?since=<event id>), and is
// pinged; a silent client is dropped. Database reads (replays, catch-up after the LISTEN
// connection comes back) run on the hub's own workers; sockets are only touched on the I/O
// thread the hub lives on.
class EventHub final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventHub)

public:
    struct Options
    {
        QString path = QStringLiteral("/api/events");
        int authTimeoutMs = 10000;
        int pingIntervalMs = 20000;
        int silenceTimeoutMs = 60000;
        int replayLimit = 10000; // events a single replay sends at most
        // A replay also resends events with ids up to `since` whose transactions started at most
        // this long before the `since` event's: ids are taken at insert, not at commit, so such
        // an event may have become visible only after the client saw `since`. Clients skip the
        // ids they already have. 0 replays strictly after `since`.
        int replayLookbackSeconds = 120;
    };
    using Verifier = std::function<Result<AccessToken>(const QString &token)>;

    // Close codes besides 1001 (going away) and 1008 (policy).
    static constexpr int closeNotAuthenticated = 4001;
    static constexpr int closeTokenExpired = 4003;

    EventHub(db::Database &db, Verifier verifier, Options options, QObject *parent = nullptr);
    ~EventHub() override;

    const Options &options() const { return m_options; }
    void start();
    void accept(std::unique_ptr<QWebSocket> socket);
    // Closes every client with 1001 and waits up to `graceMs` for the close handshakes.
    void shutdown(int graceMs = 1000);
    // Closes the streams of a user who may no longer act (disabled, deleted) with 4001.
    void closeStreamsOf(const QString &userId, const QString &reason);

    int clientCount() const { return int(m_clients.size()); }
    // The same, readable from any thread (GET /metrics).
    int connectedClients() const { return m_connected.load(std::memory_order_relaxed); }
    bool isListening() const { return m_listener.isListening(); }

Q_SIGNALS:
    // Live events flow (again): for tests and logs.
    void listening();

private:
    struct Client;
    // An event ready to send to one clinic's clients (or still to be read, when its
    // notification was too large to carry it).
    struct Outgoing
    {
        qint64 id = 0;
        QString orgId;
        QByteArray message;  // {"type":"event","event":{...}}; empty until read
        QDateTime createdAt; // when its transaction wrote it: the fan-out lag is measured from it
    };
    struct Replay
    {
        QList<Outgoing> events;
        qint64 newestId = 0;
        bool truncated = false;
    };

    Client *client(quint64 serial);
    void onMessage(quint64 serial, const QString &text);
    void authenticate(quint64 serial, const QString &token);
    void startReplay(quint64 serial);
    void finishReplay(quint64 serial, const Result<Replay> &replay);
    void close(quint64 serial, int code, const QString &reason);
    void remove(quint64 serial);
    void send(Client &client, const Outgoing &event);
    void heartbeat();

    void onListening();
    void onNotified(const QByteArray &payload);
    void enqueue(Outgoing event);
    void pump();
    bool markSeen(qint64 id);

    db::Database &m_db;
    Verifier m_verifier;
    Options m_options;
    db::Listener m_listener;
    QThreadPool m_workers;
    QTimer m_heartbeat;

    std::map<quint64, std::unique_ptr<Client>> m_clients;
    QHash<QString, QSet<quint64>> m_byOrg;
    quint64 m_nextSerial = 0;

    // Events on their way out, in the order notifications arrived.
    std::deque<Outgoing> m_pipeline;
    bool m_reading = false;
    // Ids already fanned out (notifications and catch-up may overlap), bounded.
    QSet<qint64> m_seen;
    std::deque<qint64> m_seenOrder;
    qint64 m_highWater = -1; // the newest event id this hub has accounted for; -1 before LISTEN
    bool m_stopped = false;
    std::atomic<int> m_connected{0};
};

} // namespace vox::server::events
