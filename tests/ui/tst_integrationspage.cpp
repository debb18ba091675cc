// The Integrations page (C-integrations) against the real server and the provider sandbox: the
// Twilio form says what is wrong where it is wrong and shows the dual-sync's steps; Google
// Calendar is connected in the system browser and the page notices by itself.
#include "pagehost.h"
#include "sandbox/googlesandbox.h"
#include "sandboxfixture.h"
#include "ui/api/apiclient.h"
#include "ui/pages/integrationspage.h"
#include "ui/widgets/toastarea.h"

#include <QDesktopServices>
#include <QEventLoop>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPushButton>
#include <QTest>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;

// Stands in for the system web browser: remembers what the console asked it to open.
class BrowserStandIn : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> opened;

public slots:
    void open(const QUrl &url) { opened << url; }
};

class TestIntegrationsPage : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::SandboxFixture> m_fixture;
    BrowserStandIn m_browser;

    struct Console : vox::test::PageHost<vox::ui::IntegrationsPage>
    {
        Console(const QString &url, const vox::ui::Session &session)
            : PageHost(url, session, {1000, 800})
        {}
    };

    static void fill(vox::ui::IntegrationsPage &page, const QString &sid, const QString &token,
                     const QString &number)
    {
        for (auto [edit, text] :
             {std::pair{page.twilioSidEdit(), sid}, std::pair{page.twilioTokenEdit(), token},
              std::pair{page.twilioNumberEdit(), number}}) {
            edit->clear();
            QTest::keyClicks(edit, text);
        }
    }

    // The browser's part of Google's consent: the sandbox answers the consent at once with a
    // redirect to the server's callback, which is followed here.
    int completeConsent(const QUrl &authUrl)
    {
        QNetworkAccessManager network;
        QNetworkRequest request(authUrl);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                             QNetworkRequest::ManualRedirectPolicy);
        QNetworkReply *reply = network.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        loop.exec();
        const QUrl back(QString::fromLatin1(reply->rawHeader("Location")));
        reply->deleteLater();
        // The server's public address in tests is unreachable; the callback is the same route.
        return m_fixture->console()
            .server()
            .client()
            ->get(back.path() + u'?' + back.query(QUrl::FullyEncoded))
            .status;
    }

