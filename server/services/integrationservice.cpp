#include "server/services/integrationservice.h"

#include "server/services/credentialstore.h"

#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

QJsonValue orNull(const QString &value)
{
    return value.isEmpty() ? QJsonValue() : QJsonValue(value);
}

} // namespace

QJsonObject IntegrationService::staffView(const QJsonObject &status)
{
    QJsonObject view;
    for (auto it = status.begin(); it != status.end(); ++it) {
        const QJsonObject full = it.value().toObject();
        QJsonObject kept;
        for (const QString &field : {u"configured"_s, u"status"_s, u"available"_s}) {
            if (full.contains(field))
                kept.insert(field, full.value(field));
        }
        view.insert(it.key(), kept);
    }
    return view;
}

Result<QJsonObject> IntegrationService::status(const db::Access &access)
{
    const CredentialStore store(m_app.keys);
    return m_app.db.transaction<QJsonObject>(
        access, [&](db::Transaction &tx) -> Result<QJsonObject> {
            QJsonObject out;
            out.insert(u"sandbox"_s, m_app.config.runsAgainstSandboxOnly());
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
                                       {u"failed_step"_s,
                                        orNull(m.value(u"connect_failed_step"_s).toString())},
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

} // namespace vox::server
