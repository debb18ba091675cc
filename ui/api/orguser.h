#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace vox::ui {

// Someone who may sign in to the clinic's console, and what they may do: owner, admin or staff.
struct OrgUser
{
    QString id;
    QString email;
    QString fullName;
    QString role;
    bool disabled = false;
    QDateTime lastLoginAt;
    QDateTime createdAt;

    static OrgUser fromJson(const QJsonObject &json);
};

// A new user's details; without a password the server makes a temporary one.
struct NewOrgUser
{
    QString email;
    QString fullName;
    QString role;
};

// The server's answer to an invitation: the temporary password is shown once, never again.
struct InvitedUser
{
    OrgUser user;
    QString temporaryPassword;
};

} // namespace vox::ui
