#pragma once

#include "core/logging/log.h"
#include "core/result.h"

#include <QHash>
#include <QString>
#include <QStringView>

// Levels per area. Each area of the server has a named logger with a level of its own: http, db,
// vapi, twilio, google, resend, jobs, events, auth, server, providers, qt. A line's logger name
// may be finer ("vapi.tools", "http.access"); its area is the part before the first dot, and a
// few older names belong to the area they write about (postgres and migrations to db, telephony
// and messaging to twilio, toolsync and agent to vapi). Other names (the console's) log at the
// default level.
namespace vox::log {

struct Levels
{
    Level fallback = Level::Info;
    QHash<QString, Level> areas;

    Level of(const QString &area) const { return areas.value(area, fallback); }
    bool operator==(const Levels &) const = default;
};

// "warn" (every area), "http=warn,vapi=debug" (those areas; the rest at info) or both
// ("warn,vapi=debug"). Levels are debug, info, warn, error or off; an unknown level or a
// malformed entry is an error naming it.
Result<Levels> parseLevels(const QString &spec);
// The area a logger name writes to: "vapi.tools" -> "vapi", "postgres" -> "db".
QString areaOf(QStringView logger);

// The server: JSON lines on stderr, each area at its level.
void setupStderr(const Levels &levels);
// Changes the levels of the loggers already set up.
void setLevels(const Levels &levels);

} // namespace vox::log
