#include "ui/models/recordingproblem.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace vox::ui::recordingproblem {

bool looksLikeAudio(const QByteArray &head)
{
    if (head.startsWith("RIFF") && head.mid(8, 4) == "WAVE")
        return true;
    if (head.startsWith("ID3") || head.startsWith("OggS") || head.startsWith("fLaC"))
        return true;
    if (head.size() >= 8 && head.mid(4, 4) == "ftyp")
        return true;
    // An MPEG audio frame without tags: eleven set bits of frame sync.
    return head.size() >= 2 && uchar(head.at(0)) == 0xff && (uchar(head.at(1)) & 0xe0) == 0xe0;
}

Reason fromAnswer(int status, bool noAnswer, const QByteArray &contentType, const QByteArray &head)
{
    if (noAnswer || status == 0)
        return Reason::Offline;
    if (status == 404)
        return Reason::NotFound;
    if (status == 410)
        return Reason::Expired;
    if (status == 401 || status == 403)
        return Reason::Refused;
    if (status < 200 || status >= 300)
        return Reason::StorageFailed;
    if (looksLikeAudio(head))
        return Reason::None;
    // A type that says audio is believed even when its start is not one the console recognises:
    // the player has the final word.
    const QByteArray type = contentType.toLower();
    if (type.startsWith("audio/") || type.startsWith("video/") || type == "application/ogg")
        return Reason::None;
    return Reason::Unsupported;
}

QString explain(Reason reason, int status)
{
    switch (reason) {
    case Reason::None:
        return {};
    case Reason::NotFound:
        return QCoreApplication::translate(
            "RecordingProblem",
            "This recording is no longer stored: its address answers “not found”. It may "
            "have been deleted.");
    case Reason::Expired:
        return QCoreApplication::translate("RecordingProblem",
                                           "The link to this recording has expired.");
    case Reason::Refused:
        return QCoreApplication::translate("RecordingProblem",
                                           "The recording's storage refused access "
                                           "(HTTP %1); its link may have expired.")
            .arg(status);
    case Reason::Offline:
        return QCoreApplication::translate(
            "RecordingProblem",
            "The recording could not be reached. Check that this computer is online, then "
            "try again.");
    case Reason::Unsupported:
        return QCoreApplication::translate("RecordingProblem",
                                           "The recording is in a format the console cannot play.");
    case Reason::StorageFailed:
        return QCoreApplication::translate(
                   "RecordingProblem",
                   "The recording's storage had a problem (HTTP %1). Try again in a moment.")
            .arg(status);
    }
    return {};
}

} // namespace vox::ui::recordingproblem
