#include "core/transferreason.h"

#include <QHash>

using namespace Qt::Literals::StringLiterals;

namespace vox::calls {

TransferInfo transferFromEndedReason(const QString &endedReason)
{
    static const QHash<QString, QString> known{
        {u"assistant-forwarded-call"_s, u"The assistant transferred the caller to the clinic."_s},
        {u"assistant-request-returned-forwarding-phone-number"_s,
         u"The call was forwarded before the assistant answered."_s},
        {u"customer-ended-call-during-transfer"_s, u"The caller hung up during the transfer."_s},
        {u"customer-ended-call-before-warm-transfer"_s,
         u"The caller hung up before the warm transfer connected."_s},
        {u"customer-ended-call-after-warm-transfer-attempt"_s,
         u"The caller hung up after a warm transfer attempt."_s},
        {u"call.forwarding.operator-busy"_s, u"The transfer target was busy."_s},
        {u"call.forwarding.no-answer"_s, u"The transfer target did not answer."_s},
        {u"call.in-progress.error-transfer-failed"_s, u"The transfer failed."_s},
        {u"call.in-progress.error-warm-transfer-max-duration"_s,
         u"The warm transfer took too long and was ended."_s},
        {u"call.in-progress.error-warm-transfer-assistant-cancelled"_s,
         u"The assistant cancelled the warm transfer."_s},
        {u"call.in-progress.error-warm-transfer-silence-timeout"_s,
         u"The warm transfer ended after a silence."_s},
        {u"call.in-progress.error-warm-transfer-microphone-timeout"_s,
         u"The warm transfer ended: no audio from the transfer target."_s},
        {u"call.ringing.hook-executed-transfer"_s, u"A call hook transferred the call."_s},
        {u"call.ending.hook-executed-transfer"_s, u"A call hook transferred the call."_s},
    };
    const QString reason = endedReason.trimmed();
    if (const auto it = known.constFind(reason); it != known.cend())
        return {true, *it};
    const QString lower = reason.toLower();
    if (lower.contains(u"transfer"_s) || lower.contains(u"forward"_s)) {
        QString words = reason;
        words.replace(u'-', u' ').replace(u'.', u' ');
        return {true, u"Transfer: %1."_s.arg(words.simplified())};
    }
    return {};
}

} // namespace vox::calls
