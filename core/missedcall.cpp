#include "core/missedcall.h"

#include "core/phonenumber.h"

#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace vox::missedcall {

namespace {

// The caller reached nobody whatever the length: the call never connected, nobody answered a
// transfer, or the caller could not be heard.
const QStringList missedReasons{
    u"call.ringing.sip-inbound-caller-hungup-before-call-connect"_s,
    u"call.ringing.error-sip-inbound-call-failed-to-connect"_s,
    u"twilio-failed-to-connect-call"_s,
    u"vonage-failed-to-connect-call"_s,
    u"vonage-rejected"_s,
    u"silence-timed-out"_s,
    u"voicemail"_s,
    u"call.forwarding.no-answer"_s,
    u"call.forwarding.operator-busy"_s,
    u"customer-ended-call-before-warm-transfer"_s,
    u"customer-ended-call-during-transfer"_s,
    u"customer-ended-call-after-warm-transfer-attempt"_s,
    u"assistant-join-timed-out"_s,
    u"assistant-not-found"_s,
    u"assistant-not-valid"_s,
    u"phone-call-provider-closed-websocket"_s,
    u"error"_s,
};

// Not a caller's call to the clinic: outbound-only outcomes, campaigns, deletions, tests.
const QStringList notApplicableReasons{
    u"customer-busy"_s,
    u"customer-did-not-answer"_s,
    u"twilio-reported-customer-misdialed"_s,
    u"call-deleted"_s,
    u"scheduled-call-deleted"_s,
    u"manually-canceled"_s,
    u"cancelled"_s,
    u"aborted"_s,
    u"mockConversation.done"_s,
    u"customer-did-not-give-microphone-permission"_s,
    u"phone-call-provider-bypass-enabled-but-no-call-received"_s,
};

bool isPipelineError(const QString &reason)
{
    // Vapi names its failures by where they happened: "pipeline-error-…", "call.start.error-…",
    // "call.in-progress.error-…", "assistant-request-failed", "…-providerfault-…".
    return reason.startsWith(u"pipeline-error"_s) || reason.startsWith(u"call.start.error"_s) ||
           reason.startsWith(u"call.in-progress.error-"_s) ||
           reason.startsWith(u"assistant-request-"_s) || reason.contains(u"providerfault"_s) ||
           reason.contains(u"vapifault"_s);
}

} // namespace

Classification classify(const QString &endedReason, std::optional<qint64> seconds)
{
    const QString reason = endedReason.trimmed();
    if (reason.isEmpty())
        return {Verdict::Handled, u"No ended reason: nothing to go by."_s};
    if (reason.startsWith(u"campaign."_s) || notApplicableReasons.contains(reason))
        return {Verdict::NotApplicable, u"Not a caller's call to the clinic."_s};
    if (missedReasons.contains(reason))
        return {Verdict::Missed, u"The caller reached nobody."_s};
    if (isPipelineError(reason))
        return {Verdict::Missed, u"The call failed before the caller was helped."_s};
    if (reason == u"customer-ended-call"_s) {
        if (seconds && *seconds < quickHangUpSeconds)
            return {Verdict::Missed, u"The caller hung up during the greeting."_s};
        return {Verdict::Handled, u"The caller ended a conversation."_s};
    }
    return {Verdict::Handled, u"The call was answered."_s};
}

bool looksTextable(const QString &e164)
{
    if (!phone::isE164(e164))
        return false;
    const QString digits = e164.mid(1);
    if (digits.startsWith(u'1')) {
        // North America: mobile and landline share area codes, but toll-free (8XX), premium
        // (900) and the N11 service codes never take texts from us.
        const QString area = digits.mid(1, 3);
        static const QStringList refused{u"800"_s, u"833"_s, u"844"_s, u"855"_s,
                                         u"866"_s, u"877"_s, u"888"_s, u"900"_s};
        return digits.size() == 11 && !refused.contains(area) && area.mid(1) != u"11"_s;
    }
    if (digits.startsWith(u"44"_s)) // UK mobiles are 07…, except 070 personal and 076 pagers
        return digits.mid(2, 1) == u"7"_s && digits.mid(3, 1) != u"0"_s &&
               digits.mid(3, 1) != u"6"_s;
    if (digits.startsWith(u"34"_s)) // Spain: 6… and 7… are mobiles
        return digits.mid(2, 1) == u"6"_s || digits.mid(2, 1) == u"7"_s;
    if (digits.startsWith(u"33"_s)) // France: 06 and 07
        return digits.mid(2, 1) == u"6"_s || digits.mid(2, 1) == u"7"_s;
    if (digits.startsWith(u"61"_s)) // Australia: 04
        return digits.mid(2, 1) == u"4"_s;
    return true;
}

QString defaultTemplate()
{
    return u"Sorry we missed you at {clinic} \u2014 reply here or we'll call you back."_s;
}

QString textBackBody(const QString &clinicName, const QString &templateText)
{
    const QString text = templateText.trimmed().isEmpty() ? defaultTemplate() : templateText;
    QString body = text;
    body.replace(u"{clinic}"_s,
                 clinicName.trimmed().isEmpty() ? u"the clinic"_s : clinicName.trimmed());
    return body.trimmed();
}

} // namespace vox::missedcall
