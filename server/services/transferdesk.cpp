#include "server/services/transferdesk.h"

#include "core/logging/log.h"
#include "core/phonenumber.h"
#include "core/pii.h"
#include "core/sentiment.h"
#include "core/transferhours.h"
#include "server/events/eventpublisher.h"
#include "server/http/response.h"

#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

constexpr const char *destinationJson =
    "json_build_object('id', id, 'name', name, 'description', description, 'number', number, "
    "'hours', hours, 'emergency', emergency, 'position', position)";

// How much of what the caller said goes into the front desk's notification.
constexpr int summaryLines = 4;

Result<QString> checkedNumber(const QString &number)
{
    auto normalized = phone::normalize(number, QString());
    if (!normalized)
        return http::status::unprocessable(
            u"Give the number with its country code, e.g. +15551234567."_s, u"number"_s);
    return *normalized;
}

Result<QJsonArray> checkedHours(const QJsonArray &hours)
{
    auto parsed = transfer::parseHours(hours);
    if (!parsed)
        return http::status::unprocessable(parsed.errorMessage(), u"hours"_s);
    return transfer::hoursJson(*parsed);
}

// Every change an admin makes to where callers are put through is kept in the audit log (who,
// what, when) and announced to the clinic's consoles.
Result<void> recordEdit(db::Transaction &tx, const http::Principal &who, const QString &action,
                        const QString &id, const QJsonObject &details)
{
    auto audited =
        tx.exec("INSERT INTO audit_log (org_id, actor_id, action, entity_type, "
                "entity_id, details) VALUES ($1::uuid, $2::uuid, $3, "
                "'transfer_destination', $4::uuid, $5::jsonb)",
                {who.orgId, who.userId, action, id.isEmpty() ? db::Param(nullptr) : db::Param(id),
                 QJsonValue(details)});
    if (!audited)
        return audited.error();
    auto e = events::publish(tx, who.orgId, u"transfer_destination.updated"_s,
                             u"transfer_destination"_s, id, details);
    if (!e)
        return e.error();
    return {};
}

Error stored(const Error &error)
{
    if (error.sqlstate == u"23505"_s)
        return http::status::conflict(u"The clinic has a transfer destination by that name."_s);
    return error;
}

} // namespace

QString TransferDesk::closedMessage()
{
    return u"The front desk is closed right now, so I can't put you through. I can take a "
           "message for the team or book you in; which would you like?"_s;
}

Result<QJsonArray> TransferDesk::list(const http::Principal &who)
{
    return m_app.db.transaction<QJsonArray>(
        who.access(), [&](db::Transaction &tx) -> Result<QJsonArray> {
            auto rows = tx.exec(QByteArray("SELECT coalesce(json_agg(") + destinationJson +
                                    " ORDER BY position, name), '[]') FROM "
                                    "transfer_destinations WHERE org_id = $1::uuid",
                                {who.orgId});
            if (!rows)
                return rows.error();
            return rows->toJson(0, 0).toArray();
        });
}

Result<QJsonObject> TransferDesk::create(const http::Principal &who, const Changes &changes)
{
    if (!changes.name || changes.name->trimmed().isEmpty())
        return http::status::badRequest(u"Give the destination a name."_s, u"name"_s);
    if (!changes.number)
        return http::status::badRequest(u"Give the destination's number."_s, u"number"_s);
    auto number = checkedNumber(*changes.number);
    if (!number)
        return number.error();
    auto hours = checkedHours(changes.hours.value_or(QJsonArray()));
    if (!hours)
        return hours.error();
    return m_app.db.transaction<
        QJsonObject>(who.access(), [&](db::Transaction &tx) -> Result<QJsonObject> {
        // Without a position a new destination goes last: the AI tries it after the others.
        auto row = tx.exec(
            QByteArray(
                "INSERT INTO transfer_destinations (org_id, name, description, number, "
                "hours, emergency, position) VALUES ($1::uuid, $2, coalesce($3, ''), $4, "
                "$5::jsonb, $6, coalesce($7::integer, (SELECT coalesce(max(position) + 1, 0) FROM "
                "transfer_destinations WHERE org_id = $1::uuid))) RETURNING ") +
                destinationJson,
            {who.orgId, changes.name->trimmed(), changes.description.value_or(QString()), *number,
             QJsonValue(*hours), changes.emergency.value_or(false),
             changes.position ? db::Param(*changes.position) : db::Param(nullptr)});
        if (!row)
            return stored(row.error());
        const QJsonObject created = row->toJson(0, 0).toObject();
        auto recorded =
            recordEdit(tx, who, u"transfer_destination.created"_s,
                       created.value(u"id"_s).toString(), {{u"name"_s, created.value(u"name"_s)}});
        if (!recorded)
            return recorded.error();
        return created;
    });
}

