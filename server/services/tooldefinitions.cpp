#include "server/services/tooldefinitions.h"

#include "core/canonicaljson.h"
#include "core/crypto/digest.h"

#include <QJsonArray>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

// What the AI says as it hands the caller over; also how our transfer tool is recognised at Vapi.
const QString transferAnnouncement = u"One moment, I'll put you through."_s;

QJsonObject property(const QString &type, const QString &description)
{
    return {{u"type"_s, type}, {u"description"_s, description}};
}

QJsonObject function(const QString &name, const QString &description, const QJsonObject &properties,
                     const QStringList &required)
{
    QJsonObject parameters{{u"type"_s, u"object"_s}, {u"properties"_s, properties}};
    parameters.insert(u"required"_s, QJsonArray::fromStringList(required));
    return {{u"name"_s, name}, {u"description"_s, description}, {u"parameters"_s, parameters}};
}

} // namespace

QList<ToolDefinition> toolDefinitions(const QString &backendUrl, const QString &webhookSecret)
{
    const QJsonObject server{{u"url"_s, QString(backendUrl + u"/api/vapi/tools"_s)},
                             {u"timeoutSeconds"_s, 20},
                             {u"headers"_s, QJsonObject{{u"x-vapi-secret"_s, webhookSecret}}}};
    const QString phoneHelp =
        u"The caller's phone number with country code, e.g. +15551234567. Leave out to use the "
        "number they are calling from."_s;
    const QString wallClock =
        u"Local clinic time as YYYY-MM-DDTHH:MM:SS (no time zone), e.g. 2026-03-14T10:00:00."_s;

    const QList<QJsonObject> functions{
        function(u"checkAvailability"_s,
                 u"Free appointment times on one day, in the clinic's time zone. Call before "
                 "offering times."_s,
                 {{u"date"_s, property(u"string"_s, u"The day, YYYY-MM-DD."_s)},
                  {u"service"_s,
                   property(u"string"_s, u"The treatment, e.g. Botox or consultation."_s)}},
                 {u"date"_s}),
        function(u"bookClinicAppointment"_s,
                 u"Books an appointment once the caller has chosen a free time and given their "
                 "name."_s,
                 {{u"name"_s, property(u"string"_s, u"The caller's full name."_s)},
                  {u"phone"_s, property(u"string"_s, phoneHelp)},
                  {u"service"_s, property(u"string"_s, u"The treatment to book."_s)},
                  {u"datetime"_s, property(u"string"_s, wallClock)},
                  {u"notes"_s, property(u"string"_s, u"Anything the clinic should know."_s)}},
                 {u"name"_s, u"service"_s, u"datetime"_s}),
        function(u"rescheduleAppointment"_s,
                 u"Moves the caller's upcoming appointment to a new time."_s,
                 {{u"appointmentId"_s,
                   property(u"string"_s, u"The confirmation code, if the caller has it."_s)},
                  {u"phone"_s, property(u"string"_s, phoneHelp)},
                  {u"currentDatetime"_s,
                   property(u"string"_s, u"The appointment's current time. "_s + wallClock)},
                  {u"newDatetime"_s, property(u"string"_s, u"The new time. "_s + wallClock)}},
                 {u"newDatetime"_s}),
        function(u"cancelAppointment"_s, u"Cancels the caller's upcoming appointment."_s,
                 {{u"appointmentId"_s,
                   property(u"string"_s, u"The confirmation code, if the caller has it."_s)},
                  {u"phone"_s, property(u"string"_s, phoneHelp)},
                  {u"datetime"_s, property(u"string"_s, u"The appointment's time. "_s + wallClock)},
                  {u"reason"_s, property(u"string"_s, u"Why, if the caller says."_s)}},
                 {}),
        function(u"lookupCaller"_s,
                 u"What the clinic knows about a caller: name, previous calls, upcoming "
                 "appointments."_s,
                 {{u"phone"_s, property(u"string"_s, phoneHelp)}}, {}),
        function(u"queryKnowledgeBase"_s,
                 u"Searches the clinic's documents (prices, aftercare, parking, policies) for "
                 "an answer."_s,
                 {{u"question"_s, property(u"string"_s, u"The caller's question."_s)}},
                 {u"question"_s}),
    };

    QList<ToolDefinition> out;
    for (const QJsonObject &f : functions) {
        ToolDefinition tool;
        tool.name = f.value(u"name"_s).toString();
        tool.definition = {{u"type"_s, u"function"_s},
                           {u"async"_s, false},
                           {u"function"_s, f},
                           {u"server"_s, server}};
        tool.hash = QString::fromLatin1(crypto::sha256(json::canonical(tool.definition)).toHex());
        // Added after hashing: the marker is a function of the rest, and registrations made
        // before there was a marker stay current.
        QJsonObject marked = server;
        QJsonObject headers = marked.value(u"headers"_s).toObject();
        headers.insert(QString::fromLatin1(toolMarkerHeader), tool.hash);
        marked.insert(u"headers"_s, headers);
        tool.definition.insert(u"server"_s, marked);
        out.append(tool);
    }
    // The AI's warm transfer: a transferCall tool without fixed destinations, so Vapi asks the
    // assistant's server (transfer-destination-request) who takes the call now.
    ToolDefinition transfer;
    transfer.name = QString::fromLatin1(transferToolName);
    transfer.definition = {
        {u"type"_s, u"transferCall"_s},
        {u"destinations"_s, QJsonArray()},
        {u"messages"_s, QJsonArray{QJsonObject{{u"type"_s, u"request-start"_s},
                                               {u"content"_s, transferAnnouncement}}}}};
    transfer.hash =
        QString::fromLatin1(crypto::sha256(json::canonical(transfer.definition)).toHex());
    out.append(transfer);
    return out;
}

