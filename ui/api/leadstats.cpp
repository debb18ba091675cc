#include "ui/api/leadstats.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

LeadStats LeadStats::fromJson(const QJsonObject &json)
{
    const auto count = [&](const QString &name, const QString &oldName) {
        return json.contains(name) ? json.value(name).toInt() : json.value(oldName).toInt();
    };
    LeadStats s;
    s.total = count(u"total_leads"_s, u"total"_s);
    s.hot = count(u"hot_leads"_s, u"hot"_s);
    s.warm = count(u"warm_leads"_s, u"warm"_s);
    s.cold = count(u"cold_leads"_s, u"cold"_s);
    return s;
}

} // namespace vox::ui
