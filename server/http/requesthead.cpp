#include "server/http/requesthead.h"

#include <QList>

#include <algorithm>

namespace vox::http {

namespace {

RequestHead failure(int status, QByteArray message)
{
    RequestHead head;
    head.status = RequestHead::Status::Error;
    head.errorStatus = status;
    head.error = std::move(message);
    return head;
}

bool allDigits(const QByteArray &value)
{
    return !value.isEmpty() &&
           std::all_of(value.cbegin(), value.cend(), [](char c) { return c >= '0' && c <= '9'; });
}

} // namespace

QByteArray RequestHead::path() const
{
    const qsizetype query = target.indexOf('?');
    return query < 0 ? target : target.left(query);
}

bool RequestHead::keepsAlive() const
{
    if (version == "HTTP/1.0")
        return connectionKeepAlive && !connectionClose;
    return !connectionClose;
}

RequestHead parseRequestHead(QByteArrayView data, qsizetype maxHeaderBytes)
{
    static const QByteArray tooLarge = "The request headers are too large.";
    const qsizetype end = data.indexOf(QByteArrayView("\r\n\r\n"));
    if (end < 0)
        return data.size() > maxHeaderBytes ? failure(431, tooLarge) : RequestHead{};
    if (end + 4 > maxHeaderBytes)
        return failure(431, tooLarge);

    RequestHead head;
    head.headLength = end + 4;
    const QList<QByteArray> lines = data.first(end).toByteArray().split('\n');
    // "GET /api/events?since=3 HTTP/1.1"
    const QList<QByteArray> requestLine = lines.value(0).trimmed().split(' ');
    head.method = requestLine.value(0);
    head.target = requestLine.value(1);
    head.version = requestLine.value(2);
    int contentLengths = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &rawLine = lines.at(i);
        if (rawLine.startsWith(' ') || rawLine.startsWith('\t'))
            return failure(400, "Folded header lines are not accepted.");
        const qsizetype colon = rawLine.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray name = rawLine.left(colon).toLower();
        if (name.isEmpty() || name.contains(' ') || name.contains('\t'))
            return failure(400, "A header name is malformed (no spaces before the colon).");
        const QByteArray value = rawLine.mid(colon + 1).trimmed().toLower();
        if (name == "content-length") {
            if (++contentLengths > 1)
                return failure(400, "The request has more than one Content-Length header.");
            if (!allDigits(value) || value.size() > 18)
                return failure(400, "The Content-Length header is not a number.");
            head.contentLength = value.toLongLong();
            head.hasContentLength = true;
        } else if (name == "transfer-encoding") {
            head.transferEncoding = true;
        } else if (name == "expect" && value == "100-continue") {
            head.expectContinue = true;
        } else if (name == "upgrade" && value == "websocket") {
            head.upgradeWebSocket = true;
        } else if (name == "connection") {
            for (const QByteArray &token : value.split(',')) {
                const QByteArray option = token.trimmed();
                head.connectionClose = head.connectionClose || option == "close";
                head.connectionKeepAlive = head.connectionKeepAlive || option == "keep-alive";
            }
        }
    }
    if (head.transferEncoding && head.hasContentLength)
        return failure(400, "A request cannot have both Content-Length and Transfer-Encoding.");
    head.status = RequestHead::Status::Complete;
    return head;
}

} // namespace vox::http
