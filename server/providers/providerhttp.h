#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QUrl>

namespace vox::server::providers {

// How a provider call is retried: after each delay in turn, on network errors, timeouts, 429
// and 5xx. Other 4xx answers are final. Vapi and the PRD ask for 2 s, 4 s, 8 s.
struct RetryPolicy
{
    QList<int> delaysMs{2000, 4000, 8000};
    static RetryPolicy none() { return RetryPolicy{{}}; }
};

struct HttpCall
{
    QByteArray method = "GET";
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray contentType; // e.g. application/json, application/x-www-form-urlencoded
    int timeoutMs = 15000;
};

struct HttpAnswer
{
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    int attempts = 0;

    bool ok() const { return status >= 200 && status < 300; }
    QJsonValue json() const;
};

// One blocking HTTP exchange with a provider, usable from any worker or job thread (it spins a
// local event loop on a per-thread network manager). Transport failures that outlast the retries
// are errors; any HTTP answer, success or not, is returned for the caller to read.
Result<HttpAnswer> send(const HttpCall &call, const RetryPolicy &policy = {});

// HTTP Basic credentials header value.
QByteArray basicAuth(const QString &user, const QString &password);
// application/x-www-form-urlencoded body (Twilio, Google token endpoint).
QByteArray formEncode(const QList<QPair<QString, QString>> &fields);

} // namespace vox::server::providers
