#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringView>

// The Prometheus text exposition format, version 0.0.4: what GET /metrics answers. Pure
// formatting, so the escaping and number rules are tested on their own.
namespace vox::metrics {

using LabelPairs = QList<QPair<QString, QString>>;

inline constexpr char contentType[] = "text/plain; version=0.0.4; charset=utf-8";

// A label value inside its double quotes: backslash, double quote and line feed escaped.
QString escapeLabelValue(QStringView value);
// HELP text: backslash and line feed escaped (quotes stay as they are).
QString escapeHelp(QStringView help);
// A sample value or bucket bound: shortest exact decimal, "+Inf", "-Inf" or "NaN".
QString formatNumber(double value);
// Names as Prometheus accepts them: metrics [a-zA-Z_:][a-zA-Z0-9_:]*, labels
// [a-zA-Z_][a-zA-Z0-9_]* (a leading "__" is reserved).
bool isValidMetricName(QStringView name);
bool isValidLabelName(QStringView name);

// Builds one exposition: a family's HELP and TYPE lines, then its samples.
class TextExposition
{
public:
    enum class Type { Counter, Gauge, Histogram };

    void family(const QString &name, Type type, const QString &help);
    void sample(const QString &name, const LabelPairs &labels, double value);

    const QByteArray &text() const { return m_text; }

private:
    QByteArray m_text;
};

} // namespace vox::metrics
