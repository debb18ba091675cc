#include "ui/api/orguser.h"

#include "ui/api/jsonfields.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

OrgUser OrgUser::fromJson(const QJsonObject &json)
{
    OrgUser u;
    u.id = json.value(u"id"_s).toString();
    u.email = json.value(u"email"_s).toString();
    u.fullName = json.value(u"full_name"_s).toString();
    u.role = json.value(u"role"_s).toString();
    u.disabled = json.value(u"disabled"_s).toBool();
    u.lastLoginAt = json::time(json.value(u"last_login_at"_s));
    u.createdAt = json::time(json.value(u"created_at"_s));
    return u;
}

} // namespace vox::ui
