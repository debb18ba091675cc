#include "server/services/reminderplan.h"

#include "core/remindermessage.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::reminderplan {

namespace {

QString clock(const QTime &time)
{
    return time.toString(u"HH:mm"_s);
}

Result<std::optional<QTime>> timeOf(const http::JsonBody &body, const QString &key)
{
    auto text = body.optionalString(key, 5);
    if (!text)
        return text.error();
    if (!*text)
        return std::optional<QTime>();
    const QTime time = QTime::fromString(**text, u"HH:mm"_s);
    if (!time.isValid())
        return fail(u"'%1' must be a time of day written HH:MM, such as 21:00."_s.arg(key),
                    ErrorKind::BadInput, key);
    return std::optional<QTime>(time);
}

Result<void> templateOf(const http::JsonBody &body, const QString &key, QString &into)
{
    if (!body.has(key))
        return {};
    if (body.isNull(key)) {
        into.clear();
        return {};
    }
    auto text = body.optionalString(key, reminders::longestTemplate);
    if (!text)
        return text.error();
    if (auto checked = reminders::checkTemplate(text->value_or(QString()), key); !checked)
        return checked.error();
    into = text->value_or(QString());
    return {};
}

} // namespace

QList<reminders::Offset> Plan::offsets() const
{
    QList<reminders::Offset> on;
    for (const reminders::Offset &offset : reminders::defaultOffsets()) {
        const bool wanted = offset.key == u"booked" ? atBooking
                            : offset.key == u"24h"  ? dayBefore
                                                    : twoHoursBefore;
        if (wanted)
            on << offset;
    }
    return on;
}

QString Plan::sms(reminders::Language language) const
{
    if (!smsTemplate.isEmpty())
        return smsTemplate;
    return language == reminders::Language::Spanish ? reminders::defaultSmsTemplateSpanish
                                                    : reminders::defaultSmsTemplate;
}

QString Plan::subject(reminders::Language language) const
{
    if (!emailSubject.isEmpty())
        return emailSubject;
    return language == reminders::Language::Spanish ? reminders::defaultEmailSubjectSpanish
                                                    : reminders::defaultEmailSubject;
}

QString Plan::email(reminders::Language language) const
{
    if (!emailTemplate.isEmpty())
        return emailTemplate;
    return language == reminders::Language::Spanish ? reminders::defaultEmailTemplateSpanish
                                                    : reminders::defaultEmailTemplate;
}

QJsonObject Plan::json() const
{
    return {{u"enabled"_s, enabled},
            {u"at_booking"_s, atBooking},
            {u"day_before"_s, dayBefore},
            {u"two_hours_before"_s, twoHoursBefore},
            {u"sms"_s, bySms},
            {u"email"_s, byEmail},
            {u"sms_template"_s, sms()},
            {u"email_subject"_s, subject()},
            {u"email_template"_s, email()},
            {u"quiet_start"_s, clock(quiet.start)},
            {u"quiet_end"_s, clock(quiet.end)},
            {u"placeholders"_s, QJsonArray::fromStringList(reminders::placeholders())},
            {u"defaults"_s, QJsonObject{{u"sms_template"_s, reminders::defaultSmsTemplate},
                                        {u"email_subject"_s, reminders::defaultEmailSubject},
                                        {u"email_template"_s, reminders::defaultEmailTemplate}}}};
}

Result<Plan> load(db::Transaction &tx, const QString &orgId)
{
    auto row = tx.exec("SELECT enabled, at_booking, day_before, two_hours_before, by_sms, "
                       "by_email, coalesce(sms_template, ''), coalesce(email_subject, ''), "
                       "coalesce(email_template, ''), to_char(quiet_start, 'HH24:MI'), "
                       "to_char(quiet_end, 'HH24:MI') FROM reminder_plans WHERE org_id = $1::uuid",
                       {orgId});
    if (!row)
        return row.error();
    Plan plan;
    if (row->isEmpty())
        return plan;
    plan.enabled = row->toBool(0, 0);
    plan.atBooking = row->toBool(0, 1);
    plan.dayBefore = row->toBool(0, 2);
    plan.twoHoursBefore = row->toBool(0, 3);
    plan.bySms = row->toBool(0, 4);
    plan.byEmail = row->toBool(0, 5);
    plan.smsTemplate = row->text(0, 6);
    plan.emailSubject = row->text(0, 7);
    plan.emailTemplate = row->text(0, 8);
    plan.quiet = {QTime::fromString(row->text(0, 9), u"HH:mm"_s),
                  QTime::fromString(row->text(0, 10), u"HH:mm"_s)};
    return plan;
}

