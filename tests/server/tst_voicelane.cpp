// The voice path never waits behind console or provider work. While every shared request worker
// is held by console requests waiting on a slow provider (staff texting callers back through
// Twilio, admins linking Google Calendar), Vapi's tool calls and webhooks are answered on workers
// of their own: they all complete before any of those console requests does, and a plain
// console request queued at the same time completes only after them.
#include "integrationfixture.h"
#include "sandbox/vapimessages.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QThread>

#include <algorithm>
#include <atomic>
#include <memory>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using vox::test::Clinic;
using vox::test::HttpClient;
using vox::test::HttpReply;
using vox::test::IntegrationFixture;
namespace vm = vox::sandbox::vapimessages;

namespace {

constexpr int sharedWorkers = 3;
constexpr int slowConsoleRequests = 2 * sharedWorkers;
constexpr int providerDelayMs = 10000; // within the server's wait, so the requests succeed

double percentile(std::vector<qint64> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto index = size_t(p * double(values.size() - 1) + 0.5);
    return double(values.at(std::min(index, values.size() - 1)));
}

} // namespace

class TestVoiceLane : public QObject
{
    Q_OBJECT

    IntegrationFixture f;
    Clinic m_clinic;
    IntegrationFixture::TwilioAccount m_twilio;
    QString m_assistantId;
    int m_calls = 0;

    vm::CallInfo newCall()
    {
        vm::CallInfo info;
        info.id = u"call-lane-%1"_s.arg(++m_calls);
        info.assistantId = m_assistantId;
        info.clinicNumber = u"+15550009999"_s;
        info.customerNumber = u"+15550142%1"_s.arg(m_calls, 3, 10, QLatin1Char('0'));
        info.customerName = u"Maria Lopez"_s;
        info.createdAt = QDateTime::currentDateTimeUtc();
        info.startedAt = info.createdAt;
        return info;
    }

    HttpReply postVapi(HttpClient &client, const QString &path, const QJsonObject &message)
    {
        return client.send("POST", path,
                           QJsonDocument(vm::envelope(message)).toJson(QJsonDocument::Compact),
                           {{"x-vapi-secret", vox::test::TestServer::webhookSecret.toUtf8()},
                            {"content-type", "application/json"}});
    }

    // One availability question and one status update per round; latencies in ms.
    std::vector<qint64> voiceRounds(int rounds, QStringList &problems)
    {
        auto client = f.server->client();
        std::vector<qint64> latencies;
        for (int i = 0; i < rounds; ++i) {
            const vm::CallInfo call = newCall();
            vm::Turn ask;
            ask.kind = vm::Turn::Kind::ToolCall;
            ask.toolName = u"checkAvailability"_s;
            ask.arguments = {{u"date"_s, QDate(2030, 3, 4).toString(Qt::ISODate)}};
            ask.toolCallId = u"tool_%1"_s.arg(i);
            QElapsedTimer timer;
            timer.start();
            const HttpReply tool =
                postVapi(*client, u"/api/vapi/tools"_s,
                         vm::toolCalls(call, {ask}, QDateTime::currentDateTimeUtc()));
            latencies.push_back(timer.elapsed());
            if (tool.status != 200 || !tool.body.contains("results"))
                problems.append(u"tool call: %1 %2"_s.arg(tool.status)
                                    .arg(QString::fromUtf8(tool.body.left(200))));
            timer.restart();
            const HttpReply hook =
                postVapi(*client, u"/api/webhooks/vapi"_s,
                         vm::statusUpdate(call, u"in-progress"_s, QDateTime::currentDateTimeUtc()));
            latencies.push_back(timer.elapsed());
            if (hook.status != 200)
                problems.append(u"webhook: %1 %2"_s.arg(hook.status)
                                    .arg(QString::fromUtf8(hook.body.left(200))));
        }
        return latencies;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(
            f.start(u"voicelane"_s, {{u"VOXANNE_WORKER_THREADS"_s, QString::number(sharedWorkers)},
                                     {u"VOXANNE_VOICE_WORKER_THREADS"_s, u"2"_s},
                                     {u"VOXANNE_PROVIDER_TIMEOUT_MS"_s, u"60000"_s}}),
            qPrintable(f.error));
        m_clinic = f.signUp(u"Voice Lane"_s);
        m_twilio = f.newTwilioAccount();
        QVERIFY2(f.connectTwilioAndWait(m_clinic, m_twilio).isEmpty(), "Twilio did not connect");
        m_assistantId = u"asst-voice-lane"_s;
        QVERIFY(f.sql("UPDATE agents SET vapi_assistant_id = $2 WHERE org_id = $1::uuid AND "
                      "direction = 'inbound'",
                      {m_clinic.orgId, m_assistantId}));
    }

