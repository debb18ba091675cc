#include "server/services/vapiwebhooks.h"

#include "core/crypto/digest.h"
#include "core/logging/log.h"
#include "core/phonenumber.h"
#include "core/sentiment.h"
#include "core/transferreason.h"
#include "server/events/eventpublisher.h"
#include "server/http/jsonbody.h"
#include "server/http/response.h"
#include "server/services/callercontext.h"
#include "server/services/calloutcome.h"
#include "server/services/missedcalltextback.h"
#include "server/services/redaction.h"
#include "server/services/vapicallorg.h"
#include "server/services/webhookproblems.h"
#include "server/store/calllogstore.h"

#include <QJsonArray>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

const QStringList trackedStatuses{u"scheduled"_s,   u"queued"_s,     u"ringing"_s,
                                  u"in-progress"_s, u"forwarding"_s, u"ended"_s};

QString deliveryKey(const vapi::Message &m, const QByteArray &rawBody)
{
    const QString call = m.callId();
    const QString type = m.type();
    if (!call.isEmpty()) {
        if (type == u"status-update")
            return u"vapi:%1:status-update:%2"_s.arg(call, m.status());
        if (type == u"end-of-call-report")
            return u"vapi:%1:end-of-call-report"_s.arg(call);
        if (type == u"hang")
            return u"vapi:%1:hang:%2"_s.arg(call).arg(m.timestamp().toMSecsSinceEpoch());
    }
    return u"vapi:body:"_s + QString::fromLatin1(crypto::sha256(rawBody).toHex());
}

// The clinic of a message: by its assistant or number, else by the call record it continues
// (an outbound call-back carries our record's id in its metadata).
Result<QString> resolveOrg(db::Transaction &tx, const vapi::Message &m)
{
    auto org = orgOfVapiCall(tx, m.assistantId(), m.phoneNumberId());
    if (!org || !org->isEmpty() || m.callId().isEmpty())
        return org;
    auto byCall = tx.exec("SELECT org_id FROM call_logs WHERE vapi_call_id = $1", {m.callId()});
    if (!byCall)
        return byCall.error();
    if (!byCall->isEmpty())
        return byCall->text(0, 0);
    const QString ours = m.voxanneCallId();
    if (!http::isUuid(ours))
        return QString();
    auto byRecord = tx.exec("SELECT org_id FROM call_logs WHERE id = $1::uuid AND vapi_call_id "
                            "IS NULL",
                            {ours});
    if (!byRecord)
        return byRecord.error();
    return byRecord->isEmpty() ? QString() : byRecord->text(0, 0);
}

// Records a delivery; false when its key was recorded before (a redelivery).
Result<bool> recordDelivery(db::Transaction &tx, const QString &orgId, const QString &key,
                            const vapi::Message &m, const QString &status, const QString &detail,
                            const QJsonValue &payload = QJsonValue::Null)
{
    auto row =
        tx.exec("INSERT INTO webhook_deliveries (org_id, provider, delivery_key, message_type, "
                "  provider_call_id, status, detail, payload) "
                "VALUES ($1::uuid, 'vapi', $2, $3, $4, $5, $6, $7::jsonb) "
                "ON CONFLICT (delivery_key) DO NOTHING RETURNING id",
                {orgId.isEmpty() ? QString() : orgId, key, m.type().left(100),
                 m.callId().isEmpty() ? QString() : m.callId(), status,
                 detail.isEmpty() ? QString() : detail, payload});
    if (!row)
        return row.error();
    return !row->isEmpty();
}

// A delivery no clinic here owns is kept, redacted, for an operator to look at.
Result<void> keepUnresolved(db::Transaction &tx, const vapi::Message &m, const QString &key)
{
    // No clinic's choice applies: every category goes, the caller's number and e-mail too.
    const QJsonValue redacted =
        redaction::everything(QDateTime::currentDateTimeUtc()).json(m.json());
    auto kept = recordDelivery(tx, {}, u"unresolved:"_s + key, m, u"unresolved"_s,
                               u"No clinic has assistant \"%1\" or phone number \"%2\"."_s.arg(
                                   m.assistantId(), m.phoneNumberId()),
                               redacted);
    if (!kept)
        return kept.error();
    if (!*kept)
        return {}; // a redelivery of one already kept
    log::warn("vapi.webhooks", u"Kept a delivery for an unknown assistant."_s,
              {{u"type"_s, m.type()},
               {u"assistant_id"_s, m.assistantId()},
               {u"phone_number_id"_s, m.phoneNumberId()},
               {u"call_id"_s, m.callId()}});
    return {};
}

