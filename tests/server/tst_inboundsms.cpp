// Texts from patients (Twilio's incoming-message webhook): only Twilio, signing for the clinic
// that owns the number, gets in; a reply acts on the patient's next appointment and is answered
// once, in the webhook's TwiML; a number that opted out gets no text from any path until START.
#include "core/twiliosignature.h"
#include "integrationfixture.h"
#include "server/http/outboundcall.h"

#include <QUuid>

using namespace Qt::Literals::StringLiterals;
using vox::test::Clinic;
using vox::test::HttpReply;
using vox::test::IntegrationFixture;

namespace {
const QString webhookPath = u"/api/webhooks/twilio/sms"_s;
// The server's public address in the tests (BACKEND_URL): what Twilio signs, whatever address
// the request reaches the server at.
const QString publicWebhook = u"http://127.0.0.1:1/api/webhooks/twilio/sms"_s;

QStringList idsOfItems(const QJsonObject &page)
{
    QStringList ids;
    for (const QJsonValue &item : page.value(u"items"_s).toArray())
        ids.append(item.toObject().value(u"id"_s).toString());
    return ids;
}
} // namespace

class TestInboundSms : public QObject
{
    Q_OBJECT

    IntegrationFixture f;
    Clinic m_clinic;
    IntegrationFixture::TwilioAccount m_twilio;

    QString newPatient() { return u"+1555310%1"_s.arg(++f.counter, 4, 10, QLatin1Char('0')); }

    vox::sandbox::TwilioSandbox::InboundResult text(const QString &from, const QString &body,
                                                    const QString &sid = {})
    {
        return f.sandbox->twilio().inboundSms(publicWebhook, from, m_twilio.number, body, sid,
                                              f.server->url() + webhookPath);
    }

    // An appointment `days` from now for the patient (a contact made for the number if needed).
    QString appointmentFor(const QString &phone, int days, const QString &status = u"confirmed"_s)
    {
        auto contact = f.sql("INSERT INTO contacts (org_id, phone, name) VALUES ($1::uuid, $2, "
                             "'Ada Patient') ON CONFLICT (org_id, phone) DO UPDATE SET phone = "
                             "EXCLUDED.phone RETURNING id",
                             {m_clinic.orgId, phone});
        if (!contact || contact->isEmpty())
            return {};
        auto row = f.sql(
            "INSERT INTO appointments (org_id, contact_id, service_id, service_name, starts_at, "
            "ends_at, status) SELECT $1::uuid, $2::uuid, id, name, date_trunc('hour', now()) + "
            "make_interval(days => $3::int, hours => $4::int), date_trunc('hour', now()) + "
            "make_interval(days => $3::int, hours => $4::int + 1), $5 FROM services WHERE "
            "org_id = $1::uuid AND name = 'Botox' RETURNING id",
            {m_clinic.orgId, contact->text(0, 0), days, f.counter % 20, status});
        return row && !row->isEmpty() ? row->text(0, 0) : QString();
    }

    QJsonObject appointment(const QString &id)
    {
        auto r = f.sql("SELECT row_to_json(a) FROM appointments a WHERE id = $1::uuid", {id});
        return r && !r->isEmpty() ? r->toJson(0, 0).toObject() : QJsonObject{};
    }

    QJsonObject inboundRow(const QString &sid)
    {
        auto r = f.sql("SELECT row_to_json(m) FROM messages m WHERE external_message_id = $1 AND "
                       "direction = 'inbound'",
                       {sid});
        return r && !r->isEmpty() ? r->toJson(0, 0).toObject() : QJsonObject{};
    }

    int count(const QByteArray &statement, const vox::db::Params &params)
    {
        auto r = f.sql(statement, params);
        return r && !r->isEmpty() ? int(r->toInt(0, 0)) : -1;
    }

