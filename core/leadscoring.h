#pragma once

#include <QString>

// Lead score 0-100 and temperature (hot >= 70, warm 40-69, cold < 40) of a caller after a call. A
// pure function of what the call showed, so tests and the webhook agree on every case.
namespace vox::leads {

enum class Temperature { Cold, Warm, Hot };

struct LeadSignals
{
    bool booked = false;
    int matchedServices = 0;
    qint64 valueCents = 0;
    int intentPhrases = 0;  // "book", "how much", "available", ... (countIntentPhrases)
    QString sentimentLabel; // positive | neutral | negative | empty
    QString urgency;        // low | medium | high | empty
    int durationSeconds = 0;
    bool clinicalConcern = false; // mentionsClinicalConcern
};

struct LeadScore
{
    int score = 0;
    Temperature temperature = Temperature::Cold;
    // Urgent, or a symptom after a treatment: a person should call today, whatever the odds of a
    // booking.
    bool needsAttention = false;
};

inline constexpr int hotThreshold = 70;
inline constexpr int warmThreshold = 40;

// Points: booked +40; each matched service +10 (two at most); value >= $5,000 +10 or >= $1,000
// +5; each buying-intent phrase +5 (three at most); positive +10, negative -15; urgency high
// +10, medium +5; a conversation of two minutes or more +5, under 15 seconds -10. Clamped to
// 0-100. A call that needs attention (urgency high or a clinical concern) scores at least
// hotThreshold: the score orders the call-back list, and a patient with swelling after fillers
// belongs at its top even if the call was short and unhappy. Only what this call showed counts
// (not, say, whether the number called before), so a call's score does not depend on the order in
// which calls are processed.
LeadScore scoreLead(const LeadSignals &lead);
Temperature temperatureFor(int score);
QString temperatureName(Temperature temperature);

// How many distinct buying-intent phrases the caller used.
int countIntentPhrases(const QString &callerText);

// Whether the caller describes a symptom (swelling, pain, bleeding, infection, a reaction, fever,
// numbness, ...) after a treatment ("after", "since", "I had", ...). Errs towards yes: calling a
// worried patient who was only asking costs a minute, missing a complication does not.
bool mentionsClinicalConcern(const QString &callerText);

} // namespace vox::leads
