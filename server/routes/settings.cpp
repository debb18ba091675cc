#include "server/routes/settings.h"

#include "core/leadstatus.h"
#include "core/phonenumber.h"
#include "core/timezonename.h"
#include "server/events/eventpublisher.h"
#include "server/http/jsonbody.h"
#include "server/services/businesshours.h"
#include "server/services/clinicphone.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

const QByteArray settingsSql =
    "SELECT json_build_object('name', o.name, 'time_zone', s.time_zone, "
    "'currency', s.currency, 'phone_country', s.phone_country, 'redact_pii', s.redact_pii, "
    "'alert_phone', s.alert_phone, "
    "'email_from', s.email_from, 'slot_minutes', s.slot_minutes, "
    "'lead_follow_up_days', s.lead_follow_up_days, 'language', s.language, "
    "'business_hours', (SELECT coalesce(json_agg(json_build_object('weekday', h.weekday, "
    "'opens_at', to_char(h.opens_at, 'HH24:MI'), 'closes_at', to_char(h.closes_at, 'HH24:MI')) "
    "ORDER BY h.weekday, h.opens_at), '[]') FROM business_hours h WHERE h.org_id = o.id)) "
    "FROM organizations o JOIN org_settings s ON s.org_id = o.id WHERE o.id = $1::uuid";

// A sender as e-mail clients write it: "clinic@example.com" or "Glow Spa <clinic@example.com>".
bool isSender(const QString &text)
{
    static const QRegularExpression named(u"^[^<>\"]{1,100}<([^<>]+)>$"_s);
    const auto match = named.match(text);
    return http::isEmail(match.hasMatch() ? match.captured(1).trimmed() : text);
}

// A nullable text setting: absent leaves it, null or "" clears it.
struct Clearable
{
    bool given = false;
    QString value;
};

struct SettingsChanges
{
    std::optional<QString> name;
    std::optional<QString> timeZone;
    std::optional<QString> currency;
    std::optional<QString> phoneCountry;
    std::optional<bool> redactPii;
    Clearable alertPhone;
    Clearable emailFrom;
    std::optional<qint64> slotMinutes;
    std::optional<qint64> leadFollowUpDays;
    std::optional<QString> language;
    std::optional<QList<businesshours::Opening>> hours;
};

Result<Clearable> clearable(const http::JsonBody &body, const QString &key, int maxLength)
{
    Clearable out;
    if (!body.has(key))
        return out;
    auto value = body.optionalString(key, maxLength);
    if (!value)
        return value.error();
    out.given = true;
    out.value = value->value_or(QString());
    return out;
}

// The clinic's phone country: the one given now, else the one it has.
Result<SettingsChanges> parseChanges(const http::JsonBody &body, const QString &storedCountry)
{
    SettingsChanges changes;
    auto name = body.optionalString(u"name"_s, 200);
    if (!name)
        return name.error();
    if (*name && (*name)->isEmpty())
        return http::status::badRequest(u"The clinic's name cannot be empty."_s, u"name"_s);
    changes.name = *name;

    auto zone = body.optionalString(u"time_zone"_s, 64);
    if (!zone)
        return zone.error();
    if (*zone && !isTimeZoneName(**zone))
        return http::status::badRequest(
            u"Unknown time zone \"%1\"; use a name such as America/New_York."_s.arg(**zone),
            u"time_zone"_s);
    changes.timeZone = *zone;

    auto currency = body.optionalString(u"currency"_s, 3);
    if (!currency)
        return currency.error();
    static const QRegularExpression iso4217(u"^[A-Z]{3}$"_s);
    if (*currency && !iso4217.match(**currency).hasMatch())
        return http::status::badRequest(u"'currency' must be a code such as USD."_s, u"currency"_s);
    changes.currency = *currency;

    auto country = body.optionalString(u"phone_country"_s, 2);
    if (!country)
        return country.error();
    if (*country && !phone::country(**country)) {
        QStringList known;
        for (const phone::Country &c : phone::countries())
            known << c.iso;
        return http::status::badRequest(
            u"'phone_country' must be one of the countries whose numbers can be read: %1."_s.arg(
                known.join(u", "_s)),
            u"phone_country"_s);
    }
    changes.phoneCountry = *country;

    auto redact = body.optionalBool(u"redact_pii"_s);
    if (!redact)
        return redact.error();
    changes.redactPii = *redact;

    auto alert = clearable(body, u"alert_phone"_s, 40);
    if (!alert)
        return alert.error();
    changes.alertPhone = *alert;
    if (changes.alertPhone.given && !changes.alertPhone.value.isEmpty()) {
        auto normalized = phone::normalize(changes.alertPhone.value,
                                           changes.phoneCountry.value_or(storedCountry));
        if (!normalized)
            return http::status::badRequest(normalized.errorMessage(), u"alert_phone"_s);
        changes.alertPhone.value = *normalized;
    }

    auto sender = clearable(body, u"email_from"_s, 320);
    if (!sender)
        return sender.error();
    changes.emailFrom = *sender;
    if (changes.emailFrom.given && !changes.emailFrom.value.isEmpty() &&
        !isSender(changes.emailFrom.value))
        return http::status::badRequest(
            u"'email_from' must be an e-mail address, optionally with a name: "
            "Glow Spa <desk@glowspa.com>."_s,
            u"email_from"_s);

    auto slot = body.optionalInt(u"slot_minutes"_s, 5, 240);
    if (!slot)
        return slot.error();
    changes.slotMinutes = *slot;

    // How long an unbooked lead stays on the call-back list without any contact.
    auto followUp = body.optionalInt(u"lead_follow_up_days"_s, 1, leads::maxFollowUpDays);
    if (!followUp)
        return followUp.error();
    changes.leadFollowUpDays = *followUp;

    // The clinic's language: review tags still as seeded follow it (see the migration).
    auto language = body.optionalString(u"language"_s, 8);
    if (!language)
        return language.error();
    if (*language && **language != u"en" && **language != u"es")
        return http::status::badRequest(u"'language' must be en or es."_s, u"language"_s);
    changes.language = *language;

    if (body.has(u"business_hours"_s) && !body.isNull(u"business_hours"_s)) {
        auto hours = businesshours::parse(body.object().value(u"business_hours"_s));
        if (!hours)
            return hours.error();
        changes.hours = *hours;
    }
    return changes;
}

