#include "server/providers/vapiclient.h"

#include "server/providers/providerrequest.h"

#include <QJsonDocument>
#include <QSet>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::providers {

namespace {

// Vapi's error body ({"message": "..." | ["...", ...], "error", "statusCode"}) as one sentence.
QString vapiErrorMessage(const HttpAnswer &answer)
{
    const QJsonObject body = answer.json().toObject();
    const QJsonValue message = body.value(u"message"_s);
    QStringList parts;
    if (message.isArray()) {
        for (const QJsonValue &item : message.toArray())
            parts << item.toString();
    } else if (message.isString()) {
        parts << message.toString();
    } else if (body.value(u"error"_s).isString()) {
        parts << body.value(u"error"_s).toString();
    }
    parts.removeAll(QString());
    if (parts.isEmpty())
        parts << QString::fromUtf8(answer.body.left(200)).trimmed();
    return parts.join(u"; "_s);
}

// A refusal is "Vapi answered <status>: <Vapi's words>", a provider failure (502) whatever the
// status, which is the Error's subject.
const Provider &vapi()
{
    static const Provider provider{"vapi", u"Vapi"_s, vapiErrorMessage, {}, {}, {}};
    return provider;
}

} // namespace

VapiClient::VapiClient(QString baseUrl, QString apiKey, RetryPolicy retry)
    : m_baseUrl(std::move(baseUrl))
    , m_apiKey(std::move(apiKey))
    , m_retry(std::move(retry))
{
    while (m_baseUrl.endsWith(u'/'))
        m_baseUrl.chop(1);
}

