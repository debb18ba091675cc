#pragma once

#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace vox::ui {

// The dashboard's figures for one range (GET /api/dashboard/summary).
struct DashboardSummary
{
    struct Day
    {
        QDate date;
        int calls = 0;
        int bookings = 0;
    };

    QString range;
    qint64 pipelineValueCents = 0;
    double successRate = 0;
    int averageDurationSeconds = 0;
    int totalCalls = 0;
    int inboundCalls = 0;
    int outboundCalls = 0;
    int bookedCalls = 0;
    int callsToday = 0;
    int callsThisWeek = 0;
    int hotLeads = 0;
    QList<Day> perDay;

    static DashboardSummary fromJson(const QJsonObject &json);
};

} // namespace vox::ui
