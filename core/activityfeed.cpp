#include "core/activityfeed.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::activity {

bool belongsInFeed(const QString &eventType, const QJsonObject &payload)
{
    // A contact's own events follow from a call that is already in the feed.
    if (eventType.startsWith(u"contact."_s))
        return false;
    // The front desk's marks, owners and notes on the Today list are their own working notes.
    if (eventType.startsWith(u"today."_s))
        return false;
    // A live call's lines and who is speaking are the Live page's, many a second; the feed keeps
    // what a person did to the call and the AI putting a caller through.
    if (eventType == u"live.transcript" || eventType == u"live.speech" ||
        eventType == u"live.conversation")
        return false;
    if (eventType == u"call.updated") {
        // A call is worth a line when it came in and when it is over, not at every step between.
        // "Over" is the end-of-call report (`report`), which carries the outcome; the status
        // update saying "ended" just before it would make a second line for the same moment.
        if (payload.value(u"booking_confirmed"_s).toBool())
            return true;
        const QString status = payload.value(u"status"_s).toString();
        return status == u"failed" || (status == u"ended" && payload.value(u"report"_s).toBool());
    }
    return true;
}

} // namespace vox::activity
