#include "server/events/eventpublisher.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::events {

Result<qint64> publish(db::Transaction &tx, const QString &orgId, const QString &type,
                       const QString &entityType, const QString &entityId,
                       const QJsonObject &payload)
{
    auto row = tx.exec(
        "INSERT INTO events (org_id, type, entity_type, entity_id, payload) "
        "VALUES ($1::uuid, $2, $3, $4::uuid, $5::jsonb) "
        "RETURNING id, to_json(created_at)#>>'{}'",
        {orgId, type, entityType, entityId.isEmpty() ? QString() : entityId, QJsonValue(payload)});
    if (!row)
        return row.error();
    const qint64 id = row->toInt(0, 0);
    QJsonObject event{{u"id"_s, id},
                      {u"org_id"_s, orgId},
                      {u"type"_s, type},
                      {u"entity_type"_s, entityType},
                      {u"entity_id"_s, entityId.isEmpty() ? QJsonValue() : QJsonValue(entityId)},
                      {u"payload"_s, payload},
                      {u"created_at"_s, row->text(0, 1)}};
    QByteArray message = QJsonDocument(event).toJson(QJsonDocument::Compact);
    // NOTIFY payloads stop at 8000 bytes; a large event goes without its payload and listeners
    // read it from the events table.
    if (message.size() > 7000) {
        event.remove(u"payload"_s);
        event.insert(u"truncated"_s, true);
        message = QJsonDocument(event).toJson(QJsonDocument::Compact);
    }
    auto notified = tx.exec("SELECT pg_notify($1, $2)", {channel, message});
    if (!notified)
        return notified.error();
    return id;
}

} // namespace vox::server::events
