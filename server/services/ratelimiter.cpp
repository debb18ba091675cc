#include "server/services/ratelimiter.h"

#include "server/servermetrics.h"

#include <QRegularExpression>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::ratelimit {

namespace {

void countRefusal(const QString &bucket)
{
    servermetrics::rateLimitRefusals().labels({bucketKind(bucket)}).inc();
}

} // namespace

QString bucketKind(const QString &bucket)
{
    static const QRegularExpression word(u"^[a-z][a-z0-9-]*$"_s);
    const QStringList parts = bucket.split(u':');
    QStringList kind;
    for (qsizetype i = 0; i + 1 < parts.size() && kind.size() < 2; ++i) {
        if (!word.match(parts[i]).hasMatch())
            break;
        kind.append(parts[i]);
    }
    return kind.isEmpty() ? u"other"_s : kind.join(u':');
}

Result<Decision> hit(db::Transaction &tx, const QString &bucket, int limit, int windowSeconds)
{
    auto row = tx.exec(
        "INSERT INTO rate_limit_buckets AS b (bucket, window_started_at, hits) "
        "VALUES ($1, now(), 1) "
        "ON CONFLICT (bucket) DO UPDATE SET "
        "  hits = CASE WHEN b.window_started_at <= now() - make_interval(secs => $2::int) "
        "              THEN 1 ELSE b.hits + 1 END, "
        "  window_started_at = CASE WHEN b.window_started_at <= now() - make_interval(secs => "
        "$2::int) THEN now() ELSE b.window_started_at END "
        "RETURNING hits, extract(epoch FROM b.window_started_at + make_interval(secs => $2::int) "
        "- now())",
        {bucket, windowSeconds});
    if (!row)
        return row.error();
    Decision d;
    d.hits = int(row->toInt(0, 0));
    d.allowed = d.hits <= limit;
    d.retryAfterSeconds = qMax(1, int(std::ceil(row->toDouble(0, 1))));
    if (!d.allowed)
        countRefusal(bucket);
    return d;
}

Result<Decision> peek(db::Transaction &tx, const QString &bucket, int limit, int windowSeconds)
{
    auto row = tx.exec("SELECT hits, extract(epoch FROM window_started_at + make_interval(secs => "
                       "$2::int) - now()) FROM rate_limit_buckets WHERE bucket = $1 AND "
                       "window_started_at > now() - make_interval(secs => $2::int)",
                       {bucket, windowSeconds});
    if (!row)
        return row.error();
    Decision d;
    if (!row->isEmpty()) {
        d.hits = int(row->toInt(0, 0));
        d.retryAfterSeconds = qMax(1, int(std::ceil(row->toDouble(0, 1))));
    }
    d.allowed = d.hits < limit;
    return d;
}

Result<void> reset(db::Transaction &tx, const QString &bucket)
{
    auto done = tx.exec("DELETE FROM rate_limit_buckets WHERE bucket = $1", {bucket});
    if (!done)
        return done.error();
    return {};
}

Result<void> forgive(db::Transaction &tx, const QString &bucket)
{
    auto done = tx.exec(
        "UPDATE rate_limit_buckets SET hits = greatest(hits - 1, 0) WHERE bucket = $1", {bucket});
    if (!done)
        return done.error();
    return {};
}

Result<void> lock(db::Transaction &tx, const QString &bucket, int seconds)
{
    auto done = tx.exec("INSERT INTO rate_limit_buckets (bucket, locked_until) "
                        "VALUES ($1, now() + make_interval(secs => $2::int)) "
                        "ON CONFLICT (bucket) DO UPDATE SET locked_until = EXCLUDED.locked_until",
                        {bucket, seconds});
    if (!done)
        return done.error();
    return {};
}

Result<int> lockedFor(db::Transaction &tx, const QString &bucket)
{
    auto row = tx.exec("SELECT ceil(extract(epoch FROM locked_until - now())) FROM "
                       "rate_limit_buckets WHERE bucket = $1 AND locked_until > now()",
                       {bucket});
    if (!row)
        return row.error();
    const int seconds = row->isEmpty() ? 0 : int(row->toInt(0, 0));
    if (seconds > 0)
        countRefusal(bucket);
    return seconds;
}

} // namespace vox::server::ratelimit
