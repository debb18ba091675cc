#include "server/services/agentservice.h"

#include "core/logging/log.h"
#include "server/events/eventpublisher.h"
#include "server/http/response.h"
#include "server/providers/vapiclient.h"
#include "server/services/publicurl.h"
#include "server/services/tooldefinitions.h"
#include "server/services/toolsync.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

constexpr const char *agentColumns =
    "json_build_object('id', id, 'name', name, 'voice', voice, 'voice_provider', voice_provider, "
    "'first_message', first_message, 'system_prompt', system_prompt, 'direction', direction, "
    "'vapi_assistant_id', vapi_assistant_id)";

// The messages Vapi sends to our webhook (assistant.serverMessages).
const QStringList serverMessages{u"status-update"_s, u"end-of-call-report"_s, u"tool-calls"_s,
                                 u"hang"_s, u"transfer-update"_s};

QJsonObject mergeObject(QJsonObject base, const QJsonObject &over)
{
    for (auto it = over.begin(); it != over.end(); ++it)
        base.insert(it.key(), it.value());
    return base;
}

} // namespace

QJsonObject AgentService::assistantBody(const QJsonObject &agent, const QJsonObject &current) const
{
    const QString prompt = agent.value(u"system_prompt"_s).toString();
    // The model: Vapi's (provider, model, toolIds, temperature, ...) with our system prompt.
    QJsonObject model = current.value(u"model"_s).toObject();
    if (model.value(u"provider"_s).toString().isEmpty())
        model.insert(u"provider"_s, u"openai"_s);
    if (model.value(u"model"_s).toString().isEmpty())
        model.insert(u"model"_s, u"gpt-4o"_s);
    QJsonArray messages;
    bool replaced = false;
    for (const QJsonValue &m : model.value(u"messages"_s).toArray()) {
        if (!replaced && m.toObject().value(u"role"_s).toString() == u"system") {
            messages.append(QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, prompt}});
            replaced = true;
        } else {
            messages.append(m);
        }
    }
    if (!replaced)
        messages.prepend(QJsonObject{{u"role"_s, u"system"_s}, {u"content"_s, prompt}});
    model.insert(u"messages"_s, messages);

    const QJsonObject voice =
        mergeObject(current.value(u"voice"_s).toObject(),
                    QJsonObject{{u"provider"_s, agent.value(u"voice_provider"_s)},
                                {u"voiceId"_s, agent.value(u"voice"_s)}});
    const QJsonObject server = mergeObject(
        current.value(u"server"_s).toObject(),
        QJsonObject{
            {u"url"_s, publicUrl(m_app.config, u"/api/webhooks/vapi"_s)},
            {u"headers"_s, QJsonObject{{u"x-vapi-secret"_s, m_app.config.vapiWebhookSecret}}}});
    // Sentiment and urgency come back in analysis.structuredData (S-analytics).
    QJsonObject analysisPlan = current.value(u"analysisPlan"_s).toObject();
    analysisPlan.insert(
        u"structuredDataPlan"_s,
        mergeObject(
            analysisPlan.value(u"structuredDataPlan"_s).toObject(),
            QJsonObject{
                {u"enabled"_s, true},
                {u"schema"_s,
                 QJsonObject{
                     {u"type"_s, u"object"_s},
                     {u"properties"_s,
                      QJsonObject{
                          {u"sentiment"_s,
                           QJsonObject{{u"type"_s, u"string"_s},
                                       {u"enum"_s,
                                        QJsonArray{u"positive"_s, u"neutral"_s, u"negative"_s}}}},
                          {u"sentimentScore"_s,
                           QJsonObject{{u"type"_s, u"number"_s},
                                       {u"description"_s, u"-1 (negative) to 1 (positive)"_s}}},
                          {u"urgency"_s, QJsonObject{{u"type"_s, u"string"_s},
                                                     {u"enum"_s, QJsonArray{u"low"_s, u"medium"_s,
                                                                            u"high"_s}}}}}}}}}));
    const QJsonObject artifactPlan = mergeObject(current.value(u"artifactPlan"_s).toObject(),
                                                 QJsonObject{{u"recordingEnabled"_s, true}});
    return {{u"name"_s, agent.value(u"name"_s)},
            {u"firstMessage"_s, agent.value(u"first_message"_s)},
            {u"model"_s, model},
            {u"voice"_s, voice},
            {u"server"_s, server},
            {u"serverMessages"_s, QJsonArray::fromStringList(serverMessages)},
            {u"analysisPlan"_s, analysisPlan},
            {u"artifactPlan"_s, artifactPlan}};
}

