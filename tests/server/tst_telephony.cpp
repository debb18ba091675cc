// Hybrid telephony (S-telephony, PRD §17) in the spirit of the PRD's 22-test plan (§17.7.2):
// verification with valid and invalid numbers, right, wrong and expired codes, the attempt and
// initiation limits (across two server instances on one database), other clinics kept out,
// codes stored only as hashes, carrier codes, status transitions, cascading removal, Twilio's
// status callback and the daily cleanup.
#include "integrationfixture.h"

#include "core/crypto/passwordhash.h"
#include "core/twiliosignature.h"
#include "server/http/jsonbody.h"
#include "server/providers/twilioclient.h"

#include <QRegularExpression>
#include <QTcpServer>

using namespace Qt::Literals::StringLiterals;
using vox::test::Clinic;
using vox::test::HttpReply;
using vox::test::IntegrationFixture;

class TestTelephony : public QObject
{
    Q_OBJECT

    IntegrationFixture f;
    // A second instance on the same database, reachable at its BACKEND_URL, so Twilio's (the
    // sandbox's) status callbacks arrive.
    std::unique_ptr<vox::test::TestServer> m_second;
    Clinic m_clinic;
    IntegrationFixture::TwilioAccount m_twilio;
    QStringList m_codes; // every code Twilio issued in this run
    int m_numbers = 0;

    QString newNumber() { return u"+1555303%1"_s.arg(++m_numbers, 4, 10, QLatin1Char('0')); }

    HttpReply initiate(vox::test::HttpClient &client, const QString &number)
    {
        const HttpReply reply = client.post(u"/api/telephony/verify-caller-id/initiate"_s,
                                            {{u"phoneNumber"_s, number}});
        const QString code = reply.json().value(u"verificationCode"_s).toString();
        if (!code.isEmpty())
            m_codes << code;
        return reply;
    }
    HttpReply confirm(vox::test::HttpClient &client, const QString &id, const QString &code)
    {
        return client.post(u"/api/telephony/verify-caller-id/confirm"_s,
                           {{u"verificationId"_s, id}, {u"verificationCode"_s, code}});
    }
    // A number of m_clinic taken through the whole verification; returns its id.
    QString verifiedNumber(const QString &number)
    {
        const HttpReply started = initiate(*m_clinic.client, number);
        const QString id = started.json().value(u"verificationId"_s).toString();
        const QString code = started.json().value(u"verificationCode"_s).toString();
        f.sandbox->twilio().keypad(number, code);
        if (confirm(*m_clinic.client, id, code).status != 200)
            qWarning("verification of %s failed", qPrintable(number));
        return id;
    }
    HttpReply createConfig(const QString &verifiedId, const QString &carrier, const QString &type,
                           const QJsonValue &ring = QJsonValue())
    {
        QJsonObject body{{u"verifiedCallerId"_s, verifiedId},
                         {u"forwardingType"_s, type},
                         {u"carrier"_s, carrier}};
        if (!ring.isNull())
            body.insert(u"ringTimeSeconds"_s, ring);
        return m_clinic.client->post(u"/api/telephony/forwarding-config"_s, body);
    }
    QJsonObject verificationRow(const QString &id)
    {
        auto row =
            f.sql("SELECT row_to_json(v) FROM verified_caller_ids v WHERE id = $1::uuid", {id});
        return row && !row->isEmpty() ? row->toJson(0, 0).toObject() : QJsonObject{};
    }
    int count(const QByteArray &sql, const vox::db::Params &params = {})
    {
        auto row = f.sql(sql, params);
        return row ? int(row->toInt(0, 0)) : -1;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(f.start(u"telephony"_s), qPrintable(f.error));
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const QString port = QString::number(probe.serverPort());
        probe.close();
        m_second = std::make_unique<vox::test::TestServer>(
            *f.db, f.environment({{u"VOXANNE_LISTEN"_s, u"127.0.0.1:"_s + port},
                                  {u"BACKEND_URL"_s, u"http://127.0.0.1:"_s + port}}));
        QVERIFY2(m_second->ok(), qPrintable(m_second->error()));

        m_clinic = f.signUp(u"Hybrid Clinic"_s);
        m_twilio = f.newTwilioAccount();
        QVERIFY2(f.connectTwilioAndWait(m_clinic, m_twilio).isEmpty(), "Twilio did not connect");
    }

    void cleanupTestCase() { m_second.reset(); }

    void init()
    {
        f.sandbox->state().clearFailures();
        f.sandbox->state().clearRequests();
    }

    // ----- Phase 1: the API -----

