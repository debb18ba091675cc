#include "server/routes/appointments.h"

#include "core/datetimerules.h"
#include "server/http/jsonbody.h"
#include "server/routes/listcursor.h"
#include "server/routes/listquery.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

QJsonArray rangesJson(const QList<availability::Range> &ranges)
{
    QJsonArray out;
    for (const availability::Range &r : ranges)
        out.append(QJsonObject{{u"start"_s, r.start.toString(Qt::ISODate)},
                               {u"end"_s, r.end.toString(Qt::ISODate)}});
    return out;
}

// A refused time: 409 with the reason and the nearest free times.
http::Response conflictResponse(const BookingOutcome &outcome)
{
    return http::Response::json(
        {{u"error"_s, outcome.conflict}, {u"alternatives"_s, rangesJson(outcome.alternatives)}},
        409);
}

} // namespace

Result<void> addAppointmentFilters(const http::Request &request, ListQuery &q)
{
    if (auto period = q.wherePeriod(request, "a.starts_at"); !period)
        return period;
    const QString status = request.queryValue(u"status"_s);
    static const QStringList statuses{u"held"_s, u"confirmed"_s, u"cancelled"_s, u"completed"_s};
    if (!status.isEmpty() && !statuses.contains(status))
        return http::status::badRequest(
            u"'status' must be one of %1."_s.arg(statuses.join(u", "_s)), u"status"_s);
    if (!status.isEmpty())
        q.where("a.status = " + q.bind(status));
    const QString contactId = request.queryValue(u"contact_id"_s);
    if (!contactId.isEmpty() && !http::isUuid(contactId))
        return http::status::badRequest(u"'contact_id' must be an id."_s, u"contact_id"_s);
    if (!contactId.isEmpty())
        q.where("a.contact_id = " + q.bind(contactId.toLower()) + "::uuid");
    return {};
}

