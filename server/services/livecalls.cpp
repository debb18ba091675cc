#include "server/services/livecalls.h"

#include "core/logging/log.h"
#include "core/monitorurl.h"
#include "server/events/eventpublisher.h"
#include "server/services/redaction.h"

#include <QJsonArray>
#include <QTimeZone>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

// A live conversation event carries the newest messages only: the whole conversation would
// outgrow a notification on a long call, and the console already holds the earlier lines.
constexpr int conversationTail = 20;

// The call a live message belongs to, with what redaction needs.
struct LiveCall
{
    QString id;
    QString orgId;
    redaction::Policy policy;
};

Result<std::optional<LiveCall>> findCall(db::Transaction &tx, const QString &vapiCallId)
{
    if (vapiCallId.isEmpty())
        return std::optional<LiveCall>();
    auto row = tx.exec(QByteArray("SELECT c.id, c.org_id, ") + redaction::settingsColumns +
                           " FROM call_logs c LEFT JOIN org_settings s ON s.org_id = c.org_id "
                           "WHERE c.vapi_call_id = $1",
                       {vapiCallId});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return std::optional<LiveCall>();
    LiveCall call;
    call.id = row->text(0, 0);
    call.orgId = row->text(0, 1);
    call.policy = redaction::fromRow(*row, 0, 2, QDateTime::currentDateTimeUtc());
    return std::optional<LiveCall>(call);
}

QByteArray associatedData(const QString &orgId, const QString &vapiCallId)
{
    return LiveCalls::monitorAssociatedData(orgId, vapiCallId);
}

QJsonObject received(const QJsonObject &extra = {})
{
    QJsonObject body{{u"received"_s, true}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        body.insert(it.key(), it.value());
    return body;
}

QString roleOf(const vapi::Message &m)
{
    const QString role = m.json().value(u"role"_s).toString();
    return role == u"user" ? u"user"_s : u"assistant"_s;
}

QDateTime spokenAt(const vapi::Message &m)
{
    const QDateTime at = m.timestamp();
    return at.isValid() ? at : QDateTime::currentDateTimeUtc();
}

} // namespace

QString LiveCalls::sandboxOrigin(const ServerConfig &config)
{
    if (!config.runsAgainstSandboxOnly())
        return {};
    const QUrl sandbox(config.sandboxUrl);
    return sandbox.host().toLower() + u':' + QString::number(sandbox.port(-1));
}

Result<QJsonObject> LiveCalls::handle(const vapi::Message &message)
{
    const QString type = message.type();
    if (type.startsWith(u"transcript"_s))
        return transcript(message);
    if (type == u"speech-update")
        return speechUpdate(message);
    if (type == u"conversation-update")
        return conversationUpdate(message);
    return received({{u"ignored"_s, true}});
}

Result<QJsonObject> LiveCalls::transcript(const vapi::Message &m)
{
    // The line itself is the message's `transcript` (its artifact's transcript is the whole call).
    QString text = m.json().value(u"transcript"_s).toString().trimmed();
    const bool final = m.json().value(u"transcriptType"_s).toString() == u"final" ||
                       m.type() == u"transcript[transcriptType=\"final\"]";
    const QString role = roleOf(m);
    if (text.isEmpty())
        return received({{u"ignored"_s, true}});
    return m_app.db.transaction<QJsonObject>(
        db::Access::service(), [&](db::Transaction &tx) -> Result<QJsonObject> {
            auto call = findCall(tx, m.callId());
            if (!call)
                return call.error();
            if (!*call)
                return received({{u"ignored"_s, true}});
            const LiveCall &c = **call;
            // Partials too: every event is written to the events table and reaches consoles.
            const QString said = c.policy.text(text);
            const QDateTime at = spokenAt(m);
            if (final) {
                auto kept = tx.exec("INSERT INTO call_live_lines (org_id, call_id, role, text, "
                                    "spoken_at) VALUES ($1::uuid, $2::uuid, $3, $4, $5)",
                                    {c.orgId, c.id, role, said, at});
                if (!kept)
                    return kept.error();
            }
            auto e = events::publish(tx, c.orgId, u"live.transcript"_s, u"call"_s, c.id,
                                     {{u"call_id"_s, c.id},
                                      {u"role"_s, role},
                                      {u"final"_s, final},
                                      {u"text"_s, said},
                                      {u"at"_s, at.toUTC().toString(Qt::ISODateWithMs)}});
            if (!e)
                return e.error();
            return received();
        });
}

