#include "sandbox/vapimessages.h"

#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace vox::sandbox::vapimessages {

namespace {

const QString vapiOrgId = u"5a1d0b0e-0000-4000-8000-00000000beef"_s;

QString iso(const QDateTime &t)
{
    return t.toUTC().toString(Qt::ISODateWithMs);
}

QJsonObject customer(const CallInfo &info)
{
    QJsonObject c{{u"number"_s, info.customerNumber}};
    if (!info.customerName.isEmpty())
        c.insert(u"name"_s, info.customerName);
    return c;
}

QJsonObject phoneNumber(const CallInfo &info)
{
    return {{u"provider"_s, u"twilio"_s},
            {u"number"_s, info.clinicNumber},
            {u"twilioAccountSid"_s, u"AC00000000000000000000000000000000"_s}};
}

// Fields every server message carries (ServerMessage*: call, customer, phoneNumber, timestamp).
QJsonObject base(const CallInfo &info, const QString &type, const QDateTime &at)
{
    QJsonObject m{{u"type"_s, type},
                  {u"timestamp"_s, double(at.toMSecsSinceEpoch())},
                  {u"call"_s, call(info)},
                  {u"customer"_s, customer(info)}};
    if (!info.clinicNumber.isEmpty())
        m.insert(u"phoneNumber"_s, phoneNumber(info));
    return m;
}

double ms(const QDateTime &start, double secondsFromStart)
{
    return double(start.toMSecsSinceEpoch()) + secondsFromStart * 1000.0;
}

} // namespace

QJsonObject envelope(const QJsonObject &message)
{
    return {{u"message"_s, message}};
}

QJsonObject call(const CallInfo &info)
{
    QJsonObject c{{u"id"_s, info.id},
                  {u"orgId"_s, vapiOrgId},
                  {u"type"_s, info.outbound ? u"outboundPhoneCall"_s : u"inboundPhoneCall"_s},
                  {u"phoneCallProvider"_s, u"twilio"_s},
                  {u"phoneCallTransport"_s, u"pstn"_s},
                  {u"createdAt"_s, iso(info.createdAt)},
                  {u"updatedAt"_s, iso(info.endedAt.isValid() ? info.endedAt : info.createdAt)},
                  {u"customer"_s, customer(info)}};
    if (!info.assistantId.isEmpty())
        c.insert(u"assistantId"_s, info.assistantId);
    if (!info.phoneNumberId.isEmpty())
        c.insert(u"phoneNumberId"_s, info.phoneNumberId);
    if (!info.assistantOverrides.isEmpty())
        c.insert(u"assistantOverrides"_s, info.assistantOverrides);
    if (!info.monitorBase.isEmpty()) {
        QString listen = info.monitorBase;
        listen.replace(0, 4, u"ws"_s); // http → ws, https → wss
        c.insert(u"monitor"_s,
                 QJsonObject{{u"listenUrl"_s, QString(listen + u"/listen"_s)},
                             {u"controlUrl"_s, QString(info.monitorBase + u"/control"_s)}});
    }
    return c;
}

QJsonObject statusUpdate(const CallInfo &info, const QString &status, const QDateTime &at,
                         const QString &endedReason, const QJsonObject &destination)
{
    QJsonObject m = base(info, u"status-update"_s, at);
    m.insert(u"status"_s, status);
    QJsonObject c = m.value(u"call"_s).toObject();
    c.insert(u"status"_s, status);
    if (status != u"queued" && status != u"ringing" && info.startedAt.isValid())
        c.insert(u"startedAt"_s, iso(info.startedAt));
    if (status == u"ended") {
        m.insert(u"endedReason"_s, endedReason);
        c.insert(u"endedReason"_s, endedReason);
        if (info.endedAt.isValid())
            c.insert(u"endedAt"_s, iso(info.endedAt));
    }
    if (status == u"forwarding" && !destination.isEmpty())
        m.insert(u"destination"_s, destination);
    m.insert(u"call"_s, c);
    return m;
}

