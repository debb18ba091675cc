#pragma once

#include "core/result.h"

#include <QDate>
#include <QList>
#include <QString>

namespace vox::sandbox {

// Vapi traffic at a fixed concurrency, for tests/bench: tool calls (bookings with a distinct
// slot each, or availability checks) or end-of-call reports of distinct calls (the whole
// analytics pipeline). Each client is a thread with its own keep-alive connection.
struct LoadOptions
{
    QString serverUrl;
    QString secret;
    QString assistantId;
    QString kind = QStringLiteral("book"); // book | availability | report
    int clients = 32;
    int requests = 2000;
    quint32 seed = 1;
    QDate firstDay; // bookings from this weekday on, 16 half-hour slots a day from 9:00
};

struct LoadResult
{
    int requests = 0;
    int errors = 0; // not 2xx, or (bookings) not booked
    double seconds = 0;
    QList<double> latenciesMs; // sorted

    double rate() const { return seconds > 0 ? requests / seconds : 0; }
    double percentile(double p) const;
    QString summary() const;
};

Result<LoadResult> runLoad(const LoadOptions &options);

} // namespace vox::sandbox
