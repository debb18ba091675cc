#pragma once

#include <QByteArray>
#include <QString>

// Why a call's recording cannot be played, in words a front desk can act on: the recording is
// not there, its link expired, the storage refuses it, this computer cannot reach it, or it is
// in a format the console cannot play. Never "cannot be played on this computer" for a problem
// that is somewhere else.
namespace vox::ui::recordingproblem {

enum class Reason {
    None,          // it answered with audio
    NotFound,      // 404
    Expired,       // 410
    Refused,       // 401, 403: usually a signed link that ran out
    Offline,       // no answer at all
    Unsupported,   // an answer that is not audio, or audio the player cannot decode
    StorageFailed, // any other status: the storage's own trouble
};

// What an answer to a recording's address means. `network` is true when no HTTP answer came;
// `head` is the start of the body (to recognise audio whatever the content type says).
Reason fromAnswer(int status, bool noAnswer, const QByteArray &contentType, const QByteArray &head);

// Whether these first bytes are an audio file the console knows (WAV, MP3, Ogg, FLAC, MP4/M4A).
bool looksLikeAudio(const QByteArray &head);

// The sentence shown under the player; `status` is named where it helps support.
QString explain(Reason reason, int status = 0);

} // namespace vox::ui::recordingproblem
