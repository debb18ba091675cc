// The live call desk's latency: from Vapi posting a `transcript` webhook to the line arriving as a
// `live.transcript` event on a console's event stream (GET /api/events), with BENCH_LIVE_CALLS
// (20) calls in progress at once and BENCH_LISTENED (5) of them listened in to through the
// relay. Each live call speaks a line, waits until the console has it and the webhook is
// answered, pauses BENCH_GAP_MS (100: about the pace of Vapi's partials), and speaks the next,
// BENCH_LINES (100) times; every fourth line is final (kept with the call), the others partial.
// The reference, in the same run: the same with one of the calls speaking, and the plain
// webhook round trip (POST to answer) of both. Prints p50/p99/max; never fails on speed.
//
// The server, its database and the provider sandbox run in this process as in the integration
// tests (the server's I/O on the main thread, the sandbox streaming the listened calls' sound on
// it too); the console's side (the event stream) and Vapi's side (the webhook posts) run on a
// thread of their own, so their waiting is not the server's.
#include "integrationfixture.h"

#include "sandbox/vapimessages.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSemaphore>
#include <QThread>
#include <QTimer>
#include <QWebSocket>

#include <algorithm>
#include <cmath>
#include <cstdio>

using namespace Qt::Literals::StringLiterals;
namespace vm = vox::sandbox::vapimessages;

namespace {

// Releases `s` and wakes the main thread's event loop, which waitFor() sleeps in.
void release(QSemaphore &s)
{
    s.release();
    QMetaObject::invokeMethod(
        QCoreApplication::instance(), [] {}, Qt::QueuedConnection);
}

int setting(const char *name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok && value > 0 ? value : fallback;
}

void print(const char *what, QList<double> ms)
{
    if (ms.isEmpty()) {
        std::printf("%-44s no samples\n", what);
        return;
    }
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) {
        return ms.at(std::min<qsizetype>(ms.size() - 1, qsizetype(std::ceil(q * ms.size())) - 1));
    };
    std::printf("%-44s n=%-5lld p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms\n", what,
                qint64(ms.size()), at(0.5), at(0.99), ms.last());
}

// Words without digits: a clinic that redacts numbers would change a line that has them.
QString lineText(int call, int seq)
{
    static const QStringList words{u"cleaning"_s, u"Thursday"_s,  u"morning"_s, u"insurance"_s,
                                   u"filling"_s,  u"whitening"_s, u"checkup"_s, u"afternoon"_s};
    return u"I would like a %1 on %2 please, call %3"_s.arg(words.at(seq % words.size()),
                                                            words.at((seq / 8) % words.size()),
                                                            words.at(call % words.size()));
}

// The console's event stream and Vapi's webhook posts, on their own thread.
class Probe
{
public:
    struct Call
    {
        vm::CallInfo info;
        QString id; // call_logs.id, as events name it
    };
    struct Result
    {
        QList<double> eventMs;
        QList<double> roundTripMs;
        int missing = 0;
    };

    Probe(QString serverUrl, QString token, QList<Call> calls)
        : m_server(std::move(serverUrl))
        , m_token(std::move(token))
        , m_calls(std::move(calls))
    {}

    // On the probe's thread: opens the event stream; `ready` is released when it is.
    void open(QSemaphore &ready)
    {
        m_network = std::make_unique<QNetworkAccessManager>();
        m_events = std::make_unique<QWebSocket>();
        QObject::connect(m_events.get(), &QWebSocket::textMessageReceived,
                         [this, &ready](const QString &text) {
                             const QJsonObject m = QJsonDocument::fromJson(text.toUtf8()).object();
                             if (m.value(u"type"_s).toString() == u"ready"_s)
                                 release(ready);
                             else if (m.value(u"type"_s).toString() == u"event"_s)
                                 onEvent(m.value(u"event"_s).toObject());
                         });
        QString url = m_server + u"/api/events"_s;
        url.replace(0, 4, u"ws"_s);
        QNetworkRequest request{QUrl(url)};
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
        m_events->open(request);
    }

    // On the probe's thread: the first `speaking` calls each speak `lines` lines; `done` is
    // released with the figures in result().
    void run(int speaking, int lines, int gapMs, QSemaphore &done)
    {
        m_result = {};
        m_lines = lines;
        m_gapMs = gapMs;
        m_done = &done;
        m_pending.assign(size_t(speaking), {});
        m_clock.start();
        m_finished = 0;
        for (int i = 0; i < speaking; ++i)
            send(i);
        // A line that never reaches the console is counted, not waited for forever.
        m_timeout = std::make_unique<QTimer>();
        m_timeout->setSingleShot(true);
        QObject::connect(m_timeout.get(), &QTimer::timeout, [this] {
            for (const Pending &p : m_pending)
                if (p.sentNs >= 0 && !p.seen)
                    ++m_result.missing;
            m_pending.clear();
            release(*m_done);
        });
        m_timeout->start(10000 + lines * (gapMs + 200));
    }

