#include "ui/api/servicerecord.h"

#include "ui/api/jsonfields.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

ServiceRecord ServiceRecord::fromJson(const QJsonObject &json)
{
    ServiceRecord s;
    s.id = json.value(u"id"_s).toString();
    s.name = json.value(u"name"_s).toString();
    s.priceCents = json::cents(json, u"price_cents"_s, u"price"_s);
    s.durationMinutes = json.value(u"duration_minutes"_s).toInt(60);
    s.active = json.value(u"active"_s).toBool(true);
    return s;
}

} // namespace vox::ui
