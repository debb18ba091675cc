#pragma once

#include "server/appcontext.h"
#include "server/services/livecalls.h"
#include "server/services/transferdesk.h"
#include "server/services/vapimessage.h"
#include "server/services/vapitools.h"

#include <QJsonObject>

namespace vox::server {

// Vapi server messages for POST /api/webhooks/vapi. Each delivery
// that changes something is recorded in webhook_deliveries under a key naming the event (call
// id + type + status), in the same transaction as its effect: a redelivery finds the key and
// changes nothing. Effects are written so that the final rows do not depend on the order of
// deliveries (status only moves forward, report values win, outcomes are recomputed from
// stored facts; the call row's merge rules are CallLogStore's). The answer is sent only after
// the commit. A delivery that can never be stored is answered and kept (webhookproblems).
class VapiWebhookService
{
public:
    VapiWebhookService(AppContext &app, VapiToolService &tools)
        : m_app(app)
        , m_tools(tools)
        , m_live(app)
        , m_transfers(app)
    {}

    struct Answer
    {
        int status = 200;
        QJsonObject body;
        int retryAfterSeconds = 0; // sent as Retry-After when set
    };

    Answer handle(const vapi::Message &message, const QByteArray &rawBody);

private:
    Answer statusUpdate(const vapi::Message &message, const QByteArray &rawBody);
    Answer endOfCallReport(const vapi::Message &message, const QByteArray &rawBody);
    Answer assistantRequest(const vapi::Message &message, const QByteArray &rawBody);
    Answer acknowledge(const vapi::Message &message, const QByteArray &rawBody);
    // A delivery that failed: 503 when the database is unavailable (Vapi retries, rightly), 200
    // with the problem kept when it can never be stored, else 500 (retried).
    Answer failed(const vapi::Message &message, const QByteArray &rawBody, const Error &error);
    Answer keepProblem(const vapi::Message &message, const QByteArray &rawBody,
                       const QString &problem);

    AppContext &m_app;
    VapiToolService &m_tools;
    LiveCalls m_live;
    TransferDesk m_transfers;
};

} // namespace vox::server
