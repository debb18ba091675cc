#include "core/textchunker.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace vox {

namespace {

// Sentences of a paragraph; a sentence longer than `limit` is cut at spaces.
QStringList sentencesOf(const QString &paragraph, int limit)
{
    static const QRegularExpression end(u"(?<=[.!?])\\s+"_s);
    QStringList out;
    for (const QString &sentence : paragraph.split(end, Qt::SkipEmptyParts)) {
        QString rest = sentence.trimmed();
        while (rest.size() > limit) {
            qsizetype cut = rest.lastIndexOf(u' ', limit);
            if (cut <= limit / 2)
                cut = limit;
            out << rest.left(cut).trimmed();
            rest = rest.mid(cut).trimmed();
        }
        if (!rest.isEmpty())
            out << rest;
    }
    return out;
}

} // namespace

QString normalizeText(const QString &text)
{
    QString unified = text;
    unified.replace(u"\r\n"_s, u"\n"_s);
    unified.replace(u'\r', u'\n');
    QString cleaned;
    cleaned.reserve(unified.size());
    for (const QChar c : std::as_const(unified)) {
        if (c == u'\n' || c == u'\t')
            cleaned.append(c == u'\t' ? u' ' : c);
        else if (!c.isNonCharacter() && c.category() != QChar::Other_Control)
            cleaned.append(c);
    }
    static const QRegularExpression spaces(u"[ \\x{00A0}]+"_s);
    static const QRegularExpression aroundNewline(u" ?\\n ?"_s);
    static const QRegularExpression blankLines(u"\\n{2,}"_s);
    cleaned.replace(spaces, u" "_s);
    cleaned.replace(aroundNewline, u"\n"_s);
    cleaned.replace(blankLines, u"\n\n"_s);
    return cleaned.trimmed();
}

QStringList chunkText(const QString &text, int targetChars)
{
    const QString normalized = normalizeText(text);
    QStringList sentences;  // every sentence, in order
    QList<bool> startsPara; // whether a sentence begins a paragraph
    for (const QString &paragraph : normalized.split(u"\n\n"_s, Qt::SkipEmptyParts)) {
        const QStringList parts = sentencesOf(QString(paragraph).replace(u'\n', u' '), targetChars);
        for (qsizetype i = 0; i < parts.size(); ++i) {
            sentences << parts.at(i);
            startsPara << (i == 0);
        }
    }

    QStringList chunks;
    QString current;
    QString lastSentence;
    for (qsizetype i = 0; i < sentences.size(); ++i) {
        const QString &sentence = sentences.at(i);
        const QString separator = startsPara.at(i) ? u"\n\n"_s : u" "_s;
        if (!current.isEmpty() &&
            current.size() + separator.size() + sentence.size() > targetChars) {
            chunks << current;
            // The boundary sentence opens the next chunk too, when it leaves room.
            current = lastSentence.size() + separator.size() + sentence.size() <= targetChars
                          ? lastSentence
                          : QString();
        }
        current += (current.isEmpty() ? QString() : separator) + sentence;
        lastSentence = sentence;
    }
    if (!current.isEmpty() && (chunks.isEmpty() || !chunks.constLast().endsWith(current)))
        chunks << current;
    return chunks;
}

} // namespace vox