Result<QJsonObject> LiveCalls::speechUpdate(const vapi::Message &m)
{
    const QString status = m.json().value(u"status"_s).toString();
    if (status != u"started" && status != u"stopped")
        return received({{u"ignored"_s, true}});
    return m_app.db.transaction<QJsonObject>(
        db::Access::service(), [&](db::Transaction &tx) -> Result<QJsonObject> {
            auto call = findCall(tx, m.callId());
            if (!call)
                return call.error();
            if (!*call)
                return received({{u"ignored"_s, true}});
            const LiveCall &c = **call;
            auto e = events::publish(tx, c.orgId, u"live.speech"_s, u"call"_s, c.id,
                                     {{u"call_id"_s, c.id},
                                      {u"role"_s, roleOf(m)},
                                      {u"speaking"_s, status == u"started"},
                                      {u"at"_s, spokenAt(m).toUTC().toString(Qt::ISODateWithMs)}});
            if (!e)
                return e.error();
            return received();
        });
}

Result<QJsonObject> LiveCalls::conversationUpdate(const vapi::Message &m)
{
    const QJsonArray all = vapi::normalizeMessages(m.json().value(u"messages"_s).toArray());
    QJsonArray spoken;
    for (const QJsonValue &v : all) {
        const QString role = v.toObject().value(u"role"_s).toString();
        if (role == u"assistant" || role == u"user")
            spoken.append(v);
    }
    QJsonArray tail;
    for (qsizetype i = qMax<qsizetype>(0, spoken.size() - conversationTail); i < spoken.size(); ++i)
        tail.append(spoken.at(i));
    return m_app.db.transaction<QJsonObject>(
        db::Access::service(), [&](db::Transaction &tx) -> Result<QJsonObject> {
            auto call = findCall(tx, m.callId());
            if (!call)
                return call.error();
            if (!*call)
                return received({{u"ignored"_s, true}});
            const LiveCall &c = **call;
            const QJsonValue lines = c.policy.json(tail);
            auto e = events::publish(tx, c.orgId, u"live.conversation"_s, u"call"_s, c.id,
                                     {{u"call_id"_s, c.id},
                                      {u"messages"_s, lines},
                                      {u"message_count"_s, spoken.size()}});
            if (!e)
                return e.error();
            return received();
        });
}

Result<void> LiveCalls::keepMonitor(db::Transaction &tx, const QString &orgId,
                                    const vapi::Message &m) const
{
    const QString vapiCallId = m.callId();
    if (vapiCallId.isEmpty() || orgId.isEmpty())
        return {};
    if (m.status() == u"ended" || m.type() == u"end-of-call-report") {
        auto dropped = tx.exec("DELETE FROM call_monitors WHERE vapi_call_id = $1", {vapiCallId});
        if (!dropped)
            return dropped.error();
        return {};
    }
    const QJsonObject monitor = m.call().value(u"monitor"_s).toObject();
    if (monitor.isEmpty())
        return {};
    const QString origin = sandboxOrigin(m_app.config);
    const auto usable = [&](const QString &key, calls::MonitorUrlKind kind) -> QString {
        const QString url = monitor.value(key).toString();
        if (url.isEmpty())
            return {};
        const QString problem = calls::monitorUrlProblem(url, kind, origin);
        if (problem.isEmpty())
            return url;
        // The address is a secret whatever its host: the log says only why it was refused.
        log::warn("vapi.monitor", u"A call's monitor address was refused."_s,
                  {{u"call_id"_s, vapiCallId}, {u"field"_s, key}, {u"problem"_s, problem}});
        return {};
    };
    const QString listen = usable(u"listenUrl"_s, calls::MonitorUrlKind::Listen);
    const QString control = usable(u"controlUrl"_s, calls::MonitorUrlKind::Control);
    if (listen.isEmpty() && control.isEmpty())
        return {};
    const QByteArray aad = associatedData(orgId, vapiCallId);
    const auto seal = [&](const QString &url) -> db::Param {
        if (url.isEmpty())
            return db::Param(nullptr);
        return db::Param::bytea(m_app.keys.seal(url.toUtf8(), aad).blob);
    };
    auto kept = tx.exec(
        "INSERT INTO call_monitors (vapi_call_id, org_id, key_id, listen_url, control_url) "
        "VALUES ($1, $2::uuid, $3, $4::bytea, $5::bytea) ON CONFLICT (vapi_call_id) DO UPDATE "
        "SET key_id = EXCLUDED.key_id, listen_url = EXCLUDED.listen_url, control_url = "
        "EXCLUDED.control_url, updated_at = now() WHERE call_monitors.org_id = EXCLUDED.org_id",
        {vapiCallId, orgId, m_app.keys.currentKeyId(), seal(listen), seal(control)});
    if (!kept)
        return kept.error();
    return {};
}

