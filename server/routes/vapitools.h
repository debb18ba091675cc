#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"
#include "server/services/vapitools.h"

#include <memory>

namespace vox::server {

// POST /api/vapi/tools: the `server.url` of every tool we register with Vapi. Answers
// {"results": [{"toolCallId", "name", "result"}]} (contracts/README.md: bare, not wrapped in
// `messageResponse`).
void registerVapiToolRoutes(http::Router &router, AppContext &app,
                            std::shared_ptr<VapiToolService> tools);

} // namespace vox::server
