#pragma once

#include "core/result.h"
#include "server/db/database.h"
#include "server/http/principal.h"

#include <QJsonObject>
#include <QString>

// Who looked at what: every access to patients' protected content leaves one row in the
// append-only phi_access_log. Routes and services call record() inside the transaction that reads
// the content, so the read and its row commit together or not at all.
namespace vox::server::accesslog {

// What was done, as the log and its filters name it.
namespace action {
inline const QString callViewed = QStringLiteral("call.viewed");
inline const QString recordingPlayed = QStringLiteral("recording.played");
inline const QString transcriptExported = QStringLiteral("transcript.exported");
inline const QString recordingShared = QStringLiteral("recording.shared");
inline const QString shareOpened = QStringLiteral("recording_share.opened");
inline const QString contactViewed = QStringLiteral("contact.viewed");
inline const QString inboxRead = QStringLiteral("inbox.read");
inline const QString csvExported = QStringLiteral("csv.exported");
inline const QString callListenedIn = QStringLiteral("call.listened_in");
// The log is append-only (no UPDATE, by grant and by trigger), so how long someone listened is a
// second row written when they stop, paired with the first by details.session.
inline const QString callListenEnded = QStringLiteral("call.listen_ended");
inline const QString accessLogExported = QStringLiteral("access_log.exported");
} // namespace action

// Every action, for the filter's validation and the console's choices.
const QStringList &actions();

struct Entry
{
    QString orgId;
    QString userId;   // empty: someone without an account (a shared link's recipient)
    QString userName; // empty: the account's name now, looked up when the row is written
    QString action;
    QString entityType; // call, contact, inbox, recording_share, calls
    QString entityId;   // empty for the inbox and exports of many calls
    QString contactId;  // empty: the call's or the share's patient, looked up
    QString clientAddress;
    bool allowed = true;
    QJsonObject details;
};

// An entry for a signed-in user's access from `clientAddress` (the request's, after the
// trusted-proxy rule).
Entry byUser(const http::Principal &who, const QString &clientAddress, const QString &action,
             const QString &entityType, const QString &entityId = {});

// Writes one row. Runs as the transaction's role: a user's own accesses under RLS, a shared link's
// as the service role.
Result<void> record(db::Transaction &tx, const Entry &entry);

// For features that have their own transaction shape: a CSV export of `what` (calls, contacts,
// appointments, messages, or access_log, the log itself; `filters` says which rows) and listening
// in to a live call.
Result<void> recordExported(db::Transaction &tx, const http::Principal &who,
                            const QString &clientAddress, const QString &what,
                            const QJsonObject &filters, qint64 rows, bool complete);
// A listen-in that was refused (`allowed` false) is logged too; `result` says how it went in words
// a reviewer reads ("relaying", "call ended", "not found"). `session` (allowed ones) names the
// listening so its end row can be paired with it.
Result<void> recordListenIn(db::Transaction &tx, const http::Principal &who,
                            const QString &clientAddress, const QString &callId,
                            bool allowed = true, const QString &result = {},
                            const QString &session = {});

// How a listening that was let in ended: after `seconds`, having been sent `bytes` of sound;
// `ended` in words ("left", "call ended", "sound lost", "listener too slow", "server stopping").
struct ListenEnd
{
    QString callId;
    QString session;
    double seconds = 0;
    qint64 bytes = 0;
    QString ended;
};
Result<void> recordListenEnded(db::Transaction &tx, const http::Principal &who,
                               const QString &clientAddress, const ListenEnd &end);

} // namespace vox::server::accesslog
