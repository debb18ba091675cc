#include "server/http/request.h"

namespace vox::http {

bool Request::wantsClose() const
{
    return header("connection").toLower().contains("close");
}

bool jsonHasNulEscape(QByteArrayView json)
{
    for (qsizetype i = 0; i + 5 < json.size(); ++i) {
        if (json[i] != '\\')
            continue;
        // A backslash starts an escape; the character after it is consumed by that escape.
        if (json[i + 1] == 'u' && json.sliced(i + 2, 4) == "0000")
            return true;
        ++i;
    }
    return false;
}

bool Request::carriesNul() const
{
    // Uploads (a PDF for the knowledge base) are binary; only text bodies are read as text.
    const QByteArray type = header("content-type").toLower();
    const bool text = type.isEmpty() || type.contains("json") || type.startsWith("text/") ||
                      type.startsWith("application/x-www-form-urlencoded");
    if (text && (body.contains('\0') || jsonHasNulEscape(body)))
        return true;
    if (path.contains(QChar(0)))
        return true;
    for (const auto &[name, value] : query.queryItems(QUrl::FullyDecoded)) {
        if (name.contains(QChar(0)) || value.contains(QChar(0)))
            return true;
    }
    for (auto it = headers.cbegin(); it != headers.cend(); ++it) {
        if (it.value().contains('\0'))
            return true;
    }
    return header("x-filename").contains("%00");
}

} // namespace vox::http
