// Tenancy across the console's REST API (S-tenancy): with two clinics, every endpoint and method
// given clinic B's token and clinic A's ids answers 404 (or 403 where B's role forbids the
// action first), changes nothing of A's, and no list, count or aggregate ever includes A's rows.
#include "clinicfixture.h"
#include "core/crypto/aesgcm.h"
#include "core/twiliosignature.h"
#include "server/http/outboundcall.h"
#include "server/services/credentialstore.h"

#include <QTest>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;
using vox::test::HttpClient;
using vox::test::HttpReply;

class TestCrossOrg : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::TestDatabase> m_db;
    std::unique_ptr<vox::test::TestServer> m_server;
    std::unique_ptr<vox::db::Connection> m_admin;
    vox::test::Clinic m_a;
    vox::test::Clinic m_b;
    QHash<QString, QString> m_aIds; // "contact", "call", "service", "message" -> A's ids
    QString m_aSnapshot;

    // Everything of clinic A that a request could change, as one comparable text.
    QString snapshotOfA()
    {
        auto row = m_admin->exec(
            "SELECT (SELECT json_agg(c ORDER BY c.id) FROM contacts c WHERE c.org_id = $1::uuid)"
            "::text || (SELECT json_agg(s ORDER BY s.id) FROM services s WHERE s.org_id = "
            "$1::uuid)::text || (SELECT row_to_json(o)::text FROM org_settings o WHERE o.org_id "
            "= $1::uuid) || (SELECT json_agg(h ORDER BY h.weekday, h.opens_at) FROM "
            "business_hours h WHERE h.org_id = $1::uuid)::text || (SELECT name FROM "
            "organizations WHERE id = $1::uuid) || (SELECT count(*) FROM events WHERE org_id = "
            "$1::uuid)::text || (SELECT json_agg(json_build_object('id', p.id, 'disabled', "
            "p.disabled) ORDER BY p.id) FROM profiles p WHERE p.org_id = $1::uuid)::text || "
            "(SELECT count(*) FROM refresh_tokens WHERE org_id = $1::uuid AND revoked_at IS "
            "NULL)::text || coalesce((SELECT json_agg(t ORDER BY t.id) FROM today_queue t "
            "WHERE t.org_id = $1::uuid)::text, '[]') || coalesce((SELECT json_agg(m ORDER BY "
            "m.id) FROM messages m WHERE m.org_id = $1::uuid)::text, '') || coalesce((SELECT "
            "json_agg(a ORDER BY a.id) FROM appointments a WHERE a.org_id = $1::uuid)::text, '') "
            "|| coalesce((SELECT json_agg(x ORDER BY x.phone) FROM sms_opt_outs x WHERE "
            "x.org_id = $1::uuid)::text, '') || coalesce((SELECT json_agg(d ORDER BY d.id) FROM "
            "transfer_destinations d WHERE d.org_id = $1::uuid)::text, '') || coalesce((SELECT "
            "row_to_json(r)::text FROM reminder_plans r WHERE r.org_id = $1::uuid), '')",
            {m_a.orgId});
        return row ? row->text(0, 0) : QString();
    }

    // Each clinic's Twilio number and auth token, as connecting Twilio stores them.
    struct Twilio
    {
        QString number;
        QString token;
    };
    Twilio m_aTwilio{u"+15550007001"_s, u"token-of-clinic-a-0000000000000000"_s};
    Twilio m_bTwilio{u"+15550007002"_s, u"token-of-clinic-b-0000000000000000"_s};

    bool connectTwilio(const QString &orgId, const Twilio &twilio)
    {
        const auto keys = vox::crypto::KeyRing::fromBase64(vox::test::TestServer::encryptionKey);
        if (!keys)
            return false;
        const vox::server::CredentialStore store(*keys);
        const QJsonObject secret{{u"account_sid"_s, QString(u"AC"_s + QString(32, u'0'))},
                                 {u"auth_token"_s, twilio.token}};
        const QJsonObject shown{{u"phone_number"_s, twilio.number}};
        auto saved = m_server->server().database().transaction<bool>(
            vox::db::Access::service(), [&](vox::db::Transaction &tx) -> vox::Result<bool> {
                auto s = store.save(tx, orgId, vox::server::CredentialStore::twilio, secret, shown,
                                    u"active"_s, QString());
                if (!s)
                    return s.error();
                return true;
            });
        return saved.ok();
    }

    // A patient's text as Twilio posts it to the public URL, signed with `token`.
    HttpReply textTo(const QString &to, const QString &from, const QString &body,
                     const QString &token)
    {
        const vox::twilio::FormParameters params{
            {u"MessageSid"_s, u"SM"_s + QUuid::createUuid().toString(QUuid::Id128)},
            {u"From"_s, from},
            {u"To"_s, to},
            {u"Body"_s, body}};
        const QString url = u"http://127.0.0.1:1/api/webhooks/twilio/sms"_s; // BACKEND_URL
        HttpClient twilio(m_server->url());
        return twilio.send(
            "POST", u"/api/webhooks/twilio/sms"_s, vox::http::formEncode(params),
            {{"X-Twilio-Signature", vox::twilio::twilioSignature(token, url, params)}},
            "application/x-www-form-urlencoded");
    }

    QString fill(QString path) const
    {
        for (auto it = m_aIds.cbegin(); it != m_aIds.cend(); ++it)
            path.replace(u'{' + it.key() + u'}', it.value());
        return path;
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<vox::test::TestDatabase>(u"crossorg"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_server = std::make_unique<vox::test::TestServer>(*m_db);
        QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
        m_admin = m_db->connectAsAdmin();
        m_a = vox::test::createClinic(m_server->url(), u"Clinic A"_s);
        m_b = vox::test::createClinic(m_server->url(), u"Clinic B"_s);
        QVERIFY(!m_a.orgId.isEmpty() && !m_b.orgId.isEmpty());

        HttpClient a(m_server->url());
        a.setToken(m_a.ownerToken);
        const HttpReply contact = a.post(
            u"/api/contacts"_s, {{u"phone"_s, u"+15550001111"_s}, {u"name"_s, u"Alice of A"_s}});
        QCOMPARE(contact.status, 201);
        m_aIds.insert(u"contact"_s, contact.json().value(u"id"_s).toString());
        const HttpReply service =
            a.post(u"/api/services"_s, {{u"name"_s, u"A-only Peel"_s}, {u"price"_s, 99}});
        QCOMPARE(service.status, 201);
        m_aIds.insert(u"service"_s, service.json().value(u"id"_s).toString());
        m_aIds.insert(u"call"_s, vox::test::insertRow(*m_admin, u"call_logs"_s, m_a.orgId,
                                                      {{u"contact_id"_s, m_aIds[u"contact"_s]},
                                                       {u"phone_number"_s, u"+15550001111"_s},
                                                       {u"caller_name"_s, u"Alice of A"_s},
                                                       {u"transcript"_s, u"secret of clinic A"_s},
                                                       {u"booking_confirmed"_s, true},
                                                       {u"financial_value_cents"_s, 123400}}));
        m_aIds.insert(u"message"_s, vox::test::insertRow(*m_admin, u"messages"_s, m_a.orgId,
                                                         {{u"contact_id"_s, m_aIds[u"contact"_s]},
                                                          {u"method"_s, u"sms"_s},
                                                          {u"recipient"_s, u"+15550001111"_s},
                                                          {u"content"_s, u"A's message"_s}}));
        m_aIds.insert(u"inbound"_s, vox::test::insertRow(*m_admin, u"messages"_s, m_a.orgId,
                                                         {{u"contact_id"_s, m_aIds[u"contact"_s]},
                                                          {u"direction"_s, u"inbound"_s},
                                                          {u"status"_s, u"received"_s},
                                                          {u"method"_s, u"sms"_s},
                                                          {u"recipient"_s, m_aTwilio.number},
                                                          {u"sender"_s, u"+15550001111"_s},
                                                          {u"content"_s, u"Alice's reply"_s}}));
        m_aIds.insert(u"appointment"_s,
                      vox::test::insertRow(*m_admin, u"appointments"_s, m_a.orgId,
                                           {{u"contact_id"_s, m_aIds[u"contact"_s]},
                                            {u"service_name"_s, u"A-only Peel"_s},
                                            {u"starts_at"_s, u"9999-01-01T10:00:00Z"_s},
                                            {u"ends_at"_s, u"9999-01-01T11:00:00Z"_s}}));
        QVERIFY(connectTwilio(m_a.orgId, m_aTwilio));
        QVERIFY(connectTwilio(m_b.orgId, m_bTwilio));
        m_aIds.insert(u"verification"_s,
                      vox::test::insertRow(
                          *m_admin, u"verified_caller_ids"_s, m_a.orgId,
                          {{u"phone_number"_s, u"+15550003333"_s}, {u"status"_s, u"pending"_s}}));
        const auto aUser = m_admin->exec(
            "SELECT id FROM profiles WHERE org_id = $1::uuid AND role = 'staff' LIMIT 1",
            {m_a.orgId});
        QVERIFY(aUser.ok() && !aUser->isEmpty());
        m_aIds.insert(u"user"_s, aUser->text(0, 0));
        const QString hot = vox::test::insertRow(
            *m_admin, u"contacts"_s, m_a.orgId,
            {{u"phone"_s, u"+15550002222"_s}, {u"lead_temperature"_s, u"hot"_s}});
        // An urgent call just now, so A's Today list is not empty.
        m_aIds.insert(u"urgent call"_s,
                      vox::test::insertRow(*m_admin, u"call_logs"_s, m_a.orgId,
                                           {{u"contact_id"_s, hot},
                                            {u"phone_number"_s, u"+15550002222"_s},
                                            {u"status"_s, u"ended"_s},
                                            {u"sentiment_urgency"_s, u"high"_s}}));
        m_aIds.insert(u"destination"_s,
                      vox::test::insertRow(
                          *m_admin, u"transfer_destinations"_s, m_a.orgId,
                          {{u"name"_s, u"Alice's desk"_s}, {u"number"_s, u"+15550001111"_s}}));
        m_aIds.insert(u"share"_s,
                      vox::test::insertRow(*m_admin, u"recording_shares"_s, m_a.orgId,
                                           {{u"call_id"_s, m_aIds[u"call"_s]},
                                            {u"email"_s, u"a-share@clinic.test"_s},
                                            {u"expires_at"_s, u"9999-01-01T00:00:00Z"_s}}));
        // A call on a fixed day, for the reports over that week.
        QVERIFY(!vox::test::insertRow(*m_admin, u"call_logs"_s, m_a.orgId,
                                      {{u"contact_id"_s, m_aIds[u"contact"_s]},
                                       {u"occurred_at"_s, u"2026-03-03T15:00:00Z"_s},
                                       {u"status"_s, u"ended"_s},
                                       {u"duration_seconds"_s, 95},
                                       {u"sentiment_score"_s, u"0.5"_s},
                                       {u"booking_confirmed"_s, true},
                                       {u"financial_value_cents"_s, 9900},
                                       {u"matched_services"_s, u"{\"A-only Peel\"}"_s}})
                     .isEmpty());
        // A text and a failed tool call on a fixed day, for the messages and quality reports.
        QVERIFY(!vox::test::insertRow(*m_admin, u"messages"_s, m_a.orgId,
                                      {{u"method"_s, u"sms"_s},
                                       {u"recipient"_s, u"+15550001111"_s},
                                       {u"content"_s, u"A-only text"_s},
                                       {u"status"_s, u"delivered"_s},
                                       {u"created_at"_s, u"2026-03-04T15:00:00Z"_s}})
                     .isEmpty());
        QVERIFY(!vox::test::insertRow(*m_admin, u"tool_errors"_s, m_a.orgId,
                                      {{u"tool"_s, u"bookClinicAppointment"_s},
                                       {u"kind"_s, u"unknown_service"_s},
                                       {u"occurred_at"_s, u"2026-03-04T15:00:00Z"_s}})
                     .isEmpty());
        // A's own reminder words, which no other clinic may read or change.
        QCOMPARE(a.put(u"/api/settings/reminders"_s,
                       {{u"enabled"_s, true}, {u"sms_template"_s, u"A-only reminder at {time}"_s}})
                     .status,
                 200);
        // A's own redaction categories, which no other clinic may read or change.
        QCOMPARE(a.put(u"/api/settings/redaction"_s,
                       {{u"categories"_s, QJsonArray{u"ssn"_s, u"card"_s}}})
                     .status,
                 200);
        m_aSnapshot = snapshotOfA();
        QVERIFY(!m_aSnapshot.isEmpty());
    }

    void anotherClinicsIdsAreNotFound_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("role");
        QTest::addColumn<int>("status");
        const QByteArray patchContact = R"({"name":"Mallory","lead_status":"lost"})";
        const QByteArray patchService = R"({"price":0,"name":"Free"})";
        for (const QString &role : {u"owner"_s, u"admin"_s, u"staff"_s}) {
            const bool admin = role != u"staff";
            const auto row = [&](const char *label) -> QTestData & {
                return QTest::newRow(qPrintable(u"%1 by %2"_s.arg(QLatin1String(label), role)));
            };
            row("GET contact") << QByteArray("GET") << u"/api/contacts/{contact}"_s << QByteArray()
                               << role << 404;
            row("PATCH contact") << QByteArray("PATCH") << u"/api/contacts/{contact}"_s
                                 << patchContact << role << 404;
            row("GET call") << QByteArray("GET") << u"/api/calls-dashboard/{call}"_s << QByteArray()
                            << role << 404;
            row("GET service") << QByteArray("GET") << u"/api/services/{service}"_s << QByteArray()
                               << role << 404;
            row("PATCH service") << QByteArray("PATCH") << u"/api/services/{service}"_s
                                 << patchService << role << (admin ? 404 : 403);
            row("DELETE service") << QByteArray("DELETE") << u"/api/services/{service}"_s
                                  << QByteArray() << role << (admin ? 404 : 403);
            row("POST sandbox answer to a verification call")
                << QByteArray("POST") << u"/api/telephony/verify-caller-id/sandbox-answer"_s
                << QByteArray(R"({"verificationId":"{verification}","verificationCode":"123456"})")
                << role << (admin ? 404 : 403);
            row("PATCH user (disable)")
                << QByteArray("PATCH") << u"/api/org/users/{user}"_s
                << QByteArray(R"({"disabled":true})") << role << (admin ? 404 : 403);
            row("POST mark a patient's text read")
                << QByteArray("POST") << u"/api/messages/{inbound}/read"_s << QByteArray() << role
                << 404;
            // Twilio's webhook takes no session: B's token opens nothing of A's through it.
            row("POST Twilio SMS webhook with a session instead of a signature")
                << QByteArray("POST") << u"/api/webhooks/twilio/sms"_s
                << QByteArray("To=%2B15550007001&From=%2B15550001111&Body=CANCEL&MessageSid=SMx")
                << role << 403;
            row("POST reply in a patient's conversation")
                << QByteArray("POST") << u"/api/messages/conversations/{contact}/reply"_s
                << QByteArray(R"({"message":"Mallory says hi"})") << role << 404;
            row("POST mark a patient's conversation done")
                << QByteArray("POST") << u"/api/messages/conversations/{contact}/read"_s
                << QByteArray() << role << 404;
            row("POST Twilio status callback with a session instead of a signature")
                << QByteArray("POST") << u"/api/webhooks/twilio/status?message={inbound}"_s
                << QByteArray("MessageSid=SMx&MessageStatus=failed&ErrorCode=30003") << role << 403;
            row("POST user password reset")
                << QByteArray("POST") << u"/api/org/users/{user}/password-reset"_s << QByteArray()
                << role << (admin ? 404 : 403);
            row("PATCH today entry of a contact")
                << QByteArray("PATCH") << u"/api/today/{contact}"_s
                << QByteArray(R"({"state":"done","note":"Mallory was here"})") << role << 404;
            row("PATCH today entry of a call")
                << QByteArray("PATCH") << u"/api/today/{urgent call}"_s
                << QByteArray(R"({"owner_id":"{user}"})") << role << 404;
            row("GET call recording")
                << QByteArray("GET") << u"/api/calls-dashboard/{call}/recording"_s << QByteArray()
                << role << 404;
            row("GET call's shares") << QByteArray("GET") << u"/api/calls-dashboard/{call}/shares"_s
                                     << QByteArray() << role << (admin ? 404 : 403);
            row("DELETE (revoke) recording share")
                << QByteArray("DELETE") << u"/api/recording-shares/{share}"_s << QByteArray()
                << role << (admin ? 404 : 403);
            row("GET access log of A's patient")
                << QByteArray("GET") << u"/api/access-log?contact_id={contact}"_s << QByteArray()
                << role << (admin ? 200 : 403);
            row("GET access log CSV of A's patient")
                << QByteArray("GET") << u"/api/access-log.csv?contact_id={contact}"_s
                << QByteArray() << role << (admin ? 200 : 403);
            row("GET call review") << QByteArray("GET") << u"/api/calls-dashboard/{call}/review"_s
                                   << QByteArray() << role << 404;
            row("PUT call review")
                << QByteArray("PUT") << u"/api/calls-dashboard/{call}/review"_s
                << QByteArray(R"({"score":1,"tags":["great"],"note":"x"})") << role << 404;
            row("PUT legal hold on a contact")
                << QByteArray("PUT") << u"/api/contacts/{contact}/legal-hold"_s
                << QByteArray(R"({"legal_hold":true})") << role << (admin ? 404 : 403);
            row("GET a patient's data export")
                << QByteArray("GET") << u"/api/contacts/{contact}/data-export"_s << QByteArray()
                << role << (admin ? 404 : 403);
            row("POST erase a patient") << QByteArray("POST") << u"/api/contacts/{contact}/erase"_s
                                        << QByteArray() << role << (admin ? 404 : 403);
            // The platform's metrics are nobody's clinic data: not served unless configured,
            // and a clinic's session never opens them (tst_metrics covers the configured cases).
            row("GET metrics") << QByteArray("GET") << u"/metrics"_s << QByteArray() << role << 404;
            row("POST say to a live call")
                << QByteArray("POST") << u"/api/calls/{call}/control"_s
                << QByteArray(R"({"type":"say","content":"Hello from B"})") << role << 404;
            row("POST transfer a live call")
                << QByteArray("POST") << u"/api/calls/{call}/control"_s
                << QByteArray(R"({"type":"transfer","destination_id":"{destination}"})") << role
                << 404;
            row("GET listen to a live call") << QByteArray("GET") << u"/api/calls/{call}/listen"_s
                                             << QByteArray() << role << 404;
            row("PATCH transfer destination")
                << QByteArray("PATCH") << u"/api/transfer-destinations/{destination}"_s
                << QByteArray(R"({"number":"+15550009999"})") << role << (admin ? 404 : 403);
            row("DELETE transfer destination")
                << QByteArray("DELETE") << u"/api/transfer-destinations/{destination}"_s
                << QByteArray() << role << (admin ? 404 : 403);
            row("PUT transfer destinations' order")
                << QByteArray("PUT") << u"/api/transfer-destinations/order"_s
                << QByteArray(R"({"ids":["{destination}"]})") << role << (admin ? 404 : 403);
        }
    }
    void anotherClinicsIdsAreNotFound()
    {
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QString, role);
        QFETCH(int, status);
        HttpClient b(m_server->url());
        b.setToken(m_b.token(role));
        const QByteArray filled = body.isEmpty() ? body : fill(QString::fromUtf8(body)).toUtf8();
        const HttpReply reply = b.send(method, fill(path), filled);
        QCOMPARE(reply.status, status);
        // Never the row, not even in an error.
        QVERIFY(!reply.body.contains("Alice"));
        QVERIFY(!reply.body.contains(m_aIds[u"contact"_s].toLatin1()));
        QCOMPARE(snapshotOfA(), m_aSnapshot);
        const auto reviews =
            m_admin->exec("SELECT count(*) FROM call_reviews WHERE org_id = $1::uuid", {m_a.orgId});
        QVERIFY(reviews.ok());
        QCOMPARE(reviews->text(0, 0), u"0"_s);
    }

    void listsNeverShowAnotherClinicsRows_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("contacts") << u"/api/contacts?limit=200"_s;
        QTest::newRow("contacts searched by A's name") << u"/api/contacts?search=Alice"_s;
        QTest::newRow("contacts searched by A's number") << u"/api/contacts?search=0001111"_s;
        QTest::newRow("contact stats") << u"/api/contacts/stats"_s;
        QTest::newRow("calls") << u"/api/calls-dashboard?limit=200"_s;
        QTest::newRow("calls searched by A's transcript")
            << u"/api/calls-dashboard?search=secret"_s;
        QTest::newRow("services") << u"/api/services"_s;
        QTest::newRow("messages") << u"/api/messages?limit=200"_s;
        QTest::newRow("messages of A's contact") << u"/api/messages?contact_id={contact}"_s;
        QTest::newRow("patients' unread texts") << u"/api/messages?direction=inbound&unread=true"_s;
        QTest::newRow("dashboard") << u"/api/dashboard/summary?range=all"_s;
        QTest::newRow("recent activity") << u"/api/dashboard/recent-activity"_s;
        QTest::newRow("settings") << u"/api/org/settings"_s;
        QTest::newRow("today") << u"/api/today"_s;
        QTest::newRow("live calls") << u"/api/live-calls"_s;
        QTest::newRow("transfer destinations") << u"/api/transfer-destinations"_s;
        QTest::newRow("missed-call text-back setting") << u"/api/org/missed-call-textback"_s;
        QTest::newRow("inbox conversations") << u"/api/messages/conversations?limit=2"_s;
        QTest::newRow("reminder plan") << u"/api/settings/reminders"_s;
        QTest::newRow("redaction categories") << u"/api/settings/redaction"_s;
        for (const char *report : {"volume", "outcomes", "money", "quality", "messages"}) {
            QTest::newRow(qPrintable(u"report: "_s + QLatin1String(report)))
                << u"/api/reports/%1?from=2026-03-02&to=2026-03-08"_s.arg(QLatin1String(report));
        }
        QTest::newRow("calls not reviewed") << u"/api/calls-dashboard?reviewed=false"_s;
        QTest::newRow("calls export") << u"/api/exports/calls.csv"_s;
        QTest::newRow("calls export searched by A's transcript")
            << u"/api/exports/calls.csv?search=secret"_s;
        QTest::newRow("leads export") << u"/api/exports/contacts.csv"_s;
        QTest::newRow("leads export searched by A's name")
            << u"/api/exports/contacts.csv?search=Alice"_s;
        QTest::newRow("appointments export") << u"/api/exports/appointments.csv"_s;
        QTest::newRow("appointments export of A's contact")
            << u"/api/exports/appointments.csv?contact_id={contact}"_s;
        QTest::newRow("messages export") << u"/api/exports/messages.csv"_s;
        QTest::newRow("messages export of A's contact")
            << u"/api/exports/messages.csv?contact_id={contact}"_s;
    }
    void listsNeverShowAnotherClinicsRows()
    {
        QFETCH(QString, path);
        HttpClient a(m_server->url());
        a.setToken(m_a.staffToken);
        HttpClient b(m_server->url());
        b.setToken(m_b.staffToken);
        const HttpReply mine = a.get(fill(path));
        const HttpReply theirs = b.get(fill(path));
        QCOMPARE(mine.status, 200);
        QCOMPARE(theirs.status, 200);
        for (const QString &id : std::as_const(m_aIds))
            QVERIFY2(!theirs.body.contains(id.toLatin1()), theirs.body.constData());
        QVERIFY(!theirs.body.contains("Alice"));
        QVERIFY(!theirs.body.contains("A-only"));
        QVERIFY(!theirs.body.contains("Clinic A"));
        // The same request shows A its own data, so the check above can fail.
        QVERIFY(mine.body != theirs.body);
    }

    void aggregatesCountOnlyTheCallersClinic()
    {
        HttpClient b(m_server->url());
        b.setToken(m_b.staffToken);
        const QJsonObject stats = b.get(u"/api/contacts/stats"_s).json();
        QCOMPARE(stats.value(u"total_leads"_s).toInt(), 0);
        QCOMPARE(stats.value(u"hot_leads"_s).toInt(), 0);
        const QJsonObject summary = b.get(u"/api/dashboard/summary?range=all"_s).json();
        QCOMPARE(summary.value(u"total_calls"_s).toInt(), 0);
        QCOMPARE(summary.value(u"pipeline_value_cents"_s).toInteger(), 0);
        QCOMPARE(summary.value(u"hot_leads"_s).toInt(), 0);
        const QJsonObject money =
            b.get(u"/api/reports/money?from=2026-03-02&to=2026-03-08"_s).json();
        QCOMPARE(money.value(u"current"_s).toObject().value(u"calls"_s).toInt(-1), 0);
        QCOMPARE(money.value(u"current"_s).toObject().value(u"pipeline_cents"_s).toInt(-1), 0);
        const QJsonObject quality =
            b.get(u"/api/reports/quality?from=2026-03-02&to=2026-03-08"_s).json();
        QCOMPARE(quality.value(u"current"_s).toObject().value(u"tool_errors"_s).toInt(-1), 0);
        const QJsonObject messages =
            b.get(u"/api/reports/messages?from=2026-03-02&to=2026-03-08"_s).json();
        QCOMPARE(messages.value(u"current"_s).toObject().value(u"delivered"_s).toInt(-1), 0);
    }

    void writesStayInTheCallersClinic()
    {
        HttpClient b(m_server->url());
        b.setToken(m_b.ownerToken);
        // A's number and A's service name are free in B: uniqueness is per clinic.
        QCOMPARE(b.post(u"/api/contacts"_s, {{u"phone"_s, u"+15550001111"_s}}).status, 201);
        QCOMPARE(
            b.post(u"/api/services"_s, {{u"name"_s, u"A-only Peel"_s}, {u"price"_s, 1}}).status,
            201);
        QCOMPARE(b.patch(u"/api/org/settings"_s,
                         {{u"name"_s, u"Clinic B renamed"_s}, {u"business_hours"_s, QJsonArray{}}})
                     .status,
                 200);
        // B's review tags are B's: A's list (in org_settings) stays as it was.
        QCOMPARE(b.put(u"/api/org/review-tags"_s, {{u"tags"_s, QJsonArray{u"B only"_s}}}).status,
                 200);
        // B's missed-call text-back is B's: A's (in org_settings) stays as it was.
        QCOMPARE(
            b.put(u"/api/org/missed-call-textback"_s,
                  {{u"enabled"_s, true}, {u"template"_s, u"Mallory {clinic}"_s}, {u"hours"_s, 2}})
                .status,
            200);
        QCOMPARE(b.put(u"/api/settings/reminders"_s, {{u"sms_template"_s, u"B's words {date}"_s}})
                     .status,
                 200);
        // B's redaction categories are B's: A's (in org_settings) stay as they were.
        QCOMPARE(b.put(u"/api/settings/redaction"_s, {{u"categories"_s, QJsonArray{}}}).status,
                 200);
        const HttpReply preview =
            b.post(u"/api/settings/reminders/preview"_s, {{u"text"_s, u"{clinic}"_s}});
        QCOMPARE(preview.status, 200);
        QCOMPARE(preview.json().value(u"text"_s).toString(), u"Clinic B renamed"_s);
        QCOMPARE(snapshotOfA(), m_aSnapshot);
        const auto bRows =
            m_admin->exec("SELECT count(*) FROM contacts WHERE org_id = $1::uuid", {m_b.orgId});
        QCOMPARE(bRows->toInt(0, 0), 1);
    }

    // A text to one clinic's number is that clinic's alone: signed with another clinic's token it
    // is refused, and a patient both clinics know is changed only in the clinic texted.
    void aClinicsNumberNeverReachesAnotherClinicsData_data()
    {
        QTest::addColumn<QString>("to");
        QTest::addColumn<QString>("signer");
        QTest::addColumn<int>("status");
        QTest::newRow("A's number signed with B's token") << u"a"_s << u"b"_s << 403;
        QTest::newRow("B's number signed with A's token") << u"b"_s << u"a"_s << 403;
        QTest::newRow("B's number signed by B, from A's patient") << u"b"_s << u"b"_s << 200;
    }
    void aClinicsNumberNeverReachesAnotherClinicsData()
    {
        QFETCH(QString, to);
        QFETCH(QString, signer);
        QFETCH(int, status);
        for (const QString &body : {u"STOP"_s, u"CANCEL"_s, u"YES"_s, u"R"_s}) {
            const HttpReply reply =
                textTo((to == u"a" ? m_aTwilio : m_bTwilio).number, u"+15550001111"_s, body,
                       (signer == u"a" ? m_aTwilio : m_bTwilio).token);
            QCOMPARE(reply.status, status);
            QVERIFY(!reply.body.contains("Clinic A"));
            QCOMPARE(snapshotOfA(), m_aSnapshot);
        }
        const auto inB = m_admin->exec("SELECT count(*) FROM messages WHERE org_id = $1::uuid AND "
                                       "direction = 'inbound'",
                                       {m_b.orgId});
        QVERIFY(inB.ok());
        // What B was sent is B's (so the refusals above are not everything refused).
        QCOMPARE(inB->toInt(0, 0) > 0, status == 200);
    }

    // Who looked at A's patients is A's to know: B's admins never see A's access log rows, and
    // B could not revoke A's share above.
    void theAccessLogAndSharesStayInTheirClinic()
    {
        HttpClient a(m_server->url());
        a.setToken(m_a.staffToken);
        QCOMPARE(a.get(fill(u"/api/contacts/{contact}"_s)).status, 200); // one row in A's log
        HttpClient aAdmin(m_server->url());
        aAdmin.setToken(m_a.adminToken);
        HttpClient bAdmin(m_server->url());
        bAdmin.setToken(m_b.adminToken);
        const HttpReply mine = aAdmin.get(u"/api/access-log?limit=200"_s);
        const HttpReply theirs = bAdmin.get(u"/api/access-log?limit=200"_s);
        QCOMPARE(mine.status, 200);
        QCOMPARE(theirs.status, 200);
        QVERIFY(mine.body.contains(m_aIds[u"contact"_s].toLatin1()));
        for (const QString &id : std::as_const(m_aIds))
            QVERIFY2(!theirs.body.contains(id.toLatin1()), theirs.body.constData());
        const HttpReply csv = bAdmin.get(u"/api/access-log.csv"_s);
        QCOMPARE(csv.status, 200);
        QVERIFY(!csv.body.contains("Alice"));
        const auto share =
            m_admin->exec("SELECT revoked_at IS NULL FROM recording_shares WHERE id = $1::uuid",
                          {m_aIds[u"share"_s]});
        QVERIFY(share.ok() && !share->isEmpty());
        QVERIFY(share->toBool(0, 0));
    }

    void aCursorFromAnotherClinicOnlyMovesWithinTheCallersRows()
    {
        HttpClient a(m_server->url());
        a.setToken(m_a.staffToken);
        const HttpReply first = a.get(u"/api/contacts?limit=1"_s);
        const QString cursor = first.json().value(u"next_cursor"_s).toString();
        QVERIFY(!cursor.isEmpty());
        HttpClient b(m_server->url());
        b.setToken(m_b.staffToken);
        const HttpReply reply = b.get(u"/api/contacts?cursor="_s + cursor);
        QCOMPARE(reply.status, 200);
        for (const QString &id : std::as_const(m_aIds))
            QVERIFY(!reply.body.contains(id.toLatin1()));
    }
};

QTEST_GUILESS_MAIN(TestCrossOrg)
#include "tst_crossorg.moc"
