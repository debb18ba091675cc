#include "server/services/integrationservice.h"

#include "core/logging/log.h"
#include "core/phonenumber.h"
#include "server/events/eventpublisher.h"
#include "server/http/jsonbody.h"
#include "server/http/response.h"
#include "server/providers/twilioclient.h"
#include "server/providers/vapiclient.h"
#include "server/services/credentialstore.h"
#include "server/services/jobhandoff.h"
#include "server/services/ratelimiter.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

QJsonValue orNull(const QString &value)
{
    return value.isEmpty() ? QJsonValue() : QJsonValue(value);
}

QJsonObject stepJson(const QString &step, const QString &status, const QString &detail)
{
    return {{u"step"_s, step}, {u"status"_s, status}, {u"detail"_s, detail}};
}

// One change of a provider connection at a time per clinic, across every server instance: the
// bucket is claimed with an atomic upsert and released when the change ends (or after two
// minutes, should the instance die half-way).
class ChangeGuard
{
    Q_DISABLE_COPY_MOVE(ChangeGuard)

public:
    ChangeGuard(db::Database &db, QString bucket)
        : m_db(db)
        , m_bucket(std::move(bucket))
    {}
    ~ChangeGuard()
    {
        if (m_held) {
            (void)m_db.transaction<bool>(db::Access::service(),
                                         [&](db::Transaction &tx) -> Result<bool> {
                                             auto r = ratelimit::reset(tx, m_bucket);
                                             if (!r)
                                                 return r.error();
                                             return true;
                                         });
        }
    }
    Result<void> acquire()
    {
        auto claimed =
            m_db.transaction<ratelimit::Decision>(db::Access::service(), [&](db::Transaction &tx) {
                return ratelimit::hit(tx, m_bucket, 1, 120);
            });
        if (!claimed)
            return claimed.error();
        if (!claimed->allowed)
            return http::status::conflict(
                u"Another change to this integration is in progress; try again in a minute."_s);
        m_held = true;
        return {};
    }

private:
    db::Database &m_db;
    QString m_bucket;
    bool m_held = false;
};

bool notFoundAtVapi(const Error &error)
{
    return error.code == u"502" && error.subject == u"404";
}

QString stillConnecting()
{
    return u"Twilio is still being connected. Wait until it is finished, then try again."_s;
}

QString connectJobKey(const QString &orgId)
{
    return QString::fromLatin1(IntegrationService::connectJobKind) + u':' + orgId;
}

// What a failed connection puts back. It travels inside the new row's sealed secret: it holds the
// previous Auth Token, and it must outlive this request, since the job that may need it can run
// on another instance after a restart.
Result<QJsonObject> previousConnection(db::Transaction &tx, const CredentialStore &store,
                                       const QString &orgId)
{
    auto snap = store.snapshot(tx, orgId, CredentialStore::twilio);
    if (!snap)
        return snap.error();
    if (!snap->existed)
        return QJsonObject{{u"existed"_s, false}};
    QJsonObject secret;
    if (auto opened = store.reveal(tx, orgId, CredentialStore::twilio); opened && *opened)
        secret = **opened;
    secret.remove(u"previous"_s); // one generation back is all a failure restores
    return QJsonObject{{u"existed"_s, true},
                       {u"secret"_s, secret},
                       {u"metadata"_s, snap->metadata},
                       {u"status"_s, snap->status},
                       {u"status_detail"_s, snap->statusDetail},
                       {u"created_by"_s, snap->createdBy}};
}

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
    return fail(said, u"502"_s, error.subject);
}

// The part of connecting Twilio that talks to Vapi, run by the `twilio.connect` job after the
// request stored the credentials. Running it again (the instance died part-way and the runner
// took the job back, or the job was simply run twice) finishes the same connection: each Vapi
// object is named after the connection, that it was asked for is noted before the POST and its
// id right after, so a re-run reuses what is recorded and adopts, by name, what was created but
// not recorded. The POSTs themselves are sent once. Vapi is called between transactions.
class TwilioConnectJob
{
public:
    TwilioConnectJob(AppContext &app, const jobs::Job &job)
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
            if (auto credential = ensureCredential(); !credential)
                return retryOrGiveUp(credential.error());
            if (auto number = ensureNumber(); !number)
                return retryOrGiveUp(number.error());
        }
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
        if (error.code == u"502")
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
                auto published = events::publish(tx, m_job.orgId, u"integration.updated"_s,
                                                 u"integration"_s, QString(),
                                                 {{u"provider"_s, CredentialStore::twilio},
                                                  {u"status"_s, u"failed"_s},
                                                  {u"error"_s, error},
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
    QJsonObject m_metadata; // the row's, updated with what this run notes
    QJsonObject m_secret;
    QJsonObject m_previous;
    QString m_agentId;
    QString m_assistantId;
};

} // namespace

