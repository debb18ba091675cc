#pragma once

#include "core/crypto/aesgcm.h"
#include "server/config/serverconfig.h"
#include "server/db/database.h"
#include "server/jobs/jobrunner.h"
#include "server/providers/providerhttp.h"

namespace vox::server {

// The shared services that route modules and job handlers are built from. Owned by Server;
// every member outlives the routes and handlers that capture it.
struct AppContext
{
    const ServerConfig &config;
    db::Database &db;
    const crypto::KeyRing &keys;
    jobs::JobRunner &jobs;
    providers::RetryPolicy retry; // for provider calls (config: VOXANNE_PROVIDER_RETRY_MS)
};

} // namespace vox::server
