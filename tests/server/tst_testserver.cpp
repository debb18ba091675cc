// The test servers' own rule: unless a test hands them the provider sandbox, every provider URL
// points at a port on this machine that refuses, so no test can reach a real provider.
#include "testdatabase.h"
#include "testserver.h"

#include <QTest>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;
using vox::server::ServerConfig;
using vox::test::TestServer;

namespace {

QString providerUrl(const ServerConfig &config, const QString &setting)
{
    const QHash<QString, QString> urls{{u"VAPI_BASE_URL"_s, config.vapiBaseUrl},
                                       {u"TWILIO_BASE_URL"_s, config.twilioBaseUrl},
                                       {u"GOOGLE_OAUTH_BASE_URL"_s, config.googleOAuthBaseUrl},
                                       {u"GOOGLE_TOKEN_URL"_s, config.googleTokenUrl},
                                       {u"GOOGLE_API_BASE_URL"_s, config.googleApiBaseUrl},
                                       {u"RESEND_BASE_URL"_s, config.resendBaseUrl}};
    return urls.value(setting);
}

} // namespace

class TestTestServer : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<vox::test::TestDatabase>(u"testserver"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_server = std::make_unique<TestServer>(*m_db);
        QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
    }

    void aDefaultTestServerNamesNoRealProvider_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::addColumn<QString>("realHost");
        QTest::newRow("Vapi") << u"VAPI_BASE_URL"_s << u"api.vapi.ai"_s;
        QTest::newRow("Twilio") << u"TWILIO_BASE_URL"_s << u"api.twilio.com"_s;
        QTest::newRow("Google sign-in") << u"GOOGLE_OAUTH_BASE_URL"_s << u"accounts.google.com"_s;
        QTest::newRow("Google token") << u"GOOGLE_TOKEN_URL"_s << u"oauth2.googleapis.com"_s;
        QTest::newRow("Google APIs") << u"GOOGLE_API_BASE_URL"_s << u"www.googleapis.com"_s;
        QTest::newRow("Resend") << u"RESEND_BASE_URL"_s << u"api.resend.com"_s;
    }
    void aDefaultTestServerNamesNoRealProvider()
    {
        QFETCH(QString, setting);
        QFETCH(QString, realHost);
        // The server's own default is the real provider: the test server must replace it.
        QCOMPARE(QUrl(providerUrl(ServerConfig{}, setting)).host(), realHost);
        const QUrl used(providerUrl(m_server->server().config(), setting));
        QCOMPARE(used.host(), u"127.0.0.1"_s);
        QCOMPARE(used.port(), 9);
        // And so does a server process a test starts with no sandbox.
        QCOMPARE(TestServer::withoutRealProviders({}).value(setting),
                 TestServer::unreachableProvider);
    }

    void aSandboxTakesEveryProvider()
    {
        const auto environment = TestServer::withoutRealProviders(
            {{u"VOXANNE_SANDBOX_URL"_s, u"http://127.0.0.1:1234"_s}});
        for (const QString &setting : TestServer::providerUrlSettings)
            QVERIFY2(!environment.contains(setting), qPrintable(setting));
    }
};

QTEST_MAIN(TestTestServer)
#include "tst_testserver.moc"