Result<QJsonObject> IntegrationService::status(const db::Access &access)
{
    const CredentialStore store(m_app.keys);
    return m_app.db.transaction<QJsonObject>(
        access, [&](db::Transaction &tx) -> Result<QJsonObject> {
            QJsonObject out;
            auto twilio = store.describe(tx, access.orgId, CredentialStore::twilio);
            if (!twilio)
                return twilio.error();
            if (*twilio) {
                const QJsonObject m = (*twilio)->metadata;
                out.insert(u"twilio"_s,
                           QJsonObject{{u"configured"_s, true},
                                       {u"status"_s, (*twilio)->status},
                                       {u"status_detail"_s, orNull((*twilio)->statusDetail)},
                                       {u"error"_s, orNull(m.value(u"connect_error"_s).toString())},
                                       {u"account_sid_last4"_s, m.value(u"account_sid_last4"_s)},
                                       {u"phone_number"_s, m.value(u"phone_number"_s)},
                                       {u"vapi_credential_id"_s,
                                        orNull(m.value(u"vapi_credential_id"_s).toString())},
                                       {u"vapi_phone_number_id"_s,
                                        orNull(m.value(u"vapi_phone_number_id"_s).toString())},
                                       {u"updated_at"_s, m.value(u"updated_at"_s)},
                                       {u"updated_by"_s, m.value(u"updated_by"_s)}});
            } else {
                out.insert(u"twilio"_s, QJsonObject{{u"configured"_s, false},
                                                    {u"status"_s, u"not_connected"_s}});
            }
            auto google = store.describe(tx, access.orgId, CredentialStore::google);
            if (!google)
                return google.error();
            QJsonObject g{{u"configured"_s, bool(*google)},
                          {u"available"_s, !m_app.config.googleClientId.isEmpty()}};
            if (*google) {
                g.insert(u"status"_s, (*google)->status);
                g.insert(u"status_detail"_s, orNull((*google)->statusDetail));
                g.insert(u"connected_email"_s, (*google)->metadata.value(u"connected_email"_s));
                g.insert(u"updated_at"_s, (*google)->metadata.value(u"updated_at"_s));
                g.insert(u"updated_by"_s, (*google)->metadata.value(u"updated_by"_s));
            } else {
                g.insert(u"status"_s, u"not_connected"_s);
                g.insert(u"connected_email"_s, QJsonValue());
            }
            out.insert(u"google"_s, g);

            auto resend = store.describe(tx, access.orgId, CredentialStore::resend);
            if (!resend)
                return resend.error();
            auto from = tx.exec("SELECT email_from FROM org_settings WHERE org_id = $1::uuid",
                                {access.orgId});
            if (!from)
                return from.error();
            const bool clinicKey = bool(*resend);
            const bool serverKey = !m_app.config.resendApiKey.isEmpty();
            const QString fromAddress = from->isEmpty() ? QString() : from->text(0, 0);
            out.insert(
                u"resend"_s,
                QJsonObject{{u"configured"_s, clinicKey || serverKey},
                            {u"from"_s, fromAddress.isEmpty() ? QJsonValue(m_app.config.emailFrom)
                                                              : QJsonValue(fromAddress)},
                            {u"uses_server_key"_s, !clinicKey && serverKey},
                            {u"api_key_last4"_s, clinicKey
                                                     ? (*resend)->metadata.value(u"api_key_last4"_s)
                                                     : QJsonValue()},
                            {u"updated_at"_s, clinicKey ? (*resend)->metadata.value(u"updated_at"_s)
                                                        : QJsonValue()}});
            return out;
        });
}

