#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>

namespace vox::http {

// Hands one piece of a streamed body to the client. It blocks while the client is behind (so a
// slow reader never makes the server hold the whole body) and answers false once the client has
// gone: the producer then stops.
using BodySink = std::function<bool(const QByteArray &piece)>;
// Writes a streamed body through the sink, on a worker thread, after the status line and headers
// are out. An error then can only end the connection early (the client sees a cut body, never a
// complete-looking one), so a handler checks what it can before it answers.
using BodyProducer = std::function<Result<void>(const BodySink &sink)>;

// What a handler answers. Bodies are JSON unless a handler says otherwise (exports, files).
struct Response
{
    int status = 200;
    QByteArray contentType = "application/json";
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    // Set for a streamed body (`body` stays empty). Sent chunked unless its length is known.
    BodyProducer producer;
    // The exact size a streamed body will have, sent as Content-Length (so a client can show
    // progress and a player knows the file's size); -1 when unknown. A producer that then writes
    // more or fewer bytes has its connection cut, never a body that looks complete.
    qint64 streamedLength = -1;

    static Response json(const QJsonObject &object, int status = 200);
    static Response json(const QJsonArray &array, int status = 200);
    // JSON already serialised (for instance built by PostgreSQL with json_agg).
    static Response rawJson(QByteArray json, int status = 200);
    // {"error": message}
    static Response error(int status, const QString &message);
    // Maps an error to its status: its kind's (statusOf), a known SQLSTATE (unique or
    // exclusion violation -> 409, bad input -> 400, the database unreachable -> 503 with
    // Retry-After), anything else -> 500 without internals.
    static Response fromError(const Error &error);
    // 503 with Retry-After and a sentence: the database cannot be reached right now, and the same
    // request will work again once it can.
    static Response databaseUnavailable();
    static constexpr int databaseRetryAfterSeconds = 5;
    static Response attachment(QByteArray data, QByteArray contentType, const QString &fileName);
    // A download written while it is sent (exports of any size).
    static Response streamedAttachment(BodyProducer producer, QByteArray contentType,
                                       const QString &fileName);

    Response &withHeader(QByteArray name, QByteArray value)
    {
        headers.append({std::move(name), std::move(value)});
        return *this;
    }
    QByteArray headerValue(const QByteArray &lowerCaseName) const;
};

// What a handler's result answers: its response, or its error through Response::fromError.
Response respond(Result<Response> result);

// Errors that carry their HTTP status, for Result<T> chains in handlers and services.
namespace status {
Error badRequest(const QString &message, const QString &field = {});
Error unauthorized(const QString &message);
Error forbidden(const QString &message);
Error notFound(const QString &message);
Error conflict(const QString &message);
Error gone(const QString &message);
Error unprocessable(const QString &message, const QString &field = {});
Error tooManyRequests(const QString &message, int retryAfterSeconds);
Error badGateway(const QString &message);
Error serviceUnavailable(const QString &message);
} // namespace status

QByteArray reasonPhrase(int status);
// The status that answers an error of this kind; 0 for Unspecified.
int statusOf(ErrorKind kind);

} // namespace vox::http
