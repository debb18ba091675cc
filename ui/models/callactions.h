#pragma once

#include "ui/api/callrecord.h"

// When each action of a call applies: a recording to share, a transcript to export, a number to
// text. Free functions, so tests state the rules directly.
namespace vox::ui::callactions {

// Share Recording: `call.has_recording && call.recording_status === 'completed'`.
inline bool canShare(const CallRecord &call)
{
    return call.hasRecording && call.recordingStatus == u"completed";
}

// Export Transcript: `call.has_transcript`.
inline bool canExport(const CallRecord &call)
{
    return call.hasTranscript;
}

// Send Follow-up SMS: `call.phone_number`.
inline bool canFollowUp(const CallRecord &call)
{
    return !call.phoneNumber.trimmed().isEmpty();
}

// An SMS is one segment: the server refuses more (docs/api.md, followup).
inline constexpr int followUpLimit = 160;

} // namespace vox::ui::callactions
