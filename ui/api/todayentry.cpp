#include "ui/api/todayentry.h"

#include "ui/api/jsonfields.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

TodayEntry TodayEntry::fromJson(const QJsonObject &json)
{
    TodayEntry e;
    e.id = json.value(u"id"_s).toString();
    e.contactId = json.value(u"contact_id"_s).toString();
    e.callId = json.value(u"call_id"_s).toString();
    e.reason = json.value(u"reason"_s).toString();
    e.at = json::time(json.value(u"at"_s));
    e.name = json.value(u"name"_s).toString();
    e.phone = json.value(u"phone"_s).toString();
    e.summary = json.value(u"summary"_s).toString();
    e.leadScore = json.value(u"lead_score"_s).toInt();
    e.state = json.value(u"state"_s).toString(u"open"_s);
    e.ownerId = json.value(u"owner_id"_s).toString();
    e.ownerName = json.value(u"owner_name"_s).toString();
    e.note = json.value(u"note"_s).toString();
    return e;
}

TodayPerson TodayPerson::fromJson(const QJsonObject &json)
{
    return {json.value(u"id"_s).toString(), json.value(u"name"_s).toString()};
}

TodayList TodayList::fromJson(const QJsonObject &json)
{
    TodayList list;
    list.date = json.value(u"date"_s).toString();
    list.entries = json::objects<TodayEntry>(json, u"entries"_s);
    list.people = json::objects<TodayPerson>(json, u"people"_s);
    return list;
}

} // namespace vox::ui
