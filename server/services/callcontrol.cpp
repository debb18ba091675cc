#include "server/services/callcontrol.h"

#include "core/logging/log.h"
#include "server/events/eventpublisher.h"
#include "server/http/outboundcall.h"
#include "server/http/response.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

// A control message either arrives at once or not at all; a call is not held for longer.
constexpr int controlTimeoutMs = 8000;

struct Target
{
    QString vapiCallId;
    QString controlUrl;
    QString number;          // transfer
    QString destinationName; // transfer
};

QString sentence(const QString &type)
{
    if (type == u"say")
        return u"say this to the caller"_s;
    if (type == u"whisper")
        return u"pass the note to the assistant"_s;
    if (type == u"mute" || type == u"unmute")
        return u"%1 the assistant"_s.arg(type);
    if (type == u"end")
        return u"end the call"_s;
    return u"transfer the call"_s;
}

} // namespace

QJsonObject CallControl::controlBody(const Action &action, const QString &number)
{
    if (action.type == u"say")
        return {{u"type"_s, u"say"_s},
                {u"content"_s, action.content},
                {u"endCallAfterSpoken"_s, action.endAfterSpoken}};
    if (action.type == u"whisper")
        return {
            {u"type"_s, u"add-message"_s},
            {u"message"_s, QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, action.content}}},
            {u"triggerResponseEnabled"_s, true}};
    if (action.type == u"mute" || action.type == u"unmute")
        return {
            {u"type"_s, u"control"_s},
            {u"control"_s, action.type == u"mute" ? u"mute-assistant"_s : u"unmute-assistant"_s}};
    if (action.type == u"end")
        return {{u"type"_s, u"end-call"_s}};
    QJsonObject transfer{
        {u"type"_s, u"transfer"_s},
        {u"destination"_s, QJsonObject{{u"type"_s, u"number"_s}, {u"number"_s, number}}}};
    if (!action.content.isEmpty())
        transfer.insert(u"content"_s, action.content);
    return transfer;
}

Result<QJsonObject> CallControl::act(const http::Principal &who, const QString &callId,
                                     const Action &action)
{
    if (action.type == u"end" && !who.isAdmin())
        return http::status::forbidden(u"Only an admin can end a call."_s);
    const db::Access access = who.access();
    auto target = m_app.db.transaction<Target>(access, [&](db::Transaction &tx) -> Result<Target> {
        auto call = tx.exec("SELECT vapi_call_id, status FROM call_logs WHERE id = $1::uuid AND "
                            "org_id = $2::uuid",
                            {callId, who.orgId});
        if (!call)
            return call.error();
        if (call->isEmpty())
            return http::status::notFound(u"Call not found."_s);
        const QString status = call->text(0, 1);
        if (status == u"ended" || status == u"failed")
            return http::status::conflict(u"The call has ended."_s);
        Target t;
        t.vapiCallId = call->text(0, 0);
        auto monitor = m_live.monitorOf(tx, who.orgId, t.vapiCallId);
        if (!monitor)
            return monitor.error();
        if (monitor->controlUrl.isEmpty())
            return http::status::conflict(
                u"This call cannot be taken over: Vapi gave it no control address."_s);
        t.controlUrl = monitor->controlUrl;
        if (action.type == u"transfer") {
            auto destination = tx.exec("SELECT number, name FROM transfer_destinations WHERE id = "
                                       "$1::uuid AND org_id = $2::uuid",
                                       {action.destinationId, who.orgId});
            if (!destination)
                return destination.error();
            if (destination->isEmpty())
                return http::status::unprocessable(u"Choose one of the clinic's transfer "
                                                   "destinations."_s,
                                                   u"destination_id"_s);
            t.number = destination->text(0, 0);
            t.destinationName = destination->text(0, 1);
        }
        return t;
    });
    if (!target)
        return target.error();

    // Vapi is called with no transaction open, and once.
    const QJsonObject body = controlBody(action, target->number);
    http::OutboundCall call;
    call.method = "POST";
    call.url = QUrl(target->controlUrl);
    call.contentType = "application/json";
    call.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    call.timeoutMs = controlTimeoutMs;
    call.headers.append(
        {QByteArray("Authorization"), QByteArray("Bearer " + m_app.config.vapiPublicKey.toUtf8())});
    const http::OutboundAnswer answer = http::exchangeOnce(call, "voxanne-server");

    QString problem;
    if (answer.status == 0)
        problem = answer.sent
                      ? u"Vapi did not answer, so the call may or may not have taken it; look at "
                        "the call before trying again."_s
                      : u"Vapi could not be reached; nothing was sent."_s;
    else if (!answer.ok())
        problem = u"Vapi refused to %1 (HTTP %2): %3"_s.arg(
            sentence(action.type), QString::number(answer.status),
            answer.json().toObject().value(u"message"_s).toString(u"no reason given"_s));
    // The address is a secret: the log names the call and the outcome only.
    log::info("vapi.control", u"A call was taken over from the console."_s,
              {{u"call_id"_s, callId},
               {u"type"_s, action.type},
               {u"status"_s, answer.status},
               {u"user_id"_s, who.userId}});

    QJsonObject details{{u"type"_s, action.type},
                        {u"vapi_status"_s, answer.status},
                        {u"success"_s, problem.isEmpty()}};
    if (!action.content.isEmpty())
        details.insert(u"content"_s, action.content);
    if (!target->number.isEmpty()) {
        details.insert(u"destination"_s, target->destinationName);
        details.insert(u"number"_s, target->number);
    }
    if (!problem.isEmpty())
        details.insert(u"problem"_s, problem);
    auto recorded = m_app.db.transaction<bool>(access, [&](db::Transaction &tx) -> Result<bool> {
        auto audited = tx.exec("INSERT INTO audit_log (org_id, actor_id, action, entity_type, "
                               "entity_id, details) VALUES ($1::uuid, $2::uuid, $3, 'call', "
                               "$4::uuid, $5::jsonb)",
                               {who.orgId, who.userId, QString(u"call.control."_s + action.type),
                                callId, QJsonValue(details)});
        if (!audited)
            return audited.error();
        QJsonObject payload{{u"call_id"_s, callId},
                            {u"type"_s, action.type},
                            {u"success"_s, problem.isEmpty()},
                            {u"user_id"_s, who.userId}};
        if (!target->destinationName.isEmpty())
            payload.insert(u"destination"_s, target->destinationName);
        if (action.type == u"transfer" && problem.isEmpty()) {
            auto noted =
                tx.exec("UPDATE call_logs SET transfer_to = $3, transfer_time = now(), "
                        "transfer_reason = $4, updated_at = now() WHERE id = $1::uuid "
                        "AND org_id = $2::uuid",
                        {callId, who.orgId, target->number,
                         u"Transferred to %1 from the console."_s.arg(target->destinationName)});
            if (!noted)
                return noted.error();
        }
        auto e = events::publish(tx, who.orgId, u"live.control"_s, u"call"_s, callId, payload);
        if (!e)
            return e.error();
        return true;
    });
    if (!recorded)
        log::error("vapi.control", u"A console action on a call could not be audited."_s,
                   {{u"call_id"_s, callId}, {u"error"_s, recorded.errorMessage()}});
    if (!problem.isEmpty())
        return http::status::badGateway(problem);
    return QJsonObject{{u"success"_s, true}, {u"type"_s, action.type}, {u"call_id"_s, callId}};
}

} // namespace vox::server
