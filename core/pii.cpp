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

// The number right after a cue that names a medical or insurance identifier.
QList<Span> findMedicalIds(const QString &text)
{
    static const QRegularExpression cued(
        u"\\b(?:mrn|m\\.r\\.n\\.?|medical\\s+record(?:\\s+(?:number|no\\.?|#))?|"
        "chart\\s+(?:number|no\\.?|id)|patient\\s+(?:id|number|no\\.?)|"
        "member\\s+(?:id|number)|insurance\\s+(?:id|number)|policy\\s+(?:id|number)|"
        "(?:medicare|medicaid)(?:\\s+(?:id|number|card))?|health\\s+plan\\s+(?:id|number))"
        "[\\s:#]*(?:(?:is|was|it's|it\\s+is|number)[\\s:#]+)*"
        "([A-Za-z0-9]+(?:-[A-Za-z0-9]+|\\s\\d+)*)(?![A-Za-z0-9])"_s,
        QRegularExpression::CaseInsensitiveOption);
    QList<Span> spans;
    for (auto it = cued.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString id = m.captured(1);
        const auto digits =
            std::count_if(id.begin(), id.end(), [](QChar c) { return c.isDigit(); });
        // Four digits at least: "patient number 2" is a count, not an identifier.
        if (digits >= 4 && id.size() <= 30)
            spans.append({m.capturedStart(1), m.capturedLength(1)});
    }
    return spans;
}

QList<Span> matchesOf(const QString &text, std::initializer_list<const QRegularExpression *> res)
{
    QList<Span> spans;
    for (const QRegularExpression *re : res)
        for (auto it = re->globalMatch(text); it.hasNext();) {
            const auto m = it.next();
            spans.append({m.capturedStart(), m.capturedLength()});
        }
    // Two patterns can find the same place: keep the longest, earliest, never overlapping.
    std::sort(spans.begin(), spans.end(), [](const Span &a, const Span &b) {
        return a.start != b.start ? a.start < b.start : a.length > b.length;
    });
    QList<Span> kept;
    qsizetype reached = -1;
    for (const Span &s : std::as_const(spans)) {
        if (s.start < reached)
            continue;
        kept.append(s);
        reached = s.start + s.length;
    }
    return kept;
}

QList<Span> findEmails(const QString &text)
{
    static const QRegularExpression written(
        u"(?<![\\w.%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}"
        "(?![\\w-])"_s);
    // As a speech-to-text engine writes it down: "jane dot doe at gmail dot com".
    static const QRegularExpression spoken(
        u"\\b[a-z0-9_-]+(?:\\s+(?:dot|underscore|dash)\\s+[a-z0-9_-]+)*\\s+at\\s+[a-z0-9-]+"
        "(?:\\s+dot\\s+[a-z0-9-]+)*\\s+dot\\s+(?:com|net|org|edu|gov|us|io|co|info|me|biz)\\b"_s,
        QRegularExpression::CaseInsensitiveOption);
    return matchesOf(text, {&written, &spoken});
}

QList<Span> findPhones(const QString &text)
{
    // Not after a letter, digit, '$' or a decimal point, and not followed by more digits, so
    // times ("10:30"), prices ("$1,250.00"), dates and longer numbers stay.
    static const QRegularExpression northAmerican(
        u"(?<![\\w+$.,/])(?:\\+?1[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[\\s.-]?)\\d{3}[\\s.-]?\\d{4}"
        "(?!\\w|[.,/:]\\d)"_s);
    static const QRegularExpression international(
        u"(?<![\\w+])\\+(?:\\d[\\s.-]?){7,14}\\d(?!\\w|[.,/:]\\d)"_s);
    return matchesOf(text, {&northAmerican, &international});
}

