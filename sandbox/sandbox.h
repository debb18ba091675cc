#pragma once

#include "core/result.h"
#include "sandbox/googlesandbox.h"
#include "sandbox/livecallsandbox.h"
#include "sandbox/recordingsandbox.h"
#include "sandbox/resendsandbox.h"
#include "sandbox/sandboxroutes.h"
#include "sandbox/sandboxstate.h"
#include "sandbox/twiliosandbox.h"
#include "sandbox/vapisandbox.h"

#include <QObject>

#include <memory>

namespace vox::http {
class HttpServer;
}

namespace vox::sandbox {

// The provider sandbox: serves the parts of the Vapi, Twilio, Google and Resend APIs that the
// server calls, under /vapi, /twilio, /google and /resend, following their documented paths,
// auth and shapes, and the recordings of its calls under /vapi/recordings; records every request
// and fails on demand (/_sandbox). Nothing in the production server depends on it: it is used by
// pointing base URLs at it (--sandbox URL).
class Sandbox final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Sandbox)

public:
    explicit Sandbox(QObject *parent = nullptr);
    ~Sandbox() override;

    Result<quint16> listen(const QString &host, quint16 port);
    QString url() const;
    SandboxState &state() { return m_state; }
    VapiSandbox &vapi() { return m_vapi; }
    TwilioSandbox &twilio() { return m_twilio; }
    GoogleSandbox &google() { return m_google; }
    ResendSandbox &resend() { return m_resend; }
    RecordingSandbox &recordings() { return m_recordings; }
    LiveCallSandbox &liveCalls() { return m_liveCalls; }

private:
    SandboxState m_state;
    VapiSandbox m_vapi{m_state};
    TwilioSandbox m_twilio{m_state};
    GoogleSandbox m_google{m_state};
    ResendSandbox m_resend{m_state};
    RecordingSandbox m_recordings{m_state};
    LiveCallSandbox m_liveCalls{m_state};
    Router m_router;
    std::unique_ptr<http::HttpServer> m_http;
    QString m_host;
};

} // namespace vox::sandbox
