#include "core/csv.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace vox::csv {

bool looksLikeFormula(const QString &text)
{
    if (text.isEmpty())
        return false;
    const QChar first = text.front();
    if (first != u'=' && first != u'+' && first != u'-' && first != u'@' && first != u'\t' &&
        first != u'\r')
        return false;
    static const QRegularExpression number(u"^-[0-9]+(\\.[0-9]+)?$"_s);
    return !number.match(text).hasMatch();
}

QByteArray field(const QString &text)
{
    const QString safe = looksLikeFormula(text) ? u'\'' + text : text;
    QByteArray bytes = safe.toUtf8();
    const bool quoted =
        bytes.contains(',') || bytes.contains('"') || bytes.contains('\n') || bytes.contains('\r');
    if (!quoted)
        return bytes;
    bytes.replace('"', "\"\"");
    return '"' + bytes + '"';
}

QByteArray record(const QStringList &fields)
{
    QByteArray out;
    for (qsizetype i = 0; i < fields.size(); ++i) {
        if (i)
            out += ',';
        out += field(fields.at(i));
    }
    out += "\r\n";
    return out;
}

} // namespace vox::csv
