// Who looked at what: every access to a patient's protected content leaves exactly one row in the
// access log, with who (id and name at the time), what, how, from where and the result; the
// database refuses to change or delete rows whichever role the server runs as; only the clinic's
// admins read the log; and a shared recording is served by the server itself (ranges for
// seeking) only until the share expires or is revoked.
#include "integrationfixture.h"

#include "core/csv.h"
#include "sandbox/callsimulator.h"

#include <QNetworkReply>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;
using vox::test::Clinic;
using vox::test::HttpClient;
using vox::test::HttpReply;
using vox::test::IntegrationFixture;

namespace {

QStringList idsOf(const QJsonArray &items)
{
    QStringList ids;
    for (const QJsonValue &item : items)
        ids.append(item.toObject().value(u"id"_s).toString());
    return ids;
}

} // namespace

class TestAccessLog : public QObject
{
    Q_OBJECT

    IntegrationFixture f;
    // A server that may fetch the sandbox's recordings (VOXANNE_SANDBOX_URL).
    std::unique_ptr<vox::test::TestServer> m_server;
    Clinic m_clinic;
    std::unique_ptr<HttpClient> m_staff;
    QString m_staffId;
    QString m_contactId;
    QString m_callId;
    QString m_recordingUrl;
    QString m_shareLink; // path on the server

    int logCount(const QString &orgId)
    {
        auto row = f.sql("SELECT count(*) FROM phi_access_log WHERE org_id = $1::uuid", {orgId});
        return row ? int(row->toInt(0, 0)) : -1;
    }
    QJsonObject newestRow(const QString &orgId)
    {
        auto row = f.sql("SELECT row_to_json(l) FROM phi_access_log l WHERE org_id = $1::uuid "
                         "ORDER BY occurred_at DESC, id DESC LIMIT 1",
                         {orgId});
        return row && !row->isEmpty() ? row->toJson(0, 0).toObject() : QJsonObject{};
    }
    QString nameOf(const QString &userId)
    {
        auto row = f.sql("SELECT coalesce(nullif(full_name, ''), email) FROM profiles WHERE id = "
                         "$1::uuid",
                         {userId});
        return row && !row->isEmpty() ? row->text(0, 0) : QString();
    }
    HttpClient *as(const QString &who)
    {
        return who == u"staff" ? m_staff.get() : m_clinic.client.get();
    }

    // Shares the clinic's recording and answers the link's path on the server.
    QString share(const QString &email) { return f.shareRecording(m_clinic, m_callId, email); }
    QString shareIdOf(const QString &email)
    {
        auto row = f.sql("SELECT id FROM recording_shares WHERE email = $1 ORDER BY created_at "
                         "DESC LIMIT 1",
                         {email});
        return row && !row->isEmpty() ? row->text(0, 0) : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(f.start(u"accesslog"_s), qPrintable(f.error));
        m_server = std::make_unique<vox::test::TestServer>(*f.db, f.sandboxEnvironment());
        QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
        m_clinic = f.signUp(u"Audit Clinic"_s, m_server.get());
        QVERIFY(!m_clinic.orgId.isEmpty());
        auto staff = f.staffOf(m_clinic);
        m_staff = m_server->client();
        m_staff->setToken(staff->token());
        auto staffRow = f.sql("SELECT id FROM profiles WHERE org_id = $1::uuid AND role = 'staff'",
                              {m_clinic.orgId});
        QVERIFY(staffRow && !staffRow->isEmpty());
        m_staffId = staffRow->text(0, 0);

        vox::sandbox::vapimessages::Turn hello;
        hello.kind = vox::sandbox::vapimessages::Turn::Kind::Bot;
        hello.text = u"Thank you for calling Glow. How can I help you today?"_s;
        hello.secondsFromStart = 0.5;
        vox::sandbox::vapimessages::Turn ask = hello;
        ask.kind = vox::sandbox::vapimessages::Turn::Kind::User;
        ask.text = u"I would like to book a consultation for next week, please."_s;
        ask.secondsFromStart = 4;
        const QString base =
            vox::sandbox::CallSimulator::recordIn(f.sandbox->url(), u"audit-call"_s, {hello, ask});
        QVERIFY(!base.isEmpty());
        m_recordingUrl = base + u"-mono.wav"_s;
        m_contactId = f.insertContact(m_clinic.orgId, u"+15557770001"_s, u"Jane Doe"_s);
        m_callId = f.insertCall(m_clinic.orgId, u"+15557770001"_s, m_contactId, m_recordingUrl,
                                u"AI: Thank you for calling. User: A consultation."_s);
        QVERIFY(!m_callId.isEmpty());
        QCOMPARE(f.connectResend(m_clinic, u"re_audit_key_1"_s).status, 200);
        m_shareLink = share(u"colleague@glow.example"_s);
        QVERIFY(!m_shareLink.isEmpty());
    }

