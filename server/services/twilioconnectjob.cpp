#include "server/services/twilioconnectjob.h"

#include "core/logging/log.h"
#include "server/events/eventpublisher.h"
#include "server/providers/twilioclient.h"
#include "server/providers/vapiclient.h"
#include "server/services/credentialstore.h"
#include "server/services/inboundsms.h"
#include "server/services/publicurl.h"

#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

// The steps of the job, as the connection's status names the one that failed. Keeping the
// connection (reading it back, making it usable) is the console's "store" step.
constexpr const char *storeStep = "store";
constexpr const char *credentialStep = "vapi_credential";
constexpr const char *numberStep = "vapi_number";

// A Vapi failure as the clinic reads it: what was not done, and why. A refusal (4xx) carries
// Vapi's own words, since the clinic may be able to act on them (a number in use elsewhere);
// Vapi being away or failing does not. Coded "502" so the job knows Vapi, not the database,
// stopped it.
Error vapiRefusal(const QString &what, const Error &error)
{
    const int status = error.subject.toInt();
    QString said;
    if (status >= 400 && status < 500)
        said = u"%1 (%2)."_s.arg(what, error.message);
    else if (status >= 500)
        said = u"%1: Vapi had a problem (HTTP %2). Try again in a few minutes."_s.arg(what).arg(
            status);
    else
        said = u"%1: Vapi could not be reached. Try again in a few minutes."_s.arg(what);
    return fail(said, ErrorKind::ProviderFailed, error.subject);
}

// The part of connecting Twilio that talks to Vapi, run by the `twilio.connect` job after the
// request stored the credentials. Running it again (the instance died part-way and the runner
// took the job back, or the job was simply run twice) finishes the same connection: each Vapi
// object is named after the connection, that it was asked for is noted before the POST and its
// id right after, so a re-run reuses what is recorded and adopts, by name, what was created but
// not recorded. The POSTs themselves are sent once. Vapi is called between transactions.
class ConnectRun
{
public:
    ConnectRun(AppContext &app, const jobs::Job &job)
        : m_app(app)
        , m_job(job)
        , m_store(app.keys)
        , m_vapi(app.config.vapiBaseUrl, app.config.vapiPrivateKey, app.retry)
        , m_connectId(job.payload.value(u"connect_id"_s).toString())
    {}

