// Twilio's status callbacks move a sent text's audit row forward only: repeats and late reports
// change nothing, and a failure is told in words with Twilio's code.
#include "core/smsdelivery.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

class TestSmsDelivery : public QObject
{
    Q_OBJECT

private slots:
    void reportMovesTheRowForwardOnly_data()
    {
        QTest::addColumn<QString>("current");
        QTest::addColumn<QString>("reported");
        QTest::addColumn<QString>("after"); // empty: the row stays as it is

        QTest::newRow("sent, then delivered") << u"sent"_s << u"delivered"_s << u"delivered"_s;
        QTest::newRow("sent, then undelivered") << u"sent"_s << u"undelivered"_s << u"failed"_s;
        QTest::newRow("sent, then failed") << u"sent"_s << u"failed"_s << u"failed"_s;
        QTest::newRow("sent, then Twilio's sent again") << u"sent"_s << u"sent"_s << QString();
        QTest::newRow("sent, then Twilio's queued") << u"sent"_s << u"queued"_s << QString();
        QTest::newRow("delivered, then a late sent") << u"delivered"_s << u"sent"_s << QString();
        QTest::newRow("delivered repeated") << u"delivered"_s << u"delivered"_s << QString();
        QTest::newRow("delivered, then failed") << u"delivered"_s << u"failed"_s << QString();
        QTest::newRow("failed, then delivered") << u"failed"_s << u"delivered"_s << QString();
        // Twilio's answer to our POST never came: its callback settles the row.
        QTest::newRow("unknown, then sent") << u"unknown"_s << u"sent"_s << u"sent"_s;
        QTest::newRow("unknown, then delivered")
            << u"unknown"_s << u"delivered"_s << u"delivered"_s;
        // The callback outran the sender's own write of Twilio's answer.
        QTest::newRow("sending, then queued") << u"sending"_s << u"queued"_s << u"sent"_s;
        QTest::newRow("sending, then delivered")
            << u"sending"_s << u"delivered"_s << u"delivered"_s;
        // Twilio has it after all: the row must not be sent again.
        QTest::newRow("queued, then accepted") << u"queued"_s << u"accepted"_s << u"sent"_s;
        QTest::newRow("read counts as delivered") << u"sent"_s << u"read"_s << u"delivered"_s;
        QTest::newRow("canceled counts as failed") << u"sent"_s << u"canceled"_s << u"failed"_s;
        QTest::newRow("a patient's text is not moved")
            << u"received"_s << u"delivered"_s << QString();
        QTest::newRow("an inbound status is not a report")
            << u"sent"_s << u"received"_s << QString();
        QTest::newRow("an unknown status is ignored") << u"sent"_s << u"teleported"_s << QString();
        QTest::newRow("an empty status is ignored") << u"sent"_s << QString() << QString();
    }
    void reportMovesTheRowForwardOnly()
    {
        QFETCH(QString, current);
        QFETCH(QString, reported);
        QFETCH(QString, after);
        const auto next = vox::sms::deliveryStatusAfter(current, reported);
        QCOMPARE(next.value_or(QString()), after);
    }

    void failureIsToldInWords_data()
    {
        QTest::addColumn<QString>("reported");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("words");

        QTest::newRow("unreachable handset")
            << u"undelivered"_s << 30003
            << u"The patient's phone could not be reached (switched off or out of coverage) "
               "(Twilio error 30003)."_s;
        QTest::newRow("landline") << u"undelivered"_s << 30006
                                  << u"The number is a landline or cannot receive texts (Twilio "
                                     "error 30006)."_s;
        QTest::newRow("carrier filter") << u"failed"_s << 30007
                                        << u"The carrier filtered the message as unwanted (Twilio "
                                           "error 30007)."_s;
        QTest::newRow("an unlisted code is still named")
            << u"failed"_s << 30450 << u"The message was not delivered (Twilio error 30450)."_s;
        QTest::newRow("no code") << u"undelivered"_s << 0
                                 << u"The message was not delivered (Twilio gave no error code)."_s;
        QTest::newRow("canceled without code")
            << u"canceled"_s << 0
            << u"The message was cancelled before it was sent (Twilio gave no error code)."_s;
    }
    void failureIsToldInWords()
    {
        QFETCH(QString, reported);
        QFETCH(int, code);
        QFETCH(QString, words);
        QCOMPARE(vox::sms::deliveryErrorWords(reported, code), words);
    }
};

QTEST_GUILESS_MAIN(TestSmsDelivery)
#include "tst_smsdelivery.moc"
