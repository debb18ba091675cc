#include "server/routes/vapiwebhooks.h"

#include "server/servermetrics.h"
#include "server/services/vapiauth.h"

#include <QElapsedTimer>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

// Vapi's server message types as labels; anything else (a type added later, a made-up one) is
// "other", so a sender cannot make series.
QString typeLabel(const QString &type)
{
    static const QStringList known{u"assistant-request"_s,
                                   u"tool-calls"_s,
                                   u"status-update"_s,
                                   u"end-of-call-report"_s,
                                   u"speech-update"_s,
                                   u"conversation-update"_s,
                                   u"hang"_s,
                                   u"function-call"_s,
                                   u"transfer-destination-request"_s,
                                   u"transfer-update"_s,
                                   u"user-interrupted"_s,
                                   u"model-output"_s,
                                   u"voice-input"_s,
                                   u"phone-call-control"_s,
                                   u"knowledge-base-request"_s,
                                   u"language-change-detected"_s,
                                   u"voice-request"_s};
    if (type.startsWith(u"transcript"_s))
        return u"transcript"_s; // transcript[transcriptType="final"] and its kin
    return known.contains(type) ? type : u"other"_s;
}

void record(const QString &type, int status, qint64 nanoseconds)
{
    const double seconds = double(nanoseconds) / 1e9;
    const QString label = typeLabel(type);
    servermetrics::webhookDuration().labels({label}).observe(seconds);
    if (label == u"end-of-call-report") {
        servermetrics::endOfCallReports().labels({status < 300 ? u"stored"_s : u"failed"_s}).inc();
        servermetrics::endOfCallIngestDuration().labels({}).observe(seconds);
    }
}

} // namespace

void registerVapiWebhookRoutes(http::Router &router, AppContext &app,
                               std::shared_ptr<VapiWebhookService> webhooks)
{
    router.post(
        u"/api/webhooks/vapi"_s, http::Auth::Public,
        [&app, webhooks](http::Context &c) -> http::Reply {
            // Nothing is read or stored before the request proves it comes from Vapi.
            if (auto ok = authenticateVapi(c.request, app.config); !ok)
                return ok.error();
            auto message = vapi::Message::parse(c.request.body);
            if (!message)
                return message.error();
            QElapsedTimer timer;
            timer.start();
            const VapiWebhookService::Answer answer = webhooks->handle(*message, c.request.body);
            record(message->type(), answer.status, timer.nsecsElapsed());
            http::Response response = http::Response::json(answer.body, answer.status);
            if (answer.retryAfterSeconds > 0)
                response.withHeader("Retry-After", QByteArray::number(answer.retryAfterSeconds));
            return response;
        });
}

} // namespace vox::server