    // ----- one row per protected access -----

    void everyProtectedActionLeavesExactlyOneRow_data()
    {
        QTest::addColumn<QString>("who"); // staff, owner, or nobody (a shared link)
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("range");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("rows");
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("entityType");
        QTest::addColumn<QString>("entity"); // call, contact, share or none
        QTest::addColumn<bool>("aboutThePatient");

        QTest::newRow("opening a call's detail with its transcript")
            << u"staff"_s << QByteArray("GET") << u"/api/calls-dashboard/{call}"_s << QByteArray()
            << 200 << 1 << u"call.viewed"_s << u"call"_s << u"call"_s << true;
        QTest::newRow("playing the recording")
            << u"staff"_s << QByteArray("GET") << u"/api/calls-dashboard/{call}/recording"_s
            << QByteArray() << 200 << 1 << u"recording.played"_s << u"call"_s << u"call"_s << true;
        QTest::newRow("playing the recording from its start")
            << u"staff"_s << QByteArray("GET") << u"/api/calls-dashboard/{call}/recording"_s
            << QByteArray("bytes=0-") << 206 << 1 << u"recording.played"_s << u"call"_s << u"call"_s
            << true;
        QTest::newRow("seeking within the recording is the same listening")
            << u"staff"_s << QByteArray("GET") << u"/api/calls-dashboard/{call}/recording"_s
            << QByteArray("bytes=1000-1999") << 206 << 0 << QString() << QString() << QString()
            << false;
        QTest::newRow("exporting the transcript")
            << u"staff"_s << QByteArray("POST")
            << u"/api/calls-dashboard/{call}/transcript/export"_s << QByteArray() << 200 << 1
            << u"transcript.exported"_s << u"call"_s << u"call"_s << true;
        QTest::newRow("sharing the recording")
            << u"owner"_s << QByteArray("POST") << u"/api/calls-dashboard/{call}/share"_s
            << QByteArray() << 200 << 1 << u"recording.shared"_s << u"call"_s << u"call"_s << true;
        QTest::newRow("opening a shared link")
            << u"nobody"_s << QByteArray("GET") << u"{link}"_s << QByteArray() << 200 << 1
            << u"recording_share.opened"_s << u"recording_share"_s << u"share"_s << true;
        QTest::newRow("viewing a contact's history")
            << u"staff"_s << QByteArray("GET") << u"/api/contacts/{contact}"_s << QByteArray()
            << 200 << 1 << u"contact.viewed"_s << u"contact"_s << u"contact"_s << true;
        QTest::newRow("reading the inbox")
            << u"staff"_s << QByteArray("GET") << u"/api/messages?direction=inbound"_s
            << QByteArray() << 200 << 1 << u"inbox.read"_s << u"inbox"_s << u"none"_s << false;
        for (const QString &list : {u"calls"_s, u"contacts"_s, u"appointments"_s, u"messages"_s}) {
            QTest::newRow(qPrintable(u"exporting %1 to CSV"_s.arg(list)))
                << u"staff"_s << QByteArray("GET") << u"/api/exports/%1.csv"_s.arg(list)
                << QByteArray() << 200 << 1 << u"csv.exported"_s << list << u"none"_s << false;
        }
        QTest::newRow("exporting the access log itself")
            << u"owner"_s << QByteArray("GET") << u"/api/access-log.csv"_s << QByteArray() << 200
            << 1 << u"access_log.exported"_s << u"access_log"_s << u"none"_s << false;
        QTest::newRow("the list of sent messages is not the inbox")
            << u"staff"_s << QByteArray("GET") << u"/api/messages"_s << QByteArray() << 200 << 0
            << QString() << QString() << QString() << false;
        QTest::newRow("the call list shows no transcript")
            << u"staff"_s << QByteArray("GET") << u"/api/calls-dashboard"_s << QByteArray() << 200
            << 0 << QString() << QString() << QString() << false;
        QTest::newRow("a call that is not there is not an access")
            << u"staff"_s << QByteArray("GET")
            << u"/api/calls-dashboard/00000000-0000-4000-8000-000000000000"_s << QByteArray() << 404
            << 0 << QString() << QString() << QString() << false;
    }
    void everyProtectedActionLeavesExactlyOneRow()
    {
        QFETCH(QString, who);
        QFETCH(QByteArray, method);
        QFETCH(QString, path);
        QFETCH(QByteArray, range);
        QFETCH(int, status);
        QFETCH(int, rows);
        QFETCH(QString, action);
        QFETCH(QString, entityType);
        QFETCH(QString, entity);
        QFETCH(bool, aboutThePatient);
        path.replace(u"{call}"_s, m_callId)
            .replace(u"{contact}"_s, m_contactId)
            .replace(u"{link}"_s, m_shareLink);
        const int before = logCount(m_clinic.orgId);
        HttpReply reply;
        if (who == u"nobody" || !range.isEmpty()) {
            // Without a session (or with a Range header a player sends).
            QNetworkAccessManager network;
            QNetworkRequest request{QUrl(m_server->url() + path)};
            if (!range.isEmpty())
                request.setRawHeader("Range", range);
            if (who != u"nobody")
                request.setRawHeader("Authorization", "Bearer " + as(who)->token().toUtf8());
            QNetworkReply *r = network.get(request);
            QEventLoop loop;
            QObject::connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
            loop.exec();
            reply.status = r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            r->deleteLater();
        } else {
            const QByteArray body = path.endsWith(u"/share")
                                        ? QByteArray(R"({"email":"second@glow.example"})")
                                    : method == "POST" ? QByteArray("{}")
                                                       : QByteArray();
            reply = as(who)->send(method, path, body);
        }
        QCOMPARE(reply.status, status);
        // A streamed export writes its row once the last piece is sent: it may land just after.
        if (rows > 0)
            QTRY_COMPARE(logCount(m_clinic.orgId), before + rows);
        QCOMPARE(logCount(m_clinic.orgId), before + rows);
        if (rows == 0)
            return;
        const QJsonObject row = newestRow(m_clinic.orgId);
        QCOMPARE(row.value(u"action"_s).toString(), action);
        QCOMPARE(row.value(u"entity_type"_s).toString(), entityType);
        const QString expectedEntity = entity == u"call"      ? m_callId
                                       : entity == u"contact" ? m_contactId
                                       : entity == u"share" ? shareIdOf(u"colleague@glow.example"_s)
                                                            : QString();
        QCOMPARE(row.value(u"entity_id"_s).toString(), expectedEntity);
        QCOMPARE(row.value(u"contact_id"_s).toString(), aboutThePatient ? m_contactId : QString());
        const QString userId = who == u"staff"   ? m_staffId
                               : who == u"owner" ? m_clinic.userId
                                                 : QString();
        QCOMPARE(row.value(u"user_id"_s).toString(), userId);
        QCOMPARE(row.value(u"user_name"_s).toString(),
                 userId.isEmpty() ? u"someone with a shared link"_s : nameOf(userId));
        QCOMPARE(row.value(u"client_address"_s).toString(), u"127.0.0.1"_s);
        QCOMPARE(row.value(u"result"_s).toString(), u"allowed"_s);
        QCOMPARE(row.value(u"org_id"_s).toString(), m_clinic.orgId);
    }

