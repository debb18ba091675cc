#include "core/remindermessage.h"

#include <QHash>
#include <QLocale>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace vox::reminders {

namespace {

const QRegularExpression &placeholderPattern()
{
    static const QRegularExpression pattern(u"\\{([A-Za-z_]*)\\}"_s);
    return pattern;
}

} // namespace

QStringList placeholders()
{
    return {u"{first_name}"_s, u"{service}"_s, u"{date}"_s, u"{time}"_s, u"{clinic}"_s};
}

Fields sampleFields(const QString &clinic, const QTimeZone &zone)
{
    // A fixed Tuesday morning, so the preview reads the same every time it is shown.
    return {u"Maria"_s, u"Cleaning"_s, QDateTime(QDate(2026, 3, 10), QTime(9, 30), zone), zone,
            clinic.isEmpty() ? u"Your clinic"_s : clinic};
}

Result<void> checkTemplate(const QString &text, const QString &field)
{
    if (text.trimmed().isEmpty())
        return fail(u"'%1' cannot be empty."_s.arg(field), ErrorKind::BadInput, field);
    if (text.size() > longestTemplate)
        return fail(u"'%1' is longer than %2 characters."_s.arg(field).arg(longestTemplate),
                    ErrorKind::BadInput, field);
    const QStringList known = placeholders();
    for (auto it = placeholderPattern().globalMatch(text); it.hasNext();) {
        const QString found = it.next().captured(0);
        if (!known.contains(found))
            return fail(u"'%1' names %2, which is not a placeholder; use %3."_s.arg(
                            field, found, known.join(u", "_s)),
                        ErrorKind::BadInput, field);
    }
    return {};
}

Language languageOf(const QString &code)
{
    return code.trimmed().compare(u"es"_s, Qt::CaseInsensitive) == 0 ? Language::Spanish
                                                                     : Language::English;
}

QString render(const QString &text, const Fields &fields)
{
    // Dates as the default templates of the language are written: "Tue 10 Mar" at "9:30 AM",
    // or "10 de marzo" a las "9:30".
    const bool spanish = fields.language == Language::Spanish;
    const QLocale locale = spanish ? QLocale(QLocale::Spanish, QLocale::Spain)
                                   : QLocale(QLocale::English, QLocale::UnitedStates);
    const QDateTime local = fields.start.toTimeZone(fields.zone);
    const QHash<QString, QString> values{
        {u"first_name"_s, fields.firstName},
        {u"service"_s, fields.service},
        {u"date"_s, locale.toString(local.date(), spanish ? u"d 'de' MMMM"_s : u"ddd d MMM"_s)},
        {u"time"_s, locale.toString(local.time(), spanish ? u"H:mm"_s : u"h:mm AP"_s)},
        {u"clinic"_s, fields.clinic}};
    QString source = text;
    if (fields.firstName.isEmpty())
        source.replace(u" {first_name},"_s, u","_s);
    // One pass, so a name or service that itself contains braces is never read as a placeholder.
    QString out;
    qsizetype from = 0;
    for (auto it = placeholderPattern().globalMatch(source); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        out += QStringView(source).mid(from, match.capturedStart(0) - from);
        const auto value = values.constFind(match.captured(1));
        out += value == values.cend() ? match.captured(0) : *value;
        from = match.capturedEnd(0);
    }
    out += QStringView(source).mid(from);
    return out;
}

Preview preview(const QString &text, const Fields &fields)
{
    Preview p;
    p.text = render(text, fields);
    p.sms = sms::measure(p.text);
    return p;
}

} // namespace vox::reminders
