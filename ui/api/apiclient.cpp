#include "ui/api/apiclient.h"

#include "core/logging/log.h"
#include "ui/api/apierror.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkRequest>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

constexpr int transferTimeoutMs = 30000;

QJsonObject parseObject(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}

} // namespace

ApiClient::ApiClient(QObject *parent)
    : QObject(parent)
    , m_network(new QNetworkAccessManager(this))
{
    m_network->setAutoDeleteReplies(true);
}

ApiClient::~ApiClient() = default;

void ApiClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = url;
    QString path = m_baseUrl.path();
    while (path.endsWith(u'/'))
        path.chop(1);
    m_baseUrl.setPath(path);
}

QString ApiClient::serverLabel() const
{
    if (m_baseUrl.port() > 0)
        return u"%1:%2"_s.arg(m_baseUrl.host()).arg(m_baseUrl.port());
    return m_baseUrl.host();
}

void ApiClient::clearSession()
{
    m_session = {};
    m_waitingForRefresh.clear();
    m_tokenWaiters.clear();
}

// ---------------------------------------------------------------------------------------------
// Transport

Error ApiClient::Answer::error(const QString &host) const
{
    return apierror::fromAnswer({status, body, headers.value("retry-after"), network, host});
}

void ApiClient::send(Request request)
{
    // A refresh in flight: join the queue rather than spend a token that is about to change.
    if (request.authenticated && m_refreshing) {
        m_waitingForRefresh << std::move(request);
        return;
    }
    dispatch(std::move(request));
}

void ApiClient::dispatch(Request request)
{
    QUrl url = request.absoluteUrl;
    if (url.isEmpty()) {
        url = m_baseUrl;
        url.setPath(m_baseUrl.path() + request.path);
        if (!request.query.isEmpty())
            url.setQuery(request.query);
    }
    QNetworkRequest http(url);
    http.setTransferTimeout(transferTimeoutMs);
    http.setRawHeader("Accept", "application/json");
    if (request.authenticated && m_session.isValid()) {
        request.sentWithToken = m_session.accessToken;
        http.setRawHeader("Authorization", "Bearer " + m_session.accessToken.toLatin1());
    }
    for (const auto &[name, value] : std::as_const(request.headers))
        http.setRawHeader(name, value);
    QNetworkReply *reply = nullptr;
    if (request.method == "GET") {
        reply = m_network->get(http);
    } else {
        if (!request.contentType.isEmpty())
            http.setHeader(QNetworkRequest::ContentTypeHeader, request.contentType);
        else if (!request.body.isEmpty() || request.method == "POST" || request.method == "PATCH")
            http.setHeader(QNetworkRequest::ContentTypeHeader, "application/json"_ba);
        if (request.bodyDevice) {
            request.bodyDevice->seek(0);
            http.setHeader(QNetworkRequest::ContentLengthHeader, request.bodyDevice->size());
            // Without this QNetworkAccessManager reads the whole device into memory first.
            http.setAttribute(QNetworkRequest::DoNotBufferUploadDataAttribute, true);
            reply = m_network->sendCustomRequest(http, request.method, request.bodyDevice.get());
        } else {
            const QByteArray body = request.body.isEmpty() && request.method != "DELETE"
                                        ? QByteArray("{}")
                                        : request.body;
            reply = m_network->sendCustomRequest(http, request.method, body);
        }
    }
    if (request.uploadProgress) {
        connect(reply, &QNetworkReply::uploadProgress, this,
                [context = request.context, progress = request.uploadProgress](qint64 sent,
                                                                               qint64 total) {
                    if (context)
                        progress(sent, total);
                });
    }
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, request = std::move(request)]() mutable {
                finished(reply, std::move(request));
            });
}

