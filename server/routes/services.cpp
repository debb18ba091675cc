#include "server/routes/services.h"

#include "server/events/eventpublisher.h"
#include "server/http/jsonbody.h"
#include "server/services/servicerules.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

namespace rules = servicerules;

const QByteArray serviceJson =
    "json_build_object('id', s.id, 'name', s.name, 'price', round(s.price_cents / 100.0, 2), "
    "'price_cents', s.price_cents, 'keywords', s.keywords, "
    "'duration_minutes', s.duration_minutes, 'buffer_before_minutes', s.buffer_before_minutes, "
    "'buffer_after_minutes', s.buffer_after_minutes, 'active', s.active, "
    "'created_at', s.created_at, 'updated_at', s.updated_at)";

// What a POST or PATCH may set; absent fields stay nullopt (the defaults, or unchanged).
struct ServiceFields
{
    std::optional<QString> name;
    std::optional<qint64> priceCents;
    std::optional<QStringList> keywords;
    std::optional<qint64> durationMinutes;
    std::optional<qint64> bufferBeforeMinutes;
    std::optional<qint64> bufferAfterMinutes;
    std::optional<bool> active;

    db::Params params() const
    {
        return {
            name,  priceCents, keywords, durationMinutes, bufferBeforeMinutes, bufferAfterMinutes,
            active};
    }
};

Result<ServiceFields> parseFields(const http::JsonBody &body, bool creating)
{
    ServiceFields fields;
    auto name = body.optionalString(u"name"_s, 120);
    if (!name)
        return name.error();
    if ((creating && !*name) || (*name && (*name)->isEmpty()))
        return http::status::badRequest(u"'name' is required."_s, u"name"_s);
    fields.name = *name;

    auto dollars = body.optionalNumber(u"price"_s, -1e12, 1e12);
    if (!dollars)
        return dollars.error();
    auto cents = body.optionalInt(u"price_cents"_s, 0, rules::maxPriceCents);
    if (!cents)
        return cents.error();
    auto price = rules::priceCents(*dollars, *cents);
    if (!price)
        return price.error();
    if (creating && !*price)
        return http::status::badRequest(u"'price' is required (in dollars, or 'price_cents')."_s,
                                        u"price"_s);
    fields.priceCents = *price;

    auto keywords =
        body.optionalStringList(u"keywords"_s, rules::maxKeywords, rules::maxKeywordLength);
    if (!keywords)
        return keywords.error();
    if (*keywords)
        fields.keywords = rules::normalizeKeywords(**keywords);

    auto duration = body.optionalInt(u"duration_minutes"_s, rules::minDurationMinutes,
                                     rules::maxDurationMinutes);
    if (!duration)
        return duration.error();
    fields.durationMinutes = *duration;
    auto before = body.optionalInt(u"buffer_before_minutes"_s, 0, rules::maxBufferMinutes);
    if (!before)
        return before.error();
    fields.bufferBeforeMinutes = *before;
    auto after = body.optionalInt(u"buffer_after_minutes"_s, 0, rules::maxBufferMinutes);
    if (!after)
        return after.error();
    fields.bufferAfterMinutes = *after;
    auto active = body.optionalBool(u"active"_s);
    if (!active)
        return active.error();
    fields.active = *active;
    return fields;
}

// A duplicate name is the one unique violation services can raise.
Error explain(const Error &error, const std::optional<QString> &name)
{
    if (error.sqlstate == db::sqlstate::uniqueViolation && name)
        return http::status::conflict(
            u"A service named \"%1\" already exists; choose another name."_s.arg(*name));
    return error;
}

Result<void> publish(db::Transaction &tx, const QString &orgId, const QString &type,
                     const db::PgResult &row)
{
    auto published = events::publish(tx, orgId, type, u"service"_s, row.text(0, 0),
                                     {{u"name"_s, row.text(0, 1)}});
    if (!published)
        return published.error();
    return {};
}

http::Reply list(AppContext &app, http::Context &c)
{
    auto body =
        app.db.transaction<QByteArray>(c.access(), [&](db::Transaction &tx) -> Result<QByteArray> {
            auto rows = tx.exec("SELECT coalesce(json_agg(" + serviceJson +
                                    " ORDER BY lower(s.name), s.id), '[]') FROM services s "
                                    "WHERE s.org_id = $1::uuid",
                                {c.orgId()});
            if (!rows)
                return rows.error();
            return QByteArray("{\"items\":" + rows->raw(0, 0) + '}');
        });
    if (!body)
        return body.error();
    return http::Response::rawJson(*body);
}

http::Reply detail(AppContext &app, http::Context &c)
{
    auto id = http::uuidParam(c.request, u"id"_s);
    if (!id)
        return id.error();
    auto body =
        app.db.transaction<QByteArray>(c.access(), [&](db::Transaction &tx) -> Result<QByteArray> {
            auto row = tx.exec("SELECT " + serviceJson +
                                   " FROM services s WHERE s.org_id = $1::uuid AND s.id = $2::uuid",
                               {c.orgId(), *id});
            if (!row)
                return row.error();
            if (row->isEmpty())
                return http::status::notFound(u"There is no such service."_s);
            return row->raw(0, 0);
        });
    if (!body)
        return body.error();
    return http::Response::rawJson(*body);
}

