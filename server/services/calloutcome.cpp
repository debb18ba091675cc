#include "server/services/calloutcome.h"

#include "core/leadscoring.h"
#include "core/leadstatus.h"
#include "core/phonenumber.h"
#include "core/servicematch.h"
#include "server/events/eventpublisher.h"
#include "server/jobs/jobqueue.h"
#include "server/services/vapimessage.h"

#include <QJsonArray>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::calloutcome {

namespace {

QString hotLeadText(const QString &name, const QString &phone, const QStringList &services,
                    const leads::LeadScore &score, bool booked)
{
    const QString who = name.isEmpty() ? u"A caller"_s : name;
    const QString about =
        services.isEmpty() ? u"called"_s : u"asked about "_s + services.join(u", "_s);
    // The person the clinic named for alerts is who must hear of a worried patient; what the
    // caller said stays in the console (no symptoms in a text message).
    if (score.needsAttention)
        return u"Voxanne: needs attention (urgent or a concern after a treatment): %1 %2 %3. "
               "Please call back today."_s.arg(who, phone, about)
                   .left(320);
    QString text =
        u"Voxanne hot lead (%1/100): %2 %3 %4. %5"_s.arg(score.score)
            .arg(who, phone, about, booked ? u"Booked."_s : u"Not booked yet: call back soon."_s);
    return text.left(320);
}

} // namespace