void ApiClient::finished(QNetworkReply *reply, Request request)
{
    Answer answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.body = reply->readAll();
    answer.network = reply->error();
    const auto headers = reply->rawHeaderPairs();
    for (const auto &[name, value] : headers)
        answer.headers.insert(name.toLower(), value);

    // Only our own server's answers say whether the server is reachable: a provider's storage
    // that does not answer (a recording's address) says nothing about it.
    const bool ours =
        request.absoluteUrl.isEmpty() || (request.absoluteUrl.host() == m_baseUrl.host() &&
                                          request.absoluteUrl.port() == m_baseUrl.port());
    const bool reachable = answer.status != 0;
    if (ours && reachable != m_reachable) {
        m_reachable = reachable;
        emit reachabilityChanged(reachable);
    }

    if (answer.status == 401 && request.authenticated && !request.retried &&
        !m_session.refreshToken.isEmpty()) {
        refreshThenRetry(std::move(request));
        return;
    }
    // The receiver went away while the request was out: nobody to tell.
    if (request.context.isNull() || !request.handler)
        return;
    request.handler(answer);
}

void ApiClient::refreshThenRetry(Request request)
{
    request.retried = true;
    // Another request already brought a newer token: just try again with it.
    if (!m_refreshing && m_session.accessToken != request.sentWithToken) {
        dispatch(std::move(request));
        return;
    }
    m_waitingForRefresh << std::move(request);
    startRefresh();
}

void ApiClient::startRefresh()
{
    if (m_refreshing)
        return;
    if (m_session.refreshToken.isEmpty()) {
        finishRefresh(apierror::failed(tr("Your session has ended. Please sign in again."),
                                       apierror::unauthorized));
        return;
    }
    m_refreshing = true;
    Request refresh;
    refresh.method = "POST";
    refresh.path = u"/api/auth/refresh"_s;
    refresh.authenticated = false;
    refresh.body = QJsonDocument(QJsonObject{{u"refresh_token"_s, m_session.refreshToken}})
                       .toJson(QJsonDocument::Compact);
    refresh.context = this;
    refresh.handler = [this](const Answer &answer) {
        m_refreshing = false;
        if (answer.status == 200) {
            adoptSession(parseObject(answer.body));
            finishRefresh(m_session);
            return;
        }
        finishRefresh(answer.error(serverLabel()));
    };
    dispatch(std::move(refresh));
}

void ApiClient::finishRefresh(const Result<Session> &result)
{
    QList<Request> waiting = std::exchange(m_waitingForRefresh, {});
    auto tokenWaiters = std::exchange(m_tokenWaiters, {});
    if (result) {
        for (Request &request : waiting)
            dispatch(std::move(request));
        for (auto &[context, done] : tokenWaiters) {
            if (context)
                done(m_session.accessToken);
        }
        return;
    }
    // Refused (or unreachable). Without an answer the session may still be good: tell the
    // waiting callers, but only end the session when the server said no.
    const bool refused = result.error().code == apierror::unauthorized ||
                         result.error().code == apierror::validation;
    const Error error = refused
                            ? apierror::failed(tr("Your session has ended. Please sign in again."),
                                               apierror::unauthorized)
                            : result.error();
    for (Request &request : waiting) {
        if (request.context) {
            Answer answer;
            answer.status = refused ? 401 : 0;
            answer.network =
                refused ? QNetworkReply::NoError : QNetworkReply::ConnectionRefusedError;
            answer.body = QJsonDocument(QJsonObject{{u"error"_s, error.message}}).toJson();
            request.handler(answer);
        }
    }
    for (auto &[context, done] : tokenWaiters) {
        if (context)
            done(error);
    }
    if (refused) {
        m_session = {};
        log::info("console.api", u"The session was refused on refresh; signing out."_s);
        emit sessionExpired(error.message);
    }
}

void ApiClient::adoptSession(const QJsonObject &json)
{
    m_session = Session::fromJson(json, QDateTime::currentDateTimeUtc());
    emit sessionChanged();
}

