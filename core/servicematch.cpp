#include "core/servicematch.h"

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

} // namespace

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
