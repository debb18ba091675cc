#pragma once

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

// Vapi server messages as Vapi sends them to a server URL (`{"message": {...}}`; the
// ServerMessage* schemas of Vapi's OpenAPI description): for the call simulator, the sandbox's
// outbound calls, and tests.
namespace vox::sandbox::vapimessages {

struct CallInfo
{
    QString id;
    QString assistantId;
    QString phoneNumberId;
    QString clinicNumber;
    QString customerNumber;
    QString customerName;
    bool outbound = false;
    QDateTime createdAt;
    QDateTime startedAt;
    QDateTime endedAt;
    QJsonObject assistantOverrides; // as given to POST /call (metadata)
    // Where the call's listen socket and control endpoint are (call.monitor): the sandbox's
    // "http://host:port/vapi-live/<call id>"; none: the call has no monitor.
    QString monitorBase;
};

// One line of the conversation (Vapi's artifact.messages): a user or bot message, a tool call,
// or a tool result.
struct Turn
{
    enum class Kind { User, Bot, ToolCall, ToolResult } kind = Kind::User;
    QString text;       // what was said, or the tool result
    QString toolName;   // tool calls and results
    QString toolCallId; // tool calls and results
    QJsonObject arguments;
    double secondsFromStart = 0;
};

struct Report
{
    QList<Turn> turns;
    QString endedReason = QStringLiteral("customer-ended-call");
    QString summary;
    QString successEvaluation;
    QJsonObject structuredData; // e.g. {"sentiment": "positive", "urgency": "low"}
    QString recordingBase;      // "https://storage.example/rec/<id>": mono and stereo URLs
    QJsonObject destination;    // a transfer target ({type: number, number})
    bool legacyShape = false;   // transcript/recordingUrl at the top level (older payloads)
};

QJsonObject call(const CallInfo &info);
QJsonObject statusUpdate(const CallInfo &info, const QString &status, const QDateTime &at,
                         const QString &endedReason = {}, const QJsonObject &destination = {});
// `argumentsAsString`: today's shape (a JSON string); false sends the older object shape.
QJsonObject toolCalls(const CallInfo &info, const QList<Turn> &calls, const QDateTime &at,
                      bool argumentsAsString = true);
QJsonObject endOfCallReport(const CallInfo &info, const Report &report);
QJsonObject assistantRequest(const CallInfo &info, const QDateTime &at);
QJsonObject hang(const CallInfo &info, const QDateTime &at);
// A live line: `final` false sends a partial (what the transcriber has heard so far).
QJsonObject transcript(const CallInfo &info, const QString &role, const QString &text,
                       const QDateTime &at, bool final = true);
// Someone starts or stops speaking (ServerMessageSpeechUpdate; status started|stopped).
QJsonObject speechUpdate(const CallInfo &info, const QString &role, const QString &status,
                         const QDateTime &at, int turn);
// The conversation so far (ServerMessageConversationUpdate), in Vapi's message shapes.
QJsonObject conversationUpdate(const CallInfo &info, const QList<Turn> &turns, const QDateTime &at);
// Vapi tells the server the AI is transferring the call (ServerMessageTransferUpdate).
QJsonObject transferUpdate(const CallInfo &info, const QJsonObject &destination,
                           const QDateTime &at);

// "AI: ...\nUser: ..." as Vapi writes artifact.transcript.
QString transcriptText(const QList<Turn> &turns);
// The wrapper Vapi posts: {"message": message}.
QJsonObject envelope(const QJsonObject &message);

} // namespace vox::sandbox::vapimessages
