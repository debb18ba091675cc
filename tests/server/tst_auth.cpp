// Sign-up, sessions and roles (S-auth): provisioning, login throttling, refresh-token rotation
// with reuse detection, invitations and role checks.
#include "core/crypto/jwt.h"
#include "testserver.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::test::HttpClient;
using vox::test::HttpReply;

class TestAuth : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::TestDatabase> m_db;
    std::unique_ptr<vox::test::TestServer> m_server;
    int m_counter = 0;

    QString uniqueEmail(const QString &who = u"owner"_s)
    {
        return u"%1.%2@clinic.test"_s.arg(who).arg(++m_counter);
    }

    HttpReply signUp(HttpClient &client, const QString &email,
                     const QString &org = u"Glow Med Spa"_s)
    {
        return client.post(u"/api/auth/signup"_s, {{u"organization_name"_s, org},
                                                   {u"email"_s, email},
                                                   {u"password"_s, u"correct horse battery"_s},
                                                   {u"full_name"_s, u"Dana Owner"_s},
                                                   {u"time_zone"_s, u"America/Chicago"_s}});
    }

    HttpReply login(HttpClient &client, const QString &email, const QString &password,
                    const QByteArray &address = "203.0.113.7")
    {
        // The server sees the socket's address; X-Forwarded-For is not trusted, so tests of the
        // per-address limit use distinct accounts instead.
        Q_UNUSED(address);
        return client.post(u"/api/auth/login"_s, {{u"email"_s, email}, {u"password"_s, password}});
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<vox::test::TestDatabase>(u"auth"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_server = std::make_unique<vox::test::TestServer>(*m_db);
        QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
    }

    void signUpProvisionsTheClinicAtomically()
    {
        auto client = m_server->client();
        const QString email = uniqueEmail();
        const HttpReply reply = signUp(*client, email);
        QCOMPARE(reply.status, 201);
        const QJsonObject session = reply.json();
        QVERIFY(!session.value(u"access_token"_s).toString().isEmpty());
        QVERIFY(!session.value(u"refresh_token"_s).toString().isEmpty());
        QVERIFY(!session.contains(u"refresh_token_id"_s));
        QCOMPARE(session.value(u"expires_in"_s).toInt(), 900);
        QCOMPARE(session.value(u"user"_s).toObject().value(u"role"_s).toString(), u"owner"_s);
        QCOMPARE(session.value(u"organization"_s).toObject().value(u"time_zone"_s).toString(),
                 u"America/Chicago"_s);
        const QString orgId = session.value(u"organization"_s).toObject().value(u"id"_s).toString();

        auto admin = m_db->connectAsAdmin();
        const auto services = admin->exec(
            "SELECT name, price_cents, keywords::text FROM services WHERE org_id = $1::uuid "
            "ORDER BY price_cents",
            {orgId});
        QCOMPARE(services->rowCount(), 7);
        QCOMPARE(services->text(0, 0), u"Consultation"_s);
        QCOMPARE(services->toInt(0, 1), 15000);
        QCOMPARE(services->text(6, 0), u"Facelift"_s);
        QCOMPARE(services->toInt(6, 1), 800000);
        const auto botox = admin->exec(
            "SELECT keywords::text FROM services WHERE org_id = $1::uuid AND name = 'Botox'",
            {orgId});
        QCOMPARE(botox->text(0, 0), u"{botox,wrinkle,injection}"_s);
        QCOMPARE(admin->exec("SELECT count(*) FROM business_hours WHERE org_id = $1::uuid", {orgId})
                     ->toInt(0, 0),
                 6);
        QCOMPARE(admin->exec("SELECT count(*) FROM agents WHERE org_id = $1::uuid", {orgId})
                     ->toInt(0, 0),
                 1);

        client->setToken(session.value(u"access_token"_s).toString());
        const HttpReply me = client->get(u"/api/me"_s);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value(u"user"_s).toObject().value(u"email"_s).toString(), email);
    }

    void signUpValidatesEachField_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        const QJsonObject good{{u"organization_name"_s, u"Clinic"_s},
                               {u"email"_s, u"a@b.test"_s},
                               {u"password"_s, u"long enough pw"_s}};
        QJsonObject b = good;
        b.remove(u"organization_name"_s);
        QTest::newRow("no clinic name") << b << 400 << u"organization_name"_s;
        b = good;
        b[u"email"_s] = u"not-an-email"_s;
        QTest::newRow("bad email") << b << 400 << u"email"_s;
        b = good;
        b[u"password"_s] = u"short"_s;
        QTest::newRow("short password") << b << 400 << u"password"_s;
        // bcrypt reads 72 bytes: a longer password would be accepted on its first 72.
        b = good;
        b[u"password"_s] = QString(73, u'p');
        QTest::newRow("73 characters") << b << 400 << u"password"_s;
        b = good;
        b[u"password"_s] = QString(QString(36, u'\u00f1') + u'x'); // 73 bytes in UTF-8
        QTest::newRow("37 accented letters, 73 bytes") << b << 400 << u"password"_s;
        b = good;
        b[u"password"_s] = QString(72, u'p');
        b[u"email"_s] = u"seventy.two@b.test"_s;
        QTest::newRow("72 characters") << b << 201 << QString();
        b = good;
        b[u"time_zone"_s] = u"Mars/Olympus"_s;
        QTest::newRow("unknown time zone") << b << 400 << u"time_zone"_s;
        b = good;
        b[u"time_zone"_s] = u"Etc/UTC"_s;
        b[u"email"_s] = u"utc.clinic@b.test"_s;
        QTest::newRow("Etc/UTC is a time zone") << b << 201 << QString();
        b = good;
        b[u"email"_s] = 42;
        QTest::newRow("wrong type") << b << 400 << u"email"_s;
        b = good;
        b[u"unknown_field"_s] = u"ignored"_s;
        b[u"email"_s] = u"ignored.unknown@b.test"_s;
        QTest::newRow("unknown fields are ignored") << b << 201 << QString();
    }
    void signUpValidatesEachField()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        auto client = m_server->client();
        const HttpReply reply = client->post(u"/api/auth/signup"_s, body);
        QCOMPARE(reply.status, status);
        if (!field.isEmpty()) {
            QCOMPARE(reply.json().value(u"field"_s).toString(), field);
            QVERIFY(!reply.error().isEmpty());
        }
    }

    void rejectsBodiesThatAreNotJson()
    {
        auto client = m_server->client();
        const HttpReply form = client->send("POST", u"/api/auth/login"_s, "email=a&password=b", {},
                                            "application/x-www-form-urlencoded");
        QCOMPARE(form.status, 415);
        const HttpReply broken = client->send("POST", u"/api/auth/login"_s, "{\"email\": ", {});
        QCOMPARE(broken.status, 400);
        QVERIFY(broken.error().contains(u"not valid JSON"_s));
    }

    void aSecondAccountWithTheSameEmailIsRefused()
    {
        auto client = m_server->client();
        const QString email = uniqueEmail();
        QCOMPARE(signUp(*client, email).status, 201);
        const HttpReply again = signUp(*client, email.toUpper(), u"Other Clinic"_s);
        QCOMPARE(again.status, 409);
    }

    void loginChecksThePassword_data()
    {
        QTest::addColumn<bool>("knownEmail");
        QTest::addColumn<bool>("rightPassword");
        QTest::addColumn<int>("status");
        QTest::newRow("right") << true << true << 200;
        QTest::newRow("wrong password") << true << false << 401;
        QTest::newRow("unknown e-mail") << false << true << 401;
    }
    void loginChecksThePassword()
    {
        QFETCH(bool, knownEmail);
        QFETCH(bool, rightPassword);
        QFETCH(int, status);
        auto client = m_server->client();
        const QString email = uniqueEmail();
        QCOMPARE(signUp(*client, email).status, 201);
        const HttpReply reply =
            login(*client, knownEmail ? email : uniqueEmail(u"nobody"_s),
                  rightPassword ? u"correct horse battery"_s : u"wrong password!"_s);
        QCOMPARE(reply.status, status);
        if (status == 401) // one message for both: no account discovery
            QCOMPARE(reply.error(), u"The e-mail or password is not correct."_s);
    }

    void loginIsThrottledPerAccount()
    {
        auto client = m_server->client();
        const QString email = uniqueEmail();
        QCOMPARE(signUp(*client, email).status, 201);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(login(*client, email, u"wrong password!"_s).status, 401);
        const HttpReply blocked = login(*client, email, u"correct horse battery"_s);
        QCOMPARE(blocked.status, 429);
        QVERIFY(blocked.headers.value("retry-after").toInt() > 0);
        QVERIFY(blocked.error().contains(u"Too many"_s));
        // Another account from the same address still signs in.
        const QString other = uniqueEmail();
        QCOMPARE(signUp(*client, other).status, 201);
        QCOMPARE(login(*client, other, u"correct horse battery"_s).status, 200);
    }

    void loginIsThrottledPerAddress()
    {
        // Failures on many accounts from one address add up to the address limit (20).
        auto client = m_server->client();
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin->exec("DELETE FROM rate_limit_buckets").ok());
        for (int i = 0; i < 20; ++i)
            QCOMPARE(login(*client, uniqueEmail(u"ghost"_s), u"whatever it is"_s).status, 401);
        QCOMPARE(login(*client, uniqueEmail(u"ghost"_s), u"whatever it is"_s).status, 429);
        QVERIFY(admin->exec("DELETE FROM rate_limit_buckets").ok());
    }

    void accessTokensCarryTheClaims()
    {
        auto client = m_server->client();
        const QString email = uniqueEmail();
        const QJsonObject session = signUp(*client, email).json();
        const auto claims = vox::crypto::jwt::verifyHs256(
            session.value(u"access_token"_s).toString(), vox::test::TestServer::jwtSecret.toUtf8(),
            QDateTime::currentDateTimeUtc());
        QVERIFY(claims.ok());
        QCOMPARE(claims->value(u"sub"_s).toString(),
                 session.value(u"user"_s).toObject().value(u"id"_s).toString());
        QCOMPARE(claims->value(u"email"_s).toString(), email);
        QCOMPARE(claims->value(u"role"_s).toString(), u"owner"_s);
        QCOMPARE(claims->value(u"app_metadata"_s).toObject().value(u"org_id"_s).toString(),
                 session.value(u"organization"_s).toObject().value(u"id"_s).toString());
        const qint64 lifetime =
            qint64(claims->value(u"exp"_s).toDouble() - claims->value(u"iat"_s).toDouble());
        QCOMPARE(lifetime, 900);
    }

    void protectedRoutesRefuseMissingOrForgedTokens_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("none") << QString();
        QTest::newRow("garbage") << u"not.a.token"_s;
        QTest::newRow("other secret") << vox::crypto::jwt::signHs256(
            {{u"sub"_s, u"x"_s},
             {u"exp"_s, QDateTime::currentSecsSinceEpoch() + 600},
             {u"app_metadata"_s, QJsonObject{{u"org_id"_s, u"y"_s}}}},
            "some-other-secret-that-is-long-enough");
        QTest::newRow("expired") << vox::crypto::jwt::signHs256(
            {{u"sub"_s, u"x"_s},
             {u"exp"_s, QDateTime::currentSecsSinceEpoch() - 600},
             {u"app_metadata"_s, QJsonObject{{u"org_id"_s, u"y"_s}}}},
            vox::test::TestServer::jwtSecret.toUtf8());
        // Our secret and claims, but signed as another issuer (or with none).
        for (const QString &issuer : {u"another-service"_s, QString()}) {
            QJsonObject claims{
                {u"sub"_s, u"00000000-0000-4000-8000-000000000001"_s},
                {u"exp"_s, QDateTime::currentSecsSinceEpoch() + 600},
                {u"app_metadata"_s,
                 QJsonObject{{u"org_id"_s, u"00000000-0000-4000-8000-000000000002"_s},
                             {u"role"_s, u"owner"_s}}}};
            if (!issuer.isEmpty())
                claims.insert(u"iss"_s, issuer);
            QTest::newRow(issuer.isEmpty() ? "no issuer" : "another issuer")
                << vox::crypto::jwt::signHs256(claims, vox::test::TestServer::jwtSecret.toUtf8());
        }
    }
    void protectedRoutesRefuseMissingOrForgedTokens()
    {
        QFETCH(QString, token);
        auto client = m_server->client();
        client->setToken(token);
        const HttpReply reply = client->get(u"/api/me"_s);
        QCOMPARE(reply.status, 401);
        QVERIFY(!reply.error().isEmpty());
        QCOMPARE(reply.headers.value("www-authenticate"), QByteArray("Bearer"));
    }

    void refreshRotatesAndReuseRevokesTheFamily()
    {
        auto client = m_server->client();
        const QJsonObject first = signUp(*client, uniqueEmail()).json();
        const QString original = first.value(u"refresh_token"_s).toString();

        const HttpReply rotated =
            client->post(u"/api/auth/refresh"_s, {{u"refresh_token"_s, original}});
        QCOMPARE(rotated.status, 200);
        const QString next = rotated.json().value(u"refresh_token"_s).toString();
        QVERIFY(next != original);
        QVERIFY(!rotated.json().value(u"access_token"_s).toString().isEmpty());

        // The old token again: someone else has it. Both it and its successor stop working.
        const HttpReply reused =
            client->post(u"/api/auth/refresh"_s, {{u"refresh_token"_s, original}});
        QCOMPARE(reused.status, 401);
        QVERIFY(reused.error().contains(u"used twice"_s));
        QCOMPARE(client->post(u"/api/auth/refresh"_s, {{u"refresh_token"_s, next}}).status, 401);
    }

    void logoutEndsTheSession()
    {
        auto client = m_server->client();
        const QJsonObject session = signUp(*client, uniqueEmail()).json();
        const QString token = session.value(u"refresh_token"_s).toString();
        QCOMPARE(client->post(u"/api/auth/logout"_s, {{u"refresh_token"_s, token}}).status, 200);
        QCOMPARE(client->post(u"/api/auth/refresh"_s, {{u"refresh_token"_s, token}}).status, 401);
        QCOMPARE(
            client->post(u"/api/auth/refresh"_s, {{u"refresh_token"_s, u"never-issued"_s}}).status,
            401);
    }

    void changingThePasswordNeedsTheCurrentOne()
    {
        auto client = m_server->client();
        const QString email = uniqueEmail();
        client->setToken(signUp(*client, email).json().value(u"access_token"_s).toString());
        QCOMPARE(
            client
                ->post(u"/api/auth/password"_s, {{u"current_password"_s, u"wrong one at all"_s},
                                                 {u"new_password"_s, u"a brand new password"_s}})
                .status,
            400);
        QCOMPARE(client
                     ->post(u"/api/auth/password"_s,
                            {{u"current_password"_s, u"correct horse battery"_s},
                             {u"new_password"_s, u"a brand new password"_s}})
                     .status,
                 200);
        QCOMPARE(login(*client, email, u"a brand new password"_s).status, 200);
    }

    void changingThePasswordEndsEveryOtherSession()
    {
        auto client = m_server->client();
        const QString email = uniqueEmail();
        const QJsonObject here = signUp(*client, email).json();
        const QJsonObject elsewhere = login(*client, email, u"correct horse battery"_s).json();
        const QJsonObject third = login(*client, email, u"correct horse battery"_s).json();
        client->setToken(here.value(u"access_token"_s).toString());
        const HttpReply changed =
            client->post(u"/api/auth/password"_s,
                         {{u"current_password"_s, u"correct horse battery"_s},
                          {u"new_password"_s, u"a brand new password"_s},
                          {u"refresh_token"_s, here.value(u"refresh_token"_s).toString()}});
        QCOMPARE(changed.status, 200);
        QCOMPARE(changed.json().value(u"other_sessions_ended"_s).toInt(), 2);
        client->setToken(QString());
        for (const QJsonObject &ended : {elsewhere, third})
            QCOMPARE(client
                         ->post(u"/api/auth/refresh"_s,
                                {{u"refresh_token"_s, ended.value(u"refresh_token"_s).toString()}})
                         .status,
                     401);
        QCOMPARE(client
                     ->post(u"/api/auth/refresh"_s,
                            {{u"refresh_token"_s, here.value(u"refresh_token"_s).toString()}})
                     .status,
                 200);
    }

    void invitationsFollowRoles_data()
    {
        QTest::addColumn<QString>("inviterRole");
        QTest::addColumn<QString>("inviteeRole");
        QTest::addColumn<int>("status");
        QTest::newRow("owner adds admin") << u"owner"_s << u"admin"_s << 201;
        QTest::newRow("owner adds owner") << u"owner"_s << u"owner"_s << 201;
        QTest::newRow("admin adds staff") << u"admin"_s << u"staff"_s << 201;
        QTest::newRow("admin cannot add owner") << u"admin"_s << u"owner"_s << 403;
        QTest::newRow("staff cannot invite") << u"staff"_s << u"staff"_s << 403;
    }
    void invitationsFollowRoles()
    {
        QFETCH(QString, inviterRole);
        QFETCH(QString, inviteeRole);
        QFETCH(int, status);
        auto owner = m_server->client();
        owner->setToken(signUp(*owner, uniqueEmail()).json().value(u"access_token"_s).toString());

        auto inviter = m_server->client();
        if (inviterRole == u"owner") {
            inviter->setToken(owner->token());
        } else {
            const QString email = uniqueEmail(inviterRole);
            const HttpReply made =
                owner->post(u"/api/org/users"_s, {{u"email"_s, email}, {u"role"_s, inviterRole}});
            QCOMPARE(made.status, 201);
            const QString password = made.json().value(u"temporary_password"_s).toString();
            QVERIFY(password.size() >= 10);
            inviter->setToken(
                login(*inviter, email, password).json().value(u"access_token"_s).toString());
        }
        const QString inviteeEmail = uniqueEmail(inviteeRole);
        const HttpReply invited =
            inviter->post(u"/api/org/users"_s, {{u"email"_s, inviteeEmail},
                                                {u"role"_s, inviteeRole},
                                                {u"password"_s, u"chosen by admin"_s}});
        QCOMPARE(invited.status, status);
        if (status == 201) {
            QVERIFY(!invited.json().contains(u"temporary_password"_s));
            auto invitee = m_server->client();
            const HttpReply signedIn = login(*invitee, inviteeEmail, u"chosen by admin"_s);
            QCOMPARE(signedIn.status, 200);
            QCOMPARE(signedIn.json().value(u"user"_s).toObject().value(u"role"_s).toString(),
                     inviteeRole);
        }
    }

    void usersOfAnotherClinicStayInvisible()
    {
        auto a = m_server->client();
        a->setToken(signUp(*a, uniqueEmail()).json().value(u"access_token"_s).toString());
        const QString colleague = uniqueEmail(u"colleague"_s);
        QCOMPARE(
            a->post(u"/api/org/users"_s, {{u"email"_s, colleague}, {u"role"_s, u"staff"_s}}).status,
            201);

        auto b = m_server->client();
        b->setToken(signUp(*b, uniqueEmail()).json().value(u"access_token"_s).toString());
        const QJsonArray usersOfB = b->get(u"/api/org/users"_s).json().value(u"items"_s).toArray();
        QCOMPARE(usersOfB.size(), 1);
        for (const QJsonValue &u : usersOfB)
            QVERIFY(u.toObject().value(u"email"_s).toString() != colleague);
        const QJsonArray usersOfA = a->get(u"/api/org/users"_s).json().value(u"items"_s).toArray();
        QCOMPARE(usersOfA.size(), 2);
        // Inviting an address that exists in another clinic is refused without saying where.
        const HttpReply taken =
            b->post(u"/api/org/users"_s, {{u"email"_s, colleague}, {u"role"_s, u"staff"_s}});
        QCOMPARE(taken.status, 409);
    }

    void cleanupTestCase()
    {
        m_server.reset();
        m_db.reset();
    }
};

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"
