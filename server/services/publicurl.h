#pragma once

#include "server/config/serverconfig.h"

#include <QString>

namespace vox::server {

// The address the outside world reaches this server at (BACKEND_URL), for links in e-mails, the
// Google OAuth redirect and Twilio's callbacks; the listening address when none is configured
// (a desktop install, where only this machine follows the links).
inline QString publicUrl(const ServerConfig &config, const QString &path)
{
    QString base = config.backendUrl.isEmpty() ? config.baseUrl() : config.backendUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    return base + path;
}

} // namespace vox::server
