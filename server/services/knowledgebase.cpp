#include "server/services/knowledgebase.h"

#include "core/crypto/digest.h"
#include "core/textchunker.h"
#include "server/events/eventpublisher.h"
#include "server/http/response.h"
#include "server/services/documenttext.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace {

const QByteArray documentJson =
    "json_build_object('id', id, 'filename', filename, 'mime_type', mime_type, 'size_bytes', "
    "size_bytes, 'chunk_count', chunk_count, 'status', status, 'created_at', created_at)";

} // namespace

Result<QJsonObject> KnowledgeBase::add(const db::Access &access, const QString &fileName,
                                       const QByteArray &contentType, const QByteArray &bytes)
{
    const QString name = fileName.trimmed();
    if (name.isEmpty() || name.size() > 255 || name.contains(u'/') || name.contains(u'\\'))
        return http::status::badRequest(
            u"Send the document's file name (1–255 characters, no folders) in X-Filename."_s,
            u"X-Filename"_s);
    if (bytes.size() > maxDocumentBytes)
        return fail(u"The document is larger than 20 MB."_s, ErrorKind::TooLarge);
    auto kind = documentKind(contentType, name);
    if (!kind)
        return kind.error();
    const QString hash = QString::fromLatin1(crypto::sha256(bytes).toHex());

    return m_app.db.transaction<QJsonObject>(
        access, [&](db::Transaction &tx) -> Result<QJsonObject> {
            auto existing =
                tx.exec("SELECT filename FROM knowledge_documents WHERE org_id = $1::uuid "
                        "AND sha256 = $2",
                        {access.orgId, hash});
            if (!existing)
                return existing.error();
            if (!existing->isEmpty())
                return http::status::conflict(
                    u"This document is already in the knowledge base as \"%1\"."_s.arg(
                        existing->text(0, 0)));
            auto document = tx.exec("INSERT INTO knowledge_documents (org_id, filename, mime_type, "
                                    "size_bytes, sha256, status, chunk_count, uploaded_by) VALUES "
                                    "($1::uuid, $2, $3, $4, $5, 'ready', 0, $6::uuid) RETURNING id",
                                    {access.orgId, name, mimeType(*kind), qint64(bytes.size()),
                                     hash, access.userId.isEmpty() ? QString() : access.userId});
            if (!document)
                return document.error();
            const QString documentId = document->text(0, 0);
            // The text is read and stored a part at a time: a large document is never whole in
            // memory as text, as passages and as one statement's parameter at once.
            int passages = 0;
            auto read = extractTextInParts(bytes, *kind, [&](const QString &part) -> Result<void> {
                const QStringList chunks = chunkText(part);
                if (chunks.isEmpty())
                    return {};
                // One statement per part: an array of texts unnested with their ordinals.
                auto inserted =
                    tx.exec("INSERT INTO knowledge_chunks (org_id, document_id, ordinal, content) "
                            "SELECT $1::uuid, $2::uuid, $3 + ord - 1, content "
                            "FROM unnest($4::text[]) WITH ORDINALITY AS c(content, ord)",
                            {access.orgId, documentId, passages, chunks});
                if (!inserted)
                    return inserted.error();
                passages += int(chunks.size());
                return {};
            });
            if (!read)
                return read.error();
            auto counted = tx.exec("UPDATE knowledge_documents SET chunk_count = $3 WHERE id = "
                                   "$1::uuid AND org_id = $2::uuid RETURNING " +
                                       documentJson,
                                   {documentId, access.orgId, passages});
            if (!counted)
                return counted.error();
            const QJsonObject out = counted->toJson(0, 0).toObject();
            if (auto published = events::publish(
                    tx, access.orgId, u"knowledge.updated"_s, u"knowledge_document"_s, documentId,
                    {{u"action"_s, u"added"_s}, {u"filename"_s, name}});
                !published)
                return published.error();
            return out;
        });
}

Result<QJsonArray> KnowledgeBase::list(const db::Access &access)
{
    return m_app.db.transaction<QJsonArray>(access, [&](db::Transaction &tx) -> Result<QJsonArray> {
        auto rows = tx.exec("SELECT coalesce(json_agg(" + documentJson +
                                " ORDER BY created_at DESC), '[]') FROM knowledge_documents "
                                "WHERE org_id = $1::uuid",
                            {access.orgId});
        if (!rows)
            return rows.error();
        return rows->toJson(0, 0).toArray();
    });
}

Result<void> KnowledgeBase::remove(const db::Access &access, const QString &documentId)
{
    auto done = m_app.db.transaction<bool>(access, [&](db::Transaction &tx) -> Result<bool> {
        auto deleted = tx.exec("DELETE FROM knowledge_documents WHERE id = $1::uuid AND org_id = "
                               "$2::uuid RETURNING filename",
                               {documentId, access.orgId});
        if (!deleted)
            return deleted.error();
        if (deleted->isEmpty())
            return http::status::notFound(u"That document does not exist."_s);
        if (auto published = events::publish(
                tx, access.orgId, u"knowledge.updated"_s, u"knowledge_document"_s, documentId,
                {{u"action"_s, u"removed"_s}, {u"filename"_s, deleted->text(0, 0)}});
            !published)
            return published.error();
        return true;
    });
    if (!done)
        return done.error();
    return {};
}

Result<QJsonArray> searchKnowledge(db::Transaction &tx, const QString &orgId,
                                   const QString &question, int limit)
{
    if (question.trimmed().isEmpty())
        return QJsonArray{};
    // The question's lexemes (already stemmed, hence the 'simple' configuration), quoted and
    // OR-ed: "Is there parking near you?" finds a passage about parking that never says "near".
    auto rows = tx.exec(
        "WITH q AS (SELECT to_tsquery('simple', coalesce((SELECT string_agg(quote_literal(l), "
        "  ' | ') FROM unnest(tsvector_to_array(to_tsvector('english', $2))) AS l), '')) AS query) "
        "SELECT coalesce(json_agg(x ORDER BY x.rank DESC), '[]') FROM ("
        "  SELECT c.document_id, d.filename, c.content, "
        "         round(ts_rank_cd(c.search_vector, q.query)::numeric, 4) AS rank "
        "  FROM knowledge_chunks c JOIN knowledge_documents d ON d.id = c.document_id, q "
        "  WHERE c.org_id = $1::uuid AND c.search_vector @@ q.query "
        "  ORDER BY ts_rank_cd(c.search_vector, q.query) DESC, c.ordinal LIMIT $3) x",
        {orgId, question, qBound(1, limit, 20)});
    if (!rows)
        return rows.error();
    return rows->toJson(0, 0).toArray();
}

} // namespace vox::server
