#include "server/routes/vapimodule.h"

#include "server/routes/agent.h"
#include "server/routes/appointments.h"
#include "server/routes/callback.h"
#include "server/routes/vapitools.h"
#include "server/routes/vapiwebhooks.h"
#include "server/services/agentservice.h"
#include "server/services/booking.h"
#include "server/services/callback.h"
#include "server/services/toolsync.h"
#include "server/services/vapitools.h"
#include "server/services/vapiwebhooks.h"
#include "server/services/webhookproblems.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

void registerVapiModule(http::Router &router, AppContext &app)
{
    auto booking = std::make_shared<BookingService>(app);
    // Each service keeps what it refers to alive through the pointer its deleter captures.
    auto tools = std::shared_ptr<VapiToolService>(new VapiToolService(app, *booking),
                                                  [booking](VapiToolService *t) { delete t; });
    auto webhooks = std::shared_ptr<VapiWebhookService>(
        new VapiWebhookService(app, *tools), [tools](VapiWebhookService *w) { delete w; });
    registerVapiWebhookRoutes(router, app, webhooks);
    registerVapiToolRoutes(router, app, tools);
    registerAppointmentRoutes(router, app, booking);
    auto agents = std::make_shared<AgentService>(app);
    registerAgentRoutes(router, agents);
    registerCallBackRoutes(router, std::make_shared<CallBackService>(app));

    webhookproblems::registerJobs(app.jobs, app.db);

    auto sync = std::make_shared<ToolSync>(app);
    app.jobs.registerHandler(QString::fromLatin1(ToolSync::jobKind),
                             [sync](const jobs::Job &job) { return sync->runJob(job); });
    app.jobs.registerHandler(QString::fromLatin1(AgentService::pushJobKind),
                             [agents](const jobs::Job &job) { return agents->runPushJob(job); });
}

} // namespace vox::server
