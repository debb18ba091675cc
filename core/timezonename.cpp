#include "core/timezonename.h"

#include <QTimeZone>

namespace vox {

bool isTimeZoneName(const QString &name)
{
    if (name.isEmpty() || name.size() > 64 || name.contains(u"..") || name.startsWith(u'/'))
        return false;
    return QTimeZone(name.toLatin1()).isValid();
}

} // namespace vox
