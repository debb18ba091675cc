#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace vox::ui {

// A signed-in user's session as the server hands it out (sign-up, login, refresh).
struct Session
{
    QString accessToken;
    QString refreshToken;
    QDateTime accessExpiresAt;
    QString userId;
    QString email;
    QString fullName;
    QString role;
    QString orgId;
    QString orgName;
    QString timeZone;
    // The password was made up by the server (an invitation, an admin's reset): the console asks
    // for the person's own before anything else.
    bool mustChangePassword = false;

    bool isValid() const { return !accessToken.isEmpty(); }
    bool isAdmin() const { return role == u"owner" || role == u"admin"; }
    QString displayName() const { return fullName.isEmpty() ? email : fullName; }

    static Session fromJson(const QJsonObject &json, const QDateTime &now);
};

} // namespace vox::ui
