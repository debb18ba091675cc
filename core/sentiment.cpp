#include "core/sentiment.h"

#include "core/servicematch.h"

#include <QRegularExpression>
#include <QSet>
#include <QStringList>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace vox::sentiment {

QString labelFor(double score)
{
    if (score > 0.2)
        return u"positive"_s;
    if (score < -0.2)
        return u"negative"_s;
    return u"neutral"_s;
}

QString estimateUrgency(const QString &callerText)
{
    static const QStringList high{
        u"emergency"_s,  u"urgent"_s,      u"urgently"_s, u"asap"_s,     u"as soon as possible"_s,
        u"right away"_s, u"immediately"_s, u"pain"_s,     u"bleeding"_s, u"infection"_s,
        u"swelling"_s,   u"severe"_s};
    static const QStringList medium{u"soon"_s,     u"this week"_s, u"today"_s,
                                    u"tomorrow"_s, u"quickly"_s,   u"earliest"_s};
    for (const QString &w : high) {
        if (services::mentions(callerText, w))
            return u"high"_s;
    }
    for (const QString &w : medium) {
        if (services::mentions(callerText, w))
            return u"medium"_s;
    }
    return u"low"_s;
}

Sentiment estimate(const QString &callerText)
{
    static const QSet<QString> positive{
        u"great"_s,   u"thanks"_s,     u"thank"_s,   u"perfect"_s,   u"love"_s,    u"wonderful"_s,
        u"excited"_s, u"happy"_s,      u"awesome"_s, u"excellent"_s, u"good"_s,    u"amazing"_s,
        u"helpful"_s, u"appreciate"_s, u"glad"_s,    u"fantastic"_s, u"pleased"_s, u"nice"_s};
    static const QSet<QString> negative{
        u"angry"_s,      u"upset"_s,        u"terrible"_s,  u"awful"_s,     u"disappointed"_s,
        u"frustrated"_s, u"frustrating"_s,  u"complain"_s,  u"complaint"_s, u"rude"_s,
        u"worst"_s,      u"bad"_s,          u"horrible"_s,  u"unhappy"_s,   u"annoyed"_s,
        u"ridiculous"_s, u"unacceptable"_s, u"expensive"_s, u"problem"_s,   u"wrong"_s};
    static const QSet<QString> negators{u"not"_s,  u"never"_s, u"no"_s,    u"don't"_s,
                                        u"dont"_s, u"isn't"_s, u"wasn't"_s};
    static const QRegularExpression word(u"[A-Za-z']+"_s);

    QStringList words;
    for (auto it = word.globalMatch(callerText); it.hasNext();)
        words << it.next().captured().toLower();
    int pos = 0;
    int neg = 0;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const bool isPositive = positive.contains(words.at(i));
        const bool isNegative = negative.contains(words.at(i));
        if (!isPositive && !isNegative)
            continue;
        bool negated = false;
        for (qsizetype back = 1; back <= 2 && i - back >= 0; ++back)
            negated = negated || negators.contains(words.at(i - back));
        if (isPositive != negated)
            ++pos;
        else
            ++neg;
    }
    Sentiment s;
    s.score = double(pos - neg) / double(pos + neg + 1);
    s.score = std::round(s.score * 1000.0) / 1000.0;
    s.label = labelFor(s.score);
    s.urgency = estimateUrgency(callerText);
    return s;
}

std::optional<Sentiment> fromAnalysis(const QJsonObject &analysis)
{
    const QJsonObject data = analysis.value(u"structuredData"_s).toObject();
    auto field = [&](const QStringList &names) -> QJsonValue {
        for (const QString &n : names) {
            for (auto it = data.begin(); it != data.end(); ++it) {
                if (it.key().compare(n, Qt::CaseInsensitive) == 0)
                    return it.value();
            }
        }
        return QJsonValue();
    };
    const QJsonValue rawLabel = field({u"sentiment"_s, u"sentimentLabel"_s, u"sentiment_label"_s});
    const QJsonValue rawScore = field({u"sentimentScore"_s, u"sentiment_score"_s});
    const QJsonValue rawUrgency = field({u"urgency"_s, u"sentimentUrgency"_s});

    std::optional<double> score;
    QString label;
    if (rawScore.isDouble())
        score = rawScore.toDouble();
    if (rawLabel.isDouble() && !score)
        score = rawLabel.toDouble();
    if (rawLabel.isString()) {
        label = rawLabel.toString().trimmed().toLower();
        if (label != u"positive" && label != u"neutral" && label != u"negative")
            label.clear();
    }
    if (!score && label.isEmpty())
        return std::nullopt;
    Sentiment s;
    if (score) {
        s.score = qBound(-1.0, *score, 1.0);
    } else {
        s.score = label == u"positive" ? 0.6 : label == u"negative" ? -0.6 : 0.0;
    }
    s.label = label.isEmpty() ? labelFor(s.score) : label;
    const QString urgency = rawUrgency.toString().trimmed().toLower();
    if (urgency == u"low" || urgency == u"medium" || urgency == u"high")
        s.urgency = urgency;
    return s;
}

} // namespace vox::sentiment