    void initiateReturnsTwiliosCodeAndKeepsOnlyItsHash()
    {
        const QString number = newNumber();
        const HttpReply reply = initiate(*m_clinic.client, number);
        QCOMPARE(reply.status, 200);
        const QJsonObject body = reply.json();
        QCOMPARE(body.value(u"success"_s).toBool(), true);
        const QString id = body.value(u"verificationId"_s).toString();
        QVERIFY(vox::http::isUuid(id));
        QVERIFY(body.value(u"validationId"_s).toString().startsWith(u"CA"_s));
        const QString code = body.value(u"verificationCode"_s).toString();
        QVERIFY(QRegularExpression(u"^\\d{6}$"_s).match(code).hasMatch());
        const qint64 expiresIn = QDateTime::currentDateTimeUtc().secsTo(
            QDateTime::fromString(body.value(u"expiresAt"_s).toString(), Qt::ISODate));
        QVERIFY2(expiresIn > 540 && expiresIn <= 600, qPrintable(QString::number(expiresIn)));

        // Twilio was asked to call the number, with our status callback.
        const auto requests = f.recorded(u"twilio"_s, u"/OutgoingCallerIds.json"_s);
        QCOMPARE(requests.size(), 1);
        QCOMPARE(IntegrationFixture::formValue(requests.first().body, u"PhoneNumber"_s), number);
        QCOMPARE(IntegrationFixture::formValue(requests.first().body, u"StatusCallback"_s),
                 u"http://127.0.0.1:1/api/telephony/twilio/validation-status/"_s + id);

        const QJsonObject row = verificationRow(id);
        QCOMPARE(row.value(u"status"_s).toString(), u"pending"_s);
        const QString hash = row.value(u"verification_code_hash"_s).toString();
        QVERIFY(hash.startsWith(u"$2b$"_s));
        QVERIFY(!hash.contains(code));
        QVERIFY(vox::crypto::password::verify(code, hash));
        QVERIFY(
            !vox::crypto::password::verify(u"000000"_s == code ? u"111111"_s : u"000000"_s, hash));
    }

