#include "core/logmask.h"

#include "core/phonenumber.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace vox::logmask {

namespace {

const QString redacted = u"[redacted]"_s;

QString maskEmail(const QString &email)
{
    const qsizetype at = email.indexOf(u'@');
    return email.left(qMin<qsizetype>(1, at)) + u"***"_s + email.mid(at);
}

template<typename Replace>
QString replaceAll(const QString &text, const QRegularExpression &re, Replace replace)
{
    QString out;
    qsizetype last = 0;
    auto it = re.globalMatch(text);
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        out += QStringView(text).sliced(last, m.capturedStart() - last);
        out += replace(m.captured());
        last = m.capturedEnd();
    }
    if (last == 0)
        return text;
    out += QStringView(text).sliced(last);
    return out;
}

} // namespace

bool isSensitiveKey(const QString &key)
{
    static const QRegularExpression pattern(
        u"(pass(word)?|secret|token|authorization|auth|api[_-]?key|private[_-]?key|cookie|"
        "signature|credential|encryption[_-]?key|verification[_-]?code|^code$|^key$)"_s,
        QRegularExpression::CaseInsensitiveOption);
    // Field names are few and come back on every line; the answers are remembered per thread
    // (up to a bound, as provider payloads can bring any names).
    thread_local QHash<QString, bool> known;
    if (const auto it = known.constFind(key); it != known.cend())
        return *it;
    const bool sensitive = pattern.match(key).hasMatch();
    if (known.size() < 1024)
        known.insert(key, sensitive);
    return sensitive;
}

namespace {

bool mayHoldSomethingToScrub(QStringView text)
{
    // Every pattern below needs one of these: '@' (e-mail), '+' (E.164), '(' (US phone), ten
    // digits with nothing but separators between them (a North American number written without
    // '+'), "eyJ" (JWT), or the word bearer/basic. Most lines have none, and skip the
    // expressions.
    int digitsInRun = 0; // digits since the last character no number is written with
    for (const QChar c : text) {
        if (c == u'@' || c == u'+' || c == u'(')
            return true;
        if (c >= u'0' && c <= u'9') {
            if (++digitsInRun >= 10)
                return true;
        } else if (c != u'-' && c != u'.' && c != u' ' && c != u')') {
            digitsInRun = 0;
        }
    }
    return text.contains(u"eyJ") || text.contains(u"bearer", Qt::CaseInsensitive) ||
           text.contains(u"basic", Qt::CaseInsensitive);
}

} // namespace

QString scrubText(const QString &text)
{
    if (!mayHoldSomethingToScrub(text))
        return text;

    static const QRegularExpression jwt(
        u"eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*"_s);
    static const QRegularExpression bearer(u"(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]+"_s);
    static const QRegularExpression email(u"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"_s);
    static const QRegularExpression e164(u"\\+[1-9]\\d{6,14}\\b"_s);
    // North American numbers without '+': (512) 555-0101, 512-555-0101, 512.555.0101,
    // 512 555 0101, each optionally after "1" and the same separator, and ten bare digits. Not
    // inside a longer run of letters, digits or separated digits (ids, UUID groups, decimals,
    // dates and addresses never take this shape). Written with separators the digits may be
    // anything; ten bare digits are only a number when they read as one (area code and exchange
    // start with 2-9), which leaves Unix times in seconds and most counters alone.
    static const QRegularExpression usPhone(
        uR"((?<![\w])(?<!\d[.-])(?:1[-. ]?)?)" // not inside a word or number; "1-"
        uR"((?:\(\d{3}\)\s?\d{3}[-. ]?\d{4})"  // (512) 555-0101
        uR"(|\d{3}([-. ])\d{3}\1\d{4})"        // 512-555-0101, 512.555.0101
        uR"(|[2-9]\d{2}[2-9]\d{6}))"           // 5125550101
        uR"((?![\w])(?![.-]\d))"_s);

    QString out = replaceAll(text, jwt, [](const QString &) { return u"[jwt]"_s; });
    out = replaceAll(out, bearer, [](const QString &m) -> QString {
        return m.section(u' ', 0, 0) + u" [redacted]"_s;
    });
    out = replaceAll(out, email, maskEmail);
    out = replaceAll(out, e164, phone::masked);
    out = replaceAll(out, usPhone, phone::masked);
    return out;
}

QJsonValue maskValue(const QString &key, const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined() || value.isBool() || value.isDouble())
        return value;
    if (isSensitiveKey(key))
        return redacted;
    if (value.isString())
        return scrubText(value.toString());
    if (value.isObject())
        return maskFields(value.toObject());
    if (value.isArray()) {
        QJsonArray out;
        for (const QJsonValue &item : value.toArray())
            out.append(maskValue(key, item));
        return out;
    }
    return value;
}

QJsonObject maskFields(const QJsonObject &fields)
{
    QJsonObject out;
    for (auto it = fields.begin(); it != fields.end(); ++it)
        out.insert(it.key(), maskValue(it.key(), it.value()));
    return out;
}

} // namespace vox::logmask
