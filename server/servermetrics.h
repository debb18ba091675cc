#pragma once

#include "core/metrics/metricsregistry.h"

// Every metric family the server records as things happen, in one place: GET /metrics shows each
// family (its HELP and TYPE) from the first scrape, before it has anything to count. Gauges read
// when scraped are written by server/routes/metrics.cpp. Labels are names from a closed set
// (route patterns, tool and message types, job kinds, providers, outcomes), never ids, numbers
// or addresses.
namespace vox::server::servermetrics {

metrics::HistogramFamily &toolCallDuration();        // {tool}
metrics::HistogramFamily &webhookDuration();         // {type}
metrics::CounterFamily &endOfCallReports();          // {outcome}
metrics::HistogramFamily &endOfCallIngestDuration(); // no labels
metrics::CounterFamily &jobFailures();               // {kind, outcome}
metrics::HistogramFamily &jobDuration();             // {kind, outcome}
metrics::HistogramFamily &eventFanoutLag();          // no labels
metrics::CounterFamily &providerRequests();          // {provider, outcome}
metrics::HistogramFamily &providerRequestDuration(); // {provider, outcome}
metrics::CounterFamily &rateLimitRefusals();         // {limit}

// Registers every family (the transport's too), so each is listed before its first value.
void declareAll();

} // namespace vox::server::servermetrics