// A phone given alone is read in the country the clinic already has.
Result<SettingsChanges> parseChanges(AppContext &app, http::Context &c, const http::JsonBody &body)
{
    auto stored = app.db.transaction<QString>(
        c.access(), [&](db::Transaction &tx) { return clinicphone::country(tx, c.orgId()); });
    if (!stored)
        return stored.error();
    return parseChanges(body, *stored);
}

Result<void> apply(db::Transaction &tx, const QString &orgId, const SettingsChanges &changes)
{
    if (changes.name) {
        auto renamed = tx.exec("UPDATE organizations SET name = $2 WHERE id = $1::uuid",
                               {orgId, *changes.name});
        if (!renamed)
            return renamed.error();
    }
    auto updated = tx.exec(
        "UPDATE org_settings SET time_zone = coalesce($2, time_zone), "
        "currency = coalesce($3, currency), redact_pii = coalesce($4::boolean, redact_pii), "
        "alert_phone = CASE WHEN $5::boolean THEN $6 ELSE alert_phone END, "
        "email_from = CASE WHEN $7::boolean THEN $8 ELSE email_from END, "
        "slot_minutes = coalesce($9::int, slot_minutes), "
        "lead_follow_up_days = coalesce($10::int, lead_follow_up_days), "
        "phone_country = coalesce($11, phone_country), language = coalesce($12, language) "
        "WHERE org_id = $1::uuid",
        {orgId, changes.timeZone, changes.currency, changes.redactPii, changes.alertPhone.given,
         changes.alertPhone.value.isEmpty() ? QString() : changes.alertPhone.value,
         changes.emailFrom.given,
         changes.emailFrom.value.isEmpty() ? QString() : changes.emailFrom.value,
         changes.slotMinutes, changes.leadFollowUpDays, changes.phoneCountry, changes.language});
    if (!updated)
        return updated.error();
    if (changes.hours) {
        // The week is replaced as a whole: what the console shows is exactly what is stored.
        if (auto cleared = tx.exec("DELETE FROM business_hours WHERE org_id = $1::uuid", {orgId});
            !cleared)
            return cleared.error();
        for (const businesshours::Opening &o : *changes.hours) {
            auto inserted = tx.exec("INSERT INTO business_hours (org_id, weekday, opens_at, "
                                    "closes_at) VALUES ($1::uuid, $2, $3::time, $4::time)",
                                    {orgId, o.weekday, businesshours::clock(o.opensMinute),
                                     businesshours::clock(o.closesMinute)});
            if (!inserted)
                return inserted.error();
        }
    }
    return {};
}

Result<QByteArray> current(db::Transaction &tx, const QString &orgId)
{
    auto row = tx.exec(settingsSql, {orgId});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return http::status::notFound(u"The clinic has no settings yet."_s);
    return row->raw(0, 0);
}

} // namespace

void registerSettingsRoutes(http::Router &router, AppContext &app)
{
    router.get(u"/api/org/settings"_s, http::Auth::User, [&app](http::Context &c) -> http::Reply {
        auto body = app.db.transaction<QByteArray>(
            c.access(), [&](db::Transaction &tx) { return current(tx, c.orgId()); });
        if (!body)
            return body.error();
        return http::Response::rawJson(*body);
    });

    router.patch(u"/api/org/settings"_s, http::Auth::Admin,
                 [&app](http::Context &c) -> http::Reply {
                     auto body = http::JsonBody::parse(c.request);
                     if (!body)
                         return body.error();
                     auto changes = parseChanges(app, c, *body);
                     if (!changes)
                         return changes.error();
                     auto updated = app.db.transaction<QByteArray>(
                         c.access(), [&](db::Transaction &tx) -> Result<QByteArray> {
                             if (auto applied = apply(tx, c.orgId(), *changes); !applied)
                                 return applied.error();
                             auto published = events::publish(tx, c.orgId(), u"settings.updated"_s,
                                                              u"organization"_s, c.orgId());
                             if (!published)
                                 return published.error();
                             return current(tx, c.orgId());
                         });
                     if (!updated)
                         return updated.error();
                     return http::Response::rawJson(*updated);
                 });
}

} // namespace vox::server
