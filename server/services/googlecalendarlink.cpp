#include "server/services/googlecalendarlink.h"

#include "core/crypto/securerandom.h"
#include "core/logging/log.h"
#include "server/events/eventpublisher.h"
#include "server/http/response.h"
#include "server/providers/googleclient.h"
#include "server/services/credentialstore.h"
#include "server/services/googlecalendar.h"
#include "server/services/publicurl.h"
#include "server/services/ratelimiter.h"
#include "server/services/signedtoken.h"

#include <QDateTime>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

QString GoogleCalendarLink::googleRedirectUri() const
{
    return publicUrl(m_app.config, u"/api/integrations/google/callback"_s);
}

QByteArray GoogleCalendarLink::stateKey() const
{
    return signedtoken::deriveKey(m_app.config.jwtSecret, "google-oauth-state");
}

Result<QString> GoogleCalendarLink::googleAuthorizationUrl(const http::Principal &admin)
{
    providers::GoogleClient google = GoogleCalendar(m_app).client();
    if (!google.isConfigured())
        return http::status::serviceUnavailable(
            u"Google Calendar is not set up on this server (GOOGLE_CLIENT_ID and "
            "GOOGLE_CLIENT_SECRET)."_s);
    const QString state =
        signedtoken::issue(stateKey(),
                           {{u"o"_s, admin.orgId},
                            {u"u"_s, admin.userId},
                            {u"r"_s, admin.role},
                            {u"m"_s, admin.email},
                            {u"n"_s, crypto::randomToken(12)}},
                           QDateTime::currentDateTimeUtc().addSecs(oauthStateSeconds));
    return google.authorizationUrl(googleRedirectUri(), state).toString(QUrl::FullyEncoded);
}

