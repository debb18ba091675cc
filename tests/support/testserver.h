#pragma once

#include "httpclient.h"
#include "testdatabase.h"

#include "server/config/serverconfig.h"
#include "server/server.h"

#include <QDir>
#include <QHash>
#include <QString>
#include <QStringList>

#include <memory>

namespace vox::test {

// A real server::Server in this process, on 127.0.0.1 and a free port, against a TestDatabase.
class TestServer
{
public:
    // `extra` overrides settings by their environment names (e.g. VOXANNE_SANDBOX_URL).
    explicit TestServer(const TestDatabase &database, const QHash<QString, QString> &extra = {});
    ~TestServer();

    bool ok() const { return m_error.isEmpty(); }
    const QString &error() const { return m_error; }
    server::Server &server() { return *m_server; }
    QString url() const { return m_server->url(); }
    std::unique_ptr<HttpClient> client() const { return std::make_unique<HttpClient>(url()); }

    static const QString jwtSecret;
    static const QString encryptionKey;
    static const QString webhookSecret;

    // Where a test's server sends provider requests when the test gives no sandbox: the discard
    // port on this machine, which refuses at once, so no test can reach Vapi, Twilio, Google or
    // Resend on the internet.
    static const QString unreachableProvider;
    // The settings naming the providers' base URLs.
    static const QStringList providerUrlSettings;
    // `environment` with every provider URL it leaves unset pointed at `unreachableProvider`,
    // unless it points the server at a sandbox (VOXANNE_SANDBOX_URL), which sets them all.
    static QHash<QString, QString> withoutRealProviders(QHash<QString, QString> environment);

private:
    std::unique_ptr<server::Server> m_server;
    QString m_error;
};

} // namespace vox::test
