// The demo inbox fills by itself: the sandbox's demo Twilio account answers some of the clinic's
// reminders as a patient would, with a signed text to the number's SmsUrl a moment later, and the
// answer lands in the clinic's inbox as any patient's text.
#include "integrationfixture.h"
#include "sandbox/demoreplies.h"

using namespace Qt::Literals::StringLiterals;
using vox::sandbox::TwilioSandbox;
using vox::test::Clinic;
using vox::test::HttpReply;
using vox::test::IntegrationFixture;

class TestDemoInbox : public QObject
{
    Q_OBJECT

    IntegrationFixture f;
    Clinic m_clinic;

    QJsonArray inboundOf(const QString &contact)
    {
        return m_clinic.client->get(u"/api/messages?direction=inbound&contact_id=%1"_s.arg(contact))
            .json()
            .value(u"items"_s)
            .toArray();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(f.start(u"demoinbox"_s), qPrintable(f.error));
        m_clinic = f.signUp(u"Demo Inbox Clinic"_s);
        IntegrationFixture::TwilioAccount demo;
        demo.sid = TwilioSandbox::demoAccountSid;
        demo.token = TwilioSandbox::demoAuthToken;
        demo.number = TwilioSandbox::demoPhoneNumber;
        const QString problem = f.connectTwilioAndWait(m_clinic, demo);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        // The server's public address (BACKEND_URL) leads to the test server.
        f.sandbox->twilio().routeCallbacks(u"http://127.0.0.1:1"_s, f.server->url());
    }

    void aDemoPatientAnswersAReminder()
    {
        const QString patient = u"+15550100002"_s;
        const QString text = u"Just a reminder: your facial is tomorrow at 10."_s;
        const QString expected = vox::sandbox::demoreplies::replyTo(patient, text);
        QCOMPARE(expected, u"Is there parking near the clinic?"_s);
        const QString contact = f.insertContact(m_clinic.orgId, patient, u"Dana Demo"_s);
        const HttpReply sent = m_clinic.client->post(
            u"/api/messages/conversations/%1/reply"_s.arg(contact), {{u"message"_s, text}});
        QCOMPARE(sent.status, 201);
        QTRY_COMPARE_WITH_TIMEOUT(inboundOf(contact).size(), 1, 15000);
        const QJsonObject answer = inboundOf(contact).first().toObject();
        QCOMPARE(answer.value(u"content"_s).toString(), expected);
        QCOMPARE(answer.value(u"unread"_s).toBool(), true);
    }

    void aSilentPatientSendsNothing()
    {
        const QString patient = u"+15550100003"_s;
        const QString text = u"Just a reminder: your peel is on Friday at 3."_s;
        QVERIFY(vox::sandbox::demoreplies::replyTo(patient, text).isEmpty());
        const QString contact = f.insertContact(m_clinic.orgId, patient, u"Sam Silent"_s);
        QCOMPARE(m_clinic.client
                     ->post(u"/api/messages/conversations/%1/reply"_s.arg(contact),
                            {{u"message"_s, text}})
                     .status,
                 201);
        QTest::qWait(vox::sandbox::demoreplies::delayMs + 1000);
        QCOMPARE(inboundOf(contact).size(), 0);
    }
};

QTEST_MAIN(TestDemoInbox)
#include "tst_demoinbox.moc"
