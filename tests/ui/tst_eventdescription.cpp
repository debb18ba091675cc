// What the console's live feed says for each event: a message's line follows its outcome, so a
// text Twilio never confirmed reads differently from one that was sent, and its later settling
// says which way it went; a connection's change says how it ended.
#include "ui/models/eventdescription.h"

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
};

QTEST_GUILESS_MAIN(TestEventDescription)
#include "tst_eventdescription.moc"
