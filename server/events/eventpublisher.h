#pragma once

#include "core/result.h"
#include "server/db/database.h"

#include <QJsonObject>
#include <QString>

namespace vox::server::events {

// The channel every instance LISTENs on.
inline const char *const channel = "voxanne_events";

// Records a live event for the console in the same transaction as the change that causes it,
// and NOTIFYs every server instance (PostgreSQL delivers the notification only if the
// transaction commits). Types: docs/api.md, "Live events".
Result<qint64> publish(db::Transaction &tx, const QString &orgId, const QString &type,
                       const QString &entityType, const QString &entityId,
                       const QJsonObject &payload = {});

} // namespace vox::server::events
