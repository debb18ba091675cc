#include "core/crypto/jwt.h"
#include "server/services/accesstoken.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace vox::server;

namespace {

constexpr QByteArrayView secret = "a-signing-secret-that-is-long-enough";
constexpr qint64 now = 1780000000;

QJsonObject claims(const QJsonObject &changes = {})
{
    QJsonObject c{
        {u"iss"_s, accessTokenIssuer},
        {u"sub"_s, u"9b2d1c4e-0000-4000-8000-000000000001"_s},
        {u"iat"_s, now - 60},
        {u"exp"_s, now + 840},
        {u"app_metadata"_s, QJsonObject{{u"org_id"_s, u"1f0e2d3c-0000-4000-8000-000000000002"_s},
                                        {u"role"_s, u"admin"_s}}}};
    for (auto it = changes.begin(); it != changes.end(); ++it) {
        if (it.value().isUndefined())
            c.remove(it.key());
        else
            c.insert(it.key(), it.value());
    }
    return c;
}

} // namespace

class TestAccessToken : public QObject
{
    Q_OBJECT

private slots:
    // Only a token of ours that is valid now names a principal; an authentic one past its expiry
    // is told apart (the client refreshes) from everything else (the client signs in again).
    void accessTokensAreVerified_data()
    {
        QTest::addColumn<QJsonObject>("claims");
        QTest::addColumn<QByteArray>("signedWith");
        QTest::addColumn<QString>("refusal"); // empty: accepted

        const QByteArray ours = secret.toByteArray();
        QTest::newRow("valid") << claims() << ours << QString();
        QTest::newRow("expired a minute ago")
            << claims({{u"iat"_s, now - 960}, {u"exp"_s, now - 60}}) << ours << tokenExpired;
        QTest::newRow("expired at the epoch")
            << claims({{u"iat"_s, -900}, {u"exp"_s, 0}}) << ours << tokenExpired;
        QTest::newRow("another issuer")
            << claims({{u"iss"_s, u"someone-else"_s}}) << ours << tokenInvalid;
        QTest::newRow("an audience")
            << claims({{u"aud"_s, u"another-service"_s}}) << ours << tokenInvalid;
        QTest::newRow("a list of audiences")
            << claims({{u"aud"_s, QJsonArray{u"voxanne"_s}}}) << ours << tokenInvalid;
        QTest::newRow("no clinic")
            << claims({{u"app_metadata"_s, QJsonObject{}}}) << ours << tokenInvalid;
        QTest::newRow("another secret")
            << claims() << QByteArray("another-secret-of-some-length") << tokenInvalid;
        QTest::newRow("expired and another secret")
            << claims({{u"exp"_s, now - 60}}) << QByteArray("another-secret-of-some-length")
            << tokenInvalid;
        // Found by fuzzing: these dates were converted to integers through undefined behaviour.
        QTest::newRow("exp 1e300") << claims({{u"exp"_s, 1e300}}) << ours << tokenInvalid;
        QTest::newRow("exp -1e300") << claims({{u"exp"_s, -1e300}}) << ours << tokenInvalid;
        QTest::newRow("exp beyond 2^53")
            << claims({{u"exp"_s, 9007199254740994.0}}) << ours << tokenInvalid;
        QTest::newRow("nbf -1e300") << claims({{u"nbf"_s, -1e300}}) << ours << tokenInvalid;
        QTest::newRow("iat 1e300") << claims({{u"iat"_s, 1e300}}) << ours << tokenInvalid;
    }
    void accessTokensAreVerified()
    {
        QFETCH(QJsonObject, claims);
        QFETCH(QByteArray, signedWith);
        QFETCH(QString, refusal);
        const QString token = vox::crypto::jwt::signHs256(claims, signedWith);
        const auto verified = verifyAccessToken(token, secret, QDateTime::fromSecsSinceEpoch(now));
        if (refusal.isEmpty()) {
            QVERIFY2(verified.ok(),
                     qPrintable(verified.ok() ? QString() : verified.errorMessage()));
            QCOMPARE(verified->principal.userId, claims.value(u"sub"_s).toString());
            QCOMPARE(verified->principal.orgId, u"1f0e2d3c-0000-4000-8000-000000000002"_s);
            QCOMPARE(verified->principal.role, u"admin"_s);
            QCOMPARE(verified->expiresAt.toSecsSinceEpoch(), now + 840);
        } else {
            QVERIFY(!verified.ok());
            QCOMPARE(verified.error().code, refusal);
        }
    }
};

QTEST_GUILESS_MAIN(TestAccessToken)
#include "tst_accesstoken.moc"