http::Reply create(AppContext &app, http::Context &c)
{
    auto body = http::JsonBody::parse(c.request);
    if (!body)
        return body.error();
    auto fields = parseFields(*body, /*creating=*/true);
    if (!fields)
        return fields.error();
    db::Params params{c.orgId()};
    params += fields->params();

    auto created =
        app.db.transaction<QByteArray>(c.access(), [&](db::Transaction &tx) -> Result<QByteArray> {
            auto row =
                tx.exec("INSERT INTO services AS s (org_id, name, price_cents, keywords, "
                        "duration_minutes, buffer_before_minutes, buffer_after_minutes, active) "
                        "VALUES ($1::uuid, $2, $3::bigint, coalesce($4::text[], '{}'), "
                        "coalesce($5::int, 60), coalesce($6::int, 0), coalesce($7::int, 0), "
                        "coalesce($8::boolean, true)) RETURNING s.id, s.name, " +
                            serviceJson,
                        params);
            if (!row)
                return explain(row.error(), fields->name);
            if (auto published = publish(tx, c.orgId(), u"service.created"_s, *row); !published)
                return published.error();
            return row->raw(0, 2);
        });
    if (!created)
        return created.error();
    return http::Response::rawJson(*created, 201);
}

http::Reply update(AppContext &app, http::Context &c)
{
    auto id = http::uuidParam(c.request, u"id"_s);
    if (!id)
        return id.error();
    auto body = http::JsonBody::parse(c.request);
    if (!body)
        return body.error();
    auto fields = parseFields(*body, /*creating=*/false);
    if (!fields)
        return fields.error();
    db::Params params{c.orgId(), *id};
    params += fields->params();

    auto updated =
        app.db.transaction<QByteArray>(c.access(), [&](db::Transaction &tx) -> Result<QByteArray> {
            auto row =
                tx.exec("UPDATE services AS s SET name = coalesce($3, s.name), "
                        "price_cents = coalesce($4::bigint, s.price_cents), "
                        "keywords = coalesce($5::text[], s.keywords), "
                        "duration_minutes = coalesce($6::int, s.duration_minutes), "
                        "buffer_before_minutes = coalesce($7::int, s.buffer_before_minutes), "
                        "buffer_after_minutes = coalesce($8::int, s.buffer_after_minutes), "
                        "active = coalesce($9::boolean, s.active) "
                        "WHERE s.org_id = $1::uuid AND s.id = $2::uuid RETURNING s.id, s.name, " +
                            serviceJson,
                        params);
            if (!row)
                return explain(row.error(), fields->name);
            if (row->isEmpty())
                return http::status::notFound(u"There is no such service."_s);
            if (auto published = publish(tx, c.orgId(), u"service.updated"_s, *row); !published)
                return published.error();
            return row->raw(0, 2);
        });
    if (!updated)
        return updated.error();
    return http::Response::rawJson(*updated);
}

http::Reply remove(AppContext &app, http::Context &c)
{
    auto id = http::uuidParam(c.request, u"id"_s);
    if (!id)
        return id.error();
    auto removed = app.db.transaction<bool>(c.access(), [&](db::Transaction &tx) -> Result<bool> {
        // Appointments keep the name of the service they were booked for.
        auto kept = tx.exec("UPDATE appointments a SET service_name = s.name FROM services s "
                            "WHERE s.org_id = $1::uuid AND s.id = $2::uuid AND "
                            "a.org_id = $1::uuid AND a.service_id = s.id AND "
                            "a.service_name IS NULL",
                            {c.orgId(), *id});
        if (!kept)
            return kept.error();
        auto row = tx.exec("DELETE FROM services WHERE org_id = $1::uuid AND id = $2::uuid "
                           "RETURNING id, name",
                           {c.orgId(), *id});
        if (!row)
            return row.error();
        if (row->isEmpty())
            return http::status::notFound(u"There is no such service."_s);
        if (auto published = publish(tx, c.orgId(), u"service.deleted"_s, *row); !published)
            return published.error();
        return true;
    });
    if (!removed)
        return removed.error();
    return http::Response::json(QJsonObject{{u"success"_s, true}});
}

} // namespace

void registerServiceRoutes(http::Router &router, AppContext &app)
{
    router.get(u"/api/services"_s, http::Auth::User,
               [&app](http::Context &c) -> http::Reply { return list(app, c); });
    router.get(u"/api/services/:id"_s, http::Auth::User,
               [&app](http::Context &c) -> http::Reply { return detail(app, c); });
    router.post(u"/api/services"_s, http::Auth::Admin,
                [&app](http::Context &c) -> http::Reply { return create(app, c); });
    router.patch(u"/api/services/:id"_s, http::Auth::Admin,
                 [&app](http::Context &c) -> http::Reply { return update(app, c); });
    router.del(u"/api/services/:id"_s, http::Auth::Admin,
               [&app](http::Context &c) -> http::Reply { return remove(app, c); });
}

} // namespace vox::server
