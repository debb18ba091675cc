#include "server/services/patientdata.h"

#include "core/logging/log.h"
#include "server/http/response.h"
#include "server/providers/vapiclient.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::patientdata {

namespace {

// Every column that is held, as stored (the search index is derived, not held).
const QByteArray exportSql =
    "SELECT jsonb_build_object("
    "'contact', to_jsonb(ct), "
    "'calls', (SELECT coalesce(jsonb_agg(to_jsonb(c) - 'search_vector' ORDER BY c.occurred_at), "
    "'[]') FROM call_logs c WHERE c.org_id = ct.org_id AND c.contact_id = ct.id), "
    "'appointments', (SELECT coalesce(jsonb_agg(to_jsonb(a) ORDER BY a.starts_at), '[]') "
    "FROM appointments a WHERE a.org_id = ct.org_id AND a.contact_id = ct.id), "
    "'messages', (SELECT coalesce(jsonb_agg(to_jsonb(m) ORDER BY m.created_at), '[]') "
    "FROM messages m WHERE m.org_id = ct.org_id AND m.contact_id = ct.id), "
    "'front_desk_notes', (SELECT coalesce(jsonb_agg(jsonb_build_object('note', q.note, "
    "'state', q.state, 'updated_at', q.updated_at)), '[]') FROM today_queue q "
    "WHERE q.org_id = ct.org_id AND q.contact_id = ct.id AND q.note IS NOT NULL), "
    "'clinic', (SELECT o.name FROM organizations o WHERE o.id = ct.org_id)) "
    "FROM contacts ct WHERE ct.org_id = $1::uuid AND ct.id = $2::uuid";

Result<void> audit(db::Transaction &tx, const db::Access &who, const QString &action,
                   const QString &entityType, const QString &entityId, const QJsonObject &details)
{
    auto row = tx.exec("INSERT INTO audit_log (org_id, actor_id, action, entity_type, entity_id, "
                       "details) VALUES ($1::uuid, $2::uuid, $3, $4, $5::uuid, $6::jsonb)",
                       {who.orgId, who.userId.isEmpty() ? QString() : who.userId, action,
                        entityType, entityId, QJsonValue(details)});
    if (!row)
        return row.error();
    return {};
}

QString line(const QString &label, const QJsonValue &value)
{
    QString text = value.isDouble() ? QString::number(value.toDouble()) : value.toString();
    if (value.isBool())
        text = value.toBool() ? u"yes"_s : u"no"_s;
    return text.isEmpty() ? QString() : label + u": "_s + text + u'\n';
}

} // namespace

QString reportOf(const QJsonObject &data)
{
    QString r;
    const QJsonObject contact = data.value(u"contact"_s).toObject();
    r += u"Data held about a patient by %1\n"_s.arg(data.value(u"clinic"_s).toString());
    r += u"Generated %1\n\n"_s.arg(data.value(u"generated_at"_s).toString());
    r += u"CONTACT\n"_s;
    r += line(u"Name"_s, contact.value(u"name"_s));
    r += line(u"Phone"_s, contact.value(u"phone"_s));
    r += line(u"E-mail"_s, contact.value(u"email"_s));
    r += line(u"Preferred language"_s, contact.value(u"preferred_language"_s));
    r += line(u"Lead status"_s, contact.value(u"lead_status"_s));
    r += line(u"Notes"_s, contact.value(u"notes"_s));
    r += line(u"First contact"_s, contact.value(u"created_at"_s));
    r += line(u"On legal hold"_s, contact.value(u"legal_hold"_s));

    const QJsonArray calls = data.value(u"calls"_s).toArray();
    r += u"\nCALLS (%1)\n"_s.arg(calls.size());
    for (const QJsonValue &v : calls) {
        const QJsonObject c = v.toObject();
        r += u"\n- %1, %2, %3 seconds\n"_s
                 .arg(c.value(u"occurred_at"_s).toString(), c.value(u"direction"_s).toString())
                 .arg(c.value(u"duration_seconds"_s).toInt());
        r += line(u"  Outcome"_s, c.value(u"ended_reason"_s));
        r += line(u"  Recording"_s, c.value(u"recording_url"_s));
        r += line(u"  Summary"_s, c.value(u"summary"_s));
        if (const QString t = c.value(u"transcript"_s).toString(); !t.isEmpty())
            r += u"  Transcript:\n    "_s + QString(t).replace(u'\n', u"\n    "_s) + u'\n';
    }

    const QJsonArray appointments = data.value(u"appointments"_s).toArray();
    r += u"\nAPPOINTMENTS (%1)\n"_s.arg(appointments.size());
    for (const QJsonValue &v : appointments) {
        const QJsonObject a = v.toObject();
        r += u"- %1 to %2: %3 (%4)\n"_s.arg(
            a.value(u"starts_at"_s).toString(), a.value(u"ends_at"_s).toString(),
            a.value(u"service_name"_s).toString(), a.value(u"status"_s).toString());
        r += line(u"  Notes"_s, a.value(u"notes"_s));
    }

    const QJsonArray messages = data.value(u"messages"_s).toArray();
    r += u"\nMESSAGES (%1)\n"_s.arg(messages.size());
    for (const QJsonValue &v : messages) {
        const QJsonObject m = v.toObject();
        r += u"- %1 %2 %3 to %4: %5\n"_s.arg(
            m.value(u"created_at"_s).toString(), m.value(u"direction"_s).toString(),
            m.value(u"method"_s).toString(), m.value(u"recipient"_s).toString(),
            m.value(u"content"_s).toString());
    }

    const QJsonArray notes = data.value(u"front_desk_notes"_s).toArray();
    if (!notes.isEmpty()) {
        r += u"\nFRONT DESK NOTES (%1)\n"_s.arg(notes.size());
        for (const QJsonValue &v : notes)
            r += u"- "_s + v.toObject().value(u"note"_s).toString() + u'\n';
    }
    r += u"\nThe file with this report holds the same data as JSON, every field as stored.\n"_s;
    return r;
}

