#include "server/services/vapimessage.h"

#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;
using namespace vox::server;

class TestVapiMessage : public QObject
{
    Q_OBJECT

private slots:
    // Vapi writes times as ISO 8601 or as epoch milliseconds; anything else is no time at all.
    void timesAreReadAsIsoOrEpochMilliseconds_data()
    {
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<QDateTime>("expected"); // invalid: no time

        const QDateTime at(QDate(2026, 3, 2), QTime(9, 30), QTimeZone::utc());
        QTest::newRow("epoch milliseconds") << QJsonValue(double(at.toMSecsSinceEpoch())) << at;
        QTest::newRow("ISO with Z") << QJsonValue(u"2026-03-02T09:30:00.000Z"_s) << at;
        QTest::newRow("ISO without a zone is UTC") << QJsonValue(u"2026-03-02T09:30:00"_s) << at;
        QTest::newRow("ISO with an offset") << QJsonValue(u"2026-03-02T10:30:00+01:00"_s) << at;
        QTest::newRow("zero") << QJsonValue(0) << QDateTime();
        QTest::newRow("negative") << QJsonValue(-1000) << QDateTime();
        // Found by fuzzing: these were converted to an integer through undefined behaviour.
        QTest::newRow("1e300") << QJsonValue(1e300) << QDateTime();
        QTest::newRow("beyond 2^53") << QJsonValue(9007199254740994.0) << QDateTime();
        QTest::newRow("not a date") << QJsonValue(u"soon"_s) << QDateTime();
        QTest::newRow("a boolean") << QJsonValue(true) << QDateTime();
    }
    void timesAreReadAsIsoOrEpochMilliseconds()
    {
        QFETCH(QJsonValue, value);
        QFETCH(QDateTime, expected);
        const QDateTime parsed = vapi::parseTime(value);
        QCOMPARE(parsed.isValid(), expected.isValid());
        if (expected.isValid())
            QCOMPARE(parsed, expected);
    }

    // A message is `{"message": {...}}` or a bare message with a type; anything else is a 400.
    void messagesNeedAType_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("type"); // empty: refused with 400

        QTest::newRow("wrapped") << QByteArray(R"({"message":{"type":"status-update"}})")
                                 << u"status-update"_s;
        QTest::newRow("bare") << QByteArray(R"({"type":"hang"})") << u"hang"_s;
        QTest::newRow("no type") << QByteArray(R"({"message":{"call":{}}})") << QString();
        QTest::newRow("type not a string") << QByteArray(R"({"message":{"type":7}})") << QString();
        QTest::newRow("an array") << QByteArray("[1,2]") << QString();
        QTest::newRow("not JSON") << QByteArray("type=hang") << QString();
        QTest::newRow("empty") << QByteArray() << QString();
    }
    void messagesNeedAType()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, type);
        const auto message = vapi::Message::parse(body);
        if (type.isEmpty()) {
            QVERIFY(!message.ok());
            QCOMPARE(message.error().kind, vox::ErrorKind::BadInput);
        } else {
            QVERIFY(message.ok());
            QCOMPARE(message->type(), type);
        }
    }

    // A time no one can hold is no time: the call's own field is used instead.
    void aHugeTimeFallsBackToTheCallsOwn()
    {
        const auto message = vapi::Message::parse(
            R"({"message":{"type":"status-update","timestamp":1e300,"startedAt":1e300,)"
            R"("call":{"id":"c-1","startedAt":"2026-03-02T09:30:00.000Z","createdAt":-1e300}}})");
        QVERIFY(message.ok());
        QVERIFY(!message->timestamp().isValid());
        QVERIFY(!message->callCreatedAt().isValid());
        QCOMPARE(message->startedAt(),
                 QDateTime(QDate(2026, 3, 2), QTime(9, 30), QTimeZone::utc()));
    }
};

QTEST_GUILESS_MAIN(TestVapiMessage)
#include "tst_vapimessage.moc"
