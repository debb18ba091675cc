#include "server/routes/contacts.h"

#include "core/phonenumber.h"
#include "server/events/eventpublisher.h"
#include "server/http/jsonbody.h"
#include "server/routes/calls.h"
#include "server/routes/listquery.h"
#include "server/services/accesslog.h"
#include "server/services/clinicphone.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

const QStringList temperatures{u"hot"_s, u"warm"_s, u"cold"_s};
const QStringList leadStatuses{u"new"_s, u"contacted"_s, u"booked"_s, u"lost"_s};
// The languages the console and the agent speak.
const QStringList languages{u"en"_s, u"es"_s};

// The status a person sees now (core/leadstatus.h, leads::statusAt): an open lead whose clinic's
// follow-up window passed without activity is lost. Computed when read, so nothing has to run
// for it and every list, filter and count agrees.
const QByteArray statusNow = "vox_lead_status_now(ct)";

// Where the lead stands on the call-back list (leads::priorityAt): none, low, normal, high, urgent.
const QByteArray priorityNow =
    "vox_lead_priority(" + statusNow + ", ct.lead_score, ct.needs_attention)";

// The contact of docs/api.md over `contacts ct`, with the older names (contact_name, phone_number)
// kept beside the new ones.
const QByteArray contactJson =
    "json_build_object('id', ct.id, 'contact_name', ct.name, 'name', ct.name, "
    "'phone_number', ct.phone, 'phone', ct.phone, 'email', ct.email, "
    "'lead_status', " +
    statusNow +
    ", 'lead_score', ct.lead_score, "
    "'needs_attention', ct.needs_attention, 'priority', " +
    priorityNow +
    ", "
    "'lead_temperature', ct.lead_temperature, 'service_interests', ct.service_interests, "
    "'services_interested', ct.service_interests, 'notes', ct.notes, "
    "'preferred_language', ct.preferred_language, 'do_not_text', ct.do_not_text, "
    "'legal_hold', ct.legal_hold, "
    "'sms_opted_out', EXISTS (SELECT 1 FROM sms_opt_outs x WHERE x.org_id = ct.org_id AND "
    "x.phone = ct.phone), 'last_contacted_at', ct.last_contacted_at, 'created_at', ct.created_at, "
    "'updated_at', ct.updated_at)";

// An appointment as docs/api.md shows it, the contact flattened in, over `appointments a`
// joined with `contacts ct`.
const QByteArray appointmentJson =
    "json_build_object('id', a.id, 'contact_id', a.contact_id, 'contact_name', ct.name, "
    "'phone_number', ct.phone, 'contact_email', ct.email, 'service_id', a.service_id, "
    "'service_name', coalesce(s.name, a.service_name), 'scheduled_time', a.starts_at, "
    "'scheduled_at', a.starts_at, 'ends_at', a.ends_at, "
    "'duration_minutes', (extract(epoch FROM a.ends_at - a.starts_at) / 60)::int, "
    "'status', a.status, 'confirmation_sent', a.confirmation_sent, 'notes', a.notes, "
    "'source', a.source, 'call_id', a.call_id, 'calendar_event_id', a.calendar_event_id, "
    "'patient_confirmed_at', a.patient_confirmed_at, 'reschedule_requested_at', "
    "a.reschedule_requested_at, 'created_at', a.created_at, 'updated_at', a.updated_at)";

// The order of the leads list: most recent activity first (contacts_org_activity).
const QByteArray activity = "coalesce(ct.last_contacted_at, ct.created_at)";

// Trims, drops empty entries and repeats (case-insensitively, first spelling wins).
QStringList cleanInterests(const QStringList &given)
{
    QStringList out;
    QStringList seen;
    for (const QString &item : given) {
        const QString text = item.trimmed();
        if (text.isEmpty() || seen.contains(text.toLower()))
            continue;
        seen.append(text.toLower());
        out.append(text);
    }
    return out;
}

