#pragma once

#include "core/result.h"
#include "server/http/outboundcall.h"

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QUrl>

#include <optional>

namespace vox::server::providers {

// How a provider call is retried: after each delay in turn, on network errors, timeouts, 429 and
// 5xx. Other 4xx answers are final. By default 2 s, 4 s, 8 s. Only calls that are safe to repeat
// are retried, and only on a thread doing background work (see BackgroundWork): a request worker
// never sleeps between attempts.
struct RetryPolicy
{
    QList<int> delaysMs{2000, 4000, 8000};
    // How long an interactive call (not BackgroundWork) may keep a request worker waiting.
    int interactiveTimeoutMs = 10000;
    static RetryPolicy none() { return RetryPolicy{{}}; }
};

// Marks the current thread as doing background work (jobs) for as long as it lives: provider
// calls made on it may sleep between retries and wait for the full timeout. Every other thread
// is interactive: one attempt, and at most RetryPolicy::interactiveTimeoutMs of waiting.
class BackgroundWork
{
public:
    BackgroundWork();
    ~BackgroundWork();
    BackgroundWork(const BackgroundWork &) = delete;
    BackgroundWork &operator=(const BackgroundWork &) = delete;

    static bool active();

private:
    bool m_was;
};

// Error::subject of a call that got no HTTP answer. `unreachable`: the request never left (no
// connection could be made), so nothing happened at the provider. `noAnswer`: the request may
// have arrived and been acted on; only reading the provider's state back tells.
inline const QString unreachable = QStringLiteral("unreachable");
inline const QString noAnswer = QStringLiteral("no-answer");

// One exchange as the HTTP library sends it, plus whether it may be sent twice.
struct HttpCall : http::OutboundCall
{
    // Whether sending the call twice has the same effect as once. By default GET, HEAD, PUT,
    // DELETE and PATCH (ours set fields to values) are; a POST is only when the provider dedupes
    // it (an idempotency key) or it only reads (a free/busy query). A call that is not is never
    // sent a second time: a patient must not get a text twice because an answer was slow.
    std::optional<bool> idempotent;

    bool repeatable() const;
};

// The last exchange's answer, and how many exchanges it took.
struct HttpAnswer : http::OutboundAnswer
{
    int attempts = 0;
};

// One blocking HTTP exchange with a provider, usable from any worker or job thread (it spins a
// local event loop on a per-thread network manager). Transport failures that outlast the retries
// are ProviderFailed errors with subject `unreachable` or `noAnswer`; any HTTP answer, success
// or not, is returned for the caller to read.
Result<HttpAnswer> send(const HttpCall &call, const RetryPolicy &policy = {});

// HTTP Basic credentials header value.
QByteArray basicAuth(const QString &user, const QString &password);
// application/x-www-form-urlencoded body (Twilio, Google token endpoint).
QByteArray formEncode(const QList<QPair<QString, QString>> &fields);

} // namespace vox::server::providers
