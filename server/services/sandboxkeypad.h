#pragma once

#include "core/result.h"
#include "server/appcontext.h"
#include "server/services/telephony.h"

#include <QString>

namespace vox::server {

// A demo's stand-in for the person who answers Twilio's verification call: on a server whose
// providers are all the sandbox, it types the code on the sandbox's keypad for a pending
// verification of the caller's clinic. Anywhere else it does nothing and says so (404), so no
// real number can ever be "verified" this way.
class SandboxKeypad
{
public:
    explicit SandboxKeypad(AppContext &app)
        : m_app(app)
    {}

    Result<telephony::Answer> typeCode(const db::Access &access, const QString &verificationId,
                                       const QString &code);

private:
    AppContext &m_app;
};

} // namespace vox::server
