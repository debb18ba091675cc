// voxanne-sandbox: the provider sandbox, and `simulate`, the Vapi call simulator.
#include "core/democlinic.h"
#include "core/logging/log.h"
#include "core/unixsignals.h"
#include "sandbox/callsimulator.h"
#include "sandbox/demofeed.h"
#include "sandbox/loadgenerator.h"
#include "sandbox/outboundhttp.h"
#include "sandbox/sandbox.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QHostAddress>
#include <QJsonArray>
#include <QTextStream>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

int failWith(const QString &message)
{
    QTextStream(stderr) << "voxanne-sandbox: " << message << '\n';
    return 1;
}

// The assistant a server configured in this sandbox: the newest whose server URL is that
// server's webhook (our server points every assistant at BACKEND_URL/api/webhooks/vapi).
vox::Result<QString> assistantFromSandbox(const QString &sandboxUrl, const QString &serverUrl)
{
    vox::http::OutboundCall call;
    call.url = QUrl(sandboxUrl + u"/vapi/assistant?limit=1000"_s);
    call.headers = {{"Authorization", "Bearer simulator"}};
    auto answer = vox::sandbox::sendOnce(call);
    if (!answer || !answer->ok())
        return vox::fail(u"Cannot list the sandbox's assistants at %1."_s.arg(sandboxUrl));
    QString best;
    QString newest;
    for (const QJsonValue &v : answer->json().toArray()) {
        const QJsonObject a = v.toObject();
        const QString url = a.value(u"server"_s).toObject().value(u"url"_s).toString();
        if (!url.startsWith(serverUrl))
            continue;
        const QString created = a.value(u"createdAt"_s).toString();
        if (best.isEmpty() || created > newest) {
            best = a.value(u"id"_s).toString();
            newest = created;
        }
    }
    if (best.isEmpty())
        return vox::fail(u"The sandbox has no assistant pointing at %1; save the agent in the "
                         "console first, or give --assistant."_s.arg(serverUrl));
    return best;
}

int simulate(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Plays realistic Vapi calls against a Voxanne server: webhooks and tool calls."_s);
    parser.addHelpOption();
    const QCommandLineOption server(u"server"_s, u"The server's base URL."_s, u"URL"_s);
    const QCommandLineOption secret(u"secret"_s, u"The x-vapi-secret (VAPI_WEBHOOK_SECRET)."_s,
                                    u"S"_s);
    const QCommandLineOption hmac(u"hmac-secret"_s,
                                  u"Sign with Vapi's HMAC credential instead (VAPI_HMAC_SECRET)."_s,
                                  u"S"_s);
    const QCommandLineOption calls(u"calls"_s, u"How many calls (default 6)."_s, u"N"_s, u"6"_s);
    const QCommandLineOption assistant(u"assistant"_s, u"The clinic's Vapi assistant id."_s,
                                       u"ID"_s);
    const QCommandLineOption phoneNumber(u"phone-number-id"_s,
                                         u"The clinic's Vapi phone number id."_s, u"ID"_s);
    const QCommandLineOption sandbox(
        u"sandbox"_s,
        u"The sandbox that records the calls and, without --assistant, has the assistant "
        "(default: none; calls without recordings)."_s,
        u"URL"_s);
    const QCommandLineOption seed(u"seed"_s, u"Seed for ids, numbers and names (default: now)."_s,
                                  u"N"_s);
    const QCommandLineOption firstDay(u"first-day"_s,
                                      u"Book on weekdays from this day (default: in 8+ days)."_s,
                                      u"YYYY-MM-DD"_s);
    parser.addOptions(
        {server, secret, hmac, calls, assistant, phoneNumber, sandbox, seed, firstDay});
    parser.process(arguments);

    vox::sandbox::CallSimulator::Options options;
    options.serverUrl = parser.value(server);
    options.secret = parser.value(secret);
    options.hmacSecret = parser.value(hmac);
    bool ok = false;
    options.calls = parser.value(calls).toInt(&ok);
    if (!ok || options.calls < 1 || options.calls > 10000)
        return failWith(u"--calls must be a number from 1 to 10000."_s);
    options.seed = parser.isSet(seed) ? parser.value(seed).toUInt()
                                      : quint32(QDateTime::currentSecsSinceEpoch());
    if (parser.isSet(firstDay)) {
        options.firstDay = QDate::fromString(parser.value(firstDay), Qt::ISODate);
        if (!options.firstDay.isValid())
            return failWith(u"--first-day must be a date like 2026-03-16."_s);
    }
    if (options.serverUrl.isEmpty())
        return failWith(u"simulate needs --server URL (and --secret S or --hmac-secret S)."_s);
    if (options.secret.isEmpty() && options.hmacSecret.isEmpty())
        return failWith(u"simulate needs --secret S (the server's VAPI_WEBHOOK_SECRET)."_s);
    options.assistantId = parser.value(assistant);
    options.phoneNumberId = parser.value(phoneNumber);
    options.sandboxUrl = parser.value(sandbox);
    if (options.assistantId.isEmpty() && options.phoneNumberId.isEmpty()) {
        if (!parser.isSet(sandbox))
            return failWith(u"Give --assistant ID (or --sandbox URL to find it)."_s);
        auto found = assistantFromSandbox(parser.value(sandbox), options.serverUrl);
        if (!found)
            return failWith(found.errorMessage());
        options.assistantId = *found;
    }

    vox::sandbox::CallSimulator simulator(options);
    auto summary = simulator.run();
    if (!summary)
        return failWith(summary.errorMessage());
    QTextStream out(stdout);
    for (const QString &line : std::as_const(summary->lines))
        out << line << '\n';
    out << summary->calls << " calls, " << summary->booked << " booked, " << summary->transferred
        << " transferred, " << summary->deliveries.size() << " deliveries, "
        << summary->failedDeliveries << " refused\n";
    return summary->failedDeliveries == 0 ? 0 : 2;
}