void registerAppointmentRoutes(http::Router &router, AppContext &app,
                               std::shared_ptr<BookingService> booking)
{
    router.get(u"/api/appointments"_s, http::Auth::User, [&app](http::Context &c) -> http::Reply {
        const http::Request &r = c.request;
        ListQuery q;
        q.where("a.org_id = " + q.bind(c.orgId()) + "::uuid");
        if (auto filtered = addAppointmentFilters(r, q); !filtered)
            return filtered.error();
        int limit = 50;
        if (r.hasQuery(u"limit"_s)) {
            bool ok = false;
            limit = r.queryValue(u"limit"_s).toInt(&ok);
            if (!ok || limit < 1 || limit > 200)
                return http::status::badRequest(u"'limit' must be between 1 and 200."_s,
                                                u"limit"_s);
        }
        if (!r.queryValue(u"cursor"_s).isEmpty()) {
            auto decoded = decodeAppointmentCursor(r.queryValue(u"cursor"_s));
            if (!decoded)
                return decoded.error();
            q.where("(a.starts_at, a.id) > (" + q.bind(decoded->first) + "::timestamptz, " +
                    q.bind(decoded->second) + "::uuid)");
        }
        auto page = app.db.transaction<QJsonObject>(
            c.access(), [&](db::Transaction &tx) -> Result<QJsonObject> {
                auto rows =
                    tx.exec(BookingService::appointmentSelect(
                                "to_char(a.starts_at AT TIME ZONE 'UTC', "
                                "'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), a.id") +
                                "WHERE " + q.conditions() + " ORDER BY a.starts_at, a.id LIMIT " +
                                QByteArray::number(limit + 1),
                            q.params());
                if (!rows)
                    return rows.error();
                QJsonArray items;
                const int shown = qMin(rows->rowCount(), limit);
                for (int i = 0; i < shown; ++i)
                    items.append(rows->toJson(i, 0));
                QJsonValue next;
                if (rows->rowCount() > limit)
                    next =
                        encodeAppointmentCursor(rows->text(limit - 1, 1), rows->text(limit - 1, 2));
                return QJsonObject{{u"items"_s, items}, {u"next_cursor"_s, next}};
            });
        if (!page)
            return page.error();
        return http::Response::json(*page);
    });

    router.get(
        u"/api/appointments/availability"_s, http::Auth::User,
        [booking](http::Context &c) -> http::Reply {
            auto parsed = datetimerules::parseDate(c.request.queryValue(u"date"_s));
            if (!parsed)
                return parsed.error();
            const QDate date = *parsed;
            const QString serviceId = c.request.queryValue(u"service_id"_s);
            if (!serviceId.isEmpty() && !http::isUuid(serviceId))
                return http::status::notFound(u"That service does not exist."_s);
            // The appointment being moved: its own time is free to move into.
            const QString moving = c.request.queryValue(u"moving"_s);
            if (!moving.isEmpty() && !http::isUuid(moving))
                return http::status::badRequest(
                    u"'moving' must be the id of the appointment being moved."_s, u"moving"_s);
            auto day =
                booking->availability(c.access(), c.orgId(), date, serviceId, nullptr, moving);
            if (!day)
                return day.error();
            return http::Response::json({{u"date"_s, date.toString(Qt::ISODate)},
                                         {u"time_zone"_s, day->calendar.timeZoneName},
                                         {u"service_id"_s, day->service.id},
                                         {u"slots"_s, rangesJson(day->openSlots)}});
        });

    router.post(u"/api/appointments"_s, http::Auth::User,
                [booking](http::Context &c) -> http::Reply {
                    auto body = http::JsonBody::parse(c.request);
                    if (!body)
                        return body.error();
                    auto service = body->requiredUuid(u"service_id"_s);
                    if (!service)
                        return service.error();
                    auto start = body->requiredDateTime(u"scheduled_time"_s);
                    if (!start)
                        return start.error();
                    auto notes = body->optionalString(u"notes"_s, 2000);
                    if (!notes)
                        return notes.error();
                    NewAppointment request;
                    request.orgId = c.orgId();
                    request.serviceId = *service;
                    request.start = *start;
                    request.notes = notes->value_or(QString());
                    request.source = u"console"_s;
                    if (body->has(u"contact_id"_s) && !body->isNull(u"contact_id"_s)) {
                        auto contact = body->requiredUuid(u"contact_id"_s);
                        if (!contact)
                            return contact.error();
                        request.contactId = *contact;
                    } else {
                        auto phone = body->requiredString(u"phone"_s, 40);
                        if (!phone)
                            return http::status::badRequest(
                                u"Give 'contact_id', or the 'phone' (and 'name') of the person."_s,
                                u"phone"_s);
                        auto name = body->optionalString(u"name"_s, 200);
                        if (!name)
                            return name.error();
                        request.phone = *phone;
                        request.name = name->value_or(QString());
                    }
                    auto outcome = booking->book(c.access(), request);
                    if (!outcome)
                        return outcome.error();
                    if (!outcome->booked)
                        return conflictResponse(*outcome);
                    return http::Response::json(outcome->appointment, 201);
                });

    router.patch(
        u"/api/appointments/:id"_s, http::Auth::User, [booking](http::Context &c) -> http::Reply {
            auto id = http::uuidParam(c.request, u"id"_s);
            if (!id)
                return id.error();
            auto body = http::JsonBody::parse(c.request);
            if (!body)
                return body.error();
            AppointmentChanges changes;
            auto start = body->optionalDateTime(u"scheduled_time"_s);
            if (!start)
                return start.error();
            changes.start = *start;
            if (body->has(u"service_id"_s) && !body->isNull(u"service_id"_s)) {
                auto service = body->requiredUuid(u"service_id"_s);
                if (!service)
                    return service.error();
                changes.serviceId = *service;
            }
            auto notes = body->optionalString(u"notes"_s, 2000);
            if (!notes)
                return notes.error();
            if (body->has(u"notes"_s))
                changes.notes = notes->value_or(QString());
            auto status = body->optionalEnum(u"status"_s, {u"confirmed"_s, u"completed"_s});
            if (!status)
                return status.error();
            changes.status = *status;
            auto outcome = booking->update(c.access(), c.orgId(), *id, changes);
            if (!outcome)
                return outcome.error();
            if (!outcome->booked)
                return conflictResponse(*outcome);
            return http::Response::json(outcome->appointment);
        });

    router.post(u"/api/appointments/:id/cancel"_s, http::Auth::User,
                [booking](http::Context &c) -> http::Reply {
                    auto id = http::uuidParam(c.request, u"id"_s);
                    if (!id)
                        return id.error();
                    auto body = http::JsonBody::parse(c.request);
                    if (!body)
                        return body.error();
                    auto reason = body->optionalString(u"reason"_s, 500);
                    if (!reason)
                        return reason.error();
                    auto cancelled =
                        booking->cancel(c.access(), c.orgId(), *id, reason->value_or(QString()));
                    if (!cancelled)
                        return cancelled.error();
                    return http::Response::json(*cancelled);
                });
}

} // namespace vox::server
