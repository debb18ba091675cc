#include "server/routes/metrics.h"

#include "core/crypto/digest.h"
#include "core/metrics/metricsregistry.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

using metrics::TextExposition;

void queueGauges(TextExposition &out, db::Database &db)
{
    // The partial index on queued jobs keeps this to the queue's own rows however long the
    // table's history is.
    auto rows = db.query(db::Access::service(),
                         "SELECT kind, count(*), COALESCE(extract(epoch FROM now() - min(run_at) "
                         "FILTER (WHERE run_at <= now())), 0)::float8 FROM jobs "
                         "WHERE status = 'queued' GROUP BY kind ORDER BY kind");
    out.family(u"voxanne_database_up"_s, TextExposition::Type::Gauge,
               u"Whether the database answered this scrape's query."_s);
    out.sample(u"voxanne_database_up"_s, {}, rows ? 1 : 0);
    if (!rows)
        return;
    out.family(u"voxanne_jobs_queued"_s, TextExposition::Type::Gauge,
               u"Jobs waiting in the queue (due or scheduled), by kind."_s);
    for (int r = 0; r < rows->rowCount(); ++r)
        out.sample(u"voxanne_jobs_queued"_s, {{u"kind"_s, rows->text(r, 0)}},
                   double(rows->toInt(r, 1)));
    out.family(u"voxanne_jobs_oldest_wait_seconds"_s, TextExposition::Type::Gauge,
               u"How long the longest-waiting due job has waited past its run time, by kind."_s);
    for (int r = 0; r < rows->rowCount(); ++r)
        out.sample(u"voxanne_jobs_oldest_wait_seconds"_s, {{u"kind"_s, rows->text(r, 0)}},
                   qMax(0.0, rows->toDouble(r, 2)));
}

} // namespace

QByteArray renderMetrics(const MetricsSources &sources)
{
    TextExposition out;
    metrics::MetricsRegistry::global().render(out);

    queueGauges(out, sources.db);

    const db::Database::PoolStats pool = sources.db.poolStats();
    out.family(u"voxanne_db_connections"_s, TextExposition::Type::Gauge,
               u"Database connections open (one per thread that uses the database)."_s);
    out.sample(u"voxanne_db_connections"_s, {}, pool.open);
    out.family(u"voxanne_db_connections_in_use"_s, TextExposition::Type::Gauge,
               u"Database connections inside a transaction now."_s);
    out.sample(u"voxanne_db_connections_in_use"_s, {}, pool.inUse);
    out.family(u"voxanne_db_connection_errors_total"_s, TextExposition::Type::Counter,
               u"Database connections that could not be opened or broke."_s);
    out.sample(u"voxanne_db_connection_errors_total"_s, {}, double(pool.errors));

    out.family(u"voxanne_event_clients"_s, TextExposition::Type::Gauge,
               u"Live event-stream (WebSocket) clients connected to this instance."_s);
    out.sample(u"voxanne_event_clients"_s, {}, sources.eventClients ? sources.eventClients() : 0);
    return out.text();
}

void registerMetricsRoute(http::Router &router, MetricsSources sources, const QString &token)
{
    const QByteArray expected = token.isEmpty() ? QByteArray() : "Bearer " + token.toUtf8();
    router.get(u"/metrics"_s, http::Auth::Public,
               [sources = std::move(sources), expected](http::Context &c) -> http::Reply {
                   if (!expected.isEmpty() &&
                       !crypto::constantTimeEquals(c.request.header("authorization"), expected))
                       return http::Response::error(401, u"A valid metrics token is required."_s)
                           .withHeader("WWW-Authenticate", "Bearer");
                   http::Response response;
                   response.contentType = metrics::contentType;
                   response.body = renderMetrics(sources);
                   return response;
               });
}

} // namespace vox::server
