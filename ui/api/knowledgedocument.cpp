#include "ui/api/knowledgedocument.h"

#include "ui/api/jsonfields.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

KnowledgeDocument KnowledgeDocument::fromJson(const QJsonObject &json)
{
    KnowledgeDocument d;
    d.id = json.value(u"id"_s).toString();
    d.fileName = json.value(u"filename"_s).toString();
    d.mimeType = json.value(u"mime_type"_s).toString();
    d.sizeBytes = qint64(json.value(u"size_bytes"_s).toDouble());
    d.chunkCount = json.value(u"chunk_count"_s).toInt();
    d.status = json.value(u"status"_s).toString();
    d.createdAt = json::time(json.value(u"created_at"_s));
    return d;
}

KnowledgePassage KnowledgePassage::fromJson(const QJsonObject &json)
{
    KnowledgePassage p;
    p.documentId = json.value(u"document_id"_s).toString();
    p.fileName = json.value(u"filename"_s).toString();
    p.content = json.value(u"content"_s).toString();
    p.rank = json.value(u"rank"_s).toDouble();
    return p;
}

} // namespace vox::ui
