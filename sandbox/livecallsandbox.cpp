#include "sandbox/livecallsandbox.h"

#include "sandbox/callsimulator.h"
#include "sandbox/speechtrack.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutexLocker>
#include <QThreadPool>
#include <QTimer>
#include <QWebSocket>

#include <mutex>

using namespace Qt::Literals::StringLiterals;

namespace vox::sandbox {

namespace vm = vapimessages;

namespace {

http::Response vapiError(int status, const QString &message)
{
    return http::Response::json({{u"message"_s, message},
                                 {u"error"_s, QString::fromLatin1(http::reasonPhrase(status))},
                                 {u"statusCode"_s, status}},
                                status);
}

// Why a control message is not one of ClientInboundMessage*; empty when it is.
QString problemOf(const QJsonObject &body)
{
    const QString type = body.value(u"type"_s).toString();
    if (type == u"say") {
        if (body.value(u"content"_s).toString().isEmpty())
            return u"content must be a string"_s;
        if (body.contains(u"endCallAfterSpoken"_s) && !body.value(u"endCallAfterSpoken"_s).isBool())
            return u"endCallAfterSpoken must be a boolean value"_s;
        return {};
    }
    if (type == u"add-message") {
        const QJsonObject message = body.value(u"message"_s).toObject();
        if (message.value(u"role"_s).toString().isEmpty() ||
            message.value(u"content"_s).toString().isEmpty())
            return u"message must have a role and content"_s;
        return {};
    }
    if (type == u"control") {
        static const QStringList controls{u"mute-assistant"_s, u"unmute-assistant"_s,
                                          u"mute-customer"_s, u"unmute-customer"_s,
                                          u"say-first-message"_s};
        if (!controls.contains(body.value(u"control"_s).toString()))
            return u"control must be one of the following values: "_s + controls.join(u", "_s);
        return {};
    }
    if (type == u"end-call")
        return {};
    if (type == u"transfer") {
        const QJsonObject destination = body.value(u"destination"_s).toObject();
        if (destination.value(u"type"_s).toString() != u"number" ||
            !destination.value(u"number"_s).toString().startsWith(u'+'))
            return u"destination must be a number destination"_s;
        return {};
    }
    return u"type must be one of say, add-message, control, end-call, transfer, "
           "send-transport-message"_s;
}

constexpr int listenSampleRate = 16000;
constexpr int listenChannels = 2;
constexpr int listenFrameMs = 20;
constexpr qsizetype bytesPerFrame = listenSampleRate * listenChannels * 2 * listenFrameMs / 1000;

// What every live call sounds like: a short exchange read by two synthetic voices, made once.
const Result<QByteArray> &liveSound()
{
    static std::once_flag once;
    static Result<QByteArray> sound = QByteArray();
    std::call_once(once, [] {
        const QList<speech::SpokenLine> lines{
            {u"assistant"_s, u"Good morning, thank you for calling. How can I help you today?"_s,
             0.3},
            {u"user"_s, u"Hi, I would like to book a cleaning for next week, if you have time."_s,
             4.5},
            {u"assistant"_s,
             u"Of course. I have Tuesday at ten or Thursday at two. Which "
             "suits you better?"_s,
             9.0},
            {u"user"_s, u"Thursday at two works well for me, thank you."_s, 14.0},
        };
        sound = speech::liveStereo(lines, listenSampleRate);
    });
    return sound;
}

// The call a listen path names (/vapi-live/:call/listen).
QString callOfListenPath(const QString &path)
{
    const QStringList parts = path.split(u'/');
    return parts.size() == 4 ? parts.at(2) : QString();
}

} // namespace

QByteArray LiveCallSandbox::streamedSound()
{
    const Result<QByteArray> &sound = liveSound();
    return sound ? *sound : QByteArray();
}

QString LiveCallSandbox::listenPath()
{
    return u"/vapi-live/*/listen"_s;
}

QList<QByteArray> LiveCallSandbox::listenAuthorizations(const QString &callId) const
{
    QMutexLocker locker(&m_state.mutex());
    return m_calls.value(callId).listenAuthorizations;
}

int LiveCallSandbox::openListenSockets(const QString &callId) const
{
    QMutexLocker locker(&m_state.mutex());
    return int(m_listening.value(callId).size());
}

void LiveCallSandbox::dropListenSockets(const QString &callId, bool abruptly)
{
    QMutexLocker locker(&m_state.mutex());
    for (QWebSocket *socket : m_listening.value(callId)) {
        // Queued onto the socket's own thread, never run here under the lock (closing takes it);
        // a socket deleted first takes the call with it.
        QMetaObject::invokeMethod(
            socket,
            [socket, abruptly] {
                if (abruptly)
                    socket->abort();
                else
                    socket->close(QWebSocketProtocol::CloseCodeBadOperation, u"Internal error"_s);
            },
            Qt::QueuedConnection);
    }
}

void LiveCallSandbox::listen(std::unique_ptr<QWebSocket> upgraded)
{
    QWebSocket *socket = upgraded.release();
    const QString listenedCall = callOfListenPath(socket->requestUrl().path());
    QObject::connect(socket, &QWebSocket::disconnected, socket, [this, socket, listenedCall] {
        {
            QMutexLocker locker(&m_state.mutex());
            if (auto it = m_listening.find(listenedCall); it != m_listening.end()) {
                it->removeOne(socket);
                if (it->isEmpty())
                    m_listening.erase(it);
            }
        }
        socket->deleteLater();
    });
    const QString callId = callOfListenPath(socket->requestUrl().path());
    const QByteArray auth = socket->request().rawHeader("Authorization");
    {
        QMutexLocker locker(&m_state.mutex());
        auto it = m_calls.find(callId);
        if (it == m_calls.end() || it->ended) {
            locker.unlock();
            socket->close(QWebSocketProtocol::CloseCodePolicyViolated, u"Call not found"_s);
            return;
        }
        it->listenAuthorizations.append(auth);
        m_listening[callId].append(socket);
    }
    // Listening is authenticated (monitorPlan.listenAuthenticationEnabled).
    if (!auth.startsWith("Bearer ") || auth.size() <= 7) {
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, u"Unauthorized"_s);
        return;
    }
    const Result<QByteArray> &sound = liveSound();
    if (!sound || sound->isEmpty()) {
        // Never silence: a listener hears the call or is told why not.
        socket->close(QWebSocketProtocol::CloseCodeAbnormalDisconnection,
                      sound ? u"No sound"_s : sound.errorMessage().left(120));
        return;
    }
    socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(QJsonObject{{u"type"_s, u"start"_s},
                                                    {u"encoding"_s, u"pcm_s16le"_s},
                                                    {u"sampleRate"_s, listenSampleRate},
                                                    {u"channels"_s, listenChannels}})
                              .toJson(QJsonDocument::Compact)));
    auto *timer = new QTimer(socket);
    auto clock = std::make_shared<QElapsedTimer>();
    auto sent = std::make_shared<qint64>(0);
    clock->start();
    QObject::connect(timer, &QTimer::timeout, socket, [this, socket, timer, clock, sent, callId] {
        if (hasEnded(callId)) {
            timer->stop();
            socket->close(QWebSocketProtocol::CloseCodeNormal, u"Call ended"_s);
            return;
        }
        const QByteArray &pcm = *liveSound();
        // As many frames as real time has played, so the stream neither lags nor races.
        const qint64 due = clock->elapsed() / listenFrameMs;
        for (; *sent < due; ++*sent) {
            const qsizetype at =
                (*sent * bytesPerFrame) % (pcm.size() - pcm.size() % bytesPerFrame);
            socket->sendBinaryMessage(pcm.mid(at, bytesPerFrame));
        }
    });
    timer->start(listenFrameMs);
}

