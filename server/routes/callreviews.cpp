#include "server/routes/callreviews.h"

#include "server/events/eventpublisher.h"
#include "server/http/jsonbody.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

constexpr int maxTags = 50;
constexpr int maxTagLength = 40;
constexpr int maxNoteLength = 2000;

// A review as docs/api.md shows it, over `call_reviews r` joined with its reviewer `p`.
const QByteArray reviewJson =
    "json_build_object('call_id', r.call_id, 'score', r.score, 'tags', r.tags, 'note', r.note, "
    "'reviewer_id', r.reviewer_id, 'reviewer_name', p.full_name, 'reviewed_at', r.reviewed_at)";

Result<void> audit(db::Transaction &tx, const http::Context &c, const QString &action,
                   const QString &entityType, const QString &entityId, const QJsonObject &details)
{
    auto row = tx.exec("INSERT INTO audit_log (org_id, actor_id, action, entity_type, entity_id, "
                       "details) VALUES ($1::uuid, $2::uuid, $3, $4, $5::uuid, $6::jsonb)",
                       {c.orgId(), c.user().userId, action, entityType,
                        entityId.isEmpty() ? QString() : entityId, QJsonValue(details)});
    if (!row)
        return row.error();
    return {};
}

http::Reply review(AppContext &app, http::Context &c)
{
    auto id = http::uuidParam(c.request, u"id"_s);
    if (!id)
        return id.error();
    auto body =
        app.db.transaction<QByteArray>(c.access(), [&](db::Transaction &tx) -> Result<QByteArray> {
            auto row = tx.exec("SELECT (SELECT " + reviewJson +
                                   " FROM call_reviews r LEFT JOIN profiles p ON p.id = "
                                   "r.reviewer_id WHERE r.call_id = c.id) FROM call_logs c "
                                   "WHERE c.org_id = $1::uuid AND c.id = $2::uuid",
                               {c.orgId(), *id});
            if (!row)
                return row.error();
            if (row->isEmpty())
                return http::status::notFound(u"There is no such call."_s);
            return QByteArray(
                "{\"review\":" + (row->isNull(0, 0) ? QByteArray("null") : row->raw(0, 0)) + '}');
        });
    if (!body)
        return body.error();
    return http::Response::rawJson(*body);
}

http::Reply saveReview(AppContext &app, http::Context &c)
{
    auto id = http::uuidParam(c.request, u"id"_s);
    if (!id)
        return id.error();
    auto body = http::JsonBody::parse(c.request);
    if (!body)
        return body.error();
    auto score = body->requiredInt(u"score"_s, 1, 5);
    if (!score)
        return score.error();
    auto tags = body->optionalStringList(u"tags"_s, 20, maxTagLength);
    if (!tags)
        return tags.error();
    auto note = body->optionalString(u"note"_s, maxNoteLength);
    if (!note)
        return note.error();
    const QStringList given = tags->value_or(QStringList());
    const QString noteText = note->value_or(QString());

    auto saved =
        app.db.transaction<QByteArray>(c.access(), [&](db::Transaction &tx) -> Result<QByteArray> {
            auto known =
                tx.exec("SELECT to_json(s.review_tags), EXISTS (SELECT 1 FROM call_logs c WHERE "
                        "c.org_id = $1::uuid AND c.id = $2::uuid) FROM org_settings s "
                        "WHERE s.org_id = $1::uuid",
                        {c.orgId(), *id});
            if (!known)
                return known.error();
            if (known->isEmpty() || known->text(0, 1) != u"t")
                return http::status::notFound(u"There is no such call."_s);
            const QJsonArray list = known->toJson(0, 0).toArray();
            QStringList tagList;
            for (const QJsonValue &tag : list)
                tagList.append(tag.toString());
            QStringList chosen;
            for (const QString &tag : given) {
                if (!tagList.contains(tag))
                    return http::status::badRequest(
                        u"'%1' is not one of the clinic's review tags (%2)."_s.arg(
                            tag, tagList.join(u", "_s)),
                        u"tags"_s);
                if (!chosen.contains(tag))
                    chosen.append(tag);
            }
            auto row = tx.exec(
                "WITH r AS (INSERT INTO call_reviews (call_id, org_id, score, tags, note, "
                "reviewer_id) VALUES ($2::uuid, $1::uuid, $3::int, $4::text[], nullif($5, ''), "
                "$6::uuid) ON CONFLICT (call_id) DO UPDATE SET score = EXCLUDED.score, tags = "
                "EXCLUDED.tags, note = EXCLUDED.note, reviewer_id = EXCLUDED.reviewer_id, "
                "reviewed_at = now() RETURNING *) SELECT " +
                    reviewJson + " FROM r LEFT JOIN profiles p ON p.id = r.reviewer_id",
                {c.orgId(), *id, int(*score), chosen, noteText, c.user().userId});
            if (!row)
                return row.error();
            const QJsonObject what{{u"score"_s, int(*score)},
                                   {u"tags"_s, QJsonArray::fromStringList(chosen)}};
            if (auto a = audit(tx, c, u"call.reviewed"_s, u"call"_s, *id, what); !a)
                return a.error();
            // Other consoles show the review at once; the note stays out of the event log.
            QJsonObject payload = what;
            payload.insert(u"reviewer_id"_s, c.user().userId);
            auto published =
                events::publish(tx, c.orgId(), u"call.reviewed"_s, u"call"_s, *id, payload);
            if (!published)
                return published.error();
            return row->raw(0, 0);
        });
    if (!saved)
        return saved.error();
    return http::Response::rawJson(*saved);
}

