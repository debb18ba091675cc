#include "server/providers/providerhttp.h"

#include "core/logging/log.h"

#include <QBuffer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QThread>
#include <QTimer>
#include <QUrlQuery>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::providers {

namespace {

QNetworkAccessManager &threadNetwork()
{
    // One manager per thread: QNetworkAccessManager belongs to the thread that made it.
    thread_local std::unique_ptr<QNetworkAccessManager> network;
    if (!network) {
        network = std::make_unique<QNetworkAccessManager>();
        network->setAutoDeleteReplies(false);
    }
    return *network;
}

thread_local bool backgroundThread = false;

bool retryable(int status)
{
    return status == 0 || status == 429 || status >= 500;
}

// No connection was ever made: the provider cannot have seen the request.
bool neverSent(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::HostNotFoundError:
    case QNetworkReply::UnknownProxyError:
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyNotFoundError:
        return true;
    default:
        return false;
    }
}

struct Exchange
{
    HttpAnswer answer;
    bool sent = true; // false: the request cannot have reached the provider
};

Exchange exchange(const HttpCall &call, int timeoutMs)
{
    QNetworkRequest request(call.url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(timeoutMs);
    if (!call.contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, call.contentType);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", "voxanne-server");
    for (const auto &[name, value] : call.headers)
        request.setRawHeader(name, value);

    QBuffer body;
    body.setData(call.body);
    body.open(QIODevice::ReadOnly);
    std::unique_ptr<QNetworkReply> reply(
        threadNetwork().sendCustomRequest(request, call.method, &body));

    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&deadline, &QTimer::timeout, &loop, &QEventLoop::quit);
    deadline.start(timeoutMs + 1000);
    if (!reply->isFinished())
        loop.exec();
    if (!reply->isFinished())
        reply->abort();

    Exchange out;
    out.answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    out.answer.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        out.answer.headers.insert(name.toLower(), value);
    out.sent = out.answer.status != 0 || !neverSent(reply->error());
    return out;
}

} // namespace

QJsonValue HttpAnswer::json() const
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject())
        return doc.object();
    if (doc.isArray())
        return doc.array();
    return QJsonValue();
}

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
    HttpAnswer answer;
    bool sent = true;
    for (qsizetype attempt = 0; attempt < attempts; ++attempt) {
        if (attempt > 0) {
            int wait = policy.delaysMs.at(attempt - 1);
            // A provider that says when to come back is believed, within reason.
            const int retryAfter = answer.headers.value("retry-after").toInt() * 1000;
            if (answer.status == 429 && retryAfter > wait)
                wait = qMin(retryAfter, 30000);
            QThread::msleep(ulong(wait));
        }
        Exchange exchanged = exchange(call, timeoutMs);
        answer = std::move(exchanged.answer);
        sent = exchanged.sent;
        answer.attempts = int(attempt + 1);
        // A request that never left, or that was throttled (429: refused unread), may always be
        // tried again; one that may have been acted on only when repeating it changes nothing.
        const bool maybeActedOn = sent && answer.status != 429;
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
        return sent ? fail(u"%1 did not answer (%2)."_s.arg(call.url.host(), tries), u"502"_s,
                           noAnswer)
                    : fail(u"%1 could not be reached (%2)."_s.arg(call.url.host(), tries), u"502"_s,
                           unreachable);
    }
    return answer; // any answer, the last 429/5xx included, for the caller to read
}

QByteArray basicAuth(const QString &user, const QString &password)
{
    return "Basic " + (user + u':' + password).toUtf8().toBase64();
}

QByteArray formEncode(const QList<QPair<QString, QString>> &fields)
{
    QByteArray out;
    for (const auto &[name, value] : fields) {
        if (!out.isEmpty())
            out += '&';
        out += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

} // namespace vox::server::providers
