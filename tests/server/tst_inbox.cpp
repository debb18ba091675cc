// The inbox: a conversation per patient who texted, newest first, with unread counts; a reply
// goes through the one send path (opt-out honoured, once per request) and reads the conversation.
#include "integrationfixture.h"

using namespace Qt::Literals::StringLiterals;
using vox::test::Clinic;
using vox::test::HttpReply;
using vox::test::IntegrationFixture;

namespace {
const QString publicWebhook = u"http://127.0.0.1:1/api/webhooks/twilio/sms"_s;
} // namespace

class TestInbox : public QObject
{
    Q_OBJECT

    IntegrationFixture f;
    Clinic m_clinic;
    IntegrationFixture::TwilioAccount m_twilio;

    QString newPatient() { return u"+1555330%1"_s.arg(++f.counter, 4, 10, QLatin1Char('0')); }

    void text(const QString &from, const QString &body)
    {
        const auto r =
            f.sandbox->twilio().inboundSms(publicWebhook, from, m_twilio.number, body, {},
                                           f.server->url() + u"/api/webhooks/twilio/sms"_s);
        QCOMPARE(r.status, 200);
    }

    QJsonObject conversationOf(const QString &phone, int *total = nullptr)
    {
        const HttpReply r = m_clinic.client->get(u"/api/messages/conversations"_s);
        if (total)
            *total = r.json().value(u"unread"_s).toInt(-1);
        for (const QJsonValue &item : r.json().value(u"items"_s).toArray()) {
            if (item.toObject().value(u"phone"_s).toString() == phone)
                return item.toObject();
        }
        return {};
    }

