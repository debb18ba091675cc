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

    bool isValid() const { return !accessToken.isEmpty(); }
    bool isAdmin() const { return role == u"owner" || role == u"admin"; }
    QString displayName() const { return fullName.isEmpty() ? email : fullName; }

    static Session fromJson(const QJsonObject &json, const QDateTime &now);
};

} // namespace vox::ui
