#include "server/services/callercontext.h"

#include "core/availability.h"

#include <QJsonArray>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

QString CallerContext::sentence() const
{
    if (!known)
        return u"This number has not called the clinic before."_s;
    QStringList parts;
    parts << (name.isEmpty() ? u"Returning caller (name not on file)."_s
                             : u"Returning caller: %1."_s.arg(name));
    if (previousCalls > 0) {
        const QLocale english(QLocale::English, QLocale::UnitedStates);
        QString calls = u"%1 previous call%2, the last on %3"_s.arg(previousCalls)
                            .arg(previousCalls == 1 ? QString() : u"s"_s)
                            .arg(english.toString(lastCallAt.date(), u"MMMM d"_s));
        if (!lastSummary.isEmpty())
            calls += u" (%1)"_s.arg(lastSummary.left(200));
        parts << calls + u'.';
    }
    if (upcoming.isEmpty())
        parts << u"No upcoming appointments."_s;
    else
        parts << u"Upcoming: %1."_s.arg(upcoming.join(u"; "_s));
    return parts.join(u' ');
}

QJsonObject CallerContext::variables() const
{
    return {{u"callerKnown"_s, known},
            {u"callerName"_s, name},
            {u"previousCalls"_s, previousCalls},
            {u"lastCallSummary"_s, lastSummary},
            {u"upcomingAppointments"_s, upcoming.join(u"; "_s)},
            {u"callerContext"_s, sentence()}};
}

Result<CallerContext> loadCallerContext(db::Transaction &tx, const QString &orgId,
                                        const QString &phone, const QTimeZone &zone)
{
    CallerContext context;
    if (phone.isEmpty())
        return context;
    auto contact = tx.exec("SELECT id, name, lead_status FROM contacts "
                           "WHERE org_id = $1::uuid AND phone = $2",
                           {orgId, phone});
    if (!contact)
        return contact.error();
    if (!contact->isEmpty()) {
        context.known = true;
        context.contactId = contact->text(0, 0);
        context.name = contact->text(0, 1);
        context.leadStatus = contact->text(0, 2);
    }
    auto calls = tx.exec("SELECT occurred_at, summary FROM call_logs WHERE org_id = $1::uuid "
                         "AND phone_number = $2 AND status IN ('ended', 'failed') "
                         "ORDER BY occurred_at DESC LIMIT 5",
                         {orgId, phone});
    if (!calls)
        return calls.error();
    if (!calls->isEmpty()) {
        auto count = tx.exec("SELECT count(*) FROM call_logs WHERE org_id = $1::uuid "
                             "AND phone_number = $2 AND status IN ('ended', 'failed')",
                             {orgId, phone});
        if (!count)
            return count.error();
        context.known = true;
        context.previousCalls = int(count->toInt(0, 0));
        context.lastCallAt = calls->toDateTime(0, 0);
        for (int r = 0; r < calls->rowCount() && context.lastSummary.isEmpty(); ++r)
            context.lastSummary = calls->text(r, 1);
    }
    if (!context.contactId.isEmpty()) {
        auto upcoming =
            tx.exec("SELECT a.starts_at, coalesce(sv.name, a.service_name, 'Appointment') "
                    "FROM appointments a LEFT JOIN services sv ON sv.id = a.service_id "
                    "WHERE a.org_id = $1::uuid AND a.contact_id = $2::uuid "
                    "AND a.status IN ('held', 'confirmed') AND a.starts_at >= now() "
                    "ORDER BY a.starts_at LIMIT 3",
                    {orgId, context.contactId});
        if (!upcoming)
            return upcoming.error();
        for (int r = 0; r < upcoming->rowCount(); ++r)
            context.upcoming << u"%1 on %2"_s.arg(
                upcoming->text(r, 1), availability::speakable(upcoming->toDateTime(r, 0), zone));
    }
    return context;
}

} // namespace vox::server