Result<QByteArray> contactDetail(db::Transaction &tx, const QString &orgId, const QString &id)
{
    const QByteArray sql =
        "SELECT " + contactJson +
        "::jsonb || jsonb_build_object("
        "'calls', (SELECT coalesce(jsonb_agg(x.item ORDER BY x.occurred_at DESC, x.id DESC), "
        "'[]') FROM (SELECT " +
        callListItemSql() + " AS item, c.occurred_at, c.id FROM " + callListFromSql() +
        " WHERE c.org_id = $1::uuid AND c.contact_id = $2::uuid "
        "ORDER BY c.occurred_at DESC, c.id DESC LIMIT 50) x), "
        "'appointments', (SELECT coalesce(jsonb_agg(y.item ORDER BY y.starts_at DESC), '[]') "
        "FROM (SELECT " +
        appointmentJson +
        " AS item, a.starts_at FROM appointments a "
        "LEFT JOIN services s ON s.id = a.service_id AND s.org_id = a.org_id "
        "JOIN contacts ct ON ct.id = a.contact_id AND ct.org_id = a.org_id "
        "WHERE a.org_id = $1::uuid AND a.contact_id = $2::uuid "
        "ORDER BY a.starts_at DESC LIMIT 50) y)) "
        "FROM contacts ct WHERE ct.org_id = $1::uuid AND ct.id = $2::uuid";
    auto row = tx.exec(sql, {orgId, id});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return http::status::notFound(u"There is no such contact."_s);
    return row->raw(0, 0);
}

http::Reply stats(AppContext &app, http::Context &c)
{
    auto body =
        app.db.transaction<QByteArray>(c.access(), [&](db::Transaction &tx) -> Result<QByteArray> {
            // Hot, warm and cold count the call-back list (open leads): a booked lead is done.
            auto row = tx.exec("SELECT json_build_object("
                               "'total_leads', count(*), "
                               "'hot_leads', count(*) FILTER (WHERE open AND t = 'hot'), "
                               "'warm_leads', count(*) FILTER (WHERE open AND t = 'warm'), "
                               "'cold_leads', count(*) FILTER (WHERE open AND t = 'cold'), "
                               "'total', count(*), "
                               "'hot', count(*) FILTER (WHERE open AND t = 'hot'), "
                               "'warm', count(*) FILTER (WHERE open AND t = 'warm'), "
                               "'cold', count(*) FILTER (WHERE open AND t = 'cold'), "
                               "'call_back', count(*) FILTER (WHERE open), "
                               "'needs_attention', count(*) FILTER (WHERE open AND attention), "
                               "'by_status', json_build_object("
                               "'new', count(*) FILTER (WHERE st = 'new'), "
                               "'contacted', count(*) FILTER (WHERE st = 'contacted'), "
                               "'booked', count(*) FILTER (WHERE st = 'booked'), "
                               "'lost', count(*) FILTER (WHERE st = 'lost'))) "
                               "FROM (SELECT " +
                                   statusNow + " AS st, " + statusNow +
                                   " IN ('new', 'contacted') AS open, ct.lead_temperature AS t, "
                                   "ct.needs_attention AS attention "
                                   "FROM contacts ct WHERE ct.org_id = $1::uuid) leads",
                               {c.orgId()});
            if (!row)
                return row.error();
            return row->raw(0, 0);
        });
    if (!body)
        return body.error();
    return http::Response::rawJson(*body);
}

