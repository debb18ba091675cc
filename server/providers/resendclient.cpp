#include "server/providers/resendclient.h"

#include "server/providers/providerrequest.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::providers {

namespace {

// Resend's error body: {"statusCode", "message", "name"}.
QString resendErrorMessage(const HttpAnswer &answer)
{
    const QString message = answer.json().toObject().value(u"message"_s).toString();
    return message.isEmpty() ? QString::fromUtf8(answer.body.left(200)).trimmed() : message;
}

// A refusal names Resend's error and its words: "Resend answered 422 (validation_error): ...".
const Provider &resend()
{
    static const Provider provider{
        "resend",
        u"Resend"_s,
        resendErrorMessage,
        [](const HttpAnswer &answer, const QString &words) -> std::optional<Error> {
            const QString name = answer.json().toObject().value(u"name"_s).toString();
            return fail(u"Resend answered %1 (%2): %3"_s.arg(answer.status).arg(name, words),
                        ErrorKind::ProviderFailed, QString::number(answer.status));
        },
        u"Resend refused an e-mail."_s,
        [](const HttpAnswer &answer, const QString &words) {
            return QJsonObject{
                {u"resend_error"_s, answer.json().toObject().value(u"name"_s).toString()},
                {u"resend_message"_s, words}};
        }};
    return provider;
}

} // namespace

ResendClient::ResendClient(QString baseUrl, QString apiKey, RetryPolicy retry)
    : m_baseUrl(std::move(baseUrl))
    , m_apiKey(std::move(apiKey))
    , m_retry(std::move(retry))
{
    while (m_baseUrl.endsWith(u'/'))
        m_baseUrl.chop(1);
}

Result<QString> ResendClient::send(const Email &email)
{
    if (!isConfigured())
        return fail(u"E-mail is not configured."_s, ErrorKind::BadInput);
    QJsonObject body{{u"from"_s, email.from}, {u"to"_s, email.to}, {u"subject"_s, email.subject}};
    if (!email.text.isEmpty())
        body.insert(u"text"_s, email.text);
    if (!email.html.isEmpty())
        body.insert(u"html"_s, email.html);
    HttpCall request;
    request.method = "POST";
    request.url = QUrl(m_baseUrl + u"/emails"_s);
    request.contentType = "application/json";
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    request.headers = {{"Authorization", "Bearer " + m_apiKey.toUtf8()}};
    // With a key Resend sends one e-mail however often the request arrives, so it may be retried.
    if (!email.idempotencyKey.isEmpty()) {
        request.headers.append({"Idempotency-Key", email.idempotencyKey.toUtf8()});
        request.idempotent = true;
    }
    auto answer = ask(resend(), request, m_retry, request.url.path());
    if (!answer)
        return answer.error();
    const QJsonObject reply = answer->json().toObject();
    const QString id = reply.value(u"id"_s).toString();
    if (id.isEmpty())
        return fail(u"Resend answered without an e-mail id."_s, ErrorKind::ProviderFailed,
                    QString::number(answer->status));
    return id;
}

} // namespace vox::server::providers
