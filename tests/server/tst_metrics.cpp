// GET /metrics: served only where configured (behind a bearer token on the main address, or on an
// address of its own), in a text format a real Prometheus parser reads, with counters that move
// when requests are served.
#include "testdatabase.h"
#include "testserver.h"
#include "vapitestkit.h"

#include "server/jobs/jobqueue.h"
#include "server/providers/providerrequest.h"
#include "server/services/ratelimiter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::test::HttpClient;
using vox::test::HttpReply;
using vox::test::TestServer;

namespace {

const QString metricsToken = u"metrics-token-for-tests-0123456789"_s;

// Debian's python3-prometheus-client parses `text`; the families as JSON:
// {name: {"type": ..., "samples": [{"name", "labels", "value"}]}}.
QJsonObject parsedByPrometheus(const QByteArray &text, QString *error)
{
    static const char script[] = R"(
import json, sys
from prometheus_client.parser import text_string_to_metric_families
out = {}
for family in text_string_to_metric_families(sys.stdin.read()):
    out[family.name] = {"type": family.type, "samples": [
        {"name": s.name, "labels": s.labels, "value": s.value} for s in family.samples]}
print(json.dumps(out))
)";
    QProcess python;
    python.start(QStringLiteral(VOXANNE_SYSTEM_PYTHON), {u"-c"_s, QString::fromLatin1(script)});
    if (!python.waitForStarted(10000)) {
        *error = u"python3 did not start: "_s + python.errorString();
        return {};
    }
    python.write(text);
    python.closeWriteChannel();
    python.waitForFinished(30000);
    if (python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0) {
        *error = QString::fromUtf8(python.readAllStandardError());
        return {};
    }
    return QJsonDocument::fromJson(python.readAllStandardOutput()).object();
}

// The sum of `family`'s samples named `sample` whose labels include `labels`.
double total(const QJsonObject &families, const QString &family, const QString &sample,
             const QJsonObject &labels = {})
{
    double sum = 0;
    const QJsonArray samples = families.value(family).toObject().value(u"samples"_s).toArray();
    for (const QJsonValue &s : samples) {
        const QJsonObject o = s.toObject();
        if (o.value(u"name"_s).toString() != sample)
            continue;
        const QJsonObject have = o.value(u"labels"_s).toObject();
        bool matches = true;
        for (auto it = labels.begin(); it != labels.end(); ++it)
            matches = matches && have.value(it.key()) == it.value();
        if (matches)
            sum += o.value(u"value"_s).toDouble();
    }
    return sum;
}

QJsonObject toolCalls(const QString &tool)
{
    return {
        {u"type"_s, u"tool-calls"_s},
        {u"call"_s, QJsonObject{{u"id"_s, u"call-metrics-1"_s}}},
        {u"assistant"_s, QJsonObject{{u"id"_s, u"assistant-nobody-owns"_s}}},
        {u"toolCallList"_s,
         QJsonArray{QJsonObject{
             {u"id"_s, u"tc-1"_s},
             {u"type"_s, u"function"_s},
             {u"function"_s, QJsonObject{{u"name"_s, tool}, {u"arguments"_s, QJsonObject{}}}}}}}};
}

} // namespace