QList<Span> findAddresses(const QString &text)
{
    // Speech-to-text writes street names capitalised; lower-case words ("a 2 hour drive") stay.
    static const QRegularExpression street(
        u"(?<![\\w$.,:/-])\\d{1,6}(?:-\\d{1,4})?[A-Za-z]?\\s+"
        "(?:(?:[NSEW]\\.?|North|South|East|West)\\s+)?"
        "(?:(?:[A-Z][A-Za-z'.-]*|\\d{1,3}(?:st|nd|rd|th))\\s+){1,3}"
        "(?:(?i:street|avenue|road|boulevard|lane|drive|court|way|place|terrace|circle|parkway|"
        "highway|square|trail|loop)\\b|"
        "(?i:st|ave|rd|blvd|ln|dr|ct|pl|ter|cir|pkwy|hwy|sq|trl)\\b\\.?)"
        "(?:,?\\s+(?i:apt\\.?|apartment|suite|ste\\.?|unit|#)\\s*[A-Za-z0-9-]+)?"_s);
    static const QRegularExpression poBox(u"\\b(?i:p\\.?\\s?o\\.?\\s+box)\\s+\\d+\\b"_s);
    return matchesOf(text, {&street, &poBox});
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

QList<Category> allCategories()
{
    return {Category::Ssn,   Category::Card,    Category::BirthDate, Category::Phone,
            Category::Email, Category::Address, Category::MedicalId};
}

Categories defaultCategories()
{
    Categories all;
    for (Category c : allCategories())
        all |= c;
    return all;
}

QString categoryName(Category category)
{
    switch (category) {
    case Category::Ssn:
        return u"ssn"_s;
    case Category::Card:
        return u"card"_s;
    case Category::BirthDate:
        return u"dob"_s;
    case Category::Phone:
        return u"phone"_s;
    case Category::Email:
        return u"email"_s;
    case Category::Address:
        return u"address"_s;
    case Category::MedicalId:
        return u"medical_id"_s;
    }
    return {};
}

std::optional<Category> categoryFromName(QStringView name)
{
    for (Category c : allCategories())
        if (categoryName(c) == name)
            return c;
    return std::nullopt;
}

QStringList categoryNames(Categories categories)
{
    QStringList names;
    for (Category c : allCategories())
        if (categories.testFlag(c))
            names << categoryName(c);
    return names;
}

Redaction redact(const QString &text, const QDate &today, Categories categories)
{
    Redaction out;
    out.text = text;
    if (text.isEmpty())
        return out;
    // Each step finds its spans in the text the steps before left: an SSN or card is taken
    // before the phone rule could see its digits, an e-mail before its digits look like a phone.
    const auto step = [&out, categories](Category category, int &count, QStringView token,
                                         auto find) {
        if (!categories.testFlag(category))
            return;
        const QList<Span> spans = find(out.text);
        count = int(spans.size());
        out.text = replaceSpans(out.text, spans, token);
    };
    step(Category::Ssn, out.ssns, ssnToken, findSsns);
    step(Category::Card, out.cards, cardToken, findCards);
    step(Category::MedicalId, out.medicalIds, medicalIdToken, findMedicalIds);
    step(Category::BirthDate, out.birthDates, birthDateToken,
         [&today](const QString &t) { return findBirthDates(t, today); });
    step(Category::Email, out.emails, emailToken, findEmails);
    step(Category::Phone, out.phones, phoneToken, findPhones);
    step(Category::Address, out.addresses, addressToken, findAddresses);
    return out;
}

QJsonValue redactJson(const QJsonValue &value, const QDate &today, Categories categories,
                      int *found)
{
    if (value.isString()) {
        const Redaction r = redact(value.toString(), today, categories);
        if (found)
            *found += r.total();
        return r.total() ? QJsonValue(r.text) : value;
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray())
            out.append(redactJson(item, today, categories, found));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject in = value.toObject();
        for (auto it = in.begin(); it != in.end(); ++it)
            out.insert(it.key(), redactJson(it.value(), today, categories, found));
        return out;
    }
    return value;
}

} // namespace vox::pii
