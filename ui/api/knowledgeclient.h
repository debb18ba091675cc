#pragma once

#include "ui/api/apicallbacks.h"
#include "ui/api/knowledgedocument.h"

#include <QObject>

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
    void upload(const QString &fileName, const QByteArray &mimeType, const QByteArray &bytes,
                QObject *context, Progress progress, Callback<KnowledgeDocument> done);
    void remove(const QString &id, QObject *context, Callback<void> done);
    void query(const QString &question, QObject *context, Callback<QList<KnowledgePassage>> done);

private:
    ApiClient &m_api;
};

} // namespace vox::ui
