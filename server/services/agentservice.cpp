#include "server/services/agentservice.h"

#include "core/logging/log.h"
#include "core/recordingconsent.h"
#include "server/events/eventpublisher.h"
#include "server/http/response.h"
#include "server/jobs/followingjob.h"
#include "server/jobs/jobqueue.h"
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
    "'vapi_assistant_id', vapi_assistant_id, "
    "'recording_disclosure_chosen', (SELECT s.recording_disclosure FROM org_settings s "
    "WHERE s.org_id = agents.org_id), "
    "'time_zone', (SELECT s.time_zone FROM org_settings s WHERE s.org_id = agents.org_id))";

// Whether callers hear the recording disclosure: the clinic's choice, else its time zone's rule.
bool disclosureOn(const QJsonObject &agent)
{
    const QJsonValue chosen = agent.value(u"recording_disclosure_chosen"_s);
    return chosen.isBool() ? chosen.toBool()
                           : recordingconsent::onByDefault(agent.value(u"time_zone"_s).toString());
}

// The first message as callers hear it: the clinic's greeting, after the disclosure when on.
QString heardFirstMessage(const QJsonObject &agent)
{
    const QString greeting = agent.value(u"first_message"_s).toString();
    return disclosureOn(agent) ? recordingconsent::withDisclosure(greeting) : greeting;
}

// The assistant's metadata key naming our agent.
constexpr const char *assistantAgentTag = "voxanneAgentId";

// A push does not wait for another holder of the assistant (a tool sync patching it): the
// attempt fails at once and the job runner tries again later, keeping the job thread free.
constexpr ProviderLease::Timing assistantLease{.holdMs = 300000, .waitMs = 0, .pollMs = 50};

// Saves that keep arriving while a push is under way are caught up this many times in one
// attempt before the attempt gives way to the job runner's backoff.
constexpr int pushRounds = 3;

// Enough attempts, with the job runner's doubling backoff, to outlast a Vapi outage of several
// minutes, or a tool sync holding the assistant, before the agent is reported as not sent.
constexpr int pushAttempts = 10;

// The job that sends an agent to Vapi: one per agent, with a follow-up for one already running.
jobs::NewJob pushJob(const QString &orgId, const QString &agentId)
{
    jobs::NewJob push =
        jobs::followingJob(QString::fromLatin1(AgentService::pushJobKind), orgId, agentId);
    push.payload = {{u"agent_id"_s, agentId}};
    push.maxAttempts = pushAttempts;
    return push;
}

// The messages Vapi sends to our webhook (assistant.serverMessages). Transcripts, conversation
// and speech updates feed the console's live call desk (they are not in Vapi's defaults);
// transfer-destination-request lets the server pick who takes a transfer when it is asked for.
const QStringList serverMessages{u"status-update"_s,
                                 u"end-of-call-report"_s,
                                 u"tool-calls"_s,
                                 u"hang"_s,
                                 u"transfer-update"_s,
                                 u"transcript"_s,
                                 u"conversation-update"_s,
                                 u"speech-update"_s,
                                 u"transfer-destination-request"_s};

QJsonObject mergeObject(QJsonObject base, const QJsonObject &over)
{
    for (auto it = over.begin(); it != over.end(); ++it)
        base.insert(it.key(), it.value());
    return base;
}

// Whether the assistant Vapi holds already has every field of `body`.
bool holdsAlready(const QJsonObject &assistant, const QJsonObject &body)
{
    for (auto it = body.begin(); it != body.end(); ++it) {
        if (assistant.value(it.key()) != it.value())
            return false;
    }
    return true;
}