QJsonObject toolCalls(const CallInfo &info, const QList<Turn> &calls, const QDateTime &at,
                      bool argumentsAsString)
{
    QJsonObject m = base(info, u"tool-calls"_s, at);
    QJsonArray list;
    QJsonArray withTools;
    for (const Turn &t : calls) {
        const QJsonValue args =
            argumentsAsString ? QJsonValue(QString::fromUtf8(
                                    QJsonDocument(t.arguments).toJson(QJsonDocument::Compact)))
                              : QJsonValue(t.arguments);
        const QJsonObject toolCall{
            {u"id"_s, t.toolCallId},
            {u"type"_s, u"function"_s},
            {u"function"_s, QJsonObject{{u"name"_s, t.toolName}, {u"arguments"_s, args}}}};
        list.append(toolCall);
        withTools.append(QJsonObject{{u"type"_s, u"function"_s},
                                     {u"function"_s, QJsonObject{{u"name"_s, t.toolName}}},
                                     {u"toolCall"_s, toolCall}});
    }
    m.insert(u"toolCallList"_s, list);
    m.insert(u"toolWithToolCallList"_s, withTools);
    return m;
}

QString transcriptText(const QList<Turn> &turns)
{
    QStringList lines;
    for (const Turn &t : turns) {
        if (t.kind == Turn::Kind::User)
            lines << u"User: "_s + t.text;
        else if (t.kind == Turn::Kind::Bot)
            lines << u"AI: "_s + t.text;
    }
    return lines.join(u'\n');
}

QJsonObject endOfCallReport(const CallInfo &info, const Report &report)
{
    const QDateTime at = info.endedAt.isValid() ? info.endedAt : QDateTime::currentDateTimeUtc();
    QJsonObject m = base(info, u"end-of-call-report"_s, at.addSecs(2));
    QJsonObject c = m.value(u"call"_s).toObject();
    c.insert(u"status"_s, u"ended"_s);
    c.insert(u"endedReason"_s, report.endedReason);
    if (info.startedAt.isValid())
        c.insert(u"startedAt"_s, iso(info.startedAt));
    c.insert(u"endedAt"_s, iso(at));
    m.insert(u"call"_s, c);
    m.insert(u"endedReason"_s, report.endedReason);
    if (info.startedAt.isValid())
        m.insert(u"startedAt"_s, iso(info.startedAt));
    m.insert(u"endedAt"_s, iso(at));
    m.insert(u"cost"_s, 0.12);

    const QDateTime start = info.startedAt.isValid() ? info.startedAt : at;
    QJsonArray messages{QJsonObject{{u"role"_s, u"system"_s},
                                    {u"message"_s, u"You are the clinic's receptionist."_s},
                                    {u"time"_s, ms(start, 0)},
                                    {u"secondsFromStart"_s, 0}}};
    for (const Turn &t : report.turns) {
        const double time = ms(start, t.secondsFromStart);
        switch (t.kind) {
        case Turn::Kind::User:
        case Turn::Kind::Bot:
            messages.append(
                QJsonObject{{u"role"_s, t.kind == Turn::Kind::User ? u"user"_s : u"bot"_s},
                            {u"message"_s, t.text},
                            {u"time"_s, time},
                            {u"endTime"_s, time + 2000},
                            {u"secondsFromStart"_s, t.secondsFromStart},
                            {u"duration"_s, 2000}});
            break;
        case Turn::Kind::ToolCall:
            messages.append(QJsonObject{
                {u"role"_s, u"tool_calls"_s},
                {u"toolCalls"_s,
                 QJsonArray{QJsonObject{
                     {u"id"_s, t.toolCallId},
                     {u"type"_s, u"function"_s},
                     {u"function"_s,
                      QJsonObject{{u"name"_s, t.toolName},
                                  {u"arguments"_s,
                                   QString::fromUtf8(QJsonDocument(t.arguments)
                                                         .toJson(QJsonDocument::Compact))}}}}}},
                {u"message"_s, QString()},
                {u"time"_s, time},
                {u"secondsFromStart"_s, t.secondsFromStart}});
            break;
        case Turn::Kind::ToolResult:
            messages.append(QJsonObject{{u"role"_s, u"tool_call_result"_s},
                                        {u"toolCallId"_s, t.toolCallId},
                                        {u"name"_s, t.toolName},
                                        {u"result"_s, t.text},
                                        {u"time"_s, time},
                                        {u"secondsFromStart"_s, t.secondsFromStart}});
            break;
        }
    }
    const QString transcript = transcriptText(report.turns);
    QJsonObject artifact{{u"messages"_s, messages}};
    QJsonObject analysis;
    if (!report.summary.isEmpty())
        analysis.insert(u"summary"_s, report.summary);
    if (!report.successEvaluation.isEmpty())
        analysis.insert(u"successEvaluation"_s, report.successEvaluation);
    if (!report.structuredData.isEmpty())
        analysis.insert(u"structuredData"_s, report.structuredData);
    if (report.legacyShape) {
        // Older deliveries: transcript and recording at the top level, no artifact.recording.
        m.insert(u"transcript"_s, transcript);
        if (!report.recordingBase.isEmpty())
            m.insert(u"recordingUrl"_s, QString(report.recordingBase + u"-mono.wav"_s));
        if (!report.summary.isEmpty())
            m.insert(u"summary"_s, report.summary);
    } else {
        artifact.insert(u"transcript"_s, transcript);
        if (!report.recordingBase.isEmpty()) {
            auto url = [&](const QString &suffix) {
                return QString(report.recordingBase + suffix);
            };
            artifact.insert(
                u"recording"_s,
                QJsonObject{{u"stereoUrl"_s, url(u"-stereo.wav"_s)},
                            {u"mono"_s, QJsonObject{{u"combinedUrl"_s, url(u"-mono.wav"_s)},
                                                    {u"assistantUrl"_s, url(u"-assistant.wav"_s)},
                                                    {u"customerUrl"_s, url(u"-customer.wav"_s)}}}});
        }
    }
    m.insert(u"artifact"_s, artifact);
    m.insert(u"analysis"_s, analysis);
    if (!report.destination.isEmpty())
        m.insert(u"destination"_s, report.destination);
    return m;
}

