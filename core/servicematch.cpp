#include "core/servicematch.h"

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace vox::services {

namespace {

// Lower case, every run of non-letters/digits one space, padded with spaces at both ends, so a
// whole-word search is a substring search for " phrase ".
QString normalized(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    out += u' ';
    bool space = true;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            out += c.toLower();
            space = false;
        } else if (!space) {
            out += u' ';
            space = true;
        }
    }
    if (!space)
        out += u' ';
    return out;
}

bool mentionsNormalized(const QString &normalizedText, const QString &phrase)
{
    const QString p = normalized(phrase).trimmed();
    if (p.isEmpty())
        return false;
    for (const QString &form : QStringList{p, p + u's', p + u"es"_s}) {
        if (normalizedText.contains(u' ' + form + u' '))
            return true;
    }
    return false;
}

struct Word
{
    qsizetype start = 0;
    qsizetype end = 0; // one past the last character
    QString lower;
};

// The text's words as normalized() sees them: runs of letters and digits, with where they are.
QList<Word> words(const QString &text)
{
    QList<Word> out;
    qsizetype i = 0;
    while (i < text.size()) {
        if (!text.at(i).isLetterOrNumber()) {
            ++i;
            continue;
        }
        Word w;
        w.start = i;
        while (i < text.size() && text.at(i).isLetterOrNumber())
            ++i;
        w.end = i;
        w.lower = text.mid(w.start, w.end - w.start).toLower();
        out.append(w);
    }
    return out;
}

} // namespace

QList<TextSpan> mentionSpans(const QString &text, const QStringList &phrases)
{
    const QList<Word> said = words(text);
    QList<TextSpan> found;
    for (const QString &phrase : phrases) {
        const QList<Word> wanted = words(phrase);
        if (wanted.isEmpty())
            continue;
        for (qsizetype first = 0; first + wanted.size() <= said.size(); ++first) {
            bool hit = true;
            for (qsizetype k = 0; hit && k < wanted.size(); ++k) {
                const QString &word = said.at(first + k).lower;
                const QString &want = wanted.at(k).lower;
                const bool last = k == wanted.size() - 1;
                hit = word == want || (last && (word == want + u's' || word == want + u"es"_s));
            }
            if (hit) {
                const qsizetype end = said.at(first + wanted.size() - 1).end;
                found.append({said.at(first).start, end - said.at(first).start});
            }
        }
    }
    std::sort(found.begin(), found.end(),
              [](const TextSpan &a, const TextSpan &b) { return a.start < b.start; });
    QList<TextSpan> merged;
    for (const TextSpan &span : std::as_const(found)) {
        if (!merged.isEmpty() && span.start <= merged.last().start + merged.last().length) {
            TextSpan &last = merged.last();
            last.length = std::max(last.start + last.length, span.start + span.length) - last.start;
        } else {
            merged.append(span);
        }
    }
    return merged;
}

bool mentions(const QString &text, const QString &phrase)
{
    return mentionsNormalized(normalized(text), phrase);
}

ServiceMatch matchServices(const QString &callerText, const QList<ServiceOffer> &services,
                           const std::optional<ServiceOffer> &booked)
{
    ServiceMatch match;
    const QString text = normalized(callerText);
    for (const ServiceOffer &service : services) {
        bool hit = mentionsNormalized(text, service.name);
        for (qsizetype i = 0; !hit && i < service.keywords.size(); ++i)
            hit = mentionsNormalized(text, service.keywords.at(i));
        if (hit) {
            match.ids << service.id;
            match.names << service.name;
            match.valueCents += service.priceCents;
        }
    }
    if (booked) {
        if (!match.ids.contains(booked->id)) {
            match.ids << booked->id;
            match.names << booked->name;
        }
        match.valueCents = booked->priceCents;
    }
    return match;
}

} // namespace vox::services
