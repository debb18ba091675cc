#pragma once

#include "core/result.h"
#include "server/appcontext.h"
#include "server/jobs/jobqueue.h"
#include "server/providers/vapiclient.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace vox::server {

struct AgentChanges
{
    QString name;
    std::optional<QString> voice;
    std::optional<QString> firstMessage;
    std::optional<QString> systemPrompt;
};

// The clinic's AI agent. Saving stores the clinic's settings and queues the durable job
// `agent.push` in one transaction, and answers without waiting on Vapi: a console request never
// holds a worker while Vapi is slow, and the settings are kept even when Vapi is down. The job
// sends the agent as it is when it runs to a Vapi assistant (created the first time,
// fetch-merge-patched after, so nothing set in Vapi's dashboard is lost), pointed at our webhook
// with the shared-secret header, then queues the tool sync. One push waits per agent however many
// saves come, pushes take turns on the assistant's lease on any instance, and Vapi is called
// between transactions, never inside one, so a clinic has one assistant. The console follows
// `agent.updated` events and the sync status (docs/api.md).
class AgentService
{
public:
    static constexpr const char *pushJobKind = "agent.push";

    explicit AgentService(AppContext &app)
        : m_app(app)
    {}

    // {agent: {...}, sync: {status, error, synced_at, tools: [...]}} (docs/api.md).
    Result<QJsonObject> get(const db::Access &access, const QString &orgId);
    Result<QJsonObject> save(const db::Access &access, const QString &orgId,
                             const AgentChanges &changes);

    // Queues a push of the clinic's agent, in `tx`, after a setting it sends changed elsewhere
    // (the recording disclosure).
    static Result<void> queuePushFor(db::Transaction &tx, const QString &orgId);

    // The job handler. Vapi refusing the settings (a 4xx other than 429) is recorded on the
    // agent ('send_failed', with Vapi's reason) and ends the job: retrying cannot help. No
    // answer, 429, 5xx, a busy lease or a database hiccup fail the attempt, and the job runner
    // tries again later; a create whose answer was lost is found by its metadata tag then.
    Result<void> runPushJob(const jobs::Job &job);

    // The assistant as we configure it, merged into what Vapi holds (`current` may be empty).
    QJsonObject assistantBody(const QJsonObject &agentRow, const QJsonObject &current) const;

private:
    // Sends the agent as it is now and records the assistant: true when Vapi holds the settings
    // the clinic last saved, false when they changed while this push was under way.
    Result<bool> pushOnce(const QString &orgId, const QString &agentId);
    // Creates, adopts or fetch-merge-patches the assistant; its id. `created` names an assistant
    // this call made.
    Result<QString> sendToVapi(providers::VapiClient &vapi, const QJsonObject &row,
                               QString &created);
    Result<void> recordPushFailure(const jobs::Job &job, const QString &agentId,
                                   const Error &error);
    // An assistant made for this agent whose id was never recorded (empty when there is none).
    Result<QJsonObject> findUnrecordedAssistant(providers::VapiClient &vapi,
                                                const QString &agentId);
    // After Vapi created an assistant the database did not record: true when it was recorded
    // after all; otherwise removes it from Vapi, so that the next push does not find two.
    bool recordUnrecorded(providers::VapiClient &vapi, const QString &orgId, const QString &agentId,
                          const QString &created, const Error &error);

    AppContext &m_app;
};

} // namespace vox::server
