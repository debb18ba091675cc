#include "core/phonenumber.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace vox::phone {

bool isE164(const QString &number)
{
    static const QRegularExpression pattern(u"^\\+[1-9]\\d{6,14}$"_s);
    return pattern.match(number).hasMatch();
}

Result<QString> normalize(const QString &typed)
{
    const QString trimmed = typed.trimmed();
    if (trimmed.isEmpty())
        return fail(u"Enter a phone number."_s);

    QString compact;
    compact.reserve(trimmed.size());
    for (const QChar c : trimmed) {
        if (c.isDigit() || c == u'+')
            compact.append(c);
        else if (c != u' ' && c != u'-' && c != u'(' && c != u')' && c != u'.' && c != u'/')
            return fail(u"A phone number can only contain digits, spaces, dashes, dots and "
                        "brackets."_s);
    }
    if (compact.lastIndexOf(u'+') > 0)
        return fail(u"The '+' can only come first, before the country code."_s);
    if (!compact.startsWith(u'+'))
        return fail(u"Start with '+' and the country code, for example +1 555 123 4567."_s);
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

QString display(const QString &number)
{
    // +1, then a 3-digit area code and a 7-digit number: the North American Numbering Plan.
    if (number.size() != 12 || !number.startsWith(u"+1") || !isE164(number))
        return number;
    return u"(%1) %2-%3"_s.arg(number.mid(2, 3), number.mid(5, 3), number.mid(8, 4));
}

QString masked(const QString &number)
{
    if (number.size() <= 6)
        return QString(number.size(), u'•');
    const qsizetype head = qMin<qsizetype>(4, number.size() - 4);
    return number.left(head) + QString(number.size() - head - 4, u'•') + number.right(4);
}

} // namespace vox::phone
