#include "server/services/forwardingconfigs.h"

#include "core/forwardingcodes.h"
#include "server/http/response.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

using Answer = ForwardingConfigs::Answer;
using telephony::answer;
using telephony::orNull;
using telephony::publishUpdate;
using telephony::refusal;

QString carrierName(const QString &carrier)
{
    static const QHash<QString, QString> names{{u"att"_s, u"AT&T"_s},
                                               {u"tmobile"_s, u"T-Mobile"_s},
                                               {u"verizon"_s, u"Verizon"_s},
                                               {u"sprint"_s, u"Sprint"_s}};
    return names.value(carrier, u"your carrier"_s);
}

const char *const configColumns =
    "id, verified_caller_id, sim_phone_number, forwarding_type, carrier, carrier_country_code, "
    "ring_time_seconds, twilio_forwarding_number, generated_activation_code, "
    "generated_deactivation_code, status, user_confirmed_setup, "
    "to_json(confirmed_at)#>>'{}', to_json(created_at)#>>'{}', to_json(updated_at)#>>'{}'";

QJsonObject configJson(const db::PgResult &r, int row = 0)
{
    QJsonObject config{
        {u"id"_s, r.text(row, 0)},
        {u"verifiedCallerId"_s, r.text(row, 1)},
        {u"simPhoneNumber"_s, r.text(row, 2)},
        {u"forwardingType"_s, r.text(row, 3)},
        {u"carrier"_s, r.text(row, 4)},
        {u"carrierCountryCode"_s, orNull(r.text(row, 5))},
        {u"ringTimeSeconds"_s, r.isNull(row, 6) ? QJsonValue() : QJsonValue(r.toInt(row, 6))},
        {u"twilioForwardingNumber"_s, r.text(row, 7)},
        {u"generatedActivationCode"_s, r.text(row, 8)},
        {u"generatedDeactivationCode"_s, r.text(row, 9)},
        {u"status"_s, r.text(row, 10)},
        {u"userConfirmedSetup"_s, r.toBool(row, 11)},
        {u"confirmedAt"_s, orNull(r.text(row, 12))},
        {u"createdAt"_s, r.text(row, 13)},
        {u"updatedAt"_s, r.text(row, 14)}};
    // The steps are derived from the stored codes, so they always match what is shown.
    const auto carrier = forwarding::carrierFromString(r.text(row, 4));
    const auto mode = forwarding::modeFromString(r.text(row, 3));
    if (carrier && mode) {
        auto codes = forwarding::generate(*carrier, *mode, r.text(row, 7),
                                          r.isNull(row, 6) ? 25 : int(r.toInt(row, 6)));
        if (codes)
            config.insert(u"instructions"_s, QJsonArray::fromStringList(codes->instructions));
    }
    return config;
}

} // namespace

Result<Answer> ForwardingConfigs::forwardingConfig(const db::Access &access,
                                                   const QString &verifiedCallerId)
{
    return m_app.db.transaction<Answer>(access, [&](db::Transaction &tx) -> Result<Answer> {
        auto owner = tx.exec("SELECT 1 FROM verified_caller_ids WHERE id = $1::uuid AND org_id = "
                             "$2::uuid",
                             {verifiedCallerId, access.orgId});
        if (!owner)
            return owner.error();
        if (owner->isEmpty())
            return http::status::notFound(u"No such verified number."_s);
        auto row = tx.exec(QByteArray("SELECT ") + configColumns +
                               " FROM hybrid_forwarding_configs WHERE verified_caller_id = "
                               "$1::uuid AND org_id = $2::uuid",
                           {verifiedCallerId, access.orgId});
        if (!row)
            return row.error();
        return answer(
            200, {{u"success"_s, true},
                  {u"config"_s, row->isEmpty() ? QJsonValue() : QJsonValue(configJson(*row))}});
    });
}

