#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QHash>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

// The sandbox's own HTTP client: how its stand-ins call the server back as the providers do
// (Vapi's webhooks, Twilio's status callbacks) and how the demo feed and the simulator reach it.
// Kept apart from the server's provider client: the sandbox plays the other side of that contract.
namespace vox::sandbox {

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

    bool ok() const { return status >= 200 && status < 300; }
    QJsonValue json() const;
};

// One blocking exchange, sent once and never repeated (a provider's webhook is not retried by
// us either), usable from any thread: it spins a local event loop on a per-thread network
// manager. No HTTP answer is an error with code "502"; any answer is returned to be read.
Result<HttpAnswer> sendOnce(const HttpCall &call);

// application/x-www-form-urlencoded body, as Twilio posts its callbacks.
QByteArray formEncode(const QList<QPair<QString, QString>> &fields);

} // namespace vox::sandbox