void LiveCallSandbox::registerRoutes(Router &router)
{
    m_state.route(router, "POST", u"/vapi-live/:call/control"_s, u"vapi"_s, [this](Context &c) {
        const QByteArray auth = c.request.header("authorization");
        if (!auth.startsWith("Bearer ") || auth.size() <= 7)
            return vapiError(401, u"Unauthorized"_s);
        const QJsonDocument doc = QJsonDocument::fromJson(c.request.body);
        if (!doc.isObject())
            return vapiError(400, u"Body must be a JSON object"_s);
        return control(c.request.param(u"call"_s), doc.object());
    });
    router.post(u"/_sandbox/vapi-live"_s, http::Auth::Public, [this](Context &c) {
        const QJsonObject body = QJsonDocument::fromJson(c.request.body).object();
        const QJsonObject call = body.value(u"call"_s).toObject();
        const QString serverUrl = body.value(u"serverUrl"_s).toString();
        if (call.value(u"id"_s).toString().isEmpty() || serverUrl.isEmpty())
            return vapiError(400, u"Send {call: {id, ...}, serverUrl, headers}."_s);
        vm::CallInfo info;
        info.id = call.value(u"id"_s).toString();
        info.assistantId = call.value(u"assistantId"_s).toString();
        info.phoneNumberId = call.value(u"phoneNumberId"_s).toString();
        info.clinicNumber = call.value(u"clinicNumber"_s).toString();
        info.customerNumber = call.value(u"customerNumber"_s).toString();
        info.customerName = call.value(u"customerName"_s).toString();
        info.createdAt = QDateTime::fromString(call.value(u"createdAt"_s).toString(), Qt::ISODate);
        info.startedAt = QDateTime::fromString(call.value(u"startedAt"_s).toString(), Qt::ISODate);
        info.monitorBase = call.value(u"monitorBase"_s).toString();
        QHash<QByteArray, QByteArray> headers;
        const QJsonObject given = body.value(u"headers"_s).toObject();
        for (auto it = given.begin(); it != given.end(); ++it)
            headers.insert(it.key().toLower().toUtf8(), it.value().toString().toUtf8());
        add(info, serverUrl, headers);
        return http::Response::json(QJsonObject{{u"id"_s, info.id}}, 201);
    });
    // What the player says on the call, so a report the control endpoint makes has it; the
    // answer tells the player whether the call was ended meanwhile (it then stops).
    router.post(u"/_sandbox/vapi-live/:call/said"_s, http::Auth::Public, [this](Context &c) {
        const QString id = c.request.param(u"call"_s);
        const QJsonObject body = QJsonDocument::fromJson(c.request.body).object();
        QMutexLocker locker(&m_state.mutex());
        auto it = m_calls.find(id);
        if (it == m_calls.end())
            return vapiError(404, u"Call not found"_s);
        if (!it->ended) {
            vm::Turn line;
            line.kind = body.value(u"role"_s).toString() == u"user" ? vm::Turn::Kind::User
                                                                    : vm::Turn::Kind::Bot;
            line.text = body.value(u"text"_s).toString();
            line.secondsFromStart = body.value(u"secondsFromStart"_s).toDouble();
            it->said.append(line);
        }
        return http::Response::json(QJsonObject{{u"ended"_s, it->ended}});
    });
    router.get(u"/_sandbox/vapi-live/:call"_s, http::Auth::Public, [this](Context &c) {
        const QString id = c.request.param(u"call"_s);
        QMutexLocker locker(&m_state.mutex());
        if (!m_calls.contains(id))
            return vapiError(404, u"Call not found"_s);
        QJsonArray controls;
        for (const QJsonObject &control : m_calls.value(id).controls)
            controls.append(control);
        return http::Response::json(
            QJsonObject{{u"ended"_s, m_calls.value(id).ended}, {u"controls"_s, controls}});
    });
}

