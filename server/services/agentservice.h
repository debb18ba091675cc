#pragma once

#include "core/result.h"
#include "server/appcontext.h"
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

// The clinic's AI agent (S-agent): saved here and to a Vapi assistant in one step (created the
// first time, fetch-merge-patched after, so nothing set in Vapi's dashboard is lost), pointed at
// our webhook with the shared-secret header, then the tool sync is queued without waiting. Vapi
// is called between transactions, never inside one, and concurrent saves take turns, so a clinic
// has one assistant however many saves race.
class AgentService
{
public:
    explicit AgentService(AppContext &app)
        : m_app(app)
    {}

    // {agent: {...}, sync: {status, error, synced_at, tools: [...]}} (docs/api.md).
    Result<QJsonObject> get(const db::Access &access, const QString &orgId);
    Result<QJsonObject> save(const db::Access &access, const QString &orgId,
                             const AgentChanges &changes);

    // The assistant as we configure it, merged into what Vapi holds (`current` may be empty).
    QJsonObject assistantBody(const QJsonObject &agentRow, const QJsonObject &current) const;

private:
    // An assistant made for this agent whose id was never recorded (empty when there is none).
    Result<QJsonObject> findUnrecordedAssistant(providers::VapiClient &vapi,
                                                const QString &agentId);
    // After Vapi acted but the database did not record it: true when it was recorded after all;
    // otherwise removes the assistant this save created, or marks the agent as out of sync.
    bool recordUnrecorded(providers::VapiClient &vapi, const QString &orgId, const QString &agentId,
                          const QString &created, const Error &error);
    static Error unrecordedError(const Error &error, bool created);

    AppContext &m_app;
};

} // namespace vox::server
