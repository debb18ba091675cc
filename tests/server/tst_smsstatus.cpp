// Twilio's status callbacks: every text we send names a signed callback for its audit row, which
// Twilio's reports move forward to delivered or failed (Twilio's error code in words), live, and
// only Twilio signing for the message's clinic moves it. Connecting the number points its texts
// at the server.
#include "core/twiliosignature.h"
#include "integrationfixture.h"
#include "server/http/formbody.h"

#include <QUrlQuery>

using namespace Qt::Literals::StringLiterals;
using vox::test::Clinic;
using vox::test::HttpClient;
using vox::test::HttpReply;
using vox::test::IntegrationFixture;

namespace {
// The server's public address in the tests (BACKEND_URL): what Twilio is given and signs.
const QString publicBase = u"http://127.0.0.1:1"_s;
const QString statusPath = u"/api/webhooks/twilio/status"_s;
} // namespace

class TestSmsStatus : public QObject
{
    Q_OBJECT

    IntegrationFixture f;
    Clinic m_clinic;
    IntegrationFixture::TwilioAccount m_twilio;

    QString newPatient() { return u"+1555320%1"_s.arg(++f.counter, 4, 10, QLatin1Char('0')); }

    // A reminder sent by SMS to a new patient: the audit row's id.
    QString sendReminder(const QString &phone)
    {
        const QString contactId = f.insertContact(m_clinic.orgId, phone, u"Ada Patient"_s);
        auto appointment = f.sql(
            "INSERT INTO appointments (org_id, contact_id, service_id, service_name, starts_at, "
            "ends_at, status) SELECT $1::uuid, $2::uuid, id, name, '2026-05-04T18:00:00Z'::"
            "timestamptz + make_interval(days => $3::int), '2026-05-04T19:00:00Z'::timestamptz + "
            "make_interval(days => $3::int), 'confirmed' FROM services WHERE org_id = $1::uuid "
            "AND name = 'Botox' RETURNING id",
            {m_clinic.orgId, contactId, f.counter});
        if (!appointment || appointment->isEmpty())
            return {};
        const HttpReply reply = m_clinic.client->post(
            u"/api/appointments/%1/send-reminder"_s.arg(appointment->text(0, 0)),
            {{u"method"_s, u"sms"_s}});
        if (reply.status != 200)
            qWarning("send-reminder: %d %s", reply.status, reply.body.constData());
        auto row = f.sql("SELECT id FROM messages WHERE org_id = $1::uuid AND recipient = $2 AND "
                         "direction = 'outbound' ORDER BY created_at DESC LIMIT 1",
                         {m_clinic.orgId, phone});
        return row && !row->isEmpty() ? row->text(0, 0) : QString();
    }

    QJsonObject row(const QString &id)
    {
        auto r = f.sql("SELECT row_to_json(m) FROM messages m WHERE id = $1::uuid", {id});
        return r && !r->isEmpty() ? r->toJson(0, 0).toObject() : QJsonObject{};
    }
    QString statusOf(const QString &id) { return row(id).value(u"status"_s).toString(); }

    int events(const QString &id, const QString &status)
    {
        auto r = f.sql("SELECT count(*) FROM events WHERE entity_id = $1::uuid AND type = "
                       "'message.updated' AND payload ->> 'status' = $2",
                       {id, status});
        return r && !r->isEmpty() ? int(r->toInt(0, 0)) : -1;
    }

    // A status report as Twilio posts it, signed with `token` over the public callback URL.
    HttpReply report(const QString &messageId, const QString &status, const QString &sid,
                     const QString &token, int errorCode = 0)
    {
        vox::twilio::FormParameters params{
            {u"MessageSid"_s, sid}, {u"MessageStatus"_s, status}, {u"AccountSid"_s, m_twilio.sid}};
        if (errorCode > 0)
            params.append({u"ErrorCode"_s, QString::number(errorCode)});
        const QString query = u"?message="_s + messageId;
        const QString url = publicBase + statusPath + query;
        HttpClient twilio(f.server->url());
        QHash<QByteArray, QByteArray> headers;
        if (!token.isEmpty())
            headers.insert("X-Twilio-Signature", vox::twilio::twilioSignature(token, url, params));
        return twilio.send("POST", statusPath + query, vox::http::formEncode(params), headers,
                           "application/x-www-form-urlencoded");
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(f.start(u"smsstatus"_s), qPrintable(f.error));
        m_clinic = f.signUp(u"Status Spa"_s);
        m_twilio = f.newTwilioAccount();
        const QString problem = f.connectTwilioAndWait(m_clinic, m_twilio);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // Twilio calls the public address; here that is this test's server.
        f.sandbox->twilio().routeCallbacks(publicBase, f.server->url());
    }

    void connectingPointsTheNumbersTextsAtTheServer()
    {
        const QString smsUrl = publicBase + u"/api/webhooks/twilio/sms"_s;
        QString setTo;
        for (const auto &r : f.recorded(u"twilio"_s, u"/IncomingPhoneNumbers/"_s)) {
            if (r.method == u"POST"_s && r.path.contains(m_twilio.sid))
                setTo = vox::http::formFields(r.body).value(u"SmsUrl"_s);
        }
        QCOMPARE(setTo, smsUrl);
        // A patient's text now reaches the server by the number's own SmsUrl.
        const auto answer =
            f.sandbox->twilio().inboundSms(QString(), newPatient(), m_twilio.number, u"Hello?"_s);
        QCOMPARE(answer.status, 200);
        QVERIFY(answer.reply.contains(u"Status Spa has your message"_s));
    }

