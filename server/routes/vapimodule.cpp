#include "server/routes/vapimodule.h"

#include "server/routes/appointments.h"
#include "server/routes/vapitools.h"
#include "server/routes/vapiwebhooks.h"
#include "server/services/booking.h"
#include "server/services/vapitools.h"
#include "server/services/vapiwebhooks.h"

namespace vox::server {

void registerVapiModule(http::Router &router, AppContext &app)
{
    auto booking = std::make_shared<BookingService>(app);
    auto tools = std::make_shared<VapiToolService>(app, *booking);
    // The tool service outlives the webhook service through the shared pointer it captures.
    auto webhooks = std::shared_ptr<VapiWebhookService>(
        new VapiWebhookService(app, *tools), [tools](VapiWebhookService *w) { delete w; });
    registerVapiWebhookRoutes(router, app, webhooks);
    registerVapiToolRoutes(router, app, tools);
    registerAppointmentRoutes(router, app, booking);
}

} // namespace vox::server
