#include "server/events/eventpublisher.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::events {

namespace {

// The NOTIFY message with its two database-made values left out: `head` comes before the
// created_at string's text, `middle` between it and the id's digits, `tail` after them. The
// statement that inserts the event joins them around the row's values, so the message is the
// same bytes QJsonDocument writes for the whole event, without a round trip to learn the id.
struct MessageParts
{
    QByteArray head;
    QByteArray middle;
    QByteArray tail;
};

MessageParts splitAroundRowValues(const QJsonObject &event)
{
    // Keys are written in sorted order: "created_at" comes first and "id" follows only
    // "entity_id" and "entity_type", whose values are strings or null; inside a JSON string a
    // quote is always escaped, so the first `,"id":0` is the event's own id.
    const QByteArray sample = QJsonDocument(event).toJson(QJsonDocument::Compact);
    const QByteArray createdAt = R"({"created_at":")";
    const QByteArray id = R"(,"id":0)";
    Q_ASSERT(sample.startsWith(createdAt));
    const qsizetype idAt = sample.indexOf(id);
    Q_ASSERT(idAt > 0);
    const qsizetype digitsAt = idAt + id.size() - 1;
    return {createdAt, sample.mid(createdAt.size(), digitsAt - createdAt.size()),
            sample.mid(digitsAt + 1)};
}

} // namespace

Result<qint64> publish(db::Transaction &tx, const QString &orgId, const QString &type,
                       const QString &entityType, const QString &entityId,
                       const QJsonObject &payload)
{
    QJsonObject event{{u"id"_s, 0},
                      {u"org_id"_s, orgId},
                      {u"type"_s, type},
                      {u"entity_type"_s, entityType},
                      {u"entity_id"_s, entityId.isEmpty() ? QJsonValue() : QJsonValue(entityId)},
                      {u"payload"_s, payload},
                      {u"created_at"_s, QString()}};
    const MessageParts full = splitAroundRowValues(event);
    // NOTIFY payloads stop at 8000 bytes; a large event goes without its payload and listeners
    // read it from the events table. Whether it is too large is known once the row's values are
    // in, so the statement gets both forms.
    event.remove(u"payload"_s);
    event.insert(u"truncated"_s, true);
    const MessageParts truncated = splitAroundRowValues(event);
    // One round trip inserts the event and notifies every instance, in the caller's transaction.
    auto row = tx.exec(
        "WITH e AS ("
        "  INSERT INTO events (org_id, type, entity_type, entity_id, payload) "
        "  VALUES ($1::uuid, $2, $3, $4::uuid, $5::jsonb) "
        "  RETURNING id, to_json(created_at)#>>'{}' AS created_at), "
        "m AS ("
        "  SELECT id, created_at, "
        "         $6::text || created_at || $7::text || id::text || $8::text AS full_message "
        "  FROM e) "
        "SELECT id, pg_notify($9, "
        "  CASE WHEN octet_length(full_message) > 7000 "
        "       THEN $6::text || created_at || $10::text || id::text || $11::text "
        "       ELSE full_message END) "
        "FROM m",
        {orgId, type, entityType, entityId.isEmpty() ? QString() : entityId, QJsonValue(payload),
         full.head, full.middle, full.tail, channel, truncated.middle, truncated.tail});
    if (!row)
        return row.error();
    return row->toInt(0, 0);
}

} // namespace vox::server::events
