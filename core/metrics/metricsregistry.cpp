#include "core/metrics/metricsregistry.h"

#include <algorithm>
#include <limits>

namespace vox::metrics {

quint64 nextFamilyId()
{
    static std::atomic<quint64> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
}

Histogram::Histogram(const std::vector<double> &bounds)
    : m_bounds(bounds)
    , m_buckets(new std::atomic<quint64>[bounds.size() + 1])
{
    for (std::size_t i = 0; i <= bounds.size(); ++i)
        m_buckets[i].store(0, std::memory_order_relaxed);
}

void Histogram::observe(double value)
{
    // The first bound the value does not exceed (le is "less than or equal").
    const auto at = std::lower_bound(m_bounds.cbegin(), m_bounds.cend(), value);
    m_buckets[std::size_t(at - m_bounds.cbegin())].fetch_add(1, std::memory_order_relaxed);
    m_sum.fetch_add(value, std::memory_order_relaxed);
}

Histogram::Snapshot Histogram::snapshot() const
{
    Snapshot s;
    s.cumulative.reserve(m_bounds.size() + 1);
    quint64 running = 0;
    for (std::size_t i = 0; i <= m_bounds.size(); ++i) {
        running += m_buckets[i].load(std::memory_order_relaxed);
        s.cumulative.push_back(running);
    }
    s.sum = m_sum.load(std::memory_order_relaxed);
    return s;
}

const std::vector<double> &latencyBuckets()
{
    static const std::vector<double> bounds{0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
                                            0.5,   1,    2.5,   5,    10};
    return bounds;
}

MetricsRegistry &MetricsRegistry::global()
{
    static MetricsRegistry registry;
    return registry;
}

CounterFamily &MetricsRegistry::counter(const QString &name, const QString &help,
                                        const QStringList &labelNames)
{
    Q_ASSERT(isValidMetricName(name));
    Q_ASSERT(std::all_of(labelNames.cbegin(), labelNames.cend(),
                         [](const QString &l) { return isValidLabelName(l); }));
    std::lock_guard lock(m_mutex);
    for (CounterFamily &family : m_counters) {
        if (family.name() == name)
            return family;
    }
    return m_counters.emplace_back(name, help, labelNames);
}

HistogramFamily &MetricsRegistry::histogram(const QString &name, const QString &help,
                                            const QStringList &labelNames,
                                            const std::vector<double> &bounds)
{
    Q_ASSERT(isValidMetricName(name));
    Q_ASSERT(!labelNames.contains(QStringLiteral("le")));
    Q_ASSERT(std::is_sorted(bounds.cbegin(), bounds.cend()));
    std::lock_guard lock(m_mutex);
    for (HistogramFamily &family : m_histograms) {
        if (family.name() == name)
            return family;
    }
    return m_histograms.emplace_back(name, help, labelNames, bounds);
}

namespace {

LabelPairs pairs(const QStringList &names, const QStringList &values)
{
    LabelPairs out;
    out.reserve(names.size() + 1);
    for (qsizetype i = 0; i < names.size(); ++i)
        out.append({names[i], values.value(i)});
    return out;
}

} // namespace

void MetricsRegistry::render(TextExposition &out) const
{
    struct Named
    {
        QString name;
        const CounterFamily *counter = nullptr;
        const HistogramFamily *histogram = nullptr;
    };
    std::vector<Named> all;
    {
        std::lock_guard lock(m_mutex);
        for (const CounterFamily &f : m_counters)
            all.push_back({f.name(), &f, nullptr});
        for (const HistogramFamily &f : m_histograms)
            all.push_back({f.name(), nullptr, &f});
    }
    std::sort(all.begin(), all.end(),
              [](const Named &a, const Named &b) { return a.name < b.name; });

    for (const Named &named : all) {
        if (const CounterFamily *f = named.counter) {
            out.family(f->name(), TextExposition::Type::Counter, f->help());
            f->forEach([&](const QStringList &values, const Counter &c) {
                out.sample(f->name(), pairs(f->labelNames(), values), double(c.value()));
            });
            continue;
        }
        const HistogramFamily *f = named.histogram;
        out.family(f->name(), TextExposition::Type::Histogram, f->help());
        const QString bucket = f->name() + QStringLiteral("_bucket");
        f->forEach([&](const QStringList &values, const Histogram &h) {
            const Histogram::Snapshot s = h.snapshot();
            const LabelPairs base = pairs(f->labelNames(), values);
            for (std::size_t i = 0; i < s.cumulative.size(); ++i) {
                LabelPairs labels = base;
                labels.append({QStringLiteral("le"),
                               formatNumber(i < f->bounds().size()
                                                ? f->bounds()[i]
                                                : std::numeric_limits<double>::infinity())});
                out.sample(bucket, labels, double(s.cumulative[i]));
            }
            // _count is the +Inf bucket of the same snapshot, so the two always agree.
            out.sample(f->name() + QStringLiteral("_sum"), base, s.sum);
            out.sample(f->name() + QStringLiteral("_count"), base, double(s.cumulative.back()));
        });
    }
}

} // namespace vox::metrics
