#include "core/timezonename.h"

#include <QStringList>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace vox {

bool isTimeZoneName(const QString &name)
{
    if (name.isEmpty() || name.size() > 64 || name.contains(u"..") || name.startsWith(u'/'))
        return false;
    // Files of the tz database that are not places: the machine's own setting, the rules file,
    // the "zone unknown" placeholder, and the duplicate trees with and without leap seconds.
    static const QStringList notPlaces{u"localtime"_s, u"posixrules"_s, u"Factory"_s};
    if (notPlaces.contains(name, Qt::CaseInsensitive) ||
        name.startsWith(u"posix/"_s, Qt::CaseInsensitive) ||
        name.startsWith(u"right/"_s, Qt::CaseInsensitive))
        return false;
    return QTimeZone(name.toLatin1()).isValid();
}

} // namespace vox
