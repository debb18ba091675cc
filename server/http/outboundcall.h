#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

// This process calling another HTTP service: the server calling a provider, the sandbox calling
// the server back as a provider would. One exchange, sent once; whether and when to try again
// is the caller's decision (the server's provider client decides it per call).
namespace vox::http {

struct OutboundCall
{
    QByteArray method = "GET";
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QByteArray contentType; // e.g. application/json, application/x-www-form-urlencoded
    int timeoutMs = 15000;
};

struct OutboundAnswer
{
    int status = 0; // 0: no HTTP answer
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    // false: no connection was ever made, so the request cannot have arrived.
    bool sent = true;

    bool ok() const { return status >= 200 && status < 300; }
    QJsonValue json() const;
};

// One blocking exchange, usable from any thread: it spins a local event loop on a per-thread
// network manager, and gives up `timeoutMs` after the transfer stalls. Any answer, success or
// not, is returned to be read; no answer at all is status 0.
OutboundAnswer exchangeOnce(const OutboundCall &call, const QByteArray &userAgent);

// application/x-www-form-urlencoded body (Twilio, Google's token endpoint).
QByteArray formEncode(const QList<QPair<QString, QString>> &fields);

} // namespace vox::http
