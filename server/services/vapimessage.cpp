#include "server/services/vapimessage.h"

#include "core/datetimerules.h"
#include "server/http/response.h"

#include <QJsonDocument>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::vapi {

namespace {

QString firstString(std::initializer_list<QJsonValue> values)
{
    for (const QJsonValue &v : values) {
        if (v.isString() && !v.toString().trimmed().isEmpty())
            return v.toString().trimmed();
    }
    return {};
}

} // namespace

QDateTime parseTime(const QJsonValue &value)
{
    if (value.isDouble()) {
        const double ms = value.toDouble();
        // Beyond 2^53 a double no longer counts milliseconds, and the conversion below would be
        // undefined behaviour for the huge values a forged message can carry.
        if (!(ms > 0 && ms <= 9007199254740992.0))
            return {};
        const QDateTime dt = QDateTime::fromMSecsSinceEpoch(qint64(ms), QTimeZone::utc());
        return datetimerules::isStorable(dt) ? dt : QDateTime();
    }
    if (value.isString()) {
        // Vapi writes UTC; a missing Z is still UTC.
        auto dt = datetimerules::parseInstant(value.toString(), u"time"_s, QTimeZone::utc());
        return dt ? *dt : QDateTime();
    }
    return {};
}

Result<Message> Message::parse(const QByteArray &body)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return http::status::badRequest(u"The body is not a JSON object."_s);
    const QJsonObject root = doc.object();
    const QJsonObject message = root.value(u"message"_s).toObject();
    if (message.value(u"type"_s).isString())
        return Message(message);
    if (root.value(u"type"_s).isString()) // a bare message, as some tools and tests send
        return Message(root);
    return http::status::badRequest(u"The body has no message.type."_s);
}

QString Message::type() const
{
    return m_message.value(u"type"_s).toString();
}

QJsonObject Message::call() const
{
    return m_message.value(u"call"_s).toObject();
}

QJsonObject Message::artifact() const
{
    const QJsonObject a = m_message.value(u"artifact"_s).toObject();
    return a.isEmpty() ? call().value(u"artifact"_s).toObject() : a;
}

QString Message::callId() const
{
    return firstString({call().value(u"id"_s), m_message.value(u"callId"_s)});
}

QString Message::assistantId() const
{
    return firstString({call().value(u"assistantId"_s),
                        m_message.value(u"assistant"_s).toObject().value(u"id"_s),
                        m_message.value(u"assistantId"_s)});
}

QString Message::phoneNumberId() const
{
    return firstString({call().value(u"phoneNumberId"_s),
                        m_message.value(u"phoneNumber"_s).toObject().value(u"id"_s),
                        call().value(u"phoneNumber"_s).toObject().value(u"id"_s)});
}

QString Message::customerNumber() const
{
    return firstString({m_message.value(u"customer"_s).toObject().value(u"number"_s),
                        call().value(u"customer"_s).toObject().value(u"number"_s)});
}

QString Message::customerName() const
{
    return firstString({m_message.value(u"customer"_s).toObject().value(u"name"_s),
                        call().value(u"customer"_s).toObject().value(u"name"_s)});
}

QString Message::clinicNumber() const
{
    return firstString({m_message.value(u"phoneNumber"_s).toObject().value(u"number"_s),
                        call().value(u"phoneNumber"_s).toObject().value(u"number"_s)});
}

QString Message::direction() const
{
    return call().value(u"type"_s).toString() == u"outboundPhoneCall" ? u"outbound"_s
                                                                      : u"inbound"_s;
}

QDateTime Message::timestamp() const
{
    return parseTime(m_message.value(u"timestamp"_s));
}

QDateTime Message::callCreatedAt() const
{
    return parseTime(call().value(u"createdAt"_s));
}

QDateTime Message::startedAt() const
{
    const QDateTime own = parseTime(m_message.value(u"startedAt"_s));
    return own.isValid() ? own : parseTime(call().value(u"startedAt"_s));
}

QDateTime Message::endedAt() const
{
    const QDateTime own = parseTime(m_message.value(u"endedAt"_s));
    return own.isValid() ? own : parseTime(call().value(u"endedAt"_s));
}

QString Message::status() const
{
    return m_message.value(u"status"_s).toString();
}

QString Message::endedReason() const
{
    return firstString({m_message.value(u"endedReason"_s), call().value(u"endedReason"_s)});
}

QString Message::transcript() const
{
    return firstString({artifact().value(u"transcript"_s), m_message.value(u"transcript"_s)});
}

QJsonArray Message::artifactMessages() const
{
    const QJsonArray fromArtifact = artifact().value(u"messages"_s).toArray();
    return fromArtifact.isEmpty() ? m_message.value(u"messages"_s).toArray() : fromArtifact;
}

QString Message::recordingUrl() const
{
    const QJsonObject a = artifact();
    const QJsonObject recording = a.value(u"recording"_s).toObject();
    return firstString({recording.value(u"mono"_s).toObject().value(u"combinedUrl"_s),
                        a.value(u"recordingUrl"_s), m_message.value(u"recordingUrl"_s),
                        recording.value(u"stereoUrl"_s), a.value(u"stereoRecordingUrl"_s)});
}

QString Message::stereoRecordingUrl() const
{
    const QJsonObject a = artifact();
    return firstString({a.value(u"recording"_s).toObject().value(u"stereoUrl"_s),
                        a.value(u"stereoRecordingUrl"_s),
                        m_message.value(u"stereoRecordingUrl"_s)});
}

QJsonObject Message::analysis() const
{
    const QJsonObject own = m_message.value(u"analysis"_s).toObject();
    return own.isEmpty() ? call().value(u"analysis"_s).toObject() : own;
}

QString Message::summary() const
{
    return firstString({analysis().value(u"summary"_s), m_message.value(u"summary"_s)});
}

