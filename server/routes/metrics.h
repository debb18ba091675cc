#pragma once

#include "server/db/database.h"
#include "server/http/router.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace vox::server {

// What GET /metrics reads when scraped, besides the process's counters and histograms.
struct MetricsSources
{
    db::Database &db;
    // Live event-stream clients connected to this instance (callable from any thread).
    std::function<int()> eventClients;
};

// The whole exposition (Prometheus text format 0.0.4): the process's counters and histograms,
// then gauges read now: job queue depth and oldest wait by kind (one indexed query), database
// connections, live event clients. A database that does not answer gives voxanne_database_up 0
// and no queue gauges, never an error.
QByteArray renderMetrics(const MetricsSources &sources);

// GET /metrics on `router`. With a non-empty `token`, only requests with
// "Authorization: Bearer <token>" are answered; others get 401.
void registerMetricsRoute(http::Router &router, MetricsSources sources, const QString &token);

} // namespace vox::server
