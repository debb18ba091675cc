#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace vox::ui {

// The AI receptionist as the clinic set it up (GET/PUT /api/agent), and whether its tools
// (booking, availability, knowledge) are linked at Vapi.
struct AgentConfig
{
    QString id;
    QString name;
    QString voice;
    QString voiceProvider;
    QString firstMessage;
    QString systemPrompt;
    QString vapiAssistantId;
    // Whether callers hear the recording disclosure first, and the greeting as they hear it.
    bool recordingDisclosure = false;
    QString firstMessageHeard;

    struct Tool
    {
        QString name;
        QString vapiToolId;
        QDateTime linkedAt;
    };
    QString syncStatus; // not_synced, pending, syncing, synced, failed, send_failed
    QString syncError;
    QDateTime syncedAt;
    QList<Tool> tools;

    static AgentConfig fromJson(const QJsonObject &json);
};

} // namespace vox::ui
