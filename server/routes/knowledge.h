#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"

namespace vox::server {

// POST/GET /api/knowledge, DELETE /api/knowledge/:id, POST /api/knowledge/query.
void registerKnowledgeRoutes(http::Router &router, AppContext &app);

} // namespace vox::server
