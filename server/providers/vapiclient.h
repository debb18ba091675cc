#pragma once

#include "core/result.h"
#include "server/providers/providerhttp.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>

#include <functional>

namespace vox::server::providers {

// Vapi's REST API with the platform's one backend key (VAPI_PRIVATE_KEY): every clinic's Vapi calls
// use the platform's key; clinics never hold Vapi credentials of their own. Calls are retried only
// as providers::send allows (what is safe to repeat, in background work). A failure is an Error
// whose message carries Vapi's own message and HTTP status, code "502" (a provider failure), and
// subject the status Vapi answered ("400", "404", ...) or, when no answer came,
// providers::unreachable / providers::noAnswer.
class VapiClient
{
public:
    VapiClient(QString baseUrl, QString apiKey, RetryPolicy retry = {});

    bool isConfigured() const { return !m_apiKey.isEmpty() && !m_baseUrl.isEmpty(); }

    // Tools (POST /tool, GET /tool, DELETE /tool/{id}).
    Result<QJsonObject> createTool(const QJsonObject &tool);
    Result<QJsonArray> listTools();
    Result<void> deleteTool(const QString &toolId);

    // Assistants. updateAssistantModel is fetch-merge-patch: PATCH replaces the whole `model`
    // (which needs `provider` and `model`), so the current model is read, changed by `change`,
    // and sent back complete; fields the change does not touch are never dropped.
    Result<QJsonObject> createAssistant(const QJsonObject &assistant);
    Result<QJsonObject> getAssistant(const QString &assistantId);
    Result<QJsonObject> updateAssistant(const QString &assistantId, const QJsonObject &patch);
    Result<QJsonObject> updateAssistantModel(const QString &assistantId,
                                             const std::function<void(QJsonObject &model)> &change);
    Result<void> deleteAssistant(const QString &assistantId);
    // The most recent assistants of the platform's Vapi org (up to `limit`).
    Result<QJsonArray> listAssistants(int limit = 1000);

    // BYOC: the clinic's Twilio account as a Vapi credential, and its number imported. `name`
    // (up to 40 characters) lets a re-run find what an interrupted run created.
    Result<QJsonObject> createTwilioCredential(const QString &accountSid, const QString &authToken,
                                               const QString &name = {});
    Result<QJsonArray> listCredentials();
    Result<void> deleteCredential(const QString &credentialId);
    Result<QJsonObject> importTwilioNumber(const QString &number, const QString &accountSid,
                                           const QString &authToken, const QString &assistantId,
                                           const QString &name = {});
    Result<QJsonArray> listPhoneNumbers();
    Result<QJsonObject> updatePhoneNumber(const QString &phoneNumberId, const QJsonObject &patch);
    Result<void> deletePhoneNumber(const QString &phoneNumberId);

    // An outbound call from `phoneNumberId` to `customerNumber` with `assistantId`; `more` adds
    // the call's other fields (its name, assistantOverrides). Sent once, never retried: a second
    // POST after a lost answer could ring the patient twice.
    // Deletes a call's data at Vapi (its recording and transcript) with DELETE /call/{id}. A call
    // Vapi no longer has counts as deleted: asking twice has the effect of asking once.
    Result<void> deleteCall(const QString &callId);

    Result<QJsonObject> createCall(const QString &assistantId, const QString &phoneNumberId,
                                   const QString &customerNumber, const QString &customerName = {},
                                   const QJsonObject &more = {});

private:
    Result<QJsonValue> call(const QByteArray &method, const QString &path,
                            const QJsonObject &body = {});
    Result<QJsonArray> callArray(const QString &path); // GET of a list
    // Every item of a collection ("tool", "credential"), reading Vapi's pages of 100.
    Result<QJsonArray> listAll(const QString &collection);
    Result<void> callDelete(const QString &path);
    Result<QJsonObject> callObject(const QByteArray &method, const QString &path,
                                   const QJsonObject &body = {});

    QString m_baseUrl;
    QString m_apiKey;
    RetryPolicy m_retry;
};

} // namespace vox::server::providers
