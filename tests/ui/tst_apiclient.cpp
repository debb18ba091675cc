// The console's API client (C-auth): answers become values or sentences a person can read,
// expired access tokens are refreshed silently and only once for requests that fail together.
#include "consolefixture.h"
#include "ui/api/apiclient.h"
#include "ui/api/apierror.h"

#include <QSignalSpy>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::ui::ApiClient;
using vox::ui::Session;
namespace apierror = vox::ui::apierror;

class TestApiClient : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::ConsoleFixture> m_fixture;
    vox::test::Clinic m_clinic;

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<vox::test::ConsoleFixture>(u"ui_apiclient"_s);
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
        m_clinic = m_fixture->createClinic();
        QVERIFY2(!m_clinic.orgId.isEmpty(), qPrintable(m_fixture->lastError()));
    }

    void problemsAreSentencesNeverHttpText_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<int>("network");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("mustSay");

        QTest::newRow("server's own sentence")
            << 401 << R"({"error":"The e-mail or password is not correct."})"_ba << QByteArray()
            << 0 << apierror::unauthorized << u"The e-mail or password is not correct."_s;
        QTest::newRow("HTML error page")
            << 500 << "<html><body>500 Internal</body></html>"_ba << QByteArray() << 0
            << apierror::server << u"ran into a problem"_s;
        QTest::newRow("unreachable")
            << 0 << QByteArray() << QByteArray() << int(QNetworkReply::ConnectionRefusedError)
            << apierror::network << u"Cannot reach"_s;
        QTest::newRow("timeout") << 0 << QByteArray() << QByteArray()
                                 << int(QNetworkReply::OperationCanceledError) << apierror::timeout
                                 << u"too long"_s;
        QTest::newRow("rate limited, minutes")
            << 429 << R"({"error":"Too many sign-in attempts."})"_ba
            << "120"_ba << 0 << apierror::rateLimited << u"2 minute"_s;
        QTest::newRow("feature not configured")
            << 400 << R"({"error":"Twilio not configured"})"_ba << QByteArray() << 0
            << apierror::notConfigured << u"Twilio not configured"_s;
        QTest::newRow("conflict keeps the reason")
            << 409
            << R"({"error":"That time overlaps another appointment (10:00–11:00 Botox)."})"_ba
            << QByteArray() << 0 << apierror::conflict << u"overlaps"_s;
        QTest::newRow("a service the server has no key for is not 'busy'")
            << 503 << R"({"error":"Vapi is not configured on this server (VAPI_PRIVATE_KEY)."})"_ba
            << QByteArray() << 0 << apierror::notConfigured << u"Vapi is not configured"_s;
        QTest::newRow("busy, with the server's reason and when to try")
            << 503 << R"({"error":"The database is not reachable."})"_ba
            << "30"_ba << 0 << apierror::busy
            << u"The database is not reachable. Please try again in 30"_s;
        QTest::newRow("busy, without a reason")
            << 503 << QByteArray() << QByteArray() << 0 << apierror::busy << u"busy right now"_s;
        QTest::newRow("provider failure") << 502 << R"({"error":"Bad gateway"})"_ba << QByteArray()
                                          << 0 << apierror::provider << u"connected service"_s;
        QTest::newRow("stack trace is not shown")
            << 400 << R"({"error":"Error\n at foo.cpp:12\n at bar"})"_ba << QByteArray() << 0
            << apierror::validation << u"details are not right"_s;
    }
    void problemsAreSentencesNeverHttpText()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, retryAfter);
        QFETCH(int, network);
        QFETCH(QString, kind);
        QFETCH(QString, mustSay);
        const vox::Error error = apierror::fromAnswer(
            {status, body, retryAfter, QNetworkReply::NetworkError(network), u"clinic.test"_s});
        QCOMPARE(error.code, kind);
        QVERIFY2(error.message.contains(mustSay), qPrintable(error.message));
        for (const QString &raw : {u"HTTP"_s, u"<html"_s, u"500"_s, u"foo.cpp"_s})
            QVERIFY2(!error.message.contains(raw), qPrintable(error.message));
    }

    void signInGivesASession()
    {
        ApiClient api;
        api.setBaseUrl(QUrl(m_fixture->url()));
        std::optional<vox::Result<Session>> answer;
        api.auth().login(m_clinic.email, m_clinic.password, this,
                         [&](vox::Result<Session> session) { answer = std::move(session); });
        QTRY_VERIFY(answer.has_value());
        QVERIFY2(answer->ok(), vox::test::why(*answer).constData());
        QCOMPARE((*answer)->orgId, m_clinic.orgId);
        QCOMPARE((*answer)->role, u"owner"_s);
        QVERIFY(api.hasSession());
    }

    void aWrongPasswordIsSaidPlainly()
    {
        ApiClient api;
        api.setBaseUrl(QUrl(m_fixture->url()));
        std::optional<vox::Result<Session>> answer;
        api.auth().login(m_clinic.email, u"not the password"_s, this,
                         [&](vox::Result<Session> session) { answer = std::move(session); });
        QTRY_VERIFY(answer.has_value());
        QVERIFY(!answer->ok());
        QCOMPARE(answer->errorMessage(), u"The e-mail or password is not correct."_s);
        QVERIFY(!api.hasSession());
    }

    void anUnreachableServerIsSaidPlainly()
    {
        ApiClient api;
        api.setBaseUrl(QUrl(u"http://127.0.0.1:1"_s));
        QSignalSpy reachability(&api, &ApiClient::reachabilityChanged);
        std::optional<vox::Result<QString>> answer;
        api.health(this, [&](vox::Result<QString> version) { answer = std::move(version); });
        QTRY_VERIFY(answer.has_value());
        QVERIFY(!answer->ok());
        QCOMPARE(answer->error().code, apierror::network);
        QVERIFY(answer->errorMessage().contains(u"127.0.0.1:1"_s));
        QCOMPARE(reachability.count(), 1);
    }

    void requestsThatFailTogetherShareOneRefresh()
    {
        ApiClient api;
        api.setBaseUrl(QUrl(m_fixture->url()));
        Session session = m_fixture->createClinic(u"Refresh Clinic"_s).session;
        QVERIFY(session.isValid());
        // An access token the server refuses, as after 15 minutes; the refresh token is good.
        session.accessToken = u"expired.access.token"_s;
        api.setSession(session);
        QSignalSpy refreshed(&api, &ApiClient::sessionChanged);
        QSignalSpy expired(&api, &ApiClient::sessionExpired);

        int succeeded = 0;
        for (int i = 0; i < 3; ++i) {
            api.auth().me(this, [&](vox::Result<Session> me) {
                QVERIFY2(me.ok(), vox::test::why(me).constData());
                QCOMPARE(me->orgName, u"Refresh Clinic"_s);
                ++succeeded;
            });
        }
        QTRY_COMPARE(succeeded, 3);
        // One refresh: a second one with the same (now used) token would have revoked the
        // whole session.
        QCOMPARE(refreshed.count(), 1);
        QCOMPARE(expired.count(), 0);
        QVERIFY(api.session().accessToken != u"expired.access.token"_s);
        QVERIFY(api.session().refreshToken != session.refreshToken);

        // And the rotated refresh token works for the next run.
        ApiClient next;
        next.setBaseUrl(QUrl(m_fixture->url()));
        std::optional<vox::Result<Session>> resumed;
        next.auth().resume(api.session().refreshToken, this,
                           [&](vox::Result<Session> s) { resumed = std::move(s); });
        QTRY_VERIFY(resumed.has_value());
        QVERIFY2(resumed->ok(), vox::test::why(*resumed).constData());
    }

    void aRefusedRefreshEndsTheSession()
    {
        ApiClient api;
        api.setBaseUrl(QUrl(m_fixture->url()));
        Session session = m_clinic.session;
        session.accessToken = u"expired.access.token"_s;
        session.refreshToken = u"not-a-refresh-token"_s;
        api.setSession(session);
        QSignalSpy expired(&api, &ApiClient::sessionExpired);
        std::optional<vox::Result<Session>> answer;
        api.auth().me(this, [&](vox::Result<Session> me) { answer = std::move(me); });
        QTRY_VERIFY(answer.has_value());
        QVERIFY(!answer->ok());
        QCOMPARE(answer->error().code, apierror::unauthorized);
        QVERIFY(answer->errorMessage().contains(u"sign in again"_s));
        QCOMPARE(expired.count(), 1);
        QVERIFY(!api.hasSession());
    }

    void aReplyForAClosedPageIsDropped()
    {
        ApiClient api;
        api.setBaseUrl(QUrl(m_fixture->url()));
        bool called = false;
        {
            QObject page;
            api.health(&page, [&](vox::Result<QString>) { called = true; });
        }
        bool later = false;
        api.health(this, [&](vox::Result<QString>) { later = true; });
        QTRY_VERIFY(later);
        QVERIFY(!called);
    }
};

QTEST_MAIN(TestApiClient)
#include "tst_apiclient.moc"
