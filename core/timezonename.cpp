#include "core/timezonename.h"

#include <QDateTime>
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

QString timeZoneLabel(const QString &id, const QLocale &locale)
{
    // The tz database's regions; the other ids with a "/" are old aliases of these.
    static const QStringList regions{u"Africa"_s, u"America"_s,  u"Antarctica"_s, u"Arctic"_s,
                                     u"Asia"_s,   u"Atlantic"_s, u"Australia"_s,  u"Europe"_s,
                                     u"Indian"_s, u"Pacific"_s};
    if (!regions.contains(id.section(u'/', 0, 0)) || !id.contains(u'/') || !isTimeZoneName(id))
        return {};
    const QString city = id.section(u'/', -1).replace(u'_', u' ');
    const QTimeZone zone(id.toLatin1());
    QString name = zone.displayName(QTimeZone::StandardTime, QTimeZone::LongName, locale);
    // Whether the zone still changes its clocks (Qt's hasDaylightTime() counts any change in its
    // history, so Phoenix would have one).
    const bool changesClocks = zone.hasTransitions() &&
                               zone.nextTransition(QDateTime::currentDateTimeUtc()).atUtc.isValid();
    if (changesClocks) {
        // Qt gives the standard time's name; the zone's own name leaves the season out.
        if (locale.language() == QLocale::English)
            name.replace(u" Standard Time"_s, u" Time"_s);
        else if (locale.language() == QLocale::Spanish)
            name.replace(u"hora estándar "_s, u"hora "_s);
    }
    if (name.isEmpty() || name == city)
        return city;
    return u"%1 (%2)"_s.arg(city, name);
}

} // namespace vox
