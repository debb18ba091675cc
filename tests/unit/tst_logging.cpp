#include "core/logging/log.h"
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

    void ordinaryValuesStayReadable()
    {
        const QString text = u"GET /api/calls-dashboard 200 in 12 ms, 2026-01-25, org 7f1c"_s;
        QCOMPARE(vox::logmask::scrubText(text), text);
    }
};

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"
