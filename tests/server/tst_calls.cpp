// The calls dashboard (S-dashboard, S-analytics): list items with the documented fields, every
// filter, full-text and phone search, keyset pages that stay stable with ties and new calls,
// the detail with transcript and analytics, and a plan that stays an index range at scale.
#include "clinicfixture.h"

#include "server/routes/calls.h"

#include <QJsonDocument>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::test::HttpClient;
using vox::test::HttpReply;

class TestCalls : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::TestDatabase> m_db;
    std::unique_ptr<vox::test::TestServer> m_server;
    std::unique_ptr<vox::db::Connection> m_admin;
    vox::test::Clinic m_clinic;
    QHash<QString, QString> m_calls; // label -> id

    std::unique_ptr<HttpClient> staff()
    {
        auto client = m_server->client();
        client->setToken(m_clinic.staffToken);
        return client;
    }

    QString seedCall(const QString &label, const QJsonObject &columns)
    {
        const QString id = vox::test::insertRow(*m_admin, u"call_logs"_s, m_clinic.orgId, columns);
        m_calls.insert(label, id);
        return id;
    }

    QStringList labelsOf(const HttpReply &reply) const
    {
        QStringList labels;
        for (const QString &id : vox::test::idsOf(reply.json().value(u"items"_s).toArray()))
            labels.append(m_calls.key(id, id));
        return labels;
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<vox::test::TestDatabase>(u"calls"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_server = std::make_unique<vox::test::TestServer>(*m_db);
        QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
        m_admin = m_db->connectAsAdmin();
        QVERIFY(m_admin);
        m_clinic = vox::test::createClinic(m_server->url(), u"Glow Med Spa"_s);
        QVERIFY(!m_clinic.orgId.isEmpty());

        const QString jane =
            vox::test::insertRow(*m_admin, u"contacts"_s, m_clinic.orgId,
                                 {{u"name"_s, u"Jane Smith"_s}, {u"phone"_s, u"+15550001234"_s}});
        seedCall(u"booked"_s,
                 {{u"occurred_at"_s, u"2025-03-05T15:00:00Z"_s},
                  {u"direction"_s, u"inbound"_s},
                  {u"status"_s, u"ended"_s},
                  {u"phone_number"_s, u"+15550001234"_s},
                  {u"caller_name"_s, u"Jane Smith"_s},
                  {u"contact_id"_s, jane},
                  {u"duration_seconds"_s, 245},
                  {u"transcript"_s, u"I would like a rhinoplasty consultation next week"_s},
                  {u"summary"_s, u"Booked a rhinoplasty consultation"_s},
                  {u"sentiment_label"_s, u"positive"_s},
                  {u"sentiment_score"_s, u"0.8"_s},
                  {u"sentiment_urgency"_s, u"medium"_s},
                  {u"booking_confirmed"_s, true},
                  {u"financial_value_cents"_s, 600000},
                  {u"matched_services"_s, u"{Rhinoplasty}"_s},
                  {u"lead_score"_s, 85},
                  {u"recording_url"_s, u"https://recordings.test/booked.wav"_s},
                  {u"stereo_recording_url"_s, u"https://recordings.test/booked-stereo.wav"_s},
                  {u"recording_status"_s, u"completed"_s},
                  {u"transfer_to"_s, u"+15559990000"_s},
                  {u"transfer_reason"_s, u"asked for a nurse"_s},
                  {u"transfer_time"_s, u"2025-03-05T15:03:00Z"_s},
                  {u"ended_reason"_s, u"customer-ended-call"_s},
                  {u"messages"_s,
                   QJsonArray{QJsonObject{{u"role"_s, u"bot"_s},
                                          {u"message"_s, u"Thank you for calling."_s},
                                          {u"time"_s, 1741186800000.0},
                                          {u"secondsFromStart"_s, 0.5}},
                              QJsonObject{{u"role"_s, u"user"_s},
                                          {u"message"_s, u"I would like a rhinoplasty."_s},
                                          {u"time"_s, 1741186803000.0},
                                          {u"secondsFromStart"_s, 3.2}}}}});
        seedCall(u"outbound"_s, {{u"occurred_at"_s, u"2025-03-04T15:00:00Z"_s},
                                 {u"direction"_s, u"outbound"_s},
                                 {u"status"_s, u"ended"_s},
                                 {u"phone_number"_s, u"+15550005678"_s},
                                 {u"caller_name"_s, u"Mark Outbound"_s},
                                 {u"sentiment_label"_s, u"neutral"_s},
                                 {u"transcript"_s, u"Calling back about botox pricing"_s}});
        seedCall(u"failed"_s, {{u"occurred_at"_s, u"2025-03-03T15:00:00Z"_s},
                               {u"direction"_s, u"inbound"_s},
                               {u"status"_s, u"failed"_s},
                               {u"phone_number"_s, u"+447700900123"_s},
                               {u"sentiment_label"_s, u"negative"_s}});
        seedCall(u"ringing"_s, {{u"occurred_at"_s, u"2025-03-06T15:00:00Z"_s},
                                {u"direction"_s, u"inbound"_s},
                                {u"status"_s, u"ringing"_s},
                                {u"phone_number"_s, u"+15550009999"_s}});
    }

    void listItemsHaveTheDocumentedFields()
    {
        const HttpReply reply = staff()->get(u"/api/calls-dashboard?search=rhinoplasty"_s);
        QCOMPARE(reply.status, 200);
        const QJsonArray items = reply.json().value(u"items"_s).toArray();
        QCOMPARE(items.size(), 1);
        const QJsonObject call = items.first().toObject();
        for (const QString &field : {u"id"_s,
                                     u"vapi_call_id"_s,
                                     u"occurred_at"_s,
                                     u"started_at"_s,
                                     u"ended_at"_s,
                                     u"duration_seconds"_s,
                                     u"direction"_s,
                                     u"call_type"_s,
                                     u"status"_s,
                                     u"phone_number"_s,
                                     u"caller_name"_s,
                                     u"contact_id"_s,
                                     u"contact_name"_s,
                                     u"sentiment_label"_s,
                                     u"sentiment_score"_s,
                                     u"sentiment_urgency"_s,
                                     u"booking_confirmed"_s,
                                     u"financial_value"_s,
                                     u"financial_value_cents"_s,
                                     u"recording_status"_s,
                                     u"has_recording"_s,
                                     u"has_transcript"_s,
                                     u"summary"_s,
                                     u"transfer_to"_s})
            QVERIFY2(call.contains(field), qPrintable(field));
        QCOMPARE(call.value(u"call_type"_s).toString(), u"inbound"_s);
        QCOMPARE(call.value(u"financial_value"_s).toDouble(), 6000.0);
        QCOMPARE(call.value(u"financial_value_cents"_s).toInteger(), 600000);
        QCOMPARE(call.value(u"contact_name"_s).toString(), u"Jane Smith"_s);
        QCOMPARE(call.value(u"has_recording"_s).toBool(), true);
        QCOMPARE(call.value(u"has_transcript"_s).toBool(), true);
        QCOMPARE(call.value(u"sentiment_score"_s).toDouble(), 0.8);
        QVERIFY(call.value(u"occurred_at"_s).toString().startsWith(u"2025-03-05T15:00:00"_s));
        QVERIFY(!call.contains(u"transcript"_s)); // the list stays light
    }

    void filtersSelectTheRightCalls_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("labels");
        QTest::newRow("all, newest first")
            << QString() << QStringList{u"ringing"_s, u"booked"_s, u"outbound"_s, u"failed"_s};
        QTest::newRow("from (inclusive)")
            << u"from=2025-03-05T15:00:00Z"_s << QStringList{u"ringing"_s, u"booked"_s};
        QTest::newRow("to (exclusive), with an offset")
            << u"to=2025-03-05T10:00:00-05:00"_s << QStringList{u"outbound"_s, u"failed"_s};
        QTest::newRow("from and to") << u"from=2025-03-04T00:00:00Z&to=2025-03-06T00:00:00Z"_s
                                     << QStringList{u"booked"_s, u"outbound"_s};
        QTest::newRow("direction") << u"direction=outbound"_s << QStringList{u"outbound"_s};
        QTest::newRow("status") << u"status=failed"_s << QStringList{u"failed"_s};
        QTest::newRow("sentiment") << u"sentiment=negative"_s << QStringList{u"failed"_s};
        QTest::newRow("has a recording") << u"has_recording=true"_s << QStringList{u"booked"_s};
        QTest::newRow("has no recording")
            << u"has_recording=false"_s << QStringList{u"ringing"_s, u"outbound"_s, u"failed"_s};
        QTest::newRow("transcript word") << u"search=BOTOX"_s << QStringList{u"outbound"_s};
        QTest::newRow("name prefix") << u"search=jan"_s << QStringList{u"booked"_s};
        QTest::newRow("two words, both needed")
            << u"search=rhinoplasty%20week"_s << QStringList{u"booked"_s};
        QTest::newRow("phone digits") << u"search=555-000-99"_s << QStringList{u"ringing"_s};
        QTest::newRow("international digits") << u"search=7700900"_s << QStringList{u"failed"_s};
        QTest::newRow("tsquery syntax is just text")
            << u"search=%27%20%26%20!%20%7C%20:*"_s << QStringList{};
        QTest::newRow("nothing matches") << u"search=liposuction"_s << QStringList{};
        QTest::newRow("filters combine")
            << u"direction=inbound&sentiment=positive&has_recording=true"_s
            << QStringList{u"booked"_s};
    }
    void filtersSelectTheRightCalls()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, labels);
        const HttpReply reply = staff()->get(u"/api/calls-dashboard?"_s + query);
        QCOMPARE(reply.status, 200);
        QCOMPARE(labelsOf(reply), labels);
    }

    void invalidFiltersAre400_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("time without offset") << u"from=2025-03-05T15:00:00"_s << u"from"_s;
        QTest::newRow("not a time") << u"to=yesterday"_s << u"to"_s;
        QTest::newRow("direction") << u"direction=sideways"_s << u"direction"_s;
        QTest::newRow("status") << u"status=completed"_s << u"status"_s;
        QTest::newRow("sentiment") << u"sentiment=angry"_s << u"sentiment"_s;
        QTest::newRow("has_recording") << u"has_recording=yes"_s << u"has_recording"_s;
        QTest::newRow("search too long") << u"search="_s + QString(101, u'a') << u"search"_s;
        QTest::newRow("limit") << u"limit=-1"_s << u"limit"_s;
        QTest::newRow("cursor") << u"cursor=%5B%5D"_s << u"cursor"_s;
    }
    void invalidFiltersAre400()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const HttpReply reply = staff()->get(u"/api/calls-dashboard?"_s + query);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json().value(u"field"_s).toString(), field);
    }

    void pagesAreStableWithTiesAndNewCalls()
    {
        // Seven calls at the very same instant: only the id orders them.
        for (int i = 0; i < 7; ++i)
            seedCall(u"tie%1"_s.arg(i), {{u"occurred_at"_s, u"2025-02-01T12:00:00Z"_s},
                                         {u"phone_number"_s, u"+1555000700%1"_s.arg(i)}});
        auto client = staff();
        const QString filter = u"/api/calls-dashboard?to=2025-02-02T00:00:00Z&limit=3"_s;
        QStringList seen;
        QString cursor;
        int pages = 0;
        do {
            const HttpReply page =
                client->get(filter + (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor));
            QCOMPARE(page.status, 200);
            seen += vox::test::idsOf(page.json().value(u"items"_s).toArray());
            cursor = page.json().value(u"next_cursor"_s).toString();
            if (pages == 0) // a newer call arrives after the first page
                seedCall(u"late"_s, {{u"occurred_at"_s, u"2025-02-01T12:00:00Z"_s},
                                     {u"id"_s, u"ffffffff-ffff-4fff-bfff-ffffffffffff"_s}});
            ++pages;
        } while (!cursor.isEmpty() && pages < 10);
        QCOMPARE(pages, 3);
        QCOMPARE(seen.size(), 7);
        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 7);
        QStringList sorted = seen;
        std::sort(sorted.begin(), sorted.end(), std::greater<>());
        QCOMPARE(seen, sorted); // id descending within the instant
    }

    void detailHasTranscriptMessagesRecordingAndAnalytics()
    {
        const HttpReply reply = staff()->get(u"/api/calls-dashboard/"_s + m_calls[u"booked"_s]);
        QCOMPARE(reply.status, 200);
        const QJsonObject call = reply.json();
        QCOMPARE(call.value(u"transcript"_s).toString(),
                 u"I would like a rhinoplasty consultation next week"_s);
        // The recording is played through the server: its provider's address stays there.
        QVERIFY(call.value(u"has_recording"_s).toBool());
        QVERIFY(!call.contains(u"recording_url"_s));
        QVERIFY(!call.contains(u"stereo_recording_url"_s));
        QVERIFY(!reply.body.contains("recordings.test"));
        QCOMPARE(call.value(u"transfer_reason"_s).toString(), u"asked for a nurse"_s);
        QCOMPARE(call.value(u"ended_reason"_s).toString(), u"customer-ended-call"_s);
        QCOMPARE(call.value(u"matched_services"_s).toArray(), QJsonArray{u"Rhinoplasty"_s});
        QCOMPARE(call.value(u"lead_score"_s).toInt(), 85);
        QCOMPARE(call.value(u"has_transcript"_s).toBool(), true);
        const QJsonArray messages = call.value(u"messages"_s).toArray();
        QCOMPARE(messages.size(), 2);
        const QJsonObject first = messages.at(0).toObject();
        QCOMPARE(first.value(u"role"_s).toString(), u"assistant"_s);
        QCOMPARE(first.value(u"message"_s).toString(), u"Thank you for calling."_s);
        QCOMPARE(first.value(u"seconds_from_start"_s).toDouble(), 0.5);
        QCOMPARE(messages.at(1).toObject().value(u"role"_s).toString(), u"user"_s);
        const QJsonObject analytics = call.value(u"analytics"_s).toObject();
        QCOMPARE(analytics.value(u"sentiment_label"_s).toString(), u"positive"_s);
        QCOMPARE(analytics.value(u"booking_confirmed"_s).toBool(), true);
        QCOMPARE(analytics.value(u"financial_value"_s).toDouble(), 6000.0);

        const HttpReply bare = staff()->get(u"/api/calls-dashboard/"_s + m_calls[u"ringing"_s]);
        QCOMPARE(bare.status, 200);
        QCOMPARE(bare.json().value(u"messages"_s).toArray(), QJsonArray{});
        QCOMPARE(bare.json().value(u"has_transcript"_s).toBool(), false);
        QVERIFY(bare.json().value(u"transcript"_s).isNull());
    }

    void detailOfAnUnknownIdIs404()
    {
        QCOMPARE(
            staff()->get(u"/api/calls-dashboard/8a7c0e9e-0000-4000-8000-000000000000"_s).status,
            404);
        QCOMPARE(staff()->get(u"/api/calls-dashboard/12345"_s).status, 404);
    }

    // The plan the list runs at scale: one org's rows are an index range read newest first and
    // stopped after a page, whatever page it is, not a sort over the org's whole history.
    void theListIsAnIndexRangeAtScale_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("first page") << u"limit=50"_s;
        QTest::newRow("deep page")
            << u"limit=50&cursor="_s +
                   vox::server::encodeCursor(
                       {u"2025-01-01 00:00:00+00"_s, u"00000000-0000-4000-8000-000000000000"_s});
        QTest::newRow("filtered") << u"limit=50&direction=inbound&has_recording=false"_s;
    }
    void theListIsAnIndexRangeAtScale()
    {
        QFETCH(QString, query);
        static bool seeded = false;
        const QString bigOrg = u"b16b16b1-0000-4000-8000-000000000001"_s;
        if (!seeded) {
            // 40 clinics of 2,500 calls each.
            const auto inserted = m_admin->execScript(
                "INSERT INTO organizations (id, name) SELECT ('b16b16b1-0000-4000-8000-' || "
                "lpad(g::text, 12, '0'))::uuid, 'Clinic ' || g FROM generate_series(1, 40) g; "
                "INSERT INTO call_logs (org_id, occurred_at, direction, status, phone_number, "
                "duration_seconds, transcript) SELECT o.id, now() - make_interval(mins => g), "
                "CASE WHEN g % 3 = 0 THEN 'outbound' ELSE 'inbound' END, 'ended', "
                "'+1555' || lpad(g::text, 7, '0'), g % 600, 'caller asked about botox' "
                "FROM organizations o, generate_series(1, 2500) g "
                "WHERE o.name LIKE 'Clinic %'; ANALYZE call_logs; ANALYZE contacts;");
            QVERIFY2(inserted.ok(),
                     qPrintable(inserted.ok() ? QString() : inserted.errorMessage()));
            seeded = true;
        }
        vox::http::Request request;
        request.query = QUrlQuery(query);
        auto statement = vox::server::callListStatement(request, bigOrg);
        QVERIFY(statement.ok());

        auto app = m_db->connect();
        const QByteArray claims =
            QJsonDocument(QJsonObject{{u"role"_s, u"authenticated"_s},
                                      {u"app_metadata"_s, QJsonObject{{u"org_id"_s, bigOrg}}}})
                .toJson(QJsonDocument::Compact);
        QVERIFY(app->execScript("BEGIN; SELECT set_config('role', 'authenticated', true), "
                                "set_config('request.jwt.claims', " +
                                app->literal(claims) + ", true)")
                    .ok());
        auto plan = app->execUncached("EXPLAIN (ANALYZE, FORMAT TEXT) " + statement->sql,
                                      statement->query.params());
        QVERIFY2(plan.ok(), qPrintable(plan.ok() ? QString() : plan.errorMessage()));
        QString text;
        for (int r = 0; r < plan->rowCount(); ++r)
            text += plan->text(r, 0) + u'\n';
        (void)app->execScript("ROLLBACK");
        QVERIFY2(text.contains(u"call_logs_org_time"_s), qPrintable(text));
        QVERIFY2(!text.contains(u"Seq Scan on call_logs"_s), qPrintable(text));
        QVERIFY2(!text.contains(u"Sort Key"_s), qPrintable(text));
    }
};

QTEST_GUILESS_MAIN(TestCalls)
#include "tst_calls.moc"