Result<Outcome> recompute(db::Transaction &tx, const QString &orgId, const QString &callId)
{
    auto call = tx.exec(
        "SELECT c.vapi_call_id, c.messages, c.transcript, c.sentiment_label, c.sentiment_urgency, "
        "       coalesce(c.duration_seconds, 0), coalesce(c.started_at, c.occurred_at), "
        "       c.contact_id, c.booking_tool_call_ids, c.caller_name, c.phone_number, "
        "       c.report_received_at IS NOT NULL, s.alert_phone, c.direction "
        "FROM call_logs c JOIN org_settings s ON s.org_id = c.org_id "
        "WHERE c.id = $1::uuid AND c.org_id = $2::uuid FOR UPDATE OF c",
        {callId, orgId});
    if (!call)
        return call.error();
    if (call->isEmpty() || !call->toBool(0, 11))
        return Outcome{};
    const QString vapiCallId = call->text(0, 0);
    const QJsonArray messages = call->toJson(0, 1).toArray();
    const QString transcript = call->text(0, 2);
    const QString sentimentLabel = call->text(0, 3);
    const QString urgency = call->text(0, 4);
    const int duration = int(call->toInt(0, 5));
    const QDateTime callTime = call->toDateTime(0, 6);
    const QString contactId = call->text(0, 7);
    const QString bookingCalls = call->text(0, 8); // text[] literal, passed back as is
    const QString callerName = call->text(0, 9);
    const QString phone = call->text(0, 10);
    const QString alertPhone = call->text(0, 12);
    const bool outbound = call->text(0, 13) == u"outbound";

    // Booking detection: an appointment made in this call (by the tools endpoint, which records
    // the Vapi call id) or by one of the booking tool calls seen in the call's messages.
    auto appointment = tx.exec(
        "SELECT a.id, a.service_id, coalesce(sv.name, a.service_name), "
        "       coalesce(sv.price_cents, 0) "
        "FROM appointments a LEFT JOIN services sv ON sv.id = a.service_id "
        "WHERE a.org_id = $1::uuid AND ((a.vapi_call_id IS NOT NULL AND a.vapi_call_id = $2) "
        "      OR a.source_tool_call_id = ANY($3::text[])) "
        "ORDER BY a.starts_at, a.id LIMIT 1",
        {orgId, vapiCallId, bookingCalls.isEmpty() ? u"{}"_s : bookingCalls});
    if (!appointment)
        return appointment.error();
    const bool booked = !appointment->isEmpty();
    std::optional<services::ServiceOffer> bookedService;
    if (booked && !appointment->isNull(0, 1)) {
        bookedService = services::ServiceOffer{
            appointment->text(0, 1), appointment->text(0, 2), appointment->toInt(0, 3), {}};
    }

    auto rows = tx.exec("SELECT id, name, price_cents, array_to_json(keywords) FROM services "
                        "WHERE org_id = $1::uuid AND active ORDER BY lower(name), id",
                        {orgId});
    if (!rows)
        return rows.error();
    QList<services::ServiceOffer> offers;
    for (int r = 0; r < rows->rowCount(); ++r) {
        QStringList keywords;
        for (const QJsonValue &k : rows->toJson(r, 3).toArray())
            keywords << k.toString();
        offers.append({rows->text(r, 0), rows->text(r, 1), rows->toInt(r, 2), keywords});
    }

    const QString said = vapi::callerText(messages, transcript);
    const services::ServiceMatch match = services::matchServices(said, offers, bookedService);
    leads::LeadSignals signals_;
    signals_.booked = booked;
    signals_.matchedServices = int(match.ids.size());
    signals_.valueCents = match.valueCents;
    signals_.intentPhrases = leads::countIntentPhrases(said);
    signals_.sentimentLabel = sentimentLabel;
    signals_.urgency = urgency;
    signals_.durationSeconds = duration;
    signals_.clinicalConcern = leads::mentionsClinicalConcern(said);
    const leads::LeadScore score = leads::scoreLead(signals_);
    const QString temperature = leads::temperatureName(score.temperature);

    const QString appointmentId = booked ? appointment->text(0, 0) : QString();
    if (auto updated =
            tx.exec("UPDATE call_logs SET booking_confirmed = $3, appointment_id = $4::uuid, "
                    "  financial_value_cents = $5, matched_services = $6::text[], lead_score = $7 "
                    "WHERE id = $1::uuid AND org_id = $2::uuid",
                    {callId, orgId, booked, appointmentId.isEmpty() ? QString() : appointmentId,
                     match.valueCents, match.names, score.score});
        !updated)
        return updated.error();
    if (booked) {
        if (auto linked = tx.exec("UPDATE appointments SET call_id = $3::uuid WHERE id = $1::uuid "
                                  "AND org_id = $2::uuid AND call_id IS DISTINCT FROM $3::uuid",
                                  {appointmentId, orgId, callId});
            !linked)
            return linked.error();
    }

    Outcome outcome{booked, score.score, temperature, false};
    if (contactId.isEmpty())
        return outcome;

    // The contact follows core/leadstatus.h (leads::afterCall): booked for good, contacted after
    // the clinic's own call, the score of its latest inbound call, flagged when a call needs
    // attention. Name and interests as before: the name from its latest call, every service it
    // asked about. The same end state whatever order calls are processed in.
    auto stored = tx.exec("SELECT lead_status, lead_score, needs_attention, lead_scored_at, "
                          "last_contacted_at, created_at FROM contacts "
                          "WHERE id = $1::uuid AND org_id = $2::uuid FOR UPDATE",
                          {contactId, orgId});
    if (!stored)
        return stored.error();
    if (stored->isEmpty())
        return outcome;
    leads::Lead lead;
    lead.status = leads::statusFromName(stored->text(0, 0)).value_or(leads::Status::New);
    lead.score = int(stored->toInt(0, 1));
    lead.needsAttention = stored->toBool(0, 2);
    lead.scoredAt = stored->toDateTime(0, 3);
    lead.lastContactedAt = stored->toDateTime(0, 4);
    lead.createdAt = stored->toDateTime(0, 5);
    const leads::Lead after =
        leads::afterCall(lead, {outbound ? leads::Direction::Outbound : leads::Direction::Inbound,
                                callTime, booked, score});
    auto contact = tx.exec(
        "UPDATE contacts SET lead_status = $3, lead_score = $4, lead_temperature = $5, "
        "  needs_attention = $6, "
        "  name = CASE WHEN $7::text IS NOT NULL AND (lead_scored_at IS NULL OR "
        "              $9::timestamptz >= lead_scored_at) THEN $7 ELSE coalesce(name, $7) END, "
        "  lead_scored_at = $10::timestamptz, "
        "  last_contacted_at = greatest(last_contacted_at, $9::timestamptz), "
        "  service_interests = (SELECT coalesce(array_agg(DISTINCT x ORDER BY x), '{}') "
        "                       FROM unnest(service_interests || $8::text[]) x) "
        "WHERE id = $1::uuid AND org_id = $2::uuid "
        "RETURNING id, lead_status, lead_score, lead_temperature, name, phone, needs_attention",
        {contactId, orgId, leads::statusName(after.status), after.score,
         leads::temperatureName(leads::temperatureFor(after.score)), after.needsAttention,
         callerName.isEmpty() ? QString() : callerName, match.names, callTime, after.scoredAt});
    if (!contact)
        return contact.error();
    if (contact->isEmpty())
        return outcome;
    if (auto e = events::publish(
            tx, orgId, u"contact.updated"_s, u"contact"_s, contactId,
            {{u"id"_s, contactId},
             {u"name"_s, contact->isNull(0, 4) ? QJsonValue() : QJsonValue(contact->text(0, 4))},
             {u"lead_status"_s, contact->text(0, 1)},
             {u"lead_score"_s, contact->toInt(0, 2)},
             {u"lead_temperature"_s, contact->text(0, 3)},
             {u"needs_attention"_s, contact->toBool(0, 6)},
             {u"call_id"_s, callId}});
        !e)
        return e.error();

    if (score.score < leads::hotThreshold)
        return outcome;
    // One alert per call, however often the outcome is recomputed.
    auto first = tx.exec("UPDATE call_logs SET hot_lead_alerted_at = now() WHERE id = $1::uuid "
                         "AND org_id = $2::uuid AND hot_lead_alerted_at IS NULL RETURNING id",
                         {callId, orgId});
    if (!first)
        return first.error();
    if (first->isEmpty())
        return outcome;
    const QString name = contact->text(0, 4);
    if (auto e = events::publish(tx, orgId, u"lead.hot"_s, u"contact"_s, contactId,
                                 {{u"contact_id"_s, contactId},
                                  {u"call_id"_s, callId},
                                  {u"name"_s, name.isEmpty() ? QJsonValue() : QJsonValue(name)},
                                  {u"lead_score"_s, score.score},
                                  {u"needs_attention"_s, score.needsAttention},
                                  {u"booked"_s, booked}});
        !e)
        return e.error();
    if (alertPhone.isEmpty())
        return outcome;
    jobs::NewJob sms;
    sms.kind = u"sms.send"_s;
    sms.orgId = orgId;
    sms.uniqueKey = u"hot_lead_alert:"_s + callId;
    sms.dedupe = jobs::NewJob::Dedupe::Once;
    sms.payload = {{u"to"_s, alertPhone},
                   {u"body"_s, hotLeadText(name, phone, match.names, score, booked)},
                   {u"purpose"_s, u"hot_lead_alert"_s},
                   {u"contact_id"_s, contactId},
                   {u"call_id"_s, callId}};
    auto queued = jobs::enqueue(tx, sms);
    if (!queued)
        return queued.error();
    outcome.hotAlertQueued = queued->has_value();
    return outcome;
}