Result<QString> GoogleCalendarLink::completeGoogleConnection(const QString &code,
                                                             const QString &state,
                                                             const QString &googleError)
{
    auto claims = signedtoken::verify(stateKey(), state, QDateTime::currentDateTimeUtc());
    if (!claims) {
        return claims.error().kind == ErrorKind::Gone
                   ? http::status::gone(u"This sign-in took longer than 10 minutes. Start again "
                                        "from Voxanne's Integrations page."_s)
                   : http::status::badRequest(u"This link did not come from Voxanne. Start again "
                                              "from Voxanne's Integrations page."_s);
    }
    // Each state opens one connection: a replayed browser redirect does nothing.
    auto first =
        m_app.db.transaction<ratelimit::Decision>(db::Access::service(), [&](db::Transaction &tx) {
            return ratelimit::hit(tx, u"google:oauth-state:"_s + claims->value(u"n"_s).toString(),
                                  1, oauthStateSeconds + 60);
        });
    if (!first)
        return first.error();
    if (!first->allowed)
        return http::status::conflict(u"This sign-in was already used. Start again from "
                                      "Voxanne's Integrations page if needed."_s);
    if (!googleError.isEmpty())
        return http::status::badRequest(
            googleError == u"access_denied"
                ? u"Access was not granted, so Google Calendar is not connected."_s
                : u"Google answered \"%1\"; Google Calendar is not connected."_s.arg(
                      googleError.left(60)));
    if (code.isEmpty())
        return http::status::badRequest(u"Google did not send an authorization code."_s);

    const QString orgId = claims->value(u"o"_s).toString();
    const db::Access access =
        db::Access::user(orgId, claims->value(u"u"_s).toString(), claims->value(u"r"_s).toString(),
                         claims->value(u"m"_s).toString());
    providers::GoogleClient google = GoogleCalendar(m_app).client();
    auto tokens = google.exchangeCode(code, googleRedirectUri());
    if (!tokens) {
        log::error("integrations", u"Google's code exchange failed."_s,
                   {{u"org_id"_s, orgId}, {u"provider_error"_s, tokens.errorMessage()}});
        return http::status::badGateway(
            u"Google did not complete the connection. Please try again."_s);
    }
    if (tokens->refreshToken.isEmpty())
        return http::status::badGateway(
            u"Google did not grant lasting access. Remove Voxanne under your Google Account's "
            "third-party access and connect again."_s);
    auto email = google.userEmail(tokens->accessToken);
    if (!email) {
        log::error("integrations", u"Google's userinfo failed."_s,
                   {{u"org_id"_s, orgId}, {u"provider_error"_s, email.errorMessage()}});
        return http::status::badGateway(
            u"Google did not say which account was connected. Please try again."_s);
    }
    const CredentialStore store(m_app.keys);
    auto saved = m_app.db.transaction<bool>(access, [&](db::Transaction &tx) -> Result<bool> {
        auto s = store.save(
            tx, orgId, CredentialStore::google,
            {{u"refresh_token"_s, tokens->refreshToken},
             {u"access_token"_s, tokens->accessToken},
             {u"access_token_expires_at"_s, tokens->expiresAt.toString(Qt::ISODate)}},
            {{u"connected_email"_s, *email},
             {u"scopes"_s, tokens->scope},
             {u"updated_at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
             {u"updated_by"_s, access.email.isEmpty() ? access.userId : access.email}},
            u"active"_s, access.userId);
        if (!s)
            return s.error();
        if (auto audit = tx.exec("INSERT INTO audit_log (org_id, actor_id, action, entity_type, "
                                 "details) VALUES ($1::uuid, $2::uuid, 'integration.connected', "
                                 "'integration', jsonb_build_object('provider', 'google', "
                                 "'connected_email', $3::text))",
                                 {orgId, access.userId, *email});
            !audit)
            return audit.error();
        auto published =
            events::publish(tx, orgId, u"integration.updated"_s, u"integration"_s, QString(),
                            {{u"provider"_s, CredentialStore::google},
                             {u"status"_s, u"active"_s},
                             {u"connected_email"_s, *email}});
        if (!published)
            return published.error();
        return true;
    });
    if (!saved)
        return saved.error();
    log::info("integrations", u"Google Calendar connected."_s, {{u"org_id"_s, orgId}});
    return *email;
}

Result<bool> GoogleCalendarLink::disconnectGoogle(const db::Access &access)
{
    QString refreshToken;
    auto removed = m_app.db.transaction<bool>(access, [&](db::Transaction &tx) -> Result<bool> {
        const CredentialStore store(m_app.keys);
        // Read before removing: the token is needed once more, to revoke it at Google.
        if (auto secret = store.reveal(tx, access.orgId, CredentialStore::google);
            secret && *secret)
            refreshToken = (*secret)->value(u"refresh_token"_s).toString();
        auto r = store.remove(tx, access.orgId, CredentialStore::google);
        if (!r)
            return r.error();
        if (!*r)
            return http::status::notFound(u"Google Calendar is not connected."_s);
        if (auto audit = tx.exec("INSERT INTO audit_log (org_id, actor_id, action, entity_type, "
                                 "details) VALUES ($1::uuid, $2::uuid, 'integration.disconnected', "
                                 "'integration', '{\"provider\": \"google\"}')",
                                 {access.orgId, access.userId});
            !audit)
            return audit.error();
        auto published = events::publish(
            tx, access.orgId, u"integration.updated"_s, u"integration"_s, QString(),
            {{u"provider"_s, CredentialStore::google}, {u"status"_s, u"not_connected"_s}});
        if (!published)
            return published.error();
        return true;
    });
    if (!removed)
        return removed.error();
    // After the commit, outside any transaction: Google may be slow or away, and the clinic's
    // choice to disconnect does not wait on it.
    if (refreshToken.isEmpty())
        return true; // nothing Google could still honour (a secret that did not open)
    auto revoked = GoogleCalendar(m_app).client().revoke(refreshToken);
    if (!revoked) {
        log::warn("integrations", u"Google did not confirm the revocation."_s,
                  {{u"org_id"_s, access.orgId}, {u"error"_s, revoked.errorMessage()}});
        return false;
    }
    return true;
}

} // namespace vox::server
