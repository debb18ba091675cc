// What the console's live feed says for each event: a message's line follows its outcome, so a
// text Twilio never confirmed reads differently from one that was sent, and its later settling
// says which way it went; a connection's change says how it ended. Every kind of event the server
// publishes (docs/api.md, "Live events") has its own line: none reads "Something changed".
#include "ui/models/eventdescription.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::ui::EventDescription;
using vox::ui::LiveEvent;

class TestEventDescription : public QObject
{
    Q_OBJECT

private slots:
    void messagesAreDescribedByTheirOutcome_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("line");

        QTest::newRow("text sent")
            << u"message.created"_s << u"sms"_s << u"sent"_s << u"A text message was sent"_s;
        QTest::newRow("e-mail sent")
            << u"message.created"_s << u"email"_s << u"sent"_s << u"An e-mail was sent"_s;
        QTest::newRow("text refused")
            << u"message.created"_s << u"sms"_s << u"failed"_s << u"A text message was not sent"_s;
        QTest::newRow("e-mail failed")
            << u"message.created"_s << u"email"_s << u"failed"_s << u"An e-mail was not sent"_s;
        QTest::newRow("text unconfirmed") << u"message.created"_s << u"sms"_s << u"unknown"_s
                                          << u"Twilio has not yet confirmed a text message"_s;
        QTest::newRow("text found at Twilio") << u"message.updated"_s << u"sms"_s << u"sent"_s
                                              << u"Twilio confirmed a text message was sent"_s;
        QTest::newRow("text not at Twilio")
            << u"message.updated"_s << u"sms"_s << u"failed"_s << u"A text message was not sent"_s;
        // Its job sends it: later (Twilio throttling), or again (Twilio has no record of it).
        QTest::newRow("text throttled, sent later")
            << u"message.created"_s << u"sms"_s << u"queued"_s
            << u"A text message is waiting to be sent"_s;
        QTest::newRow("text not at Twilio, sent again")
            << u"message.updated"_s << u"sms"_s << u"queued"_s
            << u"A text message is waiting to be sent"_s;
    }

    void messagesAreDescribedByTheirOutcome()
    {
        QFETCH(QString, type);
        QFETCH(QString, method);
        QFETCH(QString, status);
        QFETCH(QString, line);
        LiveEvent event;
        event.type = type;
        event.payload = {{u"method"_s, method}, {u"status"_s, status}};
        QCOMPARE(EventDescription::describe(event), line);
    }

    void connectionsAreDescribedByTheirOutcome_data()
    {
        QTest::addColumn<QJsonObject>("payload");
        QTest::addColumn<QString>("line");

        const auto change = [](const QString &provider, const QString &status) {
            return QJsonObject{{u"provider"_s, provider}, {u"status"_s, status}};
        };
        QTest::newRow("connecting") << change(u"twilio"_s, u"syncing"_s) << u"Connecting Twilio…"_s;
        QTest::newRow("connected") << change(u"twilio"_s, u"active"_s) << u"Twilio is connected"_s;
        QTest::newRow("failed, nothing before")
            << change(u"twilio"_s, u"failed"_s) << u"Connecting Twilio failed"_s;
        QJsonObject restored = change(u"twilio"_s, u"failed"_s);
        restored.insert(u"restored"_s, true);
        QTest::newRow("failed, previous kept")
            << restored << u"Connecting Twilio failed; the previous connection still works"_s;
        QTest::newRow("disconnected")
            << change(u"resend"_s, u"not_connected"_s) << u"Resend was disconnected"_s;
        QTest::newRow("calendar broken")
            << change(u"google"_s, u"broken"_s)
            << u"Google Calendar stopped working: reconnect it on the Integrations page"_s;
        QTest::newRow("a status the console does not know")
            << change(u"twilio"_s, u"paused"_s) << u"Twilio changed"_s;
        QTest::newRow("a provider the console does not know")
            << change(u"fax"_s, u"active"_s) << u"An integration changed"_s;
    }

    void connectionsAreDescribedByTheirOutcome()
    {
        QFETCH(QJsonObject, payload);
        QFETCH(QString, line);
        LiveEvent event;
        event.type = u"integration.updated"_s;
        event.payload = payload;
        QCOMPARE(EventDescription::describe(event), line);
    }

    void eachKindTheServerPublishesHasItsOwnLine_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QJsonObject>("payload");
        QTest::addColumn<QString>("line");

        const auto kind = [](const QString &replyKind) {
            return QJsonObject{{u"method"_s, u"sms"_s},
                               {u"direction"_s, u"inbound"_s},
                               {u"reply_kind"_s, replyKind}};
        };
        QTest::newRow("a patient confirms by text")
            << u"message.received"_s << kind(u"confirm"_s)
            << u"A patient confirmed an appointment by text"_s;
        QTest::newRow("a patient cancels by text")
            << u"message.received"_s << kind(u"cancel"_s)
            << u"A patient asked by text to cancel an appointment"_s;
        QTest::newRow("a patient asks to move by text")
            << u"message.received"_s << kind(u"reschedule"_s)
            << u"A patient asked by text to move an appointment"_s;
        QTest::newRow("a patient opts out")
            << u"message.received"_s << kind(u"opt_out"_s) << u"A patient asked not to be texted"_s;
        QTest::newRow("a patient opts in again") << u"message.received"_s << kind(u"opt_in"_s)
                                                 << u"A patient agreed to be texted again"_s;
        QTest::newRow("a patient writes")
            << u"message.received"_s << kind(u"free_text"_s) << u"A patient sent a text"_s;
        QTest::newRow("a call reviewed")
            << u"call.reviewed"_s << QJsonObject{{u"score"_s, 4}, {u"tags"_s, QJsonArray{}}}
            << u"A call was reviewed: 4 of 5"_s;
        QTest::newRow("the review tags changed")
            << u"review_tags.updated"_s << QJsonObject{{u"tags"_s, QJsonArray{u"great"_s}}}
            << u"The call review tags changed"_s;
        QTest::newRow("a service added")
            << u"service.created"_s << QJsonObject{{u"name"_s, u"Botox"_s}}
            << u"Service added: Botox"_s;
        QTest::newRow("a service changed")
            << u"service.updated"_s << QJsonObject{{u"name"_s, u"Botox"_s}}
            << u"Service changed: Botox"_s;
        QTest::newRow("a service removed")
            << u"service.deleted"_s << QJsonObject{{u"name"_s, u"Botox"_s}}
            << u"Service removed: Botox"_s;
        QTest::newRow("the clinic's settings")
            << u"settings.updated"_s << QJsonObject{} << u"The clinic's settings changed"_s;
        QTest::newRow("a transfer destination changed")
            << u"transfer_destination.updated"_s << QJsonObject{{u"name"_s, u"Front desk"_s}}
            << u"Transfer destination changed: Front desk"_s;
        QTest::newRow("a transfer destination removed")
            << u"transfer_destination.updated"_s
            << QJsonObject{{u"name"_s, u"Front desk"_s}, {u"deleted"_s, true}}
            << u"Transfer destination removed: Front desk"_s;
        QTest::newRow("the transfer destinations reordered")
            << u"transfer_destination.updated"_s
            << QJsonObject{{u"order"_s, QJsonArray{}}, {u"reordered"_s, true}}
            << u"The order of the transfer destinations changed"_s;
        QTest::newRow("the AI transferring a caller")
            << u"live.transferring"_s
            << QJsonObject{{u"caller_name"_s, u"Maria Lopez"_s},
                           {u"destination"_s, u"Front desk"_s}}
            << u"The AI is transferring Maria Lopez to Front desk"_s;
        QTest::newRow("the AI transferring an unknown caller")
            << u"live.transferring"_s << QJsonObject{{u"destination"_s, u"Front desk"_s}}
            << u"The AI is transferring a caller to Front desk"_s;
        QTest::newRow("said to a caller")
            << u"live.control"_s << QJsonObject{{u"type"_s, u"say"_s}, {u"success"_s, true}}
            << u"Someone at the clinic spoke to a caller on a live call"_s;
        QTest::newRow("whispered to the AI")
            << u"live.control"_s << QJsonObject{{u"type"_s, u"whisper"_s}, {u"success"_s, true}}
            << u"Someone at the clinic whispered to the AI on a live call"_s;
        QTest::newRow("the AI muted")
            << u"live.control"_s << QJsonObject{{u"type"_s, u"mute"_s}, {u"success"_s, true}}
            << u"The AI was muted on a live call"_s;
        QTest::newRow("the AI unmuted")
            << u"live.control"_s << QJsonObject{{u"type"_s, u"unmute"_s}, {u"success"_s, true}}
            << u"The AI was unmuted on a live call"_s;
        QTest::newRow("a live call ended")
            << u"live.control"_s << QJsonObject{{u"type"_s, u"end"_s}, {u"success"_s, true}}
            << u"Someone at the clinic ended a live call"_s;
        QTest::newRow("a live call transferred") << u"live.control"_s
                                                 << QJsonObject{{u"type"_s, u"transfer"_s},
                                                                {u"success"_s, true},
                                                                {u"destination"_s, u"Dr Lee"_s}}
                                                 << u"A live call was transferred to Dr Lee"_s;
        QTest::newRow("Vapi refused an action")
            << u"live.control"_s << QJsonObject{{u"type"_s, u"say"_s}, {u"success"_s, false}}
            << u"An action on a live call did not go through"_s;
        QTest::newRow("the AI speaking")
            << u"live.speech"_s << QJsonObject{{u"role"_s, u"assistant"_s}, {u"speaking"_s, true}}
            << u"The AI is speaking on a live call"_s;
        QTest::newRow("a caller speaking")
            << u"live.speech"_s << QJsonObject{{u"role"_s, u"user"_s}, {u"speaking"_s, true}}
            << u"A caller is speaking on a live call"_s;
        QTest::newRow("a line said")
            << u"live.transcript"_s << QJsonObject{{u"role"_s, u"user"_s}, {u"final"_s, true}}
            << u"A live call's transcript moved on"_s;
        QTest::newRow("the conversation so far")
            << u"live.conversation"_s << QJsonObject{} << u"A live call's transcript moved on"_s;
    }

    void eachKindTheServerPublishesHasItsOwnLine()
    {
        QFETCH(QString, type);
        QFETCH(QJsonObject, payload);
        QFETCH(QString, line);
        LiveEvent event;
        event.type = type;
        event.payload = payload;
        QCOMPARE(EventDescription::describe(event), line);
    }

    // A caller nobody named, or a contact saved under its number, carries the number where a name
    // would be: the feed writes it the way the rest of the console does, never as raw E.164.
    void numbersReadAsTheConsoleWritesThem_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QJsonObject>("payload");
        QTest::addColumn<QString>("line");

        QTest::newRow("a call from a number only")
            << u"call.created"_s << QJsonObject{{u"phone_number"_s, u"+15553949007"_s}}
            << u"New call from (555) 394-9007"_s;
        QTest::newRow("a caller named by their number")
            << u"call.created"_s
            << QJsonObject{{u"caller_name"_s, u"+15553949007"_s},
                           {u"phone_number"_s, u"+15553949007"_s}}
            << u"New call from (555) 394-9007"_s;
        QTest::newRow("a call that ended, named by its number")
            << u"call.updated"_s
            << QJsonObject{{u"caller_name"_s, u"+15553949007"_s},
                           {u"status"_s, u"ended"_s},
                           {u"report"_s, true}}
            << u"Call with (555) 394-9007: ended"_s;
        QTest::newRow("a contact saved under its number")
            << u"lead.hot"_s << QJsonObject{{u"contact_name"_s, u"+15125550101"_s}}
            << u"(512) 555-0101 is a hot lead"_s;
        QTest::newRow("a booking by a contact saved under its number")
            << u"appointment.created"_s
            << QJsonObject{{u"contact_name"_s, u"+15125550101"_s}, {u"service_name"_s, u"Botox"_s}}
            << u"(512) 555-0101 booked Botox"_s;
        QTest::newRow("a call-back to a number")
            << u"callback.updated"_s << QJsonObject{{u"phone"_s, u"+15125550101"_s}}
            << u"Call-back to (512) 555-0101"_s;
        QTest::newRow("the AI transferring to a number")
            << u"live.transferring"_s
            << QJsonObject{{u"caller_name"_s, u"Maria Lopez"_s},
                           {u"destination"_s, u"+15125550199"_s}}
            << u"The AI is transferring Maria Lopez to (512) 555-0199"_s;
        QTest::newRow("a live call transferred to a number")
            << u"live.control"_s
            << QJsonObject{{u"type"_s, u"transfer"_s},
                           {u"success"_s, true},
                           {u"destination"_s, u"+15125550199"_s}}
            << u"A live call was transferred to (512) 555-0199"_s;
        // Outside North America E.164 is what people recognise (grouping differs by country).
        QTest::newRow("a number outside North America")
            << u"call.created"_s << QJsonObject{{u"caller_name"_s, u"+442079460958"_s}}
            << u"New call from +442079460958"_s;
        QTest::newRow("a name is left as it is")
            << u"call.created"_s << QJsonObject{{u"caller_name"_s, u"Ana 2"_s}}
            << u"New call from Ana 2"_s;
    }

    void numbersReadAsTheConsoleWritesThem()
    {
        QFETCH(QString, type);
        QFETCH(QJsonObject, payload);
        QFETCH(QString, line);
        LiveEvent event;
        event.type = type;
        event.payload = payload;
        QCOMPARE(EventDescription::describe(event), line);
    }

    void aKindTheConsoleDoesNotKnowStillReadsAsAChange()
    {
        LiveEvent event;
        event.type = u"invoice.paid"_s;
        QCOMPARE(EventDescription::describe(event), u"Something changed"_s);
    }
};

QTEST_GUILESS_MAIN(TestEventDescription)
#include "tst_eventdescription.moc"