Result<QJsonObject> TransferDesk::update(const http::Principal &who, const QString &id,
                                         const Changes &changes)
{
    std::optional<QString> number;
    if (changes.number) {
        auto checked = checkedNumber(*changes.number);
        if (!checked)
            return checked.error();
        number = *checked;
    }
    std::optional<QJsonArray> hours;
    if (changes.hours) {
        auto checked = checkedHours(*changes.hours);
        if (!checked)
            return checked.error();
        hours = *checked;
    }
    if (changes.name && changes.name->trimmed().isEmpty())
        return http::status::badRequest(u"Give the destination a name."_s, u"name"_s);
    return m_app.db.transaction<QJsonObject>(
        who.access(), [&](db::Transaction &tx) -> Result<QJsonObject> {
            auto row = tx.exec(
                QByteArray("UPDATE transfer_destinations SET name = coalesce($3, name), number = "
                           "coalesce($4, number), hours = coalesce($5::jsonb, hours), emergency = "
                           "coalesce($6::boolean, emergency), position = coalesce($7::integer, "
                           "position), description = coalesce($8, description), updated_at = "
                           "now() WHERE id = $1::uuid AND org_id = $2::uuid RETURNING ") +
                    destinationJson,
                {id, who.orgId,
                 changes.name ? db::Param(changes.name->trimmed()) : db::Param(nullptr),
                 number ? db::Param(*number) : db::Param(nullptr),
                 hours ? db::Param(QJsonValue(*hours)) : db::Param(nullptr),
                 changes.emergency
                     ? db::Param(QString::fromLatin1(*changes.emergency ? "true" : "false"))
                     : db::Param(nullptr),
                 changes.position ? db::Param(*changes.position) : db::Param(nullptr),
                 changes.description ? db::Param(*changes.description) : db::Param(nullptr)});
            if (!row)
                return stored(row.error());
            if (row->isEmpty())
                return http::status::notFound(u"Transfer destination not found."_s);
            const QJsonObject updated = row->toJson(0, 0).toObject();
            auto recorded = recordEdit(tx, who, u"transfer_destination.updated"_s, id,
                                       {{u"name"_s, updated.value(u"name"_s)}});
            if (!recorded)
                return recorded.error();
            return updated;
        });
}

Result<void> TransferDesk::remove(const http::Principal &who, const QString &id)
{
    return m_app.db.transaction<void>(who.access(), [&](db::Transaction &tx) -> Result<void> {
        auto row = tx.exec("DELETE FROM transfer_destinations WHERE id = $1::uuid AND org_id = "
                           "$2::uuid RETURNING name",
                           {id, who.orgId});
        if (!row)
            return row.error();
        if (row->isEmpty())
            return http::status::notFound(u"Transfer destination not found."_s);
        return recordEdit(tx, who, u"transfer_destination.deleted"_s, id,
                          {{u"name"_s, row->text(0, 0)}, {u"deleted"_s, true}});
    });
}

Result<QJsonArray> TransferDesk::reorder(const http::Principal &who, const QStringList &ids)
{
    return m_app.db.transaction<QJsonArray>(
        who.access(), [&](db::Transaction &tx) -> Result<QJsonArray> {
            // Locked, so a destination added or removed meanwhile cannot slip past the check.
            auto rows = tx.exec("SELECT id::text FROM transfer_destinations WHERE org_id = "
                                "$1::uuid ORDER BY position, name FOR UPDATE",
                                {who.orgId});
            if (!rows)
                return rows.error();
            QStringList before;
            for (int r = 0; r < rows->rowCount(); ++r)
                before.append(rows->text(r, 0));
            for (const QString &id : ids) {
                if (!before.contains(id.toLower()))
                    return http::status::notFound(u"Transfer destination not found."_s);
            }
            QStringList seen;
            for (const QString &id : ids) {
                if (seen.contains(id.toLower()))
                    return http::status::badRequest(
                        u"Each destination may appear only once in the order."_s, u"ids"_s);
                seen.append(id.toLower());
            }
            if (seen.size() != before.size())
                return http::status::badRequest(u"Give the order of all the clinic's transfer "
                                                "destinations, each once."_s,
                                                u"ids"_s);
            auto moved =
                tx.exec("UPDATE transfer_destinations t SET position = o.n - 1, "
                        "updated_at = now() FROM unnest($2::text[]::uuid[]) WITH "
                        "ORDINALITY AS o(id, n) WHERE t.id = o.id AND t.org_id = $1::uuid AND "
                        "t.position <> o.n - 1",
                        {who.orgId, seen});
            if (!moved)
                return moved.error();
            auto recorded = recordEdit(
                tx, who, u"transfer_destination.reordered"_s, QString(),
                {{u"order"_s, QJsonArray::fromStringList(seen)}, {u"reordered"_s, true}});
            if (!recorded)
                return recorded.error();
            auto listed = tx.exec(QByteArray("SELECT coalesce(json_agg(") + destinationJson +
                                      " ORDER BY position, name), '[]') FROM "
                                      "transfer_destinations WHERE org_id = $1::uuid",
                                  {who.orgId});
            if (!listed)
                return listed.error();
            return listed->toJson(0, 0).toArray();
        });
}