Result<LiveCalls::Monitor> LiveCalls::monitorOf(db::Transaction &tx, const QString &orgId,
                                                const QString &vapiCallId) const
{
    Monitor monitor;
    if (vapiCallId.isEmpty())
        return monitor;
    auto row = tx.exec("SELECT key_id, listen_url, control_url FROM call_monitors "
                       "WHERE vapi_call_id = $1 AND org_id = $2::uuid",
                       {vapiCallId, orgId});
    if (!row)
        return row.error();
    if (row->isEmpty())
        return monitor;
    const QString keyId = row->text(0, 0);
    const QByteArray aad = associatedData(orgId, vapiCallId);
    for (int column : {1, 2}) {
        if (row->isNull(0, column))
            continue;
        auto plain = m_app.keys.open(keyId, row->toBytea(0, column), aad);
        if (!plain)
            return fail(u"The call's monitor addresses cannot be read with this server's key."_s);
        (column == 1 ? monitor.listenUrl : monitor.controlUrl) = QString::fromUtf8(*plain);
    }
    return monitor;
}

QByteArray LiveCalls::monitorAssociatedData(const QString &orgId, const QString &vapiCallId)
{
    return (u"call-monitor:"_s + orgId + u':' + vapiCallId).toUtf8();
}

Result<int> LiveCalls::reencryptMonitors(db::Database &database, const crypto::KeyRing &keys)
{
    // As the credentials are: one row per transaction, locked while it is rewritten, so calls
    // going on beside the command keep their addresses and an interrupted run continues.
    int rewritten = 0;
    while (true) {
        auto done = database.transaction<bool>(
            db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
                auto row = tx.exec("SELECT vapi_call_id, org_id, key_id, listen_url, control_url "
                                   "FROM call_monitors WHERE key_id <> $1 ORDER BY vapi_call_id "
                                   "LIMIT 1 FOR UPDATE SKIP LOCKED",
                                   {keys.currentKeyId()});
                if (!row)
                    return row.error();
                if (row->isEmpty())
                    return false;
                const QString vapiCallId = row->text(0, 0);
                const QByteArray aad = monitorAssociatedData(row->text(0, 1), vapiCallId);
                db::Params sealed{vapiCallId, keys.currentKeyId()};
                for (int column : {3, 4}) {
                    if (row->isNull(0, column)) {
                        sealed.append(db::Param(nullptr));
                        continue;
                    }
                    auto plain = keys.open(row->text(0, 2), row->toBytea(0, column), aad);
                    if (!plain)
                        return fail(u"A live call's monitor addresses cannot be decrypted "
                                    "(key %1): %2"_s.arg(row->text(0, 2), plain.errorMessage()));
                    sealed.append(db::Param::bytea(keys.seal(*plain, aad).blob));
                }
                auto updated = tx.exec("UPDATE call_monitors SET key_id = $2, listen_url = "
                                       "$3::bytea, control_url = $4::bytea WHERE vapi_call_id = $1",
                                       sealed);
                if (!updated)
                    return updated.error();
                return true;
            });
        if (!done)
            return done.error();
        if (!*done)
            return rewritten;
        ++rewritten;
    }
}

} // namespace vox::server
