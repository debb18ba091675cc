#include "server/services/reminderjobs.h"

#include "core/logging/log.h"
#include "core/remindermessage.h"
#include "core/reminderschedule.h"
#include "server/events/eventpublisher.h"
#include "server/jobs/followingjob.h"
#include "server/jobs/jobrunner.h"
#include "server/services/messaging.h"
#include "server/services/reminderplan.h"

#include <QJsonObject>
#include <QUuid>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::reminderjobs {

namespace {

// Names the audit row of a reminder's SMS, so a second attempt finds the first.
const QUuid reminderNamespace(u"6f0d6a52-52b8-4f3e-9a7c-0d6a1d2b9e41"_s);

QString isoUtc(const QDateTime &instant)
{
    return instant.toUTC().toString(Qt::ISODateWithMs);
}

Result<int> planWith(db::Transaction &tx, const reminderplan::Plan &plan, const QString &orgId,
                     const QString &appointmentId, const QDateTime &now)
{
    auto row =
        tx.exec("SELECT a.starts_at, a.created_at, a.status, s.time_zone, now() FROM appointments "
                "a JOIN org_settings s ON s.org_id = a.org_id WHERE a.id = $1::uuid AND "
                "a.org_id = $2::uuid",
                {appointmentId, orgId});
    if (!row)
        return row.error();
    const bool wanted = !row->isEmpty() && plan.enabled && (plan.bySms || plan.byEmail) &&
                        (row->text(0, 2) == u"held" || row->text(0, 2) == u"confirmed");
    QList<reminders::Send> sends;
    QDateTime start;
    if (wanted) {
        start = row->toDateTime(0, 0);
        QTimeZone zone(row->text(0, 3).toUtf8());
        if (!zone.isValid())
            zone = QTimeZone::utc();
        sends =
            reminders::schedule({start, row->toDateTime(0, 1)}, zone, plan.offsets(), plan.quiet,
                                now.isValid() ? now.toUTC() : row->toDateTime(0, 4).toUTC());
    }
    const auto keyOf = [&](const reminders::Send &send) {
        return u"reminder:%1:%2:%3"_s.arg(appointmentId, send.key, isoUtc(start));
    };
    // What stays queued: the reminders of the start the appointment has now, at their moments.
    // One whose moment passed while it waited (a confirmation held for the morning) stays too.
    QJsonObject keep;
    for (const reminders::Send &send : std::as_const(sends)) {
        if (send.isPlanned())
            keep.insert(keyOf(send), isoUtc(send.at));
        else if (send.outcome == reminders::Outcome::SkippedPast)
            keep.insert(keyOf(send), QJsonValue::Null);
    }
    if (auto dropped = tx.exec("SELECT vox_drop_reminder_jobs($1::uuid, $2::uuid, $3::jsonb)",
                               {orgId, appointmentId, QJsonValue(keep)});
        !dropped)
        return dropped.error();
    int queued = 0;
    for (const reminders::Send &send : std::as_const(sends)) {
        if (!send.isPlanned())
            continue;
        jobs::NewJob job;
        job.kind = QString::fromLatin1(jobKind);
        job.orgId = orgId;
        job.payload = {{u"appointment_id"_s, appointmentId},
                       {u"reminder"_s, send.key},
                       {u"starts_at"_s, isoUtc(start)}};
        job.uniqueKey = keyOf(send);
        job.dedupe = jobs::NewJob::Dedupe::Once;
        job.runAt = send.at;
        job.maxAttempts = 3;
        auto id = jobs::enqueue(tx, job);
        if (!id)
            return id.error();
        if (*id)
            ++queued;
    }
    return queued;
}

} // namespace

Result<int> plan(db::Transaction &tx, const QString &orgId, const QString &appointmentId,
                 const QDateTime &now)
{
    auto plan = reminderplan::load(tx, orgId);
    if (!plan)
        return plan.error();
    return planWith(tx, *plan, orgId, appointmentId, now);
}

Result<void> queueReplan(db::Transaction &tx, const QString &orgId)
{
    auto queued = jobs::enqueue(tx, jobs::perClinicJob(QString::fromLatin1(replanJobKind), orgId));
    if (!queued)
        return queued.error();
    return {};
}

