#include "sandbox/vapisandbox.h"

#include "sandbox/callsimulator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QThreadPool>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace vox::sandbox {

namespace {

const QString vapiOrgId = u"5a1d0b0e-0000-4000-8000-00000000beef"_s;

http::Response vapiError(int status, const QString &message)
{
    return http::Response::json({{u"message"_s, message},
                                 {u"error"_s, QString::fromLatin1(http::reasonPhrase(status))},
                                 {u"statusCode"_s, status}},
                                status);
}

std::optional<http::Response> requireKey(const http::Request &request)
{
    const QByteArray auth = request.header("authorization");
    if (!auth.startsWith("Bearer ") || auth.size() <= 7)
        return vapiError(401, u"Unauthorized"_s);
    return std::nullopt;
}

std::optional<QJsonObject> jsonBody(const http::Request &request)
{
    const QJsonDocument doc = QJsonDocument::fromJson(request.body);
    if (!doc.isObject())
        return std::nullopt;
    return doc.object();
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

std::optional<QString> validateTool(const QJsonObject &tool)
{
    static const QStringList types{u"function"_s,
                                   u"apiRequest"_s,
                                   u"code"_s,
                                   u"dtmf"_s,
                                   u"endCall"_s,
                                   u"transferCall"_s,
                                   u"handoff"_s,
                                   u"query"_s,
                                   u"google.calendar.event.create"_s,
                                   u"google.calendar.availability.check"_s};
    const QString type = tool.value(u"type"_s).toString();
    if (!types.contains(type))
        return u"type must be one of the following values: "_s + types.join(u", "_s);
    if (type == u"function") {
        const QString name = tool.value(u"function"_s).toObject().value(u"name"_s).toString();
        static const QRegularExpression valid(u"^[a-zA-Z0-9_-]{1,64}$"_s);
        if (!valid.match(name).hasMatch())
            return u"function.name must be a-z, A-Z, 0-9, underscores or dashes, max 64"_s;
    }
    return std::nullopt;
}

std::optional<QString> validateAssistant(const QJsonObject &assistant)
{
    if (assistant.contains(u"model"_s)) {
        const QJsonObject model = assistant.value(u"model"_s).toObject();
        if (model.value(u"provider"_s).toString().isEmpty())
            return u"model.provider must be a valid enum value"_s;
        if (model.value(u"model"_s).toString().isEmpty())
            return u"model.model should not be empty"_s;
    }
    return std::nullopt;
}

} // namespace

void VapiSandbox::collection(Router &router, const QString &path, Collection VapiSandbox::*store,
                             const Validate &validate, const Decorate &onCreate)
{
    const QString base = u"/vapi/"_s + path;
    const QString label =
        path == u"phone-number" ? u"Phone Number"_s : path.left(1).toUpper() + path.mid(1);
    m_state.route(router, "POST", base, u"vapi"_s, [=, this](Context &c) {
        if (auto denied = requireKey(c.request))
            return *denied;
        auto body = jsonBody(c.request);
        if (!body)
            return vapiError(400, u"Body must be a JSON object"_s);
        if (auto problem = validate(*body))
            return vapiError(400, *problem);
        QJsonObject item = *body;
        item.insert(u"id"_s, SandboxState::uuid());
        item.insert(u"orgId"_s, vapiOrgId);
        item.insert(u"createdAt"_s, now());
        item.insert(u"updatedAt"_s, now());
        if (onCreate)
            onCreate(item);
        QMutexLocker locker(&m_state.mutex());
        (this->*store).insert(item.value(u"id"_s).toString(), item);
        return http::Response::json(item, 201);
    });
    m_state.route(router, "GET", base, u"vapi"_s, [=, this](Context &c) {
        if (auto denied = requireKey(c.request))
            return *denied;
        // As Vapi lists: newest first, `limit` of them (100 unless asked), within the
        // createdAt bounds given (ISO 8601 with milliseconds compares as text).
        bool numeric = false;
        int limit = c.request.queryValue(u"limit"_s).toInt(&numeric);
        if (!numeric || limit <= 0)
            limit = 100;
        limit = std::min(limit, 1000);
        QList<QJsonObject> items;
        {
            QMutexLocker locker(&m_state.mutex());
            for (const QJsonObject &item : std::as_const(this->*store))
                items << item;
        }
        const auto created = [](const QJsonObject &o) {
            return o.value(u"createdAt"_s).toString();
        };
        std::sort(items.begin(), items.end(), [&](const QJsonObject &a, const QJsonObject &b) {
            return created(a) != created(b)
                       ? created(a) > created(b)
                       : a.value(u"id"_s).toString() > b.value(u"id"_s).toString();
        });
        const auto bound = [&c](const QString &name) { return c.request.queryValue(name); };
        QJsonArray page;
        for (const QJsonObject &item : std::as_const(items)) {
            const QString at = created(item);
            if ((!bound(u"createdAtLt"_s).isEmpty() && !(at < bound(u"createdAtLt"_s))) ||
                (!bound(u"createdAtLe"_s).isEmpty() && !(at <= bound(u"createdAtLe"_s))) ||
                (!bound(u"createdAtGt"_s).isEmpty() && !(at > bound(u"createdAtGt"_s))) ||
                (!bound(u"createdAtGe"_s).isEmpty() && !(at >= bound(u"createdAtGe"_s))))
                continue;
            page.append(item);
            if (page.size() == limit)
                break;
        }
        return http::Response::json(page);
    });
    m_state.route(router, "GET", base + u"/:id"_s, u"vapi"_s, [=, this](Context &c) {
        if (auto denied = requireKey(c.request))
            return *denied;
        QMutexLocker locker(&m_state.mutex());
        const auto it = (this->*store).constFind(c.request.param(u"id"_s));
        if (it == (this->*store).cend())
            return vapiError(404, u"Couldn't Get %1. Not Found."_s.arg(label));
        return http::Response::json(*it);
    });
    m_state.route(router, "PATCH", base + u"/:id"_s, u"vapi"_s, [=, this](Context &c) {
        if (auto denied = requireKey(c.request))
            return *denied;
        auto body = jsonBody(c.request);
        if (!body)
            return vapiError(400, u"Body must be a JSON object"_s);
        if (auto problem = validate(*body))
            return vapiError(400, *problem);
        QMutexLocker locker(&m_state.mutex());
        auto it = (this->*store).find(c.request.param(u"id"_s));
        if (it == (this->*store).end())
            return vapiError(404, u"Couldn't Update %1. Not Found."_s.arg(label));
        // Top-level fields are replaced whole, `model` included.
        for (auto field = body->begin(); field != body->end(); ++field) {
            if (field.key() != u"id" && field.key() != u"orgId" && field.key() != u"createdAt")
                it->insert(field.key(), field.value());
        }
        it->insert(u"updatedAt"_s, now());
        return http::Response::json(*it);
    });
    m_state.route(router, "DELETE", base + u"/:id"_s, u"vapi"_s, [=, this](Context &c) {
        if (auto denied = requireKey(c.request))
            return *denied;
        QMutexLocker locker(&m_state.mutex());
        const QJsonObject removed = (this->*store).take(c.request.param(u"id"_s));
        if (removed.isEmpty())
            return vapiError(404, u"Couldn't Delete %1. Not Found."_s.arg(label));
        return http::Response::json(removed);
    });
}

void VapiSandbox::registerRoutes(Router &router)
{
    collection(router, u"tool"_s, &VapiSandbox::m_tools, validateTool);
    collection(router, u"assistant"_s, &VapiSandbox::m_assistants, validateAssistant);
    collection(router, u"credential"_s, &VapiSandbox::m_credentials,
               [](const QJsonObject &c) -> std::optional<QString> {
                   if (c.value(u"provider"_s).toString() != u"twilio")
                       return u"provider must be a supported credential provider"_s;
                   if (c.value(u"accountSid"_s).toString().isEmpty() ||
                       c.value(u"authToken"_s).toString().isEmpty())
                       return u"accountSid and authToken are required for twilio"_s;
                   return std::nullopt;
               });
    collection(router, u"phone-number"_s, &VapiSandbox::m_phoneNumbers,
               [this](const QJsonObject &p) -> std::optional<QString> {
                   if (p.contains(u"provider"_s) && p.value(u"provider"_s).toString() != u"twilio")
                       return u"only twilio numbers are simulated"_s;
                   if (p.contains(u"provider"_s) &&
                       (p.value(u"number"_s).toString().isEmpty() ||
                        p.value(u"twilioAccountSid"_s).toString().isEmpty()))
                       return u"number and twilioAccountSid are required"_s;
                   const QString assistant = p.value(u"assistantId"_s).toString();
                   QMutexLocker locker(&m_state.mutex());
                   if (!assistant.isEmpty() && !m_assistants.contains(assistant))
                       return u"assistantId does not exist"_s;
                   return std::nullopt;
               });
    collection(
        router, u"call"_s, &VapiSandbox::m_calls,
        [this](const QJsonObject &call) -> std::optional<QString> {
            if (call.contains(u"status"_s))
                return std::nullopt; // a PATCH from the simulator
            QMutexLocker locker(&m_state.mutex());
            if (!m_assistants.contains(call.value(u"assistantId"_s).toString()))
                return u"Couldn't Get Assistant. `assistantId` Not Found."_s;
            if (!m_phoneNumbers.contains(call.value(u"phoneNumberId"_s).toString()))
                return u"Couldn't Get Phone Number. `phoneNumberId` Not Found."_s;
            if (call.value(u"customer"_s).toObject().value(u"number"_s).toString().size() < 3)
                return u"customer.number must be longer than or equal to 3 characters"_s;
            return std::nullopt;
        },
        [this](QJsonObject &call) {
            call.insert(u"type"_s, u"outboundPhoneCall"_s);
            call.insert(u"status"_s, u"queued"_s);
            if (m_simulateOutbound.load())
                simulateOutbound(call);
        });
    router.post(u"/_sandbox/vapi/simulate-outbound"_s, http::Auth::Public, [this](Context &c) {
        const auto body = jsonBody(c.request);
        if (!body || !body->value(u"enabled"_s).isBool())
            return vapiError(400, u"Send {\"enabled\": true|false}."_s);
        setSimulateOutboundCalls(body->value(u"enabled"_s).toBool());
        return http::Response::json(QJsonObject{{u"enabled"_s, simulatesOutboundCalls()}});
    });
}

void VapiSandbox::simulateOutbound(const QJsonObject &call)
{
    QJsonObject server;
    QString ownUrl;
    {
        QMutexLocker locker(&m_state.mutex());
        ownUrl = m_ownUrl;
        server = m_assistants.value(call.value(u"assistantId"_s).toString())
                     .value(u"server"_s)
                     .toObject();
    }
    const QString url = server.value(u"url"_s).toString();
    if (url.isEmpty())
        return; // Vapi too sends nothing when the assistant has no server URL
    QHash<QByteArray, QByteArray> headers;
    const QJsonObject given = server.value(u"headers"_s).toObject();
    for (auto it = given.begin(); it != given.end(); ++it)
        headers.insert(it.key().toLower().toUtf8(), it.value().toString().toUtf8());
    ++m_outboundInFlight;
    // Vapi answers POST /call at once and calls the webhooks while the call goes on.
    QThreadPool::globalInstance()->start([this, call, url, headers, ownUrl] {
        CallSimulator::playOutbound(call, url, headers, ownUrl);
        --m_outboundInFlight;
    });
}

QJsonObject VapiSandbox::assistant(const QString &id) const
{
    QMutexLocker locker(&m_state.mutex());
    return m_assistants.value(id);
}

QJsonObject VapiSandbox::call(const QString &id) const
{
    QMutexLocker locker(&m_state.mutex());
    return m_calls.value(id);
}

} // namespace vox::sandbox
