// The Twilio, Google and Resend clients against the provider sandbox: the documented paths, auth
// and encodings, errors carried with the provider's own code and message (never a secret),
// retries for outages only.
#include "sandbox/sandbox.h"
#include "server/providers/googleclient.h"
#include "server/providers/resendclient.h"
#include "server/providers/twilioclient.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTest>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;
using namespace vox::server::providers;

class TestProviderClients : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::sandbox::Sandbox> m_sandbox;
    const RetryPolicy m_fast{{5, 5}};
    const QString m_sid = u"AC0123456789abcdef0123456789abcdef"_s;
    const QString m_token = u"the-auth-token-of-the-clinic"_s;
    const QString m_number = u"+15550101010"_s;

    TwilioClient twilio(const QString &token = {})
    {
        return TwilioClient(m_sandbox->url() + u"/twilio"_s,
                            {m_sid, token.isEmpty() ? m_token : token}, m_fast);
    }
    GoogleClient google()
    {
        const QString s = m_sandbox->url();
        return GoogleClient({s + u"/google/accounts"_s, s + u"/google/oauth2/token"_s,
                             s + u"/google/api"_s, u"client-id"_s, u"client-secret"_s},
                            m_fast);
    }
    // The consent screen's redirect back to us, followed by hand: the code it carries.
    QString authorizationCode(GoogleClient &client, const QString &redirect)
    {
        QNetworkAccessManager network;
        QNetworkRequest request(client.authorizationUrl(redirect, u"st"_s));
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply *reply = network.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const QUrl back(QString::fromLatin1(reply->rawHeader("Location")));
        reply->deleteLater();
        return QUrlQuery(back).queryItemValue(u"code"_s, QUrl::FullyDecoded);
    }
    void fail(const QString &provider, int status, int count)
    {
        vox::sandbox::Failure f;
        f.provider = provider;
        f.status = status;
        f.remaining = count;
        m_sandbox->state().addFailure(f);
    }

