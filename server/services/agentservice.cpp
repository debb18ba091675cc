#include "server/services/agentservice.h"

#include "core/logging/log.h"
#include "server/events/eventpublisher.h"
#include "server/http/response.h"
#include "server/providers/vapiclient.h"
#include "server/services/providerlease.h"
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

// The assistant's metadata key naming our agent.
constexpr const char *assistantAgentTag = "voxanneAgentId";

// A save waits this long for another save of the same agent to finish at Vapi.
constexpr ProviderLease::Timing assistantLease{.holdMs = 300000, .waitMs = 20000, .pollMs = 50};

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
    // Which agent the assistant is for, so that one whose creation was never recorded (the
    // instance died, or Vapi's answer was lost) is found and adopted rather than duplicated.
    const QJsonObject metadata =
        mergeObject(current.value(u"metadata"_s).toObject(),
                    QJsonObject{{QString::fromLatin1(assistantAgentTag), agent.value(u"id"_s)}});
    return {{u"name"_s, agent.value(u"name"_s)},
            {u"metadata"_s, metadata},
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
    auto found = m_app.db.query(
        access, "SELECT id FROM agents WHERE org_id = $1::uuid AND direction = 'inbound'", {orgId});
    if (!found)
        return found.error();
    if (found->isEmpty())
        return http::status::notFound(u"This clinic has no agent yet."_s);
    const QString agentId = found->text(0, 0);

    // Vapi is called with no transaction open: a transaction can be re-run after a
    // serialization failure, or fail to commit after Vapi acted, and either would create a
    // second assistant. Concurrent saves of this agent, on any instance, take turns on the lease.
    auto lease =
        ProviderLease::acquire(m_app.db, ProviderLease::assistantKey(agentId), assistantLease);
    if (!lease) {
        if (lease.error().code == u"409")
            return http::status::conflict(u"Another save of this agent is still being sent to "
                                          "Vapi; please try again in a moment."_s);
        return lease.error();
    }

    // The agent as the previous save left it, with these changes.
    auto current = m_app.db.query(
        access, QByteArray("SELECT ") + agentColumns + " FROM agents WHERE id = $1::uuid",
        {agentId});
    if (!current)
        return current.error();
    if (current->isEmpty())
        return http::status::notFound(u"This clinic has no agent yet."_s);
    QJsonObject row = current->toJson(0, 0).toObject();
    row.insert(u"name"_s, changes.name);
    if (changes.voice)
        row.insert(u"voice"_s, *changes.voice);
    if (changes.firstMessage)
        row.insert(u"first_message"_s, *changes.firstMessage);
    if (changes.systemPrompt)
        row.insert(u"system_prompt"_s, *changes.systemPrompt);
    const QString recordedId = row.value(u"vapi_assistant_id"_s).toString();

    providers::VapiClient vapi(m_app.config.vapiBaseUrl, m_app.config.vapiPrivateKey, m_app.retry);
    QString assistantId = recordedId;
    QString created; // an assistant this save made at Vapi
    Result<QJsonObject> pushed = QJsonObject{};
    if (!assistantId.isEmpty()) {
        auto fetched = vapi.getAssistant(assistantId);
        if (fetched) {
            pushed = vapi.updateAssistant(assistantId, assistantBody(row, *fetched));
        } else if (fetched.error().subject == u"404") {
            assistantId.clear(); // deleted in Vapi's dashboard: create it again
        } else {
            pushed = fetched.error();
        }
    }
    if (assistantId.isEmpty()) {
        auto orphan = findUnrecordedAssistant(vapi, agentId);
        if (!orphan) {
            pushed = orphan.error();
        } else if (!orphan->isEmpty()) {
            assistantId = orphan->value(u"id"_s).toString();
            pushed = vapi.updateAssistant(assistantId, assistantBody(row, *orphan));
        }
    }
    if (assistantId.isEmpty() && pushed) {
        pushed = vapi.createAssistant(assistantBody(row, {}));
        if (pushed) {
            assistantId = created = pushed->value(u"id"_s).toString();
            if (created.isEmpty())
                pushed = fail(u"Vapi created the assistant without an id."_s, u"502"_s, u"200"_s);
        }
    }
    if (!pushed) {
        // Nothing was saved: the clinic's settings and Vapi stay as they were. Say why.
        const Error &vapiError = pushed.error();
        log::warn("agent", u"Vapi refused the assistant."_s,
                  {{u"org_id"_s, orgId}, {u"error"_s, vapiError.message}});
        const QString message =
            u"Vapi did not accept the assistant, so nothing was saved: %1"_s.arg(vapiError.message);
        return vapiError.code == u"503" ? http::status::serviceUnavailable(message)
                                        : http::status::badGateway(message);
    }

    // The outcome is recorded only while the lease is still ours and the agent still names the
    // assistant read above (compare-and-set); a re-run of this transaction calls no one.
    auto saved = m_app.db.transaction<bool>(access, [&](db::Transaction &tx) -> Result<bool> {
        if (auto held = lease.value().releaseWithin(tx); !held)
            return held.error();
        auto stored = tx.exec(
            "UPDATE agents SET name = $2, voice = coalesce($3, voice), first_message = "
            "coalesce($4, first_message), system_prompt = coalesce($5, system_prompt), "
            "vapi_assistant_id = $6, sync_status = 'pending', sync_error = NULL WHERE id = "
            "$1::uuid AND vapi_assistant_id IS NOT DISTINCT FROM $7 RETURNING id",
            {agentId, changes.name, changes.voice, changes.firstMessage, changes.systemPrompt,
             assistantId, recordedId.isEmpty() ? QString() : recordedId});
        if (!stored)
            return stored.error();
        if (stored->isEmpty())
            return fail(u"The agent's assistant was changed elsewhere while Vapi was saving it; "
                        "this save was not recorded."_s,
                        u"409"_s);
        if (auto queued = ToolSync::queue(tx, orgId); !queued)
            return queued.error();
        auto e = events::publish(
            tx, orgId, u"agent.updated"_s, u"agent"_s, agentId,
            {{u"vapi_assistant_id"_s, assistantId}, {u"sync_status"_s, u"pending"_s}});
        if (!e)
            return e.error();
        return true;
    });
    if (!saved) {
        if (!recordUnrecorded(vapi, orgId, agentId, created, saved.error()))
            return unrecordedError(saved.error(), !created.isEmpty());
    }
    m_app.jobs.wake();
    return get(access, orgId);
}