    // ----- the database keeps the log append-only -----

    // A live update reloading the open call, or a click back to it, is the same look: one row.
    // Another person, another call, or a play of the recording is a row of its own.
    void aRepeatedViewingIsOneRow()
    {
        const QString other =
            f.insertCall(m_clinic.orgId, u"+15557770001"_s, m_contactId, m_recordingUrl,
                         u"AI: Hello again. User: About my appointment."_s);
        const QString third =
            f.insertCall(m_clinic.orgId, u"+15557770001"_s, m_contactId, m_recordingUrl,
                         u"AI: Hello. User: A question about prices."_s);
        QVERIFY(!other.isEmpty() && !third.isEmpty());
        const QString path = u"/api/calls-dashboard/%1"_s.arg(other);
        const int before = logCount(m_clinic.orgId);
        QCOMPARE(m_staff->get(path).status, 200);
        QCOMPARE(logCount(m_clinic.orgId), before + 1);
        QCOMPARE(m_staff->get(path).status, 200);
        QCOMPARE(m_staff->get(path).status, 200);
        QCOMPARE(logCount(m_clinic.orgId), before + 1);
        QCOMPARE(m_clinic.client->get(path).status, 200);
        QCOMPARE(logCount(m_clinic.orgId), before + 2);
        QCOMPARE(m_staff->get(u"/api/calls-dashboard/%1"_s.arg(third)).status, 200);
        QCOMPARE(logCount(m_clinic.orgId), before + 3);
        QCOMPARE(m_staff->get(path + u"/recording"_s).status, 200);
        QCOMPARE(m_staff->get(path + u"/recording"_s).status, 200);
        QCOMPARE(logCount(m_clinic.orgId), before + 5);
        // Staff still cannot read the log that decided it.
        QCOMPARE(m_staff->get(u"/api/access-log"_s).status, 403);
    }

