#include "core/retention.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::retention {

std::optional<int> Policy::daysFor(Content content) const
{
    switch (content) {
    case Content::Recording:
        return recordingDays;
    case Content::Transcript:
        return transcriptDays;
    case Content::MessageBody:
        return messageBodyDays;
    }
    return std::nullopt;
}

Policy defaults()
{
    return {defaultRecordingDays, defaultTranscriptDays, defaultMessageBodyDays};
}

bool isValidWindow(int days)
{
    return days >= shortestDays && days <= longestDays;
}

std::optional<QDateTime> cutoff(const Policy &policy, Content content, const QDateTime &now)
{
    const std::optional<int> days = policy.daysFor(content);
    // A window the database would refuse is read as "keep": removing more than the clinic chose
    // cannot be undone, keeping longer can.
    if (!days || !isValidWindow(*days) || !now.isValid())
        return std::nullopt;
    return now.toUTC().addSecs(-qint64(*days) * 86400);
}

bool isDue(const Policy &policy, Content content, const QDateTime &createdAt, const QDateTime &now,
           bool legalHold)
{
    if (legalHold || !createdAt.isValid())
        return false;
    const auto before = cutoff(policy, content, now);
    return before && createdAt < *before;
}

QString describe(std::optional<int> days)
{
    if (!days)
        return u"forever"_s;
    return *days == 1 ? u"1 day"_s : u"%1 days"_s.arg(*days);
}

} // namespace vox::retention
