#include "server/services/transcriptexport.h"

#include <QJsonObject>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace vox::server::transcript {

namespace {

QString clock(double seconds)
{
    const int s = qMax(0, int(seconds));
    if (s >= 3600)
        return u"%1:%2:%3"_s.arg(s / 3600)
            .arg((s / 60) % 60, 2, 10, QChar(u'0'))
            .arg(s % 60, 2, 10, QChar(u'0'));
    return u"%1:%2"_s.arg(s / 60, 2, 10, QChar(u'0')).arg(s % 60, 2, 10, QChar(u'0'));
}

QString speaker(const QString &role)
{
    if (role == u"assistant" || role == u"bot")
        return u"Receptionist (AI)"_s;
    if (role == u"user" || role == u"customer")
        return u"Caller"_s;
    return QString();
}

} // namespace

QString render(const CallSummary &call, const QJsonArray &messages, const QString &transcript,
               const redaction::Policy &redaction)
{
    const auto clean = [&redaction](const QString &text) { return redaction.text(text); };
    QStringList lines;
    lines << u"Call transcript%1"_s.arg(call.clinic.isEmpty() ? QString() : u" — "_s + call.clinic);
    const QString who =
        call.callerName.isEmpty()
            ? call.phoneNumber
            : (call.phoneNumber.isEmpty() ? call.callerName
                                          : u"%1 (%2)"_s.arg(call.callerName, call.phoneNumber));
    if (!who.isEmpty())
        lines << (call.direction == u"outbound" ? u"Called: "_s : u"Caller: "_s) + who;
    if (call.occurredAt.isValid())
        lines << u"Date: "_s +
                     call.occurredAt.toTimeZone(call.timeZone).toString(u"yyyy-MM-dd HH:mm t"_s);
    if (call.durationSeconds >= 0)
        lines << u"Duration: "_s + clock(call.durationSeconds);
    lines << QString();

    int turns = 0;
    for (const QJsonValue &value : messages) {
        const QJsonObject m = value.toObject();
        const QString name = speaker(m.value(u"role"_s).toString());
        QString words = m.value(u"message"_s).toString();
        if (words.isEmpty())
            words = m.value(u"content"_s).toString();
        if (name.isEmpty() || words.trimmed().isEmpty())
            continue;
        QJsonValue at = m.value(u"secondsFromStart"_s);
        if (at.isUndefined())
            at = m.value(u"seconds_from_start"_s);
        const QString stamp = at.isDouble() ? u"[%1] "_s.arg(clock(at.toDouble())) : QString();
        lines << stamp + name + u": "_s + clean(words.simplified());
        ++turns;
    }
    if (turns == 0)
        lines << clean(transcript.trimmed());
    return lines.join(u'\n') + u'\n';
}

QString fileName(const CallSummary &call)
{
    QString caller = call.callerName.isEmpty() ? call.phoneNumber : call.callerName;
    QString safe;
    for (const QChar c : caller.toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            safe += c;
        else if (!safe.isEmpty() && !safe.endsWith(u'-'))
            safe += u'-';
    }
    while (safe.endsWith(u'-'))
        safe.chop(1);
    if (safe.isEmpty())
        safe = u"unknown-caller"_s;
    const QString date = call.occurredAt.isValid()
                             ? call.occurredAt.toTimeZone(call.timeZone).toString(u"yyyy-MM-dd"_s)
                             : u"undated"_s;
    return u"transcript-%1-%2.txt"_s.arg(safe.left(60), date);
}

} // namespace vox::server::transcript