Result<QJsonObject> AgentService::get(const db::Access &access, const QString &orgId)
{
    return m_app.db.transaction<QJsonObject>(
        access, [&](db::Transaction &tx) -> Result<QJsonObject> {
            auto agent = tx.exec(QByteArray("SELECT ") + agentColumns +
                                     ", sync_status, sync_error, synced_at FROM agents WHERE "
                                     "org_id = $1::uuid AND direction = 'inbound'",
                                 {orgId});
            if (!agent)
                return agent.error();
            if (agent->isEmpty())
                return http::status::notFound(u"This clinic has no agent yet."_s);
            auto tools = tx.exec(
                "SELECT coalesce(json_agg(json_build_object('tool_name', tool_name, "
                "'vapi_tool_id', vapi_tool_id, 'linked_at', linked_at) ORDER BY tool_name), "
                "'[]') FROM org_tools WHERE org_id = $1::uuid",
                {orgId});
            if (!tools)
                return tools.error();
            QJsonObject sync{
                {u"status"_s, agent->text(0, 1)},
                {u"error"_s, agent->isNull(0, 2) ? QJsonValue() : QJsonValue(agent->text(0, 2))},
                {u"synced_at"_s, agent->toJson(0, 3)},
                {u"tools"_s, tools->toJson(0, 0)}};
            if (!agent->isNull(0, 3))
                sync.insert(u"synced_at"_s, agent->toDateTime(0, 3).toString(Qt::ISODateWithMs));
            return QJsonObject{{u"agent"_s, agent->toJson(0, 0)}, {u"sync"_s, sync}};
        });
}

Result<QJsonObject> AgentService::save(const db::Access &access, const QString &orgId,
                                       const AgentChanges &changes)
{
    providers::VapiClient vapi(m_app.config.vapiBaseUrl, m_app.config.vapiPrivateKey, m_app.retry);
    Error vapiError;
    auto saved = m_app.db.transaction<bool>(access, [&](db::Transaction &tx) -> Result<bool> {
        // The row lock makes concurrent saves queue up, so one assistant is created, not two.
        auto agent = tx.exec(
            QByteArray("UPDATE agents SET name = $2, voice = coalesce($3, voice), "
                       "first_message = coalesce($4, first_message), system_prompt = "
                       "coalesce($5, system_prompt) WHERE org_id = $1::uuid AND direction = "
                       "'inbound' RETURNING ") +
                agentColumns,
            {orgId, changes.name, changes.voice, changes.firstMessage, changes.systemPrompt});
        if (!agent)
            return agent.error();
        if (agent->isEmpty())
            return http::status::notFound(u"This clinic has no agent yet."_s);
        const QJsonObject row = agent->toJson(0, 0).toObject();
        QString assistantId = row.value(u"vapi_assistant_id"_s).toString();
        Result<QJsonObject> pushed = QJsonObject{};
        if (!assistantId.isEmpty()) {
            auto current = vapi.getAssistant(assistantId);
            if (current) {
                pushed = vapi.updateAssistant(assistantId, assistantBody(row, *current));
            } else if (current.error().subject == u"404") {
                assistantId.clear(); // deleted in Vapi's dashboard: create it again
            } else {
                pushed = current.error();
            }
        }
        if (assistantId.isEmpty()) {
            pushed = vapi.createAssistant(assistantBody(row, {}));
            if (pushed)
                assistantId = pushed->value(u"id"_s).toString();
        }
        if (!pushed) {
            vapiError = pushed.error();
            return pushed.error();
        }
        if (auto stored = tx.exec("UPDATE agents SET vapi_assistant_id = $2, sync_status = "
                                  "'pending', sync_error = NULL WHERE id = $1::uuid",
                                  {row.value(u"id"_s).toString(), assistantId});
            !stored)
            return stored.error();
        if (auto queued = ToolSync::queue(tx, orgId); !queued)
            return queued.error();
        auto e = events::publish(
            tx, orgId, u"agent.updated"_s, u"agent"_s, row.value(u"id"_s).toString(),
            {{u"vapi_assistant_id"_s, assistantId}, {u"sync_status"_s, u"pending"_s}});
        if (!e)
            return e.error();
        return true;
    });
    if (!saved) {
        if (vapiError.message.isEmpty())
            return saved.error();
        // Nothing was saved: the clinic's settings and Vapi stay as they were. Say why.
        log::warn("agent", u"Vapi refused the assistant."_s,
                  {{u"org_id"_s, orgId}, {u"error"_s, vapiError.message}});
        const QString message =
            u"Vapi did not accept the assistant, so nothing was saved: %1"_s.arg(vapiError.message);
        return vapiError.code == u"503" ? http::status::serviceUnavailable(message)
                                        : http::status::badGateway(message);
    }
    m_app.jobs.wake();
    return get(access, orgId);
}

} // namespace vox::server
