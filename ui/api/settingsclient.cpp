#include "ui/api/settingsclient.h"

#include "ui/api/apiclient.h"
#include "ui/api/jsonfields.h"

#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

void SettingsClient::get(QObject *context, Callback<OrgSettings> done)
{
    m_api.requestJson<OrgSettings>("GET", u"/api/org/settings"_s, {}, nullptr, context,
                                   std::move(done), &OrgSettings::fromJson);
}

void SettingsClient::update(const QJsonObject &changes, QObject *context,
                            Callback<OrgSettings> done)
{
    m_api.requestJson<OrgSettings>("PATCH", u"/api/org/settings"_s, {}, &changes, context,
                                   std::move(done), &OrgSettings::fromJson);
}

void SettingsClient::users(QObject *context, Callback<QList<OrgUser>> done)
{
    m_api.requestJson<QList<OrgUser>>(
        "GET", u"/api/org/users"_s, {}, nullptr, context, std::move(done),
        [](const QJsonObject &json) { return json::objects<OrgUser>(json, u"items"_s); });
}

void SettingsClient::resetPassword(const QString &userId, QObject *context, Callback<QString> done)
{
    const QJsonObject body;
    m_api.requestJson<QString>("POST", u"/api/org/users/"_s + userId + u"/password-reset"_s, {},
                               &body, context, std::move(done), [](const QJsonObject &json) {
                                   return json.value(u"temporary_password"_s).toString();
                               });
}

void SettingsClient::setUserDisabled(const QString &userId, bool disabled, QObject *context,
                                     Callback<OrgUser> done)
{
    const QJsonObject body{{u"disabled"_s, disabled}};
    m_api.requestJson<OrgUser>("PATCH", u"/api/org/users/"_s + userId, {}, &body, context,
                               std::move(done), [](const QJsonObject &json) {
                                   return OrgUser::fromJson(json.value(u"user"_s).toObject());
                               });
}

void SettingsClient::inviteUser(const NewOrgUser &user, QObject *context,
                                Callback<InvitedUser> done)
{
    QJsonObject body{{u"email"_s, user.email.trimmed()}, {u"role"_s, user.role}};
    if (!user.fullName.trimmed().isEmpty())
        body.insert(u"full_name"_s, user.fullName.trimmed());
    m_api.requestJson<InvitedUser>("POST", u"/api/org/users"_s, {}, &body, context, std::move(done),
                                   [](const QJsonObject &json) {
                                       InvitedUser invited;
                                       invited.user =
                                           OrgUser::fromJson(json.value(u"user"_s).toObject());
                                       invited.temporaryPassword =
                                           json.value(u"temporary_password"_s).toString();
                                       return invited;
                                   });
}

} // namespace vox::ui
