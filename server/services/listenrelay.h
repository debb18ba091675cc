#pragma once

#include "core/result.h"
#include "server/appcontext.h"
#include "server/http/clientaddress.h"
#include "server/services/accesstoken.h"

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <optional>

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
// log (allowed or refused). The lookup runs on the relay's own worker, never on the HTTP or Vapi
// route workers; the sockets live on the thread the relay lives on (the server's I/O thread).
// Either side closing closes the other; when Vapi closes, the call has ended.
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
        // What Vapi's listen socket is taken to send when it does not say (the spec does not).
        ListenFormat fallback;
    };

    ListenRelay(AppContext &app, Verifier verifier, http::TrustedProxies trusted,
                Options options = {}, QObject *parent = nullptr);
    ~ListenRelay() override;

    static QString path();
    void accept(std::unique_ptr<QWebSocket> socket);
    int activeRelays() const { return m_active; }

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
    };
    Outcome admit(const QString &token, const QString &callId, const QString &clientAddress);
    void relay(QWebSocket *listener, const QString &callId, const QString &listenUrl);

    AppContext &m_app;
    Verifier m_verifier;
    http::TrustedProxies m_trusted;
    Options m_options;
    QThreadPool m_workers;
    int m_active = 0;
};

} // namespace vox::server
