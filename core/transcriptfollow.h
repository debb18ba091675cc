#pragma once

#include <QList>

// Which transcript line the listener is hearing, so the console can follow the recording.
namespace vox::transcript {

// The line being heard at `positionMs` into the recording: the last line that has started by
// then. `startsMs` are the lines' start offsets in transcript order (a negative start means the
// line has no time and is never current). -1 before the first timed line starts. Lines whose
// times go backwards (a late tool result) are skipped rather than jumping the highlight back.
qsizetype currentLine(const QList<qint64> &startsMs, qint64 positionMs);

// Where a jump of `deltaMs` from `positionMs` lands in a recording of `durationMs`: never before
// the start nor past the end (an unknown duration, 0 or less, bounds only the start).
qint64 skipTarget(qint64 positionMs, qint64 deltaMs, qint64 durationMs);

} // namespace vox::transcript
