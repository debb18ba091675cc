// Sign-up, sessions and roles (S-auth): provisioning, login throttling, refresh-token rotation
// with reuse detection, invitations and role checks, disabling users.
#include "core/crypto/jwt.h"
#include "server/db/database.h"
#include "server/services/accountstate.h"
#include "server/services/authservice.h"
#include "testserver.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QTest>

#include <vector>

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

    // The test server trusts 127.0.0.1 as its reverse proxy, so X-Forwarded-For names the client.
    HttpReply login(HttpClient &client, const QString &email, const QString &password,
                    const QByteArray &address = "203.0.113.7")
    {
        return client.send(
            "POST", u"/api/auth/login"_s,
            QJsonDocument(QJsonObject{{u"email"_s, email}, {u"password"_s, password}})
                .toJson(QJsonDocument::Compact),
            {{"X-Forwarded-For", address}});
    }

    HttpReply setDisabled(HttpClient &client, const QString &userId, const QJsonObject &body,
                          const QByteArray &address = "198.51.100.77")
    {
        return client.send("PATCH", u"/api/org/users/"_s + userId,
                           QJsonDocument(body).toJson(QJsonDocument::Compact),
                           {{"X-Forwarded-For", address}});
    }

    struct Member
    {
        QString id;
        QString email;
        QJsonObject session; // access_token, refresh_token
    };

    // A member of `owner`'s clinic with the given role, signed in.
    Member addMember(HttpClient &owner, const QString &role)
    {
        Member m;
        m.email = uniqueEmail(role);
        const HttpReply made = owner.post(
            u"/api/org/users"_s,
            {{u"email"_s, m.email}, {u"role"_s, role}, {u"password"_s, u"chosen by admin"_s}});
        if (made.status != 201)
            qWarning() << "invite failed" << made.status << made.body;
        m.id = made.json().value(u"user"_s).toObject().value(u"id"_s).toString();
        auto client = m_server->client();
        m.session = login(*client, m.email, u"chosen by admin"_s).json();
        return m;
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<vox::test::TestDatabase>(u"auth"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_server = std::make_unique<vox::test::TestServer>(
            *m_db, QHash<QString, QString>{{u"VOXANNE_TRUSTED_PROXIES"_s, u"127.0.0.1"_s}});
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
        // One fixed sentence: nothing about the clinic or the state of the account.
        QCOMPARE(again.error(), vox::server::AuthService::emailTakenMessage);
    }

    void signUpIsThrottledPerAddressByDefault()
    {
        // A server with the default limit (5 per address per hour); the harness raises it.
        vox::test::TestServer server(*m_db, {{u"VOXANNE_SIGNUP_LIMIT"_s, QString()},
                                             {u"VOXANNE_TRUSTED_PROXIES"_s, u"127.0.0.1"_s}});
        QVERIFY2(server.ok(), qPrintable(server.error()));
        auto client = server.client();
        const auto signUpFrom = [&](const QByteArray &address) {
            return client->send(
                "POST", u"/api/auth/signup"_s,
                QJsonDocument(QJsonObject{{u"organization_name"_s, u"Glow Med Spa"_s},
                                          {u"email"_s, uniqueEmail()},
                                          {u"password"_s, u"correct horse battery"_s}})
                    .toJson(QJsonDocument::Compact),
                {{"X-Forwarded-For", address}});
        };
        for (int i = 0; i < 5; ++i)
            QCOMPARE(signUpFrom("198.51.100.23").status, 201);
        const HttpReply refused = signUpFrom("198.51.100.23");
        QCOMPARE(refused.status, 429);
        QVERIFY(refused.headers.value("retry-after").toInt() > 0);
        QVERIFY2(refused.error().contains(u"Too many sign-ups"_s), refused.body.constData());
        // Another address is not affected.
        QCOMPARE(signUpFrom("198.51.100.24").status, 201);
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

    // The user list's "last sign-in": a password sign-in and the session the console on this
    // computer opens without one both note it.
    void everyWayInNotesTheSignIn_data()
    {
        QTest::addColumn<bool>("withPassword");
        QTest::newRow("password") << true;
        QTest::newRow("session on this computer") << false;
    }
    void everyWayInNotesTheSignIn()
    {
        QFETCH(bool, withPassword);
        auto client = m_server->client();
        const QString email = uniqueEmail();
        QCOMPARE(signUp(*client, email).status, 201);
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin->exec("UPDATE profiles SET last_login_at = NULL WHERE email = $1", {email}));
        if (withPassword) {
            QCOMPARE(login(*client, email, u"correct horse battery"_s).status, 200);
        } else {
            auto session = m_server->server().localSession(email);
            QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.errorMessage()));
        }
        const auto noted = admin->exec(
            "SELECT last_login_at IS NOT NULL AND last_login_at > now() - interval '1 minute' "
            "FROM profiles WHERE email = $1",
            {email});
        QVERIFY(noted);
        QVERIFY2(noted->toBool(0, 0), "the sign-in is noted as it happens");
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

    void concurrentWrongLoginsAreCountedBeforeTheCheck()
    {
        // 16 wrong guesses at once for one account (limit 5): each is counted before its
        // password is checked, so exactly 5 reach the check and 11 are refused unchecked.
        auto client = m_server->client();
        const QString email = uniqueEmail();
        QCOMPARE(signUp(*client, email).status, 201);
        constexpr int attempts = 16;
        std::vector<std::unique_ptr<QNetworkAccessManager>> networks;
        QList<QNetworkReply *> replies;
        const QByteArray body =
            QJsonDocument(QJsonObject{{u"email"_s, email}, {u"password"_s, u"wrong guess!!"_s}})
                .toJson(QJsonDocument::Compact);
        for (int i = 0; i < attempts; ++i) {
            networks.push_back(std::make_unique<QNetworkAccessManager>()); // a connection each
            QNetworkRequest request(QUrl(m_server->url() + u"/api/auth/login"_s));
            request.setRawHeader("Content-Type", "application/json");
            request.setRawHeader("X-Forwarded-For", "203.0.113.160");
            replies.append(networks.back()->post(request, body));
        }
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(replies.cbegin(), replies.cend(),
                                             [](QNetworkReply *r) { return r->isFinished(); }),
                                 60000);
        QMap<int, int> statuses;
        for (QNetworkReply *r : std::as_const(replies)) {
            ++statuses[r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()];
            r->deleteLater();
        }
        qInfo("16 concurrent wrong logins: %d x 401, %d x 429", statuses.value(401),
              statuses.value(429));
        QCOMPARE(statuses.value(401), 5);
        QCOMPARE(statuses.value(429), 11);
        QCOMPARE(statuses.size(), 2);
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

    // A member who forgot their password: an admin gives them a temporary one, shown once. The
    // old password and every session of theirs stop working, the sign-in says the password must
    // change, and changing it clears that. Only an owner resets an owner; nobody resets their own.
    void anAdminResetsAForgottenPassword()
    {
        auto owner = m_server->client();
        const QString ownerEmail = uniqueEmail();
        const QJsonObject ownerSession = signUp(*owner, ownerEmail).json();
        QCOMPARE(
            ownerSession.value(u"user"_s).toObject().value(u"must_change_password"_s).toBool(true),
            false);
        owner->setToken(ownerSession.value(u"access_token"_s).toString());
        const QString deskEmail = uniqueEmail();
        const HttpReply invited =
            owner->post(u"/api/org/users"_s, {{u"email"_s, deskEmail},
                                              {u"role"_s, u"staff"_s},
                                              {u"password"_s, u"front desk password"_s}});
        QCOMPARE(invited.status, 201);
        const QString deskId = invited.json().value(u"user"_s).toObject().value(u"id"_s).toString();
        auto desk = m_server->client();
        const QJsonObject deskSession = login(*desk, deskEmail, u"front desk password"_s).json();

        const HttpReply reset =
            owner->post(u"/api/org/users/"_s + deskId + u"/password-reset"_s, QJsonObject{});
        QCOMPARE(reset.status, 200);
        const QString temporary = reset.json().value(u"temporary_password"_s).toString();
        QVERIFY(temporary.size() >= 12);
        QCOMPARE(login(*desk, deskEmail, u"front desk password"_s).status, 401);
        QCOMPARE(
            desk->post(u"/api/auth/refresh"_s,
                       {{u"refresh_token"_s, deskSession.value(u"refresh_token"_s).toString()}})
                .status,
            401);
        const HttpReply signedIn = login(*desk, deskEmail, temporary);
        QCOMPARE(signedIn.status, 200);
        QCOMPARE(
            signedIn.json().value(u"user"_s).toObject().value(u"must_change_password"_s).toBool(),
            true);
        desk->setToken(signedIn.json().value(u"access_token"_s).toString());
        QCOMPARE(desk->post(u"/api/auth/password"_s, {{u"current_password"_s, temporary},
                                                      {u"new_password"_s, u"my own new secret"_s}})
                     .status,
                 200);
        const HttpReply after = login(*desk, deskEmail, u"my own new secret"_s);
        QCOMPARE(after.status, 200);
        QCOMPARE(
            after.json().value(u"user"_s).toObject().value(u"must_change_password"_s).toBool(true),
            false);

        // Nobody resets their own (that is what changing it is for); staff reset nobody; an
        // admin does not reset an owner's.
        const QString ownerId = ownerSession.value(u"user"_s).toObject().value(u"id"_s).toString();
        QCOMPARE(owner->post(u"/api/org/users/"_s + ownerId + u"/password-reset"_s, QJsonObject{})
                     .status,
                 403);
        desk->setToken(after.json().value(u"access_token"_s).toString());
        QCOMPARE(
            desk->post(u"/api/org/users/"_s + ownerId + u"/password-reset"_s, QJsonObject{}).status,
            403);
        const QString adminEmail = uniqueEmail();
        QCOMPARE(owner
                     ->post(u"/api/org/users"_s, {{u"email"_s, adminEmail},
                                                  {u"role"_s, u"admin"_s},
                                                  {u"password"_s, u"clinic admin password"_s}})
                     .status,
                 201);
        auto admin = m_server->client();
        admin->setToken(login(*admin, adminEmail, u"clinic admin password"_s)
                            .json()
                            .value(u"access_token"_s)
                            .toString());
        const HttpReply refused =
            admin->post(u"/api/org/users/"_s + ownerId + u"/password-reset"_s, QJsonObject{});
        QCOMPARE(refused.status, 403);
        QVERIFY(refused.error().contains(u"owner"_s));
        QCOMPARE(
            admin->post(u"/api/org/users/"_s + deskId + u"/password-reset"_s, QJsonObject{}).status,
            200);
        QCOMPARE(admin
                     ->post(u"/api/org/users/00000000-0000-4000-8000-000000000000/password-reset"_s,
                            QJsonObject{})
                     .status,
                 404);
        // An invitation without a password makes one up: it must change too.
        const QString generatedEmail = uniqueEmail();
        const HttpReply generated = owner->post(
            u"/api/org/users"_s, {{u"email"_s, generatedEmail}, {u"role"_s, u"staff"_s}});
        QCOMPARE(generated.status, 201);
        const HttpReply first = login(*desk, generatedEmail,
                                      generated.json().value(u"temporary_password"_s).toString());
        QCOMPARE(first.status, 200);
        QCOMPARE(first.json().value(u"user"_s).toObject().value(u"must_change_password"_s).toBool(),
                 true);
    }

    void wrongCurrentPasswordsAreThrottledPerUser()
    {
        auto client = m_server->client();
        client->setToken(signUp(*client, uniqueEmail()).json().value(u"access_token"_s).toString());
        const auto change = [&](const QString &current) {
            return client->post(
                u"/api/auth/password"_s,
                {{u"current_password"_s, current}, {u"new_password"_s, u"a brand new password"_s}});
        };
        for (int i = 0; i < 5; ++i)
            QCOMPARE(change(u"a wrong guess %1"_s.arg(i)).status, 400);
        // The sixth attempt is refused before the password is looked at, even the right one.
        const HttpReply refused = change(u"correct horse battery"_s);
        QCOMPARE(refused.status, 429);
        QVERIFY(refused.headers.value("retry-after").toInt() > 0);
        QVERIFY2(refused.error().contains(u"Too many"_s), refused.body.constData());
    }

    void disablingAUserEndsTheirAccessAtOnce()
    {
        auto owner = m_server->client();
        owner->setToken(signUp(*owner, uniqueEmail()).json().value(u"access_token"_s).toString());
        const Member staff = addMember(*owner, u"staff"_s);
        auto asStaff = m_server->client();
        asStaff->setToken(staff.session.value(u"access_token"_s).toString());
        QCOMPARE(asStaff->get(u"/api/contacts"_s).status, 200);

        const HttpReply disabled = setDisabled(*owner, staff.id, {{u"disabled"_s, true}});
        QCOMPARE(disabled.status, 200);
        QCOMPARE(disabled.json().value(u"user"_s).toObject().value(u"disabled"_s).toBool(), true);

        // The access token is still within its lifetime, and refused with a reason.
        const HttpReply refused = asStaff->get(u"/api/contacts"_s);
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.error(),
                 u"This account has been disabled; ask the clinic's owner or an admin."_s);
        // The refresh token was revoked with every other session of the user.
        auto anonymous = m_server->client();
        const HttpReply refresh = anonymous->post(
            u"/api/auth/refresh"_s,
            {{u"refresh_token"_s, staff.session.value(u"refresh_token"_s).toString()}});
        QCOMPARE(refresh.status, 401);
        QVERIFY2(refresh.error().contains(u"disabled"_s), refresh.body.constData());
        QCOMPARE(login(*anonymous, staff.email, u"chosen by admin"_s).status, 403);
        // The list shows the state.
        bool listed = false;
        for (const QJsonValue &u :
             owner->get(u"/api/org/users"_s).json().value(u"items"_s).toArray())
            if (u.toObject().value(u"id"_s).toString() == staff.id)
                listed = u.toObject().value(u"disabled"_s).toBool();
        QVERIFY(listed);
        // Audited with the client's address as the proxy reported it.
        auto admin = m_db->connectAsAdmin();
        auto audit = admin->exec("SELECT action, details->>'address' FROM audit_log WHERE "
                                 "entity_id = $1::uuid ORDER BY created_at",
                                 {staff.id});
        QVERIFY(audit.ok());
        QCOMPARE(audit->rowCount(), 2); // invited, disabled
        QCOMPARE(audit->text(1, 0), u"user.disabled"_s);
        QCOMPARE(audit->text(1, 1), u"198.51.100.77"_s);

        // Enabled again: signing in works, and so does the token of the new session.
        QCOMPARE(setDisabled(*owner, staff.id, {{u"disabled"_s, false}}).status, 200);
        const HttpReply back = login(*anonymous, staff.email, u"chosen by admin"_s);
        QCOMPARE(back.status, 200);
        anonymous->setToken(back.json().value(u"access_token"_s).toString());
        QCOMPARE(anonymous->get(u"/api/contacts"_s).status, 200);
        auto enabled = admin->exec("SELECT action FROM audit_log WHERE entity_id = $1::uuid "
                                   "ORDER BY created_at DESC LIMIT 1",
                                   {staff.id});
        QVERIFY(enabled.ok());
        QCOMPARE(enabled->text(0, 0), u"user.enabled"_s);
    }

    void disablingFollowsRoles_data()
    {
        QTest::addColumn<QString>("actorRole");
        QTest::addColumn<QString>("targetRole"); // "self": the actor; "other clinic", "none"
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        const QJsonObject disable{{u"disabled"_s, true}};
        const QJsonObject enable{{u"disabled"_s, false}};
        QTest::newRow("owner disables admin") << u"owner"_s << u"admin"_s << disable << 200;
        QTest::newRow("owner disables owner") << u"owner"_s << u"owner"_s << disable << 200;
        QTest::newRow("admin disables staff") << u"admin"_s << u"staff"_s << disable << 200;
        QTest::newRow("admin disables admin") << u"admin"_s << u"admin"_s << disable << 200;
        QTest::newRow("admin cannot disable owner") << u"admin"_s << u"owner"_s << disable << 403;
        QTest::newRow("admin cannot enable owner") << u"admin"_s << u"owner"_s << enable << 403;
        QTest::newRow("staff cannot disable") << u"staff"_s << u"staff"_s << disable << 403;
        QTest::newRow("owner cannot disable self") << u"owner"_s << u"self"_s << disable << 403;
        QTest::newRow("admin cannot disable self") << u"admin"_s << u"self"_s << disable << 403;
        QTest::newRow("user of another clinic")
            << u"owner"_s << u"other clinic"_s << disable << 404;
        QTest::newRow("no such user") << u"owner"_s << u"none"_s << disable << 404;
        QTest::newRow("missing field") << u"owner"_s << u"staff"_s << QJsonObject() << 400;
        QTest::newRow("not a boolean")
            << u"owner"_s << u"staff"_s << QJsonObject{{u"disabled"_s, u"yes"_s}} << 400;
    }
    void disablingFollowsRoles()
    {
        QFETCH(QString, actorRole);
        QFETCH(QString, targetRole);
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        auto owner = m_server->client();
        const QJsonObject ownerSession = signUp(*owner, uniqueEmail()).json();
        owner->setToken(ownerSession.value(u"access_token"_s).toString());
        auto actor = m_server->client();
        QString actorId = ownerSession.value(u"user"_s).toObject().value(u"id"_s).toString();
        if (actorRole == u"owner") {
            actor->setToken(owner->token());
        } else {
            const Member m = addMember(*owner, actorRole);
            actorId = m.id;
            actor->setToken(m.session.value(u"access_token"_s).toString());
        }
        QString targetId;
        if (targetRole == u"self") {
            targetId = actorId;
        } else if (targetRole == u"none") {
            targetId = u"00000000-0000-4000-8000-000000000000"_s;
        } else if (targetRole == u"other clinic") {
            auto other = m_server->client();
            targetId = signUp(*other, uniqueEmail())
                           .json()
                           .value(u"user"_s)
                           .toObject()
                           .value(u"id"_s)
                           .toString();
        } else {
            targetId = addMember(*owner, targetRole).id;
        }
        const HttpReply reply = setDisabled(*actor, targetId, body);
        QCOMPARE(reply.status, status);
        QVERIFY2(status == 200 || !reply.error().isEmpty(), reply.body.constData());
    }

    void aSecondInstanceRefusesADisabledUserPromptly()
    {
        // Two servers on one database, as behind a load balancer: the user is disabled through
        // one, and the other, which has the user's state cached, hears it from PostgreSQL.
        vox::test::TestServer second(*m_db);
        QVERIFY2(second.ok(), qPrintable(second.error()));
        QTRY_VERIFY_WITH_TIMEOUT(second.server().accounts().isListening(), 30000);

        auto owner = m_server->client();
        owner->setToken(signUp(*owner, uniqueEmail()).json().value(u"access_token"_s).toString());
        const Member staff = addMember(*owner, u"staff"_s);
        auto elsewhere = second.client();
        elsewhere->setToken(staff.session.value(u"access_token"_s).toString());
        QCOMPARE(elsewhere->get(u"/api/contacts"_s).status, 200); // now cached there
        const int heardBefore = second.server().accounts().notifiedInvalidations();

        QCOMPARE(setDisabled(*owner, staff.id, {{u"disabled"_s, true}}).status, 200);
        QElapsedTimer sinceDisabled;
        sinceDisabled.start();
        int attempts = 0;
        int status = 0;
        // Asked back to back; the bound only keeps a broken build from hanging.
        while (status != 401 && sinceDisabled.elapsed() < 30000) {
            status = elsewhere->get(u"/api/contacts"_s).status;
            ++attempts;
        }
        QCOMPARE(status, 401);
        qInfo("The second instance refused the disabled user after %lld ms (%d request(s)).",
              qint64(sinceDisabled.elapsed()), attempts);
        // Refused because it was told (the cache would have held for a minute otherwise).
        QVERIFY(second.server().accounts().notifiedInvalidations() > heardBefore);
    }

    void whileNotListeningNothingIsCached()
    {
        // Without LISTEN a change would go unheard, so every check reads the account.
        auto owner = m_server->client();
        owner->setToken(signUp(*owner, uniqueEmail()).json().value(u"access_token"_s).toString());
        const Member staff = addMember(*owner, u"staff"_s);
        vox::db::Database database(m_db->settings());
        vox::server::AccountState deaf(database); // never started: not listening
        QVERIFY(!deaf.isListening());
        QVERIFY(deaf.check(staff.id).ok());
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin->exec("UPDATE profiles SET disabled = true WHERE id = $1::uuid", {staff.id})
                    .ok());
        const auto refused = deaf.check(staff.id);
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().kind, vox::ErrorKind::NotSignedIn);
        QVERIFY(admin->exec("UPDATE profiles SET disabled = false WHERE id = $1::uuid", {staff.id})
                    .ok());
        QVERIFY(deaf.check(staff.id).ok());
        QCOMPARE(deaf.check(u"00000000-0000-4000-8000-000000000000"_s).errorMessage(),
                 u"This account no longer exists; sign in again."_s);
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
