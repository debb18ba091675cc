#include "server/http/httpmetrics.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::http::httpmetrics {

metrics::CounterFamily &requests()
{
    static auto &family = metrics::MetricsRegistry::global().counter(
        u"voxanne_http_requests_total"_s, u"HTTP requests answered, by route pattern and status."_s,
        {u"method"_s, u"route"_s, u"status"_s});
    return family;
}

metrics::HistogramFamily &requestDuration()
{
    static auto &family = metrics::MetricsRegistry::global().histogram(
        u"voxanne_http_request_duration_seconds"_s,
        u"From a request's arrival to its answer, by route pattern and status."_s,
        {u"method"_s, u"route"_s, u"status"_s});
    return family;
}

metrics::CounterFamily &connectionRefusals()
{
    static auto &family = metrics::MetricsRegistry::global().counter(
        u"voxanne_http_connection_refusals_total"_s,
        u"Connections refused before reaching a route (connection limits, request size, slow or "
        u"malformed requests, a stopping server), by reason."_s,
        {u"reason"_s});
    return family;
}

} // namespace vox::http::httpmetrics