Result<Plan> applyChanges(Plan plan, const http::JsonBody &body)
{
    const std::pair<const char16_t *, bool Plan::*> switches[] = {
        {u"enabled", &Plan::enabled},
        {u"at_booking", &Plan::atBooking},
        {u"day_before", &Plan::dayBefore},
        {u"two_hours_before", &Plan::twoHoursBefore},
        {u"sms", &Plan::bySms},
        {u"email", &Plan::byEmail}};
    for (const auto &[key, member] : switches) {
        auto value = body.optionalBool(QString::fromUtf16(key));
        if (!value)
            return value.error();
        if (*value)
            plan.*member = **value;
    }
    if (auto t = templateOf(body, u"sms_template"_s, plan.smsTemplate); !t)
        return t.error();
    if (auto t = templateOf(body, u"email_subject"_s, plan.emailSubject); !t)
        return t.error();
    if (auto t = templateOf(body, u"email_template"_s, plan.emailTemplate); !t)
        return t.error();
    auto start = timeOf(body, u"quiet_start"_s);
    if (!start)
        return start.error();
    auto end = timeOf(body, u"quiet_end"_s);
    if (!end)
        return end.error();
    if (*start)
        plan.quiet.start = **start;
    if (*end)
        plan.quiet.end = **end;
    if (plan.enabled && !plan.bySms && !plan.byEmail)
        return fail(u"Reminders need a way to reach patients: turn on SMS, e-mail or both."_s,
                    ErrorKind::BadInput, u"sms"_s);
    return plan;
}

Result<void> save(db::Transaction &tx, const QString &orgId, const Plan &plan,
                  const QString &userId)
{
    const auto orNull = [](const QString &text) {
        return text.isEmpty() ? std::optional<QString>() : std::optional<QString>(text);
    };
    auto row = tx.exec(
        "INSERT INTO reminder_plans (org_id, enabled, at_booking, day_before, two_hours_before, "
        "by_sms, by_email, sms_template, email_subject, email_template, quiet_start, quiet_end, "
        "updated_at, updated_by) VALUES ($1::uuid, $2::boolean, $3::boolean, $4::boolean, "
        "$5::boolean, $6::boolean, $7::boolean, $8, $9, $10, $11::time, $12::time, now(), "
        "nullif($13, '')::uuid) ON CONFLICT (org_id) DO UPDATE SET enabled = EXCLUDED.enabled, "
        "at_booking = EXCLUDED.at_booking, day_before = EXCLUDED.day_before, "
        "two_hours_before = EXCLUDED.two_hours_before, by_sms = EXCLUDED.by_sms, "
        "by_email = EXCLUDED.by_email, sms_template = EXCLUDED.sms_template, "
        "email_subject = EXCLUDED.email_subject, email_template = EXCLUDED.email_template, "
        "quiet_start = EXCLUDED.quiet_start, quiet_end = EXCLUDED.quiet_end, "
        "updated_at = now(), updated_by = EXCLUDED.updated_by",
        {orgId, plan.enabled, plan.atBooking, plan.dayBefore, plan.twoHoursBefore, plan.bySms,
         plan.byEmail, orNull(plan.smsTemplate), orNull(plan.emailSubject),
         orNull(plan.emailTemplate), clock(plan.quiet.start), clock(plan.quiet.end), userId});
    if (!row)
        return row.error();
    return {};
}

} // namespace vox::server::reminderplan
