#include "server/services/servicerules.h"

#include "server/http/response.h"

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::servicerules {

QStringList normalizeKeywords(const QStringList &keywords)
{
    QStringList out;
    for (const QString &keyword : keywords) {
        const QString clean = keyword.simplified().toLower();
        if (!clean.isEmpty() && !out.contains(clean))
            out.append(clean);
    }
    return out;
}

Result<std::optional<qint64>> priceCents(std::optional<double> dollars, std::optional<qint64> cents)
{
    std::optional<qint64> fromDollars;
    if (dollars) {
        const double scaled = *dollars * 100.0;
        const double rounded = std::round(scaled);
        if (!std::isfinite(scaled) || *dollars < 0 || rounded > double(maxPriceCents))
            return http::status::badRequest(
                u"'price' must be between 0 and %1 dollars."_s.arg(maxPriceCents / 100),
                u"price"_s);
        // 19.99 * 100 is 1998.9999999999998 in binary floating point: allow that much noise.
        if (std::fabs(scaled - rounded) > 1e-6)
            return http::status::badRequest(u"'price' can have at most two decimals (cents)."_s,
                                            u"price"_s);
        fromDollars = qint64(rounded);
    }
    if (cents && (*cents < 0 || *cents > maxPriceCents))
        return http::status::badRequest(
            u"'price_cents' must be between 0 and %1."_s.arg(maxPriceCents), u"price_cents"_s);
    if (fromDollars && cents && *fromDollars != *cents)
        return http::status::badRequest(u"'price' and 'price_cents' disagree; send one of them."_s,
                                        u"price"_s);
    return fromDollars ? fromDollars : cents;
}

} // namespace vox::server::servicerules
