#include "server/routes/missedcalltextback.h"

#include "core/missedcall.h"
#include "server/events/eventpublisher.h"
#include "server/http/jsonbody.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

constexpr int maxTemplateLength = 480; // three SMS segments: a text back stays short
constexpr int maxWindowHours = 720;

// The setting as docs/api.md shows it, over `org_settings s` and `organizations o`. `preview` is
// the text exactly as a caller would get it.
const QByteArray settingJson =
    "json_build_object('enabled', s.missed_call_textback, 'template', "
    "s.missed_call_textback_template, 'hours', s.missed_call_textback_hours, 'clinic_name', "
    "o.name, 'default_template', $2::text)";

Result<QByteArray> current(db::Transaction &tx, const QString &orgId)
{
    auto row = tx.exec("SELECT " + settingJson +
                           ", o.name, coalesce(s.missed_call_textback_template, '') FROM "
                           "org_settings s JOIN organizations o ON o.id = s.org_id WHERE "
                           "s.org_id = $1::uuid",
                       {orgId, missedcall::defaultTemplate()});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return http::status::notFound(u"This clinic has no settings yet."_s);
    QJsonObject out = row->toJson(0, 0).toObject();
    out.insert(u"preview"_s, missedcall::textBackBody(row->text(0, 1), row->text(0, 2)));
    return QJsonDocument(out).toJson(QJsonDocument::Compact);
}

http::Reply show(AppContext &app, http::Context &c)
{
    auto body = app.db.transaction<QByteArray>(
        c.access(), [&](db::Transaction &tx) { return current(tx, c.orgId()); });
    if (!body)
        return body.error();
    return http::Response::rawJson(*body);
}

http::Reply save(AppContext &app, http::Context &c)
{
    auto body = http::JsonBody::parse(c.request);
    if (!body)
        return body.error();
    auto enabled = body->optionalBool(u"enabled"_s);
    if (!enabled)
        return enabled.error();
    auto templateText = body->optionalString(u"template"_s, maxTemplateLength);
    if (!templateText)
        return templateText.error();
    auto hours = body->optionalInt(u"hours"_s, 1, maxWindowHours);
    if (!hours)
        return hours.error();
    // Absent leaves the wording; null or "" goes back to the default.
    const bool templateGiven = body->has(u"template"_s);
    const QString wording = templateText->value_or(QString());
    auto saved =
        app.db.transaction<QByteArray>(c.access(), [&](db::Transaction &tx) -> Result<QByteArray> {
            auto row = tx.exec(
                "UPDATE org_settings SET missed_call_textback = coalesce($2::boolean, "
                "missed_call_textback), missed_call_textback_template = CASE WHEN $3::boolean "
                "THEN nullif($4, '') ELSE missed_call_textback_template END, "
                "missed_call_textback_hours = coalesce($5::int, missed_call_textback_hours) "
                "WHERE org_id = $1::uuid RETURNING org_id",
                {c.orgId(), *enabled, templateGiven, wording, *hours});
            if (!row)
                return row.error();
            if (row->isEmpty())
                return http::status::notFound(u"This clinic has no settings yet."_s);
            auto published =
                events::publish(tx, c.orgId(), u"settings.updated"_s, u"organization"_s, c.orgId());
            if (!published)
                return published.error();
            return current(tx, c.orgId());
        });
    if (!saved)
        return saved.error();
    return http::Response::rawJson(*saved);
}

} // namespace

void registerMissedCallTextBackRoutes(http::Router &router, AppContext &app)
{
    router.get(u"/api/org/missed-call-textback"_s, http::Auth::User,
               [&app](http::Context &c) -> http::Reply { return show(app, c); });
    router.put(u"/api/org/missed-call-textback"_s, http::Auth::Admin,
               [&app](http::Context &c) -> http::Reply { return save(app, c); });
}

} // namespace vox::server
