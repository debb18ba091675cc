// The dashboard actions (S-actions, PRD "4 new dashboard action endpoints"): for each one, success
// through the sandbox (the audit row matches what the provider received), a provider failure
// (generic answer, failed audit row, the full error in the log), missing credentials, and another
// clinic's id answering 404.
#include "integrationfixture.h"

#include "core/logging/log.h"
#include "server/services/signedtoken.h"

#include <QRegularExpression>

#include <sstream>

using namespace Qt::Literals::StringLiterals;
using vox::test::Clinic;
using vox::test::HttpReply;
using vox::test::IntegrationFixture;

class TestCallActions : public QObject
{
    Q_OBJECT

    IntegrationFixture f;
    std::ostringstream m_log;

    QString logText()
    {
        vox::log::flush();
        return QString::fromStdString(m_log.str());
    }

    struct Setup
    {
        Clinic clinic;
        IntegrationFixture::TwilioAccount twilio;
        QString contactId;
        QString callId;
        QString phone;
    };
    // A clinic with Twilio connected, a contact and a call with a recording and a transcript.
    Setup clinicWithCall(const QString &name, bool connectTwilio = true)
    {
        Setup s;
        s.clinic = f.signUp(name);
        if (connectTwilio) {
            s.twilio = f.newTwilioAccount();
            if (const QString problem = f.connectTwilioAndWait(s.clinic, s.twilio);
                !problem.isEmpty())
                qWarning("Twilio did not connect: %s", qPrintable(problem));
        }
        s.phone = u"+1555123%1"_s.arg(++f.counter, 4, 10, QLatin1Char('0'));
        s.contactId =
            f.insertContact(s.clinic.orgId, s.phone, u"Jane Doe"_s, u"jane.doe@patients.example"_s);
        s.callId = f.insertCall(
            s.clinic.orgId, s.phone, s.contactId, u"https://recordings.example/rec-123.mp3"_s,
            u"AI: Thanks for calling. User: I would like Botox."_s,
            QJsonArray{QJsonObject{{u"role"_s, u"system"_s}, {u"message"_s, u"You are kind."_s}},
                       QJsonObject{{u"role"_s, u"assistant"_s},
                                   {u"message"_s, u"Thanks for calling Glow, how can I help?"_s},
                                   {u"secondsFromStart"_s, 0.4}},
                       QJsonObject{{u"role"_s, u"user"_s},
                                   {u"message"_s, u"My card is 4111 1111 1111 1111 and my SSN is "
                                                  "123-45-6789."_s},
                                   {u"secondsFromStart"_s, 65.2}},
                       QJsonObject{{u"role"_s, u"tool"_s}, {u"message"_s, u"{\"ok\":true}"_s}}});
        return s;
    }

    QJsonObject messageRow(const QString &id)
    {
        auto row = f.sql("SELECT row_to_json(m) FROM messages m WHERE id = $1::uuid", {id});
        return row && !row->isEmpty() ? row->toJson(0, 0).toObject() : QJsonObject{};
    }

    QJsonObject lastMessage(const QString &orgId)
    {
        auto row = f.sql("SELECT row_to_json(m) FROM messages m WHERE org_id = $1::uuid ORDER BY "
                         "created_at DESC LIMIT 1",
                         {orgId});
        return row && !row->isEmpty() ? row->toJson(0, 0).toObject() : QJsonObject{};
    }

    QJsonObject lastAudit(const QString &orgId, const QString &action)
    {
        auto row = f.sql("SELECT row_to_json(a) FROM audit_log a WHERE org_id = $1::uuid AND "
                         "action = $2 ORDER BY created_at DESC LIMIT 1",
                         {orgId, action});
        return row && !row->isEmpty() ? row->toJson(0, 0).toObject() : QJsonObject{};
    }

    int count(const QByteArray &sql, const vox::db::Params &params)
    {
        auto row = f.sql(sql, params);
        return row ? int(row->toInt(0, 0)) : -1;
    }

    void giveResendKey(Clinic &clinic)
    {
        const HttpReply r =
            clinic.client->put(u"/api/integrations/resend"_s,
                               {{u"api_key"_s, u"re_clinic_key_%1"_s.arg(++f.counter)},
                                {u"from"_s, u"Glow Med Spa <frontdesk@glow.example>"_s}});
        if (r.status != 200)
            qWarning("resend settings failed: %d", r.status);
    }

