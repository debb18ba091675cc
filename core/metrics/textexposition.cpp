#include "core/metrics/textexposition.h"

#include <charconv>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace vox::metrics {

namespace {

QString escaped(QStringView text, bool quotes)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        if (c == u'\\')
            out += u"\\\\"_s;
        else if (c == u'\n')
            out += u"\\n"_s;
        else if (quotes && c == u'"')
            out += u"\\\""_s;
        else
            out += c;
    }
    return out;
}

bool isNameChar(QChar c, bool first, bool colon)
{
    const char16_t u = c.unicode();
    const bool letter = (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || u == u'_';
    const bool digit = u >= u'0' && u <= u'9';
    return letter || (colon && u == u':') || (!first && digit);
}

bool isValidName(QStringView name, bool colon)
{
    if (name.isEmpty())
        return false;
    for (qsizetype i = 0; i < name.size(); ++i) {
        if (!isNameChar(name[i], i == 0, colon))
            return false;
    }
    return true;
}

} // namespace

QString escapeLabelValue(QStringView value)
{
    return escaped(value, true);
}

QString escapeHelp(QStringView help)
{
    return escaped(help, false);
}

QString formatNumber(double value)
{
    if (std::isnan(value))
        return u"NaN"_s;
    if (std::isinf(value))
        return value > 0 ? u"+Inf"_s : u"-Inf"_s;
    char buffer[32];
    const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
    if (ec != std::errc())
        return QString::number(value, 'g', 17);
    return QString::fromLatin1(buffer, end - buffer);
}

bool isValidMetricName(QStringView name)
{
    return isValidName(name, true);
}

bool isValidLabelName(QStringView name)
{
    return isValidName(name, false) && !name.startsWith(u"__");
}

void TextExposition::family(const QString &name, Type type, const QString &help)
{
    const char *typeName = type == Type::Counter ? "counter"
                           : type == Type::Gauge ? "gauge"
                                                 : "histogram";
    m_text += "# HELP " + name.toUtf8() + ' ' + escapeHelp(help).toUtf8() + '\n';
    m_text += "# TYPE " + name.toUtf8() + ' ' + typeName + '\n';
}

void TextExposition::sample(const QString &name, const LabelPairs &labels, double value)
{
    m_text += name.toUtf8();
    if (!labels.isEmpty()) {
        m_text += '{';
        for (qsizetype i = 0; i < labels.size(); ++i) {
            if (i > 0)
                m_text += ',';
            m_text += labels[i].first.toUtf8() + "=\"" +
                      escapeLabelValue(labels[i].second).toUtf8() + '"';
        }
        m_text += '}';
    }
    m_text += ' ' + formatNumber(value).toLatin1() + '\n';
}

} // namespace vox::metrics
