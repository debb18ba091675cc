#include "core/recordingconsent.h"

#include <QHash>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace vox::recordingconsent {

QStringList allPartyConsentStates()
{
    return {u"CA"_s, u"CT"_s, u"DE"_s, u"FL"_s, u"IL"_s, u"MA"_s, u"MD"_s,
            u"MI"_s, u"MT"_s, u"NH"_s, u"NV"_s, u"PA"_s, u"WA"_s};
}

bool isAllPartyConsentState(const QString &stateCode)
{
    return allPartyConsentStates().contains(stateCode.trimmed().toUpper());
}

namespace {

// The US states each US time zone covers (tzdata's zone.tab comments), the ones that matter here.
const QHash<QString, QStringList> &statesByZone()
{
    static const QHash<QString, QStringList> zones{
        {u"America/New_York"_s,
         {u"CT"_s, u"DE"_s, u"FL"_s, u"GA"_s, u"MA"_s, u"MD"_s, u"ME"_s, u"NC"_s, u"NH"_s, u"NJ"_s,
          u"NY"_s, u"OH"_s, u"PA"_s, u"RI"_s, u"SC"_s, u"VA"_s, u"VT"_s, u"WV"_s, u"DC"_s}},
        {u"America/Detroit"_s, {u"MI"_s}},
        {u"America/Menominee"_s, {u"MI"_s}},
        {u"America/Chicago"_s,
         {u"AL"_s, u"AR"_s, u"FL"_s, u"IA"_s, u"IL"_s, u"KS"_s, u"LA"_s, u"MN"_s, u"MO"_s, u"MS"_s,
          u"NE"_s, u"OK"_s, u"SD"_s, u"TN"_s, u"TX"_s, u"WI"_s}},
        {u"America/Denver"_s, {u"CO"_s, u"ID"_s, u"MT"_s, u"NM"_s, u"UT"_s, u"WY"_s}},
        {u"America/Boise"_s, {u"ID"_s}},
        {u"America/Phoenix"_s, {u"AZ"_s}},
        {u"America/Los_Angeles"_s, {u"CA"_s, u"NV"_s, u"OR"_s, u"WA"_s}},
        {u"America/Anchorage"_s, {u"AK"_s}},
        {u"America/Juneau"_s, {u"AK"_s}},
        {u"America/Sitka"_s, {u"AK"_s}},
        {u"America/Nome"_s, {u"AK"_s}},
        {u"America/Adak"_s, {u"AK"_s}},
        {u"Pacific/Honolulu"_s, {u"HI"_s}},
        {u"America/Puerto_Rico"_s, {u"PR"_s}},
    };
    return zones;
}

QStringList statesOf(const QString &timeZone)
{
    if (const auto it = statesByZone().constFind(timeZone); it != statesByZone().cend())
        return *it;
    // Indiana's, Kentucky's and North Dakota's several zones.
    if (timeZone.startsWith(u"America/Indiana/"))
        return {u"IN"_s};
    if (timeZone.startsWith(u"America/Kentucky/") || timeZone == u"America/Louisville")
        return {u"KY"_s};
    if (timeZone.startsWith(u"America/North_Dakota/"))
        return {u"ND"_s};
    return {};
}

} // namespace

bool onByDefault(const QString &timeZone, const QString &stateCode)
{
    if (!stateCode.trimmed().isEmpty())
        return isAllPartyConsentState(stateCode);
    const QStringList states = statesOf(timeZone);
    return std::any_of(states.cbegin(), states.cend(), isAllPartyConsentState);
}

bool looksSpanish(const QString &text)
{
    static const QRegularExpression spanish(
        u"[¿¡ñ]|\\b(hola|gracias|buenos|buenas|bienvenid[oa]s?|llamar|llamada|ayudar(le)?|"
        "puedo|usted|cita|clínica|en qué)\\b"_s,
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    return spanish.match(text).hasMatch();
}

QString withDisclosure(const QString &firstMessage)
{
    const QString greeting = firstMessage.trimmed();
    const QString disclosure =
        (looksSpanish(greeting) ? spanishDisclosure : englishDisclosure).toString();
    if (greeting.startsWith(englishDisclosure) || greeting.startsWith(spanishDisclosure))
        return greeting;
    return greeting.isEmpty() ? disclosure : disclosure + u' ' + greeting;
}

} // namespace vox::recordingconsent
