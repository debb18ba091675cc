#include "server/routes/livedesk.h"

#include "server/http/jsonbody.h"
#include "server/services/callcontrol.h"
#include "server/services/transferdesk.h"

#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

// Calls stuck "in progress" (a lost end-of-call delivery) leave the live list after this long.
constexpr int liveWindowHours = 4;
// Final lines a live call brings along, so a console opened mid-call shows what was said.
constexpr int linesPerCall = 40;
// More destinations than a clinic could mean: a longer order is refused before it is read.
constexpr int maxDestinations = 200;

Result<TransferDesk::Changes> destinationChanges(const http::JsonBody &body)
{
    TransferDesk::Changes changes;
    auto name = body.optionalString(u"name"_s, 100);
    if (!name)
        return name.error();
    changes.name = *name;
    // Checked here rather than by the column, so the admin reads why and not a database error.
    const QJsonValue description = body.object().value(u"description"_s);
    if (description.isString() &&
        description.toString().trimmed().size() > TransferDesk::descriptionLength)
        return http::status::badRequest(u"Keep the description to %1 characters or fewer."_s.arg(
                                            TransferDesk::descriptionLength),
                                        u"description"_s);
    auto describedAs = body.optionalString(u"description"_s, TransferDesk::descriptionLength);
    if (!describedAs)
        return describedAs.error();
    changes.description = *describedAs;
    auto number = body.optionalString(u"number"_s, 32);
    if (!number)
        return number.error();
    changes.number = *number;
    if (body.object().contains(u"hours"_s)) {
        if (!body.object().value(u"hours"_s).isArray())
            return http::status::badRequest(u"hours must be a list of opening times."_s,
                                            u"hours"_s);
        changes.hours = body.object().value(u"hours"_s).toArray();
    }
    auto emergency = body.optionalBool(u"emergency"_s);
    if (!emergency)
        return emergency.error();
    changes.emergency = *emergency;
    auto position = body.optionalInt(u"position"_s, 0, 1000);
    if (!position)
        return position.error();
    changes.position = *position;
    return changes;
}

} // namespace

