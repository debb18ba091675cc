#include "core/transcriptfollow.h"

#include <algorithm>

namespace vox::transcript {

qsizetype currentLine(const QList<qint64> &startsMs, qint64 positionMs)
{
    qsizetype current = -1;
    qint64 latestStart = -1;
    for (qsizetype i = 0; i < startsMs.size(); ++i) {
        const qint64 start = startsMs.at(i);
        if (start < 0 || start < latestStart)
            continue;
        if (start > positionMs)
            break;
        current = i;
        latestStart = start;
    }
    return current;
}

qint64 skipTarget(qint64 positionMs, qint64 deltaMs, qint64 durationMs)
{
    const qint64 target = std::max<qint64>(0, positionMs + deltaMs);
    return durationMs > 0 ? std::min(target, durationMs) : target;
}

} // namespace vox::transcript
