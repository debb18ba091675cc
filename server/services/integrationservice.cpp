#include "server/services/integrationservice.h"

#include "core/crypto/securerandom.h"
#include "core/logging/log.h"
#include "core/phonenumber.h"
#include "server/events/eventpublisher.h"
#include "server/http/jsonbody.h"
#include "server/http/response.h"
#include "server/providers/googleclient.h"
#include "server/providers/twilioclient.h"
#include "server/providers/vapiclient.h"
#include "server/services/credentialstore.h"
#include "server/services/googlecalendar.h"
#include "server/services/publicurl.h"
#include "server/services/ratelimiter.h"
#include "server/services/signedtoken.h"

#include <QJsonDocument>
#include <QRegularExpression>

#include <functional>
#include <vector>

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

// Compensation for a multi-step change: what each completed step must undo, run newest first.
class UndoStack
{
public:
    void push(QString what, std::function<Result<void>()> undo)
    {
        m_actions.push_back({std::move(what), std::move(undo)});
    }
    void run(const QString &orgId)
    {
        for (auto it = m_actions.rbegin(); it != m_actions.rend(); ++it) {
            if (auto undone = it->second(); !undone) {
                // Left for a person: the log says exactly what remains.
                log::error("integrations", u"Could not undo a step of a failed change."_s,
                           {{u"org_id"_s, orgId},
                            {u"step"_s, it->first},
                            {u"error"_s, undone.errorMessage()}});
            }
        }
        m_actions.clear();
    }

private:
    std::vector<std::pair<QString, std::function<Result<void>()>>> m_actions;
};

bool notFoundAtVapi(const Error &error)
{
    return error.code == u"502" && error.subject == u"404";
}

} // namespace

