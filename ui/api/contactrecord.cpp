#include "ui/api/contactrecord.h"

#include "ui/api/jsonfields.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

ContactRecord ContactRecord::fromJson(const QJsonObject &json)
{
    ContactRecord c;
    c.id = json.value(u"id"_s).toString();
    c.name = json::string(json, u"contact_name"_s, u"name"_s);
    c.phoneNumber = json::string(json, u"phone_number"_s, u"phone"_s);
    c.email = json.value(u"email"_s).toString();
    c.leadStatus = json.value(u"lead_status"_s).toString();
    c.leadScore = json.value(u"lead_score"_s).toInt();
    c.leadTemperature = json.value(u"lead_temperature"_s).toString();
    c.needsAttention = json.value(u"needs_attention"_s).toBool();
    c.priority = json.value(u"priority"_s).toString();
    c.serviceInterests =
        json::strings(json.contains(u"service_interests"_s) ? json.value(u"service_interests"_s)
                                                            : json.value(u"services_interested"_s));
    c.notes = json.value(u"notes"_s).toString();
    c.preferredLanguage = json.value(u"preferred_language"_s).toString();
    c.doNotText = json.value(u"do_not_text"_s).toBool();
    c.legalHold = json.value(u"legal_hold"_s).toBool();
    c.lastContactedAt = json::time(json.value(u"last_contacted_at"_s));
    c.createdAt = json::time(json.value(u"created_at"_s));
    return c;
}

} // namespace vox::ui