    int twilioPostsTo(const QString &phone)
    {
        int n = 0;
        for (const auto &r : f.recorded(u"twilio"_s, u"/Messages.json"_s))
            n += r.method == u"POST"_s && r.body.contains(QUrl::toPercentEncoding(phone)) ? 1 : 0;
        return n;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(f.start(u"inbox"_s), qPrintable(f.error));
        m_clinic = f.signUp(u"Inbox Clinic"_s);
        m_twilio = f.newTwilioAccount();
        const QString problem = f.connectTwilioAndWait(m_clinic, m_twilio);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void aPatientsTextsMakeOneConversationNewestFirst()
    {
        const QString older = newPatient();
        const QString newer = newPatient();
        text(older, u"Do you have parking?"_s);
        text(older, u"And is it free?"_s);
        text(newer, u"Running 5 minutes late"_s);
        int total = 0;
        const QJsonObject a = conversationOf(older, &total);
        QCOMPARE(a.value(u"unread"_s).toInt(), 2);
        QCOMPARE(a.value(u"last_direction"_s).toString(), u"outbound"_s); // the auto answer
        QVERIFY(total >= 3);
        const HttpReply list = m_clinic.client->get(u"/api/messages/conversations"_s);
        const QJsonArray items = list.json().value(u"items"_s).toArray();
        QVERIFY(items.size() >= 2);
        QCOMPARE(items.at(0).toObject().value(u"phone"_s).toString(), newer);
        // A contact who was only ever sent texts has no conversation in the inbox.
        const QString remindedOnly = newPatient();
        const QString contact = f.insertContact(m_clinic.orgId, remindedOnly, u"Quiet Quinn"_s);
        QVERIFY(f.sql("INSERT INTO messages (org_id, contact_id, method, recipient, content, "
                      "status) VALUES ($1::uuid, $2::uuid, 'sms', $3, 'Reminder', 'sent')",
                      {m_clinic.orgId, contact, remindedOnly})
                    .ok());
        QVERIFY(conversationOf(remindedOnly).isEmpty());
    }

    // More conversations than a page, some with the same last activity: following next_cursor
    // gives every conversation once, in the order of the whole list (newest activity, then id).
    void conversationsComeInPagesWithoutRepeatsOrGaps()
    {
        for (int i = 0; i < 7; ++i) {
            const QString phone = newPatient();
            const QString contact =
                f.insertContact(m_clinic.orgId, phone, u"Paged Patient %1"_s.arg(i));
            // Pairs share their time: only the id orders them.
            const QString at = u"2020-01-0%1T10:00:00Z"_s.arg(1 + i / 2);
            QVERIFY(f.sql("INSERT INTO messages (org_id, contact_id, method, direction, "
                          "recipient, sender, content, status, created_at) VALUES ($1::uuid, "
                          "$2::uuid, 'sms', 'inbound', '+15550000000', $3, 'Hello', 'received', "
                          "$4::timestamptz)",
                          {m_clinic.orgId, contact, phone, at})
                        .ok());
        }
        const HttpReply whole = m_clinic.client->get(u"/api/messages/conversations?limit=200"_s);
        QCOMPARE(whole.status, 200);
        QVERIFY(whole.json().value(u"next_cursor"_s).isNull());
        QStringList expected;
        for (const QJsonValue &item : whole.json().value(u"items"_s).toArray())
            expected << item.toObject().value(u"contact_id"_s).toString();
        QVERIFY(expected.size() >= 7);

        QStringList paged;
        QString cursor;
        int pages = 0;
        do {
            const HttpReply page =
                m_clinic.client->get(u"/api/messages/conversations?limit=3"_s +
                                     (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor));
            QCOMPARE(page.status, 200);
            const QJsonArray items = page.json().value(u"items"_s).toArray();
            QVERIFY(items.size() <= 3);
            for (const QJsonValue &item : items)
                paged << item.toObject().value(u"contact_id"_s).toString();
            QCOMPARE(page.json().value(u"unread"_s), whole.json().value(u"unread"_s));
            cursor = page.json().value(u"next_cursor"_s).toString();
        } while (!cursor.isEmpty() && ++pages < 100);
        QCOMPARE(paged, expected);

        QCOMPARE(m_clinic.client->get(u"/api/messages/conversations?cursor=nonsense"_s).status,
                 400);
        QCOMPARE(m_clinic.client->get(u"/api/messages/conversations?limit=0"_s).status, 400);
    }

    // A caller texted back after a missed call has a conversation before they answer.
    void aMissedCallTextBackStartsAConversation()
    {
        const QString phone = newPatient();
        const QString contact = f.insertContact(m_clinic.orgId, phone, u"Missed Mo"_s);
        QVERIFY(f.sql("INSERT INTO messages (org_id, contact_id, method, recipient, content, "
                      "status, purpose) VALUES ($1::uuid, $2::uuid, 'sms', $3, 'Sorry we missed "
                      "you', 'sent', 'missed_call_textback')",
                      {m_clinic.orgId, contact, phone})
                    .ok());
        const QJsonObject thread = conversationOf(phone);
        QCOMPARE(thread.value(u"last_content"_s).toString(), u"Sorry we missed you"_s);
        QCOMPARE(thread.value(u"unread"_s).toInt(-1), 0);
    }

    void aReplyIsSentOncePerRequestAndReadsTheConversation()
    {
        const QString patient = newPatient();
        text(patient, u"Can I bring my daughter?"_s);
        const QString contact = conversationOf(patient).value(u"contact_id"_s).toString();
        QVERIFY(!contact.isEmpty());
        const QJsonObject ask{{u"message"_s, u"Of course, see you Tuesday!"_s},
                              {u"request_id"_s, u"reply-1"_s}};
        const QString path = u"/api/messages/conversations/%1/reply"_s.arg(contact);
        const HttpReply first = m_clinic.client->post(path, ask);
        QCOMPARE(first.status, 201);
        QCOMPARE(first.json().value(u"status"_s).toString(), u"sent"_s);
        const HttpReply again = m_clinic.client->post(path, ask);
        QCOMPARE(again.status, 201);
        QCOMPARE(again.json().value(u"id"_s), first.json().value(u"id"_s));
        QCOMPARE(twilioPostsTo(patient), 1);
        QCOMPARE(conversationOf(patient).value(u"unread"_s).toInt(), 0);
        auto row = f.sql("SELECT purpose, sent_by::text FROM messages WHERE id = $1::uuid",
                         {first.json().value(u"id"_s).toString()});
        QVERIFY(row && !row->isEmpty());
        QCOMPARE(row->text(0, 0), u"reply"_s);
        QCOMPARE(row->text(0, 1), m_clinic.userId);
    }

    void aNumberThatOptedOutGetsNoReply()
    {
        const QString patient = newPatient();
        text(patient, u"Who is this?"_s);
        text(patient, u"STOP"_s);
        const QJsonObject conversation = conversationOf(patient);
        QVERIFY(conversation.value(u"opted_out"_s).toBool());
        const HttpReply r =
            m_clinic.client->post(u"/api/messages/conversations/%1/reply"_s.arg(
                                      conversation.value(u"contact_id"_s).toString()),
                                  {{u"message"_s, u"It is the clinic."_s}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.error(), u"This number has opted out of text messages."_s);
        QCOMPARE(twilioPostsTo(patient), 0);
    }

    void markDoneReadsEveryTextOfTheConversation()
    {
        const QString patient = newPatient();
        text(patient, u"Hello"_s);
        text(patient, u"Anyone there?"_s);
        const QString contact = conversationOf(patient).value(u"contact_id"_s).toString();
        const HttpReply r =
            m_clinic.client->post(u"/api/messages/conversations/%1/read"_s.arg(contact), {});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(u"marked_read"_s).toInt(), 2);
        QCOMPARE(conversationOf(patient).value(u"unread"_s).toInt(), 0);
    }

    void badInputIsRefusedClearly_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::newRow("not an id is no patient") << u"/api/messages/conversations/nope/reply"_s
                                                 << QJsonObject{{u"message"_s, u"Hi"_s}} << 404;
        QTest::newRow("no message")
            << u"/api/messages/conversations/00000000-0000-4000-8000-000000000001/reply"_s
            << QJsonObject{} << 400;
        QTest::newRow("blank message")
            << u"/api/messages/conversations/00000000-0000-4000-8000-000000000001/reply"_s
            << QJsonObject{{u"message"_s, u"   "_s}} << 400;
        QTest::newRow("no such patient")
            << u"/api/messages/conversations/00000000-0000-4000-8000-000000000001/reply"_s
            << QJsonObject{{u"message"_s, u"Hi"_s}} << 404;
        QTest::newRow("mark done, no such patient")
            << u"/api/messages/conversations/00000000-0000-4000-8000-000000000001/read"_s
            << QJsonObject{} << 404;
    }
    void badInputIsRefusedClearly()
    {
        QFETCH(QString, path);
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        const HttpReply r = m_clinic.client->post(path, body);
        QCOMPARE(r.status, status);
        QVERIFY(!r.error().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestInbox)
#include "tst_inbox.moc"
