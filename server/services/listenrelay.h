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
    static constexpr int closeUnavailable = 4502;

    struct Options
    {
        // What Vapi's listen socket is taken to send when it does not say (the spec does not):
        // VOXANNE_LISTEN_SAMPLE_RATE and VOXANNE_LISTEN_CHANNELS.
        ListenFormat fallback;
    };

    ListenRelay(AppContext &app, Verifier verifier, http::TrustedProxies trusted,
                Options options = {}, QObject *parent = nullptr);
    ~ListenRelay() override;

    static QString path();
    void accept(std::unique_ptr<QWebSocket> socket);
    // Listeners being relayed a call's sound, and the Vapi sockets they share (one per call).
    int activeRelays() const { return m_active; }
    int upstreamCount() const { return int(m_upstreams.size()); }

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
};

} // namespace vox::server
