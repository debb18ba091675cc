#include "server/services/callback.h"

#include "core/logging/log.h"
#include "server/events/eventpublisher.h"
#include "server/http/response.h"
#include "server/providers/vapiclient.h"
#include "server/store/calllogstore.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

Result<QJsonObject> CallBackService::callBack(const db::Access &access, const QString &orgId,
                                              const QString &contactId)
{
    struct Prepared
    {
        QString callId;
        QString phone;
        QString name;
        QString assistantId;
        QString phoneNumberId;
    };
    auto prepared =
        m_app.db.transaction<Prepared>(access, [&](db::Transaction &tx) -> Result<Prepared> {
            auto contact = tx.exec("SELECT phone, name FROM contacts WHERE id = $1::uuid AND "
                                   "org_id = $2::uuid",
                                   {contactId, orgId});
            if (!contact)
                return contact.error();
            if (contact->isEmpty())
                return http::status::notFound(u"That contact does not exist."_s);
            auto agent = tx.exec("SELECT id, vapi_assistant_id FROM agents WHERE org_id = "
                                 "$1::uuid AND vapi_assistant_id IS NOT NULL "
                                 "ORDER BY (direction = 'outbound') DESC LIMIT 1",
                                 {orgId});
            if (!agent)
                return agent.error();
            if (agent->isEmpty())
                return http::status::conflict(
                    u"The AI agent is not set up with Vapi yet: save it under Agent first."_s);
            auto number = tx.exec("SELECT vapi_phone_number_id, number FROM phone_numbers "
                                  "WHERE org_id = $1::uuid AND vapi_phone_number_id IS NOT NULL "
                                  "ORDER BY (agent_id = $2::uuid) DESC NULLS LAST, created_at "
                                  "LIMIT 1",
                                  {orgId, agent->text(0, 0)});
            if (!number)
                return number.error();
            if (number->isEmpty())
                return http::status::conflict(u"The clinic has no phone number connected to "
                                              "Vapi yet: connect Twilio under Integrations."_s);
            Prepared p{QString(), contact->text(0, 0), contact->text(0, 1), agent->text(0, 1),
                       number->text(0, 0)};
            auto call = CallLogStore::createPlacedCall(tx, {.orgId = orgId,
                                                            .contactId = contactId,
                                                            .phoneNumber = p.phone,
                                                            .callerName = p.name,
                                                            .fromNumber = number->text(0, 1),
                                                            .assistantId = p.assistantId,
                                                            .phoneNumberId = p.phoneNumberId});
            if (!call)
                return call.error();
            p.callId = *call;
            const QJsonObject payload{{u"id"_s, p.callId},
                                      {u"status"_s, u"pending"_s},
                                      {u"direction"_s, u"outbound"_s},
                                      {u"contact_id"_s, contactId}};
            if (auto e =
                    events::publish(tx, orgId, u"call.created"_s, u"call"_s, p.callId, payload);
                !e)
                return e.error();
            return p;
        });
    if (!prepared)
        return prepared.error();
    const Prepared &p = *prepared;

    providers::VapiClient vapi(m_app.config.vapiBaseUrl, m_app.config.vapiPrivateKey, m_app.retry);
    auto placed = vapi.createCall(
        p.assistantId, p.phoneNumberId, p.phone, p.name,
        {{u"name"_s, u"Call-back"_s},
         {u"assistantOverrides"_s,
          QJsonObject{{u"metadata"_s, QJsonObject{{u"voxanneCallId"_s, p.callId}}},
                      {u"variableValues"_s, QJsonObject{{u"callerName"_s, p.name}}}}}});
    if (placed && placed->value(u"id"_s).toString().isEmpty())
        placed = fail(u"Vapi accepted the call but sent no call id."_s, ErrorKind::ProviderFailed);

    auto finished =
        m_app.db.transaction<QJsonObject>(access, [&](db::Transaction &tx) -> Result<QJsonObject> {
            QString status;
            if (placed) {
                const QString vapiCallId = placed->value(u"id"_s).toString();
                auto accepted = CallLogStore::acceptPlacedCall(tx, orgId, p.callId, vapiCallId);
                if (!accepted)
                    return accepted.error();
                status = accepted->value_or(u"initiated"_s);
                if (auto c = tx.exec(
                        "UPDATE contacts SET last_contacted_at = greatest(last_contacted_at, "
                        "now()), lead_status = CASE WHEN vox_lead_status_rank(lead_status) < "
                        "vox_lead_status_rank('contacted') THEN 'contacted' ELSE lead_status END "
                        "WHERE id = $1::uuid AND org_id = $2::uuid",
                        {contactId, orgId});
                    !c)
                    return c.error();
            } else {
                status = u"failed"_s;
                if (auto failed = CallLogStore::failPlacedCall(tx, orgId, p.callId,
                                                               placed.errorMessage().left(1000));
                    !failed)
                    return failed.error();
            }
            QJsonObject event{
                {u"call_id"_s, p.callId}, {u"contact_id"_s, contactId}, {u"status"_s, status}};
            if (!placed)
                event.insert(u"error"_s, placed.errorMessage());
            if (auto e =
                    events::publish(tx, orgId, u"callback.updated"_s, u"call"_s, p.callId, event);
                !e)
                return e.error();
            if (auto e = events::publish(tx, orgId, u"call.updated"_s, u"call"_s, p.callId,
                                         {{u"id"_s, p.callId}, {u"status"_s, status}});
                !e)
                return e.error();
            return QJsonObject{{u"callId"_s, p.callId},
                               {u"vapiCallId"_s, placed ? placed->value(u"id"_s) : QJsonValue()},
                               {u"phone"_s, p.phone},
                               {u"status"_s, status}};
        });
    if (!finished)
        return finished.error();
    if (!placed) {
        log::warn(
            "callback", u"Vapi could not place a call-back."_s,
            {{u"org_id"_s, orgId}, {u"call_id"_s, p.callId}, {u"error"_s, placed.errorMessage()}});
        const QString message = u"The call could not be started: %1"_s.arg(placed.errorMessage());
        Error error = placed.error().kind == ErrorKind::Unavailable
                          ? http::status::serviceUnavailable(message)
                          : http::status::badGateway(message);
        error.subject = p.callId; // the failed record, for the route's answer
        return error;
    }
    return *finished;
}

} // namespace vox::server
