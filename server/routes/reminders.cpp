#include "server/routes/reminders.h"

#include "core/remindermessage.h"
#include "server/http/jsonbody.h"
#include "server/jobs/jobrunner.h"
#include "server/routes/settingschange.h"
#include "server/services/callactions.h"
#include "server/services/reminderjobs.h"
#include "server/services/reminderplan.h"

#include <QStringList>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

// When the clinic last saved its plan; null while it has the defaults it never chose.
Result<QJsonValue> savedAt(db::Transaction &tx, const QString &orgId)
{
    auto row = tx.exec("SELECT updated_at FROM reminder_plans WHERE org_id = $1::uuid", {orgId});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return QJsonValue();
    return QJsonValue(row->toDateTime(0, 0).toUTC().toString(Qt::ISODateWithMs));
}

http::Reply getPlan(AppContext &app, http::Context &c)
{
    auto shown = app.db.transaction<QJsonObject>(c.access(),
                                                 [&](db::Transaction &tx) -> Result<QJsonObject> {
                                                     auto plan = reminderplan::load(tx, c.orgId());
                                                     if (!plan)
                                                         return plan.error();
                                                     auto at = savedAt(tx, c.orgId());
                                                     if (!at)
                                                         return at.error();
                                                     QJsonObject out = plan->json();
                                                     out.insert(u"updated_at"_s, *at);
                                                     return out;
                                                 });
    if (!shown)
        return shown.error();
    return http::Response::json(*shown);
}

http::Reply putPlan(AppContext &app, http::Context &c)
{
    auto body = http::JsonBody::parse(c.request);
    if (!body)
        return body.error();
    bool replanning = false;
    auto saved = app.db.transaction<QJsonObject>(
        c.access(), [&](db::Transaction &tx) -> Result<QJsonObject> {
            auto before = reminderplan::load(tx, c.orgId());
            if (!before)
                return before.error();
            auto after = reminderplan::applyChanges(*before, *body);
            if (!after)
                return after.error();
            if (auto stored = reminderplan::save(tx, c.orgId(), *after, c.user().userId); !stored)
                return stored.error();
            const QJsonObject from = before->json();
            const QJsonObject to = after->json();
            const QJsonObject changes = changedFields(from, to, to.keys());
            if (auto recorded = recordSettingsChange(tx, c, u"reminders.plan_changed"_s, changes);
                !recorded)
                return recorded.error();
            // Which reminders go and when is decided at planning; the words only when sent.
            // The booked appointments are planned anew by a job: a clinic's thousands of them
            // would keep this save, and its locks, waiting.
            static const QStringList wordsOnly{u"sms_template"_s, u"email_subject"_s,
                                               u"email_template"_s};
            const QStringList changed = changes.keys();
            if (std::any_of(changed.cbegin(), changed.cend(),
                            [](const QString &key) { return !wordsOnly.contains(key); })) {
                if (auto queued = reminderjobs::queueReplan(tx, c.orgId()); !queued)
                    return queued.error();
                replanning = true;
            }
            auto at = savedAt(tx, c.orgId());
            if (!at)
                return at.error();
            QJsonObject out = to;
            out.insert(u"updated_at"_s, *at);
            return out;
        });
    if (!saved)
        return saved.error();
    if (replanning)
        app.jobs.wake();
    return http::Response::json(*saved);
}

// The text as a patient would read it, filled in with a sample appointment at this clinic, and
// the SMS parts it costs.
http::Reply previewPlan(AppContext &app, http::Context &c)
{
    auto body = http::JsonBody::parse(c.request);
    if (!body)
        return body.error();
    auto text = body->requiredString(u"text"_s, reminders::longestTemplate);
    if (!text)
        return text.error();
    if (auto checked = reminders::checkTemplate(*text, u"text"_s); !checked)
        return checked.error();
    auto clinic = app.db.transaction<std::pair<QString, QString>>(
        c.access(), [&](db::Transaction &tx) -> Result<std::pair<QString, QString>> {
            auto row = tx.exec("SELECT o.name, s.time_zone FROM organizations o JOIN "
                               "org_settings s ON s.org_id = o.id WHERE o.id = $1::uuid",
                               {c.orgId()});
            if (!row)
                return row.error();
            if (row->isEmpty())
                return http::status::notFound(u"The clinic has no settings yet."_s);
            return std::pair{row->text(0, 0), row->text(0, 1)};
        });
    if (!clinic)
        return clinic.error();
    QTimeZone zone(clinic->second.toUtf8());
    if (!zone.isValid())
        zone = QTimeZone::utc();
    const reminders::Preview p =
        reminders::preview(*text, reminders::sampleFields(clinic->first, zone));
    return http::Response::json(
        QJsonObject{{u"text"_s, p.text},
                    {u"segments"_s, p.sms.segments},
                    {u"encoding"_s, p.sms.encoding == sms::Encoding::Gsm7 ? u"gsm7"_s : u"ucs2"_s},
                    {u"characters"_s, p.sms.units},
                    {u"per_segment"_s, p.sms.unitsPerSegment}});
}

} // namespace

void registerReminderRoutes(http::Router &router, AppContext &app)
{
    auto actions = std::make_shared<CallActions>(app);
    router.post(u"/api/appointments/:id/send-reminder"_s, http::Auth::User,
                [actions](http::Context &c) -> http::Reply {
                    auto id = http::uuidParam(c.request, u"id"_s);
                    if (!id)
                        return id.error();
                    auto body = http::JsonBody::parse(c.request);
                    if (!body)
                        return body.error();
                    auto method = body->requiredEnum(u"method"_s, {u"sms"_s, u"email"_s});
                    if (!method)
                        return method.error();
                    auto sent = actions->sendReminder(c.user(), *id, *method);
                    if (!sent)
                        return sent.error();
                    return http::Response::json(*sent, sendStatus(*sent));
                });
    router.get(u"/api/settings/reminders"_s, http::Auth::User,
               [&app](http::Context &c) { return getPlan(app, c); });
    router.put(u"/api/settings/reminders"_s, http::Auth::Admin,
               [&app](http::Context &c) { return putPlan(app, c); });
    router.post(u"/api/settings/reminders/preview"_s, http::Auth::User,
                [&app](http::Context &c) { return previewPlan(app, c); });
    reminderjobs::registerJobs(app.jobs, app);
}

} // namespace vox::server
