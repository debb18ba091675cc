#include "server/providers/providerhttp.h"

#include "core/logging/log.h"

#include <QThread>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::providers {

namespace {

thread_local bool backgroundThread = false;

bool retryable(int status)
{
    return status == 0 || status == 429 || status >= 500;
}

} // namespace

BackgroundWork::BackgroundWork()
    : m_was(backgroundThread)
{
    backgroundThread = true;
}

BackgroundWork::~BackgroundWork()
{
    backgroundThread = m_was;
}

bool BackgroundWork::active()
{
    return backgroundThread;
}

bool HttpCall::repeatable() const
{
    if (idempotent)
        return *idempotent;
    // PATCH too: our PATCHes set fields to values, so a second one changes nothing.
    return method == "GET" || method == "HEAD" || method == "PUT" || method == "DELETE" ||
           method == "PATCH";
}

Result<HttpAnswer> send(const HttpCall &call, const RetryPolicy &policy)
{
    const bool background = BackgroundWork::active();
    const int timeoutMs =
        background ? call.timeoutMs : qMin(call.timeoutMs, policy.interactiveTimeoutMs);
    const qsizetype attempts = background ? policy.delaysMs.size() + 1 : qsizetype(1);
    http::OutboundCall outbound = call;
    outbound.timeoutMs = timeoutMs;
    HttpAnswer answer;
    for (qsizetype attempt = 0; attempt < attempts; ++attempt) {
        if (attempt > 0) {
            int wait = policy.delaysMs.at(attempt - 1);
            // A provider that says when to come back is believed, within reason.
            const int retryAfter = answer.headers.value("retry-after").toInt() * 1000;
            if (answer.status == 429 && retryAfter > wait)
                wait = qMin(retryAfter, 30000);
            QThread::msleep(ulong(wait));
        }
        static_cast<http::OutboundAnswer &>(answer) =
            http::exchangeOnce(outbound, "voxanne-server");
        answer.attempts = int(attempt + 1);
        // A request that never left, or that was throttled (429: refused unread), may always be
        // tried again; one that may have been acted on only when repeating it changes nothing.
        const bool maybeActedOn = answer.sent && answer.status != 429;
        if (!retryable(answer.status) || attempt + 1 == attempts ||
            (maybeActedOn && !call.repeatable()))
            break;
        log::info("providers", u"Provider call will be retried."_s,
                  {{u"host"_s, call.url.host()},
                   {u"path"_s, call.url.path()},
                   {u"status"_s, answer.status},
                   {u"attempt"_s, int(attempt + 1)}});
    }
    if (answer.status == 0) {
        const QString tries =
            answer.attempts == 1 ? u"1 attempt"_s : u"%1 attempts"_s.arg(answer.attempts);
        return answer.sent ? fail(u"%1 did not answer (%2)."_s.arg(call.url.host(), tries),
                                  ErrorKind::ProviderFailed, noAnswer)
                           : fail(u"%1 could not be reached (%2)."_s.arg(call.url.host(), tries),
                                  ErrorKind::ProviderFailed, unreachable);
    }
    return answer; // any answer, the last 429/5xx included, for the caller to read
}

QByteArray basicAuth(const QString &user, const QString &password)
{
    return "Basic " + (user + u':' + password).toUtf8().toBase64();
}

QByteArray formEncode(const QList<QPair<QString, QString>> &fields)
{
    return http::formEncode(fields);
}

} // namespace vox::server::providers