Result<QJsonObject> AgentService::findUnrecordedAssistant(providers::VapiClient &vapi,
                                                          const QString &agentId)
{
    auto all = vapi.listAssistants();
    if (!all)
        return all.error();
    for (const QJsonValue &v : std::as_const(*all)) {
        const QJsonObject assistant = v.toObject();
        if (assistant.value(u"metadata"_s)
                .toObject()
                .value(QString::fromLatin1(assistantAgentTag))
                .toString() == agentId)
            return assistant;
    }
    return QJsonObject{};
}

bool AgentService::recordUnrecorded(providers::VapiClient &vapi, const QString &orgId,
                                    const QString &agentId, const QString &created,
                                    const Error &error)
{
    // What the database really holds: a COMMIT whose answer was lost may have gone through.
    auto holds =
        m_app.db.query(db::Access::service(),
                       "SELECT vapi_assistant_id FROM agents WHERE id = $1::uuid", {agentId});
    if (!holds) {
        log::warn(
            "agent",
            u"An assistant saved at Vapi could not be recorded, nor its record read back."_s,
            {{u"org_id"_s, orgId}, {u"vapi_assistant_id"_s, created}, {u"error"_s, error.message}});
        return false;
    }
    if (!created.isEmpty() && !holds->isEmpty() && holds->text(0, 0) == created)
        return true; // it was recorded after all
    log::warn("agent", u"An assistant saved at Vapi could not be recorded."_s,
              {{u"org_id"_s, orgId}, {u"error"_s, error.message}});
    if (!created.isEmpty()) {
        // Nobody knows of the assistant this save created: remove it, or the next save makes
        // a second one.
        if (auto removed = vapi.deleteAssistant(created); !removed)
            log::warn("agent", u"An unrecorded assistant could not be removed from Vapi."_s,
                      {{u"org_id"_s, orgId},
                       {u"vapi_assistant_id"_s, created},
                       {u"error"_s, removed.errorMessage()}});
        return false;
    }
    if (error.code == u"409")
        return false; // another save took over and records its own outcome
    // Vapi now has settings the clinic's saved ones do not show: say so where the console looks.
    auto marked =
        m_app.db.transaction<bool>(db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
            const QString problem = u"Vapi has settings that could not be saved here; save the "
                                    "agent again."_s;
            if (auto a = tx.exec("UPDATE agents SET sync_status = 'failed', sync_error = $2 "
                                 "WHERE id = $1::uuid",
                                 {agentId, problem});
                !a)
                return a.error();
            auto e = events::publish(tx, orgId, u"agent.updated"_s, u"agent"_s, agentId,
                                     {{u"sync_status"_s, u"failed"_s}, {u"sync_error"_s, problem}});
            if (!e)
                return e.error();
            return true;
        });
    if (!marked)
        log::warn("agent", u"Could not record that Vapi is ahead of the saved agent."_s,
                  {{u"org_id"_s, orgId}, {u"error"_s, marked.errorMessage()}});
    return false;
}

Error AgentService::unrecordedError(const Error &error, bool created)
{
    if (error.code == u"409")
        return http::status::conflict(error.message);
    if (db::isUnavailable(error))
        return error; // the database is down: 503 with Retry-After
    return http::status::serviceUnavailable(
        created ? u"The new assistant could not be recorded here, so nothing was saved and it "
                  "was removed from Vapi; please try again."_s
                : u"Vapi took the changes but they could not be saved here; please save again."_s);
}

} // namespace vox::server
