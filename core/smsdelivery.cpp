#include "core/smsdelivery.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::sms {

namespace {

// Our status for Twilio's; empty when the status is not one of a message we sent.
QString ours(QStringView reported)
{
    if (reported == u"accepted" || reported == u"scheduled" || reported == u"queued" ||
        reported == u"sending" || reported == u"sent")
        return u"sent"_s;
    if (reported == u"delivered" || reported == u"read")
        return u"delivered"_s;
    if (reported == u"undelivered" || reported == u"failed" || reported == u"canceled")
        return u"failed"_s;
    return {};
}

// How far a row has got: a report moves it only to a later stage.
int stage(QStringView status)
{
    if (status == u"queued")
        return 0;
    if (status == u"sending" || status == u"unknown")
        return 1;
    if (status == u"sent")
        return 2;
    if (status == u"delivered" || status == u"failed")
        return 3;
    return -1; // received (a patient's text) or anything else: not ours to move
}

} // namespace

std::optional<QString> deliveryStatusAfter(QStringView current, QStringView reported)
{
    const QString next = ours(reported);
    const int from = stage(current);
    if (next.isEmpty() || from < 0 || stage(next) <= from)
        return std::nullopt;
    return next;
}

QString deliveryErrorWords(QStringView reported, int errorCode)
{
    // Twilio's delivery errors (the 30000s) and the refusals it reports late, in words a front
    // desk can act on.
    QString words;
    switch (errorCode) {
    case 30001:
        words = u"Twilio's queue was full and dropped the message"_s;
        break;
    case 30002:
        words = u"The clinic's Twilio account is suspended"_s;
        break;
    case 30003:
        words = u"The patient's phone could not be reached (switched off or out of coverage)"_s;
        break;
    case 30004:
        words = u"The patient's number blocks this message"_s;
        break;
    case 30005:
        words = u"The number does not exist or is no longer in service"_s;
        break;
    case 30006:
        words = u"The number is a landline or cannot receive texts"_s;
        break;
    case 30007:
        words = u"The carrier filtered the message as unwanted"_s;
        break;
    case 30008:
        words = u"The carrier could not deliver the message for an unknown reason"_s;
        break;
    case 21610:
        words = u"The patient has unsubscribed from this number (STOP)"_s;
        break;
    case 21614:
        words = u"The number is not a mobile number"_s;
        break;
    default:
        words = reported == u"canceled" ? u"The message was cancelled before it was sent"_s
                                        : u"The message was not delivered"_s;
        break;
    }
    return errorCode > 0 ? u"%1 (Twilio error %2)."_s.arg(words).arg(errorCode)
                         : words + u" (Twilio gave no error code)."_s;
}

} // namespace vox::sms
