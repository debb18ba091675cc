#include "sandbox/demoreplies.h"

#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace vox::sandbox::demoreplies {

namespace {

// The same number always picks the same answer (qHash is seeded per process).
int pick(const QString &number, int choices)
{
    int sum = 0;
    for (const QChar c : number) {
        if (c.isDigit())
            sum += c.digitValue();
    }
    return sum % choices;
}

} // namespace

QString replyTo(const QString &patientNumber, const QString &body)
{
    const QString text = body.toLower();
    if (text.contains(u"missed you"_s)) {
        static const QStringList answers{
            QString(), u"Hi! I was calling about Botox prices, can someone call me back after 5?"_s,
            u"Yes please, I'd like to book a facial for Saturday morning"_s};
        return answers.at(pick(patientNumber, int(answers.size())));
    }
    if (text.contains(u"reminder"_s)) {
        static const QStringList answers{QString(), u"C"_s, u"Yes, see you then!"_s,
                                         u"R - could we do later in the week?"_s,
                                         u"Is there parking near the clinic?"_s};
        return answers.at(pick(patientNumber, int(answers.size())));
    }
    return {};
}

} // namespace vox::sandbox::demoreplies
