#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"

namespace vox::server {

// GET /api/settings/redaction (which kinds of patient data the clinic's free text loses before it
// is stored or exported) and PUT /api/settings/redaction (admins change them).
void registerRedactionRoutes(http::Router &router, AppContext &app);

} // namespace vox::server