    void aSentTextIsDeliveredByTwiliosCallbacks()
    {
        const QString patient = newPatient();
        const QString id = sendReminder(patient);
        QVERIFY(!id.isEmpty());
        // The send named the callback for its own row.
        const auto posts = f.recorded(u"twilio"_s, u"/Messages.json"_s);
        QVERIFY(!posts.isEmpty());
        const auto form = vox::http::formFields(posts.last().body);
        QCOMPARE(form.value(u"To"_s), patient);
        QCOMPARE(form.value(u"StatusCallback"_s), publicBase + statusPath + u"?message="_s + id);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(id), u"delivered"_s, 10000);
        const QJsonObject delivered = row(id);
        QVERIFY(delivered.value(u"error"_s).isNull());
        QVERIFY(!delivered.value(u"sent_at"_s).isNull());
        QCOMPARE(events(id, u"delivered"_s), 1);
    }

    void anUndeliveredTextFailsWithTwiliosReasonInWords()
    {
        const QString patient = newPatient();
        f.sandbox->twilio().failDelivery(patient, 30006);
        const QString id = sendReminder(patient);
        QVERIFY(!id.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(id), u"failed"_s, 10000);
        QCOMPARE(row(id).value(u"error"_s).toString(),
                 u"The number is a landline or cannot receive texts (Twilio error 30006)."_s);
        QCOMPARE(events(id, u"failed"_s), 1);
    }

    void repeatsAndLateReportsChangeNothing()
    {
        const QString id = sendReminder(newPatient());
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(id), u"delivered"_s, 10000);
        const QString sid = row(id).value(u"external_message_id"_s).toString();
        QCOMPARE(report(id, u"delivered"_s, sid, m_twilio.token).status, 204);
        QCOMPARE(report(id, u"sent"_s, sid, m_twilio.token).status, 204);
        QCOMPARE(report(id, u"undelivered"_s, sid, m_twilio.token, 30003).status, 204);
        QCOMPARE(statusOf(id), u"delivered"_s);
        QCOMPARE(events(id, u"delivered"_s), 1);
    }

    void aReportOnAnotherTwilioMessageIsNotThisRows()
    {
        auto inserted = f.sql("INSERT INTO messages (org_id, direction, method, purpose, "
                              "recipient, content, status, external_message_id, sent_at) VALUES "
                              "($1::uuid, 'outbound', 'sms', 'alert', '+15553200002', 'Hi', "
                              "'sent', 'SMours', now()) RETURNING id",
                              {m_clinic.orgId});
        QVERIFY(inserted && !inserted->isEmpty());
        const QString id = inserted->text(0, 0);
        QCOMPARE(report(id, u"undelivered"_s, u"SMtheirs"_s, m_twilio.token, 30003).status, 204);
        QCOMPARE(statusOf(id), u"sent"_s);
        QCOMPARE(report(id, u"delivered"_s, u"SMours"_s, m_twilio.token).status, 204);
        QCOMPARE(statusOf(id), u"delivered"_s);
    }

    void onlyTwilioSigningForTheMessagesClinicMovesIt_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("messageParam");
        QTest::addColumn<int>("status");
        QTest::newRow("unsigned") << QString() << QString() << 403;
        QTest::newRow("another account's token") << u"not the clinic's token"_s << QString() << 403;
        QTest::newRow("no message named") << u"clinic"_s << u"none"_s << 400;
        QTest::newRow("a message that does not exist")
            << u"clinic"_s << u"00000000-0000-4000-8000-000000000000"_s << 403;
    }
    void onlyTwilioSigningForTheMessagesClinicMovesIt()
    {
        QFETCH(QString, token);
        QFETCH(QString, messageParam);
        QFETCH(int, status);
        // A row Twilio never reported on: the callback outran nothing here.
        const QString id = f.insertContact(m_clinic.orgId, newPatient(), u"Bea"_s);
        auto inserted = f.sql("INSERT INTO messages (org_id, contact_id, direction, method, "
                              "purpose, recipient, content, status, sent_at) VALUES ($1::uuid, "
                              "$2::uuid, 'outbound', 'sms', 'alert', '+15553200001', 'Hi', "
                              "'sent', now()) RETURNING id",
                              {m_clinic.orgId, id});
        QVERIFY(inserted && !inserted->isEmpty());
        const QString messageId = inserted->text(0, 0);
        const QString target = messageParam == u"none"_s ? QString()
                               : messageParam.isEmpty()  ? messageId
                                                         : messageParam;
        const HttpReply r = report(target, u"undelivered"_s, u"SMdeadbeef"_s,
                                   token == u"clinic"_s ? m_twilio.token : token, 30003);
        QCOMPARE(r.status, status);
        QVERIFY(!r.error().isEmpty());
        QCOMPARE(statusOf(messageId), u"sent"_s);
        QCOMPARE(events(messageId, u"failed"_s), 0);
    }
};

QTEST_GUILESS_MAIN(TestSmsStatus)
#include "tst_smsstatus.moc"