http::Reply list(AppContext &app, http::Context &c)
{
    auto query = ListQuery::fromRequest(c.request);
    if (!query)
        return query.error();
    ListQuery &q = query.value();
    q.where("ct.org_id = " + q.bind(c.orgId()) + "::uuid");
    if (auto filtered = addContactFilters(c.request, q); !filtered)
        return filtered.error();
    if (q.cursor()) {
        q.where("(" + activity + ", ct.id) < (" + q.bind(q.cursor()->at) + "::timestamptz, " +
                q.bind(q.cursor()->id) + "::uuid)");
    }
    const QByteArray sql = "SELECT " + contactJson + ", " + activity +
                           "::text, ct.id FROM contacts ct WHERE " + q.conditions() + " ORDER BY " +
                           activity + " DESC, ct.id DESC LIMIT " +
                           QByteArray::number(q.limit() + 1);

    auto page =
        app.db.transaction<QByteArray>(c.access(), [&](db::Transaction &tx) -> Result<QByteArray> {
            auto rows = tx.exec(sql, q.params());
            if (!rows)
                return rows.error();
            return q.pageJson(*rows);
        });
    if (!page)
        return page.error();
    return http::Response::rawJson(*page);
}

} // namespace

QByteArray contactStatusNowSql()
{
    return statusNow;
}

QByteArray contactActivitySql()
{
    return activity;
}

Result<void> addContactFilters(const http::Request &request, ListQuery &q)
{
    const QString temperature = request.queryValue(u"temperature"_s);
    if (!temperature.isEmpty()) {
        if (!temperatures.contains(temperature))
            return http::status::badRequest(u"'temperature' must be hot, warm or cold."_s,
                                            u"temperature"_s);
        q.where("ct.lead_temperature = " + q.bind(temperature));
    }
    const QString status = request.queryValue(u"status"_s);
    if (!status.isEmpty()) {
        if (!leadStatuses.contains(status))
            return http::status::badRequest(
                u"'status' must be one of %1."_s.arg(leadStatuses.join(u", "_s)), u"status"_s);
        q.where(statusNow + " = " + q.bind(status));
    }
    // The call-back list: open leads only (new or contacted now), never a booked one.
    const QString callBack = request.queryValue(u"call_back"_s);
    if (!callBack.isEmpty() && callBack != u"true" && callBack != u"false")
        return http::status::badRequest(u"'call_back' must be true or false."_s, u"call_back"_s);
    if (callBack == u"true")
        q.where(statusNow + " IN ('new', 'contacted')");
    const QString attention = request.queryValue(u"needs_attention"_s);
    if (!attention.isEmpty() && attention != u"true" && attention != u"false")
        return http::status::badRequest(u"'needs_attention' must be true or false."_s,
                                        u"needs_attention"_s);
    if (!attention.isEmpty())
        q.where(attention == u"true" ? "ct.needs_attention" : "NOT ct.needs_attention");
    const QString search = request.queryValue(u"search"_s).trimmed();
    if (search.size() > 100)
        return http::status::badRequest(u"'search' must be at most 100 characters."_s, u"search"_s);
    if (!search.isEmpty()) {
        const QByteArray pattern = q.bind(likePattern(search));
        QByteArray any = "ct.name ILIKE " + pattern + " OR ct.email ILIKE " + pattern;
        const QString digits = digitsOf(search);
        if (digits.size() >= 3)
            any += " OR ct.phone LIKE " + q.bind(likePattern(digits));
        q.where('(' + any + ')');
    }
    return {};
}