Result<Export> exportContact(AppContext &app, const db::Access &who, const QString &contactId,
                             const QDateTime &now)
{
    auto data =
        app.db.transaction<QJsonObject>(who, [&](db::Transaction &tx) -> Result<QJsonObject> {
            auto row = tx.exec(exportSql, {who.orgId, contactId});
            if (!row)
                return row.error();
            if (row->isEmpty())
                return http::status::notFound(u"There is no such contact."_s);
            QJsonObject out = row->toJson(0, 0).toObject();
            if (auto audited =
                    audit(tx, who, u"patient.exported"_s, u"contact"_s, contactId,
                          {{u"calls"_s, out.value(u"calls"_s).toArray().size()},
                           {u"appointments"_s, out.value(u"appointments"_s).toArray().size()},
                           {u"messages"_s, out.value(u"messages"_s).toArray().size()}});
                !audited)
                return audited.error();
            return out;
        });
    if (!data)
        return data.error();
    Export out;
    out.data = *data;
    out.data.insert(u"generated_at"_s, now.toUTC().toString(Qt::ISODate));
    out.data.insert(u"format"_s, u"voxanne.patient-data.v1"_s);
    out.report = reportOf(out.data);
    out.fileStem =
        u"patient-data-%1-%2"_s.arg(now.toUTC().toString(u"yyyyMMdd"_s), contactId.left(8));
    return out;
}

