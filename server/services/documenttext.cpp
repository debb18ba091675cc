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

Result<QString> extractText(const QByteArray &bytes, DocumentKind kind)
{
    if (bytes.isEmpty())
        return http::status::badRequest(u"The document is empty."_s);

    if (kind != DocumentKind::Pdf) {
        QStringDecoder decoder(QStringDecoder::Utf8);
        QString text = decoder.decode(bytes);
        if (decoder.hasError())
            return http::status::unprocessable(
                u"The text file is not UTF-8; save it as UTF-8 and try again."_s);
        if (text.startsWith(QChar(0xFEFF)))
            text.remove(0, 1);
        if (text.trimmed().isEmpty())
            return http::status::unprocessable(u"The document has no text."_s);
        return text;
    }

    std::unique_ptr<poppler::document> document(
        poppler::document::load_from_raw_data(bytes.constData(), int(bytes.size())));
    if (!document)
        return http::status::unprocessable(u"The PDF could not be read; it may be damaged."_s);
    if (document->is_locked())
        return http::status::unprocessable(
            u"The PDF is password-protected; remove the password and try again."_s);
    QString text;
    for (int i = 0; i < document->pages(); ++i) {
        std::unique_ptr<poppler::page> page(document->create_page(i));
        if (!page)
            continue;
        const poppler::byte_array utf8 = page->text().to_utf8();
        text += QString::fromUtf8(utf8.data(), qsizetype(utf8.size())) + u"\n\n"_s;
    }
    if (text.trimmed().isEmpty())
        return http::status::unprocessable(
            u"No text was found in the PDF (a scanned document needs text recognition first)."_s);
    return text;
}

} // namespace vox::server
