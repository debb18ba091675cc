#pragma once

#include "sandbox/sandboxroutes.h"
#include "sandbox/sandboxstate.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace vox::sandbox {

// Google's OAuth 2.0 web-server flow, OAuth2 v2 userinfo and Calendar v3 (events, freeBusy) as
// Google documents them, under /google: /google/accounts/o/oauth2/v2/auth (consent is simulated:
// it redirects straight back with a code), /google/oauth2/token (form: authorization_code and
// refresh_token grants; errors {"error", "error_description"}), /google/oauth2/revoke (form:
// token; RFC 7009), /google/api/oauth2/v2/userinfo
// and /google/api/calendar/v3/... (bearer access tokens; errors {"error": {"code", "message",
// "errors"}}).
//
// Like Google, a refresh token is issued only for access_type=offline, and only on the first
// consent unless prompt=consent asks again. Control endpoints revoke a user's tokens (the
// "broken integration"), expire access tokens, and add busy times.
class GoogleSandbox final
{
    Q_DISABLE_COPY_MOVE(GoogleSandbox)

public:
    // Who "signs in" when the auth request has no login_hint.
    static inline const QString demoEmail = QStringLiteral("frontdesk@glowmedspa.example");

    explicit GoogleSandbox(SandboxState &state)
        : m_state(state)
    {}
    void registerRoutes(Router &router);

    // Tests and the simulator.
    void revoke(const QString &email);
    void expireAccessTokens();
    void addBusy(const QString &email, const QDateTime &start, const QDateTime &end);
    QJsonArray events(const QString &email) const; // the user's primary calendar
    QStringList refreshTokens(const QString &email) const;

private:
    struct Grant
    {
        QString clientId;
        QString redirectUri;
        QString email;
        QString scope;
        bool refreshToken = false;
        QDateTime expires;
    };
    struct Token
    {
        QString email;
        QString clientId;
        QString scope;
        QDateTime expires; // access tokens only
        bool revoked = false;
        QString refreshToken = {}; // access tokens: the refresh token of their grant, if any
    };
    // The user behind a bearer token with `scope`, or the error to answer.
    std::optional<http::Response> authorize(const http::Request &request, const QString &scope,
                                            QString *email) const;
    QJsonObject issueAccess(const QString &email, const QString &clientId, const QString &scope,
                            const QString &refreshToken = {});

    SandboxState &m_state;
    QHash<QString, Grant> m_codes;
    QHash<QString, Token> m_refreshTokens;
    QHash<QString, Token> m_accessTokens;
    QHash<QString, QStringList> m_consented;                   // email -> client ids
    QHash<QString, QHash<QString, QJsonObject>> m_events;      // email -> id -> event
    QHash<QString, QList<QPair<QDateTime, QDateTime>>> m_busy; // email -> extra busy times
};

} // namespace vox::sandbox