namespace {

http::Reply create(AppContext &app, http::Context &c)
{
    auto body = http::JsonBody::parse(c.request);
    if (!body)
        return body.error();
    auto phoneText = body->requiredString(u"phone"_s, 40);
    if (!phoneText)
        return phoneText.error();
    auto name = body->optionalString(u"name"_s, 200);
    if (!name)
        return name.error();
    auto email = body->optionalString(u"email"_s, 254);
    if (!email)
        return email.error();
    if (*email && !(*email)->isEmpty() && !http::isEmail(**email))
        return http::status::badRequest(u"Enter a valid e-mail address."_s, u"email"_s);
    auto notes = body->optionalString(u"notes"_s, 5000);
    if (!notes)
        return notes.error();
    const auto nonEmpty = [](const std::optional<QString> &text) {
        return text && !text->isEmpty() ? *text : QString();
    };

    auto created =
        app.db.transaction<QByteArray>(c.access(), [&](db::Transaction &tx) -> Result<QByteArray> {
            auto phone = clinicphone::read(tx, c.orgId(), *phoneText, u"phone"_s);
            if (!phone)
                return phone.error();
            auto row =
                tx.exec("INSERT INTO contacts AS ct (org_id, phone, name, email, notes) "
                        "VALUES ($1::uuid, $2, $3, $4, $5) ON CONFLICT (org_id, phone) DO NOTHING "
                        "RETURNING ct.id, " +
                            contactJson + ", ct.lead_status, ct.lead_temperature",
                        {c.orgId(), *phone, nonEmpty(*name), nonEmpty(*email), nonEmpty(*notes)});
            if (!row)
                return row.error();
            if (row->isEmpty())
                return http::status::conflict(
                    u"The clinic already has a contact with the number %1."_s.arg(
                        phone::display(*phone)));
            const QString id = row->text(0, 0);
            auto published = events::publish(tx, c.orgId(), u"contact.created"_s, u"contact"_s, id,
                                             {{u"contact_name"_s, nonEmpty(*name)},
                                              {u"lead_status"_s, row->text(0, 2)},
                                              {u"lead_temperature"_s, row->text(0, 3)}});
            if (!published)
                return published.error();
            return row->raw(0, 1);
        });
    if (!created)
        return created.error();
    return http::Response::rawJson(*created, 201);
}

http::Reply detail(AppContext &app, http::Context &c)
{
    auto id = http::uuidParam(c.request, u"id"_s);
    if (!id)
        return id.error();
    auto body =
        app.db.transaction<QByteArray>(c.access(), [&](db::Transaction &tx) -> Result<QByteArray> {
            auto detail = contactDetail(tx, c.orgId(), *id);
            if (!detail)
                return detail.error();
            // The contact with its calls and messages: the patient's history.
            auto logged = accesslog::record(tx, accesslog::byUser(c.user(), c.request.remoteAddress,
                                                                  accesslog::action::contactViewed,
                                                                  u"contact"_s, *id));
            if (!logged)
                return logged.error();
            return detail;
        });
    if (!body)
        return body.error();
    return http::Response::rawJson(*body);
}

// The SET clause of a PATCH, with its parameters after the org and id ($1, $2).
struct ContactChanges
{
    QByteArrayList assignments;
    db::Params params;
    QStringList fields;

