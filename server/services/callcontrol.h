#pragma once

#include "core/result.h"
#include "server/appcontext.h"
#include "server/http/principal.h"
#include "server/services/livecalls.h"

#include <QJsonObject>
#include <QString>

namespace vox::server {

// Taking over a call in progress from the console: say something to the caller, whisper to the
// AI (a system note the caller does not hear), mute or unmute the AI, end the call, or transfer
// it to one of the clinic's transfer destinations. Each action goes to the call's Vapi control
// address (the flat ClientInboundMessage* bodies, Bearer VAPI_PUBLIC_KEY) with no transaction
// open, once: a control message is not idempotent (a `say` sent twice is said twice), so a
// failure is reported, never retried. Every attempt is audited and published as `call.control`.
class CallControl
{
public:
    // What the console asks for (docs/api.md, "Live call desk").
    struct Action
    {
        QString type; // say | whisper | mute | unmute | end | transfer
        QString content;
        bool endAfterSpoken = false;
        QString destinationId; // transfer: a transfer destination of the clinic
    };

    explicit CallControl(AppContext &app)
        : m_app(app)
        , m_live(app)
    {}

    // 404 for a call of another clinic, 409 once the call has ended (or when Vapi gave it no
    // control address), 403 when a non-admin ends a call, 502 in words when Vapi refuses or does
    // not answer. {success, type, call_id}.
    Result<QJsonObject> act(const http::Principal &who, const QString &callId,
                            const Action &action);

    // The body Vapi's control endpoint takes for `action` (`number`: the transfer's E.164).
    static QJsonObject controlBody(const Action &action, const QString &number = {});

private:
    AppContext &m_app;
    LiveCalls m_live;
};

} // namespace vox::server