    void theRuntimeRolesCannotChangeTheLog_data()
    {
        QTest::addColumn<QString>("role"); // empty: the login role itself, which owns the tables
        QTest::addColumn<QByteArray>("statement");
        for (const QString &role : {u"authenticated"_s, u"service_role"_s, QString()}) {
            const QString label = role.isEmpty() ? u"the login role"_s : role;
            QTest::newRow(qPrintable(label + u": UPDATE"_s))
                << role << QByteArray("UPDATE phi_access_log SET user_name = 'nobody'");
            QTest::newRow(qPrintable(label + u": DELETE"_s))
                << role << QByteArray("DELETE FROM phi_access_log");
            QTest::newRow(qPrintable(label + u": TRUNCATE"_s))
                << role << QByteArray("TRUNCATE phi_access_log");
        }
    }
    void theRuntimeRolesCannotChangeTheLog()
    {
        QFETCH(QString, role);
        QFETCH(QByteArray, statement);
        const int before = logCount(m_clinic.orgId);
        QVERIFY(before > 0);
        auto app = f.db->connect();
        QVERIFY(app);
        // As the server opens every transaction: the role and an admin's claims of this clinic.
        const vox::db::Access admin =
            vox::db::Access::user(m_clinic.orgId, m_clinic.userId, u"owner"_s);
        QVERIFY(app->execScript("BEGIN").ok());
        if (!role.isEmpty())
            QVERIFY(app->execScript("SELECT set_config('role', '" + role.toLatin1() +
                                    "', true), set_config('request.jwt.claims', " +
                                    app->literal(admin.claimsJson()) + ", true)")
                        .ok());
        auto changed = app->execUncached(statement);
        (void)app->execScript("ROLLBACK");
        QVERIFY2(!changed, "the database let the application change its access log");
        QCOMPARE(changed.error().sqlstate, u"42501"_s); // insufficient_privilege
        QCOMPARE(logCount(m_clinic.orgId), before);
    }

