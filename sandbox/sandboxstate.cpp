#include "sandbox/sandboxstate.h"

#include "core/crypto/securerandom.h"
#include "server/http/jsonbody.h"

#include <QThread>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace vox::sandbox {

QJsonObject RecordedRequest::toJson() const
{
    QJsonObject headerObject;
    for (auto it = headers.cbegin(); it != headers.cend(); ++it)
        headerObject.insert(QString::fromLatin1(it.key()), QString::fromUtf8(it.value()));
    return {{u"sequence"_s, sequence},
            {u"provider"_s, provider},
            {u"method"_s, method},
            {u"path"_s, path},
            {u"query"_s, query},
            {u"headers"_s, headerObject},
            {u"body"_s, QString::fromUtf8(body)},
            {u"at"_s, at.toString(Qt::ISODateWithMs)}};
}

void SandboxState::route(Router &router, const QByteArray &method, const QString &pattern,
                         const QString &provider, Handler handler)
{
    router.add(method, pattern, http::Auth::Public,
               [this, provider, handler = std::move(handler)](Context &context) -> http::Reply {
                   const http::Request &request = context.request;
                   {
                       QMutexLocker locker(&m_logMutex);
                       RecordedRequest r;
                       r.sequence = ++m_sequence;
                       r.provider = provider;
                       r.method = QString::fromLatin1(request.method);
                       r.path = request.path;
                       r.query = request.query.toString(QUrl::FullyDecoded);
                       r.headers = request.headers;
                       r.body = request.body;
                       r.at = QDateTime::currentDateTimeUtc();
                       m_requests.append(std::move(r));
                   }
                   if (const auto failure = takeFailure(provider, request)) {
                       if (failure->delayMs > 0)
                           QThread::msleep(ulong(failure->delayMs));
                       if (failure->status == 0 ||
                           (failure->status >= 200 && failure->status < 300))
                           return handler(context);
                       if (failure->actFirst)
                           (void)handler(context);
                       QJsonObject body = failure->body;
                       if (body.isEmpty())
                           body = {{u"error"_s, u"Injected failure"_s},
                                   {u"message"_s, u"Injected failure"_s},
                                   {u"status"_s, failure->status}};
                       return http::Response::json(body, failure->status);
                   }
                   return handler(context);
               });
}

std::optional<Failure> SandboxState::takeFailure(const QString &provider,
                                                 const http::Request &request)
{
    QMutexLocker locker(&m_logMutex);
    for (qsizetype i = 0; i < m_failures.size(); ++i) {
        Failure &f = m_failures[i];
        if (f.provider != provider)
            continue;
        if (!f.method.isEmpty() && f.method.toLatin1() != request.method)
            continue;
        if (!f.pathPrefix.isEmpty() && !request.path.startsWith(f.pathPrefix))
            continue;
        const Failure taken = f;
        if (--f.remaining <= 0)
            m_failures.removeAt(i);
        return taken;
    }
    return std::nullopt;
}

QJsonArray SandboxState::requests(const QString &provider) const
{
    QJsonArray out;
    for (const RecordedRequest &r : recorded(provider))
        out.append(r.toJson());
    return out;
}

QList<RecordedRequest> SandboxState::recorded(const QString &provider) const
{
    QMutexLocker locker(&m_logMutex);
    if (provider.isEmpty())
        return m_requests;
    QList<RecordedRequest> out;
    for (const RecordedRequest &r : m_requests) {
        if (r.provider == provider)
            out.append(r);
    }
    return out;
}

void SandboxState::clearRequests()
{
    QMutexLocker locker(&m_logMutex);
    m_requests.clear();
}

void SandboxState::addFailure(const Failure &failure)
{
    QMutexLocker locker(&m_logMutex);
    m_failures.append(failure);
}

void SandboxState::clearFailures()
{
    QMutexLocker locker(&m_logMutex);
    m_failures.clear();
}

QString SandboxState::twilioSid(const QString &prefix)
{
    return prefix + QString::fromLatin1(crypto::randomBytes(16).toHex());
}

QString SandboxState::uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

void SandboxState::registerControl(Router &router)
{
    router.get(u"/_sandbox/requests"_s, http::Auth::Public, [this](Context &c) {
        return http::Response::json(requests(c.request.queryValue(u"provider"_s)));
    });
    router.del(u"/_sandbox/requests"_s, http::Auth::Public, [this](Context &) {
        clearRequests();
        return http::Response::json(QJsonObject{{u"cleared"_s, true}});
    });
    router.post(u"/_sandbox/failures"_s, http::Auth::Public, [this](Context &c) -> http::Reply {
        auto body = http::JsonBody::parse(c.request);
        if (!body)
            return body.error();
        auto provider =
            body->requiredEnum(u"provider"_s, {u"vapi"_s, u"twilio"_s, u"google"_s, u"resend"_s});
        auto status = body->optionalInt(u"status"_s, 100, 599);
        auto count = body->optionalInt(u"count"_s, 1, 1000);
        auto delay = body->optionalInt(u"delay_ms"_s, 0, 120000);
        auto method = body->optionalString(u"method"_s, 10);
        auto path = body->optionalString(u"path_prefix"_s, 500);
        for (const Error *e :
             {provider ? nullptr : &provider.error(), status ? nullptr : &status.error(),
              count ? nullptr : &count.error(), delay ? nullptr : &delay.error(),
              method ? nullptr : &method.error(), path ? nullptr : &path.error()}) {
            if (e)
                return *e;
        }
        Failure f;
        f.provider = *provider;
        f.status = int(status->value_or(503));
        f.remaining = int(count->value_or(1));
        f.delayMs = int(delay->value_or(0));
        f.method = method->value_or(QString()).toUpper();
        f.pathPrefix = path->value_or(QString());
        f.body = body->object().value(u"body"_s).toObject();
        addFailure(f);
        return http::Response::json(QJsonObject{{u"queued"_s, true}}, 201);
    });
    router.del(u"/_sandbox/failures"_s, http::Auth::Public, [this](Context &) {
        clearFailures();
        return http::Response::json(QJsonObject{{u"cleared"_s, true}});
    });
}

} // namespace vox::sandbox
