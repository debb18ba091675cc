#include "core/crypto/aesgcm.h"
#include "core/crypto/digest.h"
#include "core/crypto/jwt.h"
#include "core/crypto/passwordhash.h"
#include "core/crypto/securerandom.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace vox::crypto;

namespace {
QByteArray hex(const char *text)
{
    return QByteArray::fromHex(text);
}
} // namespace

class TestCrypto : public QObject
{
    Q_OBJECT

private slots:
    // FIPS 180-2 examples.
    void sha256MatchesPublishedVectors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("digest");
        QTest::newRow("abc")
            << QByteArray("abc")
            << hex("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        QTest::newRow("empty")
            << QByteArray("")
            << hex("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        QTest::newRow("two blocks")
            << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            << hex("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }
    void sha256MatchesPublishedVectors()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, digest);
        QCOMPARE(sha256(input), digest);
    }

    // RFC 4231 test cases 1, 2 and 6 (a key longer than the block).
    void hmacMatchesRfc4231_data()
    {
        QTest::addColumn<QByteArray>("key");
        QTest::addColumn<QByteArray>("data");
        QTest::addColumn<QByteArray>("mac");
        QTest::newRow("case 1")
            << QByteArray(20, '\x0b') << QByteArray("Hi There")
            << hex("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        QTest::newRow("case 2")
            << QByteArray("Jefe") << QByteArray("what do ya want for nothing?")
            << hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        QTest::newRow("case 6")
            << QByteArray(131, '\xaa')
            << QByteArray("Test Using Larger Than Block-Size Key - Hash Key First")
            << hex("60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }
    void hmacMatchesRfc4231()
    {
        QFETCH(QByteArray, key);
        QFETCH(QByteArray, data);
        QFETCH(QByteArray, mac);
        QCOMPARE(hmacSha256(key, data), mac);
    }

    void constantTimeEqualsComparesContentAndLength_data()
    {
        QTest::addColumn<QByteArray>("a");
        QTest::addColumn<QByteArray>("b");
        QTest::addColumn<bool>("equal");
        QTest::newRow("same") << QByteArray("secret-value") << QByteArray("secret-value") << true;
        QTest::newRow("last byte differs")
            << QByteArray("secret-value") << QByteArray("secret-valuf") << false;
        QTest::newRow("prefix") << QByteArray("secret") << QByteArray("secret-value") << false;
        QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
    }
    void constantTimeEqualsComparesContentAndLength()
    {
        QFETCH(QByteArray, a);
        QFETCH(QByteArray, b);
        QFETCH(bool, equal);
        QCOMPARE(constantTimeEquals(a, b), equal);
    }

    // "The Galois/Counter Mode of Operation" (McGrew & Viega), test case 16: AES-256 with AAD.
    void aesGcmMatchesThePublishedVector()
    {
        const QByteArray key =
            hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308");
        const QByteArray iv = hex("cafebabefacedbaddecaf888");
        const QByteArray plain =
            hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
        const QByteArray aad = hex("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        const QByteArray cipher =
            hex("522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
                "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662");
        const QByteArray tag = hex("76fc6ece0f4e1768cddf8853bb2d551b");

        const auto sealed = aesgcm::encryptWithIv(key, iv, plain, aad);
        QVERIFY(sealed.ok());
        QCOMPARE(sealed.value(), iv + cipher + tag);
        const auto opened = aesgcm::open(key, sealed.value(), aad);
        QVERIFY(opened.ok());
        QCOMPARE(opened.value(), plain);
    }

    void aesGcmRefusesTamperingAndForeignContext_data()
    {
        QTest::addColumn<int>("flipByte"); // -1: none
        QTest::addColumn<QByteArray>("aad");
        QTest::newRow("IV altered") << 0 << QByteArray("org-1|twilio");
        QTest::newRow("ciphertext altered") << 14 << QByteArray("org-1|twilio");
        QTest::newRow("tag altered") << -2 << QByteArray("org-1|twilio");
        QTest::newRow("moved to another org") << -1 << QByteArray("org-2|twilio");
    }
    void aesGcmRefusesTamperingAndForeignContext()
    {
        QFETCH(int, flipByte);
        QFETCH(QByteArray, aad);
        const QByteArray key = randomBytes(32);
        QByteArray blob = aesgcm::seal(key, "auth-token-1234567890", "org-1|twilio").value();
        if (flipByte != -1) {
            const qsizetype at = flipByte >= 0 ? flipByte : blob.size() + flipByte + 1;
            blob[at] = char(blob.at(at) ^ 0x01);
        }
        const auto opened = aesgcm::open(key, blob, aad);
        QVERIFY(!opened.ok());
        QVERIFY(opened.errorMessage().contains(u"altered"_s));
    }

    void sealingTwiceGivesDifferentBlobs()
    {
        const QByteArray key = randomBytes(32);
        const QByteArray a = aesgcm::seal(key, "same", {}).value();
        const QByteArray b = aesgcm::seal(key, "same", {}).value();
        QVERIFY(a != b); // a fresh random IV each time
        QCOMPARE(aesgcm::open(key, a, {}).value(), QByteArray("same"));
        QCOMPARE(aesgcm::open(key, b, {}).value(), QByteArray("same"));
    }

    void keyRingOpensRowsSealedBeforeARotation()
    {
        const QString oldKey = QString::fromLatin1(randomBytes(32).toBase64());
        const QString newKey = QString::fromLatin1(randomBytes(32).toBase64());
        const KeyRing before = KeyRing::fromBase64(oldKey).value();
        const KeyRing::Sealed sealed = before.seal("twilio-token", "org|twilio");

        const KeyRing after = KeyRing::fromBase64(newKey, {oldKey}).value();
        QVERIFY(after.currentKeyId() != sealed.keyId);
        QVERIFY(after.hasKey(sealed.keyId));
        QCOMPARE(after.open(sealed.keyId, sealed.blob, "org|twilio").value(),
                 QByteArray("twilio-token"));
        QCOMPARE(after.seal("x", {}).keyId, after.currentKeyId());

        const KeyRing forgotten = KeyRing::fromBase64(newKey).value();
        const auto refused = forgotten.open(sealed.keyId, sealed.blob, "org|twilio");
        QVERIFY(!refused.ok());
        QVERIFY(refused.errorMessage().contains(sealed.keyId));
    }

    void keyRingRejectsKeysOfTheWrongSize_data()
    {
        QTest::addColumn<QString>("key");
        QTest::newRow("16 bytes") << QString::fromLatin1(randomBytes(16).toBase64());
        QTest::newRow("not base64") << u"not base64 at all!"_s;
        QTest::newRow("empty") << QString();
    }
    void keyRingRejectsKeysOfTheWrongSize()
    {
        QFETCH(QString, key);
        const auto ring = KeyRing::fromBase64(key);
        QVERIFY(!ring.ok());
        QVERIFY(ring.errorMessage().contains(u"32"_s));
    }

    // OpenBSD / John the Ripper bcrypt vector.
    void bcryptVerifiesAPublishedHash()
    {
        QVERIFY(password::verify(
            u"U*U"_s, u"$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"_s));
        QVERIFY(!password::verify(
            u"U*V"_s, u"$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"_s));
    }

    void bcryptHashesAndVerifies()
    {
        const auto hashed = password::hash(u"correct horse battery staple"_s, 4);
        QVERIFY(hashed.ok());
        QVERIFY(hashed->startsWith(u"$2b$04$"_s));
        QVERIFY(password::verify(u"correct horse battery staple"_s, hashed.value()));
        QVERIFY(!password::verify(u"correct horse battery stapler"_s, hashed.value()));
        QVERIFY(!password::verify(u"anything"_s, u"not-a-hash"_s));
        QVERIFY(!password::verify(u"anything"_s, QString()));
        QVERIFY(password::hash(u"same"_s, 4).value() != password::hash(u"same"_s, 4).value());
    }

    // RFC 7515 appendix A.1: an HS256 JWS with a published key and signature.
    void jwtVerifiesTheRfc7515Example()
    {
        const QByteArray key = QByteArray::fromBase64("AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_"
                                                      "T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow",
                                                      QByteArray::Base64UrlEncoding);
        const QString token = u"eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9."
                              "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxl"
                              "LmNvbS9pc19yb290Ijp0cnVlfQ."
                              "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"_s;
        const QDateTime before = QDateTime::fromSecsSinceEpoch(1300819000);
        const auto claims = jwt::verifyHs256(token, key, before);
        QVERIFY2(claims.ok(), qPrintable(claims.ok() ? QString() : claims.errorMessage()));
        QCOMPARE(claims->value(u"iss"_s).toString(), u"joe"_s);
        QVERIFY(claims->value(u"http://example.com/is_root"_s).toBool());

        const auto expired =
            jwt::verifyHs256(token, key, QDateTime::fromSecsSinceEpoch(1300819380 + 60));
        QVERIFY(!expired.ok());
        QVERIFY(expired.errorMessage().contains(u"expired"_s));
    }

    void jwtRoundTripsAndRefusesForgeries_data()
    {
        QTest::addColumn<QString>("tamper");
        QTest::addColumn<QString>("reason");
        QTest::newRow("intact") << QString() << QString();
        QTest::newRow("wrong secret") << u"secret"_s << u"signature"_s;
        QTest::newRow("alg none") << u"none"_s << u"algorithm"_s;
        QTest::newRow("payload swapped") << u"payload"_s << u"signature"_s;
        QTest::newRow("signature removed") << u"strip"_s << u"malformed"_s;
        QTest::newRow("expired") << u"expired"_s << u"expired"_s;
        QTest::newRow("not yet valid") << u"nbf"_s << u"not valid yet"_s;
        QTest::newRow("no expiry") << u"noexp"_s << u"no expiry"_s;
    }
    void jwtRoundTripsAndRefusesForgeries()
    {
        QFETCH(QString, tamper);
        QFETCH(QString, reason);
        const QByteArray secret = "a-signing-secret-that-is-long-enough";
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QJsonObject claims{{u"sub"_s, u"user-1"_s},
                           {u"iat"_s, now.toSecsSinceEpoch()},
                           {u"exp"_s, now.toSecsSinceEpoch() + 900},
                           {u"app_metadata"_s, QJsonObject{{u"org_id"_s, u"org-a"_s}}}};
        if (tamper == u"expired")
            claims[u"exp"_s] = now.toSecsSinceEpoch() - 120;
        if (tamper == u"nbf")
            claims[u"nbf"_s] = now.toSecsSinceEpoch() + 600;
        if (tamper == u"noexp")
            claims.remove(u"exp"_s);
        QString token = jwt::signHs256(claims, secret);
        QByteArray verifyWith = secret;
        if (tamper == u"secret")
            verifyWith = "another-secret-of-some-length-xx";
        if (tamper == u"none") {
            const QByteArray header =
                QByteArray(R"({"alg":"none","typ":"JWT"})")
                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
            token = QString::fromLatin1(header) + u'.' + token.section(u'.', 1, 1) + u'.';
        }
        if (tamper == u"payload") {
            QJsonObject other = claims;
            other[u"app_metadata"_s] = QJsonObject{{u"org_id"_s, u"org-b"_s}};
            const QString forged = jwt::signHs256(other, "attacker-secret-attacker-secret!!");
            token = token.section(u'.', 0, 0) + u'.' + forged.section(u'.', 1, 1) + u'.' +
                    token.section(u'.', 2, 2);
        }
        if (tamper == u"strip")
            token = token.section(u'.', 0, 1) + u'.';

        const auto verified = jwt::verifyHs256(token, verifyWith, now);
        if (reason.isEmpty()) {
            QVERIFY2(verified.ok(),
                     qPrintable(verified.ok() ? QString() : verified.errorMessage()));
            QCOMPARE(verified->value(u"app_metadata"_s).toObject().value(u"org_id"_s).toString(),
                     u"org-a"_s);
        } else {
            QVERIFY(!verified.ok());
            QVERIFY2(verified.errorMessage().contains(reason), qPrintable(verified.errorMessage()));
        }
    }

    // NumericDate claims are read as whole seconds only where a double still counts every
    // second (±2^53); beyond that converting them to an integer would be undefined behaviour.
    void jwtNumericDatesStayWithinWhatADoubleCounts_data()
    {
        QTest::addColumn<QJsonValue>("claim");
        QTest::addColumn<bool>("isDate");
        QTest::addColumn<qint64>("seconds");
        QTest::newRow("a time") << QJsonValue(1780000000) << true << qint64(1780000000);
        QTest::newRow("a fraction is cut to the second")
            << QJsonValue(1780000000.75) << true << qint64(1780000000);
        QTest::newRow("before the epoch") << QJsonValue(-86400) << true << qint64(-86400);
        QTest::newRow("2^53") << QJsonValue(9007199254740992.0) << true << qint64(9007199254740992);
        QTest::newRow("-2^53") << QJsonValue(-9007199254740992.0) << true
                               << qint64(-9007199254740992);
        QTest::newRow("beyond 2^53") << QJsonValue(9007199254740994.0) << false << qint64(0);
        QTest::newRow("1e300") << QJsonValue(1e300) << false << qint64(0);
        QTest::newRow("-1e300") << QJsonValue(-1e300) << false << qint64(0);
        QTest::newRow("a string") << QJsonValue(u"1780000000"_s) << false << qint64(0);
        QTest::newRow("null") << QJsonValue() << false << qint64(0);
    }
    void jwtNumericDatesStayWithinWhatADoubleCounts()
    {
        QFETCH(QJsonValue, claim);
        QFETCH(bool, isDate);
        QFETCH(qint64, seconds);
        const auto date = jwt::numericDate(claim);
        QCOMPARE(date.has_value(), isDate);
        if (isDate)
            QCOMPARE(*date, seconds);
    }

    // A signed token whose dates no integer holds is refused with a reason, not read through
    // undefined behaviour (which could wrap a far-past expiry into a valid one).
    void jwtRefusesDatesOutOfRange_data()
    {
        QTest::addColumn<QString>("claim");
        QTest::addColumn<double>("value");
        QTest::newRow("exp 1e300") << u"exp"_s << 1e300;
        QTest::newRow("exp -1e300") << u"exp"_s << -1e300;
        QTest::newRow("nbf -1e300") << u"nbf"_s << -1e300;
        QTest::newRow("nbf 1e300") << u"nbf"_s << 1e300;
        QTest::newRow("iat -1e300") << u"iat"_s << -1e300;
        QTest::newRow("iat 2^63") << u"iat"_s << 9223372036854775808.0;
    }
    void jwtRefusesDatesOutOfRange()
    {
        QFETCH(QString, claim);
        QFETCH(double, value);
        const QByteArray secret = "a-signing-secret-that-is-long-enough";
        const QDateTime now = QDateTime::fromSecsSinceEpoch(1780000000);
        QJsonObject claims{
            {u"sub"_s, u"user-1"_s}, {u"iat"_s, 1780000000 - 60}, {u"exp"_s, 1780000000 + 900}};
        QVERIFY(jwt::verifyHs256(jwt::signHs256(claims, secret), secret, now).ok());
        claims[claim] = value;
        const auto verified = jwt::verifyHs256(jwt::signHs256(claims, secret), secret, now);
        QVERIFY(!verified.ok());
        QCOMPARE(verified.errorMessage(), u"The token carries a date that is out of range."_s);
    }

    void randomTokensAreUrlSafeAndDistinct()
    {
        const QString a = randomToken(32);
        const QString b = randomToken(32);
        QVERIFY(a != b);
        QCOMPARE(a.size(), 43); // 32 bytes in unpadded base64
        QVERIFY(!a.contains(u'+') && !a.contains(u'/') && !a.contains(u'='));
        const QString digits = randomDigits(6);
        QCOMPARE(digits.size(), 6);
        for (const QChar c : digits)
            QVERIFY(c.isDigit());
    }
};

QTEST_APPLESS_MAIN(TestCrypto)
#include "tst_crypto.moc"
