#include "server/routes/redaction.h"

#include "core/pii.h"
#include "server/http/jsonbody.h"
#include "server/routes/settingschange.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

QJsonArray namesJson(const QStringList &names)
{
    return QJsonArray::fromStringList(names);
}

Result<QJsonObject> settingsOf(db::Transaction &tx, const QString &orgId)
{
    auto row = tx.exec("SELECT redact_pii, to_jsonb(redact_categories) FROM org_settings WHERE "
                       "org_id = $1::uuid",
                       {orgId});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return http::status::notFound(u"The clinic has no settings yet."_s);
    // Stored in any order; answered in the settings' order.
    pii::Categories chosen;
    for (const QJsonValue &name : row->toJson(0, 1).toArray())
        if (const auto c = pii::categoryFromName(name.toString()))
            chosen |= *c;
    const QStringList all = pii::categoryNames(pii::defaultCategories());
    return QJsonObject{{u"redact_pii"_s, row->toBool(0, 0)},
                       {u"categories"_s, namesJson(pii::categoryNames(chosen))},
                       {u"available"_s, namesJson(all)},
                       {u"defaults"_s, namesJson(all)}};
}

http::Reply getRedaction(AppContext &app, http::Context &c)
{
    auto body = app.db.transaction<QJsonObject>(
        c.access(), [&](db::Transaction &tx) { return settingsOf(tx, c.orgId()); });
    if (!body)
        return body.error();
    return http::Response::json(*body);
}

http::Reply putRedaction(AppContext &app, http::Context &c)
{
    auto body = http::JsonBody::parse(c.request);
    if (!body)
        return body.error();
    const QString choices = pii::categoryNames(pii::defaultCategories()).join(u", "_s);
    if (!body->has(u"categories"_s) && !body->has(u"redact_pii"_s))
        return http::status::badRequest(
            u"Send 'categories' (a list of %1; [] redacts nothing) or 'redact_pii'."_s.arg(
                choices));
    std::optional<QStringList> names;
    if (body->has(u"categories"_s)) {
        if (body->isNull(u"categories"_s))
            return http::status::badRequest(
                u"'categories' must be a list of %1; [] redacts nothing."_s.arg(choices),
                u"categories"_s);
        auto list = body->optionalStringList(u"categories"_s, 20, 40);
        if (!list)
            return list.error();
        pii::Categories chosen;
        for (const QString &name : **list) {
            const auto category = pii::categoryFromName(name);
            if (!category)
                return http::status::badRequest(
                    u"'%1' is not a redaction category; choose from %2."_s.arg(name, choices),
                    u"categories"_s);
            chosen |= *category;
        }
        names = pii::categoryNames(chosen);
    }
    auto redactPii = body->optionalBool(u"redact_pii"_s);
    if (!redactPii)
        return redactPii.error();
    auto saved = app.db.transaction<QJsonObject>(
        c.access(), [&](db::Transaction &tx) -> Result<QJsonObject> {
            auto before = settingsOf(tx, c.orgId());
            if (!before)
                return before.error();
            auto updated =
                tx.exec("UPDATE org_settings SET redact_categories = coalesce($2::text[], "
                        "redact_categories), redact_pii = coalesce($3::boolean, redact_pii) "
                        "WHERE org_id = $1::uuid",
                        {c.orgId(), names, *redactPii});
            if (!updated)
                return updated.error();
            auto after = settingsOf(tx, c.orgId());
            if (!after)
                return after.error();
            const QJsonObject changes =
                changedFields(*before, *after, {u"redact_pii"_s, u"categories"_s});
            if (auto recorded =
                    recordSettingsChange(tx, c, u"privacy.redaction_changed"_s, changes);
                !recorded)
                return recorded.error();
            return *after;
        });
    if (!saved)
        return saved.error();
    return http::Response::json(*saved);
}

} // namespace

void registerRedactionRoutes(http::Router &router, AppContext &app)
{
    router.get(u"/api/settings/redaction"_s, http::Auth::User,
               [&app](http::Context &c) { return getRedaction(app, c); });
    router.put(u"/api/settings/redaction"_s, http::Auth::Admin,
               [&app](http::Context &c) { return putRedaction(app, c); });
}

} // namespace vox::server