Result<QJsonValue> VapiClient::call(const QByteArray &method, const QString &path,
                                    const QJsonObject &body)
{
    if (!isConfigured())
        return fail(u"Vapi is not configured on this server (VAPI_PRIVATE_KEY)."_s,
                    ErrorKind::Unavailable);
    HttpCall request;
    request.method = method;
    request.url = QUrl(m_baseUrl + path);
    request.headers = {{"Authorization", "Bearer " + m_apiKey.toUtf8()}};
    if (method != "GET" && method != "DELETE") {
        request.contentType = "application/json";
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    auto answer = ask(vapi(), request, m_retry, path);
    if (!answer)
        return answer.error();
    return jsonBody(vapi(), *answer);
}

Result<QJsonObject> VapiClient::callObject(const QByteArray &method, const QString &path,
                                           const QJsonObject &body)
{
    auto value = call(method, path, body);
    if (!value)
        return value.error();
    if (!value->isObject())
        return fail(u"Vapi answered %1 %2 with an unexpected shape."_s.arg(
                        QString::fromLatin1(method), path),
                    ErrorKind::ProviderFailed);
    return value->toObject();
}

Result<QJsonArray> VapiClient::callArray(const QString &path)
{
    auto value = call("GET", path);
    if (!value)
        return value.error();
    // A list that is not one must not read as "nothing there": the callers adopt what they
    // find before creating, and an empty list would make them create a second one.
    if (!value->isArray())
        return fail(u"Vapi answered GET %1 with an unexpected shape."_s.arg(path),
                    ErrorKind::ProviderFailed);
    return value->toArray();
}

Result<void> VapiClient::callDelete(const QString &path)
{
    auto done = call("DELETE", path);
    if (!done)
        return done.error();
    return {};
}

Result<QJsonObject> VapiClient::createTool(const QJsonObject &tool)
{
    return callObject("POST", u"/tool"_s, tool);
}

Result<QJsonArray> VapiClient::listAll(const QString &collection)
{
    // Vapi answers at most `limit` items, newest first. The account's other items (another
    // clinic's, a hand-made one) can push ours past the first page, so the list is read page by
    // page, each up to the oldest `createdAt` seen. Inclusive, because items made in the same
    // millisecond share it; the ids already seen are dropped.
    constexpr int pageSize = 100;
    constexpr int mostPages = 50;
    QJsonArray all;
    QSet<QString> seen;
    QString before;
    for (int page = 0; page < mostPages; ++page) {
        QString path = u"/%1?limit=%2"_s.arg(collection).arg(pageSize);
        if (!before.isEmpty())
            path += u"&createdAtLe="_s + QString::fromLatin1(QUrl::toPercentEncoding(before));
        auto items = callArray(path);
        if (!items)
            return items.error();
        int added = 0;
        for (const QJsonValue &item : std::as_const(*items)) {
            const QJsonObject object = item.toObject();
            const QString id = object.value(u"id"_s).toString();
            if (seen.contains(id))
                continue;
            seen.insert(id);
            all.append(object);
            ++added;
            const QString created = object.value(u"createdAt"_s).toString();
            if (before.isEmpty() || created < before)
                before = created;
        }
        if (items->size() < pageSize || added == 0)
            return all;
    }
    return fail(u"Vapi lists more than %1 items under /%2; the clinic's could not all be read."_s
                    .arg(pageSize * mostPages)
                    .arg(collection),
                ErrorKind::ProviderFailed);
}

Result<QJsonArray> VapiClient::listTools()
{
    return listAll(u"tool"_s);
}

Result<void> VapiClient::deleteTool(const QString &toolId)
{
    return callDelete(u"/tool/"_s + toolId);
}

Result<void> VapiClient::deleteCall(const QString &callId)
{
    auto deleted = callDelete(u"/call/"_s + QString::fromLatin1(QUrl::toPercentEncoding(callId)));
    if (!deleted && deleted.error().kind == ErrorKind::ProviderFailed &&
        deleted.error().subject == u"404")
        return {};
    return deleted;
}

Result<QJsonArray> VapiClient::listAssistants(int limit)
{
    return callArray(u"/assistant?limit=%1"_s.arg(limit));
}

Result<void> VapiClient::deleteAssistant(const QString &assistantId)
{
    return callDelete(u"/assistant/"_s + assistantId);
}

Result<QJsonObject> VapiClient::createAssistant(const QJsonObject &assistant)
{
    return callObject("POST", u"/assistant"_s, assistant);
}

Result<QJsonObject> VapiClient::getAssistant(const QString &assistantId)
{
    return callObject("GET", u"/assistant/"_s + assistantId);
}

Result<QJsonObject> VapiClient::updateAssistant(const QString &assistantId,
                                                const QJsonObject &patch)
{
    return callObject("PATCH", u"/assistant/"_s + assistantId, patch);
}

Result<QJsonObject>
VapiClient::updateAssistantModel(const QString &assistantId,
                                 const std::function<void(QJsonObject &model)> &change)
{
    auto current = getAssistant(assistantId);
    if (!current)
        return current.error();
    QJsonObject model = current->value(u"model"_s).toObject();
    change(model);
    return updateAssistant(assistantId, QJsonObject{{u"model"_s, model}});
}

Result<QJsonObject> VapiClient::createTwilioCredential(const QString &accountSid,
                                                       const QString &authToken,
                                                       const QString &name)
{
    QJsonObject body{
        {u"provider"_s, u"twilio"_s}, {u"accountSid"_s, accountSid}, {u"authToken"_s, authToken}};
    if (!name.isEmpty())
        body.insert(u"name"_s, name);
    return callObject("POST", u"/credential"_s, body);
}

Result<QJsonArray> VapiClient::listCredentials()
{
    return listAll(u"credential"_s);
}

Result<void> VapiClient::deleteCredential(const QString &credentialId)
{
    return callDelete(u"/credential/"_s + credentialId);
}

Result<QJsonObject> VapiClient::importTwilioNumber(const QString &number, const QString &accountSid,
                                                   const QString &authToken,
                                                   const QString &assistantId, const QString &name)
{
    QJsonObject body{{u"provider"_s, u"twilio"_s},
                     {u"number"_s, number},
                     {u"twilioAccountSid"_s, accountSid},
                     {u"twilioAuthToken"_s, authToken}};
    if (!assistantId.isEmpty())
        body.insert(u"assistantId"_s, assistantId);
    if (!name.isEmpty())
        body.insert(u"name"_s, name);
    return callObject("POST", u"/phone-number"_s, body);
}

Result<QJsonArray> VapiClient::listPhoneNumbers()
{
    return listAll(u"phone-number"_s);
}

Result<QJsonObject> VapiClient::updatePhoneNumber(const QString &phoneNumberId,
                                                  const QJsonObject &patch)
{
    return callObject("PATCH", u"/phone-number/"_s + phoneNumberId, patch);
}

Result<void> VapiClient::deletePhoneNumber(const QString &phoneNumberId)
{
    return callDelete(u"/phone-number/"_s + phoneNumberId);
}

Result<QJsonObject> VapiClient::createCall(const QString &assistantId, const QString &phoneNumberId,
                                           const QString &customerNumber,
                                           const QString &customerName, const QJsonObject &more)
{
    QJsonObject customer{{u"number"_s, customerNumber}};
    if (!customerName.isEmpty())
        customer.insert(u"name"_s, customerName.left(40));
    QJsonObject body = more;
    body.insert(u"assistantId"_s, assistantId);
    body.insert(u"phoneNumberId"_s, phoneNumberId);
    body.insert(u"customer"_s, customer);
    return callObject("POST", u"/call"_s, body);
}

} // namespace vox::server::providers
