#include "server/http/outboundcall.h"

#include <QBuffer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTimer>

#include <memory>

namespace vox::http {

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

// No connection was ever made: the other side cannot have seen the request.
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

} // namespace

QJsonValue OutboundAnswer::json() const
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject())
        return doc.object();
    if (doc.isArray())
        return doc.array();
    return QJsonValue();
}

OutboundAnswer exchangeOnce(const OutboundCall &call, const QByteArray &userAgent)
{
    QNetworkRequest request(call.url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(call.timeoutMs);
    if (!call.contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, call.contentType);
    request.setRawHeader("Accept", "application/json");
    request.setRawHeader("User-Agent", userAgent);
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

    OutboundAnswer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (reply->isOpen()) // an aborted or refused request has no body to read
        answer.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        answer.headers.insert(name.toLower(), value);
    answer.sent = answer.status != 0 || !neverSent(reply->error());
    return answer;
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

} // namespace vox::http
