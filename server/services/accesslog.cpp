#include "server/services/accesslog.h"

#include <QJsonValue>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::accesslog {

const QStringList &actions()
{
    static const QStringList all{
        action::callViewed,      action::recordingPlayed,  action::transcriptExported,
        action::recordingShared, action::shareOpened,      action::contactViewed,
        action::inboxRead,       action::csvExported,      action::callListenedIn,
        action::callListenEnded, action::accessLogExported};
    return all;
}

Entry byUser(const http::Principal &who, const QString &clientAddress, const QString &action,
             const QString &entityType, const QString &entityId)
{
    Entry e;
    e.orgId = who.orgId;
    e.userId = who.userId;
    e.action = action;
    e.entityType = entityType;
    e.entityId = entityId;
    e.clientAddress = clientAddress;
    return e;
}

namespace {

bool repeatsAreOneViewing(const Entry &e)
{
    // Reading a record again soon is the same look; exports, plays and shares are each their own.
    return !e.userId.isEmpty() &&
           (e.action == action::callViewed || e.action == action::contactViewed ||
            e.action == action::inboxRead);
}

} // namespace

Result<void> record(db::Transaction &tx, const Entry &e)
{
    // The patient: given, or the call's, or the shared call's; a contact is its own patient.
    // A repeated viewing claims the same key; the row is written only for a new one.
    auto row = tx.exec(
        "WITH viewing AS (INSERT INTO phi_access_viewings (org_id, user_id, repeat_key) SELECT "
        "$1::uuid, $2::uuid, concat_ws(':', $4::text, coalesce($6::uuid::text, ''), "
        "floor(extract(epoch FROM now()) / 600)::bigint) WHERE $11::boolean "
        "ON CONFLICT (org_id, user_id, repeat_key) DO NOTHING RETURNING 1) "
        "INSERT INTO phi_access_log (org_id, user_id, user_name, action, entity_type, entity_id, "
        "contact_id, client_address, result, details) SELECT $1::uuid, $2::uuid, "
        "coalesce(nullif($3, ''), (SELECT coalesce(nullif(p.full_name, ''), p.email) FROM profiles "
        "p WHERE p.id = $2::uuid AND p.org_id = $1::uuid), 'someone with a shared link'), $4, $5, "
        "$6::uuid, coalesce($7::uuid, CASE $5 WHEN 'contact' THEN "
        "$6::uuid WHEN 'call' THEN (SELECT c.contact_id FROM call_logs c WHERE c.id = $6::uuid "
        "AND c.org_id = $1::uuid) WHEN 'recording_share' THEN (SELECT c.contact_id FROM "
        "recording_shares s JOIN call_logs c ON c.id = s.call_id WHERE s.id = $6::uuid AND "
        "s.org_id = $1::uuid) END), $8, $9, $10::jsonb "
        "WHERE NOT $11::boolean OR EXISTS (SELECT 1 FROM viewing)",
        {e.orgId, e.userId.isEmpty() ? db::Param(nullptr) : db::Param(e.userId), e.userName,
         e.action, e.entityType, e.entityId.isEmpty() ? db::Param(nullptr) : db::Param(e.entityId),
         e.contactId.isEmpty() ? db::Param(nullptr) : db::Param(e.contactId),
         e.clientAddress.left(100), e.allowed ? u"allowed"_s : u"refused"_s, QJsonValue(e.details),
         repeatsAreOneViewing(e)});
    if (!row)
        return row.error();
    return {};
}

Result<void> recordExported(db::Transaction &tx, const http::Principal &who,
                            const QString &clientAddress, const QString &what,
                            const QJsonObject &filters, qint64 rows, bool complete)
{
    // Taking the log itself away is an auditor's act of its own, not one more list of patients.
    const QString how = what == u"access_log" ? action::accessLogExported : action::csvExported;
    Entry e = byUser(who, clientAddress, how, what);
    e.details = {{u"filters"_s, filters}, {u"rows"_s, rows}, {u"complete"_s, complete}};
    return record(tx, e);
}

Result<void> recordListenIn(db::Transaction &tx, const http::Principal &who,
                            const QString &clientAddress, const QString &callId, bool allowed,
                            const QString &result, const QString &session)
{
    Entry e = byUser(who, clientAddress, action::callListenedIn, u"call"_s, callId);
    e.allowed = allowed;
    if (!result.isEmpty())
        e.details.insert(u"result"_s, result);
    if (!session.isEmpty())
        e.details.insert(u"session"_s, session);
    return record(tx, e);
}

Result<void> recordListenEnded(db::Transaction &tx, const http::Principal &who,
                               const QString &clientAddress, const ListenEnd &end)
{
    Entry e = byUser(who, clientAddress, action::callListenEnded, u"call"_s, end.callId);
    // Milliseconds are enough for an auditor and keep the number readable.
    e.details = {{u"seconds"_s, qRound64(end.seconds * 1000.0) / 1000.0},
                 {u"bytes"_s, end.bytes},
                 {u"ended"_s, end.ended},
                 {u"session"_s, end.session}};
    return record(tx, e);
}

} // namespace vox::server::accesslog