// `load`: fixed-concurrency Vapi traffic for tests/bench (latency percentiles and rate).
int load(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Vapi traffic at a fixed concurrency, for benchmarks."_s);
    parser.addHelpOption();
    const QCommandLineOption server(u"server"_s, u"The server's base URL."_s, u"URL"_s);
    const QCommandLineOption secret(u"secret"_s, u"The x-vapi-secret."_s, u"S"_s);
    const QCommandLineOption assistant(u"assistant"_s, u"The clinic's Vapi assistant id."_s,
                                       u"ID"_s);
    const QCommandLineOption kind(u"kind"_s, u"book, availability or report (default book)."_s,
                                  u"KIND"_s, u"book"_s);
    const QCommandLineOption clients(u"clients"_s, u"Concurrent clients (default 32)."_s, u"N"_s,
                                     u"32"_s);
    const QCommandLineOption requests(u"requests"_s, u"Requests in all (default 2000)."_s, u"N"_s,
                                      u"2000"_s);
    const QCommandLineOption seed(u"seed"_s, u"Distinguishes runs (ids, numbers)."_s, u"N"_s,
                                  u"1"_s);
    const QCommandLineOption firstDay(u"first-day"_s, u"First booking day."_s, u"YYYY-MM-DD"_s);
    parser.addOptions({server, secret, assistant, kind, clients, requests, seed, firstDay});
    parser.process(arguments);
    vox::sandbox::LoadOptions options;
    options.serverUrl = parser.value(server);
    options.secret = parser.value(secret);
    options.assistantId = parser.value(assistant);
    options.kind = parser.value(kind);
    options.clients = qBound(1, parser.value(clients).toInt(), 512);
    options.requests = qMax(1, parser.value(requests).toInt());
    options.seed = parser.value(seed).toUInt();
    options.firstDay = QDate::fromString(parser.value(firstDay), Qt::ISODate);
    if (options.serverUrl.isEmpty() || options.secret.isEmpty() || options.assistantId.isEmpty())
        return failWith(u"load needs --server, --secret and --assistant."_s);
    auto result = vox::sandbox::runLoad(options);
    if (!result)
        return failWith(result.errorMessage());
    QTextStream(stdout) << options.kind << ": " << result->summary() << '\n';
    return 0;
}