    Result<void> run()
    {
        auto loaded = load();
        if (!loaded)
            return retryOrGiveUp(loaded.error());
        if (!*loaded)
            return {};
        if (m_vapi.isConfigured()) {
            m_step = QString::fromLatin1(credentialStep);
            if (auto credential = ensureCredential(); !credential)
                return retryOrGiveUp(credential.error());
            m_step = QString::fromLatin1(numberStep);
            if (auto number = ensureNumber(); !number)
                return retryOrGiveUp(number.error());
        }
        if (auto texts = pointTextsHere(); !texts)
            return retryOrGiveUp(texts.error());
        m_step = QString::fromLatin1(storeStep);
        if (auto recorded = finish(); !recorded)
            return retryOrGiveUp(recorded.error());
        removeReplaced();
        log::info("integrations", u"Twilio connected."_s, {{u"org_id"_s, m_job.orgId}});
        return {};
    }

private:
    // The row as the request left it, or false when there is nothing to do: the connection was
    // finished or failed by an earlier run, or it is not this job's any more.
    Result<bool> load()
    {
        return m_app.db.transaction<bool>(
            db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
                auto row = m_store.describe(tx, m_job.orgId, CredentialStore::twilio);
                if (!row)
                    return row.error();
                if (!*row || (*row)->status != u"syncing" ||
                    (*row)->metadata.value(u"connect_id"_s).toString() != m_connectId)
                    return false;
                auto secret = m_store.reveal(tx, m_job.orgId, CredentialStore::twilio);
                if (!secret)
                    return secret.error();
                if (!*secret)
                    return false;
                m_metadata = (*row)->metadata;
                m_secret = **secret;
                m_previous = m_secret.value(u"previous"_s).toObject();
                auto agent = tx.exec("SELECT id, vapi_assistant_id FROM agents WHERE org_id = "
                                     "$1::uuid AND direction = 'inbound'",
                                     {m_job.orgId});
                if (!agent)
                    return agent.error();
                m_agentId = agent->isEmpty() ? QString() : agent->text(0, 0);
                m_assistantId = agent->isEmpty() ? QString() : agent->text(0, 1);
                return true;
            });
    }

    QString vapiName() const { return u"vox-"_s + m_connectId; }
    QString accountSid() const { return m_secret.value(u"account_sid"_s).toString(); }
    QString authToken() const { return m_secret.value(u"auth_token"_s).toString(); }
    QJsonObject previousMetadata() const { return m_previous.value(u"metadata"_s).toObject(); }

    // Notes progress on the row in a transaction of its own, right after (or before) the call.
    Result<void> note(const QJsonObject &fields)
    {
        auto noted = m_app.db.transaction<bool>(
            db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
                auto merged =
                    m_store.mergeMetadata(tx, m_job.orgId, CredentialStore::twilio, fields);
                if (!merged)
                    return merged.error();
                return true;
            });
        if (!noted)
            return noted.error();
        for (auto it = fields.begin(); it != fields.end(); ++it)
            m_metadata.insert(it.key(), it.value());
        return {};
    }

    // The id of what an interrupted run of this connection created, by its name.
    Result<QString> findOurs(Result<QJsonArray> (providers::VapiClient::*list)(),
                             const QString &what)
    {
        auto listed = (m_vapi.*list)();
        if (!listed)
            return vapiRefusal(what, listed.error());
        for (const QJsonValue &item : std::as_const(*listed)) {
            if (item.toObject().value(u"name"_s).toString() == vapiName())
                return item.toObject().value(u"id"_s).toString();
        }
        return QString();
    }

    // Twilio posts the number's incoming texts to its SmsUrl: set to our webhook so patients'
    // replies reach the clinic. Calls still work without it, so a failure is noted on the
    // connection (and logged) rather than undoing it; the next connect sets it again.
    Result<void> pointTextsHere()
    {
        const QString numberSid = m_metadata.value(u"twilio_number_sid"_s).toString();
        const QString smsUrl = publicUrl(m_app.config, InboundSms::path);
        if (numberSid.isEmpty() || m_metadata.value(u"sms_url"_s).toString() == smsUrl)
            return {};
        providers::TwilioClient twilio(m_app.config.twilioBaseUrl, {accountSid(), authToken()},
                                       m_app.retry);
        auto set = twilio.setIncomingSmsUrl(numberSid, smsUrl);
        if (!set) {
            log::warn("integrations",
                      u"Twilio did not take the number's SMS webhook; texts will not arrive."_s,
                      {{u"org_id"_s, m_job.orgId},
                       {u"status"_s, set.error().subject},
                       {u"twilio_code"_s, providers::twilioErrorCode(set.error())}});
            return note({{u"sms_url_error"_s, providers::twilioRefusalWords(set.error())}});
        }
        return note({{u"sms_url"_s, smsUrl}, {u"sms_url_error"_s, QJsonValue()}});
    }

    Result<void> ensureCredential()
    {
        if (!m_metadata.value(u"vapi_credential_id"_s).toString().isEmpty())
            return {};
        const QString what = u"Vapi did not take the Twilio credentials"_s;
        QString id;
        if (m_metadata.value(u"vapi_credential_requested"_s).toBool()) {
            auto found = findOurs(&providers::VapiClient::listCredentials, what);
            if (!found)
                return found.error();
            id = *found;
        }
        if (id.isEmpty()) {
            if (auto noted = note({{u"vapi_credential_requested"_s, true}}); !noted)
                return noted.error();
            auto created = m_vapi.createTwilioCredential(accountSid(), authToken(), vapiName());
            if (!created)
                return vapiRefusal(what, created.error());
            id = created->value(u"id"_s).toString();
        }
        return note({{u"vapi_credential_id"_s, id}});
    }

    Result<void> ensureNumber()
    {
        if (!m_metadata.value(u"vapi_phone_number_id"_s).toString().isEmpty())
            return {};
        const QString number = m_metadata.value(u"phone_number"_s).toString();
        const QString previousId = previousMetadata().value(u"vapi_phone_number_id"_s).toString();
        if (!previousId.isEmpty() &&
            previousMetadata().value(u"phone_number"_s).toString() == number) {
            // The same number is already in Vapi: point it at the new credentials instead of
            // importing it twice. A PATCH sets fields, so sending it again is harmless.
            if (auto noted = note({{u"vapi_number_moved"_s, true}}); !noted)
                return noted.error();
            QJsonObject patch{{u"twilioAccountSid"_s, accountSid()},
                              {u"twilioAuthToken"_s, authToken()}};
            if (!m_assistantId.isEmpty())
                patch.insert(u"assistantId"_s, m_assistantId);
            if (auto moved = m_vapi.updatePhoneNumber(previousId, patch); !moved)
                return vapiRefusal(u"Vapi did not take the number over"_s, moved.error());
            return note({{u"vapi_phone_number_id"_s, previousId}});
        }
        const QString what = u"Vapi did not import %1"_s.arg(number);
        QString id;
        if (m_metadata.value(u"vapi_number_requested"_s).toBool()) {
            auto found = findOurs(&providers::VapiClient::listPhoneNumbers, what);
            if (!found)
                return found.error();
            id = *found;
        }
        if (id.isEmpty()) {
            if (auto noted = note({{u"vapi_number_requested"_s, true}}); !noted)
                return noted.error();
            auto imported = m_vapi.importTwilioNumber(number, accountSid(), authToken(),
                                                      m_assistantId, vapiName());
            if (!imported)
                return vapiRefusal(what, imported.error());
            id = imported->value(u"id"_s).toString();
        }
        return note({{u"vapi_phone_number_id"_s, id}});
    }

    // The ids, the number, and the connection made usable, in one transaction.
    Result<void> finish()
    {
        const QString numberId = m_metadata.value(u"vapi_phone_number_id"_s).toString();
        const QString number = m_metadata.value(u"phone_number"_s).toString();
        const QString oldNumber = previousMetadata().value(u"phone_number"_s).toString();
        QJsonObject secret = m_secret;
        secret.remove(u"previous"_s); // nothing to put back any more
        auto recorded = m_app.db.transaction<bool>(
            db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
                if (auto s =
                        m_store.replaceSecret(tx, m_job.orgId, CredentialStore::twilio, secret);
                    !s)
                    return s.error();
                if (auto s =
                        m_store.setStatus(tx, m_job.orgId, CredentialStore::twilio, u"active"_s);
                    !s)
                    return s.error();
                if (!oldNumber.isEmpty() && oldNumber != number) {
                    if (auto d = tx.exec("DELETE FROM phone_numbers WHERE org_id = $1::uuid AND "
                                         "number = $2 AND provider = 'twilio'",
                                         {m_job.orgId, oldNumber});
                        !d)
                        return d.error();
                }
                auto row = tx.exec(
                    "INSERT INTO phone_numbers (org_id, number, provider, twilio_sid, "
                    "vapi_phone_number_id, agent_id) VALUES ($1::uuid, $2, 'twilio', $3, $4, "
                    "$5::uuid) ON CONFLICT (org_id, number) DO UPDATE SET provider = 'twilio', "
                    "twilio_sid = EXCLUDED.twilio_sid, vapi_phone_number_id = "
                    "EXCLUDED.vapi_phone_number_id, agent_id = EXCLUDED.agent_id",
                    {m_job.orgId, number, m_metadata.value(u"twilio_number_sid"_s).toString(),
                     numberId.isEmpty() ? QString() : numberId,
                     m_agentId.isEmpty() ? QString() : m_agentId});
                if (!row)
                    return row.error();
                if (!numberId.isEmpty() && !m_agentId.isEmpty()) {
                    if (auto a = tx.exec("UPDATE agents SET vapi_phone_number_id = $3 WHERE id = "
                                         "$2::uuid AND org_id = $1::uuid",
                                         {m_job.orgId, m_agentId, numberId});
                        !a)
                        return a.error();
                }
                if (auto audit = audited(tx, u"integration.connected"_s, {}); !audit)
                    return audit.error();
                if (auto ended = endTheChange(tx); !ended)
                    return ended.error();
                auto published = events::publish(
                    tx, m_job.orgId, u"integration.updated"_s, u"integration"_s, QString(),
                    {{u"provider"_s, CredentialStore::twilio}, {u"status"_s, u"active"_s}});
                if (!published)
                    return published.error();
                return true;
            });
        if (!recorded)
            return recorded.error();
        return {};
    }

    Result<void> audited(db::Transaction &tx, const QString &action, const QString &error)
    {
        const QString actor = m_job.payload.value(u"user_id"_s).toString();
        QJsonObject details{{u"provider"_s, CredentialStore::twilio},
                            {u"phone_number"_s, m_metadata.value(u"phone_number"_s)}};
        if (!error.isEmpty())
            details.insert(u"error"_s, error);
        auto audit = tx.exec(
            "INSERT INTO audit_log (org_id, actor_id, action, entity_type, "
            "details) VALUES ($1::uuid, $2::uuid, $3, 'integration', $4::jsonb)",
            {m_job.orgId, actor.isEmpty() ? QString() : actor, action, QJsonValue(details)});
        if (!audit)
            return audit.error();
        return {};
    }

    // The clinic's change is over when its outcome commits: the job gives up its key in that
    // transaction, so a connect the person starts on seeing "connected" or "failed" is not told
    // the old one is still running while this job tidies up and the runner marks it done.
    Result<void> endTheChange(db::Transaction &tx)
    {
        auto released = tx.exec("UPDATE jobs SET unique_key = NULL WHERE id = $1", {m_job.id});
        if (!released)
            return released.error();
        return {};
    }

    // The previous connection's Vapi objects are no longer used.
    void removeReplaced()
    {
        if (!m_vapi.isConfigured())
            return;
        const QString credentialId = m_metadata.value(u"vapi_credential_id"_s).toString();
        const QString numberId = m_metadata.value(u"vapi_phone_number_id"_s).toString();
        const QJsonObject before = previousMetadata();
        for (const auto &[kind, id] :
             {std::pair{u"credential"_s, before.value(u"vapi_credential_id"_s).toString()},
              std::pair{u"phone number"_s, before.value(u"vapi_phone_number_id"_s).toString()}}) {
            if (id.isEmpty() || id == credentialId || id == numberId)
                continue;
            auto gone =
                kind == u"credential" ? m_vapi.deleteCredential(id) : m_vapi.deletePhoneNumber(id);
            if (!gone && !notFoundAtVapi(gone.error()))
                log::warn("integrations", u"A replaced Vapi %1 could not be removed."_s.arg(kind),
                          {{u"org_id"_s, m_job.orgId}, {u"vapi_id"_s, id}});
        }
    }

    // A Vapi failure ends the connection at once: Vapi's client already retried what was safe to
    // retry, and the clinic is waiting to hear. A database failure is worth another attempt (each
    // step resumes); on the last one the connection is given up rather than left "syncing".
    Result<void> retryOrGiveUp(const Error &error)
    {
        if (error.kind == ErrorKind::ProviderFailed)
            return giveUp(error.message);
        if (m_job.attempt < m_job.maxAttempts)
            return error;
        log::error("integrations", u"Connecting Twilio could not be saved; giving up."_s,
                   {{u"org_id"_s, m_job.orgId}, {u"error"_s, error.message}});
        return giveUp(u"The connection could not be saved."_s);
    }

    // Takes out of Vapi what this connection put there, puts the previous connection back (or
    // marks this one failed when there was none that worked), and says why.
    Result<void> giveUp(const QString &reason)
    {
        undoAtVapi();
        const QString previousStatus = m_previous.value(u"status"_s).toString();
        const bool restore = m_previous.value(u"existed"_s).toBool() &&
                             (previousStatus == u"active" || previousStatus == u"broken");
        const QString error = reason + (restore ? u" The previous connection is kept."_s
                                                : u" Nothing was connected."_s);
        auto settled = m_app.db.transaction<bool>(
            db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
                auto put = restore ? restorePrevious(tx, error) : markFailed(tx, error);
                if (!put)
                    return put.error();
                if (auto audit = audited(tx, u"integration.connect_failed"_s, error); !audit)
                    return audit.error();
                if (auto ended = endTheChange(tx); !ended)
                    return ended.error();
                auto published = events::publish(tx, m_job.orgId, u"integration.updated"_s,
                                                 u"integration"_s, QString(),
                                                 {{u"provider"_s, CredentialStore::twilio},
                                                  {u"status"_s, u"failed"_s},
                                                  {u"error"_s, error},
                                                  {u"failed_step"_s, m_step},
                                                  {u"restored"_s, restore}});
                if (!published)
                    return published.error();
                return true;
            });
        if (!settled)
            return settled.error();
        log::warn("integrations", u"Connecting Twilio failed."_s,
                  {{u"org_id"_s, m_job.orgId}, {u"error"_s, error}});
        return {};
    }

    Result<void> restorePrevious(db::Transaction &tx, const QString &error)
    {
        QJsonObject metadata = previousMetadata();
        metadata.insert(u"connect_error"_s, error);
        metadata.insert(u"connect_failed_step"_s, m_step);
        const QString createdBy = m_previous.value(u"created_by"_s).toString();
        auto saved = m_store.save(tx, m_job.orgId, CredentialStore::twilio,
                                  m_previous.value(u"secret"_s).toObject(), metadata,
                                  m_previous.value(u"status"_s).toString(),
                                  createdBy.isEmpty() ? QString() : createdBy);
        if (!saved)
            return saved.error();
        return m_store.setStatus(tx, m_job.orgId, CredentialStore::twilio,
                                 m_previous.value(u"status"_s).toString(),
                                 m_previous.value(u"status_detail"_s).toString());
    }

    Result<void> markFailed(db::Transaction &tx, const QString &error)
    {
        auto merged = m_store.mergeMetadata(tx, m_job.orgId, CredentialStore::twilio,
                                            {{u"connect_error"_s, error},
                                             {u"connect_failed_step"_s, m_step},
                                             {u"vapi_credential_id"_s, QJsonValue()},
                                             {u"vapi_phone_number_id"_s, QJsonValue()}});
        if (!merged)
            return merged.error();
        return m_store.setStatus(tx, m_job.orgId, CredentialStore::twilio, u"failed"_s, error);
    }

    // What was recorded, and what was asked for but never recorded (found by name), so nothing
    // is left behind even when Vapi's answer never came. Left for a person when Vapi refuses:
    // the log says exactly what remains.
    void undoAtVapi()
    {
        if (!m_vapi.isConfigured())
            return;
        if (m_metadata.value(u"vapi_number_moved"_s).toBool())
            moveNumberBack();
        else
            removeOurs(u"vapi_phone_number_id"_s, u"vapi_number_requested"_s,
                       &providers::VapiClient::listPhoneNumbers,
                       &providers::VapiClient::deletePhoneNumber);
        removeOurs(u"vapi_credential_id"_s, u"vapi_credential_requested"_s,
                   &providers::VapiClient::listCredentials,
                   &providers::VapiClient::deleteCredential);
    }

    void moveNumberBack()
    {
        const QString id = previousMetadata().value(u"vapi_phone_number_id"_s).toString();
        const QJsonObject old = m_previous.value(u"secret"_s).toObject();
        auto back = m_vapi.updatePhoneNumber(
            id, {{u"twilioAccountSid"_s, old.value(u"account_sid"_s).toString()},
                 {u"twilioAuthToken"_s, old.value(u"auth_token"_s).toString()}});
        if (!back)
            undoLeftOver(u"vapi_number"_s, id, back.error());
    }

    void removeOurs(const QString &idField, const QString &requestedField,
                    Result<QJsonArray> (providers::VapiClient::*list)(),
                    Result<void> (providers::VapiClient::*remove)(const QString &))
    {
        QString id = m_metadata.value(idField).toString();
        if (id.isEmpty() && m_metadata.value(requestedField).toBool()) {
            auto found = findOurs(list, QString());
            if (!found) {
                undoLeftOver(idField, vapiName(), found.error());
                return;
            }
            id = *found;
        }
        if (id.isEmpty())
            return;
        if (auto gone = (m_vapi.*remove)(id); !gone && !notFoundAtVapi(gone.error()))
            undoLeftOver(idField, id, gone.error());
    }

    void undoLeftOver(const QString &step, const QString &id, const Error &error) const
    {
        log::error("integrations", u"Could not undo a step of a failed change."_s,
                   {{u"org_id"_s, m_job.orgId},
                    {u"step"_s, step},
                    {u"vapi_id"_s, id},
                    {u"error"_s, error.message}});
    }

    AppContext &m_app;
    const jobs::Job &m_job;
    const CredentialStore m_store;
    providers::VapiClient m_vapi;
    QString m_connectId;
    // The step under way, as the console names it: what a failure is reported against.
    QString m_step = QString::fromLatin1(storeStep);
    QJsonObject m_metadata; // the row's, updated with what this run notes
    QJsonObject m_secret;
    QJsonObject m_previous;
    QString m_agentId;
    QString m_assistantId;
};

} // namespace

bool notFoundAtVapi(const Error &error)
{
    return error.kind == ErrorKind::ProviderFailed && error.subject == u"404";
}

QString TwilioConnectJob::uniqueKey(const QString &orgId)
{
    return QString::fromLatin1(kind) + u':' + orgId;
}

void TwilioConnectJob::registerJobs(jobs::JobRunner &runner, AppContext &app)
{
    runner.registerHandler(QString::fromLatin1(kind),
                           [&app](const jobs::Job &job) { return run(app, job); });
}

Result<void> TwilioConnectJob::run(AppContext &app, const jobs::Job &job)
{
    if (job.orgId.isEmpty())
        return {}; // malformed: nothing a retry could improve
    return ConnectRun(app, job).run();
}

} // namespace vox::server
