#pragma once

#include "ui/api/apicallbacks.h"
#include "ui/api/knowledgedocument.h"

#include <QIODevice>
#include <QObject>

#include <memory>

namespace vox::ui {

class ApiClient;

// The knowledge base the agent answers from (server/routes/knowledge).
class KnowledgeClient final
{
    Q_DISABLE_COPY_MOVE(KnowledgeClient)

public:
    explicit KnowledgeClient(ApiClient &api)
        : m_api(api)
    {}

    void documents(QObject *context, Callback<QList<KnowledgeDocument>> done);
    // Sends the document from `file` (open for reading) as it goes: a 20 MB PDF is never whole
    // in the console's memory.
    void upload(const QString &fileName, const QByteArray &mimeType,
                std::shared_ptr<QIODevice> file, QObject *context, Progress progress,
                Callback<KnowledgeDocument> done);
    void remove(const QString &id, QObject *context, Callback<void> done);
    void query(const QString &question, QObject *context, Callback<QList<KnowledgePassage>> done);

private:
    ApiClient &m_api;
};

} // namespace vox::ui