void ApiClient::requestObject(QByteArray method, const QString &path, const QUrlQuery &query,
                              const QJsonObject *body, QObject *context, Callback<QJsonObject> done,
                              bool authenticated)
{
    Request request;
    request.method = std::move(method);
    request.path = path;
    request.query = query;
    if (body)
        request.body = QJsonDocument(*body).toJson(QJsonDocument::Compact);
    request.authenticated = authenticated;
    request.context = context;
    const QString host = serverLabel();
    request.handler = [done = std::move(done), host](const Answer &answer) {
        if (answer.status >= 200 && answer.status < 300) {
            const QJsonDocument doc = QJsonDocument::fromJson(answer.body);
            if (doc.isObject() || answer.body.trimmed().isEmpty()) {
                done(doc.object());
                return;
            }
            done(apierror::failed(tr("The server sent an answer the console does not "
                                     "understand. It may be a different version; please tell "
                                     "your IT contact."),
                                  apierror::unexpected));
            return;
        }
        done(answer.error(host));
    };
    send(std::move(request));
}

void ApiClient::requestDetailedObject(QByteArray method, const QString &path,
                                      const QJsonObject *body, QObject *context,
                                      DetailedCallback<QJsonObject> done)
{
    Request request;
    request.method = std::move(method);
    request.path = path;
    if (body)
        request.body = QJsonDocument(*body).toJson(QJsonDocument::Compact);
    request.context = context;
    const QString host = serverLabel();
    request.handler = [done = std::move(done), host](const Answer &answer) {
        if (answer.status >= 200 && answer.status < 300) {
            done(parseObject(answer.body), Refusal{});
            return;
        }
        Refusal refusal;
        refusal.status = answer.status;
        refusal.body = parseObject(answer.body);
        refusal.retryAfterSeconds = answer.headers.value("retry-after").trimmed().toInt();
        done(answer.error(host), refusal);
    };
    send(std::move(request));
}

void ApiClient::requestVoid(QByteArray method, const QString &path, const QJsonObject *body,
                            QObject *context, Callback<void> done, bool authenticated)
{
    requestJson<bool>(
        std::move(method), path, {}, body, context,
        [done = std::move(done)](Result<bool> result) {
            if (!result)
                done(result.error());
            else
                done({});
        },
        [](const QJsonObject &) { return true; }, authenticated);
}

void ApiClient::requestSession(const QString &path, const QJsonObject &body, QObject *context,
                               Callback<Session> done)
{
    requestJson<QJsonObject>(
        "POST", path, {}, &body, context,
        [this, done = std::move(done)](Result<QJsonObject> json) {
            if (!json) {
                done(json.error());
                return;
            }
            adoptSession(*json);
            done(m_session);
        },
        [](const QJsonObject &json) { return json; }, false);
}

// ---------------------------------------------------------------------------------------------
// The server itself and the session's tokens

void ApiClient::health(QObject *context, Callback<QString> done)
{
    requestJson<QString>(
        "GET", u"/api/health"_s, {}, nullptr, context, std::move(done),
        [](const QJsonObject &json) { return json.value(u"version"_s).toString(); }, false);
}

void ApiClient::sandboxMode(QObject *context, Callback<bool> done)
{
    requestJson<bool>(
        "GET", u"/api/health"_s, {}, nullptr, context, std::move(done),
        [](const QJsonObject &json) { return json.value(u"sandbox"_s).toBool(); }, false);
}

void ApiClient::withFreshToken(QObject *context, Callback<QString> done)
{
    if (m_session.isValid() && !m_refreshing &&
        QDateTime::currentDateTimeUtc().secsTo(m_session.accessExpiresAt) > 60) {
        done(m_session.accessToken);
        return;
    }
    forceRefresh(context, std::move(done));
}

void ApiClient::forceRefresh(QObject *context, Callback<QString> done)
{
    if (m_session.refreshToken.isEmpty()) {
        done(apierror::failed(tr("Your session has ended. Please sign in again."),
                              apierror::unauthorized));
        return;
    }
    m_tokenWaiters.append({QPointer<QObject>(context), std::move(done)});
    startRefresh();
}

QUrl ApiClient::eventsUrl(qint64 since) const
{
    QUrl url = m_baseUrl;
    url.setScheme(m_baseUrl.scheme() == u"https" ? u"wss"_s : u"ws"_s);
    url.setPath(m_baseUrl.path() + u"/api/events"_s);
    if (since > 0) {
        QUrlQuery q;
        q.addQueryItem(u"since"_s, QString::number(since));
        url.setQuery(q);
    }
    return url;
}

} // namespace vox::ui