    QString insertAppointment(const QString &orgId, const QString &contactId,
                              const QString &status = u"confirmed"_s)
    {
        const int day = ++f.counter % 27 + 1;
        auto row = f.sql(
            "INSERT INTO appointments (org_id, contact_id, service_id, service_name, starts_at, "
            "ends_at, status) SELECT $1::uuid, $2::uuid, id, name, $3::timestamptz, "
            "$3::timestamptz + interval '1 hour', $4 FROM services WHERE org_id = $1::uuid AND "
            "name = 'Botox' RETURNING id",
            {orgId, contactId, u"2026-05-%1T18:00:00Z"_s.arg(day, 2, 10, QLatin1Char('0')),
             status});
        return row && !row->isEmpty() ? row->text(0, 0) : QString();
    }

private slots:
    // Before the stream goes: the server still logs while it shuts down.
    void cleanupTestCase() { vox::log::removeStreamSink(m_log); }

    void initTestCase()
    {
        vox::log::addStreamSink(m_log);
        QVERIFY2(f.start(u"callactions"_s), qPrintable(f.error));
    }

    void init()
    {
        f.sandbox->state().clearFailures();
        f.sandbox->state().clearRequests();
    }

    // ----- follow-up SMS -----

    void followUpSendsTheSmsThroughTheClinicsTwilioAndAuditsIt()
    {
        Setup s = clinicWithCall(u"Follow Up"_s);
        const HttpReply reply = s.clinic.client->post(
            u"/api/calls-dashboard/%1/followup"_s.arg(s.callId),
            {{u"message"_s, u"Hi Jane, we have an opening tomorrow at 2 PM."_s}});
        QCOMPARE(reply.status, 200);
        const QJsonObject body = reply.json();
        QCOMPARE(body.value(u"success"_s).toBool(), true);
        QCOMPARE(body.value(u"phone"_s).toString(), s.phone);

        // What Twilio received...
        const auto sent = f.recorded(u"twilio"_s, u"/Messages.json"_s);
        QCOMPARE(sent.size(), 1);
        QCOMPARE(sent.first().headers.value("authorization"),
                 vox::server::providers::basicAuth(s.twilio.sid, s.twilio.token));
        QCOMPARE(IntegrationFixture::formValue(sent.first().body, u"To"_s), s.phone);
        QCOMPARE(IntegrationFixture::formValue(sent.first().body, u"From"_s), s.twilio.number);
        const QString text = IntegrationFixture::formValue(sent.first().body, u"Body"_s);
        QCOMPARE(text, u"Hi Jane, we have an opening tomorrow at 2 PM."_s);
        const QJsonArray messages = f.sandbox->twilio().messages(s.twilio.sid);
        QCOMPARE(messages.size(), 1);

        // ...is what the audit row says.
        const QJsonObject row = messageRow(body.value(u"messageId"_s).toString());
        QCOMPARE(row.value(u"status"_s).toString(), u"sent"_s);
        QCOMPARE(row.value(u"method"_s).toString(), u"sms"_s);
        QCOMPARE(row.value(u"direction"_s).toString(), u"outbound"_s);
        QCOMPARE(row.value(u"service_provider"_s).toString(), u"twilio"_s);
        QCOMPARE(row.value(u"external_message_id"_s).toString(),
                 messages.first().toObject().value(u"sid"_s).toString());
        QCOMPARE(body.value(u"externalMessageId"_s), row.value(u"external_message_id"_s));
        QCOMPARE(row.value(u"recipient"_s).toString(), s.phone);
        QCOMPARE(row.value(u"content"_s).toString(), text);
        QCOMPARE(row.value(u"call_id"_s).toString(), s.callId);
        QCOMPARE(row.value(u"contact_id"_s).toString(), s.contactId);
        QCOMPARE(row.value(u"sent_by"_s).toString(), s.clinic.userId);
        QCOMPARE(row.value(u"purpose"_s).toString(), u"followup"_s);
        QVERIFY(!row.value(u"sent_at"_s).isNull());
        QCOMPARE(count("SELECT count(*) FROM events WHERE org_id = $1::uuid AND type = "
                       "'message.created'",
                       {s.clinic.orgId}),
                 1);
    }

