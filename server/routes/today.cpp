#include "server/routes/today.h"

#include "core/todayqueue.h"
#include "core/transferreason.h"
#include "server/events/eventpublisher.h"
#include "server/http/jsonbody.h"
#include "server/services/vapimessage.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

const QStringList states{u"open"_s, u"called"_s, u"done"_s, u"booked"_s};

// What the list shows about where an entry came from.
struct Source
{
    QString contactId;
    QString callId;
    QString messageId;
    QString name;
    QString phone;
    QString summary;
};

// The front desk's row for one person, as the API shows it.
const QByteArray markJson =
    "json_build_object('id', coalesce(t.contact_id, t.call_id), 'state', t.state, "
    "'state_set_at', t.state_set_at, 'owner_id', t.owner_id, 'owner_name', "
    "coalesce(nullif(o.full_name, ''), o.email), 'note', t.note, 'updated_by', t.updated_by, "
    "'updated_at', t.updated_at)";

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

Result<QByteArray> todayList(db::Transaction &tx, const QString &orgId)
{
    auto clinic = tx.exec("SELECT coalesce((SELECT time_zone FROM org_settings "
                          "WHERE org_id = $1::uuid), 'UTC'), now()",
                          {orgId});
    if (!clinic)
        return clinic.error();
    const QString zoneName = clinic->text(0, 0);
    QTimeZone zone(zoneName.toLatin1());
    if (!zone.isValid())
        zone = QTimeZone::utc();
    const QDateTime now = clinic->toDateTime(0, 1);

    // Inbound calls of the last two days cover "today" in every time zone; the rule keeps the
    // clinic's day. Outbound calls are the clinic's own call-backs, not someone waiting.
    auto calls = tx.exec(
        "SELECT c.id, c.contact_id, c.occurred_at, c.sentiment_urgency, c.sentiment_label, "
        "       c.messages, c.transcript, c.booking_confirmed, c.status, c.ended_reason, "
        "       c.transfer_to IS NOT NULL, coalesce(c.lead_score, ct.lead_score, 0), "
        "       coalesce(ct.name, c.caller_name), coalesce(ct.phone, c.phone_number), c.summary "
        "FROM call_logs c LEFT JOIN contacts ct ON ct.id = c.contact_id AND ct.org_id = c.org_id "
        "WHERE c.org_id = $1::uuid AND c.direction = 'inbound' "
        "AND c.occurred_at > now() - interval '2 days' ORDER BY c.occurred_at, c.id",
        {orgId});
    if (!calls)
        return calls.error();
    QList<today::Signal> signals_;
    QHash<QString, Source> sources;
    QStringList contactIds;
    for (int r = 0; r < calls->rowCount(); ++r) {
        today::Signal s;
        s.sourceId = calls->text(r, 0);
        const QString contactId = calls->text(r, 1);
        s.key = contactId.isEmpty() ? s.sourceId : contactId;
        s.at = calls->toDateTime(r, 2);
        s.urgent = calls->text(r, 3) == u"high";
        s.negative = calls->text(r, 4) == u"negative";
        s.askedPrice = today::asksAboutPrice(
            vapi::callerText(calls->toJson(r, 5).toArray(), calls->text(r, 6)));
        s.booked = calls->toBool(r, 7);
        s.failed = calls->text(r, 8) == u"failed";
        s.transferred = calls->toBool(r, 10) || calls->text(r, 8) == u"forwarding" ||
                        calls::transferFromEndedReason(calls->text(r, 9)).transferred;
        s.leadScore = int(calls->toInt(r, 11));
        signals_.append(s);
        sources.insert(s.sourceId, Source{contactId,
                                          s.sourceId,
                                          {},
                                          calls->text(r, 12),
                                          calls->text(r, 13),
                                          calls->text(r, 14)});
        if (!contactId.isEmpty())
            contactIds.append(contactId);
    }

    // Inbound texts that nobody has answered since (the clinic texted nothing back after them).
    auto texts = tx.exec(
        "SELECT m.id, m.contact_id, m.created_at, ct.name, ct.phone, left(m.content, 200), "
        "       ct.lead_score "
        "FROM messages m JOIN contacts ct ON ct.id = m.contact_id AND ct.org_id = m.org_id "
        "WHERE m.org_id = $1::uuid AND m.direction = 'inbound' "
        "AND m.created_at > now() - interval '2 days' AND NOT EXISTS ("
        "    SELECT 1 FROM messages o WHERE o.org_id = m.org_id AND o.contact_id = m.contact_id "
        "    AND o.direction = 'outbound' AND o.created_at > m.created_at) "
        "ORDER BY m.created_at, m.id",
        {orgId});
    if (!texts)
        return texts.error();
    for (int r = 0; r < texts->rowCount(); ++r) {
        today::Signal s;
        s.sourceId = texts->text(r, 0);
        s.key = texts->text(r, 1);
        s.at = texts->toDateTime(r, 2);
        s.replyWaiting = true;
        s.leadScore = int(texts->toInt(r, 6));
        signals_.append(s);
        sources.insert(
            s.sourceId,
            Source{s.key, {}, s.sourceId, texts->text(r, 3), texts->text(r, 4), texts->text(r, 5)});
        contactIds.append(s.key);
    }

    // When each contact last booked: an appointment made, or a person setting the lead booked.
    QHash<QString, QDateTime> bookedAt;
    const QString idArray = u'{' + contactIds.join(u',') + u'}';
    auto booked = tx.exec("SELECT ct.id, greatest((SELECT max(a.created_at) FROM appointments a "
                          "    WHERE a.org_id = ct.org_id AND a.contact_id = ct.id "
                          "    AND a.status IN ('held', 'confirmed', 'completed')), "
                          "  CASE WHEN ct.lead_status = 'booked' THEN ct.lead_status_set_at END) "
                          "FROM contacts ct WHERE ct.org_id = $1::uuid AND ct.id = ANY($2::uuid[])",
                          {orgId, idArray});
    if (!booked)
        return booked.error();
    for (int r = 0; r < booked->rowCount(); ++r) {
        if (!booked->isNull(r, 1))
            bookedAt.insert(booked->text(r, 0), booked->toDateTime(r, 1));
    }

    QHash<QString, today::Mark> marks;
    QHash<QString, QJsonObject> markObjects;
    auto marked = tx.exec("SELECT " + markJson +
                              ", coalesce(t.contact_id, t.call_id), t.state, t.state_set_at "
                              "FROM today_queue t LEFT JOIN profiles o ON o.id = t.owner_id "
                              "WHERE t.org_id = $1::uuid",
                          {orgId});
    if (!marked)
        return marked.error();
    for (int r = 0; r < marked->rowCount(); ++r) {
        const QString key = marked->text(r, 1);
        marks.insert(
            key, today::Mark{today::stateFromName(marked->text(r, 2)).value_or(today::State::Open),
                             marked->toDateTime(r, 3)});
        markObjects.insert(key, marked->toJson(r, 0).toObject());
    }

    QJsonArray entries;
    for (const today::Entry &entry : today::queue(signals_, bookedAt, marks, now, zone)) {
        const Source source = sources.value(entry.sourceId);
        const QJsonObject mark = markObjects.value(entry.key);
        entries.append(QJsonObject{
            {u"id"_s, entry.key},
            {u"contact_id"_s, textOrNull(source.contactId)},
            {u"call_id"_s, textOrNull(source.callId)},
            {u"message_id"_s, textOrNull(source.messageId)},
            {u"reason"_s, today::reasonName(entry.reason)},
            {u"at"_s, entry.at.toUTC().toString(Qt::ISODateWithMs)},
            {u"name"_s, textOrNull(source.name)},
            {u"phone"_s, textOrNull(source.phone)},
            {u"summary"_s, textOrNull(source.summary)},
            {u"lead_score"_s, entry.leadScore},
            {u"state"_s, today::stateName(entry.state)},
            {u"owner_id"_s, mark.value(u"owner_id"_s)},
            {u"owner_name"_s, mark.value(u"owner_name"_s)},
            {u"note"_s, mark.value(u"note"_s)},
        });
    }

    // Who an entry can be given to: the clinic's active people.
    auto people = tx.exec("SELECT json_build_object('id', p.id, 'name', "
                          "coalesce(nullif(p.full_name, ''), p.email)) FROM profiles p "
                          "WHERE p.org_id = $1::uuid AND NOT p.disabled "
                          "ORDER BY lower(coalesce(nullif(p.full_name, ''), p.email)), p.id",
                          {orgId});
    if (!people)
        return people.error();
    QJsonArray peopleArray;
    for (int r = 0; r < people->rowCount(); ++r)
        peopleArray.append(people->toJson(r, 0));

    return QJsonDocument(QJsonObject{{u"date"_s, now.toTimeZone(zone).date().toString(Qt::ISODate)},
                                     {u"time_zone"_s, zoneName},
                                     {u"entries"_s, entries},
                                     {u"people"_s, peopleArray}})
        .toJson(QJsonDocument::Compact);
}