    const Result &result() const { return m_result; }

private:
    struct Pending
    {
        int sent = 0;
        qint64 sentNs = -1;
        bool seen = false;
        bool answered = false;
    };

    void send(int i)
    {
        Pending &p = m_pending.at(size_t(i));
        const int seq = p.sent++;
        const Call &call = m_calls.at(i);
        const QJsonObject message =
            vm::transcript(call.info, seq % 2 == 0 ? u"user"_s : u"assistant"_s, lineText(i, seq),
                           QDateTime::currentDateTimeUtc(), seq % 4 == 3);
        QNetworkRequest request{QUrl(m_server + u"/api/webhooks/vapi"_s)};
        request.setHeader(QNetworkRequest::ContentTypeHeader, u"application/json"_s);
        request.setRawHeader("x-vapi-secret", vox::test::TestServer::webhookSecret.toUtf8());
        p.seen = false;
        p.answered = false;
        p.sentNs = m_clock.nsecsElapsed();
        QNetworkReply *reply = m_network->post(
            request, QJsonDocument(vm::envelope(message)).toJson(QJsonDocument::Compact));
        const qint64 sentNs = p.sentNs;
        QObject::connect(reply, &QNetworkReply::finished, [this, reply, i, sentNs] {
            reply->deleteLater();
            if (size_t(i) >= m_pending.size())
                return;
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200)
                std::fprintf(stderr, "webhook answered %d: %s\n",
                             reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
                             reply->readAll().constData());
            m_result.roundTripMs.append(double(m_clock.nsecsElapsed() - sentNs) / 1e6);
            m_pending.at(size_t(i)).answered = true;
            next(i);
        });
    }

    void onEvent(const QJsonObject &event)
    {
        if (event.value(u"type"_s).toString() != u"live.transcript"_s)
            return;
        const QString callId = event.value(u"payload"_s).toObject().value(u"call_id"_s).toString();
        for (size_t i = 0; i < m_pending.size(); ++i) {
            Pending &p = m_pending.at(i);
            if (m_calls.at(qsizetype(i)).id != callId || p.sentNs < 0 || p.seen)
                continue;
            p.seen = true;
            m_result.eventMs.append(double(m_clock.nsecsElapsed() - p.sentNs) / 1e6);
            next(int(i));
        }
    }

    void next(int i)
    {
        Pending &p = m_pending.at(size_t(i));
        if (!p.seen || !p.answered)
            return;
        if (p.sent < m_lines) {
            QTimer::singleShot(m_gapMs, m_network.get(), [this, i] {
                if (size_t(i) < m_pending.size())
                    send(i);
            });
            return;
        }
        p.sentNs = -1;
        if (++m_finished == int(m_pending.size())) {
            m_timeout->stop();
            m_pending.clear();
            release(*m_done);
        }
    }

    QString m_server;
    QString m_token;
    QList<Call> m_calls;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<QWebSocket> m_events;
    std::unique_ptr<QTimer> m_timeout;
    std::vector<Pending> m_pending;
    QElapsedTimer m_clock;
    Result m_result;
    QSemaphore *m_done = nullptr;
    int m_lines = 0;
    int m_gapMs = 0;
    int m_finished = 0;
};