struct Party
{
    QString phone; // E.164 when it reads as one, else as sent
    bool valid = false;
    QString from;
    QString to;
};

Party partyOf(const vapi::Message &m)
{
    Party p;
    const QString raw = m.customerNumber();
    // Vapi sends the caller's number in E.164; anything else is kept as sent.
    auto normalized = phone::normalize(raw, QString());
    p.valid = normalized.ok();
    p.phone = p.valid ? *normalized : raw;
    const QString clinic = m.clinicNumber();
    if (m.direction() == u"outbound") {
        p.from = clinic;
        p.to = p.phone;
    } else {
        p.from = p.phone;
        p.to = clinic;
    }
    return p;
}

QDateTime occurredAt(const vapi::Message &m)
{
    for (const QDateTime &candidate : {m.callCreatedAt(), m.timestamp()}) {
        if (candidate.isValid())
            return candidate;
    }
    return QDateTime::currentDateTimeUtc();
}

QString orEmpty(const QString &text)
{
    return text.isEmpty() ? QString() : text;
}

QString transferTarget(const QJsonObject &destination)
{
    const QString number = destination.value(u"number"_s).toString();
    return number.isEmpty() ? destination.value(u"sipUri"_s).toString() : number;
}

// An outbound call our server created (call-back) becomes the record of the Vapi call.
Result<void> claimCallBackRecord(db::Transaction &tx, const QString &orgId, const vapi::Message &m)
{
    const QString ours = m.voxanneCallId();
    if (!http::isUuid(ours) || m.callId().isEmpty())
        return {};
    return CallLogStore::claimPlacedCall(tx, orgId, ours, m.callId());
}

// The facts every kind of message carries, as this message tells them.
CallFacts factsOf(const QString &orgId, const vapi::Message &m, const Party &party)
{
    CallFacts f;
    f.orgId = orgId;
    f.vapiCallId = m.callId();
    f.direction = m.direction();
    f.occurredAt = occurredAt(m);
    f.phoneNumber = party.phone;
    f.callerName = m.customerName();
    f.fromNumber = party.from;
    f.toNumber = party.to;
    f.assistantId = m.assistantId();
    f.phoneNumberId = m.phoneNumberId();
    return f;
}

// The event names the caller the way the front desk knows them: `name` is the name Vapi heard,
// else the clinic's contact for that number (read by the statement that wrote the call), else
// the event carries just the number.
Result<void> publishCall(db::Transaction &tx, const QString &orgId, const QString &callId,
                         bool inserted, const Party &party, const QString &name,
                         QJsonObject payload)
{
    if (!name.isEmpty())
        payload.insert(u"caller_name"_s, name);
    if (!party.phone.isEmpty())
        payload.insert(u"phone_number"_s, party.phone);
    auto e = events::publish(tx, orgId, inserted ? u"call.created"_s : u"call.updated"_s, u"call"_s,
                             callId, payload);
    if (!e)
        return e.error();
    return {};
}

VapiWebhookService::Answer received(const QJsonObject &extra = {})
{
    QJsonObject body{{u"received"_s, true}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
    return {200, body};
}

} // namespace

VapiWebhookService::Answer VapiWebhookService::failed(const vapi::Message &m,
                                                      const QByteArray &rawBody, const Error &error)
{
    if (db::isUnavailable(error)) {
        log::warn("vapi.webhooks", u"The database is unavailable; Vapi will retry the delivery."_s,
                  {{u"type"_s, m.type()}, {u"sqlstate"_s, error.sqlstate}});
        return {503,
                {{u"error"_s, u"The database is not reachable right now; please retry."_s}},
                http::Response::databaseRetryAfterSeconds};
    }
    if (webhookproblems::isPermanent(error))
        return keepProblem(m, rawBody, webhookproblems::problemSentence(error));
    // Vapi retries a failed delivery; nothing of this one was committed.
    log::error("vapi.webhooks", u"Could not process a Vapi delivery; it will be retried."_s,
               {{u"type"_s, m.type()},
                {u"call_id"_s, m.callId()},
                {u"error"_s, error.message},
                {u"sqlstate"_s, error.sqlstate}});
    return {500, {{u"error"_s, u"The delivery could not be stored; please retry."_s}}};
}

