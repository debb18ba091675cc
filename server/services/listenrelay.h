#pragma once

#include "core/result.h"
#include "server/appcontext.h"
#include "server/http/clientaddress.h"
#include "server/http/principal.h"
#include "server/services/accesstoken.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

class QWebSocket;

namespace vox::server {

// The sound format of a call's listen socket: 16-bit little-endian PCM, `channels` interleaved
// (customer, assistant) at `sampleRate`.
struct ListenFormat
{
    int sampleRate = 16000;
    int channels = 2;

    QJsonObject toJson() const;
    bool operator==(const ListenFormat &) const = default;
};

// The format a leading JSON frame of Vapi's listen socket announces; nothing when it does not
// name a usable one.
std::optional<ListenFormat> announcedFormat(const QJsonObject &frame);

// The format to tell listeners, given what was announced (if anything), the configured default
// and the size of the first audio frame: the spec does not say whether the socket is mono or
// stereo, so a default of stereo that the first frame cannot hold (an odd number of samples) is
// taken to be mono. An announced format is believed.
ListenFormat settledFormat(const std::optional<ListenFormat> &announced,
                           const ListenFormat &fallback, qsizetype firstFrameBytes);

// How many bytes of `format` make `milliseconds` of sound: what a listener may fall behind by.
qint64 soundBytes(const ListenFormat &format, int milliseconds);

struct ListenRelayOptions
{
    // What Vapi's listen socket is taken to send when it does not say (the spec does not):
    // VOXANNE_LISTEN_SAMPLE_RATE and VOXANNE_LISTEN_CHANNELS.
    ListenFormat fallback;
    // How much sound a listener may have waiting for it before it is closed as too slow (outside
    // the relay so that its default can be a default argument there).
    int maxBehindMs = 2000;
};

// GET /api/calls/:id/listen as a WebSocket (docs/api.md, "Listening in"): a signed-in user of the
// call's clinic hears a call in progress. The relay reads the call's sealed listen address, opens
// Vapi's listen socket with the public key, and passes the sound on: first a JSON frame with the
// format ({"type":"format","encoding":"pcm_s16le","sample_rate","channels"}), then the binary
// frames as they come. The address never leaves the server. Each attempt is written to the access
// log (allowed or refused), and each listening that was let in gets a second row when it ends,
// with how long it lasted. The lookups and log rows run on the relay's own workers, never on the
// HTTP or Vapi route workers; the sockets live on the thread the relay lives on (the server's I/O
// thread).
//
// One Vapi socket per call, however many listen: the first listener opens it, later ones join it
// (the format first, then the sound from the moment they joined). It closes when the last of its
// listeners leaves; when Vapi closes it the call has ended and every listener is closed with
// 1000, when it is lost (or never opens) every listener is closed with 4502.
//
// The sound is live, so sound a listener hears late is worth nothing: a listener whose
// connection cannot take the sound as fast as it comes is allowed to fall behind by
// Options::maxBehindMs of it (the bytes waiting to be written to it, counted in the announced
// format; the kernel holds at most the WebSocket's small send buffer besides) and is then closed
// with 4408 ("listener too slow"), which its end row says too. The other listeners and the Vapi
// socket do not wait for it.
class ListenRelay final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ListenRelay)

public:
    using Verifier = std::function<Result<AccessToken>(const QString &token)>;

    // Close codes a listener may be told besides 1000 (the call ended).
    static constexpr int closeNotAuthenticated = 4001;
    static constexpr int closeNotFound = 4404;
    static constexpr int closeEnded = 4409;
    static constexpr int closeTooSlow = 4408;
    static constexpr int closeUnavailable = 4502;

    using Options = ListenRelayOptions;

    ListenRelay(AppContext &app, Verifier verifier, http::TrustedProxies trusted,
                Options options = {}, QObject *parent = nullptr);
    ~ListenRelay() override;

    static QString path();
    void accept(std::unique_ptr<QWebSocket> socket);
    // Listeners being relayed a call's sound, and the Vapi sockets they share (one per call).
    int activeRelays() const { return m_active; }
    int upstreamCount() const { return int(m_upstreams.size()); }
    // The most bytes ever waiting to be written to one listener, after a frame was relayed: what
    // a slow listener costs the server, at most Options::maxBehindMs of sound.
    qint64 peakBacklog() const { return m_peakBacklog.load(); }

    // The call's listen address for `orgId`: 404 for a call of another clinic or none, 409 when
    // the call has ended or has no listen address. Used by the plain GET too.
    static Result<QString> listenUrlOf(AppContext &app, db::Transaction &tx, const QString &orgId,
                                       const QString &callId);

private:
    struct Outcome
    {
        int closeCode = 0; // 0: go ahead
        QString reason;
        QString listenUrl;
        http::Principal who;
        QString session; // names the listening in both of its access-log rows
    };
    // One person listening: who, from where, since when, and what they were sent.
    struct Session
    {
        http::Principal who;
        QString clientAddress;
        QString callId;
        QString session;
        QElapsedTimer since;
        qint64 bytes = 0;
        bool formatSent = false;
    };
    struct Listener
    {
        quint64 id = 0; // names it after its socket is gone
        QPointer<QWebSocket> socket;
        Session session;
    };
    // The bytes sent to a listener that its connection has not taken yet. The HTTP server gives
    // every WebSocket a small kernel send buffer, so nearly all of a backlog waits here.
    static qint64 waitingFor(const Listener &l);
    // One call's Vapi listen socket and everyone hearing it.
    struct Upstream
    {
        QWebSocket *socket = nullptr;
        std::optional<ListenFormat> announced;
        std::optional<ListenFormat> format; // settled on the first sound frame
        std::vector<Listener> listeners;
    };

    Outcome admit(const QString &token, const QString &callId, const QString &clientAddress);
    void join(QWebSocket *listener, Session session, const QString &listenUrl);
    Upstream &openUpstream(const QString &key, const QString &callId, const QString &listenUrl);
    void relayFrame(const QString &key, const QByteArray &frame);
    void leave(const QString &key, quint64 listener);
    // A listener that fell too far behind: closed, and the others go on.
    void dropSlow(const QString &key, quint64 listener, qint64 backlog);
    // Takes a listener off its call, its end row saying `ended`; the last one out closes the
    // call's sound. Its socket, or null when it was not (or no longer) there.
    QWebSocket *remove(const QString &key, quint64 listener, const QString &ended);
    // The Vapi socket is gone (the call ended, or it was lost): its listeners are told `code`.
    void endUpstream(const QString &key, int code, const QString &reason, const QString &ended);
    static void closeUpstreamSocket(QWebSocket *socket);
    // The listening is over: its end row, written on a worker.
    void finish(const Session &session, const QString &ended);

    AppContext &m_app;
    Verifier m_verifier;
    http::TrustedProxies m_trusted;
    Options m_options;
    QThreadPool m_workers;
    // By org and call: a call id is only ever joined by users its clinic's admission let in.
    std::unordered_map<QString, std::unique_ptr<Upstream>> m_upstreams;
    int m_active = 0;
    quint64 m_lastListener = 0;
    // Read by tests and metrics from other threads.
    std::atomic<qint64> m_peakBacklog = 0;
};

} // namespace vox::server