    int twilioPosts()
    {
        int n = 0;
        for (const auto &r : f.recorded(u"twilio"_s, u"/Messages.json"_s))
            n += r.method == u"POST"_s && r.path.contains(m_twilio.sid) ? 1 : 0;
        return n;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(f.start(u"inboundsms"_s), qPrintable(f.error));
        m_clinic = f.signUp(u"Glow Med Spa"_s);
        m_twilio = f.newTwilioAccount();
        const QString problem = f.connectTwilioAndWait(m_clinic, m_twilio);
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void init() { f.sandbox->state().clearRequests(); }

    void aSignedTextIsStoredUnreadAndAnsweredInTwiml()
    {
        const QString patient = newPatient();
        const auto r = text(patient, u"What time do you open on Saturday?"_s);
        QCOMPARE(r.status, 200);
        QVERIFY2(r.response.startsWith("<?xml"), r.response.constData());
        QVERIFY2(r.response.contains("<Response><Message>Thanks, Glow Med Spa has your message"),
                 r.response.constData());
        const QJsonObject row = inboundRow(r.messageSid);
        QCOMPARE(row.value(u"org_id"_s).toString(), m_clinic.orgId);
        QCOMPARE(row.value(u"status"_s).toString(), u"received"_s);
        QCOMPARE(row.value(u"sender"_s).toString(), patient);
        QCOMPARE(row.value(u"recipient"_s).toString(), m_twilio.number);
        QCOMPARE(row.value(u"content"_s).toString(), u"What time do you open on Saturday?"_s);
        QCOMPARE(row.value(u"reply_kind"_s).toString(), u"free_text"_s);
        QVERIFY(row.value(u"read_at"_s).isNull());
        // The patient became a contact; the answer is in the thread; no second send was made.
        QCOMPARE(count("SELECT count(*) FROM contacts WHERE org_id = $1::uuid AND phone = $2",
                       {m_clinic.orgId, patient}),
                 1);
        QCOMPARE(count("SELECT count(*) FROM messages WHERE org_id = $1::uuid AND recipient = $2 "
                       "AND purpose = 'auto_reply'",
                       {m_clinic.orgId, patient}),
                 1);
        QCOMPARE(twilioPosts(), 0);
        QCOMPARE(count("SELECT count(*) FROM events WHERE org_id = $1::uuid AND type = "
                       "'contact.created' AND entity_id = $2::uuid",
                       {m_clinic.orgId, row.value(u"contact_id"_s).toString()}),
                 1);
        QCOMPARE(count("SELECT count(*) FROM events WHERE org_id = $1::uuid AND type = "
                       "'message.received' AND entity_id = $2::uuid",
                       {m_clinic.orgId, row.value(u"id"_s).toString()}),
                 1);
    }

    // A patient's words are free text: stored as the clinic's redaction leaves them, while the
    // sender's number (the patient's, for the reply) stays as it is.
    void aTextIsStoredAsTheClinicsRedactionLeavesIt_data()
    {
        QTest::addColumn<QString>("categories"); // a text[] literal
        QTest::addColumn<QString>("stored");
        QTest::newRow("every category") << u"{ssn,card,dob,phone,email,address,medical_id}"_s
                                        << u"New cell [REDACTED PHONE], mail [REDACTED EMAIL]"_s;
        QTest::newRow("e-mail only")
            << u"{email}"_s << u"New cell 555-867-5309, mail [REDACTED EMAIL]"_s;
        QTest::newRow("nothing") << u"{}"_s << u"New cell 555-867-5309, mail ada@example.com"_s;
    }
    void aTextIsStoredAsTheClinicsRedactionLeavesIt()
    {
        QFETCH(QString, categories);
        QFETCH(QString, stored);
        QVERIFY(f.sql("UPDATE org_settings SET redact_categories = $2::text[] WHERE org_id = "
                      "$1::uuid",
                      {m_clinic.orgId, categories})
                    .ok());
        const QString patient = newPatient();
        const auto r = text(patient, u"New cell 555-867-5309, mail ada@example.com"_s);
        QCOMPARE(r.status, 200);
        const QJsonObject row = inboundRow(r.messageSid);
        QCOMPARE(row.value(u"content"_s).toString(), stored);
        QCOMPARE(row.value(u"sender"_s).toString(), patient);
        QVERIFY(f.sql("UPDATE org_settings SET redact_categories = DEFAULT WHERE org_id = $1::uuid",
                      {m_clinic.orgId})
                    .ok());
    }

    void twilioDeliveringTheSameTextAgainChangesNothing()
    {
        const QString patient = newPatient();
        const QString id = appointmentFor(patient, 3);
        const auto first = text(patient, u"N"_s, u"SMduplicate0001"_s);
        QCOMPARE(first.status, 200);
        const auto again = text(patient, u"N"_s, u"SMduplicate0001"_s);
        QCOMPARE(again.status, 200);
        QVERIFY2(again.response.contains("<Response/>"), again.response.constData());
        QCOMPARE(count("SELECT count(*) FROM messages WHERE external_message_id = $1",
                       {u"SMduplicate0001"_s}),
                 1);
        QCOMPARE(appointment(id).value(u"status"_s).toString(), u"cancelled"_s);
    }

    // Nothing is stored and nothing changes unless Twilio signed for the clinic owning `To`.
    void unsignedOrForgedTextsAreRefused_data()
    {
        QTest::addColumn<QString>("forgery");
        QTest::newRow("no signature") << u"none"_s;
        QTest::newRow("another account's token") << u"token"_s;
        QTest::newRow("signed over the address reached, not the public URL") << u"url"_s;
        QTest::newRow("a body changed after signing") << u"body"_s;
        QTest::newRow("a number no clinic has") << u"to"_s;
        QTest::newRow("garbage") << u"garbage"_s;
    }
    void unsignedOrForgedTextsAreRefused()
    {
        QFETCH(QString, forgery);
        const QString patient = newPatient();
        const QString id = appointmentFor(patient, 2);
        const int messagesBefore = count("SELECT count(*) FROM messages", {});
        const int contactsBefore = count("SELECT count(*) FROM contacts", {});
        const QString to = forgery == u"to" ? u"+15559998888"_s : m_twilio.number;
        vox::twilio::FormParameters params{{u"MessageSid"_s, u"SMforged%1"_s.arg(f.counter)},
                                           {u"AccountSid"_s, m_twilio.sid},
                                           {u"From"_s, patient},
                                           {u"To"_s, to},
                                           {u"Body"_s, u"CANCEL"_s}};
        const QString token = forgery == u"token" ? u"not-the-clinics-token"_s : m_twilio.token;
        const QString url = forgery == u"url" ? f.server->url() + webhookPath : publicWebhook;
        QByteArray signature = vox::twilio::twilioSignature(token, url, params);
        if (forgery == u"body")
            params[4].second = u"STOP"_s;
        if (forgery == u"garbage")
            signature = "not base64 at all";
        QHash<QByteArray, QByteArray> headers;
        if (forgery != u"none")
            headers.insert("X-Twilio-Signature", signature);
        const HttpReply reply =
            f.server->client()->send("POST", webhookPath, vox::http::formEncode(params), headers,
                                     "application/x-www-form-urlencoded");
        QCOMPARE(reply.status, 403);
        QVERIFY2(!reply.error().isEmpty(), reply.body.constData());
        QCOMPARE(count("SELECT count(*) FROM messages", {}), messagesBefore);
        QCOMPARE(count("SELECT count(*) FROM contacts", {}), contactsBefore);
        QCOMPARE(count("SELECT count(*) FROM sms_opt_outs", {}), 0);
        QCOMPARE(appointment(id).value(u"status"_s).toString(), u"confirmed"_s);
    }

    // Each answer changes the patient's next waiting appointment (not a later one) and is
    // answered in words; what needs the front desk stays unread.
    void aReplyActsOnTheNextAppointment_data()
    {
        QTest::addColumn<QString>("body");
        QTest::addColumn<QString>("status");
        QTest::addColumn<bool>("patientConfirmed");
        QTest::addColumn<bool>("wantsReschedule");
        QTest::addColumn<bool>("unread");
        QTest::addColumn<QString>("answer");
        QTest::newRow("C confirms")
            << u"C"_s << u"confirmed"_s << true << false << false << u"is confirmed"_s;
        QTest::newRow("yes thanks confirms")
            << u"yes thanks"_s << u"confirmed"_s << true << false << false << u"is confirmed"_s;
        QTest::newRow("Confirmd confirms")
            << u"Confirmd"_s << u"confirmed"_s << true << false << false << u"is confirmed"_s;
        QTest::newRow("NO cancels")
            << u"NO"_s << u"cancelled"_s << false << false << true << u"is cancelled"_s;
        QTest::newRow("CANCEL cancels when an appointment waits")
            << u"CANCEL"_s << u"cancelled"_s << false << false << true << u"is cancelled"_s;
        QTest::newRow("R asks to reschedule")
            << u"R"_s << u"confirmed"_s << false << true << true << u"find a new time"_s;
        QTest::newRow("free text changes nothing")
            << u"no problem I'll be there"_s << u"confirmed"_s << false << false << true
            << u"has your message"_s;
    }
    void aReplyActsOnTheNextAppointment()
    {
        QFETCH(QString, body);
        QFETCH(QString, status);
        QFETCH(bool, patientConfirmed);
        QFETCH(bool, wantsReschedule);
        QFETCH(bool, unread);
        QFETCH(QString, answer);
        const QString patient = newPatient();
        const QString later = appointmentFor(patient, 9);
        const QString next = appointmentFor(patient, 2);
        const QString past = appointmentFor(patient, -3);
        const auto r = text(patient, body);
        QCOMPARE(r.status, 200);
        QVERIFY2(r.reply.contains(answer), qPrintable(r.reply));
        const QJsonObject a = appointment(next);
        QCOMPARE(a.value(u"status"_s).toString(), status);
        QCOMPARE(!a.value(u"patient_confirmed_at"_s).isNull(), patientConfirmed);
        QCOMPARE(!a.value(u"reschedule_requested_at"_s).isNull(), wantsReschedule);
        for (const QString &untouched : {later, past}) {
            const QJsonObject other = appointment(untouched);
            QCOMPARE(other.value(u"status"_s).toString(), u"confirmed"_s);
            QVERIFY(other.value(u"patient_confirmed_at"_s).isNull());
            QVERIFY(other.value(u"reschedule_requested_at"_s).isNull());
        }
        const QJsonObject row = inboundRow(r.messageSid);
        QCOMPARE(row.value(u"read_at"_s).isNull(), unread);
        if (status == u"cancelled") {
            // The slot is free again, and the front desk is told live.
            QCOMPARE(count("SELECT count(*) FROM events WHERE org_id = $1::uuid AND type = "
                           "'appointment.cancelled' AND entity_id = $2::uuid",
                           {m_clinic.orgId, next}),
                     1);
            QCOMPARE(count("SELECT count(*) FROM appointments WHERE id = $1::uuid AND status IN "
                           "('held', 'confirmed')",
                           {next}),
                     0);
        }
    }

    void anAnswerWithNothingWaitingSaysSoAndLandsUnread()
    {
        const QString patient = newPatient();
        const auto r = text(patient, u"YES"_s);
        QCOMPARE(r.status, 200);
        QVERIFY2(r.reply.contains(u"could not find an upcoming appointment"_s),
                 qPrintable(r.reply));
        QVERIFY(inboundRow(r.messageSid).value(u"read_at"_s).isNull());
    }

    void helpAnswersWithTheClinicsNameAndNumber()
    {
        const auto r = text(newPatient(), u"HELP"_s);
        QCOMPARE(r.status, 200);
        QVERIFY2(r.reply.startsWith(u"Glow Med Spa:"_s), qPrintable(r.reply));
        QVERIFY2(r.reply.contains(m_twilio.number), qPrintable(r.reply));
        QVERIFY2(r.reply.contains(u"STOP"_s), qPrintable(r.reply));
    }

    // After STOP no path sends the number a text (each says why); after START they all may.
    void anOptedOutNumberGetsNoTextFromAnyPathUntilStart()
    {
        const QString patient = newPatient();
        const QString appointmentId = appointmentFor(patient, 4);
        auto contact =
            f.sql("SELECT contact_id FROM appointments WHERE id = $1::uuid", {appointmentId});
        QVERIFY(contact && !contact->isEmpty());
        const QString callId = f.insertCall(m_clinic.orgId, patient, contact->text(0, 0));

        const auto stop = text(patient, u"Stop texting me"_s);
        QCOMPARE(stop.status, 200);
        QVERIFY2(stop.reply.contains(u"START"_s), qPrintable(stop.reply));
        QCOMPARE(count("SELECT count(*) FROM sms_opt_outs WHERE org_id = $1::uuid AND phone = $2",
                       {m_clinic.orgId, patient}),
                 1);
        // The console shows it on the patient.
        const QString contactPath = u"/api/contacts/"_s + contact->text(0, 0);
        QCOMPARE(m_clinic.client->get(contactPath).json().value(u"sms_opted_out"_s).toBool(), true);
        // An opted-out number's other texts are received but not answered.
        const auto question = text(patient, u"What time is it again?"_s);
        QCOMPARE(question.status, 200);
        QVERIFY2(question.reply.isEmpty(), question.response.constData());

        f.sandbox->state().clearRequests();
        const QString refused = u"This number has opted out of text messages."_s;
        // A follow-up after the call.
        HttpReply reply = m_clinic.client->post(u"/api/calls-dashboard/%1/followup"_s.arg(callId),
                                                {{u"message"_s, u"Hello"_s}});
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.error(), refused);
        // A reminder of the appointment.
        reply = m_clinic.client->post(u"/api/appointments/%1/send-reminder"_s.arg(appointmentId),
                                      {{u"method"_s, u"sms"_s}});
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.error(), refused);
        // A background text (alerts, and whatever else is queued as sms.send).
        auto job = f.sql("INSERT INTO jobs (kind, org_id, payload) VALUES ('sms.send', "
                         "$1::uuid, $2::jsonb) RETURNING id",
                         {m_clinic.orgId, QJsonValue(QJsonObject{{u"to"_s, patient},
                                                                 {u"body"_s, u"Alert"_s},
                                                                 {u"purpose"_s, u"alert"_s}})});
        QVERIFY(job && !job->isEmpty());
        const qint64 jobId = job->toInt(0, 0);
        QTRY_COMPARE_WITH_TIMEOUT(
            count("SELECT count(*) FROM jobs WHERE id = $1 AND status = 'done'", {jobId}), 1,
            20000);
        QCOMPARE(twilioPosts(), 0);
        // Each refusal is on record, with the reason.
        QCOMPARE(count("SELECT count(*) FROM messages WHERE org_id = $1::uuid AND recipient = $2 "
                       "AND status = 'failed' AND error = $3",
                       {m_clinic.orgId, patient, refused}),
                 3);