http::Reply tags(AppContext &app, http::Context &c)
{
    auto row = app.db.query(c.access(),
                            "SELECT json_build_object('tags', review_tags) FROM org_settings "
                            "WHERE org_id = $1::uuid",
                            {c.orgId()});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return http::status::notFound(u"This clinic has no settings yet."_s);
    return http::Response::rawJson(row->raw(0, 0));
}

// The list as given, trimmed, without empty entries or repeats (case-insensitively).
Result<QStringList> cleanTags(const QStringList &given)
{
    QStringList out;
    QStringList seen;
    for (const QString &item : given) {
        const QString tag = item.simplified();
        if (tag.isEmpty() || seen.contains(tag.toLower()))
            continue;
        seen.append(tag.toLower());
        out.append(tag);
    }
    if (out.isEmpty())
        return http::status::badRequest(u"Give at least one review tag."_s, u"tags"_s);
    return out;
}

http::Reply saveTags(AppContext &app, http::Context &c)
{
    auto body = http::JsonBody::parse(c.request);
    if (!body)
        return body.error();
    auto given = body->optionalStringList(u"tags"_s, maxTags, maxTagLength);
    if (!given)
        return given.error();
    if (!*given)
        return http::status::badRequest(u"'tags' must be a list of words."_s, u"tags"_s);
    auto clean = cleanTags(**given);
    if (!clean)
        return clean.error();
    auto saved =
        app.db.transaction<QByteArray>(c.access(), [&](db::Transaction &tx) -> Result<QByteArray> {
            auto row = tx.exec("UPDATE org_settings SET review_tags = $2::text[] WHERE org_id = "
                               "$1::uuid RETURNING json_build_object('tags', review_tags)",
                               {c.orgId(), *clean});
            if (!row)
                return row.error();
            if (row->isEmpty())
                return http::status::notFound(u"This clinic has no settings yet."_s);
            const QJsonObject what{{u"tags"_s, QJsonArray::fromStringList(*clean)}};
            if (auto a = audit(tx, c, u"review_tags.updated"_s, u"org_settings"_s, QString(), what);
                !a)
                return a.error();
            auto published = events::publish(tx, c.orgId(), u"review_tags.updated"_s,
                                             u"org_settings"_s, c.orgId(), what);
            if (!published)
                return published.error();
            return row->raw(0, 0);
        });
    if (!saved)
        return saved.error();
    return http::Response::rawJson(*saved);
}

} // namespace

void registerCallReviewRoutes(http::Router &router, AppContext &app)
{
    router.get(u"/api/calls-dashboard/:id/review"_s, http::Auth::User,
               [&app](http::Context &c) -> http::Reply { return review(app, c); });
    router.put(u"/api/calls-dashboard/:id/review"_s, http::Auth::User,
               [&app](http::Context &c) -> http::Reply { return saveReview(app, c); });
    router.get(u"/api/org/review-tags"_s, http::Auth::User,
               [&app](http::Context &c) -> http::Reply { return tags(app, c); });
    router.put(u"/api/org/review-tags"_s, http::Auth::Admin,
               [&app](http::Context &c) -> http::Reply { return saveTags(app, c); });
}

} // namespace vox::server