    void oneSmsPerCallerPerHourUnlessAnAdminForcesIt()
    {
        Setup s = clinicWithCall(u"Hourly Limit"_s);
        const QString path = u"/api/calls-dashboard/%1/followup"_s.arg(s.callId);
        QCOMPARE(s.clinic.client->post(path, {{u"message"_s, u"First"_s}}).status, 200);
        const HttpReply again = s.clinic.client->post(path, {{u"message"_s, u"Second"_s}});
        QCOMPARE(again.status, 429);
        const int retryAfter = again.headers.value("retry-after").toInt();
        QVERIFY2(retryAfter > 3000 && retryAfter <= 3600,
                 again.headers.value("retry-after").constData());

        auto staff = f.staffOf(s.clinic);
        QCOMPARE(staff->post(path, {{u"message"_s, u"Staff"_s}}).status, 429);
        QCOMPARE(staff->post(path, {{u"message"_s, u"Staff"_s}, {u"force"_s, true}}).status, 403);
        QCOMPARE(
            s.clinic.client->post(path, {{u"message"_s, u"Owner"_s}, {u"force"_s, true}}).status,
            200);
        QCOMPARE(f.sandbox->twilio().messages(s.twilio.sid).size(), 2);
    }

    void aTwilioRefusalIsAnsweredInWordsAndAuditedInFull()
    {
        Setup s = clinicWithCall(u"Twilio Fails"_s);
        f.fail(u"twilio"_s, 400, 1,
               u"/twilio/2010-04-01/Accounts/%1/Messages.json"_s.arg(s.twilio.sid),
               {{u"code"_s, 21610},
                {u"message"_s, u"Attempt to send to unsubscribed recipient"_s},
                {u"more_info"_s, u"https://www.twilio.com/docs/errors/21610"_s},
                {u"status"_s, 400}});
        const QString path = u"/api/calls-dashboard/%1/followup"_s.arg(s.callId);
        const HttpReply reply = s.clinic.client->post(path, {{u"message"_s, u"Hello"_s}});
        // The clinic can act on it (the patient unsubscribed): said in Twilio's words.
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.error(), u"Twilio refused the SMS: Attempt to send to unsubscribed "
                                "recipient (Twilio error 21610)."_s);

