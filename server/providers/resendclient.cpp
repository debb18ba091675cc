#include "server/providers/resendclient.h"

#include "core/logging/log.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::providers {

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
        return fail(u"E-mail is not configured."_s, u"400"_s);
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
    auto answer = providers::send(request, m_retry);
    if (!answer) {
        log::warn("resend", u"Resend did not answer."_s);
        return fail(u"Resend did not answer: %1"_s.arg(answer.errorMessage()), u"502"_s,
                    answer.error().subject);
    }
    const QJsonObject reply = answer->json().toObject();
    if (!answer->ok()) {
        QString message = reply.value(u"message"_s).toString();
        if (message.isEmpty())
            message = QString::fromUtf8(answer->body.left(200)).trimmed();
        const QString name = reply.value(u"name"_s).toString();
        log::warn("resend", u"Resend refused an e-mail."_s,
                  {{u"status"_s, answer->status},
                   {u"resend_error"_s, name},
                   {u"resend_message"_s, message},
                   {u"attempts"_s, answer->attempts}});
        return fail(u"Resend answered %1 (%2): %3"_s.arg(answer->status).arg(name, message),
                    u"502"_s, QString::number(answer->status));
    }
    const QString id = reply.value(u"id"_s).toString();
    if (id.isEmpty())
        return fail(u"Resend answered without an e-mail id."_s, u"502"_s,
                    QString::number(answer->status));
    return id;
}

} // namespace vox::server::providers
