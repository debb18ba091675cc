#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QString>

#include <functional>

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

// The same text handed to `part` a piece at a time, each piece ending at a paragraph break where
// the text has one and about `partChars` long, so a 20 MB document is never whole in memory as
// text (UTF-16, twice its size) on top of its bytes. Stops at the first error `part` returns.
Result<void> extractTextInParts(const QByteArray &bytes, DocumentKind kind,
                                const std::function<Result<void>(const QString &part)> &part,
                                qsizetype partChars = 256 * 1024);

} // namespace vox::server
