#pragma once

#include "server/http/basicrouter.h"
#include "server/http/principal.h"

#include <QString>

// The server's side of the HTTP library: its handlers see the signed-in user and the database
// access that user's requests run with. The transport (voxanne_http) knows neither.
namespace vox::http {

struct Context
{
    using Principal = http::Principal;

    const Request &request;
    const Principal *principal = nullptr;

    // The signed-in user; only valid on User and Admin routes.
    const Principal &user() const { return *principal; }
    QString orgId() const { return principal ? principal->orgId : QString(); }
    // The signed-in user's access. Nobody signed in gets an access that sees nothing: a public
    // route that needs the service role's bypass asks for db::Access::service() by name.
    db::Access access() const { return principal ? principal->access() : db::Access(); }
};

using Router = BasicRouter<Context>;
using Handler = Router::Handler;

} // namespace vox::http