QJsonObject TransferDesk::answer(const vapi::Message &m, const QDateTime &now)
{
    struct Chosen
    {
        QString name;
        QString number;
    };
    // What the caller said so far: the emergency test and the front desk's notification.
    const QJsonArray messages = vapi::normalizeMessages(m.artifactMessages());
    auto chosen = m_app.db.transaction<std::optional<Chosen>>(
        db::Access::service(), [&](db::Transaction &tx) -> Result<std::optional<Chosen>> {
            auto call = tx.exec("SELECT c.id, c.org_id, c.caller_name, c.phone_number, "
                                "coalesce(s.time_zone, 'UTC'), coalesce(s.redact_pii, true) FROM "
                                "call_logs c LEFT JOIN org_settings s ON s.org_id = c.org_id "
                                "WHERE c.vapi_call_id = $1",
                                {m.callId()});
            if (!call)
                return call.error();
            if (call->isEmpty())
                return std::optional<Chosen>();
            const QString callId = call->text(0, 0);
            const QString orgId = call->text(0, 1);
            QTimeZone zone(call->text(0, 4).toLatin1());
            if (!zone.isValid())
                zone = QTimeZone::utc();
            QString said = vapi::callerText(messages, QString());
            if (call->toBool(0, 5))
                said = pii::redact(said, now.toTimeZone(zone).date()).text;
            const bool emergency = sentiment::estimateUrgency(said) == u"high";

            auto rows = tx.exec("SELECT id, name, number, hours, emergency FROM "
                                "transfer_destinations WHERE org_id = $1::uuid ORDER BY "
                                "position, name",
                                {orgId});
            if (!rows)
                return rows.error();
            QList<transfer::Destination> destinations;
            for (int r = 0; r < rows->rowCount(); ++r) {
                auto hours = transfer::parseHours(rows->toJson(r, 3).toArray());
                destinations.append({rows->text(r, 0), rows->text(r, 1), rows->text(r, 2),
                                     hours ? *hours : QList<transfer::Window>(),
                                     rows->toBool(r, 4)});
            }
            const auto open = transfer::openDestination(destinations, now, zone, emergency);
            if (!open)
                return std::optional<Chosen>();
            const transfer::Destination &d = destinations.at(*open);
            QStringList lines = said.split(u'\n', Qt::SkipEmptyParts);
            const QString summary =
                lines.mid(qMax<qsizetype>(0, lines.size() - summaryLines)).join(u' ').left(500);
            const QString reason = emergency ? u"The caller may need urgent help."_s
                                             : u"The caller asked for a person."_s;
            auto noted =
                tx.exec("UPDATE call_logs SET transfer_to = $2, transfer_time = $3, "
                        "transfer_reason = $4, updated_at = now() WHERE id = $1::uuid",
                        {callId, d.number, now,
                         u"The AI transferred the caller to %1. %2"_s.arg(d.name, reason)});
            if (!noted)
                return noted.error();
            auto e = events::publish(tx, orgId, u"live.transferring"_s, u"call"_s, callId,
                                     {{u"call_id"_s, callId},
                                      {u"destination"_s, d.name},
                                      {u"caller_name"_s, call->text(0, 2)},
                                      {u"phone_number"_s, call->text(0, 3)},
                                      {u"reason"_s, reason},
                                      {u"emergency"_s, emergency},
                                      {u"summary"_s, summary}});
            if (!e)
                return e.error();
            return std::optional<Chosen>(Chosen{d.name, d.number});
        });
    if (!chosen) {
        log::error("vapi.transfer", u"A transfer destination could not be chosen."_s,
                   {{u"call_id"_s, m.callId()}, {u"error"_s, chosen.errorMessage()}});
        return {{u"error"_s, u"I'm sorry, I can't transfer you right now. I can take a message "
                             "for the team or book you in."_s}};
    }
    if (!*chosen)
        return {{u"error"_s, closedMessage()}};
    const Chosen &d = **chosen;
    // Warm: the person picking up hears the AI's summary of the call before the caller joins;
    // if nobody answers, the AI stays on the call and says so.
    const QJsonObject transferPlan{
        {u"mode"_s, u"warm-transfer-say-summary"_s},
        {u"summaryPlan"_s,
         QJsonObject{
             {u"enabled"_s, true},
             {u"messages"_s,
              QJsonArray{QJsonObject{{u"role"_s, u"system"_s},
                                     {u"content"_s, u"Summarise the call for the clinic's staff "
                                                    "member in two sentences: who is calling, "
                                                    "and what they need."_s}},
                         QJsonObject{{u"role"_s, u"user"_s},
                                     {u"content"_s, u"Here is the transcript:\n\n"
                                                    "{{transcript}}\n\n"_s}}}}}},
        {u"fallbackPlan"_s,
         QJsonObject{{u"message"_s, u"I'm sorry, nobody could pick up just now. I can take a "
                                    "message for the team or book you in."_s},
                     {u"endCallEnabled"_s, false}}}};
    return {{u"destination"_s,
             QJsonObject{{u"type"_s, u"number"_s},
                         {u"number"_s, d.number},
                         {u"message"_s, u"Please hold while I connect you to %1."_s.arg(d.name)},
                         {u"description"_s, d.name},
                         {u"transferPlan"_s, transferPlan}}}};
}

} // namespace vox::server
