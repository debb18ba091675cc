#pragma once

#include "core/crypto/aesgcm.h"
#include "server/config/serverconfig.h"
#include "server/db/database.h"

namespace vox::server {

// The shared services route modules are built from. Owned by Server; every member outlives the
// routes that capture it.
struct AppContext
{
    const ServerConfig &config;
    db::Database &db;
    const crypto::KeyRing &keys;
};

} // namespace vox::server
