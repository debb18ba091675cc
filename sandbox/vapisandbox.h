#pragma once

#include "sandbox/sandboxroutes.h"
#include "sandbox/sandboxstate.h"

#include <QHash>
#include <QJsonObject>
#include <QMutexLocker>

#include <atomic>

namespace vox::sandbox {

// Vapi's REST API as the server uses it (paths, bearer auth, JSON shapes and error bodies of
// Vapi's OpenAPI description): tools, assistants, credentials, phone numbers, calls, kept in
// memory. PATCH /assistant replaces the whole `model`, as Vapi does, so a client that sends a
// partial model loses fields here too.
class VapiSandbox final
{
    Q_DISABLE_COPY_MOVE(VapiSandbox)

public:
    explicit VapiSandbox(SandboxState &state)
        : m_state(state)
    {}
    void registerRoutes(Router &router);

    // When on, a call created with POST /vapi/call plays out like a real one: its webhooks go
    // to the assistant's server URL (CallSimulator::playOutbound). Also switchable through
    // POST /_sandbox/vapi/simulate-outbound {"enabled": true}.
    void setSimulateOutboundCalls(bool enabled) { m_simulateOutbound.store(enabled); }
    bool simulatesOutboundCalls() const { return m_simulateOutbound.load(); }
    // Outbound simulations still running (tests wait for zero).
    int outboundInFlight() const { return m_outboundInFlight.load(); }
    // This sandbox's address, where a simulated call's recording is made and served.
    void setOwnUrl(const QString &url)
    {
        QMutexLocker locker(&m_state.mutex());
        m_ownUrl = url;
    }

    // For the call simulator and tests: what the sandbox currently holds.
    QJsonObject assistant(const QString &id) const;
    QJsonObject call(const QString &id) const;

private:
    using Collection = QHash<QString, QJsonObject>;
    using Validate = std::function<std::optional<QString>(const QJsonObject &)>;
    using Decorate = std::function<void(QJsonObject &)>;
    void collection(Router &router, const QString &path, Collection VapiSandbox::*store,
                    const Validate &validate, const Decorate &onCreate = {});
    void simulateOutbound(const QJsonObject &call);

    SandboxState &m_state;
    Collection m_tools;
    Collection m_assistants;
    Collection m_credentials;
    Collection m_phoneNumbers;
    Collection m_calls;
    QString m_ownUrl;
    std::atomic<bool> m_simulateOutbound{false};
    std::atomic<int> m_outboundInFlight{0};
};

} // namespace vox::sandbox
