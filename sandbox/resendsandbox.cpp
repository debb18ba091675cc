#include "sandbox/resendsandbox.h"

#include <QDateTime>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace vox::sandbox {

namespace {

http::Response resendError(int status, const QString &name, const QString &message)
{
    return http::Response::json(
        {{u"statusCode"_s, status}, {u"message"_s, message}, {u"name"_s, name}}, status);
}

} // namespace

void ResendSandbox::registerRoutes(Router &router)
{
    m_state.route(router, "POST", u"/resend/emails"_s, u"resend"_s, [this](Context &c) {
        const QByteArray header = c.request.header("authorization");
        if (!header.startsWith("Bearer ") || header.size() <= 7)
            return resendError(401, u"missing_api_key"_s,
                               u"Missing API key in the authorization header. Include the "
                               "following header in the request: Authorization: Bearer "
                               "YOUR_API_KEY"_s);
        const QString key = QString::fromLatin1(header.mid(7).trimmed());
        {
            QMutexLocker locker(&m_state.mutex());
            if (!key.startsWith(u"re_"_s) || m_revoked.contains(key))
                return resendError(403, u"invalid_api_key"_s, u"API key is invalid"_s);
        }
        const QJsonDocument doc = QJsonDocument::fromJson(c.request.body);
        if (!doc.isObject())
            return resendError(422, u"validation_error"_s, u"Invalid JSON body."_s);
        const QJsonObject email = doc.object();
        for (const QString &field : {u"from"_s, u"to"_s, u"subject"_s}) {
            const QJsonValue v = email.value(field);
            if ((v.isString() && v.toString().isEmpty()) || (!v.isString() && !v.isArray()))
                return resendError(422, u"missing_required_field"_s,
                                   u"Missing `%1` field."_s.arg(field));
        }
        if (email.value(u"html"_s).toString().isEmpty() &&
            email.value(u"text"_s).toString().isEmpty() && !email.contains(u"template"_s))
            return resendError(422, u"missing_required_field"_s,
                               u"Missing `html` or `text` field."_s);
        const QString idempotency = QString::fromUtf8(c.request.header("idempotency-key"));
        QMutexLocker locker(&m_state.mutex());
        if (!idempotency.isEmpty() && m_idempotency.contains(idempotency))
            return http::Response::json(QJsonObject{{u"id"_s, m_idempotency.value(idempotency)}});
        const QString id = SandboxState::uuid();
        QJsonObject stored = email;
        stored.insert(u"id"_s, id);
        stored.insert(u"created_at"_s, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        m_emails.append(stored);
        if (!idempotency.isEmpty())
            m_idempotency.insert(idempotency, id);
        return http::Response::json(QJsonObject{{u"id"_s, id}});
    });

    router.get(u"/_sandbox/resend/emails"_s, http::Auth::Public,
               [this](Context &) { return http::Response::json(emails()); });
}

QJsonArray ResendSandbox::emails() const
{
    QMutexLocker locker(&m_state.mutex());
    return m_emails;
}

void ResendSandbox::revokeKey(const QString &apiKey)
{
    QMutexLocker locker(&m_state.mutex());
    m_revoked.insert(apiKey);
}

} // namespace vox::sandbox
