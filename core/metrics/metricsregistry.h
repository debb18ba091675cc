#pragma once

#include "core/metrics/textexposition.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QtGlobal>

#include <algorithm>
#include <atomic>
#include <deque>
#include <initializer_list>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <vector>

// Counters and histograms recorded on hot paths (request workers, the I/O thread, provider
// calls) and rendered for GET /metrics. Recording a value finds its series in a per-thread table
// (the family's lock is taken only the first time a thread uses a series) and adds to it with
// relaxed atomics: threads never wait on each other to record, and a scrape only reads. Values that
// are cheap to read when scraped (queue depth, open connections) are not kept here; the scrape asks
// their owners and writes them as gauges.
namespace vox::metrics {

// One counter series: a monotonically increasing count.
class Counter
{
public:
    void inc(quint64 by = 1) { m_value.fetch_add(by, std::memory_order_relaxed); }
    quint64 value() const { return m_value.load(std::memory_order_relaxed); }

private:
    std::atomic<quint64> m_value{0};
};

// One histogram series: counts per bucket (not cumulative; rendering accumulates them) and the
// sum of observed values.
class Histogram
{
public:
    explicit Histogram(const std::vector<double> &bounds);

    void observe(double value);

    struct Snapshot
    {
        std::vector<quint64> cumulative; // one per bound, then +Inf
        double sum = 0;
    };
    Snapshot snapshot() const;

private:
    const std::vector<double> &m_bounds;
    std::unique_ptr<std::atomic<quint64>[]> m_buckets; // bounds.size() + 1 (+Inf)
    std::atomic<double> m_sum{0};
};

// A process-wide serial number for each family made.
quint64 nextFamilyId();

// A metric name with its fixed label names, and its series by label values.
template<class Series> class Family
{
public:
    Family(QString name, QString help, QStringList labelNames)
        : m_id(nextFamilyId())
        , m_name(std::move(name))
        , m_help(std::move(help))
        , m_labelNames(std::move(labelNames))
    {}

    const QString &name() const { return m_name; }
    const QString &help() const { return m_help; }
    const QStringList &labelNames() const { return m_labelNames; }

    // The series of these label values (in the order of labelNames()), made on first use.
    // A call with the wrong number of values is a programming error (asserted) and is given
    // the series of empty values rather than a crash.
    Series &labels(std::initializer_list<QString> values) { return labels(QStringList(values)); }
    Series &labels(const QStringList &values);

    // Every series with its label values, for rendering.
    template<class Visit> void forEach(Visit visit) const
    {
        std::shared_lock lock(m_mutex);
        QList<QString> keys = m_series.keys();
        std::sort(keys.begin(), keys.end());
        for (const QString &key : std::as_const(keys)) {
            const Entry &entry = *m_series.value(key);
            visit(entry.values, *entry.series);
        }
    }

    virtual ~Family() = default;

protected:
    virtual std::unique_ptr<Series> make() const = 0;

private:
    struct Entry
    {
        QStringList values;
        std::unique_ptr<Series> series;
    };

    const quint64 m_id;
    QString m_name;
    QString m_help;
    QStringList m_labelNames;
    mutable std::shared_mutex m_mutex;
    QHash<QString, Entry *> m_series; // by the values joined with U+001F
    std::deque<Entry> m_entries;      // stable addresses
};

class CounterFamily final : public Family<Counter>
{
public:
    using Family::Family;

protected:
    std::unique_ptr<Counter> make() const override { return std::make_unique<Counter>(); }
};

class HistogramFamily final : public Family<Histogram>
{
public:
    HistogramFamily(QString name, QString help, QStringList labelNames, std::vector<double> bounds)
        : Family(std::move(name), std::move(help), std::move(labelNames))
        , m_bounds(std::move(bounds))
    {}

    const std::vector<double> &bounds() const { return m_bounds; }

protected:
    std::unique_ptr<Histogram> make() const override
    {
        return std::make_unique<Histogram>(m_bounds);
    }

private:
    std::vector<double> m_bounds;
};

// Latency buckets in seconds, from 5 ms (a cached answer) to 10 s (the provider timeout).
const std::vector<double> &latencyBuckets();

// The families of one process. Families are registered once and live as long as the registry;
// registering a name again returns the family already there (so each recording site may
// register the family it uses).
class MetricsRegistry
{
public:
    MetricsRegistry() = default;
    MetricsRegistry(const MetricsRegistry &) = delete;
    MetricsRegistry &operator=(const MetricsRegistry &) = delete;

    // The process's registry, which the server's recording sites use.
    static MetricsRegistry &global();

    CounterFamily &counter(const QString &name, const QString &help,
                           const QStringList &labelNames = {});
    HistogramFamily &histogram(const QString &name, const QString &help,
                               const QStringList &labelNames = {},
                               const std::vector<double> &bounds = latencyBuckets());

    // Every family, sorted by name, into `out`.
    void render(TextExposition &out) const;

private:
    mutable std::mutex m_mutex;
    std::deque<CounterFamily> m_counters;
    std::deque<HistogramFamily> m_histograms;
};

template<class Series> Series &Family<Series>::labels(const QStringList &given)
{
    Q_ASSERT(given.size() == m_labelNames.size());
    QStringList values = given;
    if (values.size() != m_labelNames.size())
        values = QStringList(m_labelNames.size(), QString());
    const QString key = values.join(QChar(0x1f));
    // Each thread remembers the series it has used, so after its first use a series is found
    // without touching the family's lock. Series live as long as their family, and family ids
    // are never reused, so a remembered pointer is valid whenever its id is looked up.
    thread_local QHash<QPair<quint64, QString>, Series *> remembered;
    const QPair<quint64, QString> mine{m_id, key};
    if (Series *series = remembered.value(mine))
        return *series;
    Series *series = nullptr;
    {
        std::shared_lock lock(m_mutex);
        if (Entry *entry = m_series.value(key))
            series = entry->series.get();
    }
    if (!series) {
        std::unique_lock lock(m_mutex);
        if (Entry *entry = m_series.value(key)) {
            series = entry->series.get();
        } else {
            m_entries.push_back(Entry{values, make()});
            m_series.insert(key, &m_entries.back());
            series = m_entries.back().series.get();
        }
    }
    // Bounded: a thread that sees unusually many series looks the rest up under the lock.
    if (remembered.size() < 4096)
        remembered.insert(mine, series);
    return *series;
}

} // namespace vox::metrics