Result<void> linkBooking(db::Transaction &tx, const QString &orgId, const QString &vapiCallId,
                         const QString &appointmentId)
{
    if (vapiCallId.isEmpty())
        return {};
    auto call = tx.exec("SELECT id, report_received_at IS NOT NULL FROM call_logs "
                        "WHERE org_id = $1::uuid AND vapi_call_id = $2",
                        {orgId, vapiCallId});
    if (!call)
        return call.error();
    if (call->isEmpty())
        return {}; // the call's first webhook will find the appointment by its Vapi call id
    const QString callId = call->text(0, 0);
    if (auto linked = tx.exec("UPDATE appointments SET call_id = $3::uuid WHERE id = $1::uuid "
                              "AND org_id = $2::uuid",
                              {appointmentId, orgId, callId});
        !linked)
        return linked.error();
    if (!call->toBool(0, 1))
        return {};
    auto outcome = recompute(tx, orgId, callId);
    if (!outcome)
        return outcome.error();
    auto e = events::publish(tx, orgId, u"call.updated"_s, u"call"_s, callId,
                             {{u"id"_s, callId},
                              {u"booking_confirmed"_s, outcome->booked},
                              {u"lead_score"_s, outcome->leadScore}});
    if (!e)
        return e.error();
    return {};
}

} // namespace vox::server::calloutcome