private slots:
    void initTestCase()
    {
        m_fixture = std::make_unique<vox::test::SandboxFixture>(u"ui_integrations"_s);
        QVERIFY2(m_fixture->ok(), qPrintable(m_fixture->error()));
        QDesktopServices::setUrlHandler(u"http"_s, &m_browser, "open");
        QDesktopServices::setUrlHandler(u"https"_s, &m_browser, "open");
    }

    void cleanupTestCase()
    {
        QDesktopServices::unsetUrlHandler(u"http"_s);
        QDesktopServices::unsetUrlHandler(u"https"_s);
    }

    // The front desk cannot change the accounts but sees whether texts, e-mail and the calendar
    // work, as they are, not the forms' "Not connected".
    void staffSeeWhetherTheAccountsWork()
    {
        auto &console = m_fixture->console();
        const auto clinic = console.createClinic(u"Staff View Clinic"_s);
        QVERIFY2(m_fixture->connectTwilioAndWait(clinic, m_fixture->newTwilioAccount()).isEmpty(),
                 "Twilio did not connect");
        auto owner = console.server().client();
        owner->setToken(clinic.session.accessToken);
        QCOMPARE(owner
                     ->post(u"/api/org/users"_s, {{u"email"_s, u"desk@staffview.test"_s},
                                                  {u"role"_s, u"staff"_s},
                                                  {u"password"_s, u"front desk password"_s}})
                     .status,
                 201);
        auto staff = console.server().client();
        const auto login =
            staff->post(u"/api/auth/login"_s, {{u"email"_s, u"desk@staffview.test"_s},
                                               {u"password"_s, u"front desk password"_s}});
        QCOMPARE(login.status, 200);

        Console c(console.url(),
                  vox::ui::Session::fromJson(login.json(), QDateTime::currentDateTimeUtc()));
        auto *note = c.page->findChild<QLabel *>(u"staffNote"_s);
        QVERIFY(note);
        QTRY_VERIFY(note->text().contains(u"Working"_s));
        QVERIFY(note->isVisible());
        QVERIFY(note->text().contains(u"Only the clinic's owner or an admin"_s));
        QVERIFY(!c.page->twilioSaveButton()->isVisible());
        QVERIFY(!c.page->twilioStatusLabel()->isVisible());
    }

    void twilioFormShowsEachProblemWhereItIs()
    {
        const auto clinic = m_fixture->console().createClinic(u"Twilio Form Clinic"_s);
        const auto account = m_fixture->newTwilioAccount();
        Console c(m_fixture->console().url(), clinic.session);
        vox::ui::IntegrationsPage &page = *c.page;
        QTRY_VERIFY(page.twilioStatusLabel()->text().contains(u"Not connected"_s));

        // Nothing typed: each field says what it needs, nothing is sent.
        page.twilioSaveButton()->click();
        QVERIFY(page.twilioFieldProblem(u"account_sid"_s).contains(u"Account SID"_s));
        QVERIFY(page.twilioFieldProblem(u"auth_token"_s).contains(u"Auth Token"_s));
        QVERIFY(page.twilioFieldProblem(u"phone_number"_s).contains(u"Twilio number"_s));

        // A number that cannot be read: the reason, at the field, before asking the server.
        fill(page, account.sid, account.token, u"555-0199"_s);
        page.twilioSaveButton()->click();
        QVERIFY(page.twilioFieldProblem(u"phone_number"_s).contains(u"area code included"_s));

        // A SID that cannot be one: the server's refusal names the field.
        fill(page, u"AC-not-a-sid"_s, account.token, account.number);
        page.twilioSaveButton()->click();
        QTRY_VERIFY(page.twilioFieldProblem(u"account_sid"_s).contains(u"34 characters"_s));
        QVERIFY(page.twilioFieldProblem(u"auth_token"_s).isEmpty());

        // The wrong token: Twilio refuses at the first step; the steps show where it stopped.
        fill(page, account.sid, u"wrong-token-0000"_s, account.number);
        page.twilioSaveButton()->click();
        QTRY_VERIFY(page.twilioFieldProblem(u"auth_token"_s).contains(u"did not accept"_s));
        QVERIFY(page.twilioProblem().contains(u"Nothing was changed"_s));
        QCOMPARE(page.twilioStepTexts().value(0), u"validate: failed"_s);
        QCOMPARE(page.twilioStepTexts().value(1), u"store: not_run"_s);
        // No raw HTTP in front of the user.
        QVERIFY(!page.twilioProblem().contains(u"400"_s));

        // A number the account does not own: said at the number.
        fill(page, account.sid, account.token, u"+15559998888"_s);
        page.twilioSaveButton()->click();
        QTRY_VERIFY(page.twilioFieldProblem(u"phone_number"_s).contains(u"not one of"_s));
        QVERIFY(page.twilioFieldProblem(u"auth_token"_s).isEmpty());

        // Right: accepted, then "being checked with Vapi" while the server's job runs (Vapi
        // takes its time here), then connected: every step reported, the SID masked.
        vox::sandbox::Failure slow;
        slow.provider = u"vapi"_s;
        slow.method = u"POST"_s;
        slow.pathPrefix = u"/vapi/credential"_s;
        slow.status = 0;
        slow.delayMs = 3000;
        m_fixture->sandbox().state().addFailure(slow);
        fill(page, account.sid, account.token, account.number);
        page.twilioSaveButton()->click();
        QTRY_VERIFY(
            page.twilioStatusLabel()->text().contains(u"Connecting… (checking with Vapi)"_s));
        QCOMPARE(page.twilioStepTexts().value(2), u"vapi_credential: pending"_s);
        QCOMPARE(page.twilioStepTexts().value(3), u"vapi_number: pending"_s);
        // While the server's job holds the connection, nothing else may change it.
        auto *changeButton = page.findChild<QPushButton *>(u"twilioChangeButton"_s);
        auto *disconnectButton = page.findChild<QPushButton *>(u"twilioDisconnectButton"_s);
        QVERIFY(!changeButton->isVisibleTo(&page));
        QVERIFY(!disconnectButton->isVisibleTo(&page));
        QTRY_COMPARE_WITH_TIMEOUT(page.status().twilio.status, u"active"_s, 20000);
        const QStringList steps = page.twilioStepTexts();
        QCOMPARE(steps.size(), 4);
        QCOMPARE(steps.at(0), u"validate: done"_s);
        QCOMPARE(steps.at(1), u"store: done"_s);
        QCOMPARE(steps.at(2), u"vapi_credential: done"_s);
        QCOMPARE(steps.at(3), u"vapi_number: done"_s);
        QTRY_VERIFY(page.twilioStatusLabel()->text().contains(u"AC••••"_s + account.sid.right(4)));
        QVERIFY(!page.twilioStatusLabel()->text().contains(account.sid));
        QVERIFY(page.twilioFieldProblem(u"phone_number"_s).isEmpty());
        QVERIFY(page.twilioSidEdit()->text().isEmpty()); // the secret does not linger
        QVERIFY(changeButton->isVisibleTo(&page));
        QVERIFY(disconnectButton->isVisibleTo(&page));

        page.disconnectTwilio(false);
        QTRY_VERIFY(!page.status().twilio.configured);
        QTRY_VERIFY(page.twilioStatusLabel()->text().contains(u"Not connected"_s));
    }

    // The server's job fails when Vapi refuses a step: the card marks that step alone as failed
    // (the ones before it done, the ones after it not run), says Vapi's reason once, in the
    // status, and shows the form to try again.
    void aConnectionVapiRefusesSaysWhy_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("reason");
        QTest::addColumn<QStringList>("steps");
        QTest::addColumn<QString>("screenshot");
        QTest::newRow("Vapi refuses the credentials")
            << u"/vapi/credential"_s << u"accountSid is not a Twilio account Vapi can use"_s
            << QStringList{u"validate: done"_s, u"store: done"_s, u"vapi_credential: failed"_s,
                           u"vapi_number: not_run"_s}
            << u"twilio-credentials-refused-by-vapi.png"_s;
        QTest::newRow("Vapi refuses the number")
            << u"/vapi/phone-number"_s << u"Number is already in use by another org"_s
            << QStringList{u"validate: done"_s, u"store: done"_s, u"vapi_credential: done"_s,
                           u"vapi_number: failed"_s}
            << u"twilio-connection-refused-by-vapi.png"_s;
    }
    void aConnectionVapiRefusesSaysWhy()
    {
        QFETCH(QString, path);
        QFETCH(QString, reason);
        QFETCH(QStringList, steps);
        QFETCH(QString, screenshot);
        const auto clinic = m_fixture->console().createClinic(
            u"Twilio Refused Clinic "_s + QString::fromUtf8(QTest::currentDataTag()));
        const auto account = m_fixture->newTwilioAccount();
        Console c(m_fixture->console().url(), clinic.session);
        vox::ui::IntegrationsPage &page = *c.page;
        QTRY_VERIFY(page.twilioStatusLabel()->text().contains(u"Not connected"_s));
        vox::sandbox::Failure refused;
        refused.provider = u"vapi"_s;
        refused.method = u"POST"_s;
        refused.pathPrefix = path;
        refused.status = 400;
        refused.remaining = 1;
        refused.body = {{u"message"_s, reason}};
        m_fixture->sandbox().state().addFailure(refused);

        fill(page, account.sid, account.token, account.number);
        page.twilioSaveButton()->click();
        QTRY_COMPARE_WITH_TIMEOUT(page.status().twilio.status, u"failed"_s, 20000);
        QTRY_COMPARE(page.twilioStepTexts(), steps);
        const QString status = page.twilioStatusLabel()->text();
        QCOMPARE(status.count(reason), 1);
        QVERIFY2(page.twilioProblem().isEmpty(), qPrintable(page.twilioProblem()));
        QVERIFY(page.twilioSaveButton()->isVisibleTo(&page));
        if (const QByteArray dir = qgetenv("VOXANNE_SCREENSHOT_DIR"); !dir.isEmpty())
            page.window()->grab().save(QString::fromLocal8Bit(dir) + u"/"_s + screenshot);
        m_fixture->sandbox().state().clearFailures();
    }

    void googleConnectsInTheBrowserAndThePageNotices()
    {
        const auto clinic = m_fixture->console().createClinic(u"Calendar Clinic"_s);
        Console c(m_fixture->console().url(), clinic.session);
        vox::ui::IntegrationsPage &page = *c.page;
        QTRY_VERIFY(page.googleStatusLabel()->text().contains(u"Not connected"_s));
        QVERIFY(page.googleConnectButton()->isEnabled());

        m_browser.opened.clear();
        page.googleConnectButton()->click();
        QTRY_COMPARE(m_browser.opened.size(), 1);
        QVERIFY(page.isWaitingForGoogle());
        QVERIFY(page.googleStatusLabel()->text().contains(u"browser"_s));
        QCOMPARE(completeConsent(m_browser.opened.first()), 200);

        // No event stream here: the page's own polling notices.
        QTRY_VERIFY_WITH_TIMEOUT(
            page.googleStatusLabel()->text().contains(vox::sandbox::GoogleSandbox::demoEmail),
            15000);
        QVERIFY(!page.isWaitingForGoogle());

        const auto lastToast = [&c] {
            const auto all = c.toasts.toasts();
            return all.isEmpty() ? QString() : all.last()->text();
        };
        c.toasts.clear();
        page.disconnectGoogle(false);
        QTRY_VERIFY(page.googleStatusLabel()->text().contains(u"Not connected"_s));
        QTRY_COMPARE(lastToast(), u"Google Calendar is disconnected."_s);

        // Connected again, then Google away at the moment of disconnecting: disconnected here,
        // and the admin is told where to make sure at Google.
        m_browser.opened.clear();
        page.googleConnectButton()->click();
        QTRY_COMPARE(m_browser.opened.size(), 1);
        QCOMPARE(completeConsent(m_browser.opened.first()), 200);
        QTRY_VERIFY_WITH_TIMEOUT(
            page.googleStatusLabel()->text().contains(vox::sandbox::GoogleSandbox::demoEmail),
            15000);
        vox::sandbox::Failure down;
        down.provider = u"google"_s;
        down.status = 503;
        down.remaining = 50;
        down.pathPrefix = u"/google/oauth2/revoke"_s;
        m_fixture->sandbox().state().addFailure(down);
        c.toasts.clear();
        page.disconnectGoogle(false);
        QTRY_VERIFY(page.googleStatusLabel()->text().contains(u"Not connected"_s));
        QTRY_VERIFY_WITH_TIMEOUT(lastToast().contains(u"Google did not confirm"_s), 15000);
        m_fixture->sandbox().state().clearFailures();
    }
};

QTEST_MAIN(TestIntegrationsPage)
#include "tst_integrationspage.moc"