Result<IntegrationService::StepReport> IntegrationService::connectTwilio(const db::Access &access,
                                                                         const QString &accountSid,
                                                                         const QString &authToken,
                                                                         const QString &phoneNumber)
{
    static const QRegularExpression sidPattern(u"^AC[0-9a-fA-F]{32}$"_s);
    if (!sidPattern.match(accountSid).hasMatch())
        return http::status::badRequest(
            u"The Account SID is the 34 characters starting with AC on the Twilio console."_s,
            u"account_sid"_s);
    if (authToken.size() < 8)
        return http::status::badRequest(u"Enter the account's Auth Token."_s, u"auth_token"_s);
    auto number = phone::normalize(phoneNumber);
    if (!number)
        return http::status::badRequest(number.errorMessage(), u"phone_number"_s);

    ChangeGuard guard(m_app.db, u"integration:twilio:"_s + access.orgId);
    if (auto held = guard.acquire(); !held)
        return held.error();
    // Said before asking Twilio anything; the queueing below is what makes it hold.
    auto pending = twilioConnectPending(access.orgId);
    if (!pending)
        return pending.error();
    if (*pending)
        return http::status::conflict(stillConnecting());

    StepReport report;
    const auto failStep = [&](const QString &step, int status, const QString &message,
                              const QString &detail) {
        report.status = status;
        report.error = message;
        report.failedStep = step;
        report.steps.append(stepJson(step, u"failed"_s, detail));
        return report;
    };

    // 1. validate: the account answers with these credentials, is active, and owns the number.
    // Read-only calls, so the request can afford them: one attempt within the interactive budget.
    providers::TwilioClient twilio(m_app.config.twilioBaseUrl, {accountSid, authToken},
                                   m_app.retry);
    auto account = twilio.fetchAccount();
    if (!account) {
        const int status = account.error().subject.toInt();
        if (status == 401 || status == 403 || status == 404)
            return failStep(u"validate"_s, 400,
                            u"Twilio did not accept this Account SID and Auth Token."_s,
                            u"Twilio refused the credentials."_s);
        return failStep(u"validate"_s, 502, u"Twilio could not be reached to check the account."_s,
                        u"Twilio did not answer."_s);
    }
    const QString accountStatus = account->value(u"status"_s).toString();
    if (accountStatus != u"active")
        return failStep(u"validate"_s, 400,
                        u"This Twilio account is %1, not active."_s.arg(accountStatus),
                        u"Account status: %1."_s.arg(accountStatus));
    auto owned = twilio.listIncomingPhoneNumbers(*number);
    if (!owned)
        return failStep(u"validate"_s, 502, u"Twilio could not list the account's numbers."_s,
                        u"Twilio did not answer."_s);
    if (owned->isEmpty())
        return failStep(u"validate"_s, 400,
                        u"%1 is not one of this Twilio account's numbers."_s.arg(*number),
                        u"Number not found in the account."_s);
    const QString numberSid = owned->first().toObject().value(u"sid"_s).toString();
    report.steps.append(stepJson(
        u"validate"_s, u"done"_s,
        u"%1 account, number found."_s.arg(account->value(u"type"_s).toString(u"Twilio"_s))));

    // 2. store, marked "syncing", and queue the job that brings the connection to Vapi: in one
    // transaction, so a stored connection always has the job that finishes or fails it.
    const CredentialStore store(m_app.keys);
    const QString connectId = QUuid::createUuid().toString(QUuid::Id128);
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    auto stored = m_app.db.transaction<bool>(access, [&](db::Transaction &tx) -> Result<bool> {
        auto previous = previousConnection(tx, store, access.orgId);
        if (!previous)
            return previous.error();
        auto saved =
            store.save(tx, access.orgId, CredentialStore::twilio,
                       {{u"account_sid"_s, accountSid},
                        {u"auth_token"_s, authToken},
                        {u"previous"_s, *previous}},
                       {{u"account_sid_last4"_s, CredentialStore::lastFour(accountSid)},
                        {u"phone_number"_s, *number},
                        {u"twilio_number_sid"_s, numberSid},
                        {u"connect_id"_s, connectId},
                        {u"updated_at"_s, now},
                        {u"updated_by"_s, access.email.isEmpty() ? access.userId : access.email}},
                       u"syncing"_s, access.userId);
        if (!saved)
            return saved.error();
        jobs::NewJob job;
        job.kind = QString::fromLatin1(connectJobKind);
        job.orgId = access.orgId;
        job.payload = {{u"connect_id"_s, connectId}, {u"user_id"_s, access.userId}};
        job.uniqueKey = connectJobKey(access.orgId);
        job.dedupe = jobs::NewJob::Dedupe::Rearm;
        job.maxAttempts = 3;
        auto queued = enqueueWithin(tx, job);
        if (!queued)
            return queued.error();
        if (!*queued) // the earlier connection's job is still pending: it owns the row
            return http::status::conflict(stillConnecting());
        auto published = events::publish(
            tx, access.orgId, u"integration.updated"_s, u"integration"_s, QString(),
            {{u"provider"_s, CredentialStore::twilio}, {u"status"_s, u"syncing"_s}});
        if (!published)
            return published.error();
        return true;
    });
    if (!stored)
        return stored.error();
    m_app.jobs.wake();
    report.status = 202;
    report.steps.append(stepJson(u"store"_s, u"done"_s, u"Stored encrypted."_s));
    report.steps.append(
        stepJson(u"vapi_credential"_s, u"pending"_s, u"Being checked with Vapi."_s));
    report.steps.append(stepJson(u"vapi_number"_s, u"pending"_s, u"Being checked with Vapi."_s));
    log::info("integrations", u"Twilio stored; connecting it to Vapi in the background."_s,
              {{u"org_id"_s, access.orgId}});
    return report;
}

