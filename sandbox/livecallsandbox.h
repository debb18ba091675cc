#pragma once

#include "sandbox/sandboxroutes.h"
#include "sandbox/sandboxstate.h"
#include "sandbox/vapimessages.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

#include <memory>

class QWebSocket;

namespace vox::sandbox {

// Vapi's per-call monitor as the sandbox plays it: the control endpoint a call's
// `monitor.controlUrl` names (POST /vapi-live/:call/control, Bearer public key, the flat JSON
// bodies of ClientInboundMessage*) records what it receives and acts on it like Vapi:
// `say` adds an assistant line (a final transcript to the server), `end-call` ends the call
// (status-update ended, end-of-call report), `transfer` ends the AI's leg with a transfer-update
// and endedReason assistant-forwarded-call. A call is played here once whoever plays it (the
// simulator, a test) has registered it with the server it reports to
// (POST /_sandbox/vapi-live {call, serverUrl, headers}); GET /_sandbox/vapi-live/:call tells
// whether the control endpoint has ended it.
//
// Its listen socket (the WebSocket a call's `monitor.listenUrl` names, /vapi-live/:call/listen,
// Bearer public key) streams the call's sound as Vapi does: a leading JSON frame with the format,
// then binary frames of 16-bit little-endian PCM, 16 kHz, customer and assistant interleaved,
// 20 ms each in real time, until the call ends. The sound is synthetic speech, never silence.
class LiveCallSandbox final
{
    Q_DISABLE_COPY_MOVE(LiveCallSandbox)

public:
    explicit LiveCallSandbox(SandboxState &state)
        : m_state(state)
    {}
    void registerRoutes(Router &router);
    // The listen socket's path pattern, and a socket upgraded on it.
    static QString listenPath();
    // What every call's listen socket streams after its leading JSON frame, from the start, in
    // 20 ms frames and over again when it runs out (empty when espeak-ng cannot make it).
    static QByteArray streamedSound();
    void listen(std::unique_ptr<QWebSocket> socket);
    // Listeners that connected to a call's listen socket, and the Authorization they sent.
    QList<QByteArray> listenAuthorizations(const QString &callId) const;
    // A call's listen sockets open now.
    int openListenSockets(const QString &callId) const;
    // Vapi losing a call's sound while the call goes on: its listen sockets close with 1011
    // (internal error), or with `abruptly` their connections drop without a close frame.
    void dropListenSockets(const QString &callId, bool abruptly = false);

    // A call now playing, reporting to `serverUrl` with `headers` (x-vapi-secret).
    void add(const vapimessages::CallInfo &call, const QString &serverUrl,
             const QHash<QByteArray, QByteArray> &headers);
    bool hasEnded(const QString &callId) const;
    // The control messages a call received, in order.
    QList<QJsonObject> controls(const QString &callId) const;

private:
    struct Call
    {
        vapimessages::CallInfo info;
        QString serverUrl;
        QHash<QByteArray, QByteArray> headers;
        QList<vapimessages::Turn> said;
        QList<QJsonObject> controls;
        QList<QByteArray> listenAuthorizations;
        bool ended = false;
    };
    http::Response control(const QString &callId, const QJsonObject &body);
    void endCall(Call call, const QString &endedReason, const QJsonObject &destination);

    SandboxState &m_state;
    QHash<QString, Call> m_calls;
    // Listen sockets open now, by call (they live on the sandbox's thread; the list is under
    // m_state's mutex).
    QHash<QString, QList<QWebSocket *>> m_listening;
};

} // namespace vox::sandbox
