#include "server/routes/agent.h"

#include "server/http/jsonbody.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

void registerAgentRoutes(http::Router &router, std::shared_ptr<AgentService> agents)
{
    router.get(u"/api/agent"_s, http::Auth::User, [agents](http::Context &c) -> http::Reply {
        auto agent = agents->get(c.access(), c.orgId());
        if (!agent)
            return agent.error();
        return http::Response::json(*agent);
    });

    router.put(u"/api/agent"_s, http::Auth::Admin, [agents](http::Context &c) -> http::Reply {
        auto body = http::JsonBody::parse(c.request);
        if (!body)
            return body.error();
        auto name = body->requiredString(u"name"_s, 100);
        if (!name)
            return name.error();
        auto voice = body->optionalString(u"voice"_s, 100);
        if (!voice)
            return voice.error();
        auto first = body->optionalString(u"first_message"_s, 1000);
        if (!first)
            return first.error();
        auto prompt = body->optionalString(u"system_prompt"_s, 20000);
        if (!prompt)
            return prompt.error();
        if (*voice && (*voice)->isEmpty())
            return http::status::badRequest(u"'voice' cannot be empty."_s, u"voice"_s);
        AgentChanges changes{*name, *voice, *first, *prompt};
        auto saved = agents->save(c.access(), c.orgId(), changes);
        if (!saved)
            return saved.error();
        return http::Response::json(*saved);
    });
}

} // namespace vox::server
