#include "server/routes/settingschange.h"

#include "server/events/eventpublisher.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

QJsonObject changedFields(const QJsonObject &before, const QJsonObject &after,
                          const QStringList &keys)
{
    QJsonObject changes;
    for (const QString &key : keys) {
        if (before.value(key) != after.value(key))
            changes.insert(
                key, QJsonObject{{u"from"_s, before.value(key)}, {u"to"_s, after.value(key)}});
    }
    return changes;
}

Result<void> recordSettingsChange(db::Transaction &tx, const http::Context &c,
                                  const QString &action, const QJsonObject &changes)
{
    if (changes.isEmpty())
        return {};
    auto audited = tx.exec("INSERT INTO audit_log (org_id, actor_id, action, entity_type, "
                           "entity_id, details) VALUES ($1::uuid, $2::uuid, $3, 'organization', "
                           "$1::uuid, $4::jsonb)",
                           {c.orgId(), c.user().userId, action, QJsonValue(changes)});
    if (!audited)
        return audited.error();
    auto published =
        events::publish(tx, c.orgId(), u"settings.updated"_s, u"organization"_s, c.orgId());
    if (!published)
        return published.error();
    return {};
}

} // namespace vox::server
