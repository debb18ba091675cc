#pragma once

#include "ui/api/apicallbacks.h"
#include "ui/api/orgsettings.h"
#include "ui/api/orguser.h"

#include <QJsonObject>
#include <QObject>

namespace vox::ui {

class ApiClient;

// The clinic's settings and its users (server/routes/settings; the users' routes sit with auth on
// the server, but the console shows them on the settings page).
class SettingsClient final
{
    Q_DISABLE_COPY_MOVE(SettingsClient)

public:
    explicit SettingsClient(ApiClient &api)
        : m_api(api)
    {}

    void get(QObject *context, Callback<OrgSettings> done);
    // `changes` holds only the fields to change (docs/api.md, PATCH /api/org/settings).
    void update(const QJsonObject &changes, QObject *context, Callback<OrgSettings> done);
    void users(QObject *context, Callback<QList<OrgUser>> done);
    // A temporary password for a member who forgot theirs (shown once; they change it at sign-in).
    void resetPassword(const QString &userId, QObject *context, Callback<QString> done);
    void inviteUser(const NewOrgUser &user, QObject *context, Callback<InvitedUser> done);
    // Disabling signs the person out everywhere at once (admins; an owner only by an owner).
    void setUserDisabled(const QString &userId, bool disabled, QObject *context,
                         Callback<OrgUser> done);

private:
    ApiClient &m_api;
};

} // namespace vox::ui