private slots:
    void initTestCase()
    {
        m_sandbox = std::make_unique<vox::sandbox::Sandbox>();
        QVERIFY(m_sandbox->listen(u"127.0.0.1"_s, 0).ok());
        m_sandbox->twilio().addAccount(m_sid, m_token, {m_number});
    }

    void init()
    {
        m_sandbox->state().clearRequests();
        m_sandbox->state().clearFailures();
    }

    // Whichever provider it is, a call that never left says so in that provider's name, as a
    // provider failure about nothing having reached it.
    void aCallThatNeverLeftNamesTheProvider_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::newRow("Twilio") << u"Twilio"_s;
        QTest::newRow("Google") << u"Google"_s;
        QTest::newRow("Resend") << u"Resend"_s;
    }
    void aCallThatNeverLeftNamesTheProvider()
    {
        QFETCH(QString, provider);
        const QString nowhere = u"http://127.0.0.1:1"_s;
        vox::Error error;
        if (provider == u"Twilio"_s) {
            error = TwilioClient(nowhere, {m_sid, m_token}, m_fast).fetchAccount().error();
        } else if (provider == u"Google"_s) {
            GoogleClient client({nowhere, nowhere + u"/token"_s, nowhere, u"id"_s, u"secret"_s},
                                m_fast);
            error = client.userEmail(u"access-token"_s).error();
        } else {
            ResendClient client(nowhere, u"re_key"_s, m_fast);
            error = client.send({u"a@b.example"_s, u"c@d.example"_s, u"Hi"_s, u"text"_s, {}, {}})
                        .error();
        }
        QCOMPARE(error.kind, vox::ErrorKind::ProviderFailed);
        QCOMPARE(error.subject, unreachable);
        QVERIFY2(error.message.startsWith(provider + u" did not answer: "_s),
                 qPrintable(error.message));
    }

    // ----- Twilio -----

    void twilioUsesBasicAuthAndTheAccountPath()
    {
        auto account = twilio().fetchAccount();
        QVERIFY(account.ok());
        QCOMPARE(account->value(u"status"_s).toString(), u"active"_s);
        const auto seen = m_sandbox->state().recorded(u"twilio"_s);
        QCOMPARE(seen.first().path, u"/twilio/2010-04-01/Accounts/%1.json"_s.arg(m_sid));
        QCOMPARE(seen.first().headers.value("authorization"),
                 "Basic " + (m_sid + u':' + m_token).toUtf8().toBase64());
    }

    void wrongCredentialsAreTwilios20003AndNeverEchoed()
    {
        auto account = twilio(u"wrong-token-value"_s).fetchAccount();
        QVERIFY(!account.ok());
        QCOMPARE(account.error().kind,
                 vox::ErrorKind::Refused); // the clinic's to fix, not Twilio's failure
        QCOMPARE(account.error().subject, u"401"_s);
        QCOMPARE(twilioErrorCode(account.error()), 20003);
        QVERIFY(!account.errorMessage().contains(u"wrong-token-value"_s));
        QCOMPARE(m_sandbox->state().recorded(u"twilio"_s).size(), 1); // 4xx: no retry
    }

    void messagesAreFormEncodedWithThePlusIntact()
    {
        auto sent = twilio().sendMessage(m_number, u"+15557654321"_s, u"Hi & welcome = 100%"_s);
        QVERIFY2(sent.ok(), qPrintable(sent.ok() ? QString() : sent.errorMessage()));
        QVERIFY(sent->value(u"sid"_s).toString().startsWith(u"SM"_s));
        const auto request = m_sandbox->state().recorded(u"twilio"_s).last();
        QCOMPARE(request.headers.value("content-type"),
                 QByteArray("application/x-www-form-urlencoded"));
        QVERIFY(request.body.contains("To=%2B15557654321"));
        const QJsonObject stored = m_sandbox->twilio().messages(m_sid).last().toObject();
        QCOMPARE(stored.value(u"to"_s).toString(), u"+15557654321"_s);
        QCOMPARE(stored.value(u"body"_s).toString(), u"Hi & welcome = 100%"_s);
        // From a number the account does not own: Twilio's 21606.
        auto foreign = twilio().sendMessage(u"+15550000000"_s, u"+15557654321"_s, u"x"_s);
        QCOMPARE(twilioErrorCode(foreign.error()), 21606);
    }

    void outagesAreRetriedRefusalsAreNot()
    {
        // Retries belong to background work; a request worker makes one attempt.
        fail(u"twilio"_s, 503, 1);
        QVERIFY(!twilio().fetchAccount().ok());
        QCOMPARE(m_sandbox->state().recorded(u"twilio"_s).size(), 1);
        m_sandbox->state().clearRequests();

        const vox::server::providers::BackgroundWork job;
        // A text that may have been taken is never sent twice, even in a job.
        fail(u"twilio"_s, 503, 1);
        QVERIFY(!twilio().sendMessage(m_number, u"+15557654321"_s, u"once"_s).ok());
        QCOMPARE(m_sandbox->state().recorded(u"twilio"_s).size(), 1);
        m_sandbox->state().clearRequests();

        fail(u"twilio"_s, 503, 2);
        QVERIFY(twilio().fetchAccount().ok());
        QCOMPARE(m_sandbox->state().recorded(u"twilio"_s).size(), 3);
        m_sandbox->state().clearRequests();
        fail(u"twilio"_s, 503, 5);
        auto down = twilio().fetchAccount();
        QVERIFY(!down.ok());
        QCOMPARE(down.error().subject, u"503"_s);
        QCOMPARE(m_sandbox->state().recorded(u"twilio"_s).size(), 3);
    }

    void callerIdValidationIsCompletedOnTheKeypad()
    {
        const QString phone = u"+15559990001"_s;
        auto requested = twilio().createValidationRequest(phone, u"Front desk"_s, QString());
        QVERIFY(requested.ok());
        QVERIFY(requested->value(u"call_sid"_s).toString().startsWith(u"CA"_s));
        const QString code = requested->value(u"validation_code"_s).toString();
        QCOMPARE(code.size(), 6);
        QVERIFY(twilio().listOutgoingCallerIds(phone)->isEmpty());
        // A wrong code ends the call unverified; Twilio has to call again.
        QVERIFY(!m_sandbox->twilio()
                     .keypad(phone, code == u"000000" ? u"111111"_s : u"000000"_s)
                     .verified);
        QVERIFY(!m_sandbox->twilio().keypad(phone, code).verified);
        const QString again =
            twilio().createValidationRequest(phone, {}, {})->value(u"validation_code"_s).toString();
        QVERIFY(m_sandbox->twilio().keypad(phone, again).verified);
        auto listed = twilio().listOutgoingCallerIds(phone);
        QCOMPARE(listed->size(), 1);
        const QString sid = listed->first().toObject().value(u"sid"_s).toString();
        // Verified once: a new request is Twilio's 21450.
        QCOMPARE(twilioErrorCode(twilio().createValidationRequest(phone, {}, {}).error()), 21450);
        QVERIFY(twilio().deleteOutgoingCallerId(sid).ok());
        QCOMPARE(twilio().deleteOutgoingCallerId(sid).error().subject, u"404"_s);
    }

    void incomingNumbersAreFilteredByNumber()
    {
        QCOMPARE(twilio().listIncomingPhoneNumbers(m_number)->size(), 1);
        QCOMPARE(twilio().listIncomingPhoneNumbers(u"+15550000001"_s)->size(), 0);
    }

    // ----- Google -----

    void googleCodeExchangeRefreshAndRevocation()
    {
        GoogleClient client = google();
        const QString redirect = u"https://clinic.example/api/integrations/google/callback"_s;
        const QString code = authorizationCode(client, redirect);
        QVERIFY(!code.isEmpty());
        auto tokens = client.exchangeCode(code, redirect);
        QVERIFY2(tokens.ok(), qPrintable(tokens.ok() ? QString() : tokens.errorMessage()));
        QVERIFY(!tokens->refreshToken.isEmpty());
        QVERIFY(tokens->expiresAt > QDateTime::currentDateTimeUtc().addSecs(3000));
        QCOMPARE(*client.userEmail(tokens->accessToken), vox::sandbox::GoogleSandbox::demoEmail);
        // A code works once.
        QCOMPARE(client.exchangeCode(code, redirect).error().code, u"invalid_grant"_s);

        auto refreshed = client.refresh(tokens->refreshToken);
        QVERIFY(refreshed.ok());
        QCOMPARE(refreshed->refreshToken, tokens->refreshToken); // kept when Google sends none
        QVERIFY(refreshed->accessToken != tokens->accessToken);
        const auto form = m_sandbox->state().recorded(u"google"_s).last().body;
        QVERIFY(form.contains("grant_type=refresh_token"));
        QVERIFY(form.contains("client_secret=client-secret"));

        m_sandbox->google().revoke(vox::sandbox::GoogleSandbox::demoEmail);
        auto revoked = client.refresh(tokens->refreshToken);
        QCOMPARE(revoked.error().code, u"invalid_grant"_s);
        QVERIFY(!revoked.errorMessage().contains(tokens->refreshToken));
        QCOMPARE(client.userEmail(refreshed->accessToken).error().code, u"unauthorized"_s);
    }

    // Our own revocation (a clinic disconnecting): the refresh token and the access tokens of
    // its grant stop working; revoking again is not an error (Google says invalid_token).
    void googleRevocationEndsTheGrant()
    {
        GoogleClient client = google();
        const QString redirect = u"https://clinic.example/api/integrations/google/callback"_s;
        auto tokens = client.exchangeCode(authorizationCode(client, redirect), redirect);
        QVERIFY(tokens.ok());
        auto refreshed = client.refresh(tokens->refreshToken);
        QVERIFY(refreshed.ok());

        QVERIFY(client.revoke(tokens->refreshToken).ok());
        const auto sent = m_sandbox->state().recorded(u"google"_s).last();
        QCOMPARE(sent.path, u"/google/oauth2/revoke"_s);
        QCOMPARE(sent.headers.value("content-type"), "application/x-www-form-urlencoded");
        QCOMPARE(client.refresh(tokens->refreshToken).error().code, u"invalid_grant"_s);
        QCOMPARE(client.userEmail(tokens->accessToken).error().code, u"unauthorized"_s);
        QCOMPARE(client.userEmail(refreshed->accessToken).error().code, u"unauthorized"_s);
        QVERIFY(client.revoke(tokens->refreshToken).ok());

        fail(u"google"_s, 400, 1);
        auto refused = client.revoke(u"anything"_s);
        QCOMPARE(refused.error().kind, vox::ErrorKind::ProviderFailed);
    }

    void calendarEventsAndBusyTimes()
    {
        GoogleClient client = google();
        const QString redirect = u"https://clinic.example/cb"_s;
        auto tokens = client.exchangeCode(authorizationCode(client, redirect), redirect);
        QVERIFY(tokens.ok());
        const QString token = tokens->accessToken;
        const QJsonObject event{
            {u"summary"_s, u"Botox"_s},
            {u"start"_s, QJsonObject{{u"dateTime"_s, u"2026-07-01T14:00:00Z"_s}}},
            {u"end"_s, QJsonObject{{u"dateTime"_s, u"2026-07-01T15:00:00Z"_s}}}};
        auto inserted = client.insertEvent(token, u"primary"_s, event);
        QVERIFY(inserted.ok());
        const QString id = inserted->value(u"id"_s).toString();
        QVERIFY(!id.isEmpty());
        QCOMPARE(inserted->value(u"status"_s).toString(), u"confirmed"_s);
        auto missingEnd =
            client.insertEvent(token, u"primary"_s, {{u"start"_s, event.value(u"start"_s)}});
        QCOMPARE(missingEnd.error().subject, u"400"_s);

        auto patched = client.patchEvent(token, u"primary"_s, id, {{u"summary"_s, u"Fillers"_s}});
        QCOMPARE(patched->value(u"summary"_s).toString(), u"Fillers"_s);
        QCOMPARE(patched->value(u"start"_s).toObject(), event.value(u"start"_s).toObject());

        auto busy =
            client.freeBusy(token, u"primary"_s, QDateTime(QDate(2026, 7, 1), QTime(0, 0), Qt::UTC),
                            QDateTime(QDate(2026, 7, 2), QTime(0, 0), Qt::UTC));
        QCOMPARE(busy->size(), 1);
        QCOMPARE(busy->first().start, QDateTime(QDate(2026, 7, 1), QTime(14, 0), Qt::UTC));

        QVERIFY(client.deleteEvent(token, u"primary"_s, id).ok());
        QVERIFY(client.deleteEvent(token, u"primary"_s, id).ok()); // already gone is fine
        QCOMPARE(client.patchEvent(token, u"primary"_s, id, {}).error().code, u"not_found"_s);
        QVERIFY(client
                    .freeBusy(token, u"primary"_s,
                              QDateTime(QDate(2026, 7, 1), QTime(0, 0), Qt::UTC),
                              QDateTime(QDate(2026, 7, 2), QTime(0, 0), Qt::UTC))
                    ->isEmpty());
        QCOMPARE(client.insertEvent(u"not-a-token"_s, u"primary"_s, event).error().code,
                 u"unauthorized"_s);
    }

    void withoutAClientIdNothingIsSent()
    {
        GoogleClient unconfigured({m_sandbox->url(), m_sandbox->url() + u"/google/oauth2/token"_s,
                                   m_sandbox->url(), QString(), QString()});
        QVERIFY(!unconfigured.isConfigured());
        QVERIFY(!unconfigured.refresh(u"x"_s).ok());
        QVERIFY(m_sandbox->state().recorded(u"google"_s).isEmpty());
    }

    // ----- Resend -----

    void resendSendsWithBearerKeyAndIdempotency()
    {
        ResendClient resend(m_sandbox->url() + u"/resend"_s, u"re_test_key_1"_s, m_fast);
        Email email{u"Glow <front@glow.example>"_s,
                    u"patient@example.com"_s,
                    u"Reminder"_s,
                    u"See you tomorrow."_s,
                    QString(),
                    u"key-1"_s};
        auto id = resend.send(email);
        QVERIFY(id.ok());
        const auto request = m_sandbox->state().recorded(u"resend"_s).last();
        QCOMPARE(request.path, u"/resend/emails"_s);
        QCOMPARE(request.headers.value("authorization"), QByteArray("Bearer re_test_key_1"));
        QCOMPARE(request.headers.value("idempotency-key"), QByteArray("key-1"));
        const int stored = int(m_sandbox->resend().emails().size());
        // Sent again with the same key (a retry): the same e-mail, not a second one.
        QCOMPARE(*resend.send(email), *id);
        QCOMPARE(int(m_sandbox->resend().emails().size()), stored);
    }

    void resendRefusalsCarryItsMessage_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("subject");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("message");
        QTest::newRow("invalid key")
            << u"sk_not_resend"_s << u"Hi"_s << u"403"_s << u"API key is invalid"_s;
        QTest::newRow("no subject")
            << u"re_key"_s << QString() << u"422"_s << u"Missing `subject` field."_s;
    }
    void resendRefusalsCarryItsMessage()
    {
        QFETCH(QString, key);
        QFETCH(QString, subject);
        QFETCH(QString, status);
        QFETCH(QString, message);
        ResendClient resend(m_sandbox->url() + u"/resend"_s, key, m_fast);
        auto sent = resend.send({u"a@b.example"_s, u"c@d.example"_s, subject, u"text"_s, {}, {}});
        QVERIFY(!sent.ok());
        QCOMPARE(sent.error().subject, status);
        QVERIFY2(sent.errorMessage().contains(message), qPrintable(sent.errorMessage()));
        QVERIFY(!sent.errorMessage().contains(key));
        QVERIFY(!ResendClient(m_sandbox->url(), QString()).isConfigured());
    }
};

QTEST_GUILESS_MAIN(TestProviderClients)
#include "tst_providerclients.moc"