void registerLiveDeskRoutes(http::Router &router, AppContext &app)
{
    auto control = std::make_shared<CallControl>(app);
    auto desk = std::make_shared<TransferDesk>(app);

    router.get(u"/api/live-calls"_s, http::Auth::User, [&app](http::Context &c) -> http::Reply {
        const http::Principal &who = c.user();
        auto calls = app.db.transaction<QJsonArray>(
            who.access(), [&](db::Transaction &tx) -> Result<QJsonArray> {
                auto rows = tx.exec(
                    "SELECT coalesce(json_agg(json_build_object('id', c.id, 'status', c.status, "
                    "'direction', c.direction, 'caller_name', coalesce(c.caller_name, ct.name), "
                    "'phone_number', c.phone_number, 'occurred_at', c.occurred_at, 'started_at', "
                    "c.started_at, 'transfer_to', c.transfer_to, 'can_control', "
                    "(m.control_url IS NOT NULL), 'lines', (SELECT coalesce(json_agg(json_build_"
                    "object('role', l.role, 'text', l.text, 'at', l.spoken_at) ORDER BY l.id), "
                    "'[]') FROM (SELECT * FROM call_live_lines WHERE call_id = c.id ORDER BY id "
                    "DESC LIMIT $3) l)) ORDER BY c.occurred_at DESC), '[]') FROM call_logs c "
                    "LEFT JOIN contacts ct ON ct.id = c.contact_id LEFT JOIN call_monitors m ON "
                    "m.vapi_call_id = c.vapi_call_id AND m.org_id = c.org_id WHERE c.org_id = "
                    "$1::uuid AND c.status IN ('ringing', 'in-progress', 'forwarding') AND "
                    "c.occurred_at > now() - make_interval(hours => $2)",
                    {who.orgId, liveWindowHours, linesPerCall});
                if (!rows)
                    return rows.error();
                return rows->toJson(0, 0).toArray();
            });
        if (!calls)
            return calls.error();
        return http::Response::json(QJsonObject{{u"calls"_s, *calls}});
    });

    router.post(
        u"/api/calls/:id/control"_s, http::Auth::User, [control](http::Context &c) -> http::Reply {
            auto id = http::uuidParam(c.request, u"id"_s);
            if (!id)
                return id.error();
            auto body = http::JsonBody::parse(c.request);
            if (!body)
                return body.error();
            auto type = body->requiredEnum(u"type"_s, {u"say"_s, u"whisper"_s, u"mute"_s,
                                                       u"unmute"_s, u"end"_s, u"transfer"_s});
            if (!type)
                return type.error();
            CallControl::Action action;
            action.type = *type;
            if (action.type == u"say" || action.type == u"whisper") {
                auto content = body->requiredString(u"content"_s, 1000);
                if (!content)
                    return content.error();
                action.content = content->trimmed();
                if (action.content.isEmpty())
                    return http::status::badRequest(u"Write what to say."_s, u"content"_s);
                auto endAfter = body->optionalBool(u"end_after_spoken"_s);
                if (!endAfter)
                    return endAfter.error();
                action.endAfterSpoken = endAfter->value_or(false);
            }
            if (action.type == u"transfer") {
                auto destination = body->requiredUuid(u"destination_id"_s);
                if (!destination)
                    return destination.error();
                action.destinationId = *destination;
                auto content = body->optionalString(u"content"_s, 1000);
                if (!content)
                    return content.error();
                action.content = content->value_or(QString()).trimmed();
            }
            if (action.endAfterSpoken && !c.user().isAdmin())
                return http::status::forbidden(u"Only an admin can end a call."_s);
            auto done = control->act(c.user(), *id, action);
            if (!done)
                return done.error();
            return http::Response::json(*done);
        });

    router.get(u"/api/transfer-destinations"_s, http::Auth::User,
               [desk](http::Context &c) -> http::Reply {
                   auto list = desk->list(c.user());
                   if (!list)
                       return list.error();
                   return http::Response::json(QJsonObject{{u"destinations"_s, *list}});
               });
    router.post(u"/api/transfer-destinations"_s, http::Auth::Admin,
                [desk](http::Context &c) -> http::Reply {
                    auto body = http::JsonBody::parse(c.request);
                    if (!body)
                        return body.error();
                    auto changes = destinationChanges(*body);
                    if (!changes)
                        return changes.error();
                    auto created = desk->create(c.user(), *changes);
                    if (!created)
                        return created.error();
                    return http::Response::json(*created, 201);
                });
    router.put(u"/api/transfer-destinations/order"_s, http::Auth::Admin,
               [desk](http::Context &c) -> http::Reply {
                   auto body = http::JsonBody::parse(c.request);
                   if (!body)
                       return body.error();
                   const QJsonValue ids = body->object().value(u"ids"_s);
                   if (!ids.isArray() || ids.toArray().size() > maxDestinations)
                       return http::status::badRequest(
                           u"Give 'ids': the clinic's transfer destinations' ids, in order."_s,
                           u"ids"_s);
                   QStringList order;
                   for (const QJsonValue &v : ids.toArray()) {
                       const auto id = QUuid::fromString(v.toString());
                       if (!v.isString() || id.isNull())
                           return http::status::badRequest(
                               u"Each item of 'ids' must be a destination's id."_s, u"ids"_s);
                       order.append(id.toString(QUuid::WithoutBraces));
                   }
                   auto listed = desk->reorder(c.user(), order);
                   if (!listed)
                       return listed.error();
                   return http::Response::json(QJsonObject{{u"destinations"_s, *listed}});
               });
    router.patch(u"/api/transfer-destinations/:id"_s, http::Auth::Admin,
                 [desk](http::Context &c) -> http::Reply {
                     auto id = http::uuidParam(c.request, u"id"_s);
                     if (!id)
                         return id.error();
                     auto body = http::JsonBody::parse(c.request);
                     if (!body)
                         return body.error();
                     auto changes = destinationChanges(*body);
                     if (!changes)
                         return changes.error();
                     auto updated = desk->update(c.user(), *id, *changes);
                     if (!updated)
                         return updated.error();
                     return http::Response::json(*updated);
                 });
    router.del(u"/api/transfer-destinations/:id"_s, http::Auth::Admin,
               [desk](http::Context &c) -> http::Reply {
                   auto id = http::uuidParam(c.request, u"id"_s);
                   if (!id)
                       return id.error();
                   auto removed = desk->remove(c.user(), *id);
                   if (!removed)
                       return removed.error();
                   return http::Response::json(QJsonObject{{u"deleted"_s, true}});
               });
}

} // namespace vox::server