Result<int> replanUpcoming(db::Database &db, const QString &orgId, int batchSize)
{
    // Walks the appointments by (start, id), each batch after the last one seen; the start goes
    // round as PostgreSQL's own text so no precision is lost on the way.
    QString afterStart = u"-infinity"_s;
    QString afterId = u"00000000-0000-0000-0000-000000000000"_s;
    int queued = 0;
    while (true) {
        struct Batch
        {
            int queued = 0;
            int appointments = 0;
            QString lastStart;
            QString lastId;
        };
        auto batch =
            db.transaction<Batch>(db::Access::service(), [&](db::Transaction &tx) -> Result<Batch> {
                // Read in each batch: a change saved meanwhile counts from here on, and the
                // follow-up re-plan it queued covers the batches before.
                auto plan = reminderplan::load(tx, orgId);
                if (!plan)
                    return plan.error();
                // Appointments cancelled or completed had their waiting reminders dropped when
                // they changed.
                auto rows = tx.exec(
                    "SELECT id, starts_at::text FROM appointments WHERE org_id = $1::uuid AND "
                    "starts_at > now() AND status IN ('held', 'confirmed') AND (starts_at, id) > "
                    "($2::timestamptz, $3::uuid) ORDER BY starts_at, id LIMIT $4",
                    {orgId, afterStart, afterId, batchSize});
                if (!rows)
                    return rows.error();
                Batch b;
                b.appointments = rows->rowCount();
                for (int r = 0; r < rows->rowCount(); ++r) {
                    auto planned = planWith(tx, *plan, orgId, rows->text(r, 0), QDateTime());
                    if (!planned)
                        return planned.error();
                    b.queued += *planned;
                }
                if (b.appointments > 0) {
                    b.lastId = rows->text(b.appointments - 1, 0);
                    b.lastStart = rows->text(b.appointments - 1, 1);
                }
                return b;
            });
        if (!batch)
            return batch.error();
        queued += batch->queued;
        if (batch->appointments < batchSize)
            return queued;
        afterStart = batch->lastStart;
        afterId = batch->lastId;
    }
}