        const auto start = text(patient, u"START"_s);
        QCOMPARE(start.status, 200);
        QVERIFY2(start.reply.contains(u"again"_s), qPrintable(start.reply));
        QCOMPARE(m_clinic.client->get(contactPath).json().value(u"sms_opted_out"_s).toBool(),
                 false);
        reply = m_clinic.client->post(u"/api/appointments/%1/send-reminder"_s.arg(appointmentId),
                                      {{u"method"_s, u"sms"_s}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(twilioPosts(), 1);
    }

    void cancelWithNothingWaitingOptsOut()
    {
        const QString patient = newPatient();
        const auto r = text(patient, u"CANCEL"_s);
        QCOMPARE(r.status, 200);
        QCOMPARE(count("SELECT count(*) FROM sms_opt_outs WHERE org_id = $1::uuid AND phone = $2",
                       {m_clinic.orgId, patient}),
                 1);
    }

    // What the console's inbox reads: the patients' unread texts, and marking one done.
    void unreadTextsAreListedAndCanBeMarkedRead()
    {
        const QString patient = newPatient();
        const auto r = text(patient, u"Can I bring my sister?"_s);
        QCOMPARE(r.status, 200);
        const QString id = inboundRow(r.messageSid).value(u"id"_s).toString();
        auto staff = f.staffOf(m_clinic);
        HttpReply list = staff->get(u"/api/messages?direction=inbound&unread=true"_s);
        QCOMPARE(list.status, 200);
        QStringList ids = idsOfItems(list.json());
        QVERIFY(ids.contains(id));
        for (const QJsonValue &item : list.json().value(u"items"_s).toArray()) {
            QCOMPARE(item.toObject().value(u"direction"_s).toString(), u"inbound"_s);
            QCOMPARE(item.toObject().value(u"unread"_s).toBool(), true);
        }
        const HttpReply read = staff->post(u"/api/messages/%1/read"_s.arg(id));
        QCOMPARE(read.status, 200);
        QCOMPARE(read.json().value(u"unread"_s).toBool(), false);
        list = staff->get(u"/api/messages?direction=inbound&unread=true"_s);
        QVERIFY(!idsOfItems(list.json()).contains(id));
        QCOMPARE(staff->post(u"/api/messages/%1/read"_s.arg(id), {{u"read"_s, false}}).status, 200);
        list = staff->get(u"/api/messages?direction=inbound&unread=true"_s);
        QVERIFY(idsOfItems(list.json()).contains(id));
        QCOMPARE(staff->get(u"/api/messages?unread=maybe"_s).status, 400);
        QCOMPARE(staff
                     ->post(u"/api/messages/%1/read"_s.arg(
                         QUuid::createUuid().toString(QUuid::WithoutBraces)))
                     .status,
                 404);
    }
};

QTEST_GUILESS_MAIN(TestInboundSms)
#include "tst_inboundsms.moc"