Result<Erasure> eraseContact(AppContext &app, const db::Access &who, const QString &contactId)
{
    // What Vapi holds of this patient: the calls it carried, with their recordings, transcripts
    // and the caller's number.
    auto held =
        app.db.transaction<QStringList>(who, [&](db::Transaction &tx) -> Result<QStringList> {
            auto contact = tx.exec("SELECT legal_hold FROM contacts WHERE org_id = $1::uuid AND "
                                   "id = $2::uuid",
                                   {who.orgId, contactId});
            if (!contact)
                return contact.error();
            if (contact->isEmpty())
                return http::status::notFound(u"There is no such contact."_s);
            if (contact->toBool(0, 0))
                return http::status::conflict(
                    u"This contact is on legal hold; lift the hold before erasing."_s);
            auto calls = tx.exec("SELECT c.vapi_call_id FROM call_logs c JOIN contacts ct ON "
                                 "ct.id = $2::uuid AND ct.org_id = c.org_id WHERE c.org_id = "
                                 "$1::uuid AND (c.contact_id = ct.id OR c.phone_number = ct.phone) "
                                 "AND c.vapi_call_id IS NOT NULL",
                                 {who.orgId, contactId});
            if (!calls)
                return calls.error();
            QStringList ids;
            for (int i = 0; i < calls->rowCount(); ++i)
                ids << calls->text(i, 0);
            return ids;
        });
    if (!held)
        return held.error();

    providers::VapiClient vapi(app.config.vapiBaseUrl, app.config.vapiPrivateKey, app.retry);
    int providerDeleted = 0;
    if (!held->isEmpty() && vapi.isConfigured()) {
        for (const QString &vapiCallId : std::as_const(*held)) {
            if (auto deleted = vapi.deleteCall(vapiCallId); !deleted)
                return http::status::badGateway(
                    u"Vapi did not delete one of this patient's calls, so nothing was erased. "
                    "Try again later. (%1)"_s.arg(deleted.errorMessage()));
            ++providerDeleted;
        }
    }

    return app.db.transaction<Erasure>(who, [&](db::Transaction &tx) -> Result<Erasure> {
        // Locked, and the hold read again: it may have been set while Vapi was asked.
        auto contact = tx.exec("SELECT phone, coalesce(email, ''), coalesce(name, ''), legal_hold "
                               "FROM contacts WHERE org_id = $1::uuid AND id = $2::uuid FOR UPDATE",
                               {who.orgId, contactId});
        if (!contact)
            return contact.error();
        if (contact->isEmpty())
            return http::status::notFound(u"There is no such contact."_s);
        if (contact->toBool(0, 3))
            return http::status::conflict(
                u"This contact is on legal hold; lift the hold before erasing."_s);
        const QString phone = contact->text(0, 0);
        const QString email = contact->text(0, 1);
        const QString name = contact->text(0, 2);
        const db::Params who3{who.orgId, contactId, phone};

        auto calls = tx.exec(
            "WITH erased AS (UPDATE call_logs c SET transcript = NULL, messages = NULL, "
            "summary = NULL, recording_url = NULL, stereo_recording_url = NULL, caller_name = "
            "NULL, "
            "phone_number = NULL, transfer_reason = NULL, failure_reason = NULL, "
            "from_number = CASE WHEN c.from_number = $3 THEN NULL ELSE c.from_number END, "
            "to_number = CASE WHEN c.to_number = $3 THEN NULL ELSE c.to_number END, "
            "transcript_removed_at = now(), recording_removed_at = CASE WHEN c.has_recording "
            "THEN now() ELSE c.recording_removed_at END "
            "WHERE c.org_id = $1::uuid AND (c.contact_id = $2::uuid OR c.phone_number = $3) "
            "RETURNING c.id, c.vapi_call_id, c.has_recording), "
            "payloads AS (UPDATE webhook_deliveries w SET payload = NULL, detail = NULL "
            "WHERE w.org_id = $1::uuid AND w.provider_call_id IN (SELECT vapi_call_id FROM "
            "erased)) "
            "SELECT count(*), count(*) FILTER (WHERE has_recording), "
            "coalesce(array_agg(id::text), '{}') FROM erased",
            who3);
        if (!calls)
            return calls.error();
        const QString callIds = calls->text(0, 2);

        auto messages = tx.exec(
            "UPDATE messages m SET content = '', recipient = '', sender = NULL, error = NULL, "
            "content_removed_at = now() WHERE m.org_id = $1::uuid AND (m.contact_id = $2::uuid "
            "OR m.recipient IN ($3, $4) OR m.sender = $3)",
            {who.orgId, contactId, phone, email.isEmpty() ? phone : email});
        if (!messages)
            return messages.error();

        auto appointments = tx.exec("UPDATE appointments SET notes = NULL WHERE org_id = $1::uuid "
                                    "AND contact_id = $2::uuid",
                                    {who.orgId, contactId});
        if (!appointments)
            return appointments.error();

        // Notes the front desk kept on the patient's calls, and the live events that carried
        // their details to consoles.
        auto queue = tx.exec("DELETE FROM today_queue WHERE org_id = $1::uuid AND call_id = "
                             "ANY($2::uuid[])",
                             {who.orgId, callIds});
        if (!queue)
            return queue.error();

        // What the patient said on their calls as it was said: the kept lines and the live
        // events that carried them to consoles.
        auto live = tx.exec("WITH lines AS (DELETE FROM call_live_lines WHERE org_id = $1::uuid "
                            "AND call_id = ANY($2::uuid[])) DELETE FROM events WHERE org_id = "
                            "$1::uuid AND entity_type = 'call' AND entity_id = ANY($2::uuid[]) "
                            "AND type LIKE 'live.%'",
                            {who.orgId, callIds});
        if (!live)
            return live.error();

        // Anything else of this clinic's that still quotes the patient's number, address or
        // name (live events, the audit trail's details) has those words replaced.
        QStringList words{phone};
        if (!email.isEmpty())
            words << email;
        if (name.size() >= 3)
            words << name;
        for (const char *table : {"events", "audit_log"}) {
            const QByteArray column = QByteArray(table) == "events" ? "payload" : "details";
            for (const QString &word : std::as_const(words)) {
                auto scrubbed = tx.exec(
                    "UPDATE " + QByteArray(table) + " SET " + column + " = replace(" + column +
                        "::text, trim(both '\"' from to_jsonb($2::text)::text), '[erased]')::jsonb "
                        "WHERE org_id = $1::uuid AND strpos(" +
                        column + "::text, trim(both '\"' from to_jsonb($2::text)::text)) > 0",
                    {who.orgId, word});
                if (!scrubbed)
                    return scrubbed.error();
            }
        }

        auto deleted = tx.exec("DELETE FROM contacts WHERE org_id = $1::uuid AND id = $2::uuid",
                               {who.orgId, contactId});
        if (!deleted)
            return deleted.error();

        Erasure out;
        out.removed = {{u"calls"_s, calls->toInt(0, 0)},
                       {u"recordings"_s, calls->toInt(0, 1)},
                       {u"messages"_s, messages->affectedRows()},
                       {u"appointments_kept_anonymous"_s, appointments->affectedRows()},
                       {u"provider_deleted"_s, providerDeleted}};
        auto record = tx.exec(
            "INSERT INTO patient_erasures (org_id, erased_by, removed) VALUES "
            "($1::uuid, $2::uuid, $3::jsonb) RETURNING id",
            {who.orgId, who.userId.isEmpty() ? QString() : who.userId, QJsonValue(out.removed)});
        if (!record)
            return record.error();
        out.erasureId = record->text(0, 0);
        QJsonObject details = out.removed;
        details.insert(u"erasure_id"_s, out.erasureId);
        if (auto audited = audit(tx, who, u"patient.erased"_s, u"contact"_s, contactId, details);
            !audited)
            return audited.error();
        return out;
    });
}

} // namespace vox::server::patientdata
