#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

// Call sentiment (score -1..1, label, urgency). Vapi's analysis is preferred (our assistants ask
// for `sentiment`, `sentimentScore` and `urgency` in `analysis.structuredData`); when a report has
// none, a small lexicon over what the caller said gives an estimate.
namespace vox::sentiment {

struct Sentiment
{
    double score = 0; // -1 (negative) .. 1 (positive)
    QString label;    // positive | neutral | negative
    QString urgency;  // low | medium | high
};

// positive above 0.2, negative below -0.2, neutral between.
QString labelFor(double score);

// From the caller's words: positive and negative words (a "not"/"never"/"no" just before flips
// one), score = (positive - negative) / (positive + negative + 1); urgency from words such as
// "emergency", "pain", "as soon as possible" (high) or "soon", "this week" (medium).
Sentiment estimate(const QString &callerText);
QString estimateUrgency(const QString &callerText);

// What Vapi's `analysis` says, if anything: structuredData.sentiment (a label or a number),
// structuredData.sentimentScore, structuredData.urgency. Missing parts are filled from each
// other (a label without a score gets +-0.6 or 0); urgency may stay empty.
std::optional<Sentiment> fromAnalysis(const QJsonObject &analysis);

} // namespace vox::sentiment
