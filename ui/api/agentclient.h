#pragma once

#include "ui/api/agentconfig.h"
#include "ui/api/apicallbacks.h"

#include <QObject>

namespace vox::ui {

class ApiClient;

// The clinic's AI voice agent (server/routes/agent).
class AgentClient final
{
    Q_DISABLE_COPY_MOVE(AgentClient)

public:
    explicit AgentClient(ApiClient &api)
        : m_api(api)
    {}

    void get(QObject *context, Callback<AgentConfig> done);
    void save(const AgentConfig &agent, QObject *context, Callback<AgentConfig> done);

private:
    ApiClient &m_api;
};

} // namespace vox::ui