        const QJsonObject row = lastMessage(s.clinic.orgId);
        QCOMPARE(row.value(u"status"_s).toString(), u"failed"_s);
        QCOMPARE(row.value(u"service_provider"_s).toString(), u"twilio"_s);
        QVERIFY(row.value(u"external_message_id"_s).isNull());
        QVERIFY(row.value(u"error"_s).toString().contains(u"21610"_s));
        QVERIFY(logText().contains(u"Attempt to send to unsubscribed recipient"_s));
        QVERIFY(!logText().contains(s.twilio.token));
        // Nothing reached the caller, so the hour has not started.
        QCOMPARE(s.clinic.client->post(path, {{u"message"_s, u"Hello"_s}}).status, 200);
    }

    // A person who asked not to get texts gets none: refused in words, audited, Twilio untouched.
    void aDoNotTextContactGetsNoSms()
    {
        Setup s = clinicWithCall(u"Do Not Text"_s);
        QCOMPARE(
            s.clinic.client->patch(u"/api/contacts/"_s + s.contactId, {{u"do_not_text"_s, true}})
                .status,
            200);
        const qsizetype before = f.sandbox->twilio().messages(s.twilio.sid).size();
        const HttpReply reply = s.clinic.client->post(
            u"/api/calls-dashboard/%1/followup"_s.arg(s.callId), {{u"message"_s, u"Hello"_s}});
        QCOMPARE(reply.status, 422);
        QCOMPARE(reply.error(), u"This person asked not to get text messages (do not text)."_s);
        QCOMPARE(f.sandbox->twilio().messages(s.twilio.sid).size(), before);
        const QJsonObject row = lastMessage(s.clinic.orgId);
        QCOMPARE(row.value(u"status"_s).toString(), u"failed"_s);
        QVERIFY(row.value(u"error"_s).toString().contains(u"do not text"_s));
    }

    void withoutTwilioTheAnswerIsTwilioNotConfigured()
    {
        Setup s = clinicWithCall(u"No Twilio"_s, false);
        const HttpReply reply = s.clinic.client->post(
            u"/api/calls-dashboard/%1/followup"_s.arg(s.callId), {{u"message"_s, u"Hello"_s}});
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.error(), u"Twilio not configured"_s);
        QVERIFY(f.recorded(u"twilio"_s).isEmpty());
    }

    void followUpValidatesTheMessage_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::newRow("missing") << QJsonObject{};
        QTest::newRow("empty") << QJsonObject{{u"message"_s, u"   "_s}};
        QTest::newRow("161 characters") << QJsonObject{{u"message"_s, QString(161, u'x')}};
        QTest::newRow("not a string") << QJsonObject{{u"message"_s, 42}};
    }
    void followUpValidatesTheMessage()
    {
        QFETCH(QJsonObject, body);
        Setup s = clinicWithCall(u"Validates"_s);
        const HttpReply reply =
            s.clinic.client->post(u"/api/calls-dashboard/%1/followup"_s.arg(s.callId), body);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json().value(u"field"_s).toString(), u"message"_s);
        QVERIFY(f.recorded(u"twilio"_s, u"Messages"_s).isEmpty());
        QCOMPARE(s.clinic.client
                     ->post(u"/api/calls-dashboard/%1/followup"_s.arg(s.callId),
                            {{u"message"_s, QString(160, u'x')}})
                     .status,
                 200);
    }

    // ----- shared recording -----

    void shareEmailsASignedLinkThatLeadsToTheRecording()
    {
        Setup s = clinicWithCall(u"Share"_s, false);
        giveResendKey(s.clinic);
        const HttpReply reply =
            s.clinic.client->post(u"/api/calls-dashboard/%1/share"_s.arg(s.callId),
                                  {{u"email"_s, u"lead@glow.example"_s}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"email"_s).toString(), u"lead@glow.example"_s);
        const QDateTime expires =
            QDateTime::fromString(reply.json().value(u"expiresAt"_s).toString(), Qt::ISODate);
        const qint64 inSeconds = QDateTime::currentDateTimeUtc().secsTo(expires);
        QVERIFY2(inSeconds > 24 * 3600 - 120 && inSeconds <= 24 * 3600,
                 qPrintable(expires.toString()));

        const auto requests = f.recorded(u"resend"_s, u"/emails"_s);
        QCOMPARE(requests.size(), 1);
        QVERIFY(
            requests.first().headers.value("authorization").startsWith("Bearer re_clinic_key_"));
        const QJsonObject email = f.sandbox->resend().emails().last().toObject();
        QCOMPARE(email.value(u"to"_s).toString(), u"lead@glow.example"_s);
        QCOMPARE(email.value(u"from"_s).toString(), u"Glow Med Spa <frontdesk@glow.example>"_s);
        const QString text = email.value(u"text"_s).toString();
        static const QRegularExpression linkPattern(
            u"http://127\\.0\\.0\\.1:1(/api/recordings/shared/[A-Za-z0-9._-]+)"_s);
        const auto link = linkPattern.match(text);
        QVERIFY2(link.hasMatch(), qPrintable(text));
        QVERIFY(!text.contains(u"Jane"_s)); // no patient details travel in the e-mail

        // The audit rows: the e-mail (without the link's token) and the share itself.
        const QJsonObject row = lastMessage(s.clinic.orgId);
        QCOMPARE(row.value(u"method"_s).toString(), u"email"_s);
        QCOMPARE(row.value(u"status"_s).toString(), u"sent"_s);
        QCOMPARE(row.value(u"service_provider"_s).toString(), u"resend"_s);
        QCOMPARE(row.value(u"external_message_id"_s).toString(), email.value(u"id"_s).toString());
        QCOMPARE(requests.first().headers.value("idempotency-key"),
                 row.value(u"id"_s).toString().toUtf8());
        QCOMPARE(row.value(u"call_id"_s).toString(), s.callId);
        QVERIFY(!row.value(u"content"_s).toString().contains(link.captured(1)));
        const QJsonObject audit = lastAudit(s.clinic.orgId, u"recording.shared"_s);
        QCOMPARE(audit.value(u"entity_id"_s).toString(), s.callId);
        QCOMPARE(audit.value(u"actor_id"_s).toString(), s.clinic.userId);
        const QJsonObject details = audit.value(u"details"_s).toObject();
        QCOMPARE(details.value(u"email"_s).toString(), u"lead@glow.example"_s);
        QCOMPARE(details.value(u"external_id"_s).toString(), email.value(u"id"_s).toString());
        QCOMPARE(details.value(u"service_provider"_s).toString(), u"resend"_s);

        // The link, on our server, without signing in: never a redirect to the provider's address
        // (the server relays the recording itself; tst_accesslog plays it from the sandbox, and
        // this address is a reserved name that cannot be reached, hence 502 here).
        const HttpReply opened =
            IntegrationFixture::getWithoutRedirect(f.server->url() + link.captured(1));
        QCOMPARE(opened.status, 502);
        QVERIFY(!opened.headers.contains("location"));
        QVERIFY(!opened.body.contains("recordings.example"));
        QCOMPARE(count("SELECT count(*) FROM phi_access_log WHERE org_id = $1::uuid AND action = "
                       "'recording_share.opened'",
                       {s.clinic.orgId}),
                 1);
    }

    // A share row as sharing makes it, for links signed by the test.
    QString insertShare(const Setup &s)
    {
        auto row = f.sql("INSERT INTO recording_shares (org_id, call_id, email, expires_at) VALUES "
                         "($1::uuid, $2::uuid, 'x@glow.example', now() + interval '1 hour') "
                         "RETURNING id",
                         {s.clinic.orgId, s.callId});
        return row && !row->isEmpty() ? row->text(0, 0) : QString();
    }

    void aSharedLinkRefusesWhenAlteredOrExpired()
    {
        Setup s = clinicWithCall(u"Link Rules"_s, false);
        const QByteArray key = vox::server::signedtoken::deriveKey(vox::test::TestServer::jwtSecret,
                                                                   "recording-share");
        const QJsonObject claims{
            {u"o"_s, s.clinic.orgId}, {u"c"_s, s.callId}, {u"s"_s, insertShare(s)}};
        const QString valid = vox::server::signedtoken::issue(
            key, claims, QDateTime::currentDateTimeUtc().addSecs(3600));
        const QString base = f.server->url() + u"/api/recordings/shared/"_s;
        // Accepted, and relayed from an address tests cannot reach.
        QCOMPARE(IntegrationFixture::getWithoutRedirect(base + valid).status, 502);
        // A link naming no share (as links made before shares were kept) no longer opens.
        const QString unnamed = vox::server::signedtoken::issue(
            key, QJsonObject{{u"o"_s, s.clinic.orgId}, {u"c"_s, s.callId}, {u"j"_s, u"x"_s}},
            QDateTime::currentDateTimeUtc().addSecs(3600));
        QCOMPARE(IntegrationFixture::getWithoutRedirect(base + unnamed).status, 410);

        const QString expired = vox::server::signedtoken::issue(
            key, claims, QDateTime::currentDateTimeUtc().addSecs(-1));
        QCOMPARE(IntegrationFixture::getWithoutRedirect(base + expired).status, 410);

        QString altered = valid;
        altered[5] = altered.at(5) == u'A' ? u'B' : u'A';
        QCOMPARE(IntegrationFixture::getWithoutRedirect(base + altered).status, 404);
        // Signed, but for another purpose (or by someone without our secret).
        const QString otherKey = vox::server::signedtoken::issue(
            vox::server::signedtoken::deriveKey(vox::test::TestServer::jwtSecret,
                                                "google-oauth-state"),
            claims, QDateTime::currentDateTimeUtc().addSecs(3600));
        QCOMPARE(IntegrationFixture::getWithoutRedirect(base + otherKey).status, 404);
        QCOMPARE(IntegrationFixture::getWithoutRedirect(base + u"garbage"_s).status, 404);
        // A link to a call whose recording is gone.
        QVERIFY(f.sql("UPDATE call_logs SET recording_url = NULL WHERE id = $1::uuid", {s.callId}));
        QCOMPARE(IntegrationFixture::getWithoutRedirect(base + valid).status, 404);
    }

    // The server fetches the recording for the listener only from a plain https address (502:
    // it tried, and the reserved name cannot be reached).
    void aSharedLinkFetchesOnlyFromAPlainHttpsAddress_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<int>("status");
        QTest::newRow("https") << u"https://recordings.example/rec-9.mp3"_s << 502;
        QTest::newRow("a header smuggled in with CR/LF")
            << u"https://recordings.example/a.mp3\r\nSet-Cookie: session=stolen"_s << 404;
        QTest::newRow("a bare line feed") << u"https://recordings.example/a\nX-A: 1"_s << 404;
        QTest::newRow("plain http") << u"http://recordings.example/a.mp3"_s << 404;
        QTest::newRow("a script") << u"javascript:alert(1)"_s << 404;
        QTest::newRow("a user name before the host")
            << u"https://recordings.example@evil.example/a.mp3"_s << 404;
        QTest::newRow("no host") << u"https:///a.mp3"_s << 404;
    }

    void aSharedLinkFetchesOnlyFromAPlainHttpsAddress()
    {
        QFETCH(QString, stored);
        QFETCH(int, status);
        Setup s = clinicWithCall(u"Redirect %1"_s.arg(QString::fromLatin1(QTest::currentDataTag())),
                                 false);
        QVERIFY(f.sql("UPDATE call_logs SET recording_url = $2 WHERE id = $1::uuid",
                      {s.callId, stored}));
        const QByteArray key = vox::server::signedtoken::deriveKey(vox::test::TestServer::jwtSecret,
                                                                   "recording-share");
        const QString token = vox::server::signedtoken::issue(
            key,
            QJsonObject{{u"o"_s, s.clinic.orgId}, {u"c"_s, s.callId}, {u"s"_s, insertShare(s)}},
            QDateTime::currentDateTimeUtc().addSecs(3600));
        const HttpReply opened = IntegrationFixture::getWithoutRedirect(
            f.server->url() + u"/api/recordings/shared/"_s + token);
        QCOMPARE(opened.status, status);
        QVERIFY(!opened.headers.contains("set-cookie"));
        QVERIFY(!opened.headers.contains("x-a"));
        QVERIFY(!opened.headers.contains("location"));
    }

    void aResendFailureIsAnsweredGenericallyAndAuditedInFull()
    {
        Setup s = clinicWithCall(u"Resend Fails"_s, false);
        giveResendKey(s.clinic);
        f.fail(u"resend"_s, 500, 10, u"/resend/emails"_s,
               {{u"statusCode"_s, 500},
                {u"message"_s, u"Resend internal hiccup 7731"_s},
                {u"name"_s, u"internal_server_error"_s}});
        const HttpReply reply =
            s.clinic.client->post(u"/api/calls-dashboard/%1/share"_s.arg(s.callId),
                                  {{u"email"_s, u"lead@glow.example"_s}});
        QCOMPARE(reply.status, 502);
        QVERIFY(!reply.error().contains(u"7731"_s));
        const QJsonObject row = lastMessage(s.clinic.orgId);
        QCOMPARE(row.value(u"status"_s).toString(), u"failed"_s);
        QVERIFY(row.value(u"error"_s).toString().contains(u"7731"_s));
        QCOMPARE(lastAudit(s.clinic.orgId, u"recording.shared"_s)
                     .value(u"details"_s)
                     .toObject()
                     .value(u"status"_s)
                     .toString(),
                 u"failed"_s);
        QVERIFY(logText().contains(u"Resend internal hiccup 7731"_s));
    }

    void shareNeedsAnEmailKeyAValidAddressAndARecording()
    {
        Setup s = clinicWithCall(u"Share Rules"_s, false);
        const QString path = u"/api/calls-dashboard/%1/share"_s.arg(s.callId);
        const HttpReply noKey = s.clinic.client->post(path, {{u"email"_s, u"a@b.example"_s}});
        QCOMPARE(noKey.status, 400);
        QCOMPARE(noKey.error(), u"E-mail is not configured"_s);
        QVERIFY(f.recorded(u"resend"_s).isEmpty());
        giveResendKey(s.clinic);
        const HttpReply bad = s.clinic.client->post(path, {{u"email"_s, u"not an address"_s}});
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.json().value(u"field"_s).toString(), u"email"_s);
        QVERIFY(f.sql("UPDATE call_logs SET recording_url = NULL WHERE id = $1::uuid", {s.callId}));
        QCOMPARE(s.clinic.client->post(path, {{u"email"_s, u"a@b.example"_s}}).status, 400);
        QVERIFY(f.recorded(u"resend"_s).isEmpty());
    }

    // ----- transcript export -----

    void exportIsARedactedTextFileWithSpeakersAndTimes()
    {
        Setup s = clinicWithCall(u"Export"_s, false);
        const HttpReply reply =
            s.clinic.client->post(u"/api/calls-dashboard/%1/transcript/export"_s.arg(s.callId),
                                  {{u"format"_s, u"txt"_s}});
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.headers.value("content-type").startsWith("text/plain"));
        QCOMPARE(reply.headers.value("content-disposition"),
                 QByteArray("attachment; filename=\"transcript-jane-doe-2026-03-14.txt\""));
        const QString text = QString::fromUtf8(reply.body);
        QVERIFY2(text.contains(u"[00:00] Receptionist (AI): Thanks for calling Glow, how can I "
                               "help?"_s),
                 qPrintable(text));
        QVERIFY2(text.contains(
                     u"[01:05] Caller: My card is [REDACTED CARD] and my SSN is [REDACTED SSN]."_s),
                 qPrintable(text));
        QVERIFY(!text.contains(u"4111"_s));
        QVERIFY(!text.contains(u"You are kind"_s)); // system and tool turns are not transcript
        QVERIFY(text.contains(u"Caller: Jane Doe ("_s));
        QVERIFY(text.contains(u"Duration: 03:05"_s));

        const QJsonObject audit = lastAudit(s.clinic.orgId, u"transcript.exported"_s);
        QCOMPARE(audit.value(u"entity_id"_s).toString(), s.callId);
        QCOMPARE(audit.value(u"details"_s).toObject().value(u"file_name"_s).toString(),
                 u"transcript-jane-doe-2026-03-14.txt"_s);
        QCOMPARE(audit.value(u"details"_s).toObject().value(u"bytes"_s).toInt(),
                 int(reply.body.size()));
    }

    void exportRefusesOtherFormatsAndCallsWithoutTranscript()
    {
        Setup s = clinicWithCall(u"Export Rules"_s, false);
        const QString path = u"/api/calls-dashboard/%1/transcript/export"_s.arg(s.callId);
        QCOMPARE(s.clinic.client->post(path, {{u"format"_s, u"pdf"_s}}).status, 400);
        QVERIFY(f.sql("UPDATE call_logs SET transcript = NULL, messages = NULL WHERE id = $1::uuid",
                      {s.callId}));
        QCOMPARE(s.clinic.client->post(path, {{u"format"_s, u"txt"_s}}).status, 400);
    }

    // ----- appointment reminder -----

    void smsReminderIsSentAuditedAndMarksTheAppointment()
    {
        Setup s = clinicWithCall(u"Reminder"_s);
        const QString appointment = insertAppointment(s.clinic.orgId, s.contactId);
        const HttpReply reply = s.clinic.client->post(
            u"/api/appointments/%1/send-reminder"_s.arg(appointment), {{u"method"_s, u"sms"_s}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"recipient"_s).toString(), s.phone);
        QCOMPARE(reply.json().value(u"method"_s).toString(), u"sms"_s);
        const QJsonObject sms = f.sandbox->twilio().messages(s.twilio.sid).last().toObject();
        QVERIFY(sms.value(u"body"_s).toString().contains(u"Botox"_s));
        QVERIFY(sms.value(u"body"_s).toString().contains(u"reminder"_s));
        const QJsonObject row = messageRow(reply.json().value(u"messageId"_s).toString());
        QCOMPARE(row.value(u"appointment_id"_s).toString(), appointment);
        QCOMPARE(row.value(u"purpose"_s).toString(), u"appointment_reminder"_s);
        QCOMPARE(row.value(u"external_message_id"_s).toString(), sms.value(u"sid"_s).toString());
        QCOMPARE(row.value(u"content"_s).toString(), sms.value(u"body"_s).toString());
        QCOMPARE(count("SELECT count(*) FROM appointments WHERE id = $1::uuid AND "
                       "confirmation_sent",
                       {appointment}),
                 1);
    }

    void emailReminderGoesToThePatientsAddress()
    {
        Setup s = clinicWithCall(u"Email Reminder"_s, false);
        giveResendKey(s.clinic);
        const QString appointment = insertAppointment(s.clinic.orgId, s.contactId);
        const HttpReply reply = s.clinic.client->post(
            u"/api/appointments/%1/send-reminder"_s.arg(appointment), {{u"method"_s, u"email"_s}});
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"recipient"_s).toString(), u"jane.doe@patients.example"_s);
        const QJsonObject email = f.sandbox->resend().emails().last().toObject();
        QCOMPARE(email.value(u"to"_s).toString(), u"jane.doe@patients.example"_s);
        QCOMPARE(messageRow(reply.json().value(u"messageId"_s).toString())
                     .value(u"external_message_id"_s)
                     .toString(),
                 email.value(u"id"_s).toString());
    }

    void aFailedReminderLeavesTheAppointmentUnmarked()
    {
        Setup s = clinicWithCall(u"Reminder Fails"_s);
        const QString appointment = insertAppointment(s.clinic.orgId, s.contactId);
        f.fail(u"twilio"_s, 429, 10,
               u"/twilio/2010-04-01/Accounts/%1/Messages.json"_s.arg(s.twilio.sid));
        const HttpReply reply = s.clinic.client->post(
            u"/api/appointments/%1/send-reminder"_s.arg(appointment), {{u"method"_s, u"sms"_s}});
        QCOMPARE(reply.status, 502);
        QCOMPARE(lastMessage(s.clinic.orgId).value(u"status"_s).toString(), u"failed"_s);
        QCOMPARE(count("SELECT count(*) FROM appointments WHERE id = $1::uuid AND "
                       "confirmation_sent",
                       {appointment}),
                 0);
    }

    void reminderRules()
    {
        Setup s = clinicWithCall(u"Reminder Rules"_s, false);
        const QString appointment = insertAppointment(s.clinic.orgId, s.contactId);
        const QString path = u"/api/appointments/%1/send-reminder"_s.arg(appointment);
        const HttpReply noTwilio = s.clinic.client->post(path, {{u"method"_s, u"sms"_s}});
        QCOMPARE(noTwilio.status, 400);
        QCOMPARE(noTwilio.error(), u"Twilio not configured"_s);
        QCOMPARE(s.clinic.client->post(path, {{u"method"_s, u"fax"_s}}).status, 400);
        QCOMPARE(s.clinic.client->post(path, {{u"method"_s, u"email"_s}}).error(),
                 u"E-mail is not configured"_s);
        const QString cancelled = insertAppointment(s.clinic.orgId, s.contactId, u"cancelled"_s);
        QCOMPARE(s.clinic.client
                     ->post(u"/api/appointments/%1/send-reminder"_s.arg(cancelled),
                            {{u"method"_s, u"sms"_s}})
                     .status,
                 409);
        QVERIFY(f.recorded(u"twilio"_s).isEmpty());
    }

    // ----- another clinic's ids -----

    void anotherClinicsCallOrAppointmentIsNotFound()
    {
        Setup a = clinicWithCall(u"Owner Clinic"_s);
        Setup b = clinicWithCall(u"Other Clinic"_s);
        giveResendKey(b.clinic);
        const QString appointment = insertAppointment(a.clinic.orgId, a.contactId);
        auto &other = *b.clinic.client;
        QCOMPARE(other
                     .post(u"/api/calls-dashboard/%1/followup"_s.arg(a.callId),
                           {{u"message"_s, u"Hi"_s}})
                     .status,
                 404);
        QCOMPARE(other
                     .post(u"/api/calls-dashboard/%1/share"_s.arg(a.callId),
                           {{u"email"_s, u"x@y.example"_s}})
                     .status,
                 404);
        QCOMPARE(other
                     .post(u"/api/calls-dashboard/%1/transcript/export"_s.arg(a.callId),
                           {{u"format"_s, u"txt"_s}})
                     .status,
                 404);
        QCOMPARE(other
                     .post(u"/api/appointments/%1/send-reminder"_s.arg(appointment),
                           {{u"method"_s, u"sms"_s}})
                     .status,
                 404);
        QCOMPARE(
            other.post(u"/api/calls-dashboard/not-a-uuid/followup"_s, {{u"message"_s, u"Hi"_s}})
                .status,
            404);
        QVERIFY(f.recorded(u"twilio"_s, u"Messages"_s).isEmpty());
        QVERIFY(f.recorded(u"resend"_s).isEmpty());
        QCOMPARE(count("SELECT count(*) FROM messages WHERE org_id IN ($1::uuid, $2::uuid)",
                       {a.clinic.orgId, b.clinic.orgId}),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestCallActions)
#include "tst_callactions.moc"