VapiWebhookService::Answer VapiWebhookService::keepProblem(const vapi::Message &m,
                                                           const QByteArray &rawBody,
                                                           const QString &problem)
{
    // The clinic, when the delivery names one in a form that can be looked up.
    QString orgId;
    if (webhookproblems::idProblem(QString(), m.assistantId()).isEmpty() &&
        webhookproblems::idProblem(QString(), m.phoneNumberId()).isEmpty()) {
        auto org = m_app.db.transaction<QString>(db::Access::service(), [&](db::Transaction &tx) {
            return orgOfVapiCall(tx, m.assistantId(), m.phoneNumberId());
        });
        if (org)
            orgId = *org;
        else if (db::isUnavailable(org.error()))
            return failed(m, rawBody, org.error());
    }
    auto kept = webhookproblems::keepProblem(m_app.db, orgId, m, rawBody, problem);
    if (!kept && db::isUnavailable(kept.error()))
        return failed(m, rawBody, kept.error());
    log::warn("vapi.webhooks", u"A delivery that can never be stored was kept for inspection."_s,
              {{u"type"_s, m.type().left(100)},
               {u"org_id"_s, orgId},
               {u"problem"_s, problem},
               {u"kept"_s, kept.ok()}});
    if (!kept)
        log::error("vapi.webhooks", u"The problem delivery could not be kept."_s,
                   {{u"sqlstate"_s, kept.error().sqlstate}});
    return received({{u"stored"_s, false}, {u"problem"_s, problem}});
}

VapiWebhookService::Answer VapiWebhookService::handle(const vapi::Message &message,
                                                      const QByteArray &rawBody)
{
    const QString type = message.type();
    const bool answersACall = type == u"assistant-request" || type == u"tool-calls" ||
                              type == u"transfer-destination-request";
    const bool changesNothing = type.startsWith(u"transcript"_s) || type == u"speech-update" ||
                                type == u"conversation-update";
    if (!answersACall && !changesNothing) {
        // Vapi redelivers what is not answered 2xx; a delivery that can never be stored is kept
        // for inspection and answered, so it is not redelivered forever.
        if (const QString problem = webhookproblems::problemOf(message); !problem.isEmpty())
            return keepProblem(message, rawBody, problem);
    }
    if (type == u"status-update")
        return statusUpdate(message, rawBody);
    if (type == u"end-of-call-report")
        return endOfCallReport(message, rawBody);
    if (type == u"assistant-request")
        return assistantRequest(message, rawBody);
    if (type == u"tool-calls")
        return {200, m_tools.answer(message)};
    if (type == u"transfer-destination-request")
        return {200, m_transfers.answer(message, QDateTime::currentDateTimeUtc())};
    // Live lines arrive many times a second: they are relayed, never redelivery-keyed (a line
    // Vapi sends again is shown again, which is harmless).
    if (changesNothing) {
        auto live = m_live.handle(message);
        if (!live)
            return failed(message, rawBody, live.error());
        return {200, *live};
    }
    return acknowledge(message, rawBody);
}

VapiWebhookService::Answer VapiWebhookService::acknowledge(const vapi::Message &m,
                                                           const QByteArray &rawBody)
{
    auto done =
        m_app.db.transaction<bool>(db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
            auto org = resolveOrg(tx, m);
            if (!org)
                return org.error();
            return recordDelivery(tx, *org, deliveryKey(m, rawBody), m, u"ignored"_s,
                                  u"Accepted; nothing to do for this message type."_s);
        });
    if (!done)
        return failed(m, rawBody, done.error());
    return received({{u"duplicate"_s, !*done}});
}

