#include "server/services/missedcalltextback.h"

#include "core/missedcall.h"
#include "core/reminderschedule.h"
#include "server/jobs/jobqueue.h"
#include "server/services/reminderplan.h"

#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::missedcalltextback {

Result<bool> plan(db::Transaction &tx, const EndedCall &call, const QDateTime &now)
{
    if (call.direction != u"inbound"_s || call.callId.isEmpty())
        return false;
    std::optional<qint64> seconds;
    if (call.startedAt.isValid() && call.endedAt.isValid())
        seconds = call.startedAt.secsTo(call.endedAt);
    if (missedcall::classify(call.endedReason, seconds).verdict != missedcall::Verdict::Missed)
        return false;
    if (!missedcall::looksTextable(call.phone))
        return false;

    auto setting =
        tx.exec("SELECT s.missed_call_textback, coalesce(s.missed_call_textback_template, ''), "
                "s.missed_call_textback_hours, o.name, s.time_zone, now() FROM org_settings s "
                "JOIN organizations o ON o.id = s.org_id WHERE s.org_id = $1::uuid",
                {call.orgId});
    if (!setting)
        return setting.error();
    if (setting->isEmpty() || !setting->toBool(0, 0))
        return false;
    const QString templateText = setting->text(0, 1);
    const int hours = setting->toInt(0, 2);
    const QString clinicName = setting->text(0, 3);
    QTimeZone zone(setting->text(0, 4).toUtf8());
    if (!zone.isValid())
        zone = QTimeZone::utc();
    const QDateTime reported = now.isValid() ? now.toUTC() : setting->toDateTime(0, 5).toUTC();

    // Reports for two calls from one number may be stored at once by two instances: the lock
    // makes the second wait, and its next statement sees the first one's job. (The webhook's
    // contact upsert, earlier in its transaction, happens to serialise them too; this rule does
    // not lean on what its caller did before.)
    if (auto locked = tx.exec("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))",
                              {u"missed_call_textback:%1:%2"_s.arg(call.orgId, call.phone)});
        !locked)
        return locked.error();
    auto blocked =
        tx.exec("SELECT EXISTS (SELECT 1 FROM sms_opt_outs WHERE org_id = $1::uuid AND phone = $2) "
                "OR EXISTS (SELECT 1 FROM contacts WHERE org_id = $1::uuid AND phone = $2 AND "
                "do_not_text) "
                "OR EXISTS (SELECT 1 FROM messages WHERE org_id = $1::uuid AND recipient = $2 AND "
                "purpose = 'missed_call_textback' AND created_at > now() - make_interval(hours => "
                "$3::int)) "
                "OR EXISTS (SELECT 1 FROM jobs WHERE org_id = $1::uuid AND kind = 'sms.send' AND "
                "payload ->> 'purpose' = 'missed_call_textback' AND payload ->> 'to' = $2 AND "
                "created_at > now() - make_interval(hours => $3::int))",
                {call.orgId, call.phone, hours});
    if (!blocked)
        return blocked.error();
    if (blocked->toBool(0, 0))
        return false;

    jobs::NewJob sms;
    sms.kind = u"sms.send"_s;
    sms.orgId = call.orgId;
    sms.uniqueKey = u"missed_call_textback:"_s + call.callId;
    sms.dedupe = jobs::NewJob::Dedupe::Once;
    // No text at night: the clinic's quiet hours are its reminders' (one rule for every
    // automatic text), and a call in them is texted back when they end, in the morning.
    auto reminderPlan = reminderplan::load(tx, call.orgId);
    if (!reminderPlan)
        return reminderPlan.error();
    sms.runAt = reminders::outsideQuietHours(reported, zone, reminderPlan->quiet);
    // A text Twilio may have accepted is never sent again: the job's message id settles it.
    sms.payload = {{u"to"_s, call.phone},
                   {u"body"_s, missedcall::textBackBody(clinicName, templateText)},
                   {u"purpose"_s, u"missed_call_textback"_s},
                   {u"call_id"_s, call.callId}};
    if (!call.contactId.isEmpty())
        sms.payload.insert(u"contact_id"_s, call.contactId);
    auto queued = jobs::enqueue(tx, sms);
    if (!queued)
        return queued.error();
    return queued->has_value();
}

} // namespace vox::server::missedcalltextback
