#pragma once

#include "core/result.h"
#include "server/appcontext.h"
#include "server/http/principal.h"

#include <QByteArray>
#include <QString>

namespace vox::server {

// The Google Calendar "forever-link": an admin sends the browser to Google, Google
// sends it back with a code, and the clinic's refresh token goes to the credential store only.
// What the calendar is then used for lives in GoogleCalendar; what the console reads back is
// IntegrationService::status().
class GoogleCalendarLink final
{
public:
    explicit GoogleCalendarLink(AppContext &app)
        : m_app(app)
    {}

    // The state names the org and the admin and expires in 10 minutes.
    Result<QString> googleAuthorizationUrl(const http::Principal &admin);
    // The browser's return from Google. Errors carry the HTTP status of the page to show.
    Result<QString> completeGoogleConnection(const QString &code, const QString &state,
                                             const QString &googleError);
    // Forgets the clinic's Google tokens, then asks Google to revoke them, so the calendar
    // access ends at Google too and not only here. Answers whether Google confirmed it; the
    // disconnection stands either way.
    Result<bool> disconnectGoogle(const db::Access &access);

    static constexpr int oauthStateSeconds = 10 * 60;

private:
    QString googleRedirectUri() const;
    QByteArray stateKey() const;

    AppContext &m_app;
};

} // namespace vox::server
