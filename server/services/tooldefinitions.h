#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace vox::server {

// One of our Vapi function tools: its definition as sent to POST /tool (CreateFunctionToolDTO) and
// the SHA-256 of its canonical JSON, which tells the sync when a definition changed and the tool
// must be registered again. The definition carries the hash as a marker (a header of its server,
// which Vapi keeps and returns: its Tool schema has no metadata), so a copy whose creation was
// never recorded (Vapi answered 5xx after acting, or never answered) is recognised at Vapi.
struct ToolDefinition
{
    QString name;
    QJsonObject definition;
    QString hash; // hex
};

// Every tool, pointing Vapi at BACKEND_URL/api/vapi/tools with our shared-secret header. The
// secret is part of the hash: rotating it registers the tools again with the new header.
QList<ToolDefinition> toolDefinitions(const QString &backendUrl, const QString &webhookSecret);

// Our transferCall tool: Vapi's transferCall tools have no function name, so we name it.
inline constexpr const char *transferToolName = "transferCall";

// The name of a tool at Vapi: its function's name, or transferCall for our transfer tool; empty
// for anything else without a function (a clinic's own transfer tool among them).
QString toolName(const QJsonObject &tool);

// Whether a tool at Vapi is the transfer tool we register (not one the clinic made itself).
bool isOurTransferTool(const QJsonObject &tool);

// The header of a tool's server that carries its definition's hash.
inline constexpr const char *toolMarkerHeader = "x-voxanne-tool-definition";

// The definition hash a tool at Vapi carries in its marker; empty for a tool without one.
QString toolMarker(const QJsonObject &tool);

// The definition with the secret header masked, for storing in vapi_tools.
QJsonObject storableDefinition(QJsonObject definition);

// Vapi's own calendar tools, which would answer instead of our booking logic, so they are taken off
// every assistant: tool types starting with "google.calendar".
bool isNativeCalendarTool(const QJsonObject &tool);

} // namespace vox::server
