#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace vox::ui {

// A document the AI answers from: its size and into how many passages it was cut.
struct KnowledgeDocument
{
    QString id;
    QString fileName;
    QString mimeType;
    qint64 sizeBytes = 0;
    int chunkCount = 0;
    QString status;
    QDateTime createdAt;

    static KnowledgeDocument fromJson(const QJsonObject &json);
};

// A passage the AI would be given for a question, best first.
struct KnowledgePassage
{
    QString documentId;
    QString fileName;
    QString content;
    double rank = 0;

    static KnowledgePassage fromJson(const QJsonObject &json);
};

} // namespace vox::ui
