#pragma once

#include "server/appcontext.h"
#include "server/http/router.h"
#include "server/services/booking.h"

#include <memory>

namespace vox::server {

// GET /api/appointments, GET /api/appointments/availability, POST /api/appointments,
// PATCH /api/appointments/:id, POST /api/appointments/:id/cancel (docs/api.md, Appointments).
void registerAppointmentRoutes(http::Router &router, AppContext &app,
                               std::shared_ptr<BookingService> booking);

} // namespace vox::server
