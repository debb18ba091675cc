#include "sandbox/demofeed.h"

#include "core/logging/log.h"
#include "sandbox/callsimulator.h"
#include "sandbox/outboundhttp.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QThread>

using namespace Qt::Literals::StringLiterals;

namespace vox::sandbox {

namespace {

Result<QJsonObject> callApi(const QString &base, const QByteArray &method, const QString &path,
                            const QJsonObject &body, const QString &token = {})
{
    http::OutboundCall call;
    call.method = method;
    call.url = QUrl(base + path);
    call.timeoutMs = 30000;
    if (method != "GET") {
        call.contentType = "application/json";
        call.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    if (!token.isEmpty())
        call.headers = {{"Authorization", "Bearer " + token.toUtf8()}};
    auto answer = sendOnce(call);
    if (!answer)
        return answer.error();
    const QJsonObject json = answer->json().toObject();
    if (!answer->ok())
        return fail(json.value(u"error"_s).toString(),
                    answer->status == 401 ? ErrorKind::NotSignedIn : ErrorKind::Unspecified);
    return json;
}

bool sleepWhile(const std::atomic<bool> &running, int seconds)
{
    for (int i = 0; i < seconds * 10 && running.load(); ++i)
        QThread::msleep(100);
    return running.load();
}

} // namespace

DemoFeed::DemoFeed(Options options)
    : m_options(std::move(options))
{}

DemoFeed::~DemoFeed()
{
    stop();
}

Result<DemoFeed::Clinic> DemoFeed::prepareClinic(const Options &options)
{
    auto session = callApi(options.serverUrl, "POST", u"/api/auth/login"_s,
                           {{u"email"_s, options.email}, {u"password"_s, options.password}});
    if (!session && session.error().kind == ErrorKind::NotSignedIn && options.signUpIfMissing) {
        session = callApi(options.serverUrl, "POST", u"/api/auth/signup"_s,
                          {{u"organization_name"_s, u"Glow Med Spa (demo)"_s},
                           {u"full_name"_s, u"Demo Front Desk"_s},
                           {u"email"_s, options.email},
                           {u"password"_s, options.password},
                           {u"time_zone"_s, u"America/New_York"_s}});
    }
    if (!session)
        return session.error();
    const QString token = session->value(u"access_token"_s).toString();

    // Saved on every start: a fresh sandbox has no assistant yet, and the server's address
    // (which the assistant points Vapi at) changes with each embedded start.
    auto agent = callApi(options.serverUrl, "GET", u"/api/agent"_s, {}, token);
    if (!agent)
        return agent.error();
    const QJsonObject current = agent->value(u"agent"_s).toObject();
    auto saved = callApi(options.serverUrl, "PUT", u"/api/agent"_s,
                         {{u"name"_s, current.value(u"name"_s).toString(u"Voxanne"_s)}}, token);
    if (!saved)
        return saved.error();
    const QString assistantId =
        saved->value(u"agent"_s).toObject().value(u"vapi_assistant_id"_s).toString();
    if (assistantId.isEmpty())
        return fail(u"The demo clinic's agent has no Vapi assistant."_s);
    auto calls = callApi(options.serverUrl, "GET", u"/api/calls-dashboard?limit=1"_s, {}, token);
    if (!calls)
        return calls.error();
    return Clinic{assistantId, !calls->value(u"items"_s).toArray().isEmpty()};
}

Result<int> DemoFeed::playCalls(const Options &options, const QString &assistantId, int calls,
                                quint32 seed, int spacingSeconds)
{
    CallSimulator::Options simulation;
    simulation.serverUrl = options.serverUrl;
    simulation.secret = options.webhookSecret;
    simulation.sandboxUrl = options.sandboxUrl;
    simulation.assistantId = assistantId;
    simulation.calls = calls;
    simulation.seed = seed;
    simulation.spacingSeconds = spacingSeconds;
    auto summary = CallSimulator(simulation).run();
    if (!summary)
        return summary.error();
    return summary->calls;
}

void DemoFeed::start()
{
    if (m_running.exchange(true))
        return;
    m_thread = QThread::create([this] { run(); });
    m_thread->setObjectName(u"demo-feed"_s);
    m_thread->start();
}

void DemoFeed::stop()
{
    if (!m_running.exchange(false))
        return;
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

void DemoFeed::run()
{
    // The console may still be signing the clinic up: wait for it.
    Result<Clinic> clinic = fail(u"not tried"_s);
    while (m_running.load()) {
        clinic = prepareClinic(m_options);
        if (clinic)
            break;
        if (!sleepWhile(m_running, 2))
            return;
    }
    if (!clinic)
        return;
    const QString assistant = clinic->assistantId;
    // Random, not the clock: a feed restarted within the same second must not replay the same
    // call ids (the server would rightly take them as redeliveries).
    quint32 seed = QRandomGenerator::global()->generate();
    if (!clinic->hasCalls && m_options.pastWeekCalls > 0) {
        // Spread over the past seven days, around the clock: the AI answers at night too.
        const int spacing = 7 * 24 * 3600 / m_options.pastWeekCalls;
        auto past = playCalls(m_options, assistant, m_options.pastWeekCalls, seed++, spacing);
        if (!past)
            log::warn("demo",
                      u"The demo's past week could not be played: %1"_s.arg(past.errorMessage()));
    }
    auto played = playCalls(m_options, assistant, m_options.firstBatch, seed++);
    if (!played)
        log::warn("demo", u"The demo calls could not be played: %1"_s.arg(played.errorMessage()));
    while (sleepWhile(m_running, m_options.intervalSeconds)) {
        played = playCalls(m_options, assistant, 1, seed++);
        if (!played)
            log::warn("demo", u"A demo call could not be played: %1"_s.arg(played.errorMessage()));
    }
}

} // namespace vox::sandbox
