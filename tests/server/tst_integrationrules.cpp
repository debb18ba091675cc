// The integrations' pure rules: Twilio's request signature (against Twilio's published examples),
// signed links and OAuth state, transcript layout, export file names, sender
// addresses, and what binds a sealed credential to its row.
#include "core/twiliosignature.h"
#include "server/providers/twilioclient.h"
#include "server/services/credentialstore.h"
#include "server/services/messaging.h"
#include "server/services/resendsetup.h"
#include "server/services/signedtoken.h"
#include "server/services/transcriptexport.h"

#include <QJsonArray>
#include <QTest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;
namespace signedtoken = vox::server::signedtoken;
namespace transcript = vox::server::transcript;

class TestIntegrationRules : public QObject
{
    Q_OBJECT

private slots:
    // An SMS whose answer was lost is found in Twilio's list (newest first) by its body and time,
    // never by a SID another row already holds.
    void aLostSmsIsFoundInTwiliosList_data()
    {
        QTest::addColumn<QJsonArray>("listed");
        QTest::addColumn<QStringList>("claimed");
        QTest::addColumn<QString>("found"); // empty: none

        const auto message = [](const QString &sid, const QString &body, const QString &created) {
            return QJsonObject{{u"sid"_s, sid}, {u"body"_s, body}, {u"date_created"_s, created}};
        };
        // Sent at 14:00:00 UTC on 5 Dec 2026.
        const QJsonObject ours =
            message(u"SM2"_s, u"Hello"_s, u"Sat, 05 Dec 2026 14:00:01 +0000"_s);
        QTest::newRow("the message we sent") << QJsonArray{ours} << QStringList() << u"SM2"_s;
        QTest::newRow("another body")
            << QJsonArray{message(u"SM3"_s, u"Hi"_s, u"Sat, 05 Dec 2026 14:00:01 +0000"_s)}
            << QStringList() << QString();
        QTest::newRow("Twilio's clock a minute behind")
            << QJsonArray{message(u"SM4"_s, u"Hello"_s, u"Sat, 05 Dec 2026 13:59:00 +0000"_s)}
            << QStringList() << u"SM4"_s;
        QTest::newRow("the same text an hour earlier")
            << QJsonArray{message(u"SM5"_s, u"Hello"_s, u"Sat, 05 Dec 2026 13:00:00 +0000"_s)}
            << QStringList() << QString();
        QTest::newRow("already another row's")
            << QJsonArray{ours} << QStringList{u"SM2"_s} << QString();
        QTest::newRow("two matches: the earlier one is ours")
            << QJsonArray{message(u"SM7"_s, u"Hello"_s, u"Sat, 05 Dec 2026 14:00:09 +0000"_s), ours}
            << QStringList() << u"SM2"_s;
        QTest::newRow("unreadable date")
            << QJsonArray{message(u"SM8"_s, u"Hello"_s, u"yesterday"_s)} << QStringList()
            << QString();
    }
    void aLostSmsIsFoundInTwiliosList()
    {
        QFETCH(QJsonArray, listed);
        QFETCH(QStringList, claimed);
        QFETCH(QString, found);
        const auto match = vox::server::findSentMessage(
            listed, u"Hello"_s, QDateTime(QDate(2026, 12, 5), QTime(14, 0), QTimeZone::utc()),
            QSet<QString>(claimed.cbegin(), claimed.cend()));
        QCOMPARE(match ? match->value(u"sid"_s).toString() : QString(), found);
    }