http::Reply list(AppContext &app, http::Context &c)
{
    auto body =
        app.db.transaction<QByteArray>(c.access(), [&](db::Transaction &tx) -> Result<QByteArray> {
            return todayList(tx, c.orgId());
        });
    if (!body)
        return body.error();
    return http::Response::rawJson(*body);
}

struct Changes
{
    std::optional<QString> state;
    bool ownerGiven = false;
    QString ownerId; // empty clears
    bool noteGiven = false;
    QString note; // empty clears
};

Result<Changes> parseChanges(const http::JsonBody &body)
{
    Changes changes;
    auto state = body.optionalEnum(u"state"_s, states);
    if (!state)
        return state.error();
    changes.state = *state;
    if (body.has(u"owner_id"_s)) {
        auto owner = body.optionalString(u"owner_id"_s, 64);
        if (!owner)
            return owner.error();
        changes.ownerGiven = true;
        changes.ownerId = owner->value_or(QString());
        if (!changes.ownerId.isEmpty() && !http::isUuid(changes.ownerId))
            return http::status::badRequest(u"'owner_id' must be a person's id, or null."_s,
                                            u"owner_id"_s);
    }
    if (body.has(u"note"_s)) {
        auto note = body.optionalString(u"note"_s, 2000);
        if (!note)
            return note.error();
        changes.noteGiven = true;
        changes.note = note->value_or(QString());
    }
    if (!changes.state && !changes.ownerGiven && !changes.noteGiven)
        return http::status::badRequest(
            u"Nothing to change: send 'state', 'owner_id' or 'note'."_s);
    return changes;
}