VapiWebhookService::Answer VapiWebhookService::statusUpdate(const vapi::Message &m,
                                                            const QByteArray &rawBody)
{
    const QString status = m.status() == u"scheduled" ? u"queued"_s : m.status();
    const QString key = deliveryKey(m, rawBody);
    QJsonObject extra;
    auto done =
        m_app.db.transaction<bool>(db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
            auto org = resolveOrg(tx, m);
            if (!org)
                return org.error();
            if (org->isEmpty()) {
                extra.insert(u"unresolved"_s, true);
                if (auto kept = keepUnresolved(tx, m, key); !kept)
                    return kept.error();
                return true;
            }
            const QString orgId = *org;
            const bool tracked = trackedStatuses.contains(m.status()) && !m.callId().isEmpty();
            auto fresh = recordDelivery(tx, orgId, key, m, tracked ? u"processed"_s : u"ignored"_s,
                                        QString());
            if (!fresh)
                return fresh.error();
            if (!*fresh || !tracked)
                return *fresh;
            if (auto claimed = claimCallBackRecord(tx, orgId, m); !claimed)
                return claimed.error();

            const Party party = partyOf(m);
            QDateTime started = m.startedAt();
            if (!started.isValid() && status == u"in-progress")
                started = m.timestamp();
            QDateTime ended = m.endedAt();
            if (!ended.isValid() && status == u"ended")
                ended = m.timestamp();
            QString transferTo;
            QDateTime transferAt;
            if (status == u"forwarding") {
                transferTo = transferTarget(m.destination());
                transferAt =
                    m.timestamp().isValid() ? m.timestamp() : QDateTime::currentDateTimeUtc();
            }
            const QString recording = status == u"in-progress" ? u"pending"_s
                                      : status == u"ended"     ? u"processing"_s
                                                               : QString();
            CallStatusUpdate update{factsOf(orgId, m, party), status};
            update.facts.startedAt = started;
            update.facts.endedAt = ended;
            if (status == u"ended")
                update.facts.endedReason = m.endedReason();
            update.facts.transferTo = transferTo;
            update.facts.transferTime = transferAt;
            update.facts.recordingStatus = recording;
            auto stored = CallLogStore::recordStatus(tx, update);
            if (!stored)
                return stored.error();
            if (!*stored)
                return fail(u"The Vapi call id belongs to another clinic."_s, ErrorKind::Conflict);
            if (auto kept = m_live.keepMonitor(tx, orgId, m); !kept)
                return kept.error();
            const StoredStatus &row = **stored;
            if (auto e = publishCall(tx, orgId, row.id, row.inserted, party, row.callerName,
                                     {{u"id"_s, row.id},
                                      {u"vapi_call_id"_s, m.callId()},
                                      {u"status"_s, row.status},
                                      {u"direction"_s, row.direction}});
                !e)
                return e.error();
            return true;
        });
    if (!done) {
        if (done.error().kind == ErrorKind::Conflict) {
            log::warn("vapi.webhooks", done.errorMessage(), {{u"call_id"_s, m.callId()}});
            return received({{u"ignored"_s, true}});
        }
        return failed(m, rawBody, done.error());
    }
    extra.insert(u"duplicate"_s, !*done);
    return received(extra);
}

