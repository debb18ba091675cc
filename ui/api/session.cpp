#include "ui/api/session.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

Session Session::fromJson(const QJsonObject &json, const QDateTime &now)
{
    Session s;
    s.accessToken = json.value(u"access_token"_s).toString();
    s.refreshToken = json.value(u"refresh_token"_s).toString();
    s.accessExpiresAt = now.addSecs(json.value(u"expires_in"_s).toInt(900));
    const QJsonObject user = json.value(u"user"_s).toObject();
    s.userId = user.value(u"id"_s).toString();
    s.email = user.value(u"email"_s).toString();
    s.fullName = user.value(u"full_name"_s).toString();
    s.role = user.value(u"role"_s).toString();
    s.mustChangePassword = user.value(u"must_change_password"_s).toBool();
    const QJsonObject org = json.value(u"organization"_s).toObject();
    s.orgId = org.value(u"id"_s).toString();
    s.orgName = org.value(u"name"_s).toString();
    s.timeZone = org.value(u"time_zone"_s).toString();
    return s;
}

} // namespace vox::ui
