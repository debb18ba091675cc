// Vapi request authentication: the shared secret header or the HMAC credential, with a five
// minute window for the timestamp in seconds or milliseconds.
#include "core/vapisignature.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::vapi::Verdict;

Q_DECLARE_METATYPE(Verdict)

class TestVapiSignature : public QObject
{
    Q_OBJECT

    const QString m_secret = u"whsec-shared"_s;
    const QString m_hmac = u"hmac-secret"_s;
    const qint64 m_nowMs = 1'769'350'000'000LL; // 2026-01-25
    const QByteArray m_body = R"({"message":{"type":"status-update"}})";

private slots:
    void verifies_data()
    {
        QTest::addColumn<QByteArray>("secretHeader");
        QTest::addColumn<QByteArray>("signature");
        QTest::addColumn<QByteArray>("timestamp");
        QTest::addColumn<QString>("hmacSecret");
        QTest::addColumn<Verdict>("verdict");

        const QByteArray seconds = QByteArray::number(m_nowMs / 1000 - 30);
        const QByteArray millis = QByteArray::number(m_nowMs + 60'000);
        const QByteArray old = QByteArray::number(m_nowMs / 1000 - 301);
        const QByteArray future = QByteArray::number(m_nowMs + 301'000);
        auto sign = [&](const QByteArray &t) { return vox::vapi::signature(t, m_body, m_hmac); };

        QTest::newRow("shared secret")
            << m_secret.toUtf8() << QByteArray() << QByteArray() << m_hmac << Verdict::Accepted;
        QTest::newRow("wrong shared secret") << QByteArray("whsec-sharee") << QByteArray()
                                             << QByteArray() << m_hmac << Verdict::WrongSecret;
        QTest::newRow("shared secret prefix only")
            << QByteArray("whsec") << QByteArray() << QByteArray() << m_hmac
            << Verdict::WrongSecret;
        QTest::newRow("nothing sent")
            << QByteArray() << QByteArray() << QByteArray() << m_hmac << Verdict::NoCredentials;
        QTest::newRow("hmac, seconds")
            << QByteArray() << sign(seconds) << seconds << m_hmac << Verdict::Accepted;
        QTest::newRow("hmac, milliseconds")
            << QByteArray() << sign(millis) << millis << m_hmac << Verdict::Accepted;
        QTest::newRow("hmac, upper-case hex")
            << QByteArray() << sign(seconds).toUpper() << seconds << m_hmac << Verdict::Accepted;
        QTest::newRow("hmac with sha256= prefix")
            << QByteArray() << "sha256=" + sign(seconds) << seconds << m_hmac << Verdict::Accepted;
        QTest::newRow("hmac over another timestamp")
            << QByteArray() << sign(seconds) << QByteArray::number(m_nowMs / 1000) << m_hmac
            << Verdict::BadSignature;
        QTest::newRow("hmac with another secret")
            << QByteArray() << vox::vapi::signature(seconds, m_body, u"other"_s) << seconds
            << m_hmac << Verdict::BadSignature;
        QTest::newRow("hmac not configured here")
            << QByteArray() << sign(seconds) << seconds << QString() << Verdict::BadSignature;
        QTest::newRow("five minutes and a second old")
            << QByteArray() << sign(old) << old << m_hmac << Verdict::StaleTimestamp;
        QTest::newRow("five minutes and a second ahead")
            << QByteArray() << sign(future) << future << m_hmac << Verdict::StaleTimestamp;
        QTest::newRow("timestamp missing")
            << QByteArray() << sign(seconds) << QByteArray() << m_hmac << Verdict::StaleTimestamp;
        QTest::newRow("timestamp not a number")
            << QByteArray() << sign("soon") << QByteArray("soon") << m_hmac
            << Verdict::StaleTimestamp;
    }
    void verifies()
    {
        QFETCH(QByteArray, secretHeader);
        QFETCH(QByteArray, signature);
        QFETCH(QByteArray, timestamp);
        QFETCH(QString, hmacSecret);
        QFETCH(Verdict, verdict);
        const Verdict got = vox::vapi::verify({secretHeader, signature, timestamp}, m_body,
                                              m_secret, hmacSecret, m_nowMs);
        QCOMPARE(vox::vapi::describe(got), vox::vapi::describe(verdict));
    }

    void anEmptyConfiguredSecretAcceptsNothing()
    {
        QCOMPARE(vox::vapi::verify({"", "", ""}, m_body, QString(), QString(), m_nowMs),
                 Verdict::NoCredentials);
        QCOMPARE(vox::vapi::verify({"x", "", ""}, m_body, QString(), QString(), m_nowMs),
                 Verdict::WrongSecret);
    }

    void aChangedBodyFailsTheSignature()
    {
        const QByteArray t = QByteArray::number(m_nowMs / 1000);
        const QByteArray sig = vox::vapi::signature(t, m_body, m_hmac);
        QCOMPARE(vox::vapi::verify({{}, sig, t}, m_body + ' ', m_secret, m_hmac, m_nowMs),
                 Verdict::BadSignature);
    }
};

QTEST_APPLESS_MAIN(TestVapiSignature)
#include "tst_vapisignature.moc"
