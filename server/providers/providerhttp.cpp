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

bool retryable(int status)
{
    return status == 0 || status == 429 || status >= 500;
}

HttpAnswer exchange(const HttpCall &call)
{
    QNetworkRequest request(call.url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(call.timeoutMs);
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
    deadline.start(call.timeoutMs + 1000);
    if (!reply->isFinished())
        loop.exec();
    if (!reply->isFinished())
        reply->abort();

    HttpAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        answer.headers.insert(name.toLower(), value);
    return answer;
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

Result<HttpAnswer> send(const HttpCall &call, const RetryPolicy &policy)
{
    HttpAnswer answer;
    const qsizetype attempts = policy.delaysMs.size() + 1;
    for (qsizetype attempt = 0; attempt < attempts; ++attempt) {
        if (attempt > 0) {
            int wait = policy.delaysMs.at(attempt - 1);
            // A provider that says when to come back is believed, within reason.
            const int retryAfter = answer.headers.value("retry-after").toInt() * 1000;
            if (answer.status == 429 && retryAfter > wait)
                wait = qMin(retryAfter, 30000);
            QThread::msleep(ulong(wait));
        }
        answer = exchange(call);
        answer.attempts = int(attempt + 1);
        if (!retryable(answer.status))
            return answer;
        log::info("providers", u"Provider call will be retried."_s,
                  {{u"host"_s, call.url.host()},
                   {u"path"_s, call.url.path()},
                   {u"status"_s, answer.status},
                   {u"attempt"_s, int(attempt + 1)}});
    }
    if (answer.status == 0)
        return fail(u"%1 did not answer (%2 attempts)."_s.arg(call.url.host()).arg(attempts),
                    u"502"_s);
    return answer; // the last 429/5xx, for the caller to report
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
