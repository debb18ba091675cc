#include "server/http/response.h"

#include "core/logging/log.h"
#include "core/sqlstate.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace vox::http {

Response Response::json(const QJsonObject &object, int status)
{
    return rawJson(QJsonDocument(object).toJson(QJsonDocument::Compact), status);
}

Response Response::json(const QJsonArray &array, int status)
{
    return rawJson(QJsonDocument(array).toJson(QJsonDocument::Compact), status);
}

Response Response::rawJson(QByteArray json, int status)
{
    Response r;
    r.status = status;
    r.body = std::move(json);
    return r;
}

Response Response::error(int status, const QString &message)
{
    return json(QJsonObject{{u"error"_s, message}}, status);
}

int statusOf(ErrorKind kind)
{
    switch (kind) {
    case ErrorKind::Unspecified:
        return 0;
    case ErrorKind::BadInput:
        return 400;
    case ErrorKind::NotSignedIn:
        return 401;
    case ErrorKind::Forbidden:
        return 403;
    case ErrorKind::NotFound:
        return 404;
    case ErrorKind::Conflict:
        return 409;
    case ErrorKind::Gone:
        return 410;
    case ErrorKind::TooLarge:
        return 413;
    case ErrorKind::UnsupportedMedia:
        return 415;
    case ErrorKind::Refused:
        return 422;
    case ErrorKind::RateLimited:
        return 429;
    case ErrorKind::ProviderFailed:
        return 502;
    case ErrorKind::Unavailable:
        return 503;
    }
    return 0;
}

Response Response::fromError(const Error &error)
{
    if (const int code = statusOf(error.kind)) {
        Response r = Response::error(code, error.message);
        if (code == 429 && !error.subject.isEmpty())
            r.withHeader("Retry-After", error.subject.toLatin1());
        if (!error.subject.isEmpty() && (code == 400 || code == 422)) {
            QJsonObject body{{u"error"_s, error.message}, {u"field"_s, error.subject}};
            r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        }
        return r;
    }
    if (error.sqlstate == sqlstate::uniqueViolation)
        return Response::error(409, u"That already exists."_s);
    if (error.sqlstate == sqlstate::exclusionViolation)
        return Response::error(409, u"That time overlaps another appointment."_s);
    if (error.sqlstate == sqlstate::checkViolation || error.sqlstate == u"22P02" ||
        error.sqlstate == u"22007" || error.sqlstate == u"22008" || error.sqlstate == u"22023")
        return Response::error(400, u"A value is not valid."_s);
    if (error.sqlstate == sqlstate::foreignKeyViolation)
        return Response::error(400, u"A referenced record does not exist."_s);
    if (error.sqlstate == sqlstate::queryCanceled)
        return Response::error(503, u"The server is busy; please try again."_s);
    if (sqlstate::isUnavailable(error)) {
        log::warn("http", u"The database is unavailable."_s, {{u"sqlstate"_s, error.sqlstate}});
        return databaseUnavailable();
    }
    log::error(
        "http", u"Unhandled error: %1"_s.arg(error.message),
        {{u"sqlstate"_s, error.sqlstate}, {u"code"_s, error.code}, {u"subject"_s, error.subject}});
    return Response::error(500, u"Something went wrong on the server."_s);
}

Response respond(Result<Response> result)
{
    return result ? std::move(result).value() : Response::fromError(result.error());
}

Response Response::databaseUnavailable()
{
    return Response::error(503, u"The database is not reachable right now; please try again in a "
                                "few seconds."_s)
        .withHeader("Retry-After", QByteArray::number(databaseRetryAfterSeconds));
}

Response Response::streamedAttachment(BodyProducer producer, QByteArray contentType,
                                      const QString &fileName)
{
    Response r = attachment({}, std::move(contentType), fileName);
    r.producer = std::move(producer);
    return r;
}

Response Response::attachment(QByteArray data, QByteArray contentType, const QString &fileName)
{
    Response r;
    r.body = std::move(data);
    r.contentType = std::move(contentType);
    QString safe = fileName;
    for (QChar &c : safe) {
        if (!(c.isLetterOrNumber() || c == u'.' || c == u'-' || c == u'_'))
            c = u'_';
    }
    r.withHeader("Content-Disposition", "attachment; filename=\"" + safe.toLatin1() + '"');
    return r;
}

QByteArray Response::headerValue(const QByteArray &lowerCaseName) const
{
    for (const auto &[name, value] : headers) {
        if (name.toLower() == lowerCaseName)
            return value;
    }
    return {};
}

namespace status {
Error badRequest(const QString &message, const QString &field)
{
    return fail(message, ErrorKind::BadInput, field);
}
Error unauthorized(const QString &message)
{
    return fail(message, ErrorKind::NotSignedIn);
}
Error forbidden(const QString &message)
{
    return fail(message, ErrorKind::Forbidden);
}
Error notFound(const QString &message)
{
    return fail(message, ErrorKind::NotFound);
}
Error conflict(const QString &message)
{
    return fail(message, ErrorKind::Conflict);
}
Error gone(const QString &message)
{
    return fail(message, ErrorKind::Gone);
}
Error unprocessable(const QString &message, const QString &field)
{
    return fail(message, ErrorKind::Refused, field);
}
Error tooManyRequests(const QString &message, int retryAfterSeconds)
{
    return fail(message, ErrorKind::RateLimited, QString::number(qMax(1, retryAfterSeconds)));
}
Error badGateway(const QString &message)
{
    return fail(message, ErrorKind::ProviderFailed);
}
Error serviceUnavailable(const QString &message)
{
    return fail(message, ErrorKind::Unavailable);
}
} // namespace status

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 101:
        return "Switching Protocols";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 206:
        return "Partial Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 410:
        return "Gone";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 416:
        return "Range Not Satisfiable";
    case 422:
        return "Unprocessable Entity";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Unknown";
    }
}

} // namespace vox::http
