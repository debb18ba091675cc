#pragma once

#include "ui/api/callrecord.h"

#include <QDateTime>
#include <QString>
#include <QUrlQuery>

namespace vox::ui {

// The calls list's search and filters, as the console's filter bar sets them.
struct CallQuery
{
    QString search;
    QString direction;    // inbound, outbound or empty
    QString sentiment;    // positive, neutral, negative or empty
    QString hasRecording; // "true", "false" or empty
    QDateTime from;
    QDateTime to;

    bool operator==(const CallQuery &) const = default;

    QUrlQuery toUrlQuery() const;
    // Whether a call that arrives live belongs in the list as filtered. A text search is the
    // server's to judge (it also searches transcripts), so it says no and the list re-reads.
    bool admits(const CallRecord &call) const;
};

} // namespace vox::ui
