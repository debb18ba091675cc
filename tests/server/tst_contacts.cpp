// Contacts and leads (S-dashboard): stats with the PRD's old and new names, search, filters,
// keyset pages that stay stable while leads arrive, creation with E.164 normalisation, detail
// with the contact's calls and appointments, updates, and the live events they publish.
#include "clinicfixture.h"
#include "core/leadstatus.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::test::HttpClient;
using vox::test::HttpReply;

class TestContacts : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::TestDatabase> m_db;
    std::unique_ptr<vox::test::TestServer> m_server;
    std::unique_ptr<vox::db::Connection> m_admin;
    vox::test::Clinic m_clinic;
    vox::test::Clinic m_rules; // a second clinic for the lead rules, so the lists above stay put
    // The seeds' times are relative to the run (a lead's status depends on how long ago it was
    // active); whole seconds, as the API gives them back.
    const QDateTime m_now =
        QDateTime::fromSecsSinceEpoch(QDateTime::currentSecsSinceEpoch(), Qt::UTC);

    QString daysAgo(int days) const { return m_now.addDays(-days).toString(Qt::ISODate); }

    std::unique_ptr<HttpClient> as(const QString &role)
    {
        auto client = m_server->client();
        client->setToken(m_clinic.token(role));
        return client;
    }

    QString seedContact(const QString &name, const QString &phone, const QString &temperature,
                        const QString &status, const QString &lastContacted,
                        const QString &email = {})
    {
        const int score = temperature == u"hot" ? 80 : temperature == u"warm" ? 50 : 10;
        return vox::test::insertRow(*m_admin, u"contacts"_s, m_clinic.orgId,
                                    {{u"name"_s, name},
                                     {u"phone"_s, phone},
                                     {u"email"_s, email.isEmpty() ? QJsonValue() : email},
                                     {u"lead_temperature"_s, temperature},
                                     {u"lead_score"_s, score},
                                     {u"lead_status"_s, status},
                                     {u"last_contacted_at"_s, lastContacted}});
    }

    qint64 eventCount(const QString &type, const QString &entityId)
    {
        return m_admin
            ->exec("SELECT count(*) FROM events WHERE org_id = $1::uuid AND type = $2 AND "
                   "entity_id = $3::uuid",
                   {m_clinic.orgId, type, entityId})
            ->toInt(0, 0);
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<vox::test::TestDatabase>(u"contacts"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_server = std::make_unique<vox::test::TestServer>(*m_db);
        QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
        m_admin = m_db->connectAsAdmin();
        QVERIFY(m_admin);
        m_clinic = vox::test::createClinic(m_server->url(), u"Glow Med Spa"_s);
        QVERIFY(!m_clinic.orgId.isEmpty());
        // Six leads with known temperatures, statuses and activity times (all within the
        // follow-up window).
        seedContact(u"Jane Smith"_s, u"+15550001001"_s, u"hot"_s, u"contacted"_s, daysAgo(6),
                    u"jane@example.com"_s);
        seedContact(u"John Doe"_s, u"+15550001002"_s, u"warm"_s, u"new"_s, daysAgo(5));
        seedContact(u"Ana Lopez"_s, u"+15550001003"_s, u"cold"_s, u"lost"_s, daysAgo(4),
                    u"ana@lopez.test"_s);
        seedContact(u"Bob Hot"_s, u"+15550001004"_s, u"hot"_s, u"booked"_s, daysAgo(3));
        seedContact(u"Carl Cold"_s, u"+447700900123"_s, u"cold"_s, u"new"_s, daysAgo(2));
        seedContact(u"Dee Warm"_s, u"+15550001006"_s, u"warm"_s, u"contacted"_s, daysAgo(1));
        m_rules = vox::test::createClinic(m_server->url(), u"Rules Med Spa"_s);
        QVERIFY(!m_rules.orgId.isEmpty());
    }

    void statsGiveNewAndOldNames()
    {
        const HttpReply reply = as(u"staff"_s)->get(u"/api/contacts/stats"_s);
        QCOMPARE(reply.status, 200);
        const QJsonObject stats = reply.json();
        QCOMPARE(stats.value(u"total_leads"_s).toInt(), 6);
        // Hot, warm and cold count the call-back list: not Bob (booked) nor Ana (lost).
        QCOMPARE(stats.value(u"hot_leads"_s).toInt(), 1);
        QCOMPARE(stats.value(u"warm_leads"_s).toInt(), 2);
        QCOMPARE(stats.value(u"cold_leads"_s).toInt(), 1);
        QCOMPARE(stats.value(u"call_back"_s).toInt(), 4);
        QCOMPARE(stats.value(u"needs_attention"_s).toInt(), 0);
        for (const QString &old : {u"total"_s, u"hot"_s, u"warm"_s, u"cold"_s})
            QCOMPARE(stats.value(old).toInt(), stats.value(old + u"_leads"_s).toInt());
        const QJsonObject byStatus = stats.value(u"by_status"_s).toObject();
        QCOMPARE(byStatus.value(u"new"_s).toInt(), 2);
        QCOMPARE(byStatus.value(u"contacted"_s).toInt(), 2);
        QCOMPARE(byStatus.value(u"booked"_s).toInt(), 1);
        QCOMPARE(byStatus.value(u"lost"_s).toInt(), 1);
    }

    void listItemsCarryBothFieldNames()
    {
        const HttpReply reply = as(u"staff"_s)->get(u"/api/contacts?search=Jane"_s);
        QCOMPARE(reply.status, 200);
        const QJsonArray items = reply.json().value(u"items"_s).toArray();
        QCOMPARE(items.size(), 1);
        const QJsonObject jane = items.first().toObject();
        QCOMPARE(jane.value(u"contact_name"_s).toString(), u"Jane Smith"_s);
        QCOMPARE(jane.value(u"name"_s).toString(), u"Jane Smith"_s);
        QCOMPARE(jane.value(u"phone_number"_s).toString(), u"+15550001001"_s);
        QCOMPARE(jane.value(u"phone"_s).toString(), u"+15550001001"_s);
        QVERIFY(jane.value(u"service_interests"_s).isArray());
        QVERIFY(jane.value(u"services_interested"_s).isArray());
        QCOMPARE(jane.value(u"lead_score"_s).toInt(), 80);
        QCOMPARE(QDateTime::fromString(jane.value(u"last_contacted_at"_s).toString(), Qt::ISODate),
                 m_now.addDays(-6));
        QCOMPARE(jane.value(u"needs_attention"_s).toBool(), false);
        QCOMPARE(jane.value(u"priority"_s).toString(), u"high"_s);
    }

    void listSearchesAndFilters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("names");
        QTest::newRow("newest activity first")
            << QString() << QStringList{u"Dee Warm"_s,  u"Carl Cold"_s, u"Bob Hot"_s,
                                        u"Ana Lopez"_s, u"John Doe"_s,  u"Jane Smith"_s};
        QTest::newRow("name, any case") << u"search=jOhN"_s << QStringList{u"John Doe"_s};
        QTest::newRow("phone digits in any format")
            << u"search=(770)%20090"_s << QStringList{u"Carl Cold"_s};
        QTest::newRow("e-mail") << u"search=lopez.test"_s << QStringList{u"Ana Lopez"_s};
        QTest::newRow("like wildcards are literal") << u"search=%25"_s << QStringList{};
        QTest::newRow("temperature")
            << u"temperature=hot"_s << QStringList{u"Bob Hot"_s, u"Jane Smith"_s};
        QTest::newRow("status") << u"status=new"_s << QStringList{u"Carl Cold"_s, u"John Doe"_s};
        QTest::newRow("filters combine")
            << u"temperature=warm&status=contacted"_s << QStringList{u"Dee Warm"_s};
        QTest::newRow("the call-back list leaves out booked and lost leads")
            << u"call_back=true"_s
            << QStringList{u"Dee Warm"_s, u"Carl Cold"_s, u"John Doe"_s, u"Jane Smith"_s};
        QTest::newRow("hot leads to call back: not the hot lead who booked")
            << u"temperature=hot&call_back=true"_s << QStringList{u"Jane Smith"_s};
    }
    void listSearchesAndFilters()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, names);
        const HttpReply reply = as(u"staff"_s)->get(u"/api/contacts?"_s + query);
        QCOMPARE(reply.status, 200);
        QStringList got;
        for (const QJsonValue &item : reply.json().value(u"items"_s).toArray())
            got.append(item.toObject().value(u"contact_name"_s).toString());
        QCOMPARE(got, names);
    }

    void listRejectsInvalidParameters_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("temperature") << u"temperature=boiling"_s << u"temperature"_s;
        QTest::newRow("status") << u"status=maybe"_s << u"status"_s;
        QTest::newRow("call_back") << u"call_back=yes"_s << u"call_back"_s;
        QTest::newRow("needs_attention") << u"needs_attention=1"_s << u"needs_attention"_s;
        QTest::newRow("limit zero") << u"limit=0"_s << u"limit"_s;
        QTest::newRow("limit too big") << u"limit=201"_s << u"limit"_s;
        QTest::newRow("limit not a number") << u"limit=ten"_s << u"limit"_s;
        QTest::newRow("forged cursor") << u"cursor=bm90IGEgY3Vyc29y"_s << u"cursor"_s;
        QTest::newRow("cursor: no year zero and no 0th month")
            << u"cursor=WyIwMDAwLTAwLTAwIDAwOjAwOjAwKzk5IiwiMDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAxIl0"_s
            << u"cursor"_s;
        QTest::newRow("cursor: an offset past 15 hours")
            << u"cursor=WyIyMDI2LTAzLTAxIDA5OjMwOjAwKzk5IiwiMDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAxIl0"_s
            << u"cursor"_s;
        QTest::newRow("cursor: the 30th of February")
            << u"cursor=WyIyMDI2LTAyLTMwIDA5OjMwOjAwKzAwIiwiMDAwMDAwMDAtMDAwMC00MDAwLTgwMDAtMDAwMDAwMDAwMDAxIl0"_s
            << u"cursor"_s;
        QTest::newRow("cursor: hour 25")
            << u"cursor=WyIyMDI2LTAzLTAxIDI1OjAwOjAwWiIsIjAwMDAwMDAwLTAwMDAtNDAwMC04MDAwLTAwMDAwMDAwMDAwMSJd"_s
            << u"cursor"_s;
    }
    void listRejectsInvalidParameters()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const HttpReply reply = as(u"staff"_s)->get(u"/api/contacts?"_s + query);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json().value(u"field"_s).toString(), field);
    }

    void pagesStayStableWhileLeadsArrive()
    {
        auto client = as(u"staff"_s);
        const HttpReply first = client->get(u"/api/contacts?limit=4"_s);
        QCOMPARE(first.status, 200);
        const QStringList firstIds = vox::test::idsOf(first.json().value(u"items"_s).toArray());
        QCOMPARE(firstIds.size(), 4);
        const QString cursor = first.json().value(u"next_cursor"_s).toString();
        QVERIFY(!cursor.isEmpty());

        // A new lead arrives between the pages: it is newest, so it belongs before page one and
        // must not shift page two.
        const HttpReply created =
            client->post(u"/api/contacts"_s,
                         {{u"phone"_s, u"+1 555 000 9999"_s}, {u"name"_s, u"Late Arrival"_s}});
        QCOMPARE(created.status, 201);

        const HttpReply second = client->get(u"/api/contacts?limit=4&cursor="_s + cursor);
        QCOMPARE(second.status, 200);
        const QStringList secondIds = vox::test::idsOf(second.json().value(u"items"_s).toArray());
        QCOMPARE(secondIds.size(), 2);
        QVERIFY(second.json().value(u"next_cursor"_s).isNull());
        for (const QString &id : secondIds)
            QVERIFY(!firstIds.contains(id));

        const HttpReply all = client->get(u"/api/contacts?limit=200"_s);
        const QStringList allIds = vox::test::idsOf(all.json().value(u"items"_s).toArray());
        QCOMPARE(allIds.size(), 7);
        QCOMPARE(allIds.first(), created.json().value(u"id"_s).toString());
        QCOMPARE(allIds.mid(1), firstIds + secondIds);
    }

    void createNormalisesThePhoneAndPublishesAnEvent()
    {
        const HttpReply reply =
            as(u"staff"_s)
                ->post(u"/api/contacts"_s, {{u"phone"_s, u"+1 (555) 123-4567"_s},
                                            {u"name"_s, u"  Mia Typed  "_s},
                                            {u"email"_s, u"mia@example.com"_s},
                                            {u"notes"_s, u"Asked about fillers"_s}});
        QCOMPARE(reply.status, 201);
        const QJsonObject contact = reply.json();
        QCOMPARE(contact.value(u"phone_number"_s).toString(), u"+15551234567"_s);
        QCOMPARE(contact.value(u"contact_name"_s).toString(), u"Mia Typed"_s);
        QCOMPARE(contact.value(u"lead_status"_s).toString(), u"new"_s);
        QCOMPARE(contact.value(u"lead_temperature"_s).toString(), u"cold"_s);
        QCOMPARE(eventCount(u"contact.created"_s, contact.value(u"id"_s).toString()), 1);
    }

    void createReadsNumbersInTheClinicsCountry_data()
    {
        QTest::addColumn<QString>("country");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("stored");
        QTest::newRow("brackets") << u"US"_s << u"(773) 555-0124"_s << u"+17735550124"_s;
        QTest::newRow("dashes") << u"US"_s << u"773-555-0125"_s << u"+17735550125"_s;
        QTest::newRow("dots") << u"US"_s << u"773.555.0126"_s << u"+17735550126"_s;
        QTest::newRow("trunk 1") << u"US"_s << u"1 773 555 0127"_s << u"+17735550127"_s;
        QTest::newRow("ten digits") << u"US"_s << u"7735550128"_s << u"+17735550128"_s;
        QTest::newRow("international stays")
            << u"US"_s << u"+44 20 7946 0958"_s << u"+442079460958"_s;
        QTest::newRow("a UK clinic") << u"GB"_s << u"020 7946 0959"_s << u"+442079460959"_s;
    }
    void createReadsNumbersInTheClinicsCountry()
    {
        QFETCH(QString, country);
        QFETCH(QString, typed);
        QFETCH(QString, stored);
        QVERIFY(m_admin->exec("UPDATE org_settings SET phone_country = $2 WHERE org_id = $1::uuid",
                              {m_clinic.orgId, country}));
        const HttpReply reply = as(u"staff"_s)->post(u"/api/contacts"_s, {{u"phone"_s, typed}});
        QVERIFY(m_admin->exec("UPDATE org_settings SET phone_country = 'US' WHERE org_id = "
                              "$1::uuid",
                              {m_clinic.orgId}));
        QCOMPARE(reply.status, 201);
        QCOMPARE(reply.json().value(u"phone_number"_s).toString(), stored);
    }

    void createRefusesDuplicatesAndBadInput_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("field");
        QTest::newRow("same number, other format")
            << QJsonObject{{u"phone"_s, u"+1 555-000-1001"_s}} << 409 << QString();
        QTest::newRow("no phone") << QJsonObject{{u"name"_s, u"X"_s}} << 400 << u"phone"_s;
        QTest::newRow("same number, as the console shows it")
            << QJsonObject{{u"phone"_s, u"(555) 000-1001"_s}} << 409 << QString();
        QTest::newRow("no area code")
            << QJsonObject{{u"phone"_s, u"555 0124"_s}} << 400 << u"phone"_s;
        QTest::newRow("area code starting with 1")
            << QJsonObject{{u"phone"_s, u"(173) 555-0124"_s}} << 400 << u"phone"_s;
        QTest::newRow("letters") << QJsonObject{{u"phone"_s, u"+1 555 CALL NOW"_s}} << 400
                                 << u"phone"_s;
        QTest::newRow("phone of the wrong type")
            << QJsonObject{{u"phone"_s, 15551234567.0}} << 400 << u"phone"_s;
        QTest::newRow("bad e-mail")
            << QJsonObject{{u"phone"_s, u"+15557778888"_s}, {u"email"_s, u"nope"_s}} << 400
            << u"email"_s;
        QTest::newRow("name too long")
            << QJsonObject{{u"phone"_s, u"+15557778888"_s}, {u"name"_s, QString(201, u'x')}} << 400
            << u"name"_s;
    }
    void createRefusesDuplicatesAndBadInput()
    {
        QFETCH(QJsonObject, body);
        QFETCH(int, status);
        QFETCH(QString, field);
        const HttpReply reply = as(u"staff"_s)->post(u"/api/contacts"_s, body);
        QCOMPARE(reply.status, status);
        QVERIFY(!reply.error().isEmpty());
        QCOMPARE(reply.json().value(u"field"_s).toString(), field);
    }

    void detailEmbedsCallsAndAppointments()
    {
        const QString contactId = seedContact(u"Eve Detail"_s, u"+15550002000"_s, u"warm"_s,
                                              u"booked"_s, u"2026-01-10T10:00:00Z"_s);
        const QString older = vox::test::insertRow(*m_admin, u"call_logs"_s, m_clinic.orgId,
                                                   {{u"contact_id"_s, contactId},
                                                    {u"phone_number"_s, u"+15550002000"_s},
                                                    {u"occurred_at"_s, u"2026-01-09T09:00:00Z"_s},
                                                    {u"status"_s, u"ended"_s}});
        const QString newer = vox::test::insertRow(*m_admin, u"call_logs"_s, m_clinic.orgId,
                                                   {{u"contact_id"_s, contactId},
                                                    {u"phone_number"_s, u"+15550002000"_s},
                                                    {u"occurred_at"_s, u"2026-01-10T09:00:00Z"_s},
                                                    {u"financial_value_cents"_s, 40000},
                                                    {u"booking_confirmed"_s, true}});
        const QString serviceId =
            m_admin
                ->exec("SELECT id FROM services WHERE org_id = $1::uuid AND name = 'Botox'",
                       {m_clinic.orgId})
                ->text(0, 0);
        const QString appointment =
            vox::test::insertRow(*m_admin, u"appointments"_s, m_clinic.orgId,
                                 {{u"contact_id"_s, contactId},
                                  {u"service_id"_s, serviceId},
                                  {u"starts_at"_s, u"2026-02-01T15:00:00Z"_s},
                                  {u"ends_at"_s, u"2026-02-01T15:30:00Z"_s},
                                  {u"call_id"_s, newer}});

        const HttpReply reply = as(u"staff"_s)->get(u"/api/contacts/"_s + contactId);
        QCOMPARE(reply.status, 200);
        const QJsonObject detail = reply.json();
        QCOMPARE(detail.value(u"contact_name"_s).toString(), u"Eve Detail"_s);
        const QJsonArray calls = detail.value(u"calls"_s).toArray();
        QCOMPARE(vox::test::idsOf(calls), (QStringList{newer, older}));
        QCOMPARE(calls.first().toObject().value(u"financial_value"_s).toDouble(), 400.0);
        QCOMPARE(calls.first().toObject().value(u"contact_name"_s).toString(), u"Eve Detail"_s);
        const QJsonArray appointments = detail.value(u"appointments"_s).toArray();
        QCOMPARE(appointments.size(), 1);
        const QJsonObject a = appointments.first().toObject();
        QCOMPARE(a.value(u"id"_s).toString(), appointment);
        QCOMPARE(a.value(u"service_name"_s).toString(), u"Botox"_s);
        QCOMPARE(a.value(u"scheduled_time"_s), a.value(u"scheduled_at"_s));
        QCOMPARE(a.value(u"duration_minutes"_s).toInt(), 30);
        QCOMPARE(a.value(u"phone_number"_s).toString(), u"+15550002000"_s);
    }

    void detailOfAnUnknownOrMalformedIdIs404()
    {
        auto client = as(u"staff"_s);
        QCOMPARE(client->get(u"/api/contacts/00000000-0000-0000-0000-000000000000"_s).status, 404);
        QCOMPARE(client->get(u"/api/contacts/not-a-uuid"_s).status, 404);
        QCOMPARE(client->get(u"/api/contacts/1;DROP%20TABLE%20contacts"_s).status, 404);
    }

    void updateChangesFieldsAcceptsOldNamesAndPublishes()
    {
        auto client = as(u"staff"_s);
        const HttpReply created =
            client->post(u"/api/contacts"_s, {{u"phone"_s, u"+15550003000"_s},
                                              {u"name"_s, u"Fay Before"_s},
                                              {u"email"_s, u"fay@example.com"_s}});
        QCOMPARE(created.status, 201);
        const QString id = created.json().value(u"id"_s).toString();

        const HttpReply patched = client->patch(
            u"/api/contacts/"_s + id,
            {{u"contact_name"_s, u"Fay After"_s},
             {u"lead_status"_s, u"contacted"_s},
             {u"email"_s, QJsonValue::Null},
             {u"services_interested"_s, QJsonArray{u" Botox "_s, u"botox"_s, u"Fillers"_s, u""_s}},
             {u"unknown"_s, u"ignored"_s}});
        QCOMPARE(patched.status, 200);
        const QJsonObject contact = patched.json();
        QCOMPARE(contact.value(u"name"_s).toString(), u"Fay After"_s);
        QCOMPARE(contact.value(u"lead_status"_s).toString(), u"contacted"_s);
        QVERIFY(contact.value(u"email"_s).isNull());
        QCOMPARE(contact.value(u"service_interests"_s).toArray(),
                 (QJsonArray{u"Botox"_s, u"Fillers"_s}));
        QCOMPARE(eventCount(u"contact.updated"_s, id), 1);

        // How the person wants to be reached: a language, and no text messages.
        const HttpReply preferences =
            client->patch(u"/api/contacts/"_s + id,
                          {{u"preferred_language"_s, u"es"_s}, {u"do_not_text"_s, true}});
        QCOMPARE(preferences.status, 200);
        QCOMPARE(preferences.json().value(u"preferred_language"_s).toString(), u"es"_s);
        QCOMPARE(preferences.json().value(u"do_not_text"_s).toBool(), true);
        const HttpReply cleared =
            client->patch(u"/api/contacts/"_s + id, {{u"preferred_language"_s, QJsonValue::Null}});
        QVERIFY(cleared.json().value(u"preferred_language"_s).isNull());
        QCOMPARE(cleared.json().value(u"do_not_text"_s).toBool(), true);

        const HttpReply notes = client->patch(u"/api/contacts/"_s + id, {{u"notes"_s, u"VIP"_s}});
        QCOMPARE(notes.json().value(u"notes"_s).toString(), u"VIP"_s);
        QCOMPARE(notes.json().value(u"name"_s).toString(), u"Fay After"_s);
    }

    void updateRejectsBadValues_data()
    {
        QTest::addColumn<QJsonObject>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("status") << QJsonObject{{u"lead_status"_s, u"won"_s}} << u"lead_status"_s;
        QTest::newRow("e-mail") << QJsonObject{{u"email"_s, u"x@"_s}} << u"email"_s;
        QTest::newRow("interests not a list")
            << QJsonObject{{u"service_interests"_s, u"Botox"_s}} << u"service_interests"_s;
        QTest::newRow("name of the wrong type") << QJsonObject{{u"name"_s, 7}} << u"name"_s;
        QTest::newRow("a language the clinic does not speak")
            << QJsonObject{{u"preferred_language"_s, u"fr"_s}} << u"preferred_language"_s;
        QTest::newRow("do not text not a boolean")
            << QJsonObject{{u"do_not_text"_s, u"yes"_s}} << u"do_not_text"_s;
        QTest::newRow("needs attention not a boolean")
            << QJsonObject{{u"needs_attention"_s, u"no"_s}} << u"needs_attention"_s;
    }
    void updateRejectsBadValues()
    {
        QFETCH(QJsonObject, body);
        QFETCH(QString, field);
        auto client = as(u"staff"_s);
        const QString id = client->get(u"/api/contacts?search=Jane"_s)
                               .json()
                               .value(u"items"_s)
                               .toArray()
                               .first()
                               .toObject()
                               .value(u"id"_s)
                               .toString();
        const HttpReply reply = client->patch(u"/api/contacts/"_s + id, body);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json().value(u"field"_s).toString(), field);
        QCOMPARE(eventCount(u"contact.updated"_s, id), 0);
    }

    // The lead rules as the API applies them (read-time status, priority, the call-back list),
    // row by row, and in agreement with core/leadstatus.h. A row seeds a lead of the second clinic
    // (stored status, score, days since its last activity, needs attention) and optionally
    // a person's change through PATCH.
    void statusAndPriorityFollowTheRules_data()
    {
        QTest::addColumn<QString>("stored");
        QTest::addColumn<int>("score");
        QTest::addColumn<int>("idleDays");
        QTest::addColumn<bool>("attention");
        QTest::addColumn<QJsonObject>("change");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("priority");
        QTest::addColumn<bool>("onCallBackList");
        QTest::newRow("booked: not on the call-back list")
            << u"booked"_s << 90 << 1 << false << QJsonObject() << u"booked"_s << u"none"_s
            << false;
        QTest::newRow("did not book, yesterday: not lost")
            << u"new"_s << 30 << 1 << false << QJsonObject() << u"new"_s << u"low"_s << true;
        QTest::newRow("contacted 13 days ago: still open")
            << u"contacted"_s << 75 << 13 << false << QJsonObject() << u"contacted"_s << u"high"_s
            << true;
        QTest::newRow("did not book, the window passed: lost")
            << u"new"_s << 55 << 15 << false << QJsonObject() << u"lost"_s << u"none"_s << false;
        QTest::newRow("needs attention, the window passed: open, urgent")
            << u"new"_s << 70 << 20 << true << QJsonObject() << u"new"_s << u"urgent"_s << true;
        QTest::newRow("a person marks a lead lost: lost")
            << u"contacted"_s << 80 << 1 << false << QJsonObject{{u"lead_status"_s, u"lost"_s}}
            << u"lost"_s << u"none"_s << false;
        QTest::newRow("a person reopens an old lead: open for another window")
            << u"new"_s << 45 << 30 << false << QJsonObject{{u"lead_status"_s, u"contacted"_s}}
            << u"contacted"_s << u"normal"_s << true;
        QTest::newRow("a person clears the mark: back by temperature")
            << u"new"_s << 70 << 1 << true << QJsonObject{{u"needs_attention"_s, false}} << u"new"_s
            << u"high"_s << true;
    }
    void statusAndPriorityFollowTheRules()
    {
        QFETCH(QString, stored);
        QFETCH(int, score);
        QFETCH(int, idleDays);
        QFETCH(bool, attention);
        QFETCH(QJsonObject, change);
        static int seeded = 0;
        const QString name = u"Rule Lead %1"_s.arg(++seeded);
        const QString id =
            vox::test::insertRow(*m_admin, u"contacts"_s, m_rules.orgId,
                                 {{u"name"_s, name},
                                  {u"phone"_s, u"+1555000%1"_s.arg(7000 + seeded)},
                                  {u"lead_score"_s, score},
                                  {u"lead_temperature"_s,
                                   vox::leads::temperatureName(vox::leads::temperatureFor(score))},
                                  {u"lead_status"_s, stored},
                                  {u"needs_attention"_s, attention},
                                  {u"created_at"_s, daysAgo(idleDays + 30)},
                                  {u"last_contacted_at"_s, daysAgo(idleDays)}});
        QVERIFY(!id.isEmpty());
        auto client = m_server->client();
        client->setToken(m_rules.token(u"staff"_s));
        if (!change.isEmpty())
            QCOMPARE(client->patch(u"/api/contacts/"_s + id, change).status, 200);

        const QJsonObject contact = client->get(u"/api/contacts/"_s + id).json();
        QTEST(contact.value(u"lead_status"_s).toString(), "status");
        QTEST(contact.value(u"priority"_s).toString(), "priority");
        const HttpReply list = client->get(u"/api/contacts?call_back=true&search="_s + name);
        QCOMPARE(list.status, 200);
        QTEST(vox::test::idsOf(list.json().value(u"items"_s).toArray()).contains(id),
              "onCallBackList");

        // The core rules say the same of the lead as stored now.
        vox::leads::Lead lead;
        lead.status = *vox::leads::statusFromName(stored);
        lead.score = score;
        lead.needsAttention = change.contains(u"needs_attention"_s)
                                  ? change.value(u"needs_attention"_s).toBool()
                                  : attention;
        lead.createdAt = m_now.addDays(-idleDays - 30);
        lead.lastContactedAt = m_now.addDays(-idleDays);
        if (change.contains(u"lead_status"_s))
            lead = vox::leads::setByPerson(
                lead, *vox::leads::statusFromName(change.value(u"lead_status"_s).toString()),
                m_now);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QCOMPARE(vox::leads::statusName(vox::leads::statusAt(lead, now, 14)),
                 contact.value(u"lead_status"_s).toString());
        QCOMPARE(vox::leads::priorityName(vox::leads::priorityAt(lead, now, 14)),
                 contact.value(u"priority"_s).toString());
    }

    void unauthenticatedRequestsAre401()
    {
        auto client = m_server->client();
        const HttpReply reply = client->get(u"/api/contacts"_s);
        QCOMPARE(reply.status, 401);
        QCOMPARE(reply.headers.value("www-authenticate"), QByteArray("Bearer"));
    }
};

QTEST_GUILESS_MAIN(TestContacts)
#include "tst_contacts.moc"
