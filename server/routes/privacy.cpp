#include "server/routes/privacy.h"

#include "core/recordingconsent.h"
#include "core/retention.h"
#include "server/events/eventpublisher.h"
#include "server/http/jsonbody.h"
#include "server/routes/settingschange.h"
#include "server/services/agentservice.h"
#include "server/services/patientdata.h"
#include "server/services/retentionpurge.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

const QByteArray privacySql =
    "SELECT keep_recordings_days, keep_transcripts_days, keep_message_content_days, "
    "recording_disclosure, time_zone FROM org_settings WHERE org_id = $1::uuid";

QJsonValue daysJson(const db::PgResult &row, int column)
{
    return row.isNull(0, column) ? QJsonValue(QJsonValue::Null) : QJsonValue(row.toInt(0, column));
}

Result<QJsonObject> privacyOf(db::Transaction &tx, const QString &orgId)
{
    auto row = tx.exec(privacySql, {orgId});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return http::status::notFound(u"The clinic has no settings yet."_s);
    const bool byDefault = recordingconsent::onByDefault(row->text(0, 4));
    const QJsonValue chosen =
        row->isNull(0, 3) ? QJsonValue(QJsonValue::Null) : QJsonValue(row->toBool(0, 3));
    return QJsonObject{
        {u"keep_recordings_days"_s, daysJson(*row, 0)},
        {u"keep_transcripts_days"_s, daysJson(*row, 1)},
        {u"keep_message_content_days"_s, daysJson(*row, 2)},
        {u"defaults"_s,
         QJsonObject{{u"keep_recordings_days"_s, retention::defaultRecordingDays},
                     {u"keep_transcripts_days"_s, retention::defaultTranscriptDays},
                     {u"keep_message_content_days"_s, retention::defaultMessageBodyDays}}},
        {u"recording_disclosure"_s, chosen.isNull() ? byDefault : chosen.toBool()},
        {u"recording_disclosure_chosen"_s, chosen},
        {u"recording_disclosure_default"_s, byDefault},
        {u"disclosure_text"_s, recordingconsent::englishDisclosure.toString()},
        {u"disclosure_text_es"_s, recordingconsent::spanishDisclosure.toString()},
    };
}

// A window: absent leaves it, null means forever, else whole days within the allowed range.
struct Window
{
    bool given = false;
    std::optional<qint64> days;
};

Result<Window> windowOf(const http::JsonBody &body, const QString &key)
{
    Window w;
    if (!body.has(key))
        return w;
    w.given = true;
    if (body.isNull(key))
        return w;
    auto days = body.optionalInt(key, retention::shortestDays, retention::longestDays);
    if (!days)
        return http::status::badRequest(
            u"'%1' must be a number of days from %2 to %3, or null to keep forever."_s.arg(key)
                .arg(retention::shortestDays)
                .arg(retention::longestDays),
            key);
    w.days = *days;
    return w;
}

http::Reply getPrivacy(AppContext &app, http::Context &c)
{
    auto body = app.db.transaction<QJsonObject>(
        c.access(), [&](db::Transaction &tx) { return privacyOf(tx, c.orgId()); });
    if (!body)
        return body.error();
    return http::Response::json(*body);
}

http::Reply patchPrivacy(AppContext &app, http::Context &c)
{
    auto body = http::JsonBody::parse(c.request);
    if (!body)
        return body.error();
    const QStringList keys{u"keep_recordings_days"_s, u"keep_transcripts_days"_s,
                           u"keep_message_content_days"_s};
    QList<Window> windows;
    for (const QString &key : keys) {
        auto w = windowOf(*body, key);
        if (!w)
            return w.error();
        windows << *w;
    }
    // null goes back to following the clinic's time zone.
    bool disclosureGiven = body->has(u"recording_disclosure"_s);
    std::optional<bool> disclosure;
    if (disclosureGiven && !body->isNull(u"recording_disclosure"_s)) {
        auto value = body->optionalBool(u"recording_disclosure"_s);
        if (!value)
            return value.error();
        disclosure = *value;
    }
    auto updated = app.db.transaction<QJsonObject>(
        c.access(), [&](db::Transaction &tx) -> Result<QJsonObject> {
            auto before = privacyOf(tx, c.orgId());
            if (!before)
                return before.error();
            auto row = tx.exec("UPDATE org_settings SET "
                               "keep_recordings_days = CASE WHEN $2::boolean THEN $3::int "
                               "ELSE keep_recordings_days END, "
                               "keep_transcripts_days = CASE WHEN $4::boolean THEN $5::int "
                               "ELSE keep_transcripts_days END, "
                               "keep_message_content_days = CASE WHEN $6::boolean THEN $7::int "
                               "ELSE keep_message_content_days END, "
                               "recording_disclosure = CASE WHEN $8::boolean THEN $9::boolean "
                               "ELSE recording_disclosure END WHERE org_id = $1::uuid",
                               {c.orgId(), windows[0].given, windows[0].days, windows[1].given,
                                windows[1].days, windows[2].given, windows[2].days, disclosureGiven,
                                disclosure});
            if (!row)
                return row.error();
            auto after = privacyOf(tx, c.orgId());
            if (!after)
                return after.error();
            const QJsonObject changes =
                changedFields(*before, *after, keys + QStringList{u"recording_disclosure"_s});
            if (auto recorded = recordSettingsChange(tx, c, u"privacy.settings_changed"_s, changes);
                !recorded)
                return recorded.error();
            // The agent's first message carries the disclosure: Vapi's assistant is sent again.
            if (changes.contains(u"recording_disclosure"_s))
                if (auto queued = AgentService::queuePushFor(tx, c.orgId()); !queued)
                    return queued.error();
            return *after;
        });
    if (!updated)
        return updated.error();
    app.jobs.wake();
    return http::Response::json(*updated);
}

