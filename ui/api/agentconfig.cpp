#include "ui/api/agentconfig.h"

#include "ui/api/jsonfields.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

AgentConfig AgentConfig::fromJson(const QJsonObject &json)
{
    AgentConfig a;
    const QJsonObject agent = json.value(u"agent"_s).toObject();
    a.id = agent.value(u"id"_s).toString();
    a.name = agent.value(u"name"_s).toString();
    a.voice = agent.value(u"voice"_s).toString();
    a.voiceProvider = agent.value(u"voice_provider"_s).toString();
    a.firstMessage = agent.value(u"first_message"_s).toString();
    a.recordingDisclosure = agent.value(u"recording_disclosure"_s).toBool();
    a.firstMessageHeard = agent.value(u"first_message_heard"_s).toString(a.firstMessage);
    a.systemPrompt = agent.value(u"system_prompt"_s).toString();
    a.vapiAssistantId = agent.value(u"vapi_assistant_id"_s).toString();
    const QJsonObject sync = json.value(u"sync"_s).toObject();
    a.syncStatus = sync.value(u"status"_s).toString(u"not_synced"_s);
    a.syncError = sync.value(u"error"_s).toString();
    a.syncedAt = json::time(sync.value(u"synced_at"_s));
    const QJsonArray tools = sync.value(u"tools"_s).toArray();
    for (const QJsonValue &item : tools) {
        const QJsonObject t = item.toObject();
        a.tools << Tool{t.value(u"tool_name"_s).toString(), t.value(u"vapi_tool_id"_s).toString(),
                        json::time(t.value(u"linked_at"_s))};
    }
    return a;
}

} // namespace vox::ui
