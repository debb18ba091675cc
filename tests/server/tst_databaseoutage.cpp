// While the database cannot be reached, every request that needs it is answered 503 with
// Retry-After and a sentence, never a 500 (clients, load balancers and Vapi retry a 503 later);
// a Vapi tool call is the exception: it is answered 200 with a sentence the assistant can say to
// the caller, who is on the line now. Once the database is back, the same requests succeed.
#include "core/logging/log.h"
#include "sandbox/vapimessages.h"
#include "vapitestkit.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace vox::test;
namespace vm = vox::sandbox::vapimessages;

class TestDatabaseOutage : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<HttpClient> m_client;
    std::unique_ptr<vox::db::Connection> m_superuser;
    Clinic m_clinic;
    QString m_email;
    int m_calls = 0;

    // The database refuses new connections and the server's open ones are ended, as when
    // PostgreSQL is restarted or failed over.
    void takeDatabaseDown()
    {
        const QByteArray name = m_superuser->literal(m_db->name().toUtf8());
        const QByteArray ident = '"' + m_db->name().toUtf8() + '"';
        QVERIFY(m_superuser->execScript("ALTER DATABASE " + ident + " ALLOW_CONNECTIONS false"));
        auto ended = m_superuser->execUncached(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = " +
            name + " AND pid <> pg_backend_pid()");
        QVERIFY2(ended.ok(), qPrintable(ended.ok() ? QString() : ended.errorMessage()));
    }
    void bringDatabaseBack()
    {
        const QByteArray ident = '"' + m_db->name().toUtf8() + '"';
        QVERIFY(m_superuser->execScript("ALTER DATABASE " + ident + " ALLOW_CONNECTIONS true"));
    }

    vm::CallInfo newCall()
    {
        vm::CallInfo info;
        info.id = u"call-outage-%1"_s.arg(++m_calls);
        info.assistantId = m_clinic.assistantId;
        info.clinicNumber = u"+15550009999"_s;
        info.customerNumber = u"+15550142001"_s;
        info.customerName = u"Maria Lopez"_s;
        info.createdAt = QDateTime::currentDateTimeUtc().addSecs(-60);
        info.startedAt = info.createdAt.addSecs(5);
        return info;
    }

    HttpReply send(const QString &request)
    {
        if (request == u"list contacts") {
            m_client->setToken(m_clinic.token);
            return m_client->get(u"/api/contacts"_s);
        }
        if (request == u"create a contact") {
            m_client->setToken(m_clinic.token);
            return m_client->post(u"/api/contacts"_s,
                                  {{u"name"_s, u"Ada Outage"_s}, {u"phone"_s, u"+15550177001"_s}});
        }
        if (request == u"readiness probe") {
            m_client->setToken(QString());
            return m_client->get(u"/api/ready"_s);
        }
        if (request == u"Vapi status webhook") {
            return postVapi(
                *m_client, u"/api/webhooks/vapi"_s,
                vm::statusUpdate(newCall(), u"in-progress"_s, QDateTime::currentDateTimeUtc()));
        }
        if (request == u"Vapi tool call") {
            vm::Turn turn;
            turn.kind = vm::Turn::Kind::ToolCall;
            turn.toolName = u"checkAvailability"_s;
            turn.arguments = {{u"date"_s, nextWeekday(1).toString(Qt::ISODate)}};
            turn.toolCallId = u"call_outage_%1"_s.arg(m_calls);
            return postVapi(*m_client, u"/api/vapi/tools"_s,
                            vm::toolCalls(newCall(), {turn}, QDateTime::currentDateTimeUtc()));
        }
        if (request == u"sign in") {
            m_client->setToken(QString());
            return m_client->post(
                u"/api/auth/login"_s,
                {{u"email"_s, m_email}, {u"password"_s, u"correct horse battery"_s}});
        }
        qFatal("unknown request %s", qPrintable(request));
    }

    static QString toolResult(const HttpReply &reply)
    {
        return reply.json()
            .value(u"results"_s)
            .toArray()
            .first()
            .toObject()
            .value(u"result"_s)
            .toString();
    }

private slots:
    void initTestCase()
    {
        vox::log::setupStderr(vox::log::Level::Error);
        m_db = std::make_unique<TestDatabase>(u"outage"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_server = std::make_unique<TestServer>(*m_db);
        QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
        m_client = m_server->client();
        m_clinic = createClinic(*m_client, *m_db, u"Outage Clinic"_s);
        m_email =
            scalar(*m_db, "SELECT email FROM profiles WHERE org_id = $1::uuid", {m_clinic.orgId});
        QVERIFY(!m_email.isEmpty());
        // A connection of the cluster's superuser to another database survives the outage.
        auto superuser = vox::db::Connection::open(m_db->cluster().adminSettings(u"postgres"_s));
        QVERIFY2(superuser.ok(), qPrintable(superuser.ok() ? QString() : superuser.errorMessage()));
        m_superuser = std::move(superuser).value();
    }

    void answers503WithRetryAfterAndRecovers_data()
    {
        QTest::addColumn<QString>("request");
        QTest::addColumn<int>("statusDuringOutage");
        QTest::addColumn<int>("statusAfterwards");
        QTest::newRow("a console list") << u"list contacts"_s << 503 << 200;
        QTest::newRow("a console write") << u"create a contact"_s << 503 << 201;
        QTest::newRow("the readiness probe") << u"readiness probe"_s << 503 << 200;
        QTest::newRow("a Vapi webhook (Vapi retries it)") << u"Vapi status webhook"_s << 503 << 200;
        QTest::newRow("signing in") << u"sign in"_s << 503 << 200;
    }
    void answers503WithRetryAfterAndRecovers()
    {
        QFETCH(QString, request);
        QFETCH(int, statusDuringOutage);
        QFETCH(int, statusAfterwards);

        takeDatabaseDown();
        const HttpReply during = send(request);
        bringDatabaseBack();
        QCOMPARE(during.status, statusDuringOutage);
        QCOMPARE(during.headers.value("retry-after"), QByteArray("5"));
        QVERIFY2(!during.error().isEmpty(), during.body.constData());

        const HttpReply after = send(request);
        QVERIFY2(after.status == statusAfterwards, after.body.constData());
        QVERIFY(!after.headers.contains("retry-after"));
    }

    // The caller is on the line: the assistant gets a sentence to say, not an HTTP error.
    void aToolCallGetsASpokenFallbackAndRecovers()
    {
        takeDatabaseDown();
        const HttpReply during = send(u"Vapi tool call"_s);
        bringDatabaseBack();
        QCOMPARE(during.status, 200);
        QVERIFY2(toolResult(during).contains(u"booking system is not responding right now"_s),
                 during.body.constData());

        const HttpReply after = send(u"Vapi tool call"_s);
        QCOMPARE(after.status, 200);
        QVERIFY2(toolResult(after).contains(u"we have these times"_s), after.body.constData());
    }

    void cleanupTestCase()
    {
        if (m_superuser)
            bringDatabaseBack();
        m_server.reset();
        m_superuser.reset();
        m_db.reset();
    }
};

QTEST_GUILESS_MAIN(TestDatabaseOutage)
#include "tst_databaseoutage.moc"
