#include "ui/api/orgsettings.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

OrgSettings OrgSettings::fromJson(const QJsonObject &json)
{
    OrgSettings s;
    s.name = json.value(u"name"_s).toString();
    s.timeZone = json.value(u"time_zone"_s).toString();
    s.currency = json.value(u"currency"_s).toString(u"USD"_s);
    s.phoneCountry = json.value(u"phone_country"_s).toString(u"US"_s);
    s.redactPii = json.value(u"redact_pii"_s).toBool(true);
    s.alertPhone = json.value(u"alert_phone"_s).toString();
    s.emailFrom = json.value(u"email_from"_s).toString();
    s.slotMinutes = json.value(u"slot_minutes"_s).toInt(30);
    s.language = json.value(u"language"_s).toString(u"en"_s);
    const QJsonArray hours = json.value(u"business_hours"_s).toArray();
    for (const QJsonValue &item : hours) {
        const QJsonObject h = item.toObject();
        s.businessHours << OpeningPeriod{h.value(u"weekday"_s).toInt(),
                                         h.value(u"opens_at"_s).toString(),
                                         h.value(u"closes_at"_s).toString()};
    }
    return s;
}

} // namespace vox::ui