Result<void> IntegrationService::runTwilioConnectJob(const jobs::Job &job)
{
    if (job.orgId.isEmpty())
        return {}; // malformed: nothing a retry could improve
    return TwilioConnectJob(m_app, job).run();
}

void IntegrationService::registerJobs(jobs::JobRunner &runner, AppContext &app)
{
    runner.registerHandler(QString::fromLatin1(connectJobKind), [&app](const jobs::Job &job) {
        return IntegrationService(app).runTwilioConnectJob(job);
    });
}

Result<bool> IntegrationService::twilioConnectPending(const QString &orgId)
{
    auto row = m_app.db.query(db::Access::service(),
                              "SELECT 1 FROM jobs WHERE unique_key = $1 AND status IN ('queued', "
                              "'running')",
                              {connectJobKey(orgId)});
    if (!row)
        return row.error();
    return !row->isEmpty();
}

Result<void> IntegrationService::disconnectTwilio(const db::Access &access)
{
    ChangeGuard guard(m_app.db, u"integration:twilio:"_s + access.orgId);
    if (auto held = guard.acquire(); !held)
        return held.error();
    // The connect job owns the row until it finishes: removing it under the job would leave
    // Vapi objects nobody records.
    auto pending = twilioConnectPending(access.orgId);
    if (!pending)
        return pending.error();
    if (*pending)
        return http::status::conflict(stillConnecting());
    const CredentialStore store(m_app.keys);
    auto current = m_app.db.transaction<std::optional<CredentialStore::Summary>>(
        access, [&](db::Transaction &tx) {
            return store.describe(tx, access.orgId, CredentialStore::twilio);
        });
    if (!current)
        return current.error();
    if (!*current)
        return http::status::notFound(u"Twilio is not connected."_s);
    const QJsonObject m = (*current)->metadata;
    const QString numberId = m.value(u"vapi_phone_number_id"_s).toString();
    const QString credentialId = m.value(u"vapi_credential_id"_s).toString();

    providers::VapiClient vapi(m_app.config.vapiBaseUrl, m_app.config.vapiPrivateKey, m_app.retry);
    // Vapi first: while it still has the number, the clinic's calls keep working through it, so
    // a Vapi failure leaves the connection whole and the admin can simply try again.
    for (const auto &[field, id] : {std::pair{u"vapi_phone_number_id"_s, numberId},
                                    std::pair{u"vapi_credential_id"_s, credentialId}}) {
        if (id.isEmpty() || !vapi.isConfigured())
            continue;
        auto gone = field == u"vapi_phone_number_id" ? vapi.deletePhoneNumber(id)
                                                     : vapi.deleteCredential(id);
        if (!gone && !notFoundAtVapi(gone.error())) {
            log::error("integrations", u"Vapi could not remove the Twilio connection."_s,
                       {{u"org_id"_s, access.orgId}, {u"provider_error"_s, gone.errorMessage()}});
            return http::status::badGateway(
                u"Vapi could not remove the number right now; nothing else was changed. Try "
                "again."_s);
        }
        auto noted = m_app.db.transaction<bool>(access, [&](db::Transaction &tx) -> Result<bool> {
            auto r = store.mergeMetadata(tx, access.orgId, CredentialStore::twilio,
                                         {{field, QJsonValue()}});
            if (!r)
                return r.error();
            return true;
        });
        if (!noted)
            return noted.error();
    }
    auto removed = m_app.db.transaction<bool>(access, [&](db::Transaction &tx) -> Result<bool> {
        if (auto r = store.remove(tx, access.orgId, CredentialStore::twilio); !r)
            return r.error();
        if (auto d = tx.exec("DELETE FROM phone_numbers WHERE org_id = $1::uuid AND number = $2 "
                             "AND provider = 'twilio'",
                             {access.orgId, m.value(u"phone_number"_s).toString()});
            !d)
            return d.error();
        if (!numberId.isEmpty()) {
            if (auto a = tx.exec("UPDATE agents SET vapi_phone_number_id = NULL WHERE org_id = "
                                 "$1::uuid AND vapi_phone_number_id = $2",
                                 {access.orgId, numberId});
                !a)
                return a.error();
        }
        if (auto audit = tx.exec("INSERT INTO audit_log (org_id, actor_id, action, entity_type, "
                                 "details) VALUES ($1::uuid, $2::uuid, 'integration.disconnected', "
                                 "'integration', '{\"provider\": \"twilio\"}')",
                                 {access.orgId, access.userId});
            !audit)
            return audit.error();
        auto published = events::publish(
            tx, access.orgId, u"integration.updated"_s, u"integration"_s, QString(),
            {{u"provider"_s, CredentialStore::twilio}, {u"status"_s, u"not_connected"_s}});
        if (!published)
            return published.error();
        return true;
    });
    if (!removed)
        return removed.error();
    return {};
}

} // namespace vox::server