void LiveCallSandbox::add(const vm::CallInfo &call, const QString &serverUrl,
                          const QHash<QByteArray, QByteArray> &headers)
{
    QMutexLocker locker(&m_state.mutex());
    Call &c = m_calls[call.id];
    c.info = call;
    c.serverUrl = serverUrl;
    c.headers = headers;
}

bool LiveCallSandbox::hasEnded(const QString &callId) const
{
    QMutexLocker locker(&m_state.mutex());
    return m_calls.value(callId).ended;
}

QList<QJsonObject> LiveCallSandbox::controls(const QString &callId) const
{
    QMutexLocker locker(&m_state.mutex());
    return m_calls.value(callId).controls;
}

http::Response LiveCallSandbox::control(const QString &callId, const QJsonObject &body)
{
    if (const QString problem = problemOf(body); !problem.isEmpty())
        return vapiError(400, problem);
    Call call;
    {
        QMutexLocker locker(&m_state.mutex());
        auto it = m_calls.find(callId);
        if (it == m_calls.end())
            return vapiError(404, u"Call not found"_s);
        if (it->ended)
            return vapiError(400, u"Call has ended"_s);
        it->controls.append(body);
        const QString type = body.value(u"type"_s).toString();
        if (type == u"end-call" || type == u"transfer" ||
            (type == u"say" && body.value(u"endCallAfterSpoken"_s).toBool()))
            it->ended = true;
        call = *it;
    }
    const QString type = body.value(u"type"_s).toString();
    // Vapi answers at once and acts on the call while it goes on.
    QThreadPool::globalInstance()->start([this, call, body, type] {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const auto send = [&call](const QJsonObject &message) {
            CallSimulator::post(call.serverUrl, QString(), call.headers, message);
        };
        if (type == u"say") {
            vm::Turn line;
            line.kind = vm::Turn::Kind::Bot;
            line.text = body.value(u"content"_s).toString();
            line.secondsFromStart = call.info.startedAt.isValid()
                                        ? double(call.info.startedAt.msecsTo(now)) / 1000.0
                                        : 0;
            send(vm::speechUpdate(call.info, u"assistant"_s, u"started"_s, now, 0));
            send(vm::transcript(call.info, u"assistant"_s, line.text, now.addMSecs(500), true));
            send(vm::speechUpdate(call.info, u"assistant"_s, u"stopped"_s, now.addMSecs(600), 0));
            {
                QMutexLocker locker(&m_state.mutex());
                m_calls[call.info.id].said.append(line);
            }
            if (body.value(u"endCallAfterSpoken"_s).toBool())
                endCall(call, u"assistant-said-end-call-phrase"_s, {});
        } else if (type == u"end-call") {
            endCall(call, u"assistant-ended-call"_s, {});
        } else if (type == u"transfer") {
            QJsonObject destination = body.value(u"destination"_s).toObject();
            send(vm::transferUpdate(call.info, destination, now));
            endCall(call, u"assistant-forwarded-call"_s, destination);
        }
    });
    return http::Response::json(QJsonObject{{u"success"_s, true}});
}

void LiveCallSandbox::endCall(Call call, const QString &endedReason, const QJsonObject &destination)
{
    {
        QMutexLocker locker(&m_state.mutex());
        call.said = m_calls.value(call.info.id).said;
    }
    call.info.endedAt = QDateTime::currentDateTimeUtc();
    if (!call.info.startedAt.isValid())
        call.info.startedAt = call.info.endedAt.addSecs(-30);
    const auto send = [&call](const QJsonObject &message) {
        CallSimulator::post(call.serverUrl, QString(), call.headers, message);
    };
    send(vm::statusUpdate(call.info, u"ended"_s, call.info.endedAt, endedReason));
    vm::Report report;
    report.turns = call.said;
    report.endedReason = endedReason;
    report.destination = destination;
    report.summary = endedReason == u"assistant-forwarded-call"
                         ? u"The clinic transferred the call from the console."_s
                         : u"The clinic ended the call from the console."_s;
    send(vm::endOfCallReport(call.info, report));
}

} // namespace vox::sandbox
