#include "server/servermetrics.h"

#include "server/http/httpmetrics.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::server::servermetrics {

namespace {

metrics::MetricsRegistry &registry()
{
    return metrics::MetricsRegistry::global();
}

} // namespace

metrics::HistogramFamily &toolCallDuration()
{
    static auto &family =
        registry().histogram(u"voxanne_vapi_tool_call_duration_seconds"_s,
                             u"How long Vapi's tool calls took to answer, by tool."_s, {u"tool"_s});
    return family;
}

metrics::HistogramFamily &webhookDuration()
{
    static auto &family = registry().histogram(
        u"voxanne_vapi_webhook_duration_seconds"_s,
        u"How long Vapi's server messages took to handle, by message type."_s, {u"type"_s});
    return family;
}

metrics::CounterFamily &endOfCallReports()
{
    static auto &family = registry().counter(
        u"voxanne_vapi_end_of_call_reports_total"_s,
        u"End-of-call reports received: stored (or already stored), or failed (Vapi retries)."_s,
        {u"outcome"_s});
    return family;
}

metrics::HistogramFamily &endOfCallIngestDuration()
{
    static auto &family = registry().histogram(
        u"voxanne_vapi_end_of_call_ingest_duration_seconds"_s,
        u"How long storing an end-of-call report (call, transcript, outcome) took."_s);
    return family;
}

metrics::CounterFamily &jobFailures()
{
    static auto &family =
        registry().counter(u"voxanne_job_failures_total"_s,
                           u"Failed job attempts by kind: retried later, or failed for good."_s,
                           {u"kind"_s, u"outcome"_s});
    return family;
}

metrics::HistogramFamily &jobDuration()
{
    static auto &family = registry().histogram(u"voxanne_job_duration_seconds"_s,
                                               u"How long job attempts ran, by kind and outcome."_s,
                                               {u"kind"_s, u"outcome"_s});
    return family;
}

metrics::HistogramFamily &eventFanoutLag()
{
    static auto &family = registry().histogram(
        u"voxanne_event_fanout_lag_seconds"_s,
        u"From an event's write in the database to its fan-out to this instance's live "
        "clients."_s);
    return family;
}

metrics::CounterFamily &providerRequests()
{
    static auto &family = registry().counter(
        u"voxanne_provider_requests_total"_s,
        u"Calls to Vapi, Twilio, Google and Resend (retries included in one call), by outcome."_s,
        {u"provider"_s, u"outcome"_s});
    return family;
}

metrics::HistogramFamily &providerRequestDuration()
{
    static auto &family =
        registry().histogram(u"voxanne_provider_request_duration_seconds"_s,
                             u"How long provider calls took, retries and their waits included."_s,
                             {u"provider"_s, u"outcome"_s});
    return family;
}

metrics::CounterFamily &rateLimitRefusals()
{
    static auto &family = registry().counter(
        u"voxanne_rate_limit_refusals_total"_s,
        u"Requests refused by a rate limit or a lock, by what the limit guards."_s, {u"limit"_s});
    return family;
}

void declareAll()
{
    http::httpmetrics::requests();
    http::httpmetrics::requestDuration();
    http::httpmetrics::connectionRefusals();
    toolCallDuration();
    webhookDuration();
    endOfCallReports();
    endOfCallIngestDuration();
    jobFailures();
    jobDuration();
    eventFanoutLag();
    providerRequests();
    providerRequestDuration();
    rateLimitRefusals();
}

} // namespace vox::server::servermetrics
