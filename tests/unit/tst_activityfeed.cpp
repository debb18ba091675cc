// What the "Recent activity" feed shows: events the front desk acts on, not each call's
// bookkeeping.
#include "core/activityfeed.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestActivityFeed : public QObject
{
    Q_OBJECT

private slots:
    void belongsInFeed_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QJsonObject>("payload");
        QTest::addColumn<bool>("shown");
        QTest::newRow("a new call") << u"call.created"_s << QJsonObject{} << true;
        QTest::newRow("a caller marked done on the Today list")
            << u"today.updated"_s << QJsonObject{{u"state"_s, u"done"_s}} << false;
        QTest::newRow("a call's end-of-call report")
            << u"call.updated"_s << QJsonObject{{u"status"_s, u"ended"_s}, {u"report"_s, true}}
            << true;
        QTest::newRow("a call's status update saying ended (the report follows)")
            << u"call.updated"_s << QJsonObject{{u"status"_s, u"ended"_s}} << false;
        QTest::newRow("a call failed")
            << u"call.updated"_s << QJsonObject{{u"status"_s, u"failed"_s}} << true;
        QTest::newRow("a call booked")
            << u"call.updated"_s << QJsonObject{{u"booking_confirmed"_s, true}} << true;
        QTest::newRow("a call ringing")
            << u"call.updated"_s << QJsonObject{{u"status"_s, u"ringing"_s}} << false;
        QTest::newRow("a call in progress")
            << u"call.updated"_s << QJsonObject{{u"status"_s, u"in-progress"_s}} << false;
        QTest::newRow("a call re-scored")
            << u"call.updated"_s << QJsonObject{{u"lead_score"_s, 40}} << false;
        QTest::newRow("a contact created") << u"contact.created"_s << QJsonObject{} << false;
        QTest::newRow("a contact re-scored")
            << u"contact.updated"_s << QJsonObject{{u"lead_score"_s, 80}} << false;
        QTest::newRow("a hot lead") << u"lead.hot"_s << QJsonObject{} << true;
        QTest::newRow("a booking") << u"appointment.created"_s << QJsonObject{} << true;
        QTest::newRow("a cancellation") << u"appointment.cancelled"_s << QJsonObject{} << true;
        QTest::newRow("a message") << u"message.created"_s << QJsonObject{} << true;
        QTest::newRow("a setup change") << u"agent.updated"_s << QJsonObject{} << true;
        QTest::newRow("a line said on a live call")
            << u"live.transcript"_s << QJsonObject{{u"final"_s, true}} << false;
        QTest::newRow("who speaks on a live call")
            << u"live.speech"_s << QJsonObject{{u"speaking"_s, true}} << false;
        QTest::newRow("a live call's conversation so far")
            << u"live.conversation"_s << QJsonObject{} << false;
        QTest::newRow("the AI transferring a caller")
            << u"live.transferring"_s << QJsonObject{} << true;
        QTest::newRow("a person acting on a live call")
            << u"live.control"_s << QJsonObject{{u"type"_s, u"say"_s}} << true;
        QTest::newRow("a kind added later") << u"invoice.paid"_s << QJsonObject{} << true;
    }
    void belongsInFeed()
    {
        QFETCH(QString, type);
        QFETCH(QJsonObject, payload);
        QFETCH(bool, shown);
        QCOMPARE(vox::activity::belongsInFeed(type, payload), shown);
    }
};

QTEST_APPLESS_MAIN(TestActivityFeed)
#include "tst_activityfeed.moc"
