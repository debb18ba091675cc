#pragma once

#include "core/result.h"
#include "server/appcontext.h"

#include <QJsonArray>
#include <QJsonObject>

namespace vox::server {

// The clinic's documents for the AI: uploads are turned into text, cut into passages and indexed
// with PostgreSQL full-text search; the same search answers the console's "try a question" box and
// the queryKnowledgeBase tool.
class KnowledgeBase
{
public:
    explicit KnowledgeBase(AppContext &app)
        : m_app(app)
    {}

    Result<QJsonObject> add(const db::Access &access, const QString &fileName,
                            const QByteArray &contentType, const QByteArray &bytes);
    Result<QJsonArray> list(const db::Access &access);
    Result<void> remove(const db::Access &access, const QString &documentId);

    static constexpr int maxDocumentBytes = 20 * 1024 * 1024;

private:
    AppContext &m_app;
};

// The best passages of an org's documents for a question, best first: any word of the question
// counts (OR), ranked by cover density. Used inside the caller's transaction.
Result<QJsonArray> searchKnowledge(db::Transaction &tx, const QString &orgId,
                                   const QString &question, int limit = 3);

} // namespace vox::server