QJsonObject assistantRequest(const CallInfo &info, const QDateTime &at)
{
    return base(info, u"assistant-request"_s, at);
}

QJsonObject hang(const CallInfo &info, const QDateTime &at)
{
    return base(info, u"hang"_s, at);
}

QJsonObject transcript(const CallInfo &info, const QString &role, const QString &text,
                       const QDateTime &at, bool final)
{
    QJsonObject m = base(info, u"transcript"_s, at);
    m.insert(u"role"_s, role);
    m.insert(u"transcriptType"_s, final ? u"final"_s : u"partial"_s);
    m.insert(u"transcript"_s, text);
    return m;
}

QJsonObject speechUpdate(const CallInfo &info, const QString &role, const QString &status,
                         const QDateTime &at, int turn)
{
    QJsonObject m = base(info, u"speech-update"_s, at);
    m.insert(u"role"_s, role);
    m.insert(u"status"_s, status);
    m.insert(u"turn"_s, turn);
    return m;
}

QJsonObject conversationUpdate(const CallInfo &info, const QList<Turn> &turns, const QDateTime &at)
{
    QJsonObject m = base(info, u"conversation-update"_s, at);
    QJsonArray messages;
    QJsonArray openAi;
    const QDateTime start = info.startedAt.isValid() ? info.startedAt : at;
    for (const Turn &t : turns) {
        if (t.kind != Turn::Kind::User && t.kind != Turn::Kind::Bot)
            continue;
        const bool user = t.kind == Turn::Kind::User;
        messages.append(QJsonObject{{u"role"_s, user ? u"user"_s : u"bot"_s},
                                    {u"message"_s, t.text},
                                    {u"time"_s, ms(start, t.secondsFromStart)},
                                    {u"secondsFromStart"_s, t.secondsFromStart}});
        openAi.append(
            QJsonObject{{u"role"_s, user ? u"user"_s : u"assistant"_s}, {u"content"_s, t.text}});
    }
    m.insert(u"messages"_s, messages);
    m.insert(u"messagesOpenAIFormatted"_s, openAi);
    return m;
}

QJsonObject transferUpdate(const CallInfo &info, const QJsonObject &destination,
                           const QDateTime &at)
{
    QJsonObject m = base(info, u"transfer-update"_s, at);
    m.insert(u"destination"_s, destination);
    return m;
}

} // namespace vox::sandbox::vapimessages
