#pragma once

#include "core/result.h"
#include "server/db/database.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace vox::server::telephony {

// An endpoint's answer, shared by caller id verification and forwarding configs so the routes
// turn both into responses the same way. Refusals are answers too: their bodies carry
// attemptsRemaining, retryAfterSeconds or lockedForSeconds beside "error". Result errors are the
// plain ones (404, 400 with a field, database failures).
struct Answer
{
    int status = 200;
    QJsonObject body;
    int retryAfterSeconds = 0; // 429: the Retry-After header
};

Answer answer(int status, QJsonObject body, int retryAfter = 0);

// A refusal's Retry-After comes from its retryAfterSeconds or lockedForSeconds.
Answer refusal(int status, const QString &message, QJsonObject extra = {});

QJsonValue orNull(const QString &value);

// Every change to a verified number or a forwarding config is one "telephony.updated" event, so
// the console refreshes both from a single subscription.
Result<void> publishUpdate(db::Transaction &tx, const QString &orgId, const QString &entityType,
                           const QString &entityId, const QJsonObject &payload);

} // namespace vox::server::telephony