VapiWebhookService::Answer VapiWebhookService::endOfCallReport(const vapi::Message &m,
                                                               const QByteArray &rawBody)
{
    const QString key = deliveryKey(m, rawBody);
    QJsonObject extra;
    if (m.callId().isEmpty()) {
        log::warn("vapi.webhooks", u"An end-of-call report without a call id was ignored."_s);
        return received({{u"ignored"_s, true}});
    }
    auto done =
        m_app.db.transaction<bool>(db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
            auto org = resolveOrg(tx, m);
            if (!org)
                return org.error();
            if (org->isEmpty()) {
                extra.insert(u"unresolved"_s, true);
                if (auto kept = keepUnresolved(tx, m, key); !kept)
                    return kept.error();
                return true;
            }
            const QString orgId = *org;
            auto fresh = recordDelivery(tx, orgId, key, m, u"processed"_s, QString());
            if (!fresh)
                return fresh.error();
            if (!*fresh)
                return false;
            auto policy = redaction::forOrg(tx, orgId, QDateTime::currentDateTimeUtc());
            if (!policy)
                return policy.error();

            // Redaction happens before anything is written: the unredacted text never reaches
            // the database, not even inside this transaction.
            const QJsonArray rawMessages = m.artifactMessages();
            const QString transcript = policy->text(m.transcript());
            const QJsonArray messages =
                policy->json(vapi::normalizeMessages(rawMessages)).toArray();
            const QString summary = policy->text(m.summary());
            const QString said = vapi::callerText(messages, transcript);
            sentiment::Sentiment mood;
            if (auto fromVapi = sentiment::fromAnalysis(m.analysis())) {
                mood = *fromVapi;
                if (mood.urgency.isEmpty())
                    mood.urgency = sentiment::estimateUrgency(said);
            } else {
                mood = sentiment::estimate(said);
            }

            const Party party = partyOf(m);
            const QString endedReason = m.endedReason();
            const calls::TransferInfo transfer = calls::transferFromEndedReason(endedReason);
            const QJsonObject destination = m.destination();
            const QString transferTo = transferTarget(destination);
            const bool transferred = transfer.transferred || !transferTo.isEmpty();
            QString transferReason = transfer.reason;
            if (transferred && transferReason.isEmpty())
                transferReason = destination.value(u"description"_s)
                                     .toString(u"Transferred to %1."_s.arg(transferTo));
            const QDateTime started = m.startedAt();
            const QDateTime ended = m.endedAt().isValid() ? m.endedAt() : m.timestamp();
            const QString recordingUrl = m.recordingUrl();
            const QString recordingStatus = !recordingUrl.isEmpty() ? u"completed"_s
                                            : started.isValid()     ? u"failed"_s
                                                                    : QString();
            if (auto claimed = claimCallBackRecord(tx, orgId, m); !claimed)
                return claimed.error();

            CallReport report;
            report.facts = factsOf(orgId, m, party);
            report.facts.startedAt = started;
            report.facts.endedAt = ended;
            report.facts.endedReason = endedReason;
            report.facts.recordingStatus = recordingStatus;
            if (transferred) {
                report.facts.transferTo = transferTo;
                report.facts.transferTime = ended;
                report.transferReason = transferReason;
            }
            report.transcript = transcript;
            report.messages = messages;
            report.summary = summary;
            report.sentimentScore = mood.score;
            report.sentimentLabel = mood.label;
            report.sentimentUrgency = mood.urgency;
            report.successEvaluation = m.successEvaluation();
            report.recordingUrl = recordingUrl;
            report.stereoRecordingUrl = m.stereoRecordingUrl();
            report.bookingToolCallIds = vapi::toolCallIds(rawMessages, u"bookClinicAppointment"_s);
            auto stored = CallLogStore::recordReport(tx, report);
            if (!stored)
                return stored.error();
            if (!*stored)
                return fail(u"The Vapi call id belongs to another clinic."_s, ErrorKind::Conflict);
            const QString callId = (*stored)->id;
            const bool inserted = (*stored)->inserted;
            if (auto dropped = m_live.keepMonitor(tx, orgId, m); !dropped)
                return dropped.error();

            QString callerName = m.customerName();
            QString contactId;
            if (party.valid) {
                auto contact =
                    tx.exec("INSERT INTO contacts (org_id, phone, name) VALUES ($1::uuid, $2, $3) "
                            "ON CONFLICT (org_id, phone) DO UPDATE SET phone = EXCLUDED.phone "
                            "RETURNING id, (xmax = 0), name",
                            {orgId, party.phone, orEmpty(m.customerName())});
                if (!contact)
                    return contact.error();
                contactId = contact->text(0, 0);
                if (callerName.isEmpty())
                    callerName = contact->text(0, 2);
                if (auto linked = CallLogStore::linkContact(tx, callId, contactId); !linked)
                    return linked.error();
                if (contact->toBool(0, 1)) {
                    if (auto e = events::publish(tx, orgId, u"contact.created"_s, u"contact"_s,
                                                 contactId, {{u"id"_s, contactId}});
                        !e)
                        return e.error();
                }
            }
            auto outcome = calloutcome::recompute(tx, orgId, callId);
            if (!outcome)
                return outcome.error();
            extra.insert(u"booked"_s, outcome->booked);
            extra.insert(u"lead_score"_s, outcome->leadScore);
            if (party.valid) {
                auto textBack =
                    missedcalltextback::plan(tx, {orgId, callId, (*stored)->direction, party.phone,
                                                  contactId, endedReason, started, ended});
                if (!textBack)
                    return textBack.error();
                extra.insert(u"text_back_queued"_s, *textBack);
            }
            if (auto e = publishCall(tx, orgId, callId, inserted, party, callerName,
                                     {{u"id"_s, callId},
                                      {u"vapi_call_id"_s, m.callId()},
                                      {u"status"_s, u"ended"_s},
                                      {u"report"_s, true},
                                      {u"direction"_s, (*stored)->direction},
                                      {u"booking_confirmed"_s, outcome->booked},
                                      {u"lead_score"_s, outcome->leadScore},
                                      {u"sentiment_label"_s, mood.label}});
                !e)
                return e.error();
            return true;
        });
    if (!done) {
        if (done.error().kind == ErrorKind::Conflict) {
            log::warn("vapi.webhooks", done.errorMessage(), {{u"call_id"_s, m.callId()}});
            return received({{u"ignored"_s, true}});
        }
        return failed(m, rawBody, done.error());
    }
    extra.insert(u"duplicate"_s, !*done);
    return received(extra);
}

