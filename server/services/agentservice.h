#pragma once

#include "core/result.h"
#include "server/appcontext.h"

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
// our webhook with the shared-secret header, then the tool sync is queued without waiting.
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
    AppContext &m_app;
};

} // namespace vox::server