QString toolName(const QJsonObject &tool)
{
    const QString name = tool.value(u"function"_s).toObject().value(u"name"_s).toString();
    if (name.isEmpty() && isOurTransferTool(tool))
        return QString::fromLatin1(transferToolName);
    return name;
}

bool isOurTransferTool(const QJsonObject &tool)
{
    // Vapi's transfer tools carry no name and no server to mark, so ours is told apart by its
    // shape: no destinations of its own (the server names them per call) and our announcement.
    // A clinic's own transfer tool, made in Vapi's dashboard, has destinations: never ours.
    if (tool.value(u"type"_s).toString() != u"transferCall" ||
        !tool.value(u"destinations"_s).toArray().isEmpty())
        return false;
    const QJsonArray messages = tool.value(u"messages"_s).toArray();
    return std::any_of(messages.cbegin(), messages.cend(), [](const QJsonValue &m) {
        return m.toObject().value(u"type"_s).toString() == u"request-start" &&
               m.toObject().value(u"content"_s).toString() == transferAnnouncement;
    });
}

QString toolMarker(const QJsonObject &tool)
{
    return tool.value(u"server"_s)
        .toObject()
        .value(u"headers"_s)
        .toObject()
        .value(QString::fromLatin1(toolMarkerHeader))
        .toString();
}

QJsonObject storableDefinition(QJsonObject definition)
{
    if (!definition.contains(u"server"_s))
        return definition;
    QJsonObject server = definition.value(u"server"_s).toObject();
    QJsonObject headers = server.value(u"headers"_s).toObject();
    for (auto it = headers.begin(); it != headers.end(); ++it)
        it.value() = u"***"_s;
    server.insert(u"headers"_s, headers);
    definition.insert(u"server"_s, server);
    return definition;
}

bool isNativeCalendarTool(const QJsonObject &tool)
{
    return tool.value(u"type"_s).toString().startsWith(u"google.calendar"_s);
}

} // namespace vox::server
