#pragma once

#include "sandbox/sandboxroutes.h"
#include "sandbox/sandboxstate.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace vox::sandbox {

// Resend's POST /emails (resend.yaml) under /resend: bearer API key (401 missing_api_key, 403
// invalid_api_key for keys that are not re_... or were revoked), `from`, `to`, `subject` and
// `html` or `text` required (422), Idempotency-Key honoured, answers {"id"}. Sent e-mails are
// kept for tests (GET /_sandbox/resend/emails).
class ResendSandbox final
{
    Q_DISABLE_COPY_MOVE(ResendSandbox)

public:
    explicit ResendSandbox(SandboxState &state)
        : m_state(state)
    {}
    void registerRoutes(Router &router);

    QJsonArray emails() const;
    void revokeKey(const QString &apiKey);

private:
    SandboxState &m_state;
    QJsonArray m_emails;
    QHash<QString, QString> m_idempotency; // key -> e-mail id
    QSet<QString> m_revoked;
};

} // namespace vox::sandbox
