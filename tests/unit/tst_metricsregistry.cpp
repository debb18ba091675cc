#include "core/metrics/metricsregistry.h"
#include "core/metrics/textexposition.h"

#include <QTest>

#include <limits>
#include <thread>
#include <vector>

using namespace Qt::Literals::StringLiterals;
using vox::metrics::MetricsRegistry;
using vox::metrics::TextExposition;

class TestMetricsRegistry : public QObject
{
    Q_OBJECT

private slots:
    void labelValuesAreEscaped_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("escaped");
        QTest::newRow("plain") << u"/api/contacts/:id"_s << u"/api/contacts/:id"_s;
        QTest::newRow("backslash") << u"a\\b"_s << u"a\\\\b"_s;
        QTest::newRow("double quote") << u"say \"hi\""_s << u"say \\\"hi\\\""_s;
        QTest::newRow("line feed") << u"two\nlines"_s << u"two\\nlines"_s;
        QTest::newRow("all three") << u"\\\"\n"_s << u"\\\\\\\"\\n"_s;
        QTest::newRow("unicode stays") << u"café"_s << u"café"_s;
    }
    void labelValuesAreEscaped()
    {
        QFETCH(QString, value);
        QFETCH(QString, escaped);
        QCOMPARE(vox::metrics::escapeLabelValue(value), escaped);
    }

    void helpKeepsQuotesButEscapesBackslashAndLineFeed()
    {
        QCOMPARE(vox::metrics::escapeHelp(u"a \"b\" \\ c\nd"_s), u"a \"b\" \\\\ c\\nd"_s);
    }

    void numbersAreWrittenAsPrometheusReadsThem_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QString>("text");
        QTest::newRow("integer") << 3.0 << u"3"_s;
        QTest::newRow("zero") << 0.0 << u"0"_s;
        QTest::newRow("bucket bound") << 0.005 << u"0.005"_s;
        QTest::newRow("shortest exact") << 0.1 << u"0.1"_s;
        QTest::newRow("large count") << 12345678901.0 << u"12345678901"_s;
        QTest::newRow("+Inf") << std::numeric_limits<double>::infinity() << u"+Inf"_s;
        QTest::newRow("-Inf") << -std::numeric_limits<double>::infinity() << u"-Inf"_s;
        QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << u"NaN"_s;
    }
    void numbersAreWrittenAsPrometheusReadsThem()
    {
        QFETCH(double, value);
        QFETCH(QString, text);
        QCOMPARE(vox::metrics::formatNumber(value), text);
    }

    void namesFollowPrometheusRules_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("metric");
        QTest::addColumn<bool>("label");
        QTest::newRow("snake case") << u"voxanne_http_requests_total"_s << true << true;
        QTest::newRow("colon (recording rules)") << u"job:requests:rate5m"_s << true << false;
        QTest::newRow("leading digit") << u"5xx_total"_s << false << false;
        QTest::newRow("dash") << u"http-requests"_s << false << false;
        QTest::newRow("reserved label") << u"__name__"_s << true << false;
        QTest::newRow("empty") << QString() << false << false;
    }
    void namesFollowPrometheusRules()
    {
        QFETCH(QString, name);
        QFETCH(bool, metric);
        QFETCH(bool, label);
        QCOMPARE(vox::metrics::isValidMetricName(name), metric);
        QCOMPARE(vox::metrics::isValidLabelName(name), label);
    }

    void countersRenderWithHelpTypeAndLabels()
    {
        MetricsRegistry registry;
        auto &requests = registry.counter(u"t_requests_total"_s, u"Requests \\ served."_s,
                                          {u"route"_s, u"status"_s});
        requests.labels({u"/a/:id"_s, u"200"_s}).inc();
        requests.labels({u"/a/:id"_s, u"200"_s}).inc(2);
        requests.labels({u"say \"x\""_s, u"500"_s}).inc();
        // Registering the name again is the same family.
        QCOMPARE(&registry.counter(u"t_requests_total"_s, u"ignored"_s, {u"route"_s, u"status"_s}),
                 &requests);
        TextExposition out;
        registry.render(out);
        QCOMPARE(QString::fromUtf8(out.text()),
                 u"# HELP t_requests_total Requests \\\\ served.\n"
                 "# TYPE t_requests_total counter\n"
                 "t_requests_total{route=\"/a/:id\",status=\"200\"} 3\n"
                 "t_requests_total{route=\"say \\\"x\\\"\",status=\"500\"} 1\n"_s);
    }

    // Buckets are cumulative and end with +Inf, whose count is _count; _sum adds the values.
    void histogramsRenderCumulativeBucketsSumAndCount()
    {
        MetricsRegistry registry;
        auto &latency = registry.histogram(u"t_seconds"_s, u"Latency."_s, {u"tool"_s}, {0.1, 1});
        auto &series = latency.labels({u"book"_s});
        for (const double v : {0.05, 0.1, 0.5, 2.0, 3.0})
            series.observe(v);
        TextExposition out;
        registry.render(out);
        QCOMPARE(QString::fromUtf8(out.text()), u"# HELP t_seconds Latency.\n"
                                                "# TYPE t_seconds histogram\n"
                                                "t_seconds_bucket{tool=\"book\",le=\"0.1\"} 2\n"
                                                "t_seconds_bucket{tool=\"book\",le=\"1\"} 3\n"
                                                "t_seconds_bucket{tool=\"book\",le=\"+Inf\"} 5\n"
                                                "t_seconds_sum{tool=\"book\"} 5.65\n"
                                                "t_seconds_count{tool=\"book\"} 5\n"_s);
    }

    void familiesComeOutSortedByName()
    {
        MetricsRegistry registry;
        registry.counter(u"b_total"_s, u"b"_s).labels({}).inc();
        registry.histogram(u"a_seconds"_s, u"a"_s, {}, {1}).labels({}).observe(0.5);
        TextExposition out;
        registry.render(out);
        const QByteArray text = out.text();
        QVERIFY(text.indexOf("# TYPE a_seconds") < text.indexOf("# TYPE b_total"));
    }

    // Recording from many threads at once loses nothing.
    void concurrentRecordingLosesNothing()
    {
        MetricsRegistry registry;
        auto &counter = registry.counter(u"t_total"_s, u"t"_s, {u"n"_s});
        auto &histogram = registry.histogram(u"t_seconds"_s, u"t"_s, {u"n"_s}, {0.5});
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&, t] {
                for (int i = 0; i < 10000; ++i) {
                    const QString label = QString::number((i + t) % 3);
                    counter.labels({label}).inc();
                    histogram.labels({label}).observe(1.0);
                }
            });
        for (auto &thread : threads)
            thread.join();
        quint64 counted = 0;
        quint64 observed = 0;
        double sum = 0;
        counter.forEach(
            [&](const QStringList &, const vox::metrics::Counter &c) { counted += c.value(); });
        histogram.forEach([&](const QStringList &, const vox::metrics::Histogram &h) {
            const auto s = h.snapshot();
            observed += s.cumulative.back();
            sum += s.sum;
        });
        QCOMPARE(counted, quint64(40000));
        QCOMPARE(observed, quint64(40000));
        QCOMPARE(sum, 40000.0);
    }
};

QTEST_GUILESS_MAIN(TestMetricsRegistry)
#include "tst_metricsregistry.moc"
