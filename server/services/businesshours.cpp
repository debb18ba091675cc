#include "server/services/businesshours.h"

#include "server/http/response.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::businesshours {

namespace {

Error invalid(const QString &message)
{
    return http::status::badRequest(message, u"business_hours"_s);
}

} // namespace

std::optional<int> parseClock(const QString &text, bool allowMidnightEnd)
{
    static const QRegularExpression pattern(u"^([01]\\d|2[0-4]):([0-5]\\d)$"_s);
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const int minute = match.captured(1).toInt() * 60 + match.captured(2).toInt();
    if (minute > 1440 || (minute == 1440 && !allowMidnightEnd))
        return std::nullopt;
    return minute;
}

QString clock(int minute)
{
    return u"%1:%2"_s.arg(minute / 60, 2, 10, QChar(u'0')).arg(minute % 60, 2, 10, QChar(u'0'));
}

Result<QList<Opening>> parse(const QJsonValue &value)
{
    if (!value.isArray())
        return invalid(u"'business_hours' must be a list of {weekday, opens_at, closes_at}."_s);
    const QJsonArray entries = value.toArray();
    if (entries.size() > 7 * 6)
        return invalid(u"'business_hours' has too many entries (at most 6 a day)."_s);
    QList<Opening> out;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        const QString which = u"Entry %1 of 'business_hours'"_s.arg(i + 1);
        const QJsonObject entry = entries.at(i).toObject();
        const QJsonValue weekday = entry.value(u"weekday"_s);
        if (!weekday.isDouble() || weekday.toDouble() != double(weekday.toInt()) ||
            weekday.toInt() < 1 || weekday.toInt() > 7)
            return invalid(which + u" needs a weekday from 1 (Monday) to 7 (Sunday)."_s);
        const auto opens = parseClock(entry.value(u"opens_at"_s).toString(), false);
        const auto closes = parseClock(entry.value(u"closes_at"_s).toString(), true);
        if (!opens || !closes)
            return invalid(which + u" needs opens_at and closes_at as HH:MM (24-hour clock)."_s);
        if (*closes <= *opens)
            return invalid(which + u" closes before it opens."_s);
        out.append({weekday.toInt(), *opens, *closes});
    }
    std::sort(out.begin(), out.end(), [](const Opening &a, const Opening &b) {
        return std::pair(a.weekday, a.opensMinute) < std::pair(b.weekday, b.opensMinute);
    });
    for (qsizetype i = 1; i < out.size(); ++i) {
        if (out.at(i).weekday == out.at(i - 1).weekday &&
            out.at(i).opensMinute < out.at(i - 1).closesMinute)
            return invalid(
                u"Two openings overlap on weekday %1 (%2-%3 and %4-%5)."_s.arg(out.at(i).weekday)
                    .arg(clock(out.at(i - 1).opensMinute), clock(out.at(i - 1).closesMinute),
                         clock(out.at(i).opensMinute), clock(out.at(i).closesMinute)));
    }
    return out;
}

} // namespace vox::server::businesshours