bool isSenderAddress(const QString &from)
{
    static const QRegularExpression named(u"^[^<>@]{1,100}<([^<>\\s]+)>$"_s);
    const auto match = named.match(from.trimmed());
    return http::isEmail(match.hasMatch() ? match.captured(1) : from.trimmed());
}

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

    const CredentialStore store(m_app.keys);
    StepReport report;
    UndoStack undo;
    const auto failStep = [&](const QString &step, int status, const QString &message,
                              const QString &detail) {
        undo.run(access.orgId);
        report.status = status;
        report.error = message;
        report.failedStep = step;
        report.steps.append(stepJson(step, u"failed"_s, detail));
        return report;
    };

    // 1. validate: the account answers with these credentials, is active, and owns the number.
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

    // 2. store: encrypted, marked "syncing" until Vapi has it too.
    struct Previous
    {
        CredentialStore::Snapshot credential;
        QString agentId;
        QString assistantId;
    };
    const QString now = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
    auto stored =
        m_app.db.transaction<Previous>(access, [&](db::Transaction &tx) -> Result<Previous> {
            Previous previous;
            auto snap = store.snapshot(tx, access.orgId, CredentialStore::twilio);
            if (!snap)
                return snap.error();
            previous.credential = *snap;
            auto agent = tx.exec("SELECT id, vapi_assistant_id FROM agents WHERE org_id = $1::uuid "
                                 "AND direction = 'inbound'",
                                 {access.orgId});
            if (!agent)
                return agent.error();
            if (!agent->isEmpty()) {
                previous.agentId = agent->text(0, 0);
                previous.assistantId = agent->text(0, 1);
            }
            auto saved = store.save(
                tx, access.orgId, CredentialStore::twilio,
                {{u"account_sid"_s, accountSid}, {u"auth_token"_s, authToken}},
                {{u"account_sid_last4"_s, CredentialStore::lastFour(accountSid)},
                 {u"phone_number"_s, *number},
                 {u"twilio_number_sid"_s, numberSid},
                 {u"updated_at"_s, now},
                 {u"updated_by"_s, access.email.isEmpty() ? access.userId : access.email}},
                u"syncing"_s, access.userId);
            if (!saved)
                return saved.error();
            return previous;
        });
    if (!stored)
        return stored.error();
    const Previous previous = *stored;
    undo.push(u"store"_s, [&]() -> Result<void> {
        auto restored =
            m_app.db.transaction<bool>(access, [&](db::Transaction &tx) -> Result<bool> {
                auto r =
                    store.restore(tx, access.orgId, CredentialStore::twilio, previous.credential);
                if (!r)
                    return r.error();
                return true;
            });
        if (!restored)
            return restored.error();
        return {};
    });
    report.steps.append(stepJson(u"store"_s, u"done"_s, u"Stored encrypted."_s));

    // 3. vapi_credential and 4. vapi_number, with the platform's one Vapi key.
    providers::VapiClient vapi(m_app.config.vapiBaseUrl, m_app.config.vapiPrivateKey, m_app.retry);
    QString credentialId;
    QString vapiNumberId;
    if (!vapi.isConfigured()) {
        report.steps.append(stepJson(u"vapi_credential"_s, u"skipped"_s,
                                     u"Vapi is not configured on this server."_s));
        report.steps.append(
            stepJson(u"vapi_number"_s, u"skipped"_s, u"Vapi is not configured on this server."_s));
    } else {
        auto credential = vapi.createTwilioCredential(accountSid, authToken);
        if (!credential)
            return failStep(u"vapi_credential"_s, 502,
                            u"Vapi did not accept the Twilio credentials; nothing was changed."_s,
                            u"Vapi refused or did not answer."_s);
        credentialId = credential->value(u"id"_s).toString();
        undo.push(u"vapi_credential"_s, [&vapi, credentialId]() -> Result<void> {
            auto gone = vapi.deleteCredential(credentialId);
            if (!gone && !notFoundAtVapi(gone.error()))
                return gone.error();
            return {};
        });
        report.steps.append(stepJson(u"vapi_credential"_s, u"done"_s, u"Credential created."_s));

        const QJsonObject before = previous.credential.metadata;
        const QString previousNumberId = before.value(u"vapi_phone_number_id"_s).toString();
        if (!previousNumberId.isEmpty() && before.value(u"phone_number"_s).toString() == *number) {
            // The same number is already in Vapi: point it at the new credentials instead of
            // importing it twice.
            QJsonObject patch{{u"twilioAccountSid"_s, accountSid},
                              {u"twilioAuthToken"_s, authToken}};
            if (!previous.assistantId.isEmpty())
                patch.insert(u"assistantId"_s, previous.assistantId);
            auto updated = vapi.updatePhoneNumber(previousNumberId, patch);
            if (!updated)
                return failStep(u"vapi_number"_s, 502,
                                u"Vapi could not take the number over; nothing was changed."_s,
                                u"Vapi refused or did not answer."_s);
            vapiNumberId = previousNumberId;
            undo.push(u"vapi_number"_s, [&]() -> Result<void> {
                // Back to the credentials it had before.
                auto old = m_app.keys.open(
                    previous.credential.keyId, previous.credential.ciphertext,
                    CredentialStore::associatedData(access.orgId, CredentialStore::twilio));
                if (!old)
                    return old.error();
                const QJsonObject secret = QJsonDocument::fromJson(*old).object();
                auto back = vapi.updatePhoneNumber(
                    previousNumberId,
                    {{u"twilioAccountSid"_s, secret.value(u"account_sid"_s).toString()},
                     {u"twilioAuthToken"_s, secret.value(u"auth_token"_s).toString()}});
                if (!back)
                    return back.error();
                return {};
            });
        } else {
            auto imported =
                vapi.importTwilioNumber(*number, accountSid, authToken, previous.assistantId);
            if (!imported)
                return failStep(u"vapi_number"_s, 502,
                                u"Vapi could not import the number; nothing was changed."_s,
                                u"Vapi refused or did not answer."_s);
            vapiNumberId = imported->value(u"id"_s).toString();
            undo.push(u"vapi_number"_s, [&vapi, vapiNumberId]() -> Result<void> {
                auto gone = vapi.deletePhoneNumber(vapiNumberId);
                if (!gone && !notFoundAtVapi(gone.error()))
                    return gone.error();
                return {};
            });
        }
        report.steps.append(stepJson(
            u"vapi_number"_s, u"done"_s,
            previous.assistantId.isEmpty()
                ? u"Number imported; it is linked to the assistant once the agent is saved."_s
                : u"Number imported and linked to the assistant."_s));
    }

    // Record: the ids, the number, and the connection made usable, in one transaction.
    auto recorded = m_app.db.transaction<bool>(access, [&](db::Transaction &tx) -> Result<bool> {
        if (auto m = store.mergeMetadata(tx, access.orgId, CredentialStore::twilio,
                                         {{u"vapi_credential_id"_s, orNull(credentialId)},
                                          {u"vapi_phone_number_id"_s, orNull(vapiNumberId)}});
            !m)
            return m.error();
        if (auto s = store.setStatus(tx, access.orgId, CredentialStore::twilio, u"active"_s); !s)
            return s.error();
        const QString oldNumber = previous.credential.metadata.value(u"phone_number"_s).toString();
        if (!oldNumber.isEmpty() && oldNumber != *number) {
            if (auto d = tx.exec("DELETE FROM phone_numbers WHERE org_id = $1::uuid AND number = "
                                 "$2 AND provider = 'twilio'",
                                 {access.orgId, oldNumber});
                !d)
                return d.error();
        }
        auto row = tx.exec(
            "INSERT INTO phone_numbers (org_id, number, provider, twilio_sid, "
            "vapi_phone_number_id, agent_id) VALUES ($1::uuid, $2, 'twilio', $3, $4, $5::uuid) "
            "ON CONFLICT (org_id, number) DO UPDATE SET provider = 'twilio', twilio_sid = "
            "EXCLUDED.twilio_sid, vapi_phone_number_id = EXCLUDED.vapi_phone_number_id, agent_id "
            "= EXCLUDED.agent_id",
            {access.orgId, *number, numberSid, vapiNumberId.isEmpty() ? QString() : vapiNumberId,
             previous.agentId.isEmpty() ? QString() : previous.agentId});
        if (!row)
            return row.error();
        if (!vapiNumberId.isEmpty() && !previous.agentId.isEmpty()) {
            if (auto a = tx.exec("UPDATE agents SET vapi_phone_number_id = $3 WHERE id = $2::uuid "
                                 "AND org_id = $1::uuid",
                                 {access.orgId, previous.agentId, vapiNumberId});
                !a)
                return a.error();
        }
        if (auto audit = tx.exec("INSERT INTO audit_log (org_id, actor_id, action, entity_type, "
                                 "details) VALUES ($1::uuid, $2::uuid, 'integration.connected', "
                                 "'integration', jsonb_build_object('provider', 'twilio', "
                                 "'phone_number', $3::text))",
                                 {access.orgId, access.userId, *number});
            !audit)
            return audit.error();
        auto published =
            events::publish(tx, access.orgId, u"integration.updated"_s, u"integration"_s, QString(),
                            {{u"provider"_s, CredentialStore::twilio}, {u"status"_s, u"active"_s}});
        if (!published)
            return published.error();
        return true;
    });
    if (!recorded) {
        log::error("integrations", u"Saving the Twilio connection failed; undoing it."_s,
                   {{u"org_id"_s, access.orgId}, {u"error"_s, recorded.errorMessage()}});
        return failStep(u"vapi_number"_s, 500,
                        u"The connection could not be saved; nothing was changed."_s,
                        u"Saving the ids failed."_s);
    }

    // The previous connection's Vapi objects are no longer used.
    const QJsonObject before = previous.credential.metadata;
    const QString oldCredential = before.value(u"vapi_credential_id"_s).toString();
    const QString oldNumberId = before.value(u"vapi_phone_number_id"_s).toString();
    if (vapi.isConfigured()) {
        for (const auto &[kind, id] : {std::pair{u"credential"_s, oldCredential},
                                       std::pair{u"phone number"_s, oldNumberId}}) {
            if (id.isEmpty() || id == credentialId || id == vapiNumberId)
                continue;
            auto gone =
                kind == u"credential" ? vapi.deleteCredential(id) : vapi.deletePhoneNumber(id);
            if (!gone && !notFoundAtVapi(gone.error()))
                log::warn("integrations", u"A replaced Vapi %1 could not be removed."_s.arg(kind),
                          {{u"org_id"_s, access.orgId}, {u"vapi_id"_s, id}});
        }
    }
    log::info("integrations", u"Twilio connected."_s, {{u"org_id"_s, access.orgId}});
    return report;
}

