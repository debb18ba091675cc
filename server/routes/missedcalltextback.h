#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"

namespace vox::server {

// GET/PUT /api/org/missed-call-textback: whether the clinic texts back callers who reached
// nobody, the wording ({clinic} names the clinic) and how many hours must pass before a number is
// texted back again; admins change it. docs/api.md, Missed-call text-back.
void registerMissedCallTextBackRoutes(http::Router &router, AppContext &app);

} // namespace vox::server
