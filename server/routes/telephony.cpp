#include "server/routes/telephony.h"

#include "core/twiliosignature.h"
#include "server/http/jsonbody.h"
#include "server/services/calleridverification.h"
#include "server/services/forwardingconfigs.h"
#include "server/services/sandboxkeypad.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

http::Reply reply(const Result<telephony::Answer> &answer)
{
    if (!answer)
        return answer.error();
    if (answer->status == 204) {
        http::Response r;
        r.status = 204;
        return r;
    }
    http::Response r = http::Response::json(answer->body, answer->status);
    if (answer->status == 429 && answer->retryAfterSeconds > 0)
        r.withHeader("Retry-After", QByteArray::number(answer->retryAfterSeconds));
    return r;
}

// The code a person types on the phone for a verification, as confirming it and the sandbox's
// simulated answer both take it.
struct CodeEntry
{
    QString id;
    QString code;

    static Result<CodeEntry> parse(const http::Request &request)
    {
        auto body = http::JsonBody::parse(request);
        if (!body)
            return body.error();
        auto id = body->requiredUuid(u"verificationId"_s);
        if (!id)
            return id.error();
        auto code = body->requiredString(u"verificationCode"_s, 20);
        if (!code)
            return code.error();
        return CodeEntry{*id, *code};
    }
};

} // namespace

void registerTelephonyRoutes(http::Router &router, AppContext &app)
{
    auto callerIds = std::make_shared<CallerIdVerification>(app);
    auto forwardingConfigs = std::make_shared<ForwardingConfigs>(app);
    const QString base = u"/api/telephony"_s;

    router.post(base + u"/verify-caller-id/initiate"_s, http::Auth::Admin,
                [callerIds](http::Context &c) -> http::Reply {
                    auto body = http::JsonBody::parse(c.request);
                    if (!body)
                        return body.error();
                    auto number = body->requiredString(u"phoneNumber"_s, 40);
                    if (!number)
                        return number.error();
                    auto name = body->optionalString(u"friendlyName"_s, 64);
                    if (!name)
                        return name.error();
                    return reply(
                        callerIds->initiate(c.access(), *number, name->value_or(QString())));
                });

    router.post(base + u"/verify-caller-id/confirm"_s, http::Auth::Admin,
                [callerIds](http::Context &c) -> http::Reply {
                    auto entry = CodeEntry::parse(c.request);
                    if (!entry)
                        return entry.error();
                    return reply(callerIds->confirm(c.access(), entry->id, entry->code));
                });

    // The demo's "simulate answering the call": 404 unless every provider is the sandbox.
    auto keypad = std::make_shared<SandboxKeypad>(app);
    router.post(base + u"/verify-caller-id/sandbox-answer"_s, http::Auth::Admin,
                [keypad](http::Context &c) -> http::Reply {
                    auto entry = CodeEntry::parse(c.request);
                    if (!entry)
                        return entry.error();
                    return reply(keypad->typeCode(c.access(), entry->id, entry->code));
                });

    router.get(base + u"/verified-numbers"_s, http::Auth::Admin,
               [callerIds](http::Context &c) -> http::Reply {
                   return reply(callerIds->verifiedNumbers(c.access()));
               });

    router.get(base + u"/forwarding-config"_s, http::Auth::Admin,
               [forwardingConfigs](http::Context &c) -> http::Reply {
                   const QString id = c.request.queryValue(u"verifiedCallerId"_s);
                   if (!http::isUuid(id))
                       return http::status::badRequest(
                           u"'verifiedCallerId' must be the id of a verified number."_s,
                           u"verifiedCallerId"_s);
                   return reply(forwardingConfigs->forwardingConfig(c.access(), id.toLower()));
               });

    router.post(
        base + u"/forwarding-config"_s, http::Auth::Admin,
        [forwardingConfigs](http::Context &c) -> http::Reply {
            auto body = http::JsonBody::parse(c.request);
            if (!body)
                return body.error();
            auto id = body->requiredUuid(u"verifiedCallerId"_s);
            if (!id)
                return id.error();
            auto type = body->requiredEnum(u"forwardingType"_s, {u"total_ai"_s, u"safety_net"_s});
            if (!type)
                return type.error();
            auto carrier = body->requiredEnum(u"carrier"_s, {u"att"_s, u"tmobile"_s, u"verizon"_s,
                                                             u"sprint"_s, u"other_gsm"_s,
                                                             u"other_cdma"_s, u"international"_s});
            if (!carrier)
                return carrier.error();
            auto ring = body->optionalInt(u"ringTimeSeconds"_s, 5, 60);
            if (!ring)
                return ring.error();
            auto country = body->optionalString(u"carrierCountryCode"_s, 2);
            if (!country)
                return country.error();
            ForwardingConfigs::ForwardingRequest request;
            request.verifiedCallerId = *id;
            request.forwardingType = *type;
            request.carrier = *carrier;
            if (*ring)
                request.ringTimeSeconds = int(**ring);
            request.countryCode = country->value_or(QString());
            return reply(forwardingConfigs->createForwardingConfig(c.access(), request));
        });

    router.post(base + u"/forwarding-config/confirm"_s, http::Auth::Admin,
                [forwardingConfigs](http::Context &c) -> http::Reply {
                    auto body = http::JsonBody::parse(c.request);
                    if (!body)
                        return body.error();
                    auto id = body->requiredUuid(u"forwardingConfigId"_s);
                    if (!id)
                        return id.error();
                    return reply(forwardingConfigs->confirmForwarding(c.access(), *id));
                });

    router.del(base + u"/forwarding-config/:configId"_s, http::Auth::Admin,
               [forwardingConfigs](http::Context &c) -> http::Reply {
                   auto id = http::uuidParam(c.request, u"configId"_s);
                   if (!id)
                       return id.error();
                   return reply(forwardingConfigs->disableForwarding(c.access(), *id));
               });

    router.del(base + u"/verified-numbers/:verifiedId"_s, http::Auth::Admin,
               [callerIds](http::Context &c) -> http::Reply {
                   auto id = http::uuidParam(c.request, u"verifiedId"_s);
                   if (!id)
                       return id.error();
                   return reply(callerIds->removeVerifiedNumber(c.access(), *id));
               });

    // Twilio's StatusCallback for a validation call; proven by X-Twilio-Signature, not a user.
    router.post(base + u"/twilio/validation-status/:verificationId"_s, http::Auth::Public,
                [callerIds](http::Context &c) -> http::Reply {
                    auto id = http::uuidParam(c.request, u"verificationId"_s);
                    if (!id)
                        return id.error();
                    return reply(callerIds->validationCallback(
                        *id, callerIds->callbackUrl(c.request.param(u"verificationId"_s)),
                        c.request.header("x-twilio-signature"),
                        twilio::formParameters(c.request.body)));
                });
}

} // namespace vox::server
