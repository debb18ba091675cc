#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"

namespace vox::server {

// GET/PUT /api/calls-dashboard/:id/review (a person's review of a call: score, tags, note) and
// GET/PUT /api/org/review-tags (the clinic's tag list; admins edit it). docs/api.md, Call review.
void registerCallReviewRoutes(http::Router &router, AppContext &app);

} // namespace vox::server
