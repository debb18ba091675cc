#include "ui/api/liveevent.h"

#include "ui/api/jsonfields.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

LiveEvent LiveEvent::fromJson(const QJsonObject &json)
{
    LiveEvent e;
    e.id = qint64(json.value(u"id"_s).toDouble());
    e.type = json.value(u"type"_s).toString();
    e.entityType = json.value(u"entity_type"_s).toString();
    e.entityId = json.value(u"entity_id"_s).toString();
    e.payload = json.value(u"payload"_s).toObject();
    e.createdAt = json::time(json.value(u"created_at"_s));
    return e;
}

} // namespace vox::ui