Result<Answer> ForwardingConfigs::createForwardingConfig(const db::Access &access,
                                                         const ForwardingRequest &request)
{
    const auto carrier = forwarding::carrierFromString(request.carrier);
    const auto mode = forwarding::modeFromString(request.forwardingType);
    if (!carrier || !mode)
        return http::status::badRequest(u"Unknown carrier or forwarding type."_s);
    return m_app.db.transaction<Answer>(access, [&](db::Transaction &tx) -> Result<Answer> {
        auto verified = tx.exec("SELECT phone_number, status FROM verified_caller_ids WHERE id = "
                                "$1::uuid AND org_id = $2::uuid",
                                {request.verifiedCallerId, access.orgId});
        if (!verified)
            return verified.error();
        if (verified->isEmpty())
            return http::status::notFound(u"No such verified number."_s);
        if (verified->text(0, 1) != u"verified")
            return refusal(409, u"Verify this number before setting up forwarding."_s);
        const QString sim = verified->text(0, 0);

        // Where the calls go: the clinic's Twilio number that Vapi answers.
        auto number = tx.exec("SELECT number FROM phone_numbers WHERE org_id = $1::uuid AND "
                              "provider = 'twilio' AND vapi_phone_number_id IS NOT NULL "
                              "ORDER BY created_at DESC LIMIT 1",
                              {access.orgId});
        if (!number)
            return number.error();
        const QString destination =
            number->isEmpty() ? m_app.config.twilioPhoneNumber : number->text(0, 0);
        if (destination.isEmpty())
            return refusal(400, u"Connect the clinic's Twilio number to Voxanne first "
                                "(Integrations, Twilio)."_s);
        if (destination == sim)
            return refusal(400, u"A number cannot forward to itself."_s);

        const int ring = request.ringTimeSeconds.value_or(25);
        if (auto ok = forwarding::validateRingTime(*carrier, *mode, ring); !ok)
            return refusal(400, ok.errorMessage(), {{u"field"_s, u"ringTimeSeconds"_s}});
        auto codes = forwarding::generate(*carrier, *mode, destination, ring);
        if (!codes)
            return refusal(400, codes.errorMessage());
        auto row = tx.exec(
            QByteArray("INSERT INTO hybrid_forwarding_configs (org_id, verified_caller_id, "
                       "sim_phone_number, forwarding_type, carrier, carrier_country_code, "
                       "twilio_forwarding_number, ring_time_seconds, generated_activation_code, "
                       "generated_deactivation_code, status, user_confirmed_setup) VALUES "
                       "($1::uuid, $2::uuid, $3, $4, $5, $6, $7, $8, $9, $10, 'pending_setup', "
                       "false) ON CONFLICT (org_id, sim_phone_number) DO UPDATE SET "
                       "verified_caller_id = EXCLUDED.verified_caller_id, forwarding_type = "
                       "EXCLUDED.forwarding_type, carrier = EXCLUDED.carrier, "
                       "carrier_country_code = EXCLUDED.carrier_country_code, "
                       "twilio_forwarding_number = EXCLUDED.twilio_forwarding_number, "
                       "ring_time_seconds = EXCLUDED.ring_time_seconds, "
                       "generated_activation_code = EXCLUDED.generated_activation_code, "
                       "generated_deactivation_code = EXCLUDED.generated_deactivation_code, "
                       "status = 'pending_setup', user_confirmed_setup = false, confirmed_at = "
                       "NULL RETURNING ") +
                configColumns,
            {access.orgId, request.verifiedCallerId, sim, request.forwardingType, request.carrier,
             request.countryCode.isEmpty() ? u"US"_s : request.countryCode.toUpper(), destination,
             codes->ringTimeApplied ? db::Param(ring) : db::Param(nullptr), codes->activation,
             codes->deactivation});
        if (!row)
            return row.error();
        const QJsonObject config = configJson(*row);
        if (auto p = publishUpdate(tx, access.orgId, u"forwarding_config"_s,
                                   config.value(u"id"_s).toString(),
                                   {{u"status"_s, u"pending_setup"_s}});
            !p)
            return p.error();
        return answer(201, {{u"success"_s, true}, {u"config"_s, config}});
    });
}

Result<Answer> ForwardingConfigs::confirmForwarding(const db::Access &access,
                                                    const QString &configId)
{
    return m_app.db.transaction<Answer>(access, [&](db::Transaction &tx) -> Result<Answer> {
        auto row = tx.exec("UPDATE hybrid_forwarding_configs SET status = 'active', "
                           "user_confirmed_setup = true, confirmed_at = coalesce(CASE WHEN "
                           "status = 'active' THEN confirmed_at END, now()) WHERE id = $1::uuid "
                           "AND org_id = $2::uuid RETURNING id",
                           {configId, access.orgId});
        if (!row)
            return row.error();
        if (row->isEmpty())
            return http::status::notFound(u"No such forwarding configuration."_s);
        if (auto p = publishUpdate(tx, access.orgId, u"forwarding_config"_s, configId,
                                   {{u"status"_s, u"active"_s}});
            !p)
            return p.error();
        return answer(200, {{u"success"_s, true},
                            {u"message"_s, u"Setup confirmed! Your calls are now forwarding to "
                                           "Voxanne AI."_s},
                            {u"status"_s, u"active"_s}});
    });
}

Result<Answer> ForwardingConfigs::disableForwarding(const db::Access &access,
                                                    const QString &configId)
{
    return m_app.db.transaction<Answer>(access, [&](db::Transaction &tx) -> Result<Answer> {
        auto row = tx.exec("UPDATE hybrid_forwarding_configs SET status = 'disabled', "
                           "user_confirmed_setup = false WHERE id = $1::uuid AND org_id = "
                           "$2::uuid RETURNING carrier, generated_deactivation_code",
                           {configId, access.orgId});
        if (!row)
            return row.error();
        if (row->isEmpty())
            return http::status::notFound(u"No such forwarding configuration."_s);
        if (auto p = publishUpdate(tx, access.orgId, u"forwarding_config"_s, configId,
                                   {{u"status"_s, u"disabled"_s}});
            !p)
            return p.error();
        const QString code = row->text(0, 1);
        return answer(200,
                      {{u"success"_s, true},
                       {u"message"_s, u"Forwarding disabled. Dial: %1 (%2) to deactivate."_s.arg(
                                          code, carrierName(row->text(0, 0)))},
                       {u"deactivationCode"_s, code},
                       {u"status"_s, u"disabled"_s}});
    });
}

} // namespace vox::server
