#pragma once

#include <QString>

namespace vox {

// Whether `name` is an IANA time zone of a place this system knows ("Europe/Madrid", "Etc/UTC"),
// not one of the tz database's other files ("localtime", "posixrules", "Factory", "right/...").
// Qt's list of "available" ids leaves out the Etc/ aliases, so the zone is loaded instead; the
// database checks the same tzdata (org_settings.time_zone).
bool isTimeZoneName(const QString &name);

} // namespace vox
