#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace vox::http {

// What the edge needs to know about one request head, read before QtHttpServer parses it.
struct RequestHead
{
    enum class Status {
        Incomplete, // no blank line yet, and still within the size limit
        Complete,
        Error, // answer `errorStatus` with `error` and close
    };

    Status status = Status::Incomplete;
    int errorStatus = 0;
    QByteArray error; // a sentence for the client

    QByteArray method;  // "GET"
    QByteArray target;  // "/api/events?since=3"
    QByteArray version; // "HTTP/1.1"
    qint64 contentLength = 0;
    bool hasContentLength = false;
    bool transferEncoding = false;
    bool expectContinue = false;
    bool upgradeWebSocket = false;
    // The Connection header's tokens: "close" and "keep-alive".
    bool connectionClose = false;
    bool connectionKeepAlive = false;
    // Bytes of the head, request line to blank line included: the body starts here.
    qsizetype headLength = 0;

    bool complete() const { return status == Status::Complete; }
    bool failed() const { return status == Status::Error; }
    // The target without its query.
    QByteArray path() const;
    // HTTP/1.1 stays open unless the client said close; HTTP/1.0 closes unless it asked for
    // keep-alive (RFC 9112, 9.3).
    bool keepsAlive() const;
};

// Reads the head at the start of `data` (which may hold more: a body, a pipelined request).
// Pure, so the rules can be tested row by row. The body's length must be read the same way here
// and in QtHttpServer's parser, or a second header smuggles a body past a limit: anything
// ambiguous is an error (RFC 9112, 6.3).
RequestHead parseRequestHead(QByteArrayView data, qsizetype maxHeaderBytes);

} // namespace vox::http
