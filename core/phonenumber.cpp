#include "core/phonenumber.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace vox::phone {

const QList<Country> &countries()
{
    // Lengths are of the national significant number (after the trunk prefix).
    static const QList<Country> table{
        {u"US"_s, u"1"_s, u"1"_s, {u"011"_s}, 10, 10, true},
        {u"CA"_s, u"1"_s, u"1"_s, {u"011"_s}, 10, 10, true},
        {u"MX"_s, u"52"_s, QString(), {u"00"_s}, 10, 10, false},
        {u"GB"_s, u"44"_s, u"0"_s, {u"00"_s}, 9, 10, false},
        {u"ES"_s, u"34"_s, QString(), {u"00"_s}, 9, 9, false},
        {u"FR"_s, u"33"_s, u"0"_s, {u"00"_s}, 9, 9, false},
        {u"AU"_s, u"61"_s, u"0"_s, {u"0011"_s}, 9, 9, false},
    };
    return table;
}

std::optional<Country> country(const QString &iso)
{
    for (const Country &c : countries()) {
        if (c.iso == iso)
            return c;
    }
    return std::nullopt;
}

QString defaultClinicCountry()
{
    return u"US"_s;
}

bool isE164(const QString &number)
{
    static const QRegularExpression pattern(u"^\\+[1-9]\\d{6,14}$"_s);
    return pattern.match(number).hasMatch();
}

namespace {

Result<QString> international(const QString &compact)
{
    if (compact.size() > 1 && compact.at(1) == u'0')
        return fail(u"A country code never starts with 0."_s);
    const qsizetype digits = compact.size() - 1;
    if (digits < 7)
        return fail(u"That number is too short: E.164 numbers have 7 to 15 digits."_s);
    if (digits > 15)
        return fail(u"That number is too long: E.164 numbers have at most 15 digits."_s);
    if (!isE164(compact))
        return fail(u"That is not a valid international (E.164) phone number."_s);
    return compact;
}

Result<QString> national(QString digits, const Country &c)
{
    for (const QString &exit : c.exitPrefixes) {
        if (digits.startsWith(exit) && digits.size() > exit.size())
            return international(u'+' + digits.mid(exit.size()));
    }
    // A North American "1" is only the trunk prefix on an eleven-digit number; a ten-digit one
    // starting with 1 is a mistyped area code. Elsewhere a national number never starts with
    // the trunk prefix's 0.
    if (!c.trunkPrefix.isEmpty() && digits.startsWith(c.trunkPrefix) &&
        (!c.northAmerican || digits.size() > c.maxDigits))
        digits.remove(0, c.trunkPrefix.size());
    if (c.northAmerican) {
        if (digits.size() < c.minDigits)
            return fail(u"That number is too short: a North American number has 10 digits, "
                        "area code included."_s);
        if (digits.size() > c.maxDigits)
            return fail(u"That number is too long for a North American number; for another "
                        "country, start with '+' and its country code."_s);
        if (digits.at(0) == u'0' || digits.at(0) == u'1')
            return fail(u"A North American area code never starts with 0 or 1."_s);
    } else {
        if (digits.size() < c.minDigits)
            return fail(u"That number is too short: include the area code."_s);
        if (digits.size() > c.maxDigits)
            return fail(u"That number is too long for the clinic's country; for another "
                        "country, start with '+' and its country code."_s);
    }
    return international(u'+' + c.callingCode + digits);
}

} // namespace

Result<QString> normalize(const QString &typed, const QString &defaultCountry)
{
    QString trimmed = typed.trimmed();
    if (trimmed.isEmpty())
        return fail(u"Enter a phone number."_s);
    // "+44 (0)20 7946 0958": the bracketed trunk prefix is for callers at home.
    if (trimmed.startsWith(u'+'))
        trimmed.remove(u"(0)"_s);

    QString compact;
    compact.reserve(trimmed.size());
    for (const QChar c : trimmed) {
        if (c.isDigit() && c.unicode() < 128)
            compact.append(c);
        else if (c == u'+')
            compact.append(c);
        else if (!c.isSpace() && c != u'-' && c != u'(' && c != u')' && c != u'.' && c != u'/')
            return fail(u"A phone number can only contain digits, spaces, dashes, dots and "
                        "brackets."_s);
    }
    if (compact.lastIndexOf(u'+') > 0)
        return fail(u"The '+' can only come first, before the country code."_s);
    if (compact.startsWith(u'+'))
        return international(compact);
    if (compact.isEmpty())
        return fail(u"Enter a phone number."_s);
    const auto home = country(defaultCountry);
    if (!home)
        return fail(u"Start with '+' and the country code, for example +1 555 123 4567."_s);
    return national(compact, *home);
}

QString display(const QString &number)
{
    // +1, then a 3-digit area code and a 7-digit number: the North American Numbering Plan.
    if (number.size() != 12 || !number.startsWith(u"+1") || !isE164(number))
        return number;
    return u"(%1) %2-%3"_s.arg(number.mid(2, 3), number.mid(5, 3), number.mid(8, 4));
}

QString editable(const QString &number)
{
    const QString shown = display(number);
    return shown == number ? number : u"+1 "_s + shown;
}

QString masked(const QString &number)
{
    if (number.size() <= 6)
        return QString(number.size(), u'•');
    const qsizetype head = qMin<qsizetype>(4, number.size() - 4);
    return number.left(head) + QString(number.size() - head - 4, u'•') + number.right(4);
}

} // namespace vox::phone