    void set(const char *column, const QString &field, const db::Param &value,
             const char *cast = "")
    {
        params.append(value);
        assignments.append(QByteArray(column) + " = $" + QByteArray::number(params.size() + 2) +
                           cast);
        fields.append(field);
    }
};

// A text field that may be changed or cleared: absent leaves it, null or "" clears it.
Result<void> optionalText(const http::JsonBody &body, const QStringList &keys, const char *column,
                          int maxLength, ContactChanges &changes)
{
    for (const QString &key : keys) {
        if (!body.has(key))
            continue;
        auto value = body.optionalString(key, maxLength);
        if (!value)
            return value.error();
        const QString text = value->value_or(QString());
        if (key == u"email" && !text.isEmpty() && !http::isEmail(text))
            return http::status::badRequest(u"Enter a valid e-mail address."_s, key);
        changes.set(column, keys.first(), text.isEmpty() ? QString() : text);
        return {};
    }
    return {};
}

Result<ContactChanges> parseChanges(const http::JsonBody &body)
{
    ContactChanges changes;
    if (auto ok = optionalText(body, {u"name"_s, u"contact_name"_s}, "name", 200, changes); !ok)
        return ok.error();
    if (auto ok = optionalText(body, {u"email"_s}, "email", 254, changes); !ok)
        return ok.error();
    if (auto ok = optionalText(body, {u"notes"_s}, "notes", 5000, changes); !ok)
        return ok.error();
    auto status = body.optionalEnum(u"lead_status"_s, leadStatuses);
    if (!status)
        return status.error();
    if (*status) {
        // A person's decision: taken as given, and the follow-up window restarts from now.
        changes.set("lead_status", u"lead_status"_s, **status);
        changes.assignments.append("lead_status_set_at = now()");
    }
    // The language to speak and write in: en or es; null or "" clears it.
    if (body.has(u"preferred_language"_s)) {
        auto text = body.optionalString(u"preferred_language"_s, 10);
        if (!text)
            return text.error();
        const QString code = text->value_or(QString());
        if (!code.isEmpty() && !languages.contains(code))
            return http::status::badRequest(
                u"'preferred_language' must be one of %1, or null."_s.arg(languages.join(u", "_s)),
                u"preferred_language"_s);
        changes.set("preferred_language", u"preferred_language"_s,
                    code.isEmpty() ? QString() : code);
    }
    auto doNotText = body.optionalBool(u"do_not_text"_s);
    if (!doNotText)
        return doNotText.error();
    if (*doNotText)
        changes.set("do_not_text", u"do_not_text"_s, **doNotText);
    // A person clears the mark once the patient has been looked after (or sets it by hand).
    auto attention = body.optionalBool(u"needs_attention"_s);
    if (!attention)
        return attention.error();
    if (*attention)
        changes.set("needs_attention", u"needs_attention"_s, **attention);
    for (const QString &key : {u"service_interests"_s, u"services_interested"_s}) {
        auto interests = body.optionalStringList(key, 20, 100);
        if (!interests)
            return interests.error();
        if (*interests) {
            changes.set("service_interests", u"service_interests"_s, cleanInterests(**interests),
                        "::text[]");
            break;
        }
    }
    return changes;
}

http::Reply update(AppContext &app, http::Context &c)
{
    auto id = http::uuidParam(c.request, u"id"_s);
    if (!id)
        return id.error();
    auto body = http::JsonBody::parse(c.request);
    if (!body)
        return body.error();
    auto changes = parseChanges(*body);
    if (!changes)
        return changes.error();

    auto updated =
        app.db.transaction<QByteArray>(c.access(), [&](db::Transaction &tx) -> Result<QByteArray> {
            if (!changes->assignments.isEmpty()) {
                db::Params params{c.orgId(), *id};
                params += changes->params;
                auto row = tx.exec("UPDATE contacts ct SET " + changes->assignments.join(", ") +
                                       " WHERE ct.org_id = $1::uuid AND ct.id = $2::uuid "
                                       "RETURNING " +
                                       statusNow + ", ct.lead_temperature",
                                   params);
                if (!row)
                    return row.error();
                if (row->isEmpty())
                    return http::status::notFound(u"There is no such contact."_s);
                auto published =
                    events::publish(tx, c.orgId(), u"contact.updated"_s, u"contact"_s, *id,
                                    {{u"changed"_s, QJsonArray::fromStringList(changes->fields)},
                                     {u"lead_status"_s, row->text(0, 0)},
                                     {u"lead_temperature"_s, row->text(0, 1)}});
                if (!published)
                    return published.error();
            }
            return contactDetail(tx, c.orgId(), *id);
        });
    if (!updated)
        return updated.error();
    return http::Response::rawJson(*updated);
}

} // namespace

void registerContactRoutes(http::Router &router, AppContext &app)
{
    router.get(u"/api/contacts/stats"_s, http::Auth::User,
               [&app](http::Context &c) -> http::Reply { return stats(app, c); });
    router.get(u"/api/contacts"_s, http::Auth::User,
               [&app](http::Context &c) -> http::Reply { return list(app, c); });
    router.post(u"/api/contacts"_s, http::Auth::User,
                [&app](http::Context &c) -> http::Reply { return create(app, c); });
    router.get(u"/api/contacts/:id"_s, http::Auth::User,
               [&app](http::Context &c) -> http::Reply { return detail(app, c); });
    router.patch(u"/api/contacts/:id"_s, http::Auth::User,
                 [&app](http::Context &c) -> http::Reply { return update(app, c); });
}

} // namespace vox::server
