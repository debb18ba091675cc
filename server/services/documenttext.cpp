#include "server/services/documenttext.h"

#include "server/http/response.h"

#include <QStringDecoder>

#include <poppler-document.h>
#include <poppler-page.h>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

Result<DocumentKind> documentKind(const QByteArray &contentType, const QString &fileName)
{
    const QByteArray type = contentType.split(';').value(0).trimmed().toLower();
    if (type == "application/pdf")
        return DocumentKind::Pdf;
    if (type == "text/markdown" || type == "text/x-markdown")
        return DocumentKind::Markdown;
    if (type == "text/plain") {
        return fileName.endsWith(u".md"_s, Qt::CaseInsensitive) ? DocumentKind::Markdown
                                                                : DocumentKind::PlainText;
    }
    if (type.isEmpty() || type == "application/octet-stream") {
        const QString lower = fileName.toLower();
        if (lower.endsWith(u".pdf"_s))
            return DocumentKind::Pdf;
        if (lower.endsWith(u".md"_s) || lower.endsWith(u".markdown"_s))
            return DocumentKind::Markdown;
        if (lower.endsWith(u".txt"_s))
            return DocumentKind::PlainText;
    }
    return fail(u"Only PDF, plain text (.txt) and Markdown (.md) documents can be added."_s,
                ErrorKind::UnsupportedMedia);
}

QString mimeType(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::Pdf:
        return u"application/pdf"_s;
    case DocumentKind::Markdown:
        return u"text/markdown"_s;
    case DocumentKind::PlainText:
        return u"text/plain"_s;
    }
    return u"text/plain"_s;
}

namespace {

// Where the pending text may be cut: after the last paragraph break, else the last line break,
// else the last space; 0 when there is none.
qsizetype cutPoint(const QString &text)
{
    for (const QString &mark : {u"\n\n"_s, u"\n"_s, u" "_s}) {
        const qsizetype at = text.lastIndexOf(mark);
        if (at > 0)
            return at + mark.size();
    }
    return 0;
}

Result<void> plainTextInParts(const QByteArray &bytes,
                              const std::function<Result<void>(const QString &)> &part,
                              qsizetype partChars)
{
    QStringDecoder decoder(QStringDecoder::Utf8);
    QString pending;
    bool anyText = false;
    bool first = true;
    const auto hand = [&](const QString &piece) -> Result<void> {
        anyText = anyText || !piece.trimmed().isEmpty();
        return part(piece);
    };
    // Bytes are decoded a block at a time; the decoder keeps a character split across blocks.
    const qsizetype block = qMax<qsizetype>(partChars, 4096);
    for (qsizetype at = 0; at < bytes.size(); at += block) {
        pending += decoder.decode(QByteArrayView(bytes).sliced(at, qMin(block, bytes.size() - at)));
        if (decoder.hasError())
            return http::status::unprocessable(
                u"The text file is not UTF-8; save it as UTF-8 and try again."_s);
        if (first && pending.startsWith(QChar(0xFEFF)))
            pending.remove(0, 1);
        first = false;
        if (pending.size() < partChars)
            continue;
        qsizetype cut = cutPoint(pending);
        if (cut == 0)
            cut = pending.size(); // one endless word: cut it anyway
        if (auto handed = hand(pending.left(cut)); !handed)
            return handed;
        pending.remove(0, cut);
    }
    if (!pending.isEmpty()) {
        if (auto handed = hand(pending); !handed)
            return handed;
    }
    if (!anyText)
        return http::status::unprocessable(u"The document has no text."_s);
    return {};
}

Result<void> pdfTextInParts(const QByteArray &bytes,
                            const std::function<Result<void>(const QString &)> &part,
                            qsizetype partChars)
{
    // poppler reads the bytes where they are (no copy).
    std::unique_ptr<poppler::document> document(
        poppler::document::load_from_raw_data(bytes.constData(), int(bytes.size())));
    if (!document)
        return http::status::unprocessable(u"The PDF could not be read; it may be damaged."_s);
    if (document->is_locked())
        return http::status::unprocessable(
            u"The PDF is password-protected; remove the password and try again."_s);
    QString pending;
    bool anyText = false;
    for (int i = 0; i < document->pages(); ++i) {
        std::unique_ptr<poppler::page> page(document->create_page(i));
        if (!page)
            continue;
        const poppler::byte_array utf8 = page->text().to_utf8();
        pending += QString::fromUtf8(utf8.data(), qsizetype(utf8.size())) + u"\n\n"_s;
        if (pending.size() >= partChars) {
            anyText = anyText || !pending.trimmed().isEmpty();
            if (auto handed = part(pending); !handed)
                return handed;
            pending.clear();
        }
    }
    anyText = anyText || !pending.trimmed().isEmpty();
    if (!anyText)
        return http::status::unprocessable(
            u"No text was found in the PDF (a scanned document needs text recognition first)."_s);
    if (!pending.isEmpty())
        return part(pending);
    return {};
}

} // namespace

Result<void> extractTextInParts(const QByteArray &bytes, DocumentKind kind,
                                const std::function<Result<void>(const QString &part)> &part,
                                qsizetype partChars)
{
    if (bytes.isEmpty())
        return http::status::badRequest(u"The document is empty."_s);
    if (kind == DocumentKind::Pdf)
        return pdfTextInParts(bytes, part, partChars);
    return plainTextInParts(bytes, part, partChars);
}

Result<QString> extractText(const QByteArray &bytes, DocumentKind kind)
{
    QString text;
    auto read = extractTextInParts(bytes, kind, [&text](const QString &piece) -> Result<void> {
        text += piece;
        return {};
    });
    if (!read)
        return read.error();
    return text;
}

} // namespace vox::server