http::Reply update(AppContext &app, http::Context &c)
{
    auto id = http::uuidParam(c.request, u"id"_s);
    if (!id)
        return id.error();
    auto body = http::JsonBody::parse(c.request);
    if (!body)
        return body.error();
    auto changes = parseChanges(*body);
    if (!changes)
        return changes.error();

    auto updated =
        app.db.transaction<QByteArray>(c.access(), [&](db::Transaction &tx) -> Result<QByteArray> {
            // The entry's person: a contact, or a call (its contact when it has one).
            auto who = tx.exec(
                "SELECT ct.id, NULL::uuid FROM contacts ct "
                "WHERE ct.org_id = $1::uuid AND ct.id = $2::uuid "
                "UNION ALL SELECT c.contact_id, CASE WHEN c.contact_id IS NULL THEN c.id END "
                "FROM call_logs c WHERE c.org_id = $1::uuid AND c.id = $2::uuid LIMIT 1",
                {c.orgId(), *id});
            if (!who)
                return who.error();
            if (who->isEmpty())
                return http::status::notFound(u"There is nobody with that id in this clinic."_s);
            const QString contactId = who->text(0, 0);
            const QString callId = who->text(0, 1);
            if (changes->ownerGiven && !changes->ownerId.isEmpty()) {
                auto owner = tx.exec("SELECT 1 FROM profiles WHERE org_id = $1::uuid "
                                     "AND id = $2::uuid AND NOT disabled",
                                     {c.orgId(), changes->ownerId});
                if (!owner)
                    return owner.error();
                if (owner->isEmpty())
                    return http::status::badRequest(
                        u"The owner must be an active person of this clinic."_s, u"owner_id"_s);
            }

            const auto param = [](const QString &text) {
                return text.isEmpty() ? db::Param(QString()) : db::Param(text);
            };
            auto inserted =
                tx.exec(contactId.isEmpty()
                            ? "INSERT INTO today_queue (org_id, call_id, updated_by) "
                              "VALUES ($1::uuid, $2::uuid, $3::uuid) "
                              "ON CONFLICT (org_id, call_id) WHERE call_id IS NOT NULL DO NOTHING"
                            : "INSERT INTO today_queue (org_id, contact_id, updated_by) "
                              "VALUES ($1::uuid, $2::uuid, $3::uuid) ON CONFLICT (org_id, "
                              "contact_id) WHERE contact_id IS NOT NULL DO NOTHING",
                        {c.orgId(), contactId.isEmpty() ? callId : contactId, c.user().userId});
            if (!inserted)
                return inserted.error();

            QByteArrayList set{"updated_by = $3::uuid"};
            db::Params params{c.orgId(), contactId.isEmpty() ? callId : contactId, c.user().userId};
            QStringList changed;
            if (changes->state) {
                params.append(*changes->state);
                set.append("state = $" + QByteArray::number(params.size()) +
                           ", state_set_at = now()");
                changed.append(u"state"_s);
            }
            if (changes->ownerGiven) {
                params.append(param(changes->ownerId));
                set.append("owner_id = $" + QByteArray::number(params.size()) + "::uuid");
                changed.append(u"owner_id"_s);
            }
            if (changes->noteGiven) {
                params.append(param(changes->note));
                set.append("note = $" + QByteArray::number(params.size()));
                changed.append(u"note"_s);
            }
            auto row = tx.exec(
                "WITH t AS (UPDATE today_queue SET " + set.join(", ") +
                    " WHERE org_id = $1::uuid AND " +
                    (contactId.isEmpty() ? "call_id" : "contact_id") +
                    " = $2::uuid RETURNING *) SELECT " + markJson +
                    ", t.state, t.owner_id FROM t LEFT JOIN profiles o ON o.id = t.owner_id",
                params);
            if (!row)
                return row.error();
            if (row->isEmpty())
                return http::status::notFound(u"There is nobody with that id in this clinic."_s);
            // Other consoles update the row; the note itself stays out of the event log.
            auto published = events::publish(tx, c.orgId(), u"today.updated"_s, u"today"_s,
                                             contactId.isEmpty() ? callId : contactId,
                                             {{u"state"_s, row->text(0, 1)},
                                              {u"owner_id"_s, textOrNull(row->text(0, 2))},
                                              {u"changed"_s, QJsonArray::fromStringList(changed)},
                                              {u"updated_by"_s, c.user().userId}});
            if (!published)
                return published.error();
            return row->raw(0, 0);
        });
    if (!updated)
        return updated.error();
    return http::Response::rawJson(*updated);
}

} // namespace

void registerTodayRoutes(http::Router &router, AppContext &app)
{
    router.get(u"/api/today"_s, http::Auth::User,
               [&app](http::Context &c) -> http::Reply { return list(app, c); });
    router.patch(u"/api/today/:id"_s, http::Auth::User,
                 [&app](http::Context &c) -> http::Reply { return update(app, c); });
}

} // namespace vox::server