    // The runtime roles may still write their rows (so the refusals above are about changing).
    void theRuntimeRolesMayAppend_data()
    {
        QTest::addColumn<QString>("role");
        QTest::newRow("authenticated") << u"authenticated"_s;
        QTest::newRow("service_role") << u"service_role"_s;
    }
    void theRuntimeRolesMayAppend()
    {
        QFETCH(QString, role);
        auto app = f.db->connect();
        const vox::db::Access staff = vox::db::Access::user(m_clinic.orgId, m_staffId, u"staff"_s);
        QVERIFY(app->execScript("BEGIN; SELECT set_config('role', '" + role.toLatin1() +
                                "', true), set_config('request.jwt.claims', " +
                                app->literal(staff.claimsJson()) + ", true)")
                    .ok());
        auto added = app->execUncached(
            "INSERT INTO phi_access_log (org_id, user_id, user_name, action, entity_type, result) "
            "VALUES ($1::uuid, $2::uuid, 'Staff', 'inbox.read', 'inbox', 'allowed')",
            {m_clinic.orgId, m_staffId});
        (void)app->execScript("ROLLBACK");
        QVERIFY2(added.ok(), added.ok() ? "" : qPrintable(added.errorMessage()));
    }

    // Even a superuser, who holds every privilege, meets the trigger.
    void theTriggerRefusesChangesFromAnyone_data()
    {
        QTest::addColumn<QByteArray>("statement");
        QTest::newRow("UPDATE") << QByteArray("UPDATE phi_access_log SET user_name = 'x'");
        QTest::newRow("DELETE") << QByteArray("DELETE FROM phi_access_log");
        QTest::newRow("TRUNCATE") << QByteArray("TRUNCATE phi_access_log");
    }
    void theTriggerRefusesChangesFromAnyone()
    {
        QFETCH(QByteArray, statement);
        const int before = logCount(m_clinic.orgId);
        auto changed = f.admin->execUncached(statement);
        QVERIFY(!changed);
        QVERIFY2(changed.errorMessage().contains(u"append-only"_s),
                 qPrintable(changed.errorMessage()));
        QCOMPARE(logCount(m_clinic.orgId), before);
    }

    // ----- reading it -----

    void staffCannotReadTheLog_data()
    {
        QTest::addColumn<QString>("path");
        QTest::newRow("list") << u"/api/access-log"_s;
        QTest::newRow("CSV") << u"/api/access-log.csv"_s;
    }
    void staffCannotReadTheLog()
    {
        QFETCH(QString, path);
        const int before = logCount(m_clinic.orgId);
        QCOMPARE(m_staff->get(path).status, 403);
        // A refused export took nothing away, so it is no export to log.
        QCOMPARE(logCount(m_clinic.orgId), before);
        QCOMPARE(m_clinic.client->get(path).status, 200);
        // Nor through the database: RLS shows staff no rows even when asked directly.
        auto app = f.db->connect();
        const vox::db::Access staff = vox::db::Access::user(m_clinic.orgId, m_staffId, u"staff"_s);
        QVERIFY(app->execScript("BEGIN; SELECT set_config('role', 'authenticated', true), "
                                "set_config('request.jwt.claims', " +
                                app->literal(staff.claimsJson()) + ", true)")
                    .ok());
        auto seen = app->execUncached("SELECT count(*) FROM phi_access_log");
        (void)app->execScript("ROLLBACK");
        QVERIFY(seen.ok());
        QCOMPARE(seen->toInt(0, 0), 0);
    }