Result<Outcome> run(AppContext &app, const jobs::Job &job)
{
    const QString appointmentId = job.payload.value(u"appointment_id"_s).toString();
    const QString reminder = job.payload.value(u"reminder"_s).toString();
    const QDateTime plannedStart =
        QDateTime::fromString(job.payload.value(u"starts_at"_s).toString(), Qt::ISODateWithMs);
    const db::Access access = db::Access::service();
    struct Loaded
    {
        reminderplan::Plan plan;
        QString status;
        QDateTime start;
        QString service;
        QString contactId;
        QString name;
        QString phone;
        QString email;
        QString timeZone;
        QString clinic;
        QString language;
        bool found = false;
    };
    auto loaded = app.db.transaction<Loaded>(access, [&](db::Transaction &tx) -> Result<Loaded> {
        Loaded l;
        auto plan = reminderplan::load(tx, job.orgId);
        if (!plan)
            return plan.error();
        l.plan = *plan;
        auto row = tx.exec(
            "SELECT a.status, a.starts_at, coalesce(a.service_name, s.name, 'appointment'), "
            "c.id, coalesce(c.name, ''), coalesce(c.phone, ''), coalesce(c.email, ''), "
            "st.time_zone, o.name, coalesce(c.preferred_language, '') FROM appointments a LEFT "
            "JOIN services s ON s.id = "
            "a.service_id LEFT JOIN contacts c ON c.id = a.contact_id JOIN org_settings st ON "
            "st.org_id = a.org_id JOIN organizations o ON o.id = a.org_id WHERE a.id = $1::uuid "
            "AND a.org_id = $2::uuid",
            {appointmentId, job.orgId});
        if (!row)
            return row.error();
        if (row->isEmpty())
            return l;
        l.found = true;
        l.status = row->text(0, 0);
        l.start = row->toDateTime(0, 1);
        l.service = row->text(0, 2);
        l.contactId = row->text(0, 3);
        l.name = row->text(0, 4);
        l.phone = row->text(0, 5);
        l.email = row->text(0, 6);
        l.timeZone = row->text(0, 7);
        l.clinic = row->text(0, 8);
        l.language = row->text(0, 9);
        return l;
    });
    if (!loaded)
        return loaded.error();
    const Loaded &a = *loaded;
    Outcome outcome;
    if (!a.found)
        outcome.skipped = u"the appointment no longer exists"_s;
    else if (a.status != u"held" && a.status != u"confirmed")
        outcome.skipped = u"the appointment is "_s + a.status;
    else if (a.start != plannedStart)
        outcome.skipped = u"the appointment moved"_s;
    else if (!a.plan.enabled)
        outcome.skipped = u"the clinic turned reminders off"_s;
    else if (const QList<reminders::Offset> on = a.plan.offsets();
             std::none_of(on.cbegin(), on.cend(),
                          [&](const reminders::Offset &o) { return o.key == reminder; }))
        outcome.skipped = u"the clinic turned this reminder off"_s;
    if (!outcome.skipped.isEmpty())
        return outcome;

    QTimeZone zone(a.timeZone.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone::utc();
    const reminders::Language language = reminders::languageOf(a.language);
    const reminders::Fields fields{
        a.name.section(u' ', 0, 0), a.service, a.start, zone, a.clinic, language};
    Messaging messaging(app);
    Messaging::Outgoing to;
    to.orgId = job.orgId;
    to.purpose = u"appointment_reminder"_s;
    to.contactId = a.contactId;
    to.appointmentId = appointmentId;
    if (a.plan.bySms && !a.phone.isEmpty()) {
        to.recipient = a.phone;
        const QString id =
            QUuid::createUuidV5(reminderNamespace,
                                u"%1:%2:%3:sms"_s.arg(appointmentId, reminder, isoUtc(a.start)))
                .toString(QUuid::WithoutBraces);
        auto delivery =
            messaging.sendSms(access, to, reminders::render(a.plan.sms(language), fields), id);
        if (!delivery) {
            // Refused before anything left (opted out, "do not text", no Twilio): final.
            if (!isRequestProblem(delivery.error().kind))
                return delivery.error();
            log::info(
                "reminders", u"A reminder SMS was not sent."_s,
                {{u"appointment_id"_s, appointmentId}, {u"reason"_s, delivery.errorMessage()}});
        } else {
            ++outcome.messages;
            outcome.sent = outcome.sent || delivery->sent || delivery->unknown;
        }
    }
    if (a.plan.byEmail && !a.email.isEmpty()) {
        to.recipient = a.email;
        const QString text = reminders::render(a.plan.email(language), fields);
        const QString id =
            QUuid::createUuidV5(reminderNamespace,
                                u"%1:%2:%3:email"_s.arg(appointmentId, reminder, isoUtc(a.start)))
                .toString(QUuid::WithoutBraces);
        auto delivery = messaging.sendEmail(
            access, to, reminders::render(a.plan.subject(language), fields), text,
            u"<p>%1</p>"_s.arg(text.toHtmlEscaped().replace(u"\n"_s, u"<br>"_s)), text, id);
        if (delivery) {
            ++outcome.messages;
            outcome.sent = outcome.sent || delivery->sent;
        } else if (!isRequestProblem(delivery.error().kind)) {
            // The job may run again: the e-mail's named audit row and Resend's idempotency key
            // keep a second copy from going.
            return delivery.error();
        }
    }
    if (outcome.sent) {
        auto marked = app.db.transaction<bool>(access, [&](db::Transaction &tx) -> Result<bool> {
            auto u = tx.exec("UPDATE appointments SET confirmation_sent = true WHERE id = "
                             "$1::uuid AND org_id = $2::uuid AND NOT confirmation_sent",
                             {appointmentId, job.orgId});
            if (!u)
                return u.error();
            if (u->affectedRows() > 0)
                if (auto p =
                        events::publish(tx, job.orgId, u"appointment.updated"_s, u"appointment"_s,
                                        appointmentId, {{u"confirmation_sent"_s, true}});
                    !p)
                    return p.error();
            return true;
        });
        if (!marked)
            return marked.error();
    } else if (outcome.messages == 0) {
        outcome.skipped = u"no way to reach the patient"_s;
    }
    return outcome;
}

void registerJobs(jobs::JobRunner &runner, AppContext &app)
{
    runner.registerHandler(QString::fromLatin1(replanJobKind), [&app](const jobs::Job &job) {
        if (job.orgId.isEmpty())
            return Result<void>(); // malformed: nothing a retry could improve
        auto replanned = replanUpcoming(app.db, job.orgId);
        if (!replanned)
            return Result<void>(replanned.error());
        return Result<void>();
    });
    runner.registerHandler(QString::fromLatin1(jobKind), [&app](const jobs::Job &job) {
        auto outcome = run(app, job);
        if (!outcome)
            return Result<void>(outcome.error());
        if (!outcome->skipped.isEmpty())
            log::info("reminders", u"A planned reminder was not sent."_s,
                      {{u"reason"_s, outcome->skipped}});
        return Result<void>();
    });
}

} // namespace vox::server::reminderjobs
