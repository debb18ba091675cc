// X-embedded durability: a server with its own PostgreSQL in its data folder is killed with -9
// (no shutdown code runs; its database keeps running, orphaned); started again on the same
// folder it adopts that database, and everything signed up before the crash is still there and
// served, sessions included (the generated secrets persist next to the data). One server per
// data folder: a second one is refused while the first runs.
#include "serverprocess.h"

#include "httpclient.h"
#include "server/db/embeddedpostgres.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::test::HttpClient;
using vox::test::HttpReply;
using vox::test::ServerProcess;

class TestCrashRestart : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QStringList arguments() const
    {
        return {u"--data-dir"_s, m_dir.path(), u"--listen"_s, u"127.0.0.1:0"_s};
    }
    static QHash<QString, QString> environment()
    {
        // Embedded mode: no database URL, secrets generated into the data folder.
        return {{u"VOXANNE_DATABASE_URL"_s, QString()},
                {u"VOXANNE_MODE"_s, u"embedded"_s},
                {u"VOXANNE_BCRYPT_COST"_s, u"4"_s},
                {u"VOXANNE_LOG_LEVEL"_s, u"warn"_s}};
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // QTemporaryDir is private to its owner; when the tests run as root, PostgreSQL runs as
        // the unprivileged `voxanne` user, which must be able to enter the folder.
        QVERIFY(QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner |
                                                        QFile::ExeOwner | QFile::ReadGroup |
                                                        QFile::ExeGroup | QFile::ReadOther |
                                                        QFile::ExeOther));
    }

    void dataSurvivesAKill9AndTheServerComesBack()
    {
        const QString email = u"owner.crash@clinic.test"_s;
        const QString password = u"correct horse battery"_s;
        QString accessToken;
        QString contactId;
        {
            ServerProcess first;
            QVERIFY2(first.start(arguments(), environment()), first.log().constData());
            HttpClient client(first.url());
            const HttpReply signedUp =
                client.post(u"/api/auth/signup"_s, {{u"organization_name"_s, u"Crash Clinic"_s},
                                                    {u"email"_s, email},
                                                    {u"password"_s, password}});
            QCOMPARE(signedUp.status, 201);
            accessToken = signedUp.json().value(u"access_token"_s).toString();
            client.setToken(accessToken);
            const HttpReply contact =
                client.post(u"/api/contacts"_s, {{u"phone"_s, u"+15550009090"_s},
                                                 {u"name"_s, u"Written Before The Crash"_s}});
            QCOMPARE(contact.status, 201);
            contactId = contact.json().value(u"id"_s).toString();

            first.kill(); // SIGKILL: no stop(), no pg_ctl stop
            QVERIFY(!first.isRunning());
        }

        ServerProcess second;
        QVERIFY2(second.start(arguments(), environment()), second.log().constData());
        HttpClient client(second.url());
        // The session issued before the crash is still valid: same generated JWT secret.
        client.setToken(accessToken);
        const HttpReply me = client.get(u"/api/me"_s);
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value(u"organization"_s).toObject().value(u"name"_s).toString(),
                 u"Crash Clinic"_s);
        const HttpReply contact = client.get(u"/api/contacts/"_s + contactId);
        QCOMPARE(contact.status, 200);
        QCOMPARE(contact.json().value(u"contact_name"_s).toString(), u"Written Before The Crash"_s);
        QCOMPARE(client.get(u"/api/services"_s).json().value(u"items"_s).toArray().size(), 7);
        // Signing in works too, and new writes are accepted.
        HttpClient login(second.url());
        QCOMPARE(login.post(u"/api/auth/login"_s, {{u"email"_s, email}, {u"password"_s, password}})
                     .status,
                 200);
        QCOMPARE(client.post(u"/api/contacts"_s, {{u"phone"_s, u"+15550009091"_s}}).status, 201);

        // A graceful stop also stops the embedded database.
        QVERIFY2(second.terminate(), second.log().constData());
        QVERIFY(!QFile::exists(QDir(m_dir.path()).filePath(u"postgres/postmaster.pid"_s)));
    }

    // A second server on a folder in use would adopt the first one's database and stop it when
    // it quits, leaving the first serving pages that all fail; it is refused instead, saying
    // which process holds the folder, and the first never notices.
    void aSecondServerOnTheSameFolderIsRefused()
    {
        ServerProcess first;
        QVERIFY2(first.start(arguments(), environment()), first.log().constData());
        ServerProcess second;
        QVERIFY(!second.start(arguments(), environment(), 60000));
        QVERIFY(!second.isRunning());
        QCOMPARE(second.exitCode(), 1);
        const QByteArray why = second.log();
        const QByteArray expected = "is in use by another Voxanne server (process " +
                                    QByteArray::number(first.pid()) + " on this computer)";
        QVERIFY2(why.contains(expected), why.constData());

        HttpClient client(first.url());
        const HttpReply ready = client.get(u"/api/ready"_s);
        QCOMPARE(ready.status, 200);
        QCOMPARE(ready.json().value(u"status"_s).toString(), u"ready"_s);
        QVERIFY2(first.terminate(), first.log().constData());

        // Once the first has stopped, the folder is free again.
        ServerProcess third;
        QVERIFY2(third.start(arguments(), environment()), third.log().constData());
        QVERIFY2(third.terminate(), third.log().constData());
    }

    void cleanupTestCase()
    {
        // Whatever happened above, leave no database running.
        const QString cluster = QDir(m_dir.path()).filePath(u"postgres"_s);
        if (QFile::exists(QDir(cluster).filePath(u"postmaster.pid"_s))) {
            vox::db::EmbeddedPostgres pg({cluster, true, 20});
            if (pg.start().ok())
                (void)pg.stop();
        }
    }
};

QTEST_GUILESS_MAIN(TestCrashRestart)
#include "tst_crashrestart.moc"
