#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace vox::server::vapi {

// One tool call of a `tool-calls` message. Vapi sends `function.arguments` as a JSON string
// today and sent an object in older deliveries: both are read; `argumentsError` says why
// arguments could not be read (the AI is then told, not the server log).
struct ToolCall
{
    QString id;
    QString name;
    QJsonObject arguments;
    QString argumentsError;
};

// A Vapi server message (`{"message": {...}}`, schema ServerMessage* in Vapi's OpenAPI), read
// with the fallbacks Vapi's history needs: `artifact` first, then the deprecated and top-level
// fields of older payloads (contracts/README.md).
class Message
{
public:
    static Result<Message> parse(const QByteArray &body);
    explicit Message(QJsonObject message)
        : m_message(std::move(message))
    {}

    const QJsonObject &json() const { return m_message; }
    QString type() const;
    QJsonObject call() const;
    QString callId() const;
    QString assistantId() const;
    QString phoneNumberId() const;
    // The other party: the caller of an inbound call, the callee of an outbound one.
    QString customerNumber() const;
    QString customerName() const;
    // The clinic's number the call went through.
    QString clinicNumber() const;
    QString direction() const; // inbound | outbound
    QDateTime timestamp() const;
    QDateTime callCreatedAt() const;
    QDateTime startedAt() const;
    QDateTime endedAt() const;
    QString status() const;
    QString endedReason() const;
    QString transcript() const;
    QJsonArray artifactMessages() const;
    QString recordingUrl() const;
    QString stereoRecordingUrl() const;
    QJsonObject analysis() const;
    QString summary() const;
    QString successEvaluation() const;
    QJsonObject destination() const;
    QList<ToolCall> toolCalls() const;
    // The call record our server created before asking Vapi to place a call (call-back), sent
    // in `assistantOverrides.metadata` so early webhooks land on that same record.
    QString voxanneCallId() const;

private:
    QJsonObject artifact() const;
    QJsonObject m_message;
};

// Vapi's conversation messages (roles user, bot, system, tool_calls, tool_call_result) in the
// console's shape: {role: assistant|user|system|tool, message, time, seconds_from_start}, tool
// calls keeping their name, id and arguments.
QJsonArray normalizeMessages(const QJsonArray &vapiMessages);

// What the caller said: the user messages, or the "User:"/"Customer:" lines of a transcript
// when there are no messages, or the whole transcript.
QString callerText(const QJsonArray &normalizedMessages, const QString &transcript);

// Ids of the calls to `toolName` in Vapi's messages.
QStringList toolCallIds(const QJsonArray &vapiMessages, const QString &toolName);

// An ISO 8601 string or epoch milliseconds as a UTC time; invalid when neither.
QDateTime parseTime(const QJsonValue &value);

} // namespace vox::server::vapi
