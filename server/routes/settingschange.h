#pragma once

#include "core/result.h"
#include "server/db/database.h"
#include "server/http/router.h"

#include <QJsonObject>
#include <QStringList>

namespace vox::server {

// The fields among `keys` whose value differs between `before` and `after`, each as
// {"from": ..., "to": ...}: what an audit entry of a settings change says.
QJsonObject changedFields(const QJsonObject &before, const QJsonObject &after,
                          const QStringList &keys);

// Records an admin's change of the clinic's settings inside its transaction: one audit entry
// `action` naming what changed, and `settings.updated` so other consoles reload. A save that
// changed nothing records nothing.
Result<void> recordSettingsChange(db::Transaction &tx, const http::Context &c,
                                  const QString &action, const QJsonObject &changes);

} // namespace vox::server