http::Reply setLegalHold(AppContext &app, http::Context &c)
{
    auto id = http::uuidParam(c.request, u"id"_s);
    if (!id)
        return id.error();
    auto body = http::JsonBody::parse(c.request);
    if (!body)
        return body.error();
    auto hold = body->optionalBool(u"legal_hold"_s);
    if (!hold)
        return hold.error();
    if (!*hold)
        return http::status::badRequest(u"Send {\"legal_hold\": true|false}."_s, u"legal_hold"_s);
    auto updated = app.db.transaction<QJsonObject>(
        c.access(), [&](db::Transaction &tx) -> Result<QJsonObject> {
            // RETURNING's subquery reads the row as it was before, so a change is told apart from
            // setting what was already set (only a change is audited).
            auto row = tx.exec("UPDATE contacts SET legal_hold = $3 WHERE org_id = $1::uuid AND "
                               "id = $2::uuid RETURNING (SELECT legal_hold FROM contacts "
                               "WHERE id = $2::uuid)",
                               {c.orgId(), *id, **hold});
            if (!row)
                return row.error();
            if (row->isEmpty())
                return http::status::notFound(u"There is no such contact."_s);
            if (row->toBool(0, 0) != **hold) {
                auto audited = tx.exec(
                    "INSERT INTO audit_log (org_id, actor_id, action, entity_type, entity_id) "
                    "VALUES ($1::uuid, $2::uuid, $3, 'contact', $4::uuid)",
                    {c.orgId(), c.user().userId,
                     **hold ? u"contact.legal_hold_set"_s : u"contact.legal_hold_lifted"_s, *id});
                if (!audited)
                    return audited.error();
                auto published =
                    events::publish(tx, c.orgId(), u"contact.updated"_s, u"contact"_s, *id);
                if (!published)
                    return published.error();
            }
            return QJsonObject{{u"id"_s, *id}, {u"legal_hold"_s, **hold}};
        });
    if (!updated)
        return updated.error();
    return http::Response::json(*updated);
}

http::Reply dataExport(AppContext &app, http::Context &c)
{
    auto id = http::uuidParam(c.request, u"id"_s);
    if (!id)
        return id.error();
    auto exported =
        patientdata::exportContact(app, c.access(), *id, QDateTime::currentDateTimeUtc());
    if (!exported)
        return exported.error();
    return http::Response::json(QJsonObject{{u"file_name"_s, exported->fileStem},
                                            {u"data"_s, exported->data},
                                            {u"report"_s, exported->report}})
        .withHeader("Cache-Control", "no-store");
}

http::Reply erase(AppContext &app, http::Context &c)
{
    auto id = http::uuidParam(c.request, u"id"_s);
    if (!id)
        return id.error();
    auto erased = patientdata::eraseContact(app, c.access(), *id);
    if (!erased)
        return erased.error();
    return http::Response::json(
        QJsonObject{{u"erasure_id"_s, erased->erasureId}, {u"removed"_s, erased->removed}});
}

} // namespace

void registerPrivacyRoutes(http::Router &router, AppContext &app)
{
    router.get(u"/api/org/privacy"_s, http::Auth::User,
               [&app](http::Context &c) { return getPrivacy(app, c); });
    router.patch(u"/api/org/privacy"_s, http::Auth::Admin,
                 [&app](http::Context &c) { return patchPrivacy(app, c); });
    router.put(u"/api/contacts/:id/legal-hold"_s, http::Auth::Admin,
               [&app](http::Context &c) { return setLegalHold(app, c); });
    router.get(u"/api/contacts/:id/data-export"_s, http::Auth::Admin,
               [&app](http::Context &c) { return dataExport(app, c); });
    router.post(u"/api/contacts/:id/erase"_s, http::Auth::Admin,
                [&app](http::Context &c) { return erase(app, c); });
    retentionpurge::registerJobs(app.jobs, app);
}

} // namespace vox::server