    void twilioSignatureMatchesTwiliosPublishedExamples_data()
    {
        QTest::addColumn<QString>("caller");
        QTest::addColumn<QByteArray>("signature");
        // Twilio's documentation examples (auth token 12345, the same URL and parameters).
        QTest::newRow("caller ...5310")
            << u"+14158675310"_s << QByteArray("GvWf1cFY/Q7PnoempGyD5oXAezc=");
        QTest::newRow("caller ...5309")
            << u"+14158675309"_s << QByteArray("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    }
    void twilioSignatureMatchesTwiliosPublishedExamples()
    {
        QFETCH(QString, caller);
        QFETCH(QByteArray, signature);
        // Given in any order: the signature sorts them by name.
        const QList<QPair<QString, QString>> params{{u"To"_s, u"+18005551212"_s},
                                                    {u"CallSid"_s, u"CA1234567890ABCDE"_s},
                                                    {u"From"_s, caller},
                                                    {u"Digits"_s, u"1234"_s},
                                                    {u"Caller"_s, caller}};
        QCOMPARE(vox::twilio::twilioSignature(
                     u"12345"_s, u"https://mycompany.com/myapp.php?foo=1&bar=2"_s, params),
                 signature);
        QVERIFY(vox::twilio::twilioSignature(u"12346"_s,
                                             u"https://mycompany.com/myapp.php?foo=1&bar=2"_s,
                                             params) != signature);
    }

    void twilioErrorCodesAreReadFromClientErrors()
    {
        QCOMPARE(vox::server::providers::twilioErrorCode(
                     vox::fail(u"Twilio answered 400 (21450): Phone number is already verified."_s,
                               vox::ErrorKind::ProviderFailed, u"400"_s)),
                 21450);
        QCOMPARE(vox::server::providers::twilioErrorCode(vox::fail(u"Twilio did not answer"_s)), 0);
    }

    void signedTokensCarryTheirClaimsUntilTheyExpire()
    {
        const QByteArray key = signedtoken::deriveKey(u"server secret"_s, "recording-share");
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString token = signedtoken::issue(key, {{u"c"_s, u"call-1"_s}}, now.addSecs(60));
        auto claims = signedtoken::verify(key, token, now);
        QVERIFY(claims.ok());
        QCOMPARE(claims->value(u"c"_s).toString(), u"call-1"_s);
        // One second past `exp`: gone, and said so (410), not "invalid".
        auto late = signedtoken::verify(key, token, now.addSecs(61));
        QVERIFY(!late.ok());
        QCOMPARE(late.error().kind, vox::ErrorKind::Gone);
    }

    void anAlteredOrForeignTokenIsNotFound_data()
    {
        QTest::addColumn<QString>("token");
        const QByteArray key = signedtoken::deriveKey(u"server secret"_s, "recording-share");
        const QDateTime later = QDateTime::currentDateTimeUtc().addSecs(600);
        const QString good = signedtoken::issue(key, {{u"c"_s, u"call-1"_s}}, later);
        const qsizetype dot = good.indexOf(u'.');
        // Claims changed to another call, the old signature kept.
        const QString otherClaims = signedtoken::issue(key, {{u"c"_s, u"call-2"_s}}, later);
        QTest::newRow("claims swapped")
            << otherClaims.left(otherClaims.indexOf(u'.')) + good.mid(dot);
        QString flipped = good;
        flipped[flipped.size() - 2] = flipped.at(flipped.size() - 2) == u'A' ? u'B' : u'A';
        QTest::newRow("signature altered") << flipped;
        QTest::newRow("signed for another purpose")
            << signedtoken::issue(signedtoken::deriveKey(u"server secret"_s, "google-oauth-state"),
                                  {{u"c"_s, u"call-1"_s}}, later);
        QTest::newRow("another server's secret")
            << signedtoken::issue(signedtoken::deriveKey(u"other secret"_s, "recording-share"),
                                  {{u"c"_s, u"call-1"_s}}, later);
        QTest::newRow("no signature") << good.left(dot);
        QTest::newRow("empty") << QString();
        QTest::newRow("three parts") << good + u".x"_s;
    }
    void anAlteredOrForeignTokenIsNotFound()
    {
        QFETCH(QString, token);
        const QByteArray key = signedtoken::deriveKey(u"server secret"_s, "recording-share");
        auto claims = signedtoken::verify(key, token, QDateTime::currentDateTimeUtc());
        QVERIFY(!claims.ok());
        QCOMPARE(claims.error().kind, vox::ErrorKind::NotFound);
    }

    void aTranscriptReadsAsSpeakersWithTimes()
    {
        transcript::CallSummary call;
        call.callerName = u"Jane Doe"_s;
        call.phoneNumber = u"+15551234567"_s;
        call.clinic = u"Glow"_s;
        call.direction = u"inbound"_s;
        call.occurredAt = QDateTime(QDate(2026, 3, 14), QTime(15, 0), Qt::UTC);
        call.durationSeconds = 3725;
        call.timeZone = QTimeZone("America/New_York");
        const QJsonArray turns{QJsonObject{{u"role"_s, u"system"_s}, {u"message"_s, u"prompt"_s}},
                               QJsonObject{{u"role"_s, u"bot"_s},
                                           {u"message"_s, u"Hello!"_s},
                                           {u"secondsFromStart"_s, 1.9}},
                               QJsonObject{{u"role"_s, u"user"_s},
                                           {u"message"_s, u"  SSN   123-45-6789  "_s},
                                           {u"seconds_from_start"_s, 3601.0}},
                               QJsonObject{{u"role"_s, u"tool_calls"_s}, {u"message"_s, u"{}"_s}}};
        const auto everything = vox::server::redaction::everything(call.occurredAt);
        const QString text = transcript::render(call, turns, u"ignored"_s, everything);
        QCOMPARE(text, u"Call transcript — Glow\nCaller: Jane Doe (+15551234567)\nDate: 2026-03-14 "
                       "11:00 EDT\nDuration: 1:02:05\n\n[00:01] Receptionist (AI): Hello!\n"
                       "[1:00:01] Caller: SSN [REDACTED SSN]\n"_s);
        // A clinic that keeps PII keeps it in the export too.
        QVERIFY(transcript::render(call, turns, {}, vox::server::redaction::Policy())
                    .contains(u"123-45-6789"_s));
        // No turns: the stored transcript as it is.
        QVERIFY(transcript::render(call, {}, u"AI: Hi. User: Hello."_s, everything)
                    .endsWith(u"\n\nAI: Hi. User: Hello.\n"_s));
    }

    void exportFileNamesAreSafeAndDatedInTheClinicsZone_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("phone");
        QTest::addColumn<QString>("file");
        QTest::newRow("name") << u"Jane O'Neil"_s << u"+15551234567"_s
                              << u"transcript-jane-o-neil-2026-03-13.txt"_s;
        QTest::newRow("number") << QString() << u"+15551234567"_s
                                << u"transcript-15551234567-2026-03-13.txt"_s;
        QTest::newRow("nothing") << QString() << QString()
                                 << u"transcript-unknown-caller-2026-03-13.txt"_s;
        QTest::newRow("path tricks")
            << u"../../etc/passwd"_s << QString() << u"transcript-etc-passwd-2026-03-13.txt"_s;
    }
    void exportFileNamesAreSafeAndDatedInTheClinicsZone()
    {
        QFETCH(QString, name);
        QFETCH(QString, phone);
        QFETCH(QString, file);
        transcript::CallSummary call;
        call.callerName = name;
        call.phoneNumber = phone;
        // 02:30 UTC on the 14th is still the 13th in New York.
        call.occurredAt = QDateTime(QDate(2026, 3, 14), QTime(2, 30), Qt::UTC);
        call.timeZone = QTimeZone("America/New_York");
        QCOMPARE(transcript::fileName(call), file);
    }

    void senderAddresses_data()
    {
        QTest::addColumn<QString>("from");
        QTest::addColumn<bool>("valid");
        QTest::newRow("bare") << u"front@glow.example"_s << true;
        QTest::newRow("named") << u"Glow Med Spa <front@glow.example>"_s << true;
        QTest::newRow("no domain") << u"front@glow"_s << false;
        QTest::newRow("unclosed") << u"Glow <front@glow.example"_s << false;
        QTest::newRow("two addresses") << u"a@b.example, c@d.example"_s << false;
    }
    void senderAddresses()
    {
        QFETCH(QString, from);
        QFETCH(bool, valid);
        QCOMPARE(vox::server::isSenderAddress(from), valid);
    }

    void aSealedCredentialIsBoundToItsOrgAndProvider()
    {
        using vox::server::CredentialStore;
        const QByteArray a = CredentialStore::associatedData(u"AAAA"_s, u"twilio"_s);
        QCOMPARE(a, CredentialStore::associatedData(u"aaaa"_s, u"twilio"_s));
        QVERIFY(a != CredentialStore::associatedData(u"BBBB"_s, u"twilio"_s));
        QVERIFY(a != CredentialStore::associatedData(u"AAAA"_s, u"google"_s));
        QCOMPARE(CredentialStore::lastFour(u"ACabcdef1234"_s), u"1234"_s);
        QCOMPARE(CredentialStore::lastFour(u"1234"_s), QString()); // too short to show any of it
    }
};

QTEST_GUILESS_MAIN(TestIntegrationRules)
#include "tst_integrationrules.moc"