    void initiateRefusesNumbersThatAreNotE164_data()
    {
        QTest::addColumn<QString>("number");
        QTest::newRow("missing +") << u"15550000000"_s;
        QTest::newRow("spaces and dashes") << u"+1 555-123-4567"_s;
        QTest::newRow("country code 0") << u"+0123456789"_s;
        QTest::newRow("too short") << u"+12345"_s;
        QTest::newRow("too long") << u"+1234567890123456"_s;
        QTest::newRow("letters") << u"+1555CALLNOW"_s;
    }
    void initiateRefusesNumbersThatAreNotE164()
    {
        QFETCH(QString, number);
        const HttpReply reply = initiate(*m_clinic.client, number);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.error(), u"Invalid phone format. Must be E.164: +countrycode+number"_s);
        QVERIFY(f.recorded(u"twilio"_s).isEmpty());
    }

    void theRightCodeVerifiesTheNumberOnceTwilioHeardIt()
    {
        const QString number = newNumber();
        const HttpReply started = initiate(*m_clinic.client, number);
        const QString id = started.json().value(u"verificationId"_s).toString();
        const QString code = started.json().value(u"verificationCode"_s).toString();

        // Typed here but not yet on the phone's keypad: Twilio has not verified it.
        const HttpReply early = confirm(*m_clinic.client, id, code);
        QCOMPARE(early.status, 409);
        QCOMPARE(early.json().value(u"attemptsRemaining"_s).toInt(), 3);

        const auto typed = f.sandbox->twilio().keypad(number, code);
        QVERIFY(typed.verified);
        const HttpReply reply = confirm(*m_clinic.client, id, code);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"message"_s).toString(),
                 u"Phone number verified successfully"_s);
        QCOMPARE(reply.json().value(u"callerIdSid"_s).toString(), typed.callerIdSid);

        const QJsonObject row = verificationRow(id);
        QCOMPARE(row.value(u"status"_s).toString(), u"verified"_s);
        QCOMPARE(row.value(u"twilio_caller_id_sid"_s).toString(), typed.callerIdSid);
        QVERIFY(!row.value(u"verified_at"_s).isNull());
        QVERIFY(row.value(u"verification_code_hash"_s).isNull());
        QVERIFY(count("SELECT count(*) FROM events WHERE org_id = $1::uuid AND type = "
                      "'telephony.updated' AND entity_id = $2::uuid",
                      {m_clinic.orgId, id}) >= 2);
        // Asking again is harmless.
        QCOMPARE(confirm(*m_clinic.client, id, code).status, 200);
    }

    void wrongCodesCountDownThenLockTheNumberForAnHour()
    {
        const QString number = newNumber();
        const HttpReply started = initiate(*m_clinic.client, number);
        const QString id = started.json().value(u"verificationId"_s).toString();
        const QString code = started.json().value(u"verificationCode"_s).toString();
        const QString wrong = code == u"000000" ? u"111111"_s : u"000000"_s;

        HttpReply reply = confirm(*m_clinic.client, id, wrong);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.error(), u"Invalid verification code. 2 attempts remaining."_s);
        QCOMPARE(reply.json().value(u"attemptsRemaining"_s).toInt(), 2);
        reply = confirm(*m_clinic.client, id, wrong);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json().value(u"attemptsRemaining"_s).toInt(), 1);
        reply = confirm(*m_clinic.client, id, wrong);
        QCOMPARE(reply.status, 429);
        QCOMPARE(reply.json().value(u"lockedForSeconds"_s).toInt(), 3600);
        QCOMPARE(reply.headers.value("retry-after"), QByteArray("3600"));
        QCOMPARE(verificationRow(id).value(u"status"_s).toString(), u"failed"_s);

        // Locked everywhere, even for the right code and on the other instance.
        f.sandbox->twilio().keypad(number, code);
        auto other = m_second->client();
        other->setToken(m_clinic.client->token());
        QCOMPARE(confirm(*other, id, code).status, 429);
        const HttpReply again = initiate(*other, number);
        QCOMPARE(again.status, 429);
        QVERIFY(again.json().value(u"lockedForSeconds"_s).toInt() > 3500);
    }

    void anExpiredCodeIsGone()
    {
        const QString number = newNumber();
        const HttpReply started = initiate(*m_clinic.client, number);
        const QString id = started.json().value(u"verificationId"_s).toString();
        QVERIFY(f.sql("UPDATE verified_caller_ids SET verification_code_expires_at = now() - "
                      "interval '1 second' WHERE id = $1::uuid",
                      {id}));
        const HttpReply reply =
            confirm(*m_clinic.client, id, started.json().value(u"verificationCode"_s).toString());
        QCOMPARE(reply.status, 410);
        QCOMPARE(reply.error(), u"Verification code expired. Please request a new one."_s);
        QCOMPARE(verificationRow(id).value(u"status"_s).toString(), u"expired"_s);
        QVERIFY(verificationRow(id).value(u"verification_code_hash"_s).isNull());
        // A new call starts over.
        const HttpReply restarted = initiate(*m_clinic.client, number);
        QCOMPARE(restarted.status, 200);
        QCOMPARE(restarted.json().value(u"verificationId"_s).toString(), id);
        QCOMPARE(verificationRow(id).value(u"status"_s).toString(), u"pending"_s);
    }

    void confirmValidatesItsInput()
    {
        QCOMPARE(confirm(*m_clinic.client, u"not-a-uuid"_s, u"123456"_s).status, 400);
        QCOMPARE(confirm(*m_clinic.client, u"00000000-0000-4000-8000-000000000000"_s, u"123456"_s)
                     .status,
                 404);
        const HttpReply started = initiate(*m_clinic.client, newNumber());
        const QString id = started.json().value(u"verificationId"_s).toString();
        const HttpReply letters = confirm(*m_clinic.client, id, u"12ab56"_s);
        QCOMPARE(letters.status, 400);
        QCOMPARE(letters.json().value(u"field"_s).toString(), u"verificationCode"_s);
        // Malformed input is not a guess: no attempt was spent.
        QCOMPARE(verificationRow(id).value(u"verification_attempts"_s).toInt(), 0);
    }

    void anAlreadyVerifiedNumberIsAConflict()
    {
        const QString number = newNumber();
        verifiedNumber(number);
        const HttpReply reply = initiate(*m_clinic.client, number);
        QCOMPARE(reply.status, 409);
        QCOMPARE(reply.error(), u"Phone number already verified for this organization"_s);
        int calls = 0;
        for (const auto &r : f.recorded(u"twilio"_s, u"/OutgoingCallerIds.json"_s))
            calls += r.method == u"POST" ? 1 : 0;
        QCOMPARE(calls, 1); // the one that verified it; the refused request called nobody
    }

    void aNumberTwilioAlreadyListsIsTakenAsVerified()
    {
        const QString number = newNumber();
        const QString id = verifiedNumber(number);
        // Forgotten here (a restored backup), still verified at Twilio.
        QVERIFY(f.sql("DELETE FROM verified_caller_ids WHERE id = $1::uuid", {id}));
        const HttpReply reply = initiate(*m_clinic.client, number);
        QCOMPARE(reply.status, 409);
        QCOMPARE(count("SELECT count(*) FROM verified_caller_ids WHERE org_id = $1::uuid AND "
                       "phone_number = $2 AND status = 'verified' AND twilio_caller_id_sid LIKE "
                       "'PN%'",
                       {m_clinic.orgId, number}),
                 1);
    }

    void withoutTwilioVerificationCannotStart()
    {
        Clinic bare = f.signUp(u"No Twilio Clinic"_s);
        const HttpReply reply = initiate(*bare.client, newNumber());
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.error(), u"Twilio not configured"_s);
        QVERIFY(f.recorded(u"twilio"_s).isEmpty());
    }

    void aTwilioFailureIsAnsweredGenerically()
    {
        f.fail(u"twilio"_s, 500, 10,
               u"/twilio/2010-04-01/Accounts/%1/OutgoingCallerIds"_s.arg(m_twilio.sid));
        const HttpReply reply = initiate(*m_clinic.client, newNumber());
        QCOMPARE(reply.status, 502);
        QVERIFY(!reply.error().contains(u"Injected"_s));
    }

    // ----- Rate limit across instances -----

    void threeInitiationsPerNumberPerHourAcrossInstances()
    {
        const QString number = newNumber();
        auto second = m_second->client();
        second->setToken(m_clinic.client->token());
        QCOMPARE(initiate(*m_clinic.client, number).status, 200);
        QCOMPARE(initiate(*second, number).status, 200);
        QCOMPARE(initiate(*m_clinic.client, number).status, 200);
        const HttpReply fourth = initiate(*second, number);
        QCOMPARE(fourth.status, 429);
        const int retry = fourth.json().value(u"retryAfterSeconds"_s).toInt();
        QVERIFY2(retry > 3000 && retry <= 3600, qPrintable(QString::number(retry)));
        QCOMPARE(fourth.headers.value("retry-after").toInt(), retry);
        // Per number, whichever clinic asks: another clinic cannot make it ring either.
        Clinic other = f.signUp(u"Other Hybrid"_s);
        const auto account = f.newTwilioAccount();
        QVERIFY2(f.connectTwilioAndWait(other, account).isEmpty(), "Twilio did not connect");
        QCOMPARE(initiate(*other.client, number).status, 429);
        int calls = 0;
        for (const auto &r : f.recorded(u"twilio"_s, u"/OutgoingCallerIds.json"_s))
            calls += r.method == u"POST" ? 1 : 0;
        QCOMPARE(calls, 3);
    }

    // ----- Twilio's status callback -----

    void twiliosSignedStatusCallbackVerifiesTheNumber()
    {
        auto second = m_second->client();
        second->setToken(m_clinic.client->token());
        const QString number = newNumber();
        const HttpReply started = initiate(*second, number);
        QCOMPARE(started.status, 200);
        const QString id = started.json().value(u"verificationId"_s).toString();
        const auto typed = f.sandbox->twilio().keypad(
            number, started.json().value(u"verificationCode"_s).toString());
        QVERIFY(typed.verified);
        QCOMPARE(typed.callbackStatus, 204); // the sandbox reached our callback, signed
        const QJsonObject row = verificationRow(id);
        QCOMPARE(row.value(u"status"_s).toString(), u"verified"_s);
        QCOMPARE(row.value(u"twilio_caller_id_sid"_s).toString(), typed.callerIdSid);
    }

    void anUnsignedOrStaleCallbackChangesNothing()
    {
        auto second = m_second->client();
        second->setToken(m_clinic.client->token());
        const QString number = newNumber();
        const HttpReply started = initiate(*second, number);
        const QString id = started.json().value(u"verificationId"_s).toString();
        const QString url = m_second->url() + u"/api/telephony/twilio/validation-status/"_s + id;
        const QList<QPair<QString, QString>> forged{
            {u"AccountSid"_s, m_twilio.sid},
            {u"CallSid"_s, started.json().value(u"validationId"_s).toString()},
            {u"VerificationStatus"_s, u"success"_s},
            {u"OutgoingCallerIdSid"_s, u"PN0000000000000000000000000000dead"_s}};
        auto raw = m_second->client();
        const QByteArray form = vox::server::providers::formEncode(forged);
        const HttpReply unsigned_ =
            raw->send("POST", u"/api/telephony/twilio/validation-status/"_s + id, form, {},
                      "application/x-www-form-urlencoded");
        QCOMPARE(unsigned_.status, 403);
        const QByteArray wrongKey = vox::twilio::twilioSignature(u"not-the-token"_s, url, forged);
        QCOMPARE(raw->send("POST", u"/api/telephony/twilio/validation-status/"_s + id, form,
                           {{"X-Twilio-Signature", wrongKey}}, "application/x-www-form-urlencoded")
                     .status,
                 403);
        // Correctly signed, but for an earlier call: ignored.
        QList<QPair<QString, QString>> stale = forged;
        stale[1].second = u"CA0000000000000000000000000000beef"_s;
        QCOMPARE(raw->send("POST", u"/api/telephony/twilio/validation-status/"_s + id,
                           vox::server::providers::formEncode(stale),
                           {{"X-Twilio-Signature",
                             vox::twilio::twilioSignature(m_twilio.token, url, stale)}},
                           "application/x-www-form-urlencoded")
                     .status,
                 204);
        QCOMPARE(verificationRow(id).value(u"status"_s).toString(), u"pending"_s);
        // A failed verification call, properly signed, ends the attempt.
        const QList<QPair<QString, QString>> failed{
            {u"AccountSid"_s, m_twilio.sid},
            {u"CallSid"_s, started.json().value(u"validationId"_s).toString()},
            {u"VerificationStatus"_s, u"failed"_s}};
        QCOMPARE(raw->send("POST", u"/api/telephony/twilio/validation-status/"_s + id,
                           vox::server::providers::formEncode(failed),
                           {{"X-Twilio-Signature",
                             vox::twilio::twilioSignature(m_twilio.token, url, failed)}},
                           "application/x-www-form-urlencoded")
                     .status,
                 204);
        QCOMPARE(verificationRow(id).value(u"status"_s).toString(), u"failed"_s);
    }

    // ----- Forwarding -----

    void carrierCodesFollowThePrdTable_data()
    {
        QTest::addColumn<QString>("carrier");
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("ring");
        QTest::addColumn<QString>("activation");
        QTest::addColumn<QString>("deactivation");
        QTest::addColumn<bool>("ringStored");
        QTest::newRow("T-Mobile total")
            << u"tmobile"_s << u"total_ai"_s << 25 << u"**21*DEST#"_s << u"##21#"_s << false;
        QTest::newRow("T-Mobile safety net")
            << u"tmobile"_s << u"safety_net"_s << 25 << u"**61*DEST*11*25#"_s << u"##61#"_s << true;
        QTest::newRow("AT&T total")
            << u"att"_s << u"total_ai"_s << 25 << u"*21*DEST#"_s << u"#21#"_s << false;
        QTest::newRow("AT&T safety net")
            << u"att"_s << u"safety_net"_s << 20 << u"*004*DEST*11*20#"_s << u"##004#"_s << true;
        QTest::newRow("Verizon total")
            << u"verizon"_s << u"total_ai"_s << 25 << u"*72DEST"_s << u"*73"_s << false;
        QTest::newRow("Verizon safety net")
            << u"verizon"_s << u"safety_net"_s << 25 << u"*71DEST"_s << u"*73"_s << false;
        QTest::newRow("Sprint safety net")
            << u"sprint"_s << u"safety_net"_s << 15 << u"**61*DEST*11*15#"_s << u"##61#"_s << true;
        QTest::newRow("other GSM") << u"other_gsm"_s << u"safety_net"_s << 30
                                   << u"**004*DEST*11*30#"_s << u"##004#"_s << true;
        QTest::newRow("other CDMA")
            << u"other_cdma"_s << u"total_ai"_s << 25 << u"*72DEST"_s << u"*73"_s << false;
        QTest::newRow("international")
            << u"international"_s << u"total_ai"_s << 25 << u"**21*DEST#"_s << u"##21#"_s << false;
    }
    void carrierCodesFollowThePrdTable()
    {
        QFETCH(QString, carrier);
        QFETCH(QString, type);
        QFETCH(int, ring);
        QFETCH(QString, activation);
        QFETCH(QString, deactivation);
        QFETCH(bool, ringStored);
        const QString id = verifiedNumber(newNumber());
        const HttpReply reply = createConfig(id, carrier, type, ring);
        QCOMPARE(reply.status, 201);
        const QJsonObject config = reply.json().value(u"config"_s).toObject();
        // The destination is the clinic's Vapi-connected Twilio number.
        const QString expected = QString(activation).replace(u"DEST"_s, m_twilio.number);
        QCOMPARE(config.value(u"generatedActivationCode"_s).toString(), expected);
        QCOMPARE(config.value(u"generatedDeactivationCode"_s).toString(), deactivation);
        QCOMPARE(config.value(u"twilioForwardingNumber"_s).toString(), m_twilio.number);
        QCOMPARE(config.value(u"status"_s).toString(), u"pending_setup"_s);
        QCOMPARE(config.value(u"verifiedCallerId"_s).toString(), id);
        QCOMPARE(config.value(u"ringTimeSeconds"_s).isNull(), !ringStored);
        const QJsonArray steps = config.value(u"instructions"_s).toArray();
        QCOMPARE(steps.size(), 4);
        QCOMPARE(steps.at(1).toString(), u"2. Dial: "_s + expected);
    }

    void ringTimeIsValidatedPerCarrier_data()
    {
        QTest::addColumn<QString>("carrier");
        QTest::addColumn<int>("ring");
        QTest::addColumn<int>("status");
        QTest::newRow("T-Mobile 35 s: too long") << u"tmobile"_s << 35 << 400;
        QTest::newRow("T-Mobile 7 s: not a 5 s step") << u"tmobile"_s << 7 << 400;
        QTest::newRow("AT&T 30 s") << u"att"_s << 30 << 201;
        QTest::newRow("AT&T 61 s: out of range") << u"att"_s << 61 << 400;
        QTest::newRow("Verizon 35 s: carrier's own timer") << u"verizon"_s << 35 << 201;
    }
    void ringTimeIsValidatedPerCarrier()
    {
        QFETCH(QString, carrier);
        QFETCH(int, ring);
        QFETCH(int, status);
        const QString id = verifiedNumber(newNumber());
        const HttpReply reply = createConfig(id, carrier, u"safety_net"_s, ring);
        QCOMPARE(reply.status, status);
        if (status == 400)
            QCOMPARE(reply.json().value(u"field"_s).toString(), u"ringTimeSeconds"_s);
    }

    void forwardingNeedsAVerifiedNumber()
    {
        const HttpReply started = initiate(*m_clinic.client, newNumber());
        const QString pending = started.json().value(u"verificationId"_s).toString();
        QCOMPARE(createConfig(pending, u"tmobile"_s, u"total_ai"_s).status, 409);
        QCOMPARE(m_clinic.client
                     ->post(u"/api/telephony/forwarding-config"_s,
                            {{u"verifiedCallerId"_s, pending},
                             {u"forwardingType"_s, u"everything"_s},
                             {u"carrier"_s, u"tmobile"_s}})
                     .status,
                 400);
        QCOMPARE(
            m_clinic.client
                ->post(u"/api/telephony/forwarding-config"_s, {{u"verifiedCallerId"_s, pending},
                                                               {u"forwardingType"_s, u"total_ai"_s},
                                                               {u"carrier"_s, u"orange"_s}})
                .status,
            400);
    }

    void statusTransitionsPendingActiveDisabled()
    {
        const QString id = verifiedNumber(newNumber());
        const HttpReply created = createConfig(id, u"tmobile"_s, u"safety_net"_s, 25);
        const QString configId =
            created.json().value(u"config"_s).toObject().value(u"id"_s).toString();

        HttpReply got =
            m_clinic.client->get(u"/api/telephony/forwarding-config?verifiedCallerId="_s + id);
        QCOMPARE(got.status, 200);
        QCOMPARE(got.json().value(u"config"_s).toObject().value(u"status"_s).toString(),
                 u"pending_setup"_s);
        QCOMPARE(got.json().value(u"config"_s).toObject().value(u"userConfirmedSetup"_s).toBool(),
                 false);

        const HttpReply confirmed = m_clinic.client->post(
            u"/api/telephony/forwarding-config/confirm"_s, {{u"forwardingConfigId"_s, configId}});
        QCOMPARE(confirmed.status, 200);
        QCOMPARE(confirmed.json().value(u"status"_s).toString(), u"active"_s);
        got = m_clinic.client->get(u"/api/telephony/forwarding-config?verifiedCallerId="_s + id);
        const QJsonObject active = got.json().value(u"config"_s).toObject();
        QCOMPARE(active.value(u"status"_s).toString(), u"active"_s);
        QCOMPARE(active.value(u"userConfirmedSetup"_s).toBool(), true);
        QVERIFY(!active.value(u"confirmedAt"_s).isNull());

        const HttpReply disabled =
            m_clinic.client->del(u"/api/telephony/forwarding-config/"_s + configId);
        QCOMPARE(disabled.status, 200);
        QCOMPARE(disabled.json().value(u"deactivationCode"_s).toString(), u"##61#"_s);
        QCOMPARE(disabled.json().value(u"message"_s).toString(),
                 u"Forwarding disabled. Dial: ##61# (T-Mobile) to deactivate."_s);
        QCOMPARE(m_clinic.client->get(u"/api/telephony/forwarding-config?verifiedCallerId="_s + id)
                     .json()
                     .value(u"config"_s)
                     .toObject()
                     .value(u"status"_s)
                     .toString(),
                 u"disabled"_s);

        // Choosing again (another carrier) starts a new setup in place of the old one.
        const HttpReply redo = createConfig(id, u"att"_s, u"total_ai"_s);
        QCOMPARE(redo.status, 201);
        QCOMPARE(redo.json().value(u"config"_s).toObject().value(u"id"_s).toString(), configId);
        QCOMPARE(redo.json().value(u"config"_s).toObject().value(u"status"_s).toString(),
                 u"pending_setup"_s);

        const QJsonArray numbers = m_clinic.client->get(u"/api/telephony/verified-numbers"_s)
                                       .json()
                                       .value(u"numbers"_s)
                                       .toArray();
        bool listed = false;
        for (const QJsonValue &n : numbers) {
            if (n.toObject().value(u"id"_s).toString() == id) {
                listed = true;
                QCOMPARE(n.toObject().value(u"hasForwardingConfig"_s).toBool(), true);
                QCOMPARE(n.toObject().value(u"status"_s).toString(), u"verified"_s);
                QCOMPARE(n.toObject().value(u"forwardingStatus"_s).toString(), u"pending_setup"_s);
            }
        }
        QVERIFY(listed);
    }

    void removingANumberCascadesToItsForwarding()
    {
        const QString number = newNumber();
        const QString id = verifiedNumber(number);
        QCOMPARE(createConfig(id, u"verizon"_s, u"total_ai"_s).status, 201);
        QCOMPARE(f.sandbox->twilio().callerIds(m_twilio.sid).size() > 0, true);
        const int callerIdsBefore = int(f.sandbox->twilio().callerIds(m_twilio.sid).size());

        const HttpReply removed = m_clinic.client->del(u"/api/telephony/verified-numbers/"_s + id);
        QCOMPARE(removed.status, 200);
        QCOMPARE(removed.json().value(u"message"_s).toString(), u"Verified number removed"_s);
        QCOMPARE(removed.json().value(u"removedForwardingConfigs"_s).toInt(), 1);
        QCOMPARE(count("SELECT count(*) FROM hybrid_forwarding_configs WHERE verified_caller_id = "
                       "$1::uuid",
                       {id}),
                 0);
        QCOMPARE(count("SELECT count(*) FROM verified_caller_ids WHERE id = $1::uuid", {id}), 0);
        // Twilio's list is tidied as well.
        QCOMPARE(int(f.sandbox->twilio().callerIds(m_twilio.sid).size()), callerIdsBefore - 1);
        QCOMPARE(m_clinic.client->del(u"/api/telephony/verified-numbers/"_s + id).status, 404);
    }

    void forwardingNeedsTheClinicsTwilioNumber()
    {
        Clinic clinic = f.signUp(u"Disconnected Hybrid"_s);
        const auto account = f.newTwilioAccount();
        QVERIFY2(f.connectTwilioAndWait(clinic, account).isEmpty(), "Twilio did not connect");
        const QString number = newNumber();
        const HttpReply started = initiate(*clinic.client, number);
        f.sandbox->twilio().keypad(number, started.json().value(u"verificationCode"_s).toString());
        const QString id = started.json().value(u"verificationId"_s).toString();
        QCOMPARE(confirm(*clinic.client, id, started.json().value(u"verificationCode"_s).toString())
                     .status,
                 200);
        QCOMPARE(clinic.client->del(u"/api/integrations/twilio"_s).status, 200);
        const HttpReply reply = clinic.client->post(u"/api/telephony/forwarding-config"_s,
                                                    {{u"verifiedCallerId"_s, id},
                                                     {u"forwardingType"_s, u"total_ai"_s},
                                                     {u"carrier"_s, u"tmobile"_s}});
        QCOMPARE(reply.status, 400);
        QVERIFY(reply.error().contains(u"Twilio number"_s));
    }

    // ----- Other clinics, roles -----

    void anotherClinicCannotReachAnyOfIt()
    {
        const QString number = newNumber();
        const QString id = verifiedNumber(number);
        const QString configId = createConfig(id, u"tmobile"_s, u"total_ai"_s)
                                     .json()
                                     .value(u"config"_s)
                                     .toObject()
                                     .value(u"id"_s)
                                     .toString();
        Clinic other = f.signUp(u"Nosy Clinic"_s);
        auto &b = *other.client;
        QCOMPARE(confirm(b, id, u"123456"_s).status, 404);
        QCOMPARE(b.get(u"/api/telephony/forwarding-config?verifiedCallerId="_s + id).status, 404);
        QCOMPARE(
            b.post(u"/api/telephony/forwarding-config"_s, {{u"verifiedCallerId"_s, id},
                                                           {u"forwardingType"_s, u"total_ai"_s},
                                                           {u"carrier"_s, u"tmobile"_s}})
                .status,
            404);
        QCOMPARE(b.post(u"/api/telephony/forwarding-config/confirm"_s,
                        {{u"forwardingConfigId"_s, configId}})
                     .status,
                 404);
        QCOMPARE(b.del(u"/api/telephony/forwarding-config/"_s + configId).status, 404);
        QCOMPARE(b.del(u"/api/telephony/verified-numbers/"_s + id).status, 404);
        QCOMPARE(
            b.get(u"/api/telephony/verified-numbers"_s).json().value(u"numbers"_s).toArray().size(),
            0);
        // Untouched.
        QCOMPARE(verificationRow(id).value(u"status"_s).toString(), u"verified"_s);
        QCOMPARE(count("SELECT count(*) FROM hybrid_forwarding_configs WHERE id = $1::uuid AND "
                       "status = 'pending_setup'",
                       {configId}),
                 1);

        auto staff = f.staffOf(m_clinic);
        QCOMPARE(staff->get(u"/api/telephony/verified-numbers"_s).status, 403);
        QCOMPARE(staff
                     ->post(u"/api/telephony/verify-caller-id/initiate"_s,
                            {{u"phoneNumber"_s, newNumber()}})
                     .status,
                 403);
    }

    // ----- The daily cleanup -----

    void cleanupExpiresPendingAndDeletesOldFailuresOnceAcrossInstances()
    {
        const QString stalePending =
            initiate(*m_clinic.client, newNumber()).json().value(u"verificationId"_s).toString();
        QVERIFY(f.sql("UPDATE verified_caller_ids SET verification_code_expires_at = now() - "
                      "interval '1 minute' WHERE id = $1::uuid",
                      {stalePending}));
        const QString freshPending =
            initiate(*m_clinic.client, newNumber()).json().value(u"verificationId"_s).toString();
        // Failures last touched two days ago.
        const auto old = [&](const QString &status) {
            auto inserted = f.sql("INSERT INTO verified_caller_ids (org_id, phone_number, status, "
                                  "updated_at) VALUES ($1::uuid, $2, $3, now() - interval '2 "
                                  "days') RETURNING id",
                                  {m_clinic.orgId, newNumber(), status});
            return inserted && !inserted->isEmpty() ? inserted->text(0, 0) : QString();
        };
        const QString oldFailed = old(u"failed"_s);
        const QString oldExpiredInUse = old(u"expired"_s);
        QVERIFY(!oldFailed.isEmpty() && !oldExpiredInUse.isEmpty());
        QVERIFY(
            f.sql("INSERT INTO hybrid_forwarding_configs (org_id, verified_caller_id, "
                  "sim_phone_number, forwarding_type, carrier, twilio_forwarding_number, "
                  "status) SELECT org_id, id, phone_number, 'total_ai', 'tmobile', $2, 'active' "
                  "FROM verified_caller_ids WHERE id = $1::uuid",
                  {oldExpiredInUse, m_twilio.number}));
        const QString recentFailed = old(u"failed"_s);
        QVERIFY(f.sql("UPDATE verified_caller_ids SET status = 'failed' WHERE id = $1::uuid",
                      {recentFailed})); // updated now: kept for another day

        // Both instances scheduled the 03:00 UTC run; it exists once.
        auto scheduled = f.sql("SELECT count(*), min(run_at) FROM jobs WHERE kind = "
                               "'telephony.cleanup' AND unique_key LIKE 'telephony.cleanup@%'");
        QCOMPARE(scheduled->toInt(0, 0), 1);
        const QDateTime at = scheduled->toDateTime(0, 1).toUTC();
        QCOMPARE(at.time(), QTime(3, 0));
        QVERIFY(at > QDateTime::currentDateTimeUtc());
        QVERIFY(at <= QDateTime::currentDateTimeUtc().addDays(1));

        // Run it now, as the job runner does at 03:00.
        auto job = f.sql("INSERT INTO jobs (kind, max_attempts) VALUES ('telephony.cleanup', 1) "
                         "RETURNING id");
        const qint64 jobId = job->toInt(0, 0);
        QTRY_COMPARE_WITH_TIMEOUT(
            count("SELECT count(*) FROM jobs WHERE id = $1 AND status = 'done'", {jobId}), 1,
            20000);

        QCOMPARE(verificationRow(stalePending).value(u"status"_s).toString(), u"expired"_s);
        QVERIFY(verificationRow(stalePending).value(u"verification_code_hash"_s).isNull());
        QCOMPARE(verificationRow(freshPending).value(u"status"_s).toString(), u"pending"_s);
        QVERIFY(verificationRow(oldFailed).isEmpty());
        QCOMPARE(verificationRow(oldExpiredInUse).value(u"status"_s).toString(), u"expired"_s);
        QCOMPARE(verificationRow(recentFailed).value(u"status"_s).toString(), u"failed"_s);
        QVERIFY(count("SELECT count(*) FROM events WHERE org_id = $1::uuid AND type = "
                      "'telephony.updated' AND payload->>'cleanup' = 'true'",
                      {m_clinic.orgId}) >= 1);
    }

    // Last: every code issued in this run.
    void zz_noVerificationCodeIsStoredAnywhere()
    {
        QVERIFY(m_codes.size() >= 10);
        // Every text, JSON and character column of every table, each code as a whole token.
        auto columns = f.sql("SELECT table_name, column_name FROM information_schema.columns "
                             "WHERE table_schema = 'public' AND data_type IN ('text', "
                             "'character varying', 'json', 'jsonb')");
        QVERIFY(columns && columns->rowCount() > 20);
        // The search finds a code where one is (a row planted and removed again).
        const QString planted = m_codes.first();
        QVERIFY(f.sql("INSERT INTO audit_log (org_id, action, entity_type, details) VALUES "
                      "($1::uuid, 'probe', 'probe', jsonb_build_object('note', 'code ' || $2))",
                      {m_clinic.orgId, planted}));
        auto probe = f.sql("SELECT count(*) FROM audit_log WHERE details::text ~ $1",
                           {QString(u"(^|[^0-9A-Za-z])"_s + planted + u"([^0-9A-Za-z]|$)"_s)});
        QCOMPARE(probe->toInt(0, 0), 1);
        QVERIFY(f.sql("DELETE FROM audit_log WHERE action = 'probe'"));
        for (const QString &code : std::as_const(m_codes)) {
            for (int i = 0; i < columns->rowCount(); ++i) {
                const QString sql = u"SELECT count(*) FROM %1 WHERE %2::text ~ $1"_s.arg(
                    columns->text(i, 0), columns->text(i, 1));
                const QString token = u"(^|[^0-9A-Za-z])"_s + code + u"([^0-9A-Za-z]|$)"_s;
                auto found = f.sql(sql.toUtf8(), {token});
                QVERIFY2(found, qPrintable(sql));
                QVERIFY2(found->toInt(0, 0) == 0, qPrintable(u"a code in %1.%2"_s.arg(
                                                      columns->text(i, 0), columns->text(i, 1))));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestTelephony)
#include "tst_telephony.moc"
