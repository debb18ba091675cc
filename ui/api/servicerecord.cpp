#include "ui/api/servicerecord.h"

#include "ui/api/jsonfields.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

ServiceRecord ServiceRecord::fromJson(const QJsonObject &json)
{
    ServiceRecord s;
    s.id = json.value(u"id"_s).toString();
    s.name = json.value(u"name"_s).toString();
    s.priceCents = json::cents(json, u"price_cents"_s, u"price"_s);
    s.keywords = json::strings(json.value(u"keywords"_s));
    s.durationMinutes = json.value(u"duration_minutes"_s).toInt(60);
    s.bufferBeforeMinutes = json.value(u"buffer_before_minutes"_s).toInt(0);
    s.bufferAfterMinutes = json.value(u"buffer_after_minutes"_s).toInt(0);
    s.active = json.value(u"active"_s).toBool(true);
    return s;
}

QJsonObject ServiceRecord::toJson() const
{
    return {{u"name"_s, name.trimmed()},
            {u"price_cents"_s, priceCents},
            {u"keywords"_s, QJsonArray::fromStringList(keywords)},
            {u"duration_minutes"_s, durationMinutes},
            {u"buffer_before_minutes"_s, bufferBeforeMinutes},
            {u"buffer_after_minutes"_s, bufferAfterMinutes},
            {u"active"_s, active}};
}

} // namespace vox::ui
