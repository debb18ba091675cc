#pragma once

#include "core/result.h"
#include "server/appcontext.h"
#include "server/services/vapimessage.h"

#include <QJsonObject>
#include <QString>

namespace vox::server {

// What a call in progress sounds like to the clinic's consoles: Vapi's `transcript`,
// `speech-update` and `conversation-update` messages become live events of the call (docs/api.md,
// "Live events"), final lines are kept with the call (redacted as the end-of-call transcript is),
// and the call's monitor addresses are kept sealed for listening in and taking over.
class LiveCalls
{
public:
    explicit LiveCalls(AppContext &app)
        : m_app(app)
    {}

    // One live message; the answer's body for Vapi ({"received": true, ...}).
    Result<QJsonObject> handle(const vapi::Message &message);

    // Keeps (or, once the call has ended, drops) the monitor addresses a message's call carries.
    // Addresses not on Vapi's hosts (or the sandbox's, in sandbox mode) are refused and logged
    // without the address.
    Result<void> keepMonitor(db::Transaction &tx, const QString &orgId,
                             const vapi::Message &message) const;

    struct Monitor
    {
        QString listenUrl;
        QString controlUrl;
    };
    // The monitor addresses of a call of `orgId` (by Vapi's call id), opened; empty fields when
    // there are none.
    Result<Monitor> monitorOf(db::Transaction &tx, const QString &orgId,
                              const QString &vapiCallId) const;

    // Rotation: every call's monitor addresses sealed under an older key are sealed again under
    // the current one (`voxanne-server credentials reencrypt`). Returns how many calls.
    static Result<int> reencryptMonitors(db::Database &database, const crypto::KeyRing &keys);
    // What a call's sealed monitor addresses are bound to: its clinic and Vapi's call id.
    static QByteArray monitorAssociatedData(const QString &orgId, const QString &vapiCallId);

    // The provider sandbox's "host:port" when the server runs against the sandbox alone, where
    // its monitor addresses are taken; empty otherwise.
    static QString sandboxOrigin(const ServerConfig &config);

private:
    Result<QJsonObject> transcript(const vapi::Message &message);
    Result<QJsonObject> speechUpdate(const vapi::Message &message);
    Result<QJsonObject> conversationUpdate(const vapi::Message &message);

    AppContext &m_app;
};

} // namespace vox::server