// The agent and its sync as `tx` sees them (docs/api.md).
Result<QJsonObject> readAgent(db::Transaction &tx, const QString &orgId)
{
    auto agent = tx.exec(QByteArray("SELECT ") + agentColumns +
                             ", sync_status, sync_error, synced_at FROM agents WHERE "
                             "org_id = $1::uuid AND direction = 'inbound'",
                         {orgId});
    if (!agent)
        return agent.error();
    if (agent->isEmpty())
        return http::status::notFound(u"This clinic has no agent yet."_s);
    auto tools = tx.exec("SELECT coalesce(json_agg(json_build_object('tool_name', tool_name, "
                         "'vapi_tool_id', vapi_tool_id, 'linked_at', linked_at) ORDER BY "
                         "tool_name), '[]') FROM org_tools WHERE org_id = $1::uuid",
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
    QJsonObject agentJson = agent->toJson(0, 0).toObject();
    agentJson.insert(u"recording_disclosure"_s, disclosureOn(agentJson));
    agentJson.insert(u"first_message_heard"_s, heardFirstMessage(agentJson));
    return QJsonObject{{u"agent"_s, agentJson}, {u"sync"_s, sync}};
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
    // Sentiment and urgency come back in analysis.structuredData.
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
    // Listening in and taking over: Vapi then puts listenUrl and controlUrl on each call, and
    // with authentication on, both want the account's public key (Authorization: Bearer), so a
    // leaked address alone hears and steers nothing.
    const QJsonObject monitorPlan =
        mergeObject(current.value(u"monitorPlan"_s).toObject(),
                    QJsonObject{{u"listenEnabled"_s, true},
                                {u"listenAuthenticationEnabled"_s, true},
                                {u"controlEnabled"_s, true},
                                {u"controlAuthenticationEnabled"_s, true}});
    return {{u"name"_s, agent.value(u"name"_s)},
            {u"metadata"_s, metadata},
            {u"firstMessage"_s, heardFirstMessage(agent)},
            {u"model"_s, model},
            {u"voice"_s, voice},
            {u"server"_s, server},
            {u"serverMessages"_s, QJsonArray::fromStringList(serverMessages)},
            {u"analysisPlan"_s, analysisPlan},
            {u"artifactPlan"_s, artifactPlan},
            {u"monitorPlan"_s, monitorPlan}};
}

Result<QJsonObject> AgentService::get(const db::Access &access, const QString &orgId)
{
    return m_app.db.transaction<QJsonObject>(
        access, [&](db::Transaction &tx) { return readAgent(tx, orgId); });
}

Result<QJsonObject> AgentService::save(const db::Access &access, const QString &orgId,
                                       const AgentChanges &changes)
{
    // The settings, the push that sends them and the event the console follows commit together,
    // so a queued push always finds the settings it is meant to send. Nobody is called here:
    // the transaction may be re-run after a serialization failure.
    auto saved =
        m_app.db.transaction<QJsonObject>(access, [&](db::Transaction &tx) -> Result<QJsonObject> {
            auto stored = tx.exec(
                "UPDATE agents SET name = $2, voice = coalesce($3, voice), first_message = "
                "coalesce($4, first_message), system_prompt = coalesce($5, system_prompt), "
                "sync_status = 'pending', sync_error = NULL, updated_at = now() WHERE org_id = "
                "$1::uuid AND direction = 'inbound' RETURNING id",
                {orgId, changes.name, changes.voice, changes.firstMessage, changes.systemPrompt});
            if (!stored)
                return stored.error();
            if (stored->isEmpty())
                return http::status::notFound(u"This clinic has no agent yet."_s);
            const QString agentId = stored->text(0, 0);
            // One waiting push per agent: it sends the agent as it is when it runs, so it carries
            // every save made before then. A push already running may have read the agent
            // before this save, or be finishing: it gets a follow-up.
            if (auto queued = jobs::enqueue(tx, pushJob(orgId, agentId)); !queued)
                return queued.error();
            auto e = events::publish(tx, orgId, u"agent.updated"_s, u"agent"_s, agentId,
                                     {{u"sync_status"_s, u"pending"_s}});
            if (!e)
                return e.error();
            // What this save did, whatever the push has done since.
            return readAgent(tx, orgId);
        });
    if (saved)
        m_app.jobs.wake();
    return saved;
}

Result<void> AgentService::queuePushFor(db::Transaction &tx, const QString &orgId)
{
    auto agent =
        tx.exec("SELECT id FROM agents WHERE org_id = $1::uuid AND direction = 'inbound'", {orgId});
    if (!agent)
        return agent.error();
    if (agent->isEmpty())
        return {}; // nothing to send yet: the first save sends the setting with it
    auto queued = jobs::enqueue(tx, pushJob(orgId, agent->text(0, 0)));
    if (!queued)
        return queued.error();
    return {};
}

Result<void> AgentService::runPushJob(const jobs::Job &job)
{
    const QString agentId = job.payload.value(u"agent_id"_s).toString();
    if (job.orgId.isEmpty() || agentId.isEmpty())
        return fail(u"An agent push job needs an org and an agent."_s);
    for (int round = 0; round < pushRounds; ++round) {
        auto current = pushOnce(job.orgId, agentId);
        if (!current)
            return recordPushFailure(job, agentId, current.error());
        if (*current) {
            m_app.jobs.wake(); // the tool sync it queued
            return {};
        }
    }
    return recordPushFailure(
        job, agentId,
        fail(u"The agent kept changing while it was being sent to Vapi."_s, ErrorKind::Conflict));
}

Result<bool> AgentService::pushOnce(const QString &orgId, const QString &agentId)
{
    // Vapi is called with no transaction open: a transaction can be re-run after a
    // serialization failure, or fail to commit after Vapi acted, and either would create a
    // second assistant. A tool sync patching the same assistant, on any instance, takes turns.
    auto lease =
        ProviderLease::acquire(m_app.db, ProviderLease::assistantKey(agentId), assistantLease);
    if (!lease)
        return lease.error();
    auto current = m_app.db.query(
        db::Access::service(),
        QByteArray("SELECT ") + agentColumns + " FROM agents WHERE id = $1::uuid", {agentId});
    if (!current)
        return current.error();
    if (current->isEmpty())
        return true; // the clinic is gone: nothing left to send
    const QJsonObject row = current->toJson(0, 0).toObject();
    const QString recordedId = row.value(u"vapi_assistant_id"_s).toString();

    providers::VapiClient vapi(m_app.config.vapiBaseUrl, m_app.config.vapiPrivateKey, m_app.retry);
    QString created;
    auto assistantId = sendToVapi(vapi, row, created);
    if (!assistantId)
        return assistantId.error();

    // Recorded only while the lease is still ours and the agent still names the assistant read
    // above (compare-and-set); the settings count as sent only if they are still the ones read
    // above, otherwise another round sends the newer ones. A re-run of this transaction calls
    // no one.
    auto recorded =
        m_app.db.transaction<bool>(db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
            if (auto held = lease.value().releaseWithin(tx); !held)
                return held.error();
            auto stored = tx.exec(
                "UPDATE agents SET vapi_assistant_id = $2, "
                "  sync_status = CASE WHEN (name, voice, voice_provider, first_message, "
                "    system_prompt) = ($4, $5, $6, $7, $8) AND sync_status <> 'synced' THEN "
                "    'syncing' ELSE sync_status END, "
                "  sync_error = CASE WHEN (name, voice, voice_provider, first_message, "
                "    system_prompt) = ($4, $5, $6, $7, $8) THEN NULL ELSE sync_error END "
                "WHERE id = $1::uuid AND vapi_assistant_id IS NOT DISTINCT FROM $3 "
                "RETURNING (name, voice, voice_provider, first_message, system_prompt) = "
                "  ($4, $5, $6, $7, $8), sync_status",
                {agentId, *assistantId, recordedId.isEmpty() ? QString() : recordedId,
                 row.value(u"name"_s).toString(), row.value(u"voice"_s).toString(),
                 row.value(u"voice_provider"_s).toString(),
                 row.value(u"first_message"_s).toString(),
                 row.value(u"system_prompt"_s).toString()});
            if (!stored)
                return stored.error();
            if (stored->isEmpty())
                return fail(u"The agent's assistant was changed elsewhere while Vapi was saving "
                            "it."_s,
                            ErrorKind::Conflict);
            const bool sent = stored->toBool(0, 0);
            const QString status = stored->text(0, 1);
            // 'synced' stays: a follow-up push found Vapi and the tools as they should be.
            if (status == u"syncing") {
                if (auto queued = ToolSync::queue(tx, orgId); !queued)
                    return queued.error();
            }
            auto e = events::publish(
                tx, orgId, u"agent.updated"_s, u"agent"_s, agentId,
                {{u"vapi_assistant_id"_s, *assistantId}, {u"sync_status"_s, status}});
            if (!e)
                return e.error();
            return sent;
        });
    if (recorded)
        return *recorded;
    if (!created.isEmpty() && recordUnrecorded(vapi, orgId, agentId, created, recorded.error()))
        return false; // recorded after all: one more round settles the status
    return recorded.error();
}

