#pragma once

#include "core/metrics/metricsregistry.h"

// The HTTP transport's metric families (GET /metrics), by route pattern, never by path.
namespace vox::http::httpmetrics {

metrics::CounterFamily &requests();          // voxanne_http_requests_total{method,route,status}
metrics::HistogramFamily &requestDuration(); // voxanne_http_request_duration_seconds{...}
// voxanne_http_connection_refusals_total{reason}: connections answered by the transport before
// any route (limits, deadlines, a stopping server), so they are not in requests().
metrics::CounterFamily &connectionRefusals();

} // namespace vox::http::httpmetrics
