#pragma once

#include <QDateTime>
#include <QList>
#include <QString>

#include <optional>

// How long a clinic keeps the content of what happened (recordings, transcripts, message
// bodies) before it is removed. The facts stay: that a call happened, when, how long, its outcome
// and value. A window of nullopt keeps the content forever.
namespace vox::retention {

enum class Content { Recording, Transcript, MessageBody };

struct Policy
{
    std::optional<int> recordingDays;
    std::optional<int> transcriptDays;
    std::optional<int> messageBodyDays;

    std::optional<int> daysFor(Content content) const;
};

// What a new clinic starts with, and why: recordings are the largest and most sensitive copy and
// are rarely needed after a year; transcripts and messages are part of the record the clinic may
// have to show, kept six years like HIPAA's documentation.
inline constexpr int defaultRecordingDays = 365;
inline constexpr int defaultTranscriptDays = 6 * 365;
inline constexpr int defaultMessageBodyDays = 6 * 365;
Policy defaults();

// A window an admin may choose: 1 day to 100 years.
inline constexpr int shortestDays = 1;
inline constexpr int longestDays = 36500;
bool isValidWindow(int days);

// The moment before which content of that kind is due, or nullopt when it is kept forever.
// Windows are whole 24-hour days back from `now`.
std::optional<QDateTime> cutoff(const Policy &policy, Content content, const QDateTime &now);

// Whether content created at `createdAt` is due for removal at `now`: older than the window (the
// window's last moment itself is still kept), and its contact is not on legal hold.
bool isDue(const Policy &policy, Content content, const QDateTime &createdAt, const QDateTime &now,
           bool legalHold);

// "365 days", "forever": how the console and the audit describe a window.
QString describe(std::optional<int> days);

} // namespace vox::retention