Result<QString> AgentService::sendToVapi(providers::VapiClient &vapi, const QJsonObject &row,
                                         QString &created)
{
    QString assistantId = row.value(u"vapi_assistant_id"_s).toString();
    if (!assistantId.isEmpty()) {
        auto fetched = vapi.getAssistant(assistantId);
        if (fetched) {
            const QJsonObject body = assistantBody(row, *fetched);
            if (holdsAlready(*fetched, body))
                return assistantId; // a follow-up push after one that sent the same
            if (auto patched = vapi.updateAssistant(assistantId, body); !patched)
                return patched.error();
            return assistantId;
        }
        if (fetched.error().subject != u"404")
            return fetched.error();
        // Deleted in Vapi's dashboard: create it again.
    }
    auto orphan = findUnrecordedAssistant(vapi, row.value(u"id"_s).toString());
    if (!orphan)
        return orphan.error();
    if (!orphan->isEmpty()) {
        assistantId = orphan->value(u"id"_s).toString();
        if (auto patched = vapi.updateAssistant(assistantId, assistantBody(row, *orphan)); !patched)
            return patched.error();
        return assistantId;
    }
    // Sent once: if the answer is lost, the next attempt finds the assistant by its tag.
    auto made = vapi.createAssistant(assistantBody(row, {}));
    if (!made)
        return made.error();
    created = made->value(u"id"_s).toString();
    if (created.isEmpty())
        return fail(u"Vapi created the assistant without an id."_s, ErrorKind::ProviderFailed,
                    u"200"_s);
    return created;
}

