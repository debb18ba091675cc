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
            return value;
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
    return tr("Something changed");
}

bool EventDescription::isNotable(const LiveEvent &event)
{
    return event.type == u"lead.hot" || event.type == u"appointment.created";
}

} // namespace vox::ui
