#include "ui/api/contactdetail.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

ContactDetail ContactDetail::fromJson(const QJsonObject &json)
{
    ContactDetail d;
    d.contact = ContactRecord::fromJson(json);
    const QJsonArray calls = json.value(u"calls"_s).toArray();
    for (const QJsonValue &value : calls)
        d.calls << CallRecord::fromJson(value.toObject());
    const QJsonArray appointments = json.value(u"appointments"_s).toArray();
    for (const QJsonValue &value : appointments)
        d.appointments << AppointmentRecord::fromJson(value.toObject());
    return d;
}

} // namespace vox::ui
