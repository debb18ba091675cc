#pragma once

#include "server/http/basicrouter.h"

namespace vox::sandbox {

// The sandbox's routes: nobody signs in to it; each stand-in checks its provider's own
// credentials (Vapi's bearer key, Twilio's Basic auth, Google's tokens) in its handlers.
using Context = http::BasicContext<http::Nobody>;
using Router = http::BasicRouter<Context>;

} // namespace vox::sandbox
