#pragma once

#include "core/result.h"

#include <QString>
#include <QStringList>

#include <optional>

// The rules of a clinic's price list, as pure functions so tests call them directly.
namespace vox::server::servicerules {

inline constexpr qint64 maxPriceCents = 100'000'000; // $1,000,000
inline constexpr int minDurationMinutes = 5;
inline constexpr int maxDurationMinutes = 1440;
inline constexpr int maxBufferMinutes = 480;
inline constexpr int maxKeywords = 50;
inline constexpr int maxKeywordLength = 60;

// Keywords match call transcripts: trimmed, lower-cased, inner spaces collapsed, empty ones
// dropped, repeats removed (the first occurrence keeps its place).
QStringList normalizeKeywords(const QStringList &keywords);

// The price in cents from `price` (dollars, at most two decimals) or `price_cents`. Both may be
// given if they agree. Errors name the field. nullopt when neither is given.
Result<std::optional<qint64>> priceCents(std::optional<double> dollars,
                                         std::optional<qint64> cents);

} // namespace vox::server::servicerules
