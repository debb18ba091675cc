#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

namespace vox::server {

// The kinds of document the knowledge base accepts.
enum class DocumentKind { Pdf, PlainText, Markdown };

// From the upload's Content-Type, or its file name when the type is generic
// (application/octet-stream); an error names what is accepted.
Result<DocumentKind> documentKind(const QByteArray &contentType, const QString &fileName);
QString mimeType(DocumentKind kind);

// The readable text of a document: PDF through poppler, text and Markdown as UTF-8.
// Errors say what is wrong with the file (corrupt, encrypted, no text, not UTF-8).
Result<QString> extractText(const QByteArray &bytes, DocumentKind kind);

} // namespace vox::server
