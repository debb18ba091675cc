#pragma once

#include <QLocale>
#include <QString>

namespace vox {

// Whether `name` is an IANA time zone of a place this system knows ("Europe/Madrid", "Etc/UTC"),
// not one of the tz database's other files ("localtime", "posixrules", "Factory", "right/...").
// Qt's list of "available" ids leaves out the Etc/ aliases, so the zone is loaded instead; the
// database checks the same tzdata (org_settings.time_zone).
bool isTimeZoneName(const QString &name);

// A zone as people name it: its city, and the zone's name in `locale`'s language
// ("America/New_York" is "New York (Eastern Time)", in Spanish "New York (hora oriental)"). A
// zone that still changes its clocks is named without "Standard", which it is only half the year.
// Empty for an id that is not a place (see isTimeZoneName) or not in a region of the world
// (the old aliases such as "US/Eastern").
QString timeZoneLabel(const QString &id, const QLocale &locale);

} // namespace vox
