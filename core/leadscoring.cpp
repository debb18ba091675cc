#include "core/leadscoring.h"

#include "core/servicematch.h"

#include <QStringList>

#include <algorithm>

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

bool mentionsClinicalConcern(const QString &callerText)
{
    // English and Spanish, the two languages the console and the agent speak.
    static const QStringList symptoms{
        u"swelling"_s,       u"swollen"_s,       u"pain"_s,      u"painful"_s,  u"hurts"_s,
        u"bleeding"_s,       u"bleed"_s,         u"infection"_s, u"infected"_s, u"reaction"_s,
        u"allergic"_s,       u"fever"_s,         u"numbness"_s,  u"numb"_s,     u"blister"_s,
        u"rash"_s,           u"pus"_s,           u"bruising"_s,  u"lump"_s,     u"discharge"_s,
        u"blurred vision"_s, u"can't breathe"_s, u"hinchazón"_s, u"hinchado"_s, u"hinchada"_s,
        u"dolor"_s,          u"sangrado"_s,      u"infección"_s, u"reacción"_s, u"fiebre"_s,
        u"entumecimiento"_s};
    static const QStringList afterTreatment{
        u"after"_s,  u"since"_s,   u"following"_s, u"i had"_s,     u"i got"_s,
        u"had my"_s, u"got my"_s,  u"i've had"_s,  u"yesterday"_s, u"después"_s,
        u"desde"_s,  u"me hice"_s, u"ayer"_s};
    const auto any = [&callerText](const QStringList &phrases) {
        return std::any_of(phrases.begin(), phrases.end(), [&callerText](const QString &p) {
            return services::mentions(callerText, p);
        });
    };
    return any(symptoms) && any(afterTreatment);
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
    const bool needsAttention = s.urgency == u"high" || s.clinicalConcern;
    if (needsAttention)
        score = qMax(score, hotThreshold);
    score = qBound(0, score, 100);
    return {score, temperatureFor(score), needsAttention};
}

} // namespace vox::leads