QString Message::successEvaluation() const
{
    // A string in the spec even for true/false; older payloads sent a boolean or a number.
    const QJsonValue v = analysis().value(u"successEvaluation"_s);
    if (v.isBool())
        return v.toBool() ? u"true"_s : u"false"_s;
    if (v.isDouble())
        return QString::number(v.toDouble());
    return v.toString().trimmed();
}

QJsonObject Message::destination() const
{
    const QJsonObject own = m_message.value(u"destination"_s).toObject();
    return own.isEmpty() ? call().value(u"destination"_s).toObject() : own;
}

QList<ToolCall> Message::toolCalls() const
{
    QJsonArray list = m_message.value(u"toolCallList"_s).toArray();
    if (list.isEmpty()) {
        for (const QJsonValue &with : m_message.value(u"toolWithToolCallList"_s).toArray())
            list.append(with.toObject().value(u"toolCall"_s));
    }
    QList<ToolCall> out;
    for (const QJsonValue &item : std::as_const(list)) {
        const QJsonObject call = item.toObject();
        const QJsonObject function = call.value(u"function"_s).toObject();
        ToolCall tc;
        tc.id = call.value(u"id"_s).toString();
        tc.name = function.value(u"name"_s).toString();
        const QJsonValue args = function.value(u"arguments"_s);
        if (args.isObject()) {
            tc.arguments = args.toObject();
        } else if (args.isString()) {
            const QString text = args.toString().trimmed();
            if (!text.isEmpty()) {
                QJsonParseError error;
                const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
                if (error.error != QJsonParseError::NoError || !doc.isObject())
                    tc.argumentsError = u"the details were not readable"_s;
                else
                    tc.arguments = doc.object();
            }
        } else if (!args.isUndefined() && !args.isNull()) {
            tc.argumentsError = u"the details were not readable"_s;
        }
        out.append(tc);
    }
    return out;
}

QString Message::voxanneCallId() const
{
    return call()
        .value(u"assistantOverrides"_s)
        .toObject()
        .value(u"metadata"_s)
        .toObject()
        .value(u"voxanneCallId"_s)
        .toString();
}

QJsonArray normalizeMessages(const QJsonArray &vapiMessages)
{
    QJsonArray out;
    for (const QJsonValue &value : vapiMessages) {
        const QJsonObject m = value.toObject();
        const QString role = m.value(u"role"_s).toString();
        QJsonObject n;
        if (role == u"user") {
            n.insert(u"role"_s, u"user"_s);
            n.insert(u"message"_s, m.value(u"message"_s).toString());
        } else if (role == u"bot" || role == u"assistant") {
            n.insert(u"role"_s, u"assistant"_s);
            n.insert(u"message"_s, m.value(u"message"_s).toString());
        } else if (role == u"system") {
            n.insert(u"role"_s, u"system"_s);
            n.insert(u"message"_s, m.value(u"message"_s).toString());
        } else if (role == u"tool_calls") {
            n.insert(u"role"_s, u"tool"_s);
            QStringList names;
            QJsonArray calls;
            for (const QJsonValue &c : m.value(u"toolCalls"_s).toArray()) {
                const QJsonObject function = c.toObject().value(u"function"_s).toObject();
                names << function.value(u"name"_s).toString();
                QJsonValue args = function.value(u"arguments"_s);
                calls.append(QJsonObject{{u"id"_s, c.toObject().value(u"id"_s)},
                                         {u"name"_s, function.value(u"name"_s)},
                                         {u"arguments"_s, args}});
            }
            n.insert(u"message"_s, QString(u"Called "_s + names.join(u", "_s)));
            n.insert(u"tool_calls"_s, calls);
        } else if (role == u"tool_call_result") {
            n.insert(u"role"_s, u"tool"_s);
            n.insert(u"name"_s, m.value(u"name"_s));
            n.insert(u"tool_call_id"_s, m.value(u"toolCallId"_s));
            n.insert(u"message"_s, m.value(u"result"_s).toString());
        } else {
            continue;
        }
        n.insert(u"time"_s, m.value(u"time"_s));
        n.insert(u"seconds_from_start"_s, m.value(u"secondsFromStart"_s));
        out.append(n);
    }
    return out;
}

QString callerText(const QJsonArray &normalizedMessages, const QString &transcript)
{
    QStringList said;
    for (const QJsonValue &value : normalizedMessages) {
        const QJsonObject m = value.toObject();
        if (m.value(u"role"_s).toString() == u"user")
            said << m.value(u"message"_s).toString();
    }
    if (!said.isEmpty())
        return said.join(u'\n');
    for (const QString &line : transcript.split(u'\n')) {
        const QString t = line.trimmed();
        for (const QString &prefix : {u"User:"_s, u"Customer:"_s}) {
            if (t.startsWith(prefix, Qt::CaseInsensitive))
                said << t.mid(prefix.size()).trimmed();
        }
    }
    return said.isEmpty() ? transcript : said.join(u'\n');
}

QStringList toolCallIds(const QJsonArray &vapiMessages, const QString &toolName)
{
    QStringList ids;
    for (const QJsonValue &value : vapiMessages) {
        const QJsonObject m = value.toObject();
        if (m.value(u"role"_s).toString() != u"tool_calls")
            continue;
        for (const QJsonValue &c : m.value(u"toolCalls"_s).toArray()) {
            const QJsonObject call = c.toObject();
            if (call.value(u"function"_s).toObject().value(u"name"_s).toString() == toolName &&
                !call.value(u"id"_s).toString().isEmpty())
                ids << call.value(u"id"_s).toString();
        }
    }
    ids.removeDuplicates();
    ids.sort();
    return ids;
}

} // namespace vox::server::vapi
