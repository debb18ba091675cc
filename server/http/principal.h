#pragma once

#include "server/db/database.h"

#include <QString>

namespace vox::http {

// The signed-in user a request acts for, taken from a verified access token.
struct Principal
{
    QString userId;
    QString orgId;
    QString role; // owner, admin, staff
    QString email;

    bool isAdmin() const { return role == u"owner" || role == u"admin"; }
    db::Access access() const { return db::Access::user(orgId, userId, role, email); }
};

} // namespace vox::http
