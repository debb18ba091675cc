#pragma once

#include "core/result.h"
#include "server/appcontext.h"

#include <QJsonObject>
#include <QString>

namespace vox::server {

// "Call back" on a lead: a call record starts `pending`, Vapi places the call with the clinic's
// outbound assistant (or its inbound one) from its Vapi phone number, and the record becomes
// `initiated` with Vapi's call id, or `failed` with Vapi's reason. Our record's id travels in
// `assistantOverrides.metadata.voxanneCallId`, so the call's webhooks land on this same record even
// if they arrive before Vapi's answer to us.
class CallBackService
{
public:
    explicit CallBackService(AppContext &app)
        : m_app(app)
    {}

    // {callId, vapiCallId, phone, status: "initiated"}; a 502 with Vapi's reason (the record
    // is then `failed`); 404 for another clinic's contact; 409 when the agent or number is
    // missing.
    Result<QJsonObject> callBack(const db::Access &access, const QString &orgId,
                                 const QString &contactId);

private:
    AppContext &m_app;
};

} // namespace vox::server