    void adminsFilterTheLog_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("value"); // every item has it; empty: no items
        QTest::newRow("by action")
            << u"action=contact.viewed"_s << u"action"_s << u"contact.viewed"_s;
        QTest::newRow("by patient")
            << u"contact_id={contact}"_s << u"contact_id"_s << u"{contact}"_s;
        QTest::newRow("by patient's name")
            << u"patient=jane"_s << u"contact_id"_s << u"{contact}"_s;
        QTest::newRow("by patient's number")
            << u"patient=777-0001"_s << u"contact_id"_s << u"{contact}"_s;
        QTest::newRow("by a patient nobody looked at")
            << u"patient=Nobody"_s << QString() << QString();
        QTest::newRow("by person") << u"user_id={staff}"_s << u"user_id"_s << u"{staff}"_s;
        QTest::newRow("from a day far ahead") << u"from=9999-01-01"_s << QString() << QString();
        QTest::newRow("to a day long ago") << u"to=2000-01-01"_s << QString() << QString();
        QTest::newRow("between two instants around now")
            << u"from=2000-01-01T00:00:00Z&to=9999-01-01T00:00:00Z&action=recording.played"_s
            << u"action"_s << u"recording.played"_s;
    }
    void adminsFilterTheLog()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        QFETCH(QString, value);
        const auto fill = [&](QString text) {
            return text.replace(u"{contact}"_s, m_contactId).replace(u"{staff}"_s, m_staffId);
        };
        const HttpReply reply = m_clinic.client->get(u"/api/access-log?limit=200&"_s + fill(query));
        QCOMPARE(reply.status, 200);
        const QJsonArray items = reply.json().value(u"items"_s).toArray();
        QCOMPARE(items.isEmpty(), value.isEmpty());
        for (const QJsonValue &item : items)
            QCOMPARE(item.toObject().value(field).toString(), fill(value));
    }

    void theLogPagesAndExports()
    {
        const HttpReply first = m_clinic.client->get(u"/api/access-log?limit=2"_s);
        QCOMPARE(first.status, 200);
        const QString cursor = first.json().value(u"next_cursor"_s).toString();
        QVERIFY(!cursor.isEmpty());
        const HttpReply second =
            m_clinic.client->get(u"/api/access-log?limit=2&cursor="_s + cursor);
        QCOMPARE(second.status, 200);
        const QStringList a = idsOf(first.json().value(u"items"_s).toArray());
        const QStringList b = idsOf(second.json().value(u"items"_s).toArray());
        QCOMPARE(a.size(), 2);
        QVERIFY(!b.isEmpty());
        for (const QString &id : b)
            QVERIFY(!a.contains(id));

        const HttpReply csv = m_clinic.client->get(u"/api/access-log.csv?action=contact.viewed"_s);
        QCOMPARE(csv.status, 200);
        QVERIFY(csv.headers.value("content-type").startsWith("text/csv"));
        const QList<QByteArray> lines = csv.body.trimmed().split('\n');
        QVERIFY(lines.first().startsWith("occurred_at,user_name,user_id,action"));
        auto viewed = f.sql("SELECT count(*) FROM phi_access_log WHERE org_id = $1::uuid AND "
                            "action = 'contact.viewed'",
                            {m_clinic.orgId});
        QCOMPARE(lines.size() - 1, int(viewed->toInt(0, 0)));
        QVERIFY(lines.at(1).contains("Jane Doe"));
    }

    // The export streams every matching row, a page of the database at a time: more rows than a
    // page, with several at the same instant across a page's edge, come out exactly as the
    // database selects them, none lost or repeated, and names with commas and quotes intact.
    // Taking the log away is itself logged once, with its filter and the rows it carried.
    void theExportCarriesEveryMatchingRowAndIsLoggedOnce()
    {
        const Clinic clinic = f.signUp(u"Export Audit Clinic"_s, m_server.get());
        QVERIFY(!clinic.orgId.isEmpty());
        const QString person = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const int accesses = 2500;
        auto inserted = f.sql(
            "INSERT INTO phi_access_log (org_id, user_id, user_name, occurred_at, action, "
            "entity_type, entity_id, client_address, result) SELECT $1::uuid, $2::uuid, "
            "'Dana \"DJ\" Smith, RN', timestamptz '2026-01-05 09:00:00Z' + (i / 3) * interval "
            "'1 second', 'call.viewed', 'call', gen_random_uuid(), '10.0.0.' || (i % 7), "
            "'allowed' FROM generate_series(1, $3::int) i",
            {clinic.orgId, person, accesses});
        QVERIFY(inserted);
        // Someone else's accesses the filter leaves out.
        QVERIFY(f.sql("INSERT INTO phi_access_log (org_id, user_id, user_name, occurred_at, "
                      "action, entity_type, result) VALUES ($1::uuid, $2::uuid, 'Other', "
                      "timestamptz '2026-01-05 09:00:00Z', 'inbox.read', 'inbox', 'allowed')",
                      {clinic.orgId, QUuid::createUuid().toString(QUuid::WithoutBraces)}));
        const QString filter = u"user_id=%1&from=2026-01-05&to=2026-01-05"_s.arg(person);

        auto expected = f.sql(
            "SELECT to_char(l.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'), "
            "l.user_name, l.user_id::text, l.action, l.entity_type, l.entity_id::text, "
            "coalesce(l.contact_id::text, ''), coalesce(ct.name, ''), l.client_address, l.result "
            "FROM phi_access_log l LEFT JOIN contacts ct ON ct.id = l.contact_id WHERE l.org_id = "
            "$1::uuid AND l.user_id = $2::uuid ORDER BY l.occurred_at DESC, l.id DESC",
            {clinic.orgId, person});
        QVERIFY(expected);
        QCOMPARE(expected->rowCount(), accesses);
        QByteArray wanted = vox::csv::record(
            {u"occurred_at"_s, u"user_name"_s, u"user_id"_s, u"action"_s, u"entity_type"_s,
             u"entity_id"_s, u"contact_id"_s, u"contact_name"_s, u"client_address"_s, u"result"_s});
        for (int r = 0; r < expected->rowCount(); ++r) {
            QStringList cells;
            for (int c = 0; c < 10; ++c)
                cells.append(expected->text(r, c));
            wanted += vox::csv::record(cells);
        }

        const auto exportsLogged = [&] {
            auto row = f.sql("SELECT count(*) FROM phi_access_log WHERE org_id = $1::uuid AND "
                             "action = 'access_log.exported'",
                             {clinic.orgId});
            return row ? int(row->toInt(0, 0)) : -1;
        };
        QCOMPARE(exportsLogged(), 0);
        const HttpReply csv = clinic.client->get(u"/api/access-log.csv?"_s + filter);
        QCOMPARE(csv.status, 200);
        QVERIFY(csv.headers.value("content-type").startsWith("text/csv"));
        QCOMPARE(csv.body.size(), wanted.size());
        QVERIFY(csv.body == wanted);

        // Written once the last row is sent: it may land just after the body.
        QTRY_COMPARE(exportsLogged(), 1);
        auto logged = f.sql("SELECT row_to_json(l) FROM phi_access_log l WHERE org_id = $1::uuid "
                            "AND action = 'access_log.exported'",
                            {clinic.orgId});
        QVERIFY(logged && !logged->isEmpty());
        const QJsonObject row = logged->toJson(0, 0).toObject();
        QCOMPARE(row.value(u"user_id"_s).toString(), clinic.userId);
        QCOMPARE(row.value(u"entity_type"_s).toString(), u"access_log"_s);
        QCOMPARE(row.value(u"result"_s).toString(), u"allowed"_s);
        const QJsonObject details = row.value(u"details"_s).toObject();
        QCOMPARE(details.value(u"rows"_s).toInteger(), qint64(accesses));
        QCOMPARE(details.value(u"complete"_s).toBool(), true);
        QCOMPARE(details.value(u"filters"_s).toObject(), (QJsonObject{{u"user_id"_s, person},
                                                                      {u"from"_s, u"2026-01-05"_s},
                                                                      {u"to"_s, u"2026-01-05"_s}}));
        // An export leaves one row, however many pages it read.
        QTest::qWait(200);
        QCOMPARE(exportsLogged(), 1);
    }

    void badFiltersAreRefusedInWords_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("unknown action") << u"action=call.deleted"_s << u"action"_s;
        QTest::newRow("patient not an id") << u"contact_id=jane"_s << u"contact_id"_s;
        QTest::newRow("a day that does not exist") << u"from=2026-02-30"_s << u"from"_s;
        QTest::newRow("not a time") << u"to=yesterday"_s << u"to"_s;
    }
    void badFiltersAreRefusedInWords()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const HttpReply reply = m_clinic.client->get(u"/api/access-log?"_s + query);
        QCOMPARE(reply.status, 400);
        QVERIFY(!reply.error().isEmpty());
        QCOMPARE(reply.json().value(u"field"_s).toString(), field);
    }

    // ----- shared links -----

    void aSharedLinkServesTheRecordingItselfWithRanges()
    {
        const HttpReply direct =
            IntegrationFixture::getWithoutRedirect(m_recordingUrl, QByteArray());
        QCOMPARE(direct.status, 200);
        QVERIFY(direct.body.size() > 3000);
        const HttpReply whole =
            IntegrationFixture::getWithoutRedirect(m_server->url() + m_shareLink, QByteArray());
        QCOMPARE(whole.status, 200);
        QVERIFY(!whole.headers.contains("location"));
        QCOMPARE(whole.body, direct.body);
        QCOMPARE(whole.headers.value("content-type"), QByteArray("audio/wav"));

        const HttpReply part = IntegrationFixture::getWithoutRedirect(m_server->url() + m_shareLink,
                                                                      "bytes=1000-2999");
        QCOMPARE(part.status, 206);
        QCOMPARE(part.body, direct.body.mid(1000, 2000));
        QCOMPARE(part.headers.value("content-range"),
                 "bytes 1000-2999/" + QByteArray::number(direct.body.size()));
        const HttpReply tail =
            IntegrationFixture::getWithoutRedirect(m_server->url() + m_shareLink, "bytes=-100");
        QCOMPARE(tail.status, 206);
        QCOMPARE(tail.body, direct.body.right(100));
        const HttpReply beyond = IntegrationFixture::getWithoutRedirect(
            m_server->url() + m_shareLink, "bytes=" + QByteArray::number(direct.body.size()) + "-");
        QCOMPARE(beyond.status, 416);
    }

    void aRevokedOrExpiredShareIsGone_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("revoked by an admin") << u"revoked"_s;
        QTest::newRow("expired") << u"expired"_s;
    }
    void aRevokedOrExpiredShareIsGone()
    {
        QFETCH(QString, how);
        const QString email = u"%1@glow.example"_s.arg(how);
        const QString link = share(email);
        QVERIFY(!link.isEmpty());
        const QString id = shareIdOf(email);
        QCOMPARE(
            IntegrationFixture::getWithoutRedirect(m_server->url() + link, "bytes=0-99").status,
            206);
        const auto listed = [&] {
            return idsOf(m_clinic.client->get(u"/api/calls-dashboard/%1/shares"_s.arg(m_callId))
                             .json()
                             .value(u"items"_s)
                             .toArray());
        };
        QVERIFY(listed().contains(id));
        if (how == u"revoked") {
            QCOMPARE(m_staff->del(u"/api/recording-shares/"_s + id).status, 403);
            QCOMPARE(
                IntegrationFixture::getWithoutRedirect(m_server->url() + link, "bytes=0-99").status,
                206);
            QCOMPARE(m_clinic.client->del(u"/api/recording-shares/"_s + id).status, 200);
        } else {
            QVERIFY(f.sql("UPDATE recording_shares SET expires_at = now() - interval '1 second' "
                          "WHERE id = $1::uuid",
                          {id}));
        }
        const int before = logCount(m_clinic.orgId);
        const HttpReply gone =
            IntegrationFixture::getWithoutRedirect(m_server->url() + link, QByteArray());
        QCOMPARE(gone.status, 410);
        QVERIFY(!gone.headers.contains("location"));
        QVERIFY(!gone.body.contains("sandbox"));
        QVERIFY(!listed().contains(id));
        // The refusal is on record too.
        QCOMPARE(logCount(m_clinic.orgId), before + 1);
        const QJsonObject row = newestRow(m_clinic.orgId);
        QCOMPARE(row.value(u"action"_s).toString(), u"recording_share.opened"_s);
        QCOMPARE(row.value(u"entity_id"_s).toString(), id);
        QCOMPARE(row.value(u"result"_s).toString(), u"refused"_s);
    }

    void staffCannotListOrRevokeShares()
    {
        QCOMPARE(m_staff->get(u"/api/calls-dashboard/%1/shares"_s.arg(m_callId)).status, 403);
        QCOMPARE(
            m_clinic.client->del(u"/api/recording-shares/00000000-0000-4000-8000-000000000000"_s)
                .status,
            404);
    }

    void cleanupTestCase() { m_server.reset(); }
};

QTEST_GUILESS_MAIN(TestAccessLog)
#include "tst_accesslog.moc"
