#include "core/logging/log.h"
#include "core/logging/loglevels.h"
#include "core/logmask.h"

#include <QJsonDocument>
#include <QTest>

#include <sstream>

using namespace Qt::Literals::StringLiterals;

class TestLogging : public QObject
{
    Q_OBJECT

    std::ostringstream m_out;

    QString output()
    {
        vox::log::flush();
        return QString::fromStdString(m_out.str());
    }

private slots:
    // Before the stream goes: the server still logs while it shuts down.
    void cleanupTestCase() { vox::log::removeStreamSink(m_out); }

    void initTestCase() { vox::log::addStreamSink(m_out); }
    void init() { m_out.str({}); }

    void writesOneJsonObjectPerLine()
    {
        vox::log::info("http.access", u"request"_s,
                       {{u"status"_s, 200}, {u"route"_s, u"/api/health"_s}});
        const QStringList lines = output().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        const QJsonObject line = QJsonDocument::fromJson(lines.first().toUtf8()).object();
        QCOMPARE(line.value(u"level"_s).toString(), u"info"_s);
        QCOMPARE(line.value(u"logger"_s).toString(), u"http.access"_s);
        QCOMPARE(line.value(u"msg"_s).toString(), u"request"_s);
        QCOMPARE(line.value(u"status"_s).toInt(), 200);
        QVERIFY(QDateTime::fromString(line.value(u"ts"_s).toString(), Qt::ISODateWithMs).isValid());
    }

