#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"
#include "server/services/agentservice.h"

#include <memory>

namespace vox::server {

// GET /api/agent, PUT /api/agent (admin).
void registerAgentRoutes(http::Router &router, std::shared_ptr<AgentService> agents);

} // namespace vox::server