VapiWebhookService::Answer VapiWebhookService::assistantRequest(const vapi::Message &m,
                                                                const QByteArray &rawBody)
{
    struct Reply
    {
        QString assistantId;
        CallerContext context;
        bool unresolved = false;
    };
    auto done = m_app.db.transaction<Reply>(
        db::Access::service(), [&](db::Transaction &tx) -> Result<Reply> {
            // Vapi drops the call after 7.5 s; a slow database must not take the whole budget.
            if (auto limited = tx.exec("SELECT set_config('statement_timeout', '2500', true)");
                !limited)
                return limited.error();
            Reply reply;
            auto org = orgOfVapiCall(tx, m.assistantId(), m.phoneNumberId());
            if (!org)
                return org.error();
            if (org->isEmpty()) {
                reply.unresolved = true;
                if (auto kept = keepUnresolved(tx, m, deliveryKey(m, rawBody)); !kept)
                    return kept.error();
                return reply;
            }
            if (auto kept = m_live.keepMonitor(tx, *org, m); !kept)
                return kept.error();
            auto agent = tx.exec(
                "SELECT a.vapi_assistant_id, s.time_zone FROM agents a JOIN org_settings s "
                "ON s.org_id = a.org_id WHERE a.org_id = $1::uuid AND a.vapi_assistant_id IS "
                "NOT NULL ORDER BY (a.direction = 'inbound') DESC LIMIT 1",
                {*org});
            if (!agent)
                return agent.error();
            if (agent->isEmpty())
                return reply;
            reply.assistantId = agent->text(0, 0);
            const QTimeZone zone(agent->text(0, 1).toLatin1());
            auto caller = phone::normalize(m.customerNumber(), QString()); // E.164 from Vapi
            if (caller) {
                auto context = loadCallerContext(tx, *org, *caller, zone);
                if (!context)
                    return context.error();
                reply.context = *context;
            }
            return reply;
        });
    if (!done) {
        log::error("vapi.webhooks", u"assistant-request could not be answered."_s,
                   {{u"error"_s, done.errorMessage()}});
        return {200,
                {{u"error"_s, u"Sorry, we can't take your call right now. Please try again in a "
                              "few minutes."_s}}};
    }
    if (done->assistantId.isEmpty())
        return {200,
                {{u"error"_s, u"Sorry, this line is not set up yet. Please call the clinic "
                              "again later."_s}}};
    return {
        200,
        {{u"assistantId"_s, done->assistantId},
         {u"assistantOverrides"_s, QJsonObject{{u"variableValues"_s, done->context.variables()}}}}};
}

} // namespace vox::server
