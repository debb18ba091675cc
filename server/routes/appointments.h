#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"
#include "server/routes/listquery.h"
#include "server/services/booking.h"

#include <memory>

namespace vox::server {

// GET /api/appointments, GET /api/appointments/availability, POST /api/appointments,
// PATCH /api/appointments/:id, POST /api/appointments/:id/cancel (docs/api.md, Appointments).
void registerAppointmentRoutes(http::Router &router, AppContext &app,
                               std::shared_ptr<BookingService> booking);

// The appointment list's filters (from, to on the start; status; contact_id) as conditions over
// `appointments a`, shared by the list and the CSV export.
Result<void> addAppointmentFilters(const http::Request &request, ListQuery &q);

} // namespace vox::server
