#pragma once

#include "core/result.h"
#include "server/http/outboundcall.h"

// How the sandbox's stand-ins call the server back as the providers do (Vapi's webhooks, Twilio's
// status callbacks) and how the demo feed and the simulator reach it. Kept apart from the server's
// provider client, which retries: the sandbox plays the other side of that contract.
namespace vox::sandbox {

// One exchange, sent once and never repeated (a provider's webhook is not retried by us either).
// No HTTP answer is an error with code "502"; any answer is returned to be read.
Result<http::OutboundAnswer> sendOnce(const http::OutboundCall &call);

} // namespace vox::sandbox
