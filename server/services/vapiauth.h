#pragma once

#include "core/result.h"
#include "server/config/serverconfig.h"
#include "server/http/request.h"

namespace vox::server {

// Vapi's proof on webhooks and tool calls: x-vapi-secret, or the HMAC credential's x-signature
// and x-timestamp (core/vapisignature.h). A refusal is a 401 and a warning that names the route,
// the address and the reason, never the body.
Result<void> authenticateVapi(const http::Request &request, const ServerConfig &config);

} // namespace vox::server
