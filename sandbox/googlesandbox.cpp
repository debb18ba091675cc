#include "sandbox/googlesandbox.h"

#include "core/crypto/securerandom.h"
#include "server/http/formbody.h"
#include "server/http/jsonbody.h"

#include <QJsonDocument>
#include <QUrl>
#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;

namespace vox::sandbox {

namespace {

const QString calendarScope = u"https://www.googleapis.com/auth/calendar"_s;
const QString emailScope = u"https://www.googleapis.com/auth/userinfo.email"_s;

http::Response oauthError(int status, const QString &error, const QString &description)
{
    return http::Response::json({{u"error"_s, error}, {u"error_description"_s, description}},
                                status);
}

http::Response apiError(int status, const QString &reason, const QString &message)
{
    const QJsonObject detail{
        {u"domain"_s, u"global"_s}, {u"reason"_s, reason}, {u"message"_s, message}};
    QJsonObject error{
        {u"code"_s, status}, {u"message"_s, message}, {u"errors"_s, QJsonArray{detail}}};
    if (status == 401)
        error.insert(u"status"_s, u"UNAUTHENTICATED"_s);
    return http::Response::json(QJsonObject{{u"error"_s, error}}, status);
}

http::Response htmlError(const QString &message)
{
    http::Response r;
    r.status = 400;
    r.contentType = "text/html; charset=utf-8";
    r.body = (u"<html><body><h1>Error 400: invalid_request</h1><p>"_s + message.toHtmlEscaped() +
              u"</p></body></html>"_s)
                 .toUtf8();
    return r;
}

// Google's event ids: base32hex, lower case.
QString eventId()
{
    static const char alphabet[] = "0123456789abcdefghijklmnopqrstuv";
    QString id;
    for (const char byte : crypto::randomBytes(26))
        id += QLatin1Char(alphabet[uchar(byte) % 32]);
    return id;
}

QDateTime eventTime(const QJsonObject &when)
{
    if (when.contains(u"dateTime"_s))
        return QDateTime::fromString(when.value(u"dateTime"_s).toString(), Qt::ISODate).toUTC();
    if (when.contains(u"date"_s))
        return QDateTime(QDate::fromString(when.value(u"date"_s).toString(), Qt::ISODate),
                         QTime(0, 0), Qt::UTC);
    return {};
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace

QJsonObject GoogleSandbox::issueAccess(const QString &email, const QString &clientId,
                                       const QString &scope, const QString &refreshToken)
{
    const QString token = u"ya29.sandbox-"_s + crypto::randomToken(24);
    m_accessTokens.insert(token, Token{email, clientId, scope,
                                       QDateTime::currentDateTimeUtc().addSecs(3599), false,
                                       refreshToken});
    return {{u"access_token"_s, token},
            {u"expires_in"_s, 3599},
            {u"scope"_s, scope},
            {u"token_type"_s, u"Bearer"_s}};
}

std::optional<http::Response> GoogleSandbox::authorize(const http::Request &request,
                                                       const QString &scope, QString *email) const
{
    const QByteArray header = request.header("authorization");
    if (!header.startsWith("Bearer "))
        return apiError(401, u"required"_s,
                        u"Request is missing required authentication credential. Expected OAuth "
                        "2 access token."_s);
    QMutexLocker locker(&m_state.mutex());
    const auto token = m_accessTokens.constFind(QString::fromLatin1(header.mid(7).trimmed()));
    if (token == m_accessTokens.cend() || token->revoked ||
        token->expires <= QDateTime::currentDateTimeUtc())
        return apiError(401, u"authError"_s,
                        u"Request had invalid authentication credentials. Expected OAuth 2 access "
                        "token."_s);
    if (!token->scope.split(u' ').contains(scope))
        return apiError(403, u"insufficientPermissions"_s,
                        u"Request had insufficient authentication scopes."_s);
    *email = token->email;
    return std::nullopt;
}

void GoogleSandbox::registerRoutes(Router &router)
{
    // The consent screen, already agreed to.
    m_state.route(
        router, "GET", u"/google/accounts/o/oauth2/v2/auth"_s, u"google"_s, [this](Context &c) {
            const auto q = [&c](const QString &name) { return c.request.queryValue(name); };
            if (q(u"client_id"_s).isEmpty())
                return htmlError(u"Missing required parameter: client_id"_s);
            if (q(u"redirect_uri"_s).isEmpty())
                return htmlError(u"Missing required parameter: redirect_uri"_s);
            if (q(u"response_type"_s) != u"code")
                return htmlError(u"Unsupported response_type"_s);
            if (q(u"scope"_s).isEmpty())
                return htmlError(u"Missing required parameter: scope"_s);
            const QString email = q(u"login_hint"_s).isEmpty() ? demoEmail : q(u"login_hint"_s);
            Grant grant;
            grant.clientId = q(u"client_id"_s);
            grant.redirectUri = q(u"redirect_uri"_s);
            grant.email = email;
            grant.scope = q(u"scope"_s);
            grant.expires = QDateTime::currentDateTimeUtc().addSecs(600);
            const QString code = u"4/sandbox-"_s + crypto::randomToken(18);
            {
                QMutexLocker locker(&m_state.mutex());
                const bool firstConsent = !m_consented.value(email).contains(grant.clientId);
                grant.refreshToken = q(u"access_type"_s) == u"offline" &&
                                     (firstConsent || q(u"prompt"_s) == u"consent");
                m_consented[email].append(grant.clientId);
                m_codes.insert(code, grant);
            }
            QUrl target(grant.redirectUri);
            QUrlQuery query(target);
            query.addQueryItem(u"code"_s, QString::fromLatin1(QUrl::toPercentEncoding(code)));
            query.addQueryItem(u"state"_s,
                               QString::fromLatin1(QUrl::toPercentEncoding(q(u"state"_s))));
            query.addQueryItem(u"scope"_s,
                               QString::fromLatin1(QUrl::toPercentEncoding(grant.scope)));
            target.setQuery(query);
            http::Response r;
            r.status = 302;
            r.contentType = "text/html; charset=utf-8";
            r.withHeader("Location", target.toEncoded());
            return r;
        });

    m_state.route(router, "POST", u"/google/oauth2/token"_s, u"google"_s, [this](Context &c) {
        const auto f = http::formFields(c.request.body);
        if (f.value(u"client_id"_s).isEmpty() || f.value(u"client_secret"_s).isEmpty())
            return oauthError(401, u"invalid_client"_s, u"The OAuth client was not found."_s);
        const QString grantType = f.value(u"grant_type"_s);
        QMutexLocker locker(&m_state.mutex());
        if (grantType == u"authorization_code") {
            const Grant grant = m_codes.take(f.value(u"code"_s)); // a code works once
            if (grant.email.isEmpty() || grant.expires <= QDateTime::currentDateTimeUtc())
                return oauthError(400, u"invalid_grant"_s, u"Malformed auth code."_s);
            if (grant.clientId != f.value(u"client_id"_s))
                return oauthError(400, u"invalid_grant"_s, u"Bad Request"_s);
            if (grant.redirectUri != f.value(u"redirect_uri"_s))
                return oauthError(400, u"redirect_uri_mismatch"_s, u"Bad Request"_s);
            const QString refresh =
                grant.refreshToken ? u"1//sandbox-"_s + crypto::randomToken(32) : QString();
            QJsonObject tokens = issueAccess(grant.email, grant.clientId, grant.scope, refresh);
            if (!refresh.isEmpty()) {
                m_refreshTokens.insert(refresh,
                                       Token{grant.email, grant.clientId, grant.scope, {}, false});
                tokens.insert(u"refresh_token"_s, refresh);
            }
            return http::Response::json(tokens);
        }
        if (grantType == u"refresh_token") {
            const auto token = m_refreshTokens.constFind(f.value(u"refresh_token"_s));
            if (token == m_refreshTokens.cend() || token->revoked ||
                token->clientId != f.value(u"client_id"_s))
                return oauthError(400, u"invalid_grant"_s, u"Token has been expired or revoked."_s);
            return http::Response::json(
                issueAccess(token->email, token->clientId, token->scope, token.key()));
        }
        return oauthError(400, u"unsupported_grant_type"_s, u"Invalid grant_type: "_s + grantType);
    });

    // RFC 7009 as Google implements it: a refresh token takes its access tokens with it, and an
    // access token its refresh token; a token it does not know is 400 invalid_token.
    m_state.route(router, "POST", u"/google/oauth2/revoke"_s, u"google"_s, [this](Context &c) {
        const QString token = http::formFields(c.request.body).value(u"token"_s);
        QMutexLocker locker(&m_state.mutex());
        QString refresh; // the grant's refresh token, or empty for an access-only grant
        const auto r = m_refreshTokens.constFind(token);
        const auto a = m_accessTokens.find(token);
        if (r != m_refreshTokens.cend() && !r->revoked) {
            refresh = token;
        } else if (a != m_accessTokens.end() && !a->revoked) {
            a->revoked = true;
            refresh = a->refreshToken;
        } else {
            return oauthError(400, u"invalid_token"_s, u"Token expired or revoked"_s);
        }
        if (!refresh.isEmpty()) {
            if (auto t = m_refreshTokens.find(refresh); t != m_refreshTokens.end())
                t->revoked = true;
            for (Token &t : m_accessTokens) {
                if (t.refreshToken == refresh)
                    t.revoked = true;
            }
        }
        return http::Response::json(QJsonObject{});
    });

    m_state.route(
        router, "GET", u"/google/api/oauth2/v2/userinfo"_s, u"google"_s, [this](Context &c) {
            QString email;
            if (auto denied = authorize(c.request, emailScope, &email))
                return *denied;
            return http::Response::json(
                {{u"id"_s, QString::number(qHash(email) % 1000000000ULL + 100000000000ULL)},
                 {u"email"_s, email},
                 {u"verified_email"_s, true},
                 {u"picture"_s, u"https://lh3.googleusercontent.com/a/sandbox"_s}});
        });

    const QString eventsPath = u"/google/api/calendar/v3/calendars/:calendarId/events"_s;
    // The user's own calendar is "primary" or their address.
    const auto calendarOf = [](const Context &c, const QString &email) {
        const QString id = c.request.param(u"calendarId"_s);
        return id == u"primary" || id == email ? email : QString();
    };

    m_state.route(router, "POST", eventsPath, u"google"_s, [this, calendarOf](Context &c) {
        QString email;
        if (auto denied = authorize(c.request, calendarScope, &email))
            return *denied;
        const QString owner = calendarOf(c, email);
        if (owner.isEmpty())
            return apiError(404, u"notFound"_s, u"Not Found"_s);
        const QJsonObject body = QJsonDocument::fromJson(c.request.body).object();
        if (!eventTime(body.value(u"start"_s).toObject()).isValid())
            return apiError(400, u"required"_s, u"Missing start time."_s);
        if (!eventTime(body.value(u"end"_s).toObject()).isValid())
            return apiError(400, u"required"_s, u"Missing end time."_s);
        if (eventTime(body.value(u"end"_s).toObject()) <=
            eventTime(body.value(u"start"_s).toObject()))
            return apiError(400, u"timeRangeEmpty"_s, u"The specified time range is empty."_s);
        QJsonObject event = body;
        const QString id = eventId();
        event.insert(u"kind"_s, u"calendar#event"_s);
        event.insert(u"id"_s, id);
        event.insert(u"etag"_s, u"\"%1\""_s.arg(QDateTime::currentMSecsSinceEpoch()));
        if (!event.contains(u"status"_s))
            event.insert(u"status"_s, u"confirmed"_s);
        event.insert(u"htmlLink"_s, QString(u"https://www.google.com/calendar/event?eid="_s + id));
        event.insert(u"created"_s, now());
        event.insert(u"updated"_s, now());
        event.insert(u"creator"_s, QJsonObject{{u"email"_s, email}, {u"self"_s, true}});
        event.insert(u"organizer"_s, QJsonObject{{u"email"_s, email}, {u"self"_s, true}});
        QMutexLocker locker(&m_state.mutex());
        m_events[owner].insert(id, event);
        return http::Response::json(event);
    });

    const auto withEvent =
        [this, calendarOf](
            Context &c, const std::function<http::Response(QJsonObject &, const QString &)> &act) {
            QString email;
            if (auto denied = authorize(c.request, calendarScope, &email))
                return *denied;
            const QString owner = calendarOf(c, email);
            QMutexLocker locker(&m_state.mutex());
            auto &calendar = m_events[owner];
            auto it = calendar.find(c.request.param(u"eventId"_s));
            if (owner.isEmpty() || it == calendar.end())
                return apiError(404, u"notFound"_s, u"Not Found"_s);
            if (it->value(u"status"_s).toString() == u"cancelled")
                return apiError(410, u"deleted"_s, u"Resource has been deleted"_s);
            return act(*it, owner);
        };
    m_state.route(router, "GET", eventsPath + u"/:eventId"_s, u"google"_s, [withEvent](Context &c) {
        return withEvent(
            c, [](QJsonObject &event, const QString &) { return http::Response::json(event); });
    });
    m_state.route(router, "PATCH", eventsPath + u"/:eventId"_s, u"google"_s,
                  [withEvent](Context &c) {
                      const QJsonObject patch = QJsonDocument::fromJson(c.request.body).object();
                      return withEvent(c, [&patch](QJsonObject &event, const QString &) {
                          for (auto f = patch.begin(); f != patch.end(); ++f) {
                              if (f.key() != u"id" && f.key() != u"kind")
                                  event.insert(f.key(), f.value());
                          }
                          event.insert(u"updated"_s, now());
                          return http::Response::json(event);
                      });
                  });
    m_state.route(router, "DELETE", eventsPath + u"/:eventId"_s, u"google"_s,
                  [withEvent](Context &c) {
                      return withEvent(c, [](QJsonObject &event, const QString &) {
                          // Google keeps deleted events as cancelled: a second delete is a 410.
                          event.insert(u"status"_s, u"cancelled"_s);
                          http::Response r;
                          r.status = 204;
                          return r;
                      });
                  });

    m_state.route(
        router, "POST", u"/google/api/calendar/v3/freeBusy"_s, u"google"_s, [this](Context &c) {
            QString email;
            if (auto denied = authorize(c.request, calendarScope, &email))
                return *denied;
            const QJsonObject body = QJsonDocument::fromJson(c.request.body).object();
            const QDateTime from =
                QDateTime::fromString(body.value(u"timeMin"_s).toString(), Qt::ISODate);
            const QDateTime to =
                QDateTime::fromString(body.value(u"timeMax"_s).toString(), Qt::ISODate);
            if (!from.isValid() || !to.isValid())
                return apiError(400, u"badRequest"_s, u"Bad Request"_s);
            QJsonObject calendars;
            QMutexLocker locker(&m_state.mutex());
            for (const QJsonValue &item : body.value(u"items"_s).toArray()) {
                const QString id = item.toObject().value(u"id"_s).toString();
                const QString owner = id == u"primary" || id == email ? email : QString();
                if (owner.isEmpty()) {
                    calendars.insert(
                        id, QJsonObject{{u"errors"_s,
                                         QJsonArray{QJsonObject{{u"domain"_s, u"global"_s},
                                                                {u"reason"_s, u"notFound"_s}}}},
                                        {u"busy"_s, QJsonArray{}}});
                    continue;
                }
                QList<QPair<QDateTime, QDateTime>> busy = m_busy.value(owner);
                for (const QJsonObject &e : std::as_const(m_events[owner])) {
                    if (e.value(u"status"_s).toString() != u"cancelled" &&
                        e.value(u"transparency"_s).toString() != u"transparent")
                        busy.append({eventTime(e.value(u"start"_s).toObject()),
                                     eventTime(e.value(u"end"_s).toObject())});
                }
                std::sort(busy.begin(), busy.end());
                QJsonArray out;
                for (const auto &[start, end] : std::as_const(busy)) {
                    if (end <= from || start >= to)
                        continue;
                    out.append(
                        QJsonObject{{u"start"_s, qMax(start, from).toUTC().toString(Qt::ISODate)},
                                    {u"end"_s, qMin(end, to).toUTC().toString(Qt::ISODate)}});
                }
                calendars.insert(id, QJsonObject{{u"busy"_s, out}});
            }
            return http::Response::json({{u"kind"_s, u"calendar#freeBusy"_s},
                                         {u"timeMin"_s, from.toUTC().toString(Qt::ISODate)},
                                         {u"timeMax"_s, to.toUTC().toString(Qt::ISODate)},
                                         {u"calendars"_s, calendars}});
        });

    // Control: the clinic removes Voxanne's access in its Google account; tokens age.
    router.post(u"/_sandbox/google/revoke"_s, http::Auth::Public,
                [this](Context &c) -> http::Reply {
                    auto body = http::JsonBody::parse(c.request);
                    if (!body)
                        return body.error();
                    revoke(body->object().value(u"email"_s).toString(demoEmail));
                    return http::Response::json(QJsonObject{{u"revoked"_s, true}});
                });
    router.post(u"/_sandbox/google/expire-access-tokens"_s, http::Auth::Public, [this](Context &) {
        expireAccessTokens();
        return http::Response::json(QJsonObject{{u"expired"_s, true}});
    });
    router.post(u"/_sandbox/google/busy"_s, http::Auth::Public, [this](Context &c) -> http::Reply {
        auto body = http::JsonBody::parse(c.request);
        if (!body)
            return body.error();
        auto start = body->requiredDateTime(u"start"_s);
        auto end = body->requiredDateTime(u"end"_s);
        if (!start || !end)
            return start ? end.error() : start.error();
        addBusy(body->object().value(u"email"_s).toString(demoEmail), *start, *end);
        return http::Response::json(QJsonObject{{u"added"_s, true}}, 201);
    });
    router.get(u"/_sandbox/google/events"_s, http::Auth::Public, [this](Context &c) {
        const QString email = c.request.queryValue(u"email"_s);
        return http::Response::json(events(email.isEmpty() ? demoEmail : email));
    });
}

void GoogleSandbox::revoke(const QString &email)
{
    QMutexLocker locker(&m_state.mutex());
    for (Token &t : m_refreshTokens) {
        if (t.email == email)
            t.revoked = true;
    }
    for (Token &t : m_accessTokens) {
        if (t.email == email)
            t.revoked = true;
    }
    m_consented.remove(email);
}

void GoogleSandbox::expireAccessTokens()
{
    QMutexLocker locker(&m_state.mutex());
    for (Token &t : m_accessTokens)
        t.expires = QDateTime::currentDateTimeUtc().addSecs(-1);
}

void GoogleSandbox::addBusy(const QString &email, const QDateTime &start, const QDateTime &end)
{
    QMutexLocker locker(&m_state.mutex());
    m_busy[email].append({start.toUTC(), end.toUTC()});
}

QJsonArray GoogleSandbox::events(const QString &email) const
{
    QMutexLocker locker(&m_state.mutex());
    QJsonArray out;
    for (const QJsonObject &e : m_events.value(email))
        out.append(e);
    return out;
}

QStringList GoogleSandbox::refreshTokens(const QString &email) const
{
    QMutexLocker locker(&m_state.mutex());
    QStringList out;
    for (auto it = m_refreshTokens.cbegin(); it != m_refreshTokens.cend(); ++it) {
        if (it->email == email && !it->revoked)
            out << it.key();
    }
    return out;
}

} // namespace vox::sandbox
