#include "ui/api/dashboardsummary.h"

#include "ui/api/jsonfields.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

DashboardSummary DashboardSummary::fromJson(const QJsonObject &json)
{
    DashboardSummary s;
    s.range = json.value(u"range"_s).toString();
    s.pipelineValueCents = json::cents(json, u"pipeline_value_cents"_s, u"pipeline_value"_s);
    s.successRate = json.value(u"success_rate"_s).toDouble();
    s.averageDurationSeconds = qRound(json.value(u"average_duration_seconds"_s).toDouble());
    s.totalCalls = json.value(u"total_calls"_s).toInt();
    s.inboundCalls = json.value(u"inbound_calls"_s).toInt();
    s.outboundCalls = json.value(u"outbound_calls"_s).toInt();
    s.bookedCalls = json.value(u"booked_calls"_s).toInt();
    s.callsToday = json.value(u"calls_today"_s).toInt();
    s.callsThisWeek = json.value(u"calls_this_week"_s).toInt();
    s.hotLeads = json.value(u"hot_leads"_s).toInt();
    const QJsonArray days = json.value(u"per_day"_s).toArray();
    for (const QJsonValue &value : days) {
        const QJsonObject day = value.toObject();
        Day d;
        d.date = QDate::fromString(day.value(u"date"_s).toString(), Qt::ISODate);
        d.calls = day.value(u"calls"_s).toInt();
        d.bookings = day.value(u"bookings"_s).toInt();
        if (d.date.isValid())
            s.perDay << d;
    }
    return s;
}

} // namespace vox::ui
