#include "ui/api/agentclient.h"

#include "ui/api/apiclient.h"

#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

void AgentClient::get(QObject *context, Callback<AgentConfig> done)
{
    m_api.requestJson<AgentConfig>("GET", u"/api/agent"_s, {}, nullptr, context, std::move(done),
                                   &AgentConfig::fromJson);
}

void AgentClient::save(const AgentConfig &agent, QObject *context, Callback<AgentConfig> done)
{
    const QJsonObject body{{u"name"_s, agent.name.trimmed()},
                           {u"voice"_s, agent.voice.trimmed()},
                           {u"first_message"_s, agent.firstMessage.trimmed()},
                           {u"system_prompt"_s, agent.systemPrompt.trimmed()}};
    m_api.requestJson<AgentConfig>("PUT", u"/api/agent"_s, {}, &body, context, std::move(done),
                                   &AgentConfig::fromJson);
}

} // namespace vox::ui
