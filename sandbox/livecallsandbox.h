#pragma once

#include "sandbox/sandboxroutes.h"
#include "sandbox/sandboxstate.h"
#include "sandbox/vapimessages.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

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
class LiveCallSandbox final
{
    Q_DISABLE_COPY_MOVE(LiveCallSandbox)

public:
    explicit LiveCallSandbox(SandboxState &state)
        : m_state(state)
    {}
    void registerRoutes(Router &router);

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
        bool ended = false;
    };
    http::Response control(const QString &callId, const QJsonObject &body);
    void endCall(Call call, const QString &endedReason, const QJsonObject &destination);

    SandboxState &m_state;
    QHash<QString, Call> m_calls;
};

} // namespace vox::sandbox
