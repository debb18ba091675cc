#include "server/services/webhookproblems.h"

#include "core/crypto/digest.h"
#include "core/logging/log.h"
#include "core/logmask.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::webhookproblems {

namespace {

// Ids are kept in indexed text columns and compared with what Vapi sends later; a value no
// real id looks like can never be matched or stored.
constexpr int maxIdLength = 200;

// A time field that is present but is not a time the database can hold (an impossible date, a
// year beyond 9999). An absent, empty or non-positive value counts as absent.
QString timeProblem(const QString &name, const QJsonValue &value)
{
    const bool present = (value.isString() && !value.toString().trimmed().isEmpty()) ||
                         (value.isDouble() && value.toDouble() > 0);
    if (!present || vapi::parseTime(value).isValid())
        return {};
    return u"%1 is not a time between the years 1900 and 9999."_s.arg(name);
}

// Keys whose values say what a delivery is without saying anything about the caller.
bool structuralKey(const QString &key)
{
    static const QStringList keys{
        u"type"_s,          u"id"_s,          u"status"_s,    u"assistantId"_s, u"orgId"_s,
        u"phoneNumberId"_s, u"endedReason"_s, u"createdAt"_s, u"updatedAt"_s,   u"startedAt"_s,
        u"endedAt"_s,       u"timestamp"_s,   u"role"_s,      u"toolCallId"_s};
    return keys.contains(key);
}

QJsonValue masked(const QString &key, const QJsonValue &value, int depth)
{
    if (value.isObject()) {
        if (depth > 6)
            return u"[object]"_s;
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it)
            out.insert(it.key(), masked(it.key(), it.value(), depth + 1));
        return out;
    }
    if (value.isArray()) {
        const QJsonArray in = value.toArray();
        QJsonArray out;
        for (qsizetype i = 0; i < in.size() && i < 3; ++i)
            out.append(masked(key, in.at(i), depth + 1));
        if (in.size() > 3)
            out.append(u"[%1 more]"_s.arg(in.size() - 3));
        return out;
    }
    if (!value.isString())
        return value;
    const QString text = value.toString();
    if (!structuralKey(key))
        return u"[%1 characters]"_s.arg(text.size());
    QString shown = logmask::scrubText(text.left(120));
    for (QChar &c : shown) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u'?';
    }
    return text.size() > 120 ? QString(shown + u"…"_s) : shown;
}

} // namespace

QString idProblem(const QString &name, const QString &value)
{
    if (value.size() > maxIdLength)
        return u"%1 is longer than %2 characters."_s.arg(name).arg(maxIdLength);
    for (const QChar c : value) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            return u"%1 contains control characters."_s.arg(name);
    }
    return {};
}

// Why a delivery can never be stored, before anything is tried; empty when it may be.
QString problemOf(const vapi::Message &m)
{
    const QJsonObject call = m.call();
    const QJsonObject &root = m.json();
    for (const QString &problem :
         {idProblem(u"call.id"_s, m.callId()), idProblem(u"assistantId"_s, m.assistantId()),
          idProblem(u"phoneNumberId"_s, m.phoneNumberId()),
          timeProblem(u"timestamp"_s, root.value(u"timestamp"_s)),
          timeProblem(u"startedAt"_s, root.value(u"startedAt"_s)),
          timeProblem(u"endedAt"_s, root.value(u"endedAt"_s)),
          timeProblem(u"call.createdAt"_s, call.value(u"createdAt"_s)),
          timeProblem(u"call.startedAt"_s, call.value(u"startedAt"_s)),
          timeProblem(u"call.endedAt"_s, call.value(u"endedAt"_s))}) {
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}

// Errors that the same delivery would meet again however often it came: values PostgreSQL
// cannot take (data exceptions, class 22), rows its constraints refuse, limits such as an index
// entry too large, and our own refusals (400, 422).
bool isPermanent(const Error &error)
{
    if (error.kind == ErrorKind::BadInput || error.kind == ErrorKind::Refused)
        return true;
    const QString &code = error.sqlstate;
    return code.startsWith(u"22"_s) || code == db::sqlstate::notNullViolation ||
           code == db::sqlstate::checkViolation || code == db::sqlstate::foreignKeyViolation ||
           code == u"54000"_s;
}

// The problem as the clinic reads it. PostgreSQL's own messages can quote the value (a phone
// number, a name), so only the kind of error is named for those.
QString problemSentence(const Error &error)
{
    if (error.sqlstate.isEmpty())
        return error.message.left(500);
    return u"A value in the delivery cannot be stored (PostgreSQL error %1)."_s.arg(error.sqlstate);
}

namespace {

// What is kept of a problem delivery: its shape and ids, with every other text replaced by its
// length (no phone numbers, e-mail addresses or transcript text), at most 2000 characters.
QString maskedExcerpt(const QJsonObject &message)
{
    constexpr qsizetype limit = 2000;
    const QString json = QString::fromUtf8(
        QJsonDocument(masked(QString(), message, 0).toObject()).toJson(QJsonDocument::Compact));
    return json.size() <= limit ? json : QString(json.left(limit - 1) + u"…"_s);
}

} // namespace

Result<bool> keepProblem(db::Database &db, const QString &orgId, const vapi::Message &m,
                         const QByteArray &rawBody, const QString &problem)
{
    const QString excerpt = maskedExcerpt(m.json());
    return db.transaction<bool>(db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
        auto row = tx.exec(
            "INSERT INTO webhook_problems (org_id, provider, message_type, problem, excerpt, "
            "  body_sha256) VALUES ($1::uuid, 'vapi', $2, $3, $4, $5) "
            "ON CONFLICT (body_sha256) DO NOTHING RETURNING id",
            {orgId.isEmpty() ? QString() : orgId,
             idProblem(QString(), m.type()).isEmpty() ? m.type().left(100) : u"?"_s,
             problem.left(500), excerpt, QString::fromLatin1(crypto::sha256(rawBody).toHex())});
        if (!row)
            return row.error();
        return !row->isEmpty();
    });
}

Result<int> pruneProblems(db::Database &db, const QDateTime &cutoff)
{
    return db.transaction<int>(db::Access::service(), [&](db::Transaction &tx) -> Result<int> {
        auto deleted =
            tx.exec("DELETE FROM webhook_problems WHERE received_at < $1::timestamptz", {cutoff});
        if (!deleted)
            return deleted.error();
        return int(deleted->affectedRows());
    });
}

void registerJobs(jobs::JobRunner &runner, db::Database &db)
{
    runner.registerHandler(QString::fromLatin1(pruneJobKind), [&db](const jobs::Job &) {
        auto pruned =
            pruneProblems(db, QDateTime::currentDateTimeUtc().addDays(-problemRetentionDays));
        if (!pruned)
            return Result<void>(pruned.error());
        log::info("vapi.webhooks", u"Old webhook problems pruned."_s, {{u"deleted"_s, *pruned}});
        return Result<void>();
    });
    runner.addSchedule(QString::fromLatin1(pruneJobKind), jobs::JobRunner::dailyAtUtc(3, 30));
}

} // namespace vox::server::webhookproblems
