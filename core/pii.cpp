#include "core/pii.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace vox::pii {

namespace {

struct Span
{
    qsizetype start = 0;
    qsizetype length = 0;
};

// Replaces the spans (sorted, not overlapping) from the back, so earlier offsets stay valid.
QString replaceSpans(QString text, QList<Span> spans, QStringView token)
{
    std::sort(spans.begin(), spans.end(),
              [](const Span &a, const Span &b) { return a.start > b.start; });
    for (const Span &s : std::as_const(spans))
        text.replace(s.start, s.length, token.toString());
    return text;
}

// Whether one of `cues` ends within `window` characters before `position`.
bool cueBefore(const QString &text, qsizetype position, const QRegularExpression &cues,
               qsizetype window)
{
    const qsizetype from = qMax<qsizetype>(0, position - window);
    const QString before = text.mid(from, position - from);
    return cues.match(before).hasMatch();
}

bool validSsn(int area, int group, int serial)
{
    // The SSA never issues area 000, 666 or 900-999, group 00 or serial 0000.
    return area != 0 && area != 666 && area < 900 && group != 0 && serial != 0;
}

QList<Span> findSsns(const QString &text)
{
    static const QRegularExpression formatted(u"(?<!\\d)(\\d{3})[- ](\\d{2})[- ](\\d{4})(?!\\d)"_s);
    static const QRegularExpression bare(u"(?<!\\d)(\\d{3})(\\d{2})(\\d{4})(?!\\d)"_s);
    static const QRegularExpression cues(u"(social\\s+security|social|\\bssn\\b|s\\.s\\.n)"_s,
                                         QRegularExpression::CaseInsensitiveOption);
    QList<Span> spans;
    for (auto it = formatted.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (validSsn(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()))
            spans.append({m.capturedStart(), m.capturedLength()});
    }
    for (auto it = bare.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        if (validSsn(m.captured(1).toInt(), m.captured(2).toInt(), m.captured(3).toInt()) &&
            cueBefore(text, m.capturedStart(), cues, 40))
            spans.append({m.capturedStart(), m.capturedLength()});
    }
    return spans;
}

QList<Span> findCards(const QString &text)
{
    // Runs of digit groups joined by single spaces or dashes; inside a run, the longest window
    // of whole groups with 13-19 digits that passes Luhn is a card number. Windows matter: a
    // card read out next to its expiry ("4111 1111 1111 1111 12 27") is one run.
    static const QRegularExpression run(u"(?<![\\d])\\d+(?:[ -]\\d+)*"_s);
    QList<Span> spans;
    for (auto it = run.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        struct Group
        {
            qsizetype start;
            QString digits;
        };
        QList<Group> groups;
        static const QRegularExpression digitsOnly(u"\\d+"_s);
        for (auto g = digitsOnly.globalMatch(text, m.capturedStart()); g.hasNext();) {
            const auto gm = g.next();
            if (gm.capturedStart() >= m.capturedEnd())
                break;
            groups.append({gm.capturedStart(), gm.captured()});
        }
        qsizetype i = 0;
        while (i < groups.size()) {
            bool found = false;
            for (qsizetype j = groups.size() - 1; j >= i; --j) {
                QString digits;
                for (qsizetype k = i; k <= j; ++k)
                    digits += groups.at(k).digits;
                if (digits.size() >= 13 && digits.size() <= 19 && luhnValid(digits)) {
                    const qsizetype end = groups.at(j).start + groups.at(j).digits.size();
                    spans.append({groups.at(i).start, end - groups.at(i).start});
                    i = j + 1;
                    found = true;
                    break;
                }
            }
            if (!found)
                ++i;
        }
    }
    return spans;
}

int monthNumber(const QString &name)
{
    static const QStringList months{u"jan"_s, u"feb"_s, u"mar"_s, u"apr"_s, u"may"_s, u"jun"_s,
                                    u"jul"_s, u"aug"_s, u"sep"_s, u"oct"_s, u"nov"_s, u"dec"_s};
    return int(months.indexOf(name.left(3).toLower())) + 1;
}

struct DateCandidate
{
    Span span;
    int year = 0; // 0: no year given
    int yearDigits = 0;
    int month = 0;
    int day = 0;
};

QList<DateCandidate> findDates(const QString &text)
{
    const QString month =
        u"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
        "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"_s;
    static const QRegularExpression iso(u"(?<!\\d)(\\d{4})-(\\d{1,2})-(\\d{1,2})(?!\\d)"_s);
    static const QRegularExpression numeric(
        u"(?<![\\d/.-])(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})(?![\\d/])"_s);
    static const QRegularExpression monthFirst(
        u"\\b"_s + month + u"\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4})\\b)?"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression dayFirst(u"\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?"_s +
                                                 month + u"\\b\\.?(?:,?\\s+(\\d{4})\\b)?"_s,
                                             QRegularExpression::CaseInsensitiveOption);

    QList<DateCandidate> found;
    auto add = [&](const QRegularExpressionMatch &m, int y, int yDigits, int mo, int d) {
        found.append({{m.capturedStart(), m.capturedLength()}, y, yDigits, mo, d});
    };
    for (auto it = iso.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        add(m, m.captured(1).toInt(), 4, m.captured(2).toInt(), m.captured(3).toInt());
    }
    for (auto it = numeric.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        add(m, m.captured(3).toInt(), int(m.captured(3).size()), m.captured(1).toInt(),
            m.captured(2).toInt());
    }
    for (auto it = monthFirst.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const bool hasYear = !m.captured(3).isEmpty();
        add(m, hasYear ? m.captured(3).toInt() : 0, hasYear ? 4 : 0, monthNumber(m.captured(1)),
            m.captured(2).toInt());
    }
    for (auto it = dayFirst.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const bool hasYear = !m.captured(3).isEmpty();
        add(m, hasYear ? m.captured(3).toInt() : 0, hasYear ? 4 : 0, monthNumber(m.captured(2)),
            m.captured(1).toInt());
    }
    // Overlapping matches (a month-first date inside a longer one): keep the longest, earliest.
    std::sort(found.begin(), found.end(), [](const DateCandidate &a, const DateCandidate &b) {
        return a.span.start != b.span.start ? a.span.start < b.span.start
                                            : a.span.length > b.span.length;
    });
    QList<DateCandidate> kept;
    qsizetype reached = -1;
    for (const DateCandidate &c : std::as_const(found)) {
        if (c.span.start < reached)
            continue;
        kept.append(c);
        reached = c.span.start + c.span.length;
    }
    return kept;
}

QList<Span> findBirthDates(const QString &text, const QDate &today)
{
    static const QRegularExpression cues(u"\\b(born|birth\\w*|dob|d\\.o\\.b)\\b"_s,
                                         QRegularExpression::CaseInsensitiveOption);
    QList<Span> spans;
    for (const DateCandidate &c : findDates(text)) {
        if (c.month < 1 || c.month > 12 || c.day < 1 || c.day > 31)
            continue;
        bool birth = cueBefore(text, c.span.start, cues, 60);
        if (!birth && c.yearDigits == 4)
            birth = c.year <= today.year() - 2;
        if (!birth && c.yearDigits == 2) // "85" can only be 1985 for an appointment made now
            birth = c.year > (today.year() % 100) + 1;
        if (birth)
            spans.append(c.span);
    }
    return spans;
}

} // namespace

bool luhnValid(QStringView digits)
{
    if (digits.isEmpty())
        return false;
    int sum = 0;
    bool doubleIt = false;
    for (qsizetype i = digits.size() - 1; i >= 0; --i) {
        const QChar c = digits.at(i);
        if (!c.isDigit())
            return false;
        int d = c.digitValue();
        if (doubleIt) {
            d *= 2;
            if (d > 9)
                d -= 9;
        }
        sum += d;
        doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
}

Redaction redact(const QString &text, const QDate &today)
{
    Redaction out;
    if (text.isEmpty())
        return out;
    const QList<Span> ssns = findSsns(text);
    out.ssns = int(ssns.size());
    out.text = replaceSpans(text, ssns, ssnToken);
    const QList<Span> cards = findCards(out.text);
    out.cards = int(cards.size());
    out.text = replaceSpans(out.text, cards, cardToken);
    const QList<Span> dates = findBirthDates(out.text, today);
    out.birthDates = int(dates.size());
    out.text = replaceSpans(out.text, dates, birthDateToken);
    return out;
}

QJsonValue redactJson(const QJsonValue &value, const QDate &today, int *found)
{
    if (value.isString()) {
        const Redaction r = redact(value.toString(), today);
        if (found)
            *found += r.total();
        return r.total() ? QJsonValue(r.text) : value;
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray())
            out.append(redactJson(item, today, found));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it)
            out.insert(it.key(), redactJson(it.value(), today, found));
        return out;
    }
    return value;
}

} // namespace vox::pii
