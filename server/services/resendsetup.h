#pragma once

#include "core/result.h"
#include "server/appcontext.h"

#include <QString>

#include <optional>

namespace vox::server {

// A clinic's e-mail through Resend: its own API key (optional: the server's
// RESEND_API_KEY otherwise) and its sender address. The key goes to the credential store only;
// what the console reads back is IntegrationService::status().
class ResendSetup final
{
public:
    explicit ResendSetup(AppContext &app)
        : m_app(app)
    {}

    // PUT /api/integrations/resend. `apiKey` absent keeps the stored key; an empty one removes it.
    Result<void> configure(const db::Access &access, const std::optional<QString> &apiKey,
                           const QString &from);

private:
    AppContext &m_app;
};

// A sender address as Resend takes it: "clinic@example.com" or "Glow Med Spa <clinic@...>".
bool isSenderAddress(const QString &from);

} // namespace vox::server
