#include "server/providers/googleclient.h"

#include "server/providers/providerrequest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::providers {

namespace {

QString trimmed(QString url)
{
    while (url.endsWith(u'/'))
        url.chop(1);
    return url;
}

// Google API errors: {"error": {"code", "message", "status", "errors": [...]}}; OAuth endpoint
// errors: {"error": "invalid_grant", "error_description": "..."}.
QString googleErrorMessage(const HttpAnswer &answer)
{
    const QJsonObject body = answer.json().toObject();
    const QJsonValue error = body.value(u"error"_s);
    if (error.isObject()) {
        const QJsonObject e = error.toObject();
        return u"%1 %2"_s.arg(e.value(u"status"_s).toString(), e.value(u"message"_s).toString())
            .trimmed();
    }
    if (error.isString())
        return u"%1: %2"_s.arg(error.toString(), body.value(u"error_description"_s).toString());
    return QString::fromUtf8(answer.body.left(200)).trimmed();
}

// Google's endpoints read and log Google's error body alike; each says what its refusals mean
// and, when it is not the API, how the log names a refusal.
Provider google(decltype(Provider::refusal) refusal, QString refusedLine = {})
{
    return {"google", u"Google"_s, googleErrorMessage, std::move(refusal), std::move(refusedLine),
            {}};
}

// Calendar and userinfo: a refused access token is "unauthorized" (refresh it and try once
// more), an event that is gone "not_found", anything else a provider failure (502).
const Provider &googleApi()
{
    static const Provider provider =
        google([](const HttpAnswer &answer, const QString &words) -> std::optional<Error> {
            const QString status = QString::number(answer.status);
            if (answer.status == 401)
                return fail(u"Google refused the access token: %1"_s.arg(words),
                            ErrorKind::ProviderFailed, status)
                    .withCode(u"unauthorized"_s);
            Error failed = fail(u"Google answered %1: %2"_s.arg(answer.status).arg(words),
                                ErrorKind::ProviderFailed, status);
            if (answer.status == 404 || answer.status == 410)
                return std::move(failed).withCode(u"not_found"_s);
            return failed;
        });
    return provider;
}

// The token endpoint: a revoked, expired or unknown grant is "invalid_grant" (reconnect).
const Provider &googleTokenEndpoint()
{
    static const Provider provider = google(
        [](const HttpAnswer &answer, const QString &words) -> std::optional<Error> {
            const QString status = QString::number(answer.status);
            if (answer.json().toObject().value(u"error"_s).toString() == u"invalid_grant")
                return fail(u"Google refused the grant (%1)."_s.arg(words),
                            ErrorKind::ProviderFailed, status)
                    .withCode(u"invalid_grant"_s);
            return fail(u"Google's token endpoint answered %1: %2"_s.arg(answer.status).arg(words),
                        ErrorKind::ProviderFailed, status);
        },
        u"Google's token endpoint refused a request."_s);
    return provider;
}

// The revocation endpoint: a token Google no longer knows ("invalid_token") is revoked already,
// so Voxanne has no access either way.
const Provider &googleRevocationEndpoint()
{
    static const Provider provider = google(
        [](const HttpAnswer &answer, const QString &words) -> std::optional<Error> {
            if (answer.json().toObject().value(u"error"_s).toString() == u"invalid_token")
                return std::nullopt;
            return fail(
                u"Google's revocation endpoint answered %1: %2"_s.arg(answer.status).arg(words),
                ErrorKind::ProviderFailed, QString::number(answer.status));
        },
        u"Google's revocation endpoint refused a request."_s);
    return provider;
}

} // namespace

GoogleClient::GoogleClient(GoogleEndpoints endpoints, RetryPolicy retry)
    : m_endpoints(std::move(endpoints))
    , m_retry(std::move(retry))
{
    m_endpoints.oauthBaseUrl = trimmed(m_endpoints.oauthBaseUrl);
    m_endpoints.apiBaseUrl = trimmed(m_endpoints.apiBaseUrl);
}