// Keeps the demo clinic busy until stopped: `run.sh --headless` runs this beside the server.
int demo(QCoreApplication &app, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Signs the demo clinic up (or in), gives it a front desk account, saves its agent, "
        "connects it to the sandbox's Twilio and e-mail, plays a first batch of simulated calls "
        "when it has none, and then one more every --interval seconds, until stopped."_s);
    parser.addHelpOption();
    const QCommandLineOption server(u"server"_s, u"The server's base URL."_s, u"URL"_s);
    const QCommandLineOption secret(u"secret"_s, u"The x-vapi-secret (VAPI_WEBHOOK_SECRET)."_s,
                                    u"S"_s);
    const QCommandLineOption first(u"first"_s, u"Calls in the first batch (default 8)."_s, u"N"_s,
                                   u"8"_s);
    const QCommandLineOption interval(u"interval"_s, u"Seconds between later calls (default 45)."_s,
                                      u"S"_s, u"45"_s);
    const QCommandLineOption sandbox(
        u"sandbox"_s, u"The sandbox that records the calls (default: none, no recordings)."_s,
        u"URL"_s);
    parser.addOptions({server, secret, first, interval, sandbox});
    parser.process(arguments);
    if (parser.value(server).isEmpty() || parser.value(secret).isEmpty())
        return failWith(u"demo needs --server URL and --secret S."_s);
    vox::sandbox::DemoFeed::Options options;
    options.serverUrl = parser.value(server);
    options.webhookSecret = parser.value(secret);
    options.email = vox::demo::email();
    options.password = vox::demo::password();
    options.frontDeskEmail = vox::demo::frontDeskEmail();
    options.frontDeskPassword = vox::demo::frontDeskPassword();
    options.signUpIfMissing = true;
    options.sandboxUrl = parser.value(sandbox);
    options.firstBatch = qBound(0, parser.value(first).toInt(), 100);
    options.intervalSeconds = qBound(5, parser.value(interval).toInt(), 3600);
    vox::sandbox::DemoFeed feed(options);
    feed.start();
    vox::UnixSignals unixSignals;
    QObject::connect(&unixSignals, &vox::UnixSignals::terminationRequested, &app,
                     &QCoreApplication::quit);
    const int code = app.exec();
    feed.stop();
    return code;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"voxanne-sandbox"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(VOXANNE_VERSION));
    vox::log::setupStderr(vox::log::Level::Info);

    QStringList arguments = app.arguments();
    if (arguments.size() > 1 && arguments.at(1) == u"simulate") {
        arguments.removeAt(1);
        return simulate(arguments);
    }
    if (arguments.size() > 1 && arguments.at(1) == u"demo") {
        arguments.removeAt(1);
        return demo(app, arguments);
    }
    if (arguments.size() > 1 && arguments.at(1) == u"load") {
        arguments.removeAt(1);
        vox::log::setupStderr(vox::log::Level::Warn);
        return load(arguments);
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(
        u"Stand-ins for Vapi, Twilio, Google and Resend.\n\n"
        "voxanne-sandbox simulate --server URL --secret S [--calls N] plays Vapi calls against a "
        "server (see simulate --help).\n"
        "voxanne-sandbox demo --server URL --secret S keeps a demo clinic's calls coming."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(u"listen"_s, u"HOST:PORT (default 127.0.0.1:8788)."_s,
                                    u"HOST:PORT"_s, u"127.0.0.1:8788"_s);
    const QCommandLineOption outbound(
        u"simulate-outbound"_s,
        u"Play calls created with POST /vapi/call: their webhooks go to the assistant's server."_s);
    parser.addOptions({listen, outbound});
    parser.process(app);

    const QString where = parser.value(listen);
    const qsizetype colon = where.lastIndexOf(u':');
    bool ok = false;
    const uint port = where.mid(colon + 1).toUInt(&ok);
    if (colon <= 0 || !ok || port > 65535 || QHostAddress(where.left(colon)).isNull()) {
        QTextStream(stderr) << "voxanne-sandbox: --listen must be HOST:PORT\n";
        return 1;
    }
    vox::sandbox::Sandbox sandbox;
    sandbox.vapi().setSimulateOutboundCalls(parser.isSet(outbound));
    auto bound = sandbox.listen(where.left(colon), quint16(port));
    if (!bound) {
        QTextStream(stderr) << "voxanne-sandbox: " << bound.errorMessage() << '\n';
        return 1;
    }
    // TERM is handled before the line that tells scripts the sandbox is up.
    vox::UnixSignals unixSignals;
    QObject::connect(&unixSignals, &vox::UnixSignals::terminationRequested, &app,
                     &QCoreApplication::quit);
    std::fprintf(stdout, "listening on %s\n", qPrintable(sandbox.url()));
    std::fflush(stdout);
    return app.exec();
}