    void voiceRoutesAreAnsweredWhileEverySharedWorkerWaitsOnAProvider_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("slowPath");
        QTest::newRow("Twilio takes texts slowly")
            << u"twilio"_s << u"/twilio/2010-04-01/Accounts/%1/Messages.json"_s;
        QTest::newRow("Google exchanges sign-in codes slowly")
            << u"google"_s << u"/google/oauth2/token"_s;
    }
    void voiceRoutesAreAnsweredWhileEverySharedWorkerWaitsOnAProvider()
    {
        QFETCH(QString, provider);
        QFETCH(QString, slowPath);
        const bool twilio = provider == u"twilio"_s;
        if (twilio)
            slowPath = slowPath.arg(m_twilio.sid);
        QStringList problems;
        const std::vector<qint64> unloaded = voiceRounds(10, problems);
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));

        // Console requests that each wait on the provider: staff texting callers back, or
        // admins of clinics coming back from Google's consent page. More than the shared workers.
        QStringList slowPaths;
        for (int i = 0; i < slowConsoleRequests; ++i) {
            if (twilio) {
                const QString phone = u"+1555013%1"_s.arg(i, 4, 10, QLatin1Char('0'));
                slowPaths.append(f.insertCall(m_clinic.orgId, phone,
                                              f.insertContact(m_clinic.orgId, phone, u"Caller"_s)));
            } else {
                Clinic clinic = f.signUp(u"Calendar Clinic %1"_s.arg(i));
                slowPaths.append(f.googleConsent(clinic));
                QVERIFY(slowPaths.last().startsWith(u"/api/integrations/google/callback?"_s));
            }
        }

        // The provider answers only after a long wait.
        vox::sandbox::Failure slow;
        slow.provider = provider;
        slow.method = u"POST"_s;
        slow.pathPrefix = slowPath;
        slow.status = twilio ? 201 : 0;
        slow.delayMs = providerDelayMs;
        slow.remaining = 1000;
        f.sandbox->state().addFailure(slow);
        f.sandbox->state().clearRequests();

        QMutex finishedLock;
        QStringList finished; // in completion order
        std::atomic<int> slowDone{0};
        std::atomic<int> slowSucceeded{0};
        std::vector<std::unique_ptr<QThread>> admins;
        const QString url = f.server->url();
        const QString token = m_clinic.client->token();
        const auto request = [&](const QString &name, auto send) {
            auto thread = std::unique_ptr<QThread>(QThread::create([&, name, send] {
                HttpClient client(url);
                client.setToken(token);
                send(client);
                QMutexLocker locker(&finishedLock);
                finished.append(name);
            }));
            thread->start();
            admins.push_back(std::move(thread));
        };
        for (int i = 0; i < slowConsoleRequests; ++i) {
            request(provider, [&, twilio, path = slowPaths.at(i)](HttpClient &client) {
                const HttpReply done =
                    twilio ? client.post(u"/api/calls-dashboard/%1/followup"_s.arg(path),
                                         {{u"message"_s, u"Thanks for calling!"_s}})
                           : client.get(path);
                slowSucceeded += done.status == 200 ? 1 : 0;
                ++slowDone;
            });
        }
        // Every shared worker is now waiting on the provider.
        QTRY_COMPARE_WITH_TIMEOUT(f.recorded(provider, slowPath).size(), sharedWorkers, 10000);
        // A console request that needs no provider queues behind them.
        request(u"services"_s, [&](HttpClient &client) { client.get(u"/api/services"_s); });

        const std::vector<qint64> loaded = voiceRounds(10, problems);
        const int consoleDoneDuringVoice = slowDone.load();

        // This thread serves the in-process server's connections: wait by running its loop.
        const auto allFinished = [&] {
            QMutexLocker locker(&finishedLock);
            return finished.size() == slowConsoleRequests + 1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(allFinished(), 4 * providerDelayMs + 30000);
        for (auto &thread : admins)
            thread->wait();
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
        QCOMPARE(slowSucceeded.load(), slowConsoleRequests);
        // The voice routes did not wait for a worker that the provider held.
        QCOMPARE(consoleDoneDuringVoice, 0);
        // And the shared lane really was full: the plain request came after slow ones.
        QVERIFY2(finished.indexOf(u"services"_s) >= sharedWorkers,
                 qPrintable(finished.join(u", "_s)));

        const double before = percentile(unloaded, 0.99);
        const double after = percentile(loaded, 0.99);
        qInfo("voice routes p99: %.0f ms unloaded, %.0f ms with %d console requests held by a "
              "%d ms %s (ratio %.2f)",
              before, after, slowConsoleRequests, providerDelayMs, qPrintable(provider),
              before > 0 ? after / before : 0.0);
        f.sandbox->state().clearFailures();
    }
};

QTEST_GUILESS_MAIN(TestVoiceLane)
#include "tst_voicelane.moc"