QUrl GoogleClient::authorizationUrl(const QString &redirectUri, const QString &state) const
{
    QUrl url(m_endpoints.oauthBaseUrl + u"/o/oauth2/v2/auth"_s);
    QUrlQuery query;
    const auto add = [&query](const QString &name, const QString &value) {
        query.addQueryItem(name, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    };
    add(u"client_id"_s, m_endpoints.clientId);
    add(u"redirect_uri"_s, redirectUri);
    add(u"response_type"_s, u"code"_s);
    add(u"scope"_s, calendarScope + u' ' + emailScope);
    // The forever-link: a refresh token on every connection, and consent shown every time so
    // Google issues one even when the account granted access before.
    add(u"access_type"_s, u"offline"_s);
    add(u"prompt"_s, u"consent"_s);
    add(u"include_granted_scopes"_s, u"true"_s);
    add(u"state"_s, state);
    url.setQuery(query);
    return url;
}

Result<GoogleTokens> GoogleClient::tokenRequest(const QList<QPair<QString, QString>> &form,
                                                bool repeatable)
{
    if (!isConfigured())
        return fail(u"Google is not configured on this server (GOOGLE_CLIENT_ID)."_s,
                    ErrorKind::Unavailable);
    HttpCall request;
    request.method = "POST";
    request.url = QUrl(m_endpoints.tokenUrl);
    request.contentType = "application/x-www-form-urlencoded";
    request.body = formEncode(form);
    request.idempotent = repeatable;
    auto answer = ask(googleTokenEndpoint(), request, m_retry, request.url.path());
    if (!answer)
        return answer.error();
    const QJsonObject body = answer->json().toObject();
    GoogleTokens tokens;
    tokens.accessToken = body.value(u"access_token"_s).toString();
    tokens.refreshToken = body.value(u"refresh_token"_s).toString();
    tokens.scope = body.value(u"scope"_s).toString();
    tokens.expiresAt =
        QDateTime::currentDateTimeUtc().addSecs(body.value(u"expires_in"_s).toInteger(3600));
    if (tokens.accessToken.isEmpty())
        return fail(u"Google's token endpoint answered without an access token."_s,
                    ErrorKind::ProviderFailed, QString::number(answer->status));
    return tokens;
}

Result<void> GoogleClient::revoke(const QString &token)
{
    if (!isConfigured())
        return fail(u"Google is not configured on this server (GOOGLE_CLIENT_ID)."_s,
                    ErrorKind::Unavailable);
    HttpCall request;
    request.method = "POST";
    request.url = QUrl(m_endpoints.tokenUrl).resolved(QUrl(u"revoke"_s));
    request.contentType = "application/x-www-form-urlencoded";
    request.body = formEncode({{u"token"_s, token}});
    request.idempotent = true; // revoking twice leaves it revoked
    auto answer = ask(googleRevocationEndpoint(), request, m_retry, request.url.path());
    if (!answer)
        return answer.error();
    return {};
}

Result<GoogleTokens> GoogleClient::exchangeCode(const QString &code, const QString &redirectUri)
{
    return tokenRequest({{u"code"_s, code},
                         {u"client_id"_s, m_endpoints.clientId},
                         {u"client_secret"_s, m_endpoints.clientSecret},
                         {u"redirect_uri"_s, redirectUri},
                         {u"grant_type"_s, u"authorization_code"_s}},
                        false); // a code is good once: a second exchange would be refused
}

Result<GoogleTokens> GoogleClient::refresh(const QString &refreshToken)
{
    auto tokens = tokenRequest({{u"client_id"_s, m_endpoints.clientId},
                                {u"client_secret"_s, m_endpoints.clientSecret},
                                {u"refresh_token"_s, refreshToken},
                                {u"grant_type"_s, u"refresh_token"_s}},
                               true);
    if (!tokens)
        return tokens;
    GoogleTokens out = *tokens;
    if (out.refreshToken.isEmpty())
        out.refreshToken = refreshToken; // Google keeps the refresh token unless it sends a new one
    return out;
}

Result<QJsonObject> GoogleClient::api(const QByteArray &method, const QString &path,
                                      const QString &accessToken, const QJsonObject &body,
                                      int timeoutMs, std::optional<bool> repeatable)
{
    HttpCall request;
    request.method = method;
    request.idempotent = repeatable;
    request.url = QUrl(m_endpoints.apiBaseUrl + path);
    request.timeoutMs = timeoutMs;
    request.headers = {{"Authorization", "Bearer " + accessToken.toUtf8()}};
    if (method == "POST" || method == "PATCH") {
        request.contentType = "application/json";
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    auto answer = ask(googleApi(), request, m_retry, path);
    if (!answer)
        return answer.error();
    return jsonObject(googleApi(), *answer);
}

Result<QString> GoogleClient::userEmail(const QString &accessToken)
{
    auto info = api("GET", u"/oauth2/v2/userinfo"_s, accessToken);
    if (!info)
        return info.error();
    const QString email = info->value(u"email"_s).toString();
    if (email.isEmpty())
        return fail(u"Google did not say which account was connected (userinfo.email)."_s,
                    ErrorKind::ProviderFailed, u"200"_s);
    return email;
}

Result<QJsonObject> GoogleClient::insertEvent(const QString &accessToken, const QString &calendarId,
                                              const QJsonObject &event)
{
    return api("POST",
               u"/calendar/v3/calendars/%1/events"_s.arg(
                   QString::fromLatin1(QUrl::toPercentEncoding(calendarId))),
               accessToken, event);
}

Result<QJsonObject> GoogleClient::patchEvent(const QString &accessToken, const QString &calendarId,
                                             const QString &eventId, const QJsonObject &event)
{
    return api("PATCH",
               u"/calendar/v3/calendars/%1/events/%2"_s.arg(
                   QString::fromLatin1(QUrl::toPercentEncoding(calendarId)),
                   QString::fromLatin1(QUrl::toPercentEncoding(eventId))),
               accessToken, event);
}

Result<void> GoogleClient::deleteEvent(const QString &accessToken, const QString &calendarId,
                                       const QString &eventId)
{
    auto done = api("DELETE",
                    u"/calendar/v3/calendars/%1/events/%2"_s.arg(
                        QString::fromLatin1(QUrl::toPercentEncoding(calendarId)),
                        QString::fromLatin1(QUrl::toPercentEncoding(eventId))),
                    accessToken);
    if (!done && done.error().code != u"not_found")
        return done.error();
    return {};
}

Result<QList<GoogleBusy>> GoogleClient::freeBusy(const QString &accessToken,
                                                 const QString &calendarId, const QDateTime &from,
                                                 const QDateTime &to, int timeoutMs)
{
    const QJsonObject body{{u"timeMin"_s, from.toUTC().toString(Qt::ISODate)},
                           {u"timeMax"_s, to.toUTC().toString(Qt::ISODate)},
                           {u"items"_s, QJsonArray{QJsonObject{{u"id"_s, calendarId}}}}};
    // A free/busy query only reads, so it may be asked again.
    auto answer = api("POST", u"/calendar/v3/freeBusy"_s, accessToken, body, timeoutMs, true);
    if (!answer)
        return answer.error();
    const QJsonObject calendar =
        answer->value(u"calendars"_s).toObject().value(calendarId).toObject();
    if (!calendar.value(u"errors"_s).toArray().isEmpty())
        return fail(u"Google could not read the calendar's busy times (%1)."_s.arg(
                        calendar.value(u"errors"_s)
                            .toArray()
                            .first()
                            .toObject()
                            .value(u"reason"_s)
                            .toString()),
                    ErrorKind::ProviderFailed, u"200"_s);
    QList<GoogleBusy> busy;
    for (const QJsonValue &item : calendar.value(u"busy"_s).toArray()) {
        const QJsonObject b = item.toObject();
        GoogleBusy interval{QDateTime::fromString(b.value(u"start"_s).toString(), Qt::ISODate),
                            QDateTime::fromString(b.value(u"end"_s).toString(), Qt::ISODate)};
        if (interval.start.isValid() && interval.end.isValid() && interval.end > interval.start)
            busy.append(interval);
    }
    return busy;
}

} // namespace vox::server::providers
