#pragma once

#include <QString>
#include <QStringList>

namespace vox {

// Splits a document's text into passages for search and for the AI: paragraphs are packed into
// chunks of about `targetChars`; a paragraph longer than that is cut at sentence ends (or, for
// a run-on text, at spaces). Consecutive chunks share their boundary sentence so an answer that
// spans two passages is found in either.
QStringList chunkText(const QString &text, int targetChars = 900);

// Collapses runs of spaces and blank lines, drops control characters.
QString normalizeText(const QString &text);

} // namespace vox