Result<void> AgentService::recordPushFailure(const jobs::Job &job, const QString &agentId,
                                             const Error &error)
{
    const bool again = isWorthAnotherAttempt(error) && job.attempt < job.maxAttempts;
    const int vapiStatus = error.kind == ErrorKind::ProviderFailed ? error.subject.toInt() : 0;
    const bool refused = vapiStatus >= 400 && vapiStatus < 500 && vapiStatus != 429;
    QString message = refused ? u"Vapi refused the settings: %1"_s.arg(error.message)
                      : error.kind == ErrorKind::Conflict && again
                          ? u"Waiting for another change to this agent at Vapi to finish."_s
                          : error.message;
    if (again)
        message += u" Sending again shortly."_s;
    message = message.left(1000);
    const QString status = again ? u"pending"_s : u"send_failed"_s;
    auto marked =
        m_app.db.transaction<bool>(db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
            // Only while the push is still owed: a round that was recorded stays recorded.
            auto a = tx.exec("UPDATE agents SET sync_status = $2, sync_error = $3 WHERE id = "
                             "$1::uuid AND sync_status = 'pending' RETURNING id",
                             {agentId, status, message});
            if (!a)
                return a.error();
            if (a->isEmpty())
                return true;
            auto e = events::publish(tx, job.orgId, u"agent.updated"_s, u"agent"_s, agentId,
                                     {{u"sync_status"_s, status}, {u"sync_error"_s, message}});
            if (!e)
                return e.error();
            return true;
        });
    if (!marked)
        log::warn("agent", u"Could not record that the agent was not sent to Vapi."_s,
                  {{u"org_id"_s, job.orgId}, {u"error"_s, marked.errorMessage()}});
    log::warn("agent",
              again ? u"The agent could not be sent to Vapi; retrying later."_s
                    : u"The agent could not be sent to Vapi."_s,
              {{u"org_id"_s, job.orgId},
               {u"attempt"_s, job.attempt},
               {u"error"_s, error.message},
               {u"status"_s, error.subject}});
    if (again)
        return error; // the job runner retries with backoff
    return {};        // final: the reason is on the agent, for the console to show
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
        // Left at Vapi with its tag: the next attempt adopts it.
        log::warn(
            "agent",
            u"An assistant created at Vapi could not be recorded, nor its record read back."_s,
            {{u"org_id"_s, orgId}, {u"vapi_assistant_id"_s, created}, {u"error"_s, error.message}});
        return false;
    }
    if (!holds->isEmpty() && holds->text(0, 0) == created)
        return true;
    log::warn("agent", u"An assistant created at Vapi could not be recorded."_s,
              {{u"org_id"_s, orgId}, {u"error"_s, error.message}});
    // Nobody knows of the assistant this push created: remove it, or a later push that cannot
    // tell the two apart by tag would find two.
    if (auto removed = vapi.deleteAssistant(created); !removed)
        log::warn("agent", u"An unrecorded assistant could not be removed from Vapi."_s,
                  {{u"org_id"_s, orgId},
                   {u"vapi_assistant_id"_s, created},
                   {u"error"_s, removed.errorMessage()}});
    return false;
}

} // namespace vox::server
