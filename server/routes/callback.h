#pragma once

#include "server/http/router.h"
#include "server/services/callback.h"

#include <memory>

namespace vox::server {

// POST /api/contacts/:id/call-back: a Vapi outbound call to the contact.
void registerCallBackRoutes(http::Router &router, std::shared_ptr<CallBackService> callBacks);

} // namespace vox::server