// Spins this thread's event loop (the server's) until `s` can be taken; see release().
void waitFor(QSemaphore &s)
{
    while (!s.tryAcquire())
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int liveCalls = setting("BENCH_LIVE_CALLS", 20);
    const int listened = std::min(liveCalls, setting("BENCH_LISTENED", 5));
    const int lines = setting("BENCH_LINES", 100);
    const int gapMs = setting("BENCH_GAP_MS", 100);

    vox::test::IntegrationFixture f;
    if (!f.start(u"livedeskbench"_s)) {
        std::fprintf(stderr, "could not start: %s\n", qPrintable(f.error));
        return 1;
    }
    f.server.reset();
    f.server = std::make_unique<vox::test::TestServer>(
        *f.db, f.environment({{u"VOXANNE_SANDBOX_URL"_s, f.sandbox->url()},
                              {u"VOXANNE_DEV_ALLOW_SANDBOX"_s, u"1"_s},
                              {u"VAPI_PUBLIC_KEY"_s, u"pk-bench"_s}}));
    if (!f.server->ok()) {
        std::fprintf(stderr, "the server did not start: %s\n", qPrintable(f.server->error()));
        return 1;
    }
    vox::test::Clinic clinic = f.signUp(u"Bench Clinic"_s);
    const QString assistant = u"asst-livedesk-bench"_s;
    if (!f.sql("UPDATE agents SET vapi_assistant_id = $2 WHERE org_id = $1::uuid AND direction "
               "= 'inbound'",
               {clinic.orgId, assistant}))
        return 1;

    const QHash<QByteArray, QByteArray> secret{
        {"x-vapi-secret", vox::test::TestServer::webhookSecret.toUtf8()}};
    auto deliver = [&](const QJsonObject &message) {
        return f.server->client()->send(
            "POST", u"/api/webhooks/vapi"_s,
            QJsonDocument(vm::envelope(message)).toJson(QJsonDocument::Compact), secret);
    };
    QList<Probe::Call> calls;
    const QDateTime start = QDateTime::currentDateTimeUtc().addSecs(-60);
    for (int i = 0; i < liveCalls; ++i) {
        Probe::Call call;
        call.info.id = u"bench-live-%1"_s.arg(i);
        call.info.assistantId = assistant;
        call.info.clinicNumber = u"+15550009999"_s;
        call.info.customerNumber = u"+1555014%1"_s.arg(i, 4, 10, QLatin1Char('0'));
        call.info.customerName = u"Caller Bench"_s;
        call.info.createdAt = start;
        call.info.startedAt = start.addSecs(2);
        call.info.monitorBase = f.sandbox->url() + u"/vapi-live/"_s + call.info.id;
        f.sandbox->liveCalls().add(call.info, f.server->url() + u"/api/webhooks/vapi"_s, secret);
        deliver(vm::statusUpdate(call.info, u"ringing"_s, call.info.createdAt));
        deliver(vm::statusUpdate(call.info, u"in-progress"_s, call.info.startedAt));
        auto row = f.sql("SELECT id FROM call_logs WHERE vapi_call_id = $1", {call.info.id});
        call.id = row && !row->isEmpty() ? row->text(0, 0) : QString();
        if (call.id.isEmpty()) {
            std::fprintf(stderr, "call %d was not recorded\n", i);
            return 1;
        }
        calls.append(call);
    }

    // Listening in to some of them: the relay passes their sound on the server's thread.
    std::vector<std::unique_ptr<QWebSocket>> listeners;
    qint64 heard = 0;
    for (int i = 0; i < listened; ++i) {
        auto socket = std::make_unique<QWebSocket>();
        QObject::connect(socket.get(), &QWebSocket::binaryMessageReceived,
                         [&heard](const QByteArray &frame) { heard += frame.size(); });
        QString url = f.server->url() + u"/api/calls/%1/listen"_s.arg(calls.at(i).id);
        url.replace(0, 4, u"ws"_s);
        QNetworkRequest request{QUrl(url)};
        request.setRawHeader("Authorization", "Bearer " + clinic.client->token().toUtf8());
        socket->open(request);
        listeners.push_back(std::move(socket));
    }
    QElapsedTimer waited;
    waited.start();
    while (f.server->server().listenRelayCount() < listened && waited.elapsed() < 20000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    std::printf("%d calls in progress, %d listened in to (%d relays open)\n", liveCalls, listened,
                f.server->server().listenRelayCount());

    QThread thread;
    thread.start();
    Probe probe(f.server->url(), clinic.client->token(), calls);
    QObject context;
    context.moveToThread(&thread);
    QSemaphore ready;
    QMetaObject::invokeMethod(&context, [&] { probe.open(ready); });
    waitFor(ready);

    struct Phase
    {
        const char *name;
        int speaking;
    };
    const qint64 heardBefore = heard;
    QElapsedTimer phaseClock;
    for (const Phase &phase : {Phase{"all speaking", liveCalls}, Phase{"one speaking", 1}}) {
        QSemaphore done;
        phaseClock.start();
        QMetaObject::invokeMethod(&context,
                                  [&, phase] { probe.run(phase.speaking, lines, gapMs, done); });
        waitFor(done);
        const Probe::Result result = probe.result();
        const double seconds = double(phaseClock.elapsed()) / 1000.0;
        std::printf("\n== %d of %d live calls speaking, %d lines each, %d ms between (%.1f s, "
                    "%.0f webhooks/s)\n",
                    phase.speaking, liveCalls, lines, gapMs, seconds,
                    double(result.roundTripMs.size()) / seconds);
        print("transcript webhook -> live.transcript event", result.eventMs);
        print("webhook round trip (POST -> 200)", result.roundTripMs);
        if (result.missing > 0)
            std::printf("lines that never reached the console: %d\n", result.missing);
    }
    std::printf("\nlisteners heard %.1f s of sound meanwhile (16 kHz stereo), %lld bytes at most "
                "waiting for one\n",
                double(heard - heardBefore) / (16000 * 2 * 2) / std::max(1, listened),
                f.server->server().listenBacklogPeak());

    QMetaObject::invokeMethod(
        &context, [&] { probe = Probe({}, {}, {}); }, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
    listeners.clear();
    return 0;
}