Result<void> IntegrationService::disconnectTwilio(const db::Access &access)
{
    ChangeGuard guard(m_app.db, u"integration:twilio:"_s + access.orgId);
    if (auto held = guard.acquire(); !held)
        return held.error();
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

Result<QJsonObject> IntegrationService::configureResend(const db::Access &access,
                                                        const std::optional<QString> &apiKey,
                                                        const QString &from)
{
    if (!isSenderAddress(from))
        return http::status::badRequest(
            u"Enter the sender as an address (clinic@example.com) or a name and address (Glow "
            "Med Spa <clinic@example.com>)."_s,
            u"from"_s);
    if (apiKey && !apiKey->isEmpty() && (!apiKey->startsWith(u"re_"_s) || apiKey->size() < 10))
        return http::status::badRequest(u"A Resend API key starts with re_."_s, u"api_key"_s);
    const CredentialStore store(m_app.keys);
    auto done = m_app.db.transaction<bool>(access, [&](db::Transaction &tx) -> Result<bool> {
        if (auto s = tx.exec("UPDATE org_settings SET email_from = $2 WHERE org_id = $1::uuid",
                             {access.orgId, from.trimmed()});
            !s)
            return s.error();
        if (apiKey && apiKey->isEmpty()) {
            if (auto r = store.remove(tx, access.orgId, CredentialStore::resend); !r)
                return r.error();
        } else if (apiKey) {
            auto saved = store.save(
                tx, access.orgId, CredentialStore::resend, {{u"api_key"_s, *apiKey}},
                {{u"api_key_last4"_s, CredentialStore::lastFour(*apiKey)},
                 {u"updated_at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
                 {u"updated_by"_s, access.email.isEmpty() ? access.userId : access.email}},
                u"active"_s, access.userId);
            if (!saved)
                return saved.error();
        }
        auto published =
            events::publish(tx, access.orgId, u"integration.updated"_s, u"integration"_s, QString(),
                            {{u"provider"_s, CredentialStore::resend}, {u"status"_s, u"active"_s}});
        if (!published)
            return published.error();
        return true;
    });
    if (!done)
        return done.error();
    return status(access);
}

QString IntegrationService::googleRedirectUri() const
{
    return publicUrl(m_app.config, u"/api/integrations/google/callback"_s);
}

QByteArray IntegrationService::stateKey() const
{
    return signedtoken::deriveKey(m_app.config.jwtSecret, "google-oauth-state");
}

Result<QString> IntegrationService::googleAuthorizationUrl(const http::Principal &admin)
{
    providers::GoogleClient google = GoogleCalendar(m_app).client();
    if (!google.isConfigured())
        return http::status::serviceUnavailable(
            u"Google Calendar is not set up on this server (GOOGLE_CLIENT_ID and "
            "GOOGLE_CLIENT_SECRET)."_s);
    const QString state =
        signedtoken::issue(stateKey(),
                           {{u"o"_s, admin.orgId},
                            {u"u"_s, admin.userId},
                            {u"r"_s, admin.role},
                            {u"m"_s, admin.email},
                            {u"n"_s, crypto::randomToken(12)}},
                           QDateTime::currentDateTimeUtc().addSecs(oauthStateSeconds));
    return google.authorizationUrl(googleRedirectUri(), state).toString(QUrl::FullyEncoded);
}

Result<QString> IntegrationService::completeGoogleConnection(const QString &code,
                                                             const QString &state,
                                                             const QString &googleError)
{
    auto claims = signedtoken::verify(stateKey(), state, QDateTime::currentDateTimeUtc());
    if (!claims) {
        return claims.error().code == u"410"
                   ? http::status::gone(u"This sign-in took longer than 10 minutes. Start again "
                                        "from Voxanne's Integrations page."_s)
                   : http::status::badRequest(u"This link did not come from Voxanne. Start again "
                                              "from Voxanne's Integrations page."_s);
    }
    // Each state opens one connection: a replayed browser redirect does nothing.
    auto first =
        m_app.db.transaction<ratelimit::Decision>(db::Access::service(), [&](db::Transaction &tx) {
            return ratelimit::hit(tx, u"google:oauth-state:"_s + claims->value(u"n"_s).toString(),
                                  1, oauthStateSeconds + 60);
        });
    if (!first)
        return first.error();
    if (!first->allowed)
        return http::status::conflict(u"This sign-in was already used. Start again from "
                                      "Voxanne's Integrations page if needed."_s);
    if (!googleError.isEmpty())
        return http::status::badRequest(
            googleError == u"access_denied"
                ? u"Access was not granted, so Google Calendar is not connected."_s
                : u"Google answered \"%1\"; Google Calendar is not connected."_s.arg(
                      googleError.left(60)));
    if (code.isEmpty())
        return http::status::badRequest(u"Google did not send an authorization code."_s);

    const QString orgId = claims->value(u"o"_s).toString();
    const db::Access access =
        db::Access::user(orgId, claims->value(u"u"_s).toString(), claims->value(u"r"_s).toString(),
                         claims->value(u"m"_s).toString());
    providers::GoogleClient google = GoogleCalendar(m_app).client();
    auto tokens = google.exchangeCode(code, googleRedirectUri());
    if (!tokens) {
        log::error("integrations", u"Google's code exchange failed."_s,
                   {{u"org_id"_s, orgId}, {u"provider_error"_s, tokens.errorMessage()}});
        return http::status::badGateway(
            u"Google did not complete the connection. Please try again."_s);
    }
    if (tokens->refreshToken.isEmpty())
        return http::status::badGateway(
            u"Google did not grant lasting access. Remove Voxanne under your Google Account's "
            "third-party access and connect again."_s);
    auto email = google.userEmail(tokens->accessToken);
    if (!email) {
        log::error("integrations", u"Google's userinfo failed."_s,
                   {{u"org_id"_s, orgId}, {u"provider_error"_s, email.errorMessage()}});
        return http::status::badGateway(
            u"Google did not say which account was connected. Please try again."_s);
    }
    const CredentialStore store(m_app.keys);
    auto saved = m_app.db.transaction<bool>(access, [&](db::Transaction &tx) -> Result<bool> {
        auto s = store.save(
            tx, orgId, CredentialStore::google,
            {{u"refresh_token"_s, tokens->refreshToken},
             {u"access_token"_s, tokens->accessToken},
             {u"access_token_expires_at"_s, tokens->expiresAt.toString(Qt::ISODate)}},
            {{u"connected_email"_s, *email},
             {u"scopes"_s, tokens->scope},
             {u"updated_at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
             {u"updated_by"_s, access.email.isEmpty() ? access.userId : access.email}},
            u"active"_s, access.userId);
        if (!s)
            return s.error();
        if (auto audit = tx.exec("INSERT INTO audit_log (org_id, actor_id, action, entity_type, "
                                 "details) VALUES ($1::uuid, $2::uuid, 'integration.connected', "
                                 "'integration', jsonb_build_object('provider', 'google', "
                                 "'connected_email', $3::text))",
                                 {orgId, access.userId, *email});
            !audit)
            return audit.error();
        auto published =
            events::publish(tx, orgId, u"integration.updated"_s, u"integration"_s, QString(),
                            {{u"provider"_s, CredentialStore::google},
                             {u"status"_s, u"active"_s},
                             {u"connected_email"_s, *email}});
        if (!published)
            return published.error();
        return true;
    });
    if (!saved)
        return saved.error();
    log::info("integrations", u"Google Calendar connected."_s, {{u"org_id"_s, orgId}});
    return *email;
}

Result<bool> IntegrationService::disconnectGoogle(const db::Access &access)
{
    QString refreshToken;
    auto removed = m_app.db.transaction<bool>(access, [&](db::Transaction &tx) -> Result<bool> {
        const CredentialStore store(m_app.keys);
        // Read before removing: the token is needed once more, to revoke it at Google.
        if (auto secret = store.reveal(tx, access.orgId, CredentialStore::google);
            secret && *secret)
            refreshToken = (*secret)->value(u"refresh_token"_s).toString();
        auto r = store.remove(tx, access.orgId, CredentialStore::google);
        if (!r)
            return r.error();
        if (!*r)
            return http::status::notFound(u"Google Calendar is not connected."_s);
        if (auto audit = tx.exec("INSERT INTO audit_log (org_id, actor_id, action, entity_type, "
                                 "details) VALUES ($1::uuid, $2::uuid, 'integration.disconnected', "
                                 "'integration', '{\"provider\": \"google\"}')",
                                 {access.orgId, access.userId});
            !audit)
            return audit.error();
        auto published = events::publish(
            tx, access.orgId, u"integration.updated"_s, u"integration"_s, QString(),
            {{u"provider"_s, CredentialStore::google}, {u"status"_s, u"not_connected"_s}});
        if (!published)
            return published.error();
        return true;
    });
    if (!removed)
        return removed.error();
    // After the commit, outside any transaction: Google may be slow or away, and the clinic's
    // choice to disconnect does not wait on it.
    if (refreshToken.isEmpty())
        return true; // nothing Google could still honour (a secret that did not open)
    auto revoked = GoogleCalendar(m_app).client().revoke(refreshToken);
    if (!revoked) {
        log::warn("integrations", u"Google did not confirm the revocation."_s,
                  {{u"org_id"_s, access.orgId}, {u"error"_s, revoked.errorMessage()}});
        return false;
    }
    return true;
}

} // namespace vox::server