    // Lines handed over from a hot path are written by the log's own thread: masked the same
    // way, stamped when they were handed over, in order, and all out once flush() returns.
    void linesWrittenLaterAreMaskedStampedAndFlushed()
    {
        const QString token = u"rk_live_0a1b2c3d4e5f60718293a4b5c6d7e8f9"_s;
        vox::log::registerSecret(token);
        const QDateTime before = QDateTime::currentDateTimeUtc();
        for (int i = 0; i < 500; ++i)
            vox::log::writeLater(
                vox::log::Level::Info, "http.access", u"request"_s,
                QJsonObject{{u"n"_s, i}, {u"detail"_s, QString(u"+15551234567 "_s + token)}});
        const QDateTime handedOver = QDateTime::currentDateTimeUtc();
        const QStringList lines = output().split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 500);
        for (int i = 0; i < lines.size(); ++i) {
            const QJsonObject line = QJsonDocument::fromJson(lines.at(i).toUtf8()).object();
            QCOMPARE(line.value(u"n"_s).toInt(), i);
            const QString detail = line.value(u"detail"_s).toString();
            QVERIFY2(!detail.contains(token) && !detail.contains(u"5551234"_s), qPrintable(detail));
            const QDateTime ts =
                QDateTime::fromString(line.value(u"ts"_s).toString(), Qt::ISODateWithMs);
            QVERIFY2(ts >= before.addMSecs(-1) && ts <= handedOver.addMSecs(1),
                     qPrintable(lines.at(i)));
        }
    }

    // The rule: a token handed to the logger, in any place, never reaches the output.
    void aRegisteredSecretNeverReachesTheOutput_data()
    {
        QTest::addColumn<QString>("where");
        QTest::newRow("message") << u"message"_s;
        QTest::newRow("innocent field") << u"field"_s;
        QTest::newRow("nested field") << u"nested"_s;
        QTest::newRow("qt message") << u"qt"_s;
    }
    void aRegisteredSecretNeverReachesTheOutput()
    {
        QFETCH(QString, where);
        const QString token = u"sk_live_9f8e7d6c5b4a39281706f5e4d3c2b1a0"_s;
        vox::log::registerSecret(token);
        vox::log::installQtMessageHandler();
        if (where == u"message")
            vox::log::error("twilio", u"Twilio said no to key %1 today"_s.arg(token));
        else if (where == u"field")
            vox::log::warn("twilio", u"retry"_s, {{u"detail"_s, QString(u"used "_s + token)}});
        else if (where == u"nested")
            vox::log::warn("twilio", u"retry"_s,
                           QJsonObject{{u"response"_s, QJsonObject{{u"echo"_s, token}}}});
        else
            qWarning("provider echoed %s", qPrintable(token));
        const QString out = output();
        QVERIFY(!out.isEmpty());
        QVERIFY2(!out.contains(token), qPrintable(out));
        QVERIFY(out.contains(u"[redacted]"_s));
        qInstallMessageHandler(nullptr);
    }

    void secretsByFieldNameArePlacedOutOfReach_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("password") << u"password"_s;
        QTest::newRow("authToken") << u"authToken"_s;
        QTest::newRow("refresh_token") << u"refresh_token"_s;
        QTest::newRow("Authorization") << u"Authorization"_s;
        QTest::newRow("api_key") << u"api_key"_s;
        QTest::newRow("x-vapi-secret") << u"x-vapi-secret"_s;
        QTest::newRow("verification_code") << u"verification_code"_s;
    }
    void secretsByFieldNameArePlacedOutOfReach()
    {
        QFETCH(QString, key);
        vox::log::info("test", u"fields"_s, {{key, u"hunter2-unregistered"_s}});
        const QString out = output();
        QVERIFY2(!out.contains(u"hunter2"_s), qPrintable(out));
    }

    void patientContactDetailsAreMasked_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mustNotContain");
        QTest::newRow("E.164 phone") << u"Calling +15551234567 now"_s << u"5551234"_s;
        QTest::newRow("US phone") << u"call (555) 123-4567"_s << u"123-4567"_s;
        QTest::newRow("email") << u"sent to jane.doe@example.com"_s << u"jane.doe"_s;
        QTest::newRow("JWT") << u"token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abcDEF123_-x"_s
                             << u"eyJzdWIi"_s;
        QTest::newRow("bearer header")
            << u"Authorization: Bearer abc.def.ghi-unregistered"_s << u"abc.def.ghi"_s;
    }
    void patientContactDetailsAreMasked()
    {
        QFETCH(QString, text);
        QFETCH(QString, mustNotContain);
        vox::log::info("test", text, {{u"detail"_s, text}});
        const QString out = output();
        QVERIFY2(!out.contains(mustNotContain), qPrintable(out));
    }

    // North American numbers written without '+' are masked like the E.164 form: whatever
    // the separators, only the last four digits (and at most the area code) stay readable.
    void northAmericanNumbersAreMaskedInEveryForm_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mustNotContain");
        QTest::newRow("dashes") << u"call back 512-555-0101 today"_s << u"555"_s;
        QTest::newRow("parentheses") << u"call back (512) 555-0101 today"_s << u"555"_s;
        QTest::newRow("parentheses, no space") << u"tel:(512)555-0101"_s << u"555"_s;
        QTest::newRow("dots") << u"number 512.555.0101."_s << u"555"_s;
        QTest::newRow("spaces") << u"number 512 555 0101"_s << u"555"_s;
        QTest::newRow("ten bare digits") << u"from 5125550101"_s << u"5125550101"_s;
        QTest::newRow("bare, after a 1") << u"from 15125550101"_s << u"5550101"_s;
        QTest::newRow("1- and dashes") << u"from 1-512-555-0101"_s << u"555-0"_s;
        QTest::newRow("+1 and dashes") << u"from +1 512-555-0101"_s << u"555"_s;
        QTest::newRow("E.164 still") << u"from +15125550101"_s << u"2555"_s;
        QTest::newRow("at the very start") << u"5125550101 called"_s << u"5125550101"_s;
        QTest::newRow("in JSON") << u"{\"phone\":\"512-555-0101\"}"_s << u"555"_s;
        QTest::newRow("twice") << u"512-555-0101 or 512-555-0199"_s << u"555-01"_s;
    }
    void northAmericanNumbersAreMaskedInEveryForm()
    {
        QFETCH(QString, text);
        QFETCH(QString, mustNotContain);
        const QString scrubbed = vox::logmask::scrubText(text);
        QVERIFY2(!scrubbed.contains(mustNotContain), qPrintable(scrubbed));
        QVERIFY2(scrubbed.contains(u"0101"_s) || scrubbed.contains(u"0199"_s),
                 qPrintable(scrubbed));
    }

    // The rule: separated 3-3-4 digits, or ten bare digits whose area code and exchange start
    // with 2-9, standing alone. Dates, times, prices, versions, addresses, Unix times, UUIDs and
    // longer digit runs do not take that shape and stay as written.
    void valuesThatOnlyLookNumericStayReadable_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("ISO date") << u"on 2026-12-06"_s;
        QTest::newRow("ISO date and time") << u"at 2026-12-06T05:47:00.123Z"_s;
        QTest::newRow("time") << u"at 05:47:00"_s;
        QTest::newRow("price") << u"costs $1234.56 or 1,299.00"_s;
        QTest::newRow("decimal with ten digits") << u"ratio 5125550101.25"_s;
        QTest::newRow("version") << u"Qt 6.4.2, schema 0050"_s;
        QTest::newRow("IPv4 address") << u"from 192.168.100.200"_s;
        QTest::newRow("Unix time in seconds") << u"ts 1733461620"_s;
        QTest::newRow("Unix time in milliseconds") << u"ts 1733461620123"_s;
        QTest::newRow("UUID") << u"id 123e4567-e89b-12d3-a456-426614174000"_s;
        QTest::newRow("UUID of digits") << u"id 12345678-1234-5234-9234-123456789012"_s;
        QTest::newRow("hex request id") << u"request 8f3e2c1a5125550101ab"_s;
        QTest::newRow("twelve digits") << u"order 512555010199"_s;
        QTest::newRow("digits inside a word") << u"sku A5125550101"_s;
        QTest::newRow("a number, not a phone") << u"counted 1234567890 rows"_s;
        QTest::newRow("latency") << u"took 12.345 ms, 3 attempts"_s;
        QTest::newRow("an access line")
            << u"GET /api/calls-dashboard 200 in 12 ms, 2026-01-25, org 7f1c"_s;
    }
    void valuesThatOnlyLookNumericStayReadable()
    {
        QFETCH(QString, text);
        QCOMPARE(vox::logmask::scrubText(text), text);
    }

    void levelsAreReadPerArea_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<int>("fallback");
        QTest::addColumn<QString>("area");
        QTest::addColumn<int>("areaLevel");
        using L = vox::log::Level;
        QTest::newRow("a bare level") << u"warn"_s << int(L::Warn) << u"http"_s << int(L::Warn);
        QTest::newRow("one area") << u"http=warn"_s << int(L::Info) << u"http"_s << int(L::Warn);
        QTest::newRow("another area keeps the default")
            << u"http=warn,vapi=debug"_s << int(L::Info) << u"db"_s << int(L::Info);
        QTest::newRow("default and an area")
            << u"error, vapi=debug"_s << int(L::Error) << u"vapi"_s << int(L::Debug);
        QTest::newRow("case and spaces")
            << u" HTTP = Warn "_s << int(L::Info) << u"http"_s << int(L::Warn);
        QTest::newRow("off") << u"events=off"_s << int(L::Info) << u"events"_s << int(L::Off);
    }
    void levelsAreReadPerArea()
    {
        QFETCH(QString, spec);
        QFETCH(int, fallback);
        QFETCH(QString, area);
        QFETCH(int, areaLevel);
        const auto levels = vox::log::parseLevels(spec);
        if (!levels)
            QFAIL(qPrintable(levels.errorMessage()));
        QCOMPARE(int(levels->fallback), fallback);
        QCOMPARE(int(levels->of(area)), areaLevel);
    }

    void malformedLevelsAreRefusedByName_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("named");
        QTest::newRow("unknown level") << u"loud"_s << u"loud"_s;
        QTest::newRow("unknown area level") << u"http=verbose"_s << u"verbose"_s;
        QTest::newRow("no area") << u"=warn"_s << u"=warn"_s;
    }
    void malformedLevelsAreRefusedByName()
    {
        QFETCH(QString, spec);
        QFETCH(QString, named);
        const auto levels = vox::log::parseLevels(spec);
        QVERIFY(!levels);
        QVERIFY2(levels.errorMessage().contains(named), qPrintable(levels.errorMessage()));
    }

    void loggerNamesBelongToTheirArea_data()
    {
        QTest::addColumn<QString>("logger");
        QTest::addColumn<QString>("area");
        QTest::newRow("area itself") << u"jobs"_s << u"jobs"_s;
        QTest::newRow("finer name") << u"vapi.tools"_s << u"vapi"_s;
        QTest::newRow("access log") << u"http.access"_s << u"http"_s;
        QTest::newRow("postgres") << u"postgres"_s << u"db"_s;
        QTest::newRow("telephony") << u"telephony"_s << u"twilio"_s;
        QTest::newRow("tool sync") << u"toolsync"_s << u"vapi"_s;
    }
    void loggerNamesBelongToTheirArea()
    {
        QFETCH(QString, logger);
        QFETCH(QString, area);
        QCOMPARE(vox::log::areaOf(logger), area);
    }

    // Each area logs at its own level ("warn,vapi=debug" here): quiet areas drop what loud
    // ones keep.
    void eachAreaLogsAtItsOwnLevel_data()
    {
        QTest::addColumn<QByteArray>("logger");
        QTest::addColumn<int>("level");
        QTest::addColumn<bool>("kept");
        using L = vox::log::Level;
        QTest::newRow("http info: below the default")
            << QByteArray("http.access") << int(L::Info) << false;
        QTest::newRow("http warn: the default") << QByteArray("http") << int(L::Warn) << true;
        QTest::newRow("vapi debug: its own level")
            << QByteArray("vapi.tools") << int(L::Debug) << true;
        QTest::newRow("db info: below the default")
            << QByteArray("postgres") << int(L::Info) << false;
    }
    void eachAreaLogsAtItsOwnLevel()
    {
        QFETCH(QByteArray, logger);
        QFETCH(int, level);
        QFETCH(bool, kept);
        vox::log::setLevels(*vox::log::parseLevels(u"warn,vapi=debug"_s));
        // The log keeps the logger's name by pointer: hand it the literal, not the row's copy.
        static const char *const literals[] = {"http.access", "http", "vapi.tools", "postgres"};
        const auto *name = std::find_if(std::begin(literals), std::end(literals),
                                        [&](const char *l) { return logger == l; });
        QVERIFY(name != std::end(literals));
        const QString marker = u"line-from-"_s + QString::fromLatin1(logger);
        vox::log::write(vox::log::Level(level), *name, marker);
        const QString out = output();
        vox::log::setLevels(vox::log::Levels{vox::log::Level::Debug, {}});
        QCOMPARE(out.contains(marker), kept);
        if (kept) {
            const QJsonObject line = QJsonDocument::fromJson(out.trimmed().toUtf8()).object();
            QCOMPARE(line.value(u"logger"_s).toString(), QString::fromLatin1(logger));
        }
    }
};

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"