class TestMetrics : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::TestDatabase> m_db;

    // The families of `scraped` whose type is not the one `expected` names, for a message.
    static QString wrongTypes(const QJsonObject &scraped, const QHash<QString, QString> &expected)
    {
        QStringList wrong;
        for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
            const QString type = scraped.value(it.key()).toObject().value(u"type"_s).toString();
            if (type != it.value())
                wrong << u"%1 is '%2', not %3"_s.arg(it.key(), type, it.value());
        }
        return wrong.join(u"; "_s);
    }

    QJsonObject scrape(HttpClient &client)
    {
        HttpReply reply = client.send("GET", u"/metrics"_s, {},
                                      {{"authorization", "Bearer " + metricsToken.toUtf8()}});
        if (reply.status != 200) {
            qWarning("scrape answered %d: %s", reply.status, reply.body.constData());
            return {};
        }
        if (!reply.headers.value("content-type").startsWith("text/plain; version=0.0.4")) {
            qWarning("content type %s", reply.headers.value("content-type").constData());
            return {};
        }
        QString error;
        const QJsonObject families = parsedByPrometheus(reply.body, &error);
        if (!error.isEmpty())
            qWarning("the parser refused the exposition: %s\n%s", qPrintable(error),
                     reply.body.constData());
        return families;
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<vox::test::TestDatabase>(u"metrics"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
    }

    // Refusals are counted by what a limit guards; whom it guards never becomes a label.
    void rateLimitLabelsNameTheLimitNotThePerson_data()
    {
        QTest::addColumn<QString>("bucket");
        QTest::addColumn<QString>("label");
        QTest::newRow("login by account")
            << u"login:account:jane@example.com"_s << u"login:account"_s;
        QTest::newRow("login by address") << u"login:address:2001:db8::1"_s << u"login:address"_s;
        QTest::newRow("caller id by number")
            << u"telephony:initiate:+15125550101"_s << u"telephony:initiate"_s;
        QTest::newRow("one word, then a person") << u"verify:jane"_s << u"verify"_s;
        QTest::newRow("no kind at all") << u"+15125550101"_s << u"other"_s;
    }
    void rateLimitLabelsNameTheLimitNotThePerson()
    {
        QFETCH(QString, bucket);
        QFETCH(QString, label);
        QCOMPARE(vox::server::ratelimit::bucketKind(bucket), label);
    }

    void withoutSettingsMetricsAreNotServed()
    {
        TestServer server(*m_db);
        QVERIFY2(server.ok(), qPrintable(server.error()));
        QCOMPARE(server.client()->get(u"/metrics"_s).status, 404);
        QCOMPARE(server.server().metricsPort(), quint16(0));
    }

    void theMainAddressRefusesScrapesWithoutTheToken_data()
    {
        QTest::addColumn<QByteArray>("authorization");
        QTest::newRow("none") << QByteArray();
        QTest::newRow("wrong token") << QByteArray("Bearer not-the-metrics-token-at-all");
        QTest::newRow("the token without Bearer") << metricsToken.toUtf8();
    }
    void theMainAddressRefusesScrapesWithoutTheToken()
    {
        QFETCH(QByteArray, authorization);
        TestServer server(*m_db, {{u"VOXANNE_METRICS_TOKEN"_s, metricsToken}});
        QVERIFY2(server.ok(), qPrintable(server.error()));
        QHash<QByteArray, QByteArray> headers;
        if (!authorization.isEmpty())
            headers.insert("authorization", authorization);
        const HttpReply reply = server.client()->send("GET", u"/metrics"_s, {}, headers);
        QCOMPARE(reply.status, 401);
        QVERIFY(!reply.body.contains("voxanne_"));
    }

    // A signed-in user's valid session token is not the metrics token.
    void aClinicSessionDoesNotOpenMetrics()
    {
        TestServer server(*m_db, {{u"VOXANNE_METRICS_TOKEN"_s, metricsToken}});
        QVERIFY2(server.ok(), qPrintable(server.error()));
        auto client = server.client();
        const vox::test::Clinic clinic =
            vox::test::createClinic(*client, *m_db, u"Metrics Clinic"_s);
        QVERIFY(!clinic.token.isEmpty());
        client->setToken(clinic.token);
        QCOMPARE(client->get(u"/api/org/settings"_s).status, 200); // the token itself is good
        const HttpReply reply = client->get(u"/metrics"_s);
        QCOMPARE(reply.status, 401);
        QVERIFY(!reply.body.contains("voxanne_"));
    }

    // Requests of several kinds, then a scrape that Prometheus's own parser reads: names, types,
    // labels by route pattern (never the path with its ids) and counters that moved.
    void aScrapeParsesAndCountsWhatWasServed()
    {
        TestServer server(*m_db, {{u"VOXANNE_METRICS_TOKEN"_s, metricsToken}});
        QVERIFY2(server.ok(), qPrintable(server.error()));
        auto client = server.client();

        const QJsonObject before = scrape(*client);
        QVERIFY(!before.isEmpty());
        // Every family is listed from the start, before it has counted anything.
        const QHash<QString, QString> declared{
            {u"voxanne_provider_requests"_s, u"counter"_s},
            {u"voxanne_provider_request_duration_seconds"_s, u"histogram"_s},
            {u"voxanne_job_failures"_s, u"counter"_s},
            {u"voxanne_job_duration_seconds"_s, u"histogram"_s},
            {u"voxanne_rate_limit_refusals"_s, u"counter"_s},
            {u"voxanne_event_fanout_lag_seconds"_s, u"histogram"_s},
            {u"voxanne_vapi_end_of_call_reports"_s, u"counter"_s}};
        QVERIFY2(wrongTypes(before, declared).isEmpty(), qPrintable(wrongTypes(before, declared)));
        const QJsonObject health{
            {u"method"_s, u"GET"_s}, {u"route"_s, u"/api/health"_s}, {u"status"_s, u"200"_s}};
        const double healthBefore =
            total(before, u"voxanne_http_requests"_s, u"voxanne_http_requests_total"_s, health);

        for (int i = 0; i < 3; ++i)
            QCOMPARE(client->get(u"/api/health"_s).status, 200);
        QCOMPARE(client->get(u"/api/contacts/0b5e9c1e-0000-4000-8000-000000000001"_s).status, 401);
        QCOMPARE(client->get(u"/api/no-such-thing/12345"_s).status, 404);
        QCOMPARE(
            vox::test::postVapi(*client, u"/api/vapi/tools"_s, toolCalls(u"checkAvailability"_s))
                .status,
            200);
        QCOMPARE(
            vox::test::postVapi(*client, u"/api/vapi/tools"_s, toolCalls(u"madeUpTool"_s)).status,
            200);
        const QJsonObject report{{u"type"_s, u"end-of-call-report"_s},
                                 {u"call"_s, QJsonObject{{u"id"_s, u"call-metrics-eoc"_s}}},
                                 {u"assistant"_s, QJsonObject{{u"id"_s, u"assistant-nobody"_s}}},
                                 {u"endedReason"_s, u"customer-ended-call"_s}};
        const int reportStatus =
            vox::test::postVapi(*client, u"/api/webhooks/vapi"_s, report).status;
        QVERIFY2(reportStatus == 200 || reportStatus >= 500,
                 qPrintable(QString::number(reportStatus)));

        const QJsonObject after = scrape(*client);
        QVERIFY(!after.isEmpty());

        // Types as declared (the parser strips _total from a counter's family name).
        const QHash<QString, QString> types{
            {u"voxanne_http_requests"_s, u"counter"_s},
            {u"voxanne_http_request_duration_seconds"_s, u"histogram"_s},
            {u"voxanne_vapi_tool_call_duration_seconds"_s, u"histogram"_s},
            {u"voxanne_vapi_webhook_duration_seconds"_s, u"histogram"_s},
            {u"voxanne_vapi_end_of_call_reports"_s, u"counter"_s},
            {u"voxanne_vapi_end_of_call_ingest_duration_seconds"_s, u"histogram"_s},
            {u"voxanne_db_connections"_s, u"gauge"_s},
            {u"voxanne_db_connections_in_use"_s, u"gauge"_s},
            {u"voxanne_db_connection_errors"_s, u"counter"_s},
            {u"voxanne_event_clients"_s, u"gauge"_s},
            {u"voxanne_database_up"_s, u"gauge"_s}};
        QVERIFY2(wrongTypes(after, types).isEmpty(), qPrintable(wrongTypes(after, types)));

        QCOMPARE(total(after, u"voxanne_http_requests"_s, u"voxanne_http_requests_total"_s, health),
                 healthBefore + 3);
        // Route patterns and "unmatched", never a path with an id in it.
        QVERIFY(total(after, u"voxanne_http_requests"_s, u"voxanne_http_requests_total"_s,
                      {{u"route"_s, u"/api/contacts/:id"_s}, {u"status"_s, u"401"_s}}) >= 1);
        QVERIFY(total(after, u"voxanne_http_requests"_s, u"voxanne_http_requests_total"_s,
                      {{u"route"_s, u"unmatched"_s}, {u"status"_s, u"404"_s}}) >= 1);
        const QByteArray everything = QJsonDocument(after).toJson();
        QVERIFY(!everything.contains("12345"));
        QVERIFY(!everything.contains("0b5e9c1e"));

        // A histogram: cumulative buckets up to +Inf, whose count equals _count.
        const QJsonObject healthRoute{{u"route"_s, u"/api/health"_s}};
        const double count = total(after, u"voxanne_http_request_duration_seconds"_s,
                                   u"voxanne_http_request_duration_seconds_count"_s, healthRoute);
        QVERIFY(count >= 3);
        QCOMPARE(total(after, u"voxanne_http_request_duration_seconds"_s,
                       u"voxanne_http_request_duration_seconds_bucket"_s,
                       {{u"route"_s, u"/api/health"_s}, {u"le"_s, u"+Inf"_s}}),
                 count);

        // Tools by name; a name that is not ours is "other".
        QVERIFY(total(after, u"voxanne_vapi_tool_call_duration_seconds"_s,
                      u"voxanne_vapi_tool_call_duration_seconds_count"_s,
                      {{u"tool"_s, u"checkAvailability"_s}}) >= 1);
        QVERIFY(total(after, u"voxanne_vapi_tool_call_duration_seconds"_s,
                      u"voxanne_vapi_tool_call_duration_seconds_count"_s,
                      {{u"tool"_s, u"other"_s}}) >= 1);
        QVERIFY(!everything.contains("madeUpTool"));
        QVERIFY(total(after, u"voxanne_vapi_webhook_duration_seconds"_s,
                      u"voxanne_vapi_webhook_duration_seconds_count"_s,
                      {{u"type"_s, u"end-of-call-report"_s}}) >= 1);
        QVERIFY(total(after, u"voxanne_vapi_end_of_call_reports"_s,
                      u"voxanne_vapi_end_of_call_reports_total"_s) >= 1);

        QCOMPARE(total(after, u"voxanne_database_up"_s, u"voxanne_database_up"_s), 1.0);
        QVERIFY(total(after, u"voxanne_db_connections"_s, u"voxanne_db_connections"_s) >= 1);
        // The scrape itself holds its connection in a transaction while it reads the queue.
        QVERIFY(total(after, u"voxanne_db_connections_in_use"_s,
                      u"voxanne_db_connections_in_use"_s) >= 0);
    }

    // Connections the transport refuses before any route: counted by reason, not as requests.
    void refusalsBeforeARouteAreCountedByReason_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("reason");
        QTest::newRow("body over the limit")
            << QByteArray("POST /api/auth/login HTTP/1.1\r\nHost: x\r\n"
                          "Content-Type: application/json\r\nContent-Length: 50000000\r\n\r\n")
            << 413 << u"body_too_large"_s;
        QTest::newRow("chunked body") << QByteArray("POST /api/auth/login HTTP/1.1\r\nHost: x\r\n"
                                                    "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
                                      << 411 << u"length_required"_s;
        QTest::newRow("WebSocket where there is none")
            << QByteArray("GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\n"
                          "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
                          "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n")
            << 404 << u"websocket_path"_s;
    }
    void refusalsBeforeARouteAreCountedByReason()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(QString, reason);
        TestServer server(*m_db, {{u"VOXANNE_METRICS_TOKEN"_s, metricsToken}});
        QVERIFY2(server.ok(), qPrintable(server.error()));
        auto client = server.client();
        const QJsonObject before = scrape(*client);
        QVERIFY(!before.isEmpty());
        const QJsonObject labels{{u"reason"_s, reason}};
        const QString family = u"voxanne_http_connection_refusals"_s;
        const QString sample = u"voxanne_http_connection_refusals_total"_s;

        const QUrl url(server.url());
        // The server answers on this thread's event loop: wait without blocking it.
        QTcpSocket socket;
        socket.connectToHost(url.host(), quint16(url.port()));
        QVERIFY(QTest::qWaitFor([&] { return socket.state() == QTcpSocket::ConnectedState; }));
        socket.write(request);
        QByteArray answer;
        QVERIFY(QTest::qWaitFor([&] {
            answer += socket.readAll();
            return answer.contains("\r\n\r\n");
        }));
        QVERIFY2(answer.startsWith(QByteArray("HTTP/1.1 ").append(QByteArray::number(status))),
                 answer.constData());

        const QJsonObject after = scrape(*client);
        QCOMPARE(total(after, family, sample, labels), total(before, family, sample, labels) + 1);
    }

    // What happens away from the HTTP routes: a provider call, a job that fails for good, a job
    // waiting in the queue, and a rate limit's refusal.
    void providerCallsJobsAndRefusalsAreCounted()
    {
        TestServer server(*m_db, {{u"VOXANNE_METRICS_TOKEN"_s, metricsToken},
                                  {u"VOXANNE_JOB_POLL_MS"_s, u"100"_s}});
        QVERIFY2(server.ok(), qPrintable(server.error()));
        auto client = server.client();
        const QJsonObject before = scrape(*client);
        QVERIFY(!before.isEmpty());

        // A provider nobody answers for: refused at once (the discard port).
        vox::server::providers::HttpCall call;
        call.url = QUrl(TestServer::unreachableProvider + u"/v1/anything"_s);
        const vox::server::providers::Provider vapi{"vapi", u"Vapi"_s, {}, {}, {}, {}};
        QVERIFY(!vox::server::providers::ask(vapi, call, {}, u"/v1/anything"_s));

        vox::db::Database &db = server.server().database();
        auto queued = db.transaction<bool>(
            vox::db::Access::service(), [](vox::db::Transaction &tx) -> vox::Result<bool> {
                vox::server::jobs::NewJob failing;
                failing.kind = u"metrics.nobody-handles-this"_s;
                failing.maxAttempts = 1;
                vox::server::jobs::NewJob waiting;
                waiting.kind = u"metrics.later"_s;
                waiting.runAt = QDateTime::currentDateTimeUtc().addDays(1);
                for (const auto &job : {failing, waiting}) {
                    if (auto added = vox::server::jobs::enqueue(tx, job); !added)
                        return added.error();
                }
                auto refused = vox::server::ratelimit::hit(tx, u"metrics:test:jane"_s, 0, 60);
                if (!refused)
                    return refused.error();
                return !refused->allowed;
            });
        QVERIFY2(queued && *queued, queued ? "allowed" : qPrintable(queued.errorMessage()));
        server.server().jobs().wake();

        const QJsonObject unreachable{{u"provider"_s, u"vapi"_s}, {u"outcome"_s, u"unreachable"_s}};
        QJsonObject after;
        QTRY_VERIFY_WITH_TIMEOUT(
            (after = scrape(*client),
             total(after, u"voxanne_job_failures"_s, u"voxanne_job_failures_total"_s,
                   {{u"kind"_s, u"metrics.nobody-handles-this"_s}, {u"outcome"_s, u"failed"_s}}) ==
                 1),
            10000);
        QCOMPARE(total(after, u"voxanne_provider_requests"_s, u"voxanne_provider_requests_total"_s,
                       unreachable),
                 total(before, u"voxanne_provider_requests"_s, u"voxanne_provider_requests_total"_s,
                       unreachable) +
                     1);
        QCOMPARE(after.value(u"voxanne_provider_request_duration_seconds"_s)
                     .toObject()
                     .value(u"type"_s)
                     .toString(),
                 u"histogram"_s);
        QCOMPARE(total(after, u"voxanne_jobs_queued"_s, u"voxanne_jobs_queued"_s,
                       {{u"kind"_s, u"metrics.later"_s}}),
                 1.0);
        QCOMPARE(total(after, u"voxanne_jobs_oldest_wait_seconds"_s,
                       u"voxanne_jobs_oldest_wait_seconds"_s, {{u"kind"_s, u"metrics.later"_s}}),
                 0.0);
        QVERIFY(total(after, u"voxanne_rate_limit_refusals"_s,
                      u"voxanne_rate_limit_refusals_total"_s,
                      {{u"limit"_s, u"metrics:test"_s}}) >= 1);
        QVERIFY(!QJsonDocument(after).toJson().contains("jane"));
    }

    void aMetricsAddressOfItsOwnServesWithoutTheMainPort()
    {
        TestServer server(*m_db, {{u"VOXANNE_METRICS_LISTEN"_s, u"127.0.0.1:0"_s}});
        QVERIFY2(server.ok(), qPrintable(server.error()));
        QVERIFY(server.server().metricsPort() != 0);
        QCOMPARE(server.client()->get(u"/metrics"_s).status, 404);

        HttpClient metrics(u"http://127.0.0.1:%1"_s.arg(server.server().metricsPort()));
        const HttpReply reply = metrics.get(u"/metrics"_s);
        QCOMPARE(reply.status, 200);
        QString error;
        const QJsonObject families = parsedByPrometheus(reply.body, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(families.contains(u"voxanne_event_clients"_s));
        // Only /metrics lives there.
        QCOMPARE(metrics.get(u"/api/health"_s).status, 404);
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
