#include "ui/telephony/telephonytext.h"

#include "ui/api/apierror.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

// phone::normalize's reasons (core/phonenumber.cpp). Listed so lupdate offers them to
// translators; a reason not listed here still shows, in English.
[[maybe_unused]] const char *const phoneProblems[] = {
    QT_TRANSLATE_NOOP("PhoneProblem", "Enter a phone number."),
    QT_TRANSLATE_NOOP("PhoneProblem", "A phone number can only contain digits, spaces, dashes, "
                                      "dots and brackets."),
    QT_TRANSLATE_NOOP("PhoneProblem", "The '+' can only come first, before the country code."),
    QT_TRANSLATE_NOOP("PhoneProblem",
                      "Start with '+' and the country code, for example +1 555 123 4567."),
    QT_TRANSLATE_NOOP("PhoneProblem", "A country code never starts with 0."),
    QT_TRANSLATE_NOOP("PhoneProblem",
                      "That number is too short: E.164 numbers have 7 to 15 digits."),
    QT_TRANSLATE_NOOP("PhoneProblem",
                      "That number is too long: E.164 numbers have at most 15 digits."),
    QT_TRANSLATE_NOOP("PhoneProblem", "That is not a valid international (E.164) phone number."),
    QT_TRANSLATE_NOOP("PhoneProblem", "That number is too short: a North American number has 10 "
                                      "digits, area code included."),
    QT_TRANSLATE_NOOP("PhoneProblem", "That number is too long for a North American number; for "
                                      "another country, start with '+' and its country code."),
    QT_TRANSLATE_NOOP("PhoneProblem", "A North American area code never starts with 0 or 1."),
    QT_TRANSLATE_NOOP("PhoneProblem", "That number is too short: include the area code."),
    QT_TRANSLATE_NOOP("PhoneProblem", "That number is too long for the clinic's country; for "
                                      "another country, start with '+' and its country code."),
};

} // namespace

QString TelephonyText::carrierName(forwarding::Carrier carrier)
{
    using forwarding::Carrier;
    switch (carrier) {
    case Carrier::Att:
        return tr("AT&T");
    case Carrier::TMobile:
        return tr("T-Mobile");
    case Carrier::Verizon:
        return tr("Verizon");
    case Carrier::Sprint:
        return tr("Sprint");
    case Carrier::OtherGsm:
        return tr("Another GSM carrier");
    case Carrier::OtherCdma:
        return tr("Another CDMA carrier");
    case Carrier::International:
        return tr("A carrier outside the US");
    }
    return {};
}

QString TelephonyText::carrierName(const QString &carrierId)
{
    const auto carrier = forwarding::carrierFromString(carrierId);
    return carrier ? carrierName(*carrier) : carrierId;
}

QString TelephonyText::modeName(const QString &forwardingType)
{
    if (forwardingType == u"total_ai")
        return tr("Total AI");
    if (forwardingType == u"safety_net")
        return tr("Safety Net");
    return forwardingType;
}

QString TelephonyText::modeExplanation(forwarding::Mode mode)
{
    if (mode == forwarding::Mode::TotalAi)
        return tr("Your phone does not ring: every call goes straight to the AI receptionist. "
                  "Good for after hours, or when nobody is at the front desk.");
    return tr("Your phone rings first. If nobody answers in time, or the line is busy, the AI "
              "receptionist picks up, so no caller is missed.");
}

QString TelephonyText::numberStatus(const QString &status)
{
    if (status == u"verified")
        return tr("Verified");
    if (status == u"pending")
        return tr("Waiting for the code");
    if (status == u"failed")
        return tr("Not verified");
    if (status == u"expired")
        return tr("Code expired");
    return status;
}

QString TelephonyText::forwardingStatus(const QString &status)
{
    if (status == u"active")
        return tr("Forwarding to the AI");
    if (status == u"pending_setup")
        return tr("Code not dialed yet");
    if (status == u"disabled")
        return tr("Forwarding off");
    if (status.isEmpty())
        return tr("Not set up");
    return status;
}

QString TelephonyText::clock(int seconds)
{
    seconds = qMax(0, seconds);
    const int h = seconds / 3600;
    const int m = (seconds % 3600) / 60;
    const int s = seconds % 60;
    if (h > 0)
        return u"%1:%2:%3"_s.arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
    return u"%1:%2"_s.arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

QString TelephonyText::wait(int seconds)
{
    if (seconds >= 3600 && seconds % 3600 < 60)
        return tr("%n hour(s)", nullptr, seconds / 3600);
    return tr("%n minute(s)", nullptr, qMax(1, (seconds + 59) / 60));
}

QString TelephonyText::phoneProblem(const QString &coreMessage)
{
    return QCoreApplication::translate("PhoneProblem", coreMessage.toUtf8().constData());
}

QString TelephonyText::refusal(Step step, const Error &error, const Refusal &refusal)
{
    // No answer from the server at all: the client's own sentence (already translated).
    if (refusal.status == 0)
        return error.message;
    const QString said = refusal.body.value(u"error"_s).toString();
    switch (refusal.status) {
    case 400:
        if (said.contains(u"not configured"_s, Qt::CaseInsensitive))
            return tr("Connect the clinic's Twilio account first (Integrations, Twilio): Twilio "
                      "makes the verification call.");
        if (step == Step::Initiate) {
            if (refusal.field() == u"phoneNumber")
                return tr("That is not a valid number. Use the international form: + and the "
                          "country code, then the number.");
            return tr("Twilio could not call this number. Check it and try again.");
        }
        if (step == Step::Confirm) {
            const int left = refusal.attemptsRemaining();
            if (refusal.field() == u"verificationCode")
                return tr("Enter the 6-digit code.");
            // The attempts left stand beside the code's field; saying them here again would
            // put the same count twice on the page.
            if (left >= 0)
                return tr("That code is not right. Check it and type it again.");
        }
        if (step == Step::Forwarding) {
            if (said.contains(u"Twilio number"_s))
                return tr("Connect the clinic's Twilio number first (Integrations, Twilio): the "
                          "calls are forwarded to it.");
            if (said.contains(u"itself"_s))
                return tr("This number is the AI's own number; it cannot forward to itself.");
            if (refusal.field() == u"ringTimeSeconds")
                return tr("Your carrier does not accept this ring time. Choose another one.");
        }
        return tr("Some of the details are not right. Check them and try again.");
    case 404:
        return tr("This number is no longer on the clinic's list. Start again with "
                  "“Add a number”.");
    case 409:
        if (step == Step::Initiate)
            return tr("This number is already verified for your clinic.");
        if (step == Step::Confirm)
            return tr("Twilio has not heard the code yet. Answer Twilio's call, type the code on "
                      "the phone's keypad, then press Confirm again.");
        if (step == Step::Forwarding)
            return tr("Verify this number before setting up forwarding.");
        return error.message;
    case 410:
        if (said.contains(u"ended"_s))
            return tr("This verification has ended. Ask for a new call.");
        return tr("The code has expired. Ask for a new call to get a new code.");
    case 429:
        if (refusal.lockedForSeconds() > 0)
            return tr("Too many wrong codes for this number. It is locked for %1; try again "
                      "then.")
                .arg(wait(refusal.lockedForSeconds()));
        return tr("Too many verification calls to this number. You can ask for another one in "
                  "%1.")
            .arg(wait(refusal.waitSeconds()));
    case 502:
        return tr("Twilio did not answer. Please try again in a moment.");
    default:
        break;
    }
    return error.message;
}

} // namespace vox::ui
