#include "server/services/twilioconnection.h"

#include "core/logging/log.h"
#include "core/phonenumber.h"
#include "server/events/eventpublisher.h"
#include "server/http/response.h"
#include "server/jobs/jobqueue.h"
#include "server/providers/twilioclient.h"
#include "server/providers/vapiclient.h"
#include "server/services/clinicphone.h"
#include "server/services/credentialstore.h"
#include "server/services/ratelimiter.h"
#include "server/services/twilioconnectjob.h"

#include <QDateTime>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

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

QString stillConnecting()
{
    return u"Twilio is still being connected. Wait until it is finished, then try again."_s;
}

// A change to the clinic's Twilio connection may start: `guard` holds the clinic's one change, and
// no `twilio.connect` job is queued or running, since that job owns the row until it finishes.
Result<void> startChange(ChangeGuard &guard, db::Database &database, const QString &orgId)
{
    if (auto held = guard.acquire(); !held)
        return held.error();
    auto pending =
        database.query(db::Access::service(),
                       "SELECT 1 FROM jobs WHERE unique_key = $1 AND status IN ('queued', "
                       "'running')",
                       {TwilioConnectJob::uniqueKey(orgId)});
    if (!pending)
        return pending.error();
    if (!pending->isEmpty())
        return http::status::conflict(stillConnecting());
    return {};
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

} // namespace

Result<TwilioConnection::StepReport> TwilioConnection::connectTwilio(const db::Access &access,
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
    auto number = m_app.db.transaction<QString>(access, [&](db::Transaction &tx) {
        return clinicphone::read(tx, access.orgId, phoneNumber, u"phone_number"_s);
    });
    if (!number)
        return number.error();

    ChangeGuard guard(m_app.db, u"integration:twilio:"_s + access.orgId);
    // Said before asking Twilio anything; the queueing below is what makes it hold.
    if (auto started = startChange(guard, m_app.db, access.orgId); !started)
        return started.error();

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
        job.kind = QString::fromLatin1(TwilioConnectJob::kind);
        job.orgId = access.orgId;
        job.payload = {{u"connect_id"_s, connectId}, {u"user_id"_s, access.userId}};
        job.uniqueKey = TwilioConnectJob::uniqueKey(access.orgId);
        job.dedupe = jobs::NewJob::Dedupe::Rearm;
        job.maxAttempts = 3;
        auto queued = jobs::enqueue(tx, job);
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

Result<void> TwilioConnection::disconnectTwilio(const db::Access &access)
{
    ChangeGuard guard(m_app.db, u"integration:twilio:"_s + access.orgId);
    // Removing the row under a connect job would leave Vapi objects nobody records.
    if (auto started = startChange(guard, m_app.db, access.orgId); !started)
        return started.error();
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
