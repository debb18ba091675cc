// The Today queue over a real PostgreSQL: GET /api/today lists who needs a person today from the
// clinic's calls, in order; PATCH /api/today/:id marks, gives and annotates an entry, checks the
// owner belongs to the clinic, and publishes today.updated for the other consoles.
#include "clinicfixture.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::test::HttpClient;
using vox::test::HttpReply;

class TestToday : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::TestDatabase> m_db;
    std::unique_ptr<vox::test::TestServer> m_server;
    std::unique_ptr<vox::db::Connection> m_admin;
    vox::test::Clinic m_clinic;
    vox::test::Clinic m_other;
    QHash<QString, QString> m_contacts; // first name -> contact id
    QString m_failedCallId;
    QString m_adminUserId;
    QString m_otherUserId;

    // A zone where it is around noon now, so "earlier today" never crosses midnight whatever the
    // clock says when the test runs.
    QString zoneNearNoon()
    {
        auto row = m_admin->exec("SELECT extract(hour FROM now() AT TIME ZONE 'UTC')::int");
        const int offset = 12 - int(row->toInt(0, 0)); // -11 .. +12
        if (offset == 0)
            return u"Etc/UTC"_s;
        // The Etc zones' signs are inverted: Etc/GMT-3 is three hours ahead of UTC.
        return offset > 0 ? u"Etc/GMT-%1"_s.arg(offset) : u"Etc/GMT+%1"_s.arg(-offset);
    }

    QString ago(int seconds)
    {
        auto row =
            m_admin->exec("SELECT (now() - make_interval(secs => $1))::text", {qint64(seconds)});
        return row->text(0, 0);
    }

    QString contact(const QString &name, const QString &phone)
    {
        const QString id = vox::test::insertRow(*m_admin, u"contacts"_s, m_clinic.orgId,
                                                {{u"name"_s, name}, {u"phone"_s, phone}});
        m_contacts.insert(name, id);
        return id;
    }

    QString call(const QString &contactId, int secondsAgo, QJsonObject columns)
    {
        columns.insert(u"occurred_at"_s, ago(secondsAgo));
        if (!contactId.isEmpty())
            columns.insert(u"contact_id"_s, contactId);
        columns.insert(u"status"_s, columns.value(u"status"_s).toString(u"ended"_s));
        return vox::test::insertRow(*m_admin, u"call_logs"_s, m_clinic.orgId, columns);
    }

    QJsonArray entries(const QString &token)
    {
        HttpClient client(m_server->url());
        client.setToken(token);
        const HttpReply reply = client.get(u"/api/today"_s);
        if (reply.status != 200)
            qWarning("GET /api/today: %d %s", reply.status, reply.body.constData());
        return reply.json().value(u"entries"_s).toArray();
    }

    // "Uma urgent", "Ned negative (called)": the list as a person reads it.
    QStringList readList(const QString &token)
    {
        QStringList out;
        for (const QJsonValue &value : entries(token)) {
            const QJsonObject e = value.toObject();
            QString text = e.value(u"name"_s).toString(e.value(u"phone"_s).toString()) + u' ' +
                           e.value(u"reason"_s).toString();
            if (e.value(u"state"_s).toString() == u"called")
                text += u" (called)"_s;
            out.append(text);
        }
        return out;
    }

    HttpReply patch(const QString &id, const QByteArray &body, const QString &token = {})
    {
        HttpClient client(m_server->url());
        client.setToken(token.isEmpty() ? m_clinic.staffToken : token);
        return client.send("PATCH", u"/api/today/"_s + id, body);
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<vox::test::TestDatabase>(u"today"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_server = std::make_unique<vox::test::TestServer>(*m_db);
        QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
        m_admin = m_db->connectAsAdmin();
        const QString zone = zoneNearNoon();
        m_clinic = vox::test::createClinic(m_server->url(), u"Today Clinic"_s, zone);
        m_other = vox::test::createClinic(m_server->url(), u"Other Clinic"_s, zone);
        QVERIFY2(!m_clinic.orgId.isEmpty() && !m_other.orgId.isEmpty(), qPrintable(zone));
        auto admin = m_admin->exec("SELECT id FROM profiles WHERE org_id = $1::uuid AND role = "
                                   "'admin'",
                                   {m_clinic.orgId});
        m_adminUserId = admin->text(0, 0);
        auto other = m_admin->exec("SELECT id FROM profiles WHERE org_id = $1::uuid LIMIT 1",
                                   {m_other.orgId});
        m_otherUserId = other->text(0, 0);

        // One caller for each way onto (and off) the list, all earlier today but Yan.
        call(contact(u"Uma"_s, u"+15550100001"_s), 3000,
             {{u"sentiment_urgency"_s, u"high"_s},
              {u"transcript"_s, u"User: My lip is swollen since the filler."_s}});
        call(contact(u"Ned"_s, u"+15550100002"_s), 2400, {{u"sentiment_label"_s, u"negative"_s}});
        call(contact(u"Pat"_s, u"+15550100003"_s), 1800,
             {{u"transcript"_s, u"AI: Hello.\nUser: How much is Botox?"_s}});
        call(contact(u"Bea"_s, u"+15550100004"_s), 1700,
             {{u"transcript"_s, u"User: What's the price? Book me in."_s},
              {u"booking_confirmed"_s, true}});
        m_failedCallId =
            call({}, 1200, {{u"status"_s, u"failed"_s}, {u"phone_number"_s, u"+15550100005"_s}});
        call(contact(u"Tom"_s, u"+15550100006"_s), 600, {{u"transfer_to"_s, u"+15550199999"_s}});
        call(contact(u"Gil"_s, u"+15550100007"_s), 500,
             {{u"sentiment_label"_s, u"positive"_s}, {u"transcript"_s, u"User: Thanks!"_s}});
        call(contact(u"Yan"_s, u"+15550100008"_s), 26 * 3600,
             {{u"sentiment_urgency"_s, u"high"_s}});
        // The clinic's own call-back is not someone waiting.
        call(m_contacts[u"Gil"_s], 400,
             {{u"direction"_s, u"outbound"_s}, {u"status"_s, u"failed"_s}});
    }

    void listsWhoNeedsAPersonTodayInOrder()
    {
        const QStringList expected{u"Uma urgent"_s, u"Ned negative"_s, u"Pat price_question"_s,
                                   u"Tom failed_or_transferred"_s,
                                   u"+15550100005 failed_or_transferred"_s};
        QCOMPARE(readList(m_clinic.staffToken), expected);
        QCOMPARE(readList(m_clinic.adminToken), expected);
        QCOMPARE(readList(m_other.staffToken), QStringList());

        const QJsonObject failed = entries(m_clinic.staffToken).last().toObject();
        QCOMPARE(failed.value(u"id"_s).toString(), m_failedCallId);
        QCOMPARE(failed.value(u"call_id"_s).toString(), m_failedCallId);
        QVERIFY(failed.value(u"contact_id"_s).isNull());
    }

    void theOwnerAndNoteShowOnTheEntry()
    {
        const HttpReply reply =
            patch(m_contacts[u"Pat"_s],
                  u"{\"owner_id\":\"%1\",\"note\":\"Wants the spring offer\"}"_s.arg(m_adminUserId)
                      .toUtf8());
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"owner_id"_s).toString(), m_adminUserId);
        for (const QJsonValue &value : entries(m_clinic.staffToken)) {
            const QJsonObject e = value.toObject();
            if (e.value(u"name"_s).toString() != u"Pat")
                continue;
            QCOMPARE(e.value(u"owner_id"_s).toString(), m_adminUserId);
            QVERIFY(e.value(u"owner_name"_s).toString().contains(u"admin."_s));
            QCOMPARE(e.value(u"note"_s).toString(), u"Wants the spring offer"_s);
        }
        // Clearing the owner keeps the note.
        QCOMPARE(patch(m_contacts[u"Pat"_s], R"({"owner_id":null})").status, 200);
        auto row = m_admin->exec("SELECT owner_id IS NULL, note FROM today_queue "
                                 "WHERE contact_id = $1::uuid",
                                 {m_contacts[u"Pat"_s]});
        QVERIFY(row->toBool(0, 0));
        QCOMPARE(row->text(0, 1), u"Wants the spring offer"_s);
    }

    void badChangesAreRefusedWithAReason_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("error");
        QTest::newRow("an unknown state")
            << u"{Ned}"_s << QByteArray(R"({"state":"finished"})") << 400 << u"state"_s;
        QTest::newRow("nothing to change")
            << u"{Ned}"_s << QByteArray("{}") << 400 << u"Nothing to change"_s;
        QTest::newRow("an owner that is not an id")
            << u"{Ned}"_s << QByteArray(R"({"owner_id":"Anna"})") << 400 << u"owner_id"_s;
        QTest::newRow("an owner of another clinic")
            << u"{Ned}"_s << QByteArray(R"({"owner_id":"{other}"})") << 400
            << u"person of this clinic"_s;
        QTest::newRow("a note too long")
            << u"{Ned}"_s << QByteArray("{\"note\":\"" + QByteArray(2001, 'x') + "\"}") << 400
            << u"note"_s;
        QTest::newRow("nobody with that id")
            << u"00000000-0000-4000-8000-000000000000"_s << QByteArray(R"({"state":"done"})") << 404
            << u"nobody"_s;
        QTest::newRow("not an id, as every route answers one")
            << u"ned"_s << QByteArray(R"({"state":"done"})") << 404 << u"not found"_s;
    }
    void badChangesAreRefusedWithAReason()
    {
        QFETCH(QString, id);
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(QString, error);
        id.replace(u"{Ned}"_s, m_contacts[u"Ned"_s]);
        body.replace("{other}", m_otherUserId.toLatin1());
        const HttpReply reply = patch(id, body);
        QCOMPARE(reply.status, status);
        QVERIFY2(reply.json().value(u"error"_s).toString().contains(error, Qt::CaseInsensitive),
                 reply.body.constData());
    }

    void marksMoveAndRemoveEntriesAndEveryConsoleHears()
    {
        auto events = m_admin->exec("SELECT count(*) FROM events WHERE org_id = $1::uuid AND "
                                    "type = 'today.updated'",
                                    {m_clinic.orgId});
        const qint64 before = events->toInt(0, 0);

        QCOMPARE(patch(m_contacts[u"Uma"_s], R"({"state":"called"})").status, 200);
        QCOMPARE(patch(m_contacts[u"Ned"_s], R"({"state":"done"})", m_clinic.adminToken).status,
                 200);
        // A failed call without a contact is marked by the call's id.
        QCOMPARE(patch(m_failedCallId, R"({"state":"done"})").status, 200);
        QCOMPARE(readList(m_clinic.staffToken),
                 (QStringList{u"Pat price_question"_s, u"Tom failed_or_transferred"_s,
                              u"Uma urgent (called)"_s}));

        events = m_admin->exec("SELECT count(*), bool_and(entity_type = 'today') FROM events "
                               "WHERE org_id = $1::uuid AND type = 'today.updated'",
                               {m_clinic.orgId});
        QVERIFY(events->toInt(0, 0) - before >= 3);
        QVERIFY(events->toBool(0, 1));
        auto noted = m_admin->exec("SELECT count(*) FROM events WHERE type = 'today.updated' "
                                   "AND payload::text LIKE '%spring offer%'");
        QCOMPARE(noted->toInt(0, 0), 0);
    }

    void aBookingTakesTheCallerOffAndANewCallBringsThemBack()
    {
        // Pat books (the front desk's booking dialog makes an appointment now).
        const QString service = vox::test::insertRow(*m_admin, u"services"_s, m_clinic.orgId,
                                                     {{u"name"_s, u"Today Peel"_s}});
        QVERIFY(!vox::test::insertRow(*m_admin, u"appointments"_s, m_clinic.orgId,
                                      {{u"contact_id"_s, m_contacts[u"Pat"_s]},
                                       {u"service_id"_s, service},
                                       {u"starts_at"_s, u"2030-01-07 10:00+00"_s},
                                       {u"ends_at"_s, u"2030-01-07 11:00+00"_s}})
                     .isEmpty());
        // Ned, marked done, calls again, upset.
        call(m_contacts[u"Ned"_s], 0, {{u"sentiment_label"_s, u"negative"_s}});
        QCOMPARE(readList(m_clinic.staffToken),
                 (QStringList{u"Ned negative"_s, u"Tom failed_or_transferred"_s,
                              u"Uma urgent (called)"_s}));
        // Tom is booked from the list itself.
        QCOMPARE(patch(m_contacts[u"Tom"_s], R"({"state":"booked"})").status, 200);
        QCOMPARE(readList(m_clinic.staffToken),
                 (QStringList{u"Ned negative"_s, u"Uma urgent (called)"_s}));
    }
};

QTEST_GUILESS_MAIN(TestToday)
#include "tst_today.moc"
