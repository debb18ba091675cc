#include "core/leadscoring.h"

#include "core/servicematch.h"

#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace vox::leads {

Temperature temperatureFor(int score)
{
    if (score >= hotThreshold)
        return Temperature::Hot;
    if (score >= warmThreshold)
        return Temperature::Warm;
    return Temperature::Cold;
}

QString temperatureName(Temperature temperature)
{
    switch (temperature) {
    case Temperature::Hot:
        return u"hot"_s;
    case Temperature::Warm:
        return u"warm"_s;
    case Temperature::Cold:
        break;
    }
    return u"cold"_s;
}

int countIntentPhrases(const QString &callerText)
{
    static const QStringList phrases{
        u"book"_s,      u"appointment"_s, u"schedule"_s,    u"available"_s,  u"availability"_s,
        u"how much"_s,  u"price"_s,       u"cost"_s,        u"interested"_s, u"sign me up"_s,
        u"next week"_s, u"come in"_s,     u"consultation"_s};
    int count = 0;
    for (const QString &phrase : phrases) {
        if (services::mentions(callerText, phrase))
            ++count;
    }
    return count;
}

LeadScore scoreLead(const LeadSignals &s)
{
    int score = 0;
    if (s.booked)
        score += 40;
    score += 10 * qBound(0, s.matchedServices, 2);
    if (s.valueCents >= 500000)
        score += 10;
    else if (s.valueCents >= 100000)
        score += 5;
    score += 5 * qBound(0, s.intentPhrases, 3);
    if (s.sentimentLabel == u"positive")
        score += 10;
    else if (s.sentimentLabel == u"negative")
        score -= 15;
    if (s.urgency == u"high")
        score += 10;
    else if (s.urgency == u"medium")
        score += 5;
    if (s.durationSeconds >= 120)
        score += 5;
    else if (s.durationSeconds < 15)
        score -= 10;
    score = qBound(0, score, 100);
    return {score, temperatureFor(score)};
}

} // namespace vox::leads
