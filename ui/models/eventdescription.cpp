#include "ui/models/eventdescription.h"

#include "core/phonenumber.h"
#include "ui/models/displayformat.h"

using namespace Qt::Literals::StringLiterals;

namespace vox::ui {

namespace {

// The payload's best name for the person involved, if it carries one.
QString who(const LiveEvent &event)
{
    for (const QString &key : {u"contact_name"_s, u"name"_s, u"caller_name"_s}) {
        const QString value = event.payload.value(key).toString();
        if (!value.isEmpty())
            // A caller nobody named, or a contact saved under its number, carries the number
            // itself where a name would be.
            return phone::display(value);
    }
    for (const QString &key : {u"phone_number"_s, u"phone"_s}) {
        const QString value = event.payload.value(key).toString();
        if (!value.isEmpty())
            return phone::display(value);
    }
    return {};
}

// A connection's change in the words of its outcome: a failed connect says whether the clinic's
// previous connection still works, a broken one says where to mend it.
QString integration(const QJsonObject &payload)
{
    const QString provider = payload.value(u"provider"_s).toString();
    const QString name = provider == u"twilio"   ? u"Twilio"_s
                         : provider == u"google" ? u"Google Calendar"_s
                         : provider == u"resend" ? u"Resend"_s
                                                 : QString();
    const QString status = payload.value(u"status"_s).toString();
    if (name.isEmpty())
        return EventDescription::tr("An integration changed");
    if (status == u"active")
        return EventDescription::tr("%1 is connected").arg(name);
    if (status == u"syncing")
        return EventDescription::tr("Connecting %1…").arg(name);
    if (status == u"not_connected")
        return EventDescription::tr("%1 was disconnected").arg(name);
    if (status == u"failed")
        return payload.value(u"restored"_s).toBool()
                   ? EventDescription::tr("Connecting %1 failed; the previous connection still "
                                          "works")
                         .arg(name)
                   : EventDescription::tr("Connecting %1 failed").arg(name);
    if (status == u"broken")
        return EventDescription::tr("%1 stopped working: reconnect it on the Integrations page")
            .arg(name);
    return EventDescription::tr("%1 changed").arg(name);
}

// A patient's text in the words of what it asked for.
QString patientText(const QString &kind)
{
    if (kind == u"confirm")
        return EventDescription::tr("A patient confirmed an appointment by text");
    if (kind == u"cancel")
        return EventDescription::tr("A patient asked by text to cancel an appointment");
    if (kind == u"reschedule")
        return EventDescription::tr("A patient asked by text to move an appointment");
    if (kind == u"opt_out")
        return EventDescription::tr("A patient asked not to be texted");
    if (kind == u"opt_in")
        return EventDescription::tr("A patient agreed to be texted again");
    return EventDescription::tr("A patient sent a text");
}

// What happened on a call in progress: what a person at the clinic did to it, the AI putting the
// caller through, or its moment-by-moment lines (which the feed itself leaves out).
QString liveCall(const LiveEvent &event, const QString &person)
{
    const QString &t = event.type;
    const QString destination = phone::display(event.payload.value(u"destination"_s).toString());
    if (t == u"live.transferring") {
        if (person.isEmpty())
            return destination.isEmpty()
                       ? EventDescription::tr("The AI is transferring a caller")
                       : EventDescription::tr("The AI is transferring a caller to %1")
                             .arg(destination);
        return destination.isEmpty() ? EventDescription::tr("The AI is transferring %1").arg(person)
                                     : EventDescription::tr("The AI is transferring %1 to %2")
                                           .arg(person, destination);
    }
    if (t == u"live.control") {
        const QString type = event.payload.value(u"type"_s).toString();
        if (!event.payload.value(u"success"_s).toBool(true))
            return EventDescription::tr("An action on a live call did not go through");
        if (type == u"say")
            return EventDescription::tr("Someone at the clinic spoke to a caller on a live call");
        if (type == u"whisper")
            return EventDescription::tr("Someone at the clinic whispered to the AI on a live call");
        if (type == u"mute")
            return EventDescription::tr("The AI was muted on a live call");
        if (type == u"unmute")
            return EventDescription::tr("The AI was unmuted on a live call");
        if (type == u"end")
            return EventDescription::tr("Someone at the clinic ended a live call");
        if (type == u"transfer")
            return destination.isEmpty()
                       ? EventDescription::tr("A live call was transferred")
                       : EventDescription::tr("A live call was transferred to %1").arg(destination);
        return EventDescription::tr("Someone at the clinic acted on a live call");
    }
    if (t == u"live.speech") {
        const bool ai = event.payload.value(u"role"_s).toString() == u"assistant";
        return ai ? EventDescription::tr("The AI is speaking on a live call")
                  : EventDescription::tr("A caller is speaking on a live call");
    }
    if (t == u"live.transcript" || t == u"live.conversation")
        return EventDescription::tr("A live call's transcript moved on");
    return EventDescription::tr("A live call changed");
}

} // namespace

QString EventDescription::describe(const LiveEvent &event)
{
    const QString person = who(event);
    const QString service = event.payload.value(u"service_name"_s).toString();
    const QString &t = event.type;
    if (t == u"call.created")
        return person.isEmpty() ? tr("New call") : tr("New call from %1").arg(person);
    if (t == u"call.updated") {
        const QString status = event.payload.value(u"status"_s).toString();
        if (event.payload.value(u"booking_confirmed"_s).toBool())
            return person.isEmpty() ? tr("A call ended with a booking")
                                    : tr("Call with %1 ended with a booking").arg(person);
        if (!status.isEmpty())
            return person.isEmpty() ? tr("Call %1").arg(DisplayFormat::callStatus(status).toLower())
                                    : tr("Call with %1: %2")
                                          .arg(person, DisplayFormat::callStatus(status).toLower());
        return person.isEmpty() ? tr("A call was updated") : tr("Call with %1 updated").arg(person);
    }
    if (t == u"lead.hot")
        return person.isEmpty() ? tr("A new hot lead") : tr("%1 is a hot lead").arg(person);
    if (t == u"contact.created")
        return person.isEmpty() ? tr("New contact") : tr("New contact: %1").arg(person);
    if (t == u"contact.updated")
        return person.isEmpty() ? tr("A contact was updated") : tr("%1 was updated").arg(person);
    if (t == u"appointment.created") {
        if (!person.isEmpty() && !service.isEmpty())
            return tr("%1 booked %2").arg(person, service);
        return person.isEmpty() ? tr("New appointment booked")
                                : tr("%1 booked an appointment").arg(person);
    }
    if (t == u"appointment.updated")
        return person.isEmpty() ? tr("An appointment changed")
                                : tr("%1's appointment changed").arg(person);
    if (t == u"appointment.cancelled")
        return person.isEmpty() ? tr("An appointment was cancelled")
                                : tr("%1 cancelled an appointment").arg(person);
    if (t == u"message.created" || t == u"message.updated") {
        // A text Twilio never confirmed is settled later by an update: say which way it went.
        const bool sms = event.payload.value(u"method"_s).toString() == u"sms";
        const QString status = event.payload.value(u"status"_s).toString();
        if (status == u"failed")
            return sms ? tr("A text message was not sent") : tr("An e-mail was not sent");
        if (status == u"unknown")
            return tr("Twilio has not yet confirmed a text message");
        if (status == u"queued") // its job sends it: later, or again when Twilio never had it
            return tr("A text message is waiting to be sent");
        if (t == u"message.updated")
            return tr("Twilio confirmed a text message was sent");
        return sms ? tr("A text message was sent") : tr("An e-mail was sent");
    }
    if (t == u"callback.updated")
        return person.isEmpty() ? tr("Call-back updated") : tr("Call-back to %1").arg(person);
    if (t == u"telephony.updated")
        return tr("Phone settings changed");
    if (t == u"integration.updated")
        return integration(event.payload);
    if (t == u"agent.updated")
        return tr("The AI receptionist's settings changed");
    if (t == u"knowledge.updated")
        return tr("The knowledge base changed");
    if (t == u"message.received")
        return patientText(event.payload.value(u"reply_kind"_s).toString());
    if (t == u"call.reviewed") {
        const int score = event.payload.value(u"score"_s).toInt();
        return score > 0 ? tr("A call was reviewed: %1 of 5").arg(score)
                         : tr("A call was reviewed");
    }
    if (t == u"review_tags.updated")
        return tr("The call review tags changed");
    if (t == u"service.created" || t == u"service.updated" || t == u"service.deleted") {
        const QString name = event.payload.value(u"name"_s).toString();
        if (t == u"service.created")
            return name.isEmpty() ? tr("A service was added") : tr("Service added: %1").arg(name);
        if (t == u"service.deleted")
            return name.isEmpty() ? tr("A service was removed")
                                  : tr("Service removed: %1").arg(name);
        return name.isEmpty() ? tr("A service changed") : tr("Service changed: %1").arg(name);
    }
    if (t == u"settings.updated")
        return tr("The clinic's settings changed");
    if (t == u"transfer_destination.updated") {
        const QString name = event.payload.value(u"name"_s).toString();
        if (event.payload.value(u"reordered"_s).toBool())
            return tr("The order of the transfer destinations changed");
        if (event.payload.value(u"deleted"_s).toBool())
            return name.isEmpty() ? tr("A transfer destination was removed")
                                  : tr("Transfer destination removed: %1").arg(name);
        return name.isEmpty() ? tr("A transfer destination changed")
                              : tr("Transfer destination changed: %1").arg(name);
    }
    if (t.startsWith(u"live."_s))
        return liveCall(event, person);
    return tr("Something changed");
}

bool EventDescription::isNotable(const LiveEvent &event)
{
    return event.type == u"lead.hot" || event.type == u"appointment.created";
}

} // namespace vox::ui
