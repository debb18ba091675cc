#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"

namespace vox::server {

// The voice agent's server side as one module: Vapi webhooks and tool calls, appointments and
// booking, the agent and its tool sync (job `vapi.sync_tools`), call-back. Builds the shared
// services once and registers their routes and job handlers.
void registerVapiModule(http::Router &router, AppContext &app);

} // namespace vox::server
