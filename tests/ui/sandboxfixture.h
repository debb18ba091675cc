#pragma once

#include "consolefixture.h"
#include "sandbox/sandbox.h"
#include "twilioconnection.h"

#include <memory>

namespace vox::test {

// The console tests' world with providers: the provider sandbox in this process (Twilio, Vapi,
// Google, Resend) and a ConsoleFixture whose server talks to it, so the telephony wizard, the
// Twilio form and Google's connection run for real.
class SandboxFixture
{
public:
    using TwilioAccount = TwilioLogin;

    // `sandboxMode`: the server is told it runs against the sandbox (VOXANNE_SANDBOX_URL), as the
    // demo's is, rather than given each provider's address.
    explicit SandboxFixture(const QString &label, bool sandboxMode = false);

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    sandbox::Sandbox &sandbox() { return *m_sandbox; }
    ConsoleFixture &console() { return *m_console; }

    // A Twilio account of its own in the sandbox, owning one number.
    TwilioAccount newTwilioAccount();
    // Connects the clinic to the account through the API, as the Integrations page would, and
    // waits until the connection is active. Empty then; otherwise what went wrong.
    QString connectTwilioAndWait(const Clinic &clinic, const TwilioAccount &account);

private:
    std::unique_ptr<sandbox::Sandbox> m_sandbox;
    std::unique_ptr<ConsoleFixture> m_console;
    QString m_error;
    int m_accounts = 0;
};

} // namespace vox::test
