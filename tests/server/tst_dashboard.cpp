// Dashboard aggregates (PRD §16): pipeline value, success rate = booked inbound calls / inbound
// calls x 100, average duration, per-day series, calls today and this week counted in the
// clinic's own time zone, hot leads; and recent activity, the last ten live events.
#include "clinicfixture.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;
using vox::test::HttpClient;
using vox::test::HttpReply;

namespace {
// UTC+14: the clinic's "today" is a different date from UTC's for most of the day.
const QString zone = u"Pacific/Kiritimati"_s;
} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::TestDatabase> m_db;
    std::unique_ptr<vox::test::TestServer> m_server;
    std::unique_ptr<vox::db::Connection> m_admin;
    vox::test::Clinic m_clinic;

    std::unique_ptr<HttpClient> staff()
    {
        auto client = m_server->client();
        client->setToken(m_clinic.staffToken);
        return client;
    }

    // A call at an instant computed in SQL (relative to the clinic's local midnight).
    void seedCall(const QByteArray &when, const QString &direction, bool booked, int seconds,
                  qint64 cents)
    {
        auto inserted = m_admin->execUncached(
            "INSERT INTO call_logs (org_id, occurred_at, direction, booking_confirmed, "
            "duration_seconds, financial_value_cents, status) SELECT $1::uuid, " +
                when +
                ", $2, $3::boolean, $4::int, $5::bigint, 'ended' FROM "
                "(SELECT date_trunc('day', now() AT TIME ZONE $6) AT TIME ZONE $6 AS "
                "midnight) m",
            {m_clinic.orgId, direction, booked, seconds, cents, zone});
        QVERIFY2(inserted.ok(), qPrintable(inserted.ok() ? QString() : inserted.errorMessage()));
    }

    QJsonObject summary(const QString &range)
    {
        const HttpReply reply = staff()->get(u"/api/dashboard/summary?range="_s + range);
        if (reply.status != 200)
            qWarning("summary(%s): %d %s", qPrintable(range), reply.status, reply.body.constData());
        return reply.json();
    }

    static QDate localToday()
    {
        return QDateTime::currentDateTime().toTimeZone(QTimeZone(zone.toLatin1())).date();
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<vox::test::TestDatabase>(u"dashboard"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_server = std::make_unique<vox::test::TestServer>(*m_db);
        QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
        m_admin = m_db->connectAsAdmin();
        m_clinic = vox::test::createClinic(m_server->url(), u"Island Clinic"_s, zone);
        QVERIFY(!m_clinic.orgId.isEmpty());

        // The calls are placed by the clinic's midnight and the test reads "today" for the
        // rest of its run: it does not start in the clinic's last minute of the day.
        QTRY_VERIFY_WITH_TIMEOUT(
            QDateTime::currentDateTimeUtc().toTimeZone(QTimeZone(zone.toLatin1())).time() <
                QTime(23, 59),
            65000);
        seedCall("now()", u"inbound"_s, true, 120, 40000);
        seedCall("m.midnight - interval '1 minute'", u"inbound"_s, false, 60, 0);
        seedCall("m.midnight - interval '8 days'", u"outbound"_s, true, 300, 600000);
        seedCall("m.midnight - interval '40 days'", u"inbound"_s, true, 100, 150000);
        const QStringList temperatures{u"hot"_s, u"hot"_s, u"warm"_s};
        for (qsizetype i = 0; i < temperatures.size(); ++i) {
            vox::test::insertRow(*m_admin, u"contacts"_s, m_clinic.orgId,
                                 {{u"phone"_s, u"+155500020%1"_s.arg(i)},
                                  {u"lead_temperature"_s, temperatures.at(i)}});
        }
    }

    void summaryAggregatesTheRange_data()
    {
        QTest::addColumn<QString>("range");
        QTest::addColumn<int>("total");
        QTest::addColumn<int>("inbound");
        QTest::addColumn<int>("booked");
        QTest::addColumn<double>("successRate");
        QTest::addColumn<double>("pipeline");
        QTest::addColumn<int>("averageDuration");
        QTest::addColumn<int>("days");
        QTest::newRow("today") << u"today"_s << 1 << 1 << 1 << 100.0 << 400.0 << 120 << 1;
        QTest::newRow("7 days") << u"7d"_s << 2 << 2 << 1 << 50.0 << 400.0 << 90 << 7;
        QTest::newRow("30 days") << u"30d"_s << 3 << 2 << 2 << 50.0 << 6400.0 << 160 << 30;
        QTest::newRow("90 days") << u"90d"_s << 4 << 3 << 3 << 66.7 << 7900.0 << 145 << 90;
        QTest::newRow("all, from the first call")
            << u"all"_s << 4 << 3 << 3 << 66.7 << 7900.0 << 145 << 41;
    }
    void summaryAggregatesTheRange()
    {
        QFETCH(QString, range);
        QFETCH(int, total);
        QFETCH(int, inbound);
        QFETCH(int, booked);
        QFETCH(double, successRate);
        QFETCH(double, pipeline);
        QFETCH(int, averageDuration);
        QFETCH(int, days);
        const QJsonObject s = summary(range);
        QCOMPARE(s.value(u"range"_s).toString(), range);
        QCOMPARE(s.value(u"time_zone"_s).toString(), zone);
        QCOMPARE(s.value(u"total_calls"_s).toInt(), total);
        QCOMPARE(s.value(u"inbound_calls"_s).toInt(), inbound);
        QCOMPARE(s.value(u"outbound_calls"_s).toInt(), total - inbound);
        QCOMPARE(s.value(u"booked_calls"_s).toInt(), booked);
        QCOMPARE(s.value(u"success_rate"_s).toDouble(), successRate);
        QCOMPARE(s.value(u"pipeline_value"_s).toDouble(), pipeline);
        QCOMPARE(s.value(u"pipeline_value_cents"_s).toInteger(), qint64(pipeline * 100));
        QCOMPARE(s.value(u"average_duration_seconds"_s).toInt(), averageDuration);
        QCOMPARE(s.value(u"hot_leads"_s).toInt(), 2);

        const QJsonArray perDay = s.value(u"per_day"_s).toArray();
        QCOMPARE(perDay.size(), days);
        int calls = 0;
        for (const QJsonValue &day : perDay)
            calls += day.toObject().value(u"calls"_s).toInt();
        QCOMPARE(calls, total);
        const QJsonObject today = perDay.last().toObject();
        QCOMPARE(today.value(u"date"_s).toString(), localToday().toString(Qt::ISODate));
        QCOMPARE(today.value(u"calls"_s).toInt(), 1);
        QCOMPARE(today.value(u"bookings"_s).toInt(), 1);

        // The range ends at the clinic's next midnight.
        const QDateTime to = QDateTime::fromString(s.value(u"to"_s).toString(), Qt::ISODateWithMs);
        QCOMPARE(to, QDateTime(localToday().addDays(1), QTime(0, 0), QTimeZone(zone.toLatin1())));
        if (range == u"all")
            QVERIFY(s.value(u"from"_s).isNull());
        else
            QCOMPARE(
                QDateTime::fromString(s.value(u"from"_s).toString(), Qt::ISODateWithMs),
                QDateTime(localToday().addDays(1 - days), QTime(0, 0), QTimeZone(zone.toLatin1())));
    }

    void todayAndThisWeekFollowTheClinicsCalendar()
    {
        const QJsonObject s = summary(u"90d"_s);
        QCOMPARE(s.value(u"calls_today"_s).toInt(), 1);
        // The call a minute before local midnight is this week's unless today is a Monday.
        const int expectedWeek = localToday().dayOfWeek() == 1 ? 1 : 2;
        QCOMPARE(s.value(u"calls_this_week"_s).toInt(), expectedWeek);
    }

    void summaryDefaultsToSevenDaysAndRejectsUnknownRanges()
    {
        const HttpReply plain = staff()->get(u"/api/dashboard/summary"_s);
        QCOMPARE(plain.status, 200);
        QCOMPARE(plain.json().value(u"range"_s).toString(), u"7d"_s);
        const HttpReply bad = staff()->get(u"/api/dashboard/summary?range=1y"_s);
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.json().value(u"field"_s).toString(), u"range"_s);
    }

    void aClinicWithoutCallsHasZeroesNotErrors()
    {
        const vox::test::Clinic empty = vox::test::createClinic(m_server->url(), u"Empty"_s);
        HttpClient client(m_server->url());
        client.setToken(empty.staffToken);
        const HttpReply reply = client.get(u"/api/dashboard/summary?range=all"_s);
        QCOMPARE(reply.status, 200);
        const QJsonObject s = reply.json();
        QCOMPARE(s.value(u"total_calls"_s).toInt(), 0);
        QCOMPARE(s.value(u"success_rate"_s).toDouble(), 0.0);
        QCOMPARE(s.value(u"average_duration_seconds"_s).toInt(), 0);
        QCOMPARE(s.value(u"pipeline_value"_s).toDouble(), 0.0);
        QCOMPARE(s.value(u"per_day"_s).toArray().size(), 1);
    }

    // The feed's rule itself is core/activityfeed (tst_activityfeed); here: the server applies
    // it, keeps ten, newest first, and reads past the bookkeeping to fill the list.
    void recentActivityIsTheLastTenEventsWorthALineNewestFirst()
    {
        QStringList calls;
        for (int i = 0; i < 12; ++i) {
            auto call = m_admin->exec("INSERT INTO events (org_id, type, entity_type, entity_id, "
                                      "payload) VALUES ($1::uuid, 'call.created', 'call', "
                                      "gen_random_uuid(), '{}') RETURNING entity_id",
                                      {m_clinic.orgId});
            QVERIFY(call.ok());
            calls.append(call->text(0, 0));
            // What each call also causes, and the feed leaves out.
            QVERIFY(m_admin->exec("INSERT INTO events (org_id, type, entity_type, payload) "
                                  "SELECT $1::uuid, t, 'contact', '{}' FROM unnest(ARRAY["
                                  "'contact.created', 'contact.updated', 'contact.updated']) t",
                                  {m_clinic.orgId}));
        }
        const HttpReply reply = staff()->get(u"/api/dashboard/recent-activity"_s);
        QCOMPARE(reply.status, 200);
        const QJsonArray items = reply.json().value(u"items"_s).toArray();
        QCOMPARE(items.size(), 10);
        qint64 previous = std::numeric_limits<qint64>::max();
        QStringList entities;
        for (const QJsonValue &item : items) {
            const QJsonObject event = item.toObject();
            QVERIFY(event.value(u"id"_s).toInteger() < previous);
            previous = event.value(u"id"_s).toInteger();
            QCOMPARE(event.value(u"type"_s).toString(), u"call.created"_s);
            QCOMPARE(event.value(u"entity_type"_s).toString(), u"call"_s);
            QVERIFY(event.value(u"payload"_s).isObject());
            QVERIFY(!event.value(u"created_at"_s).toString().isEmpty());
            entities.append(event.value(u"entity_id"_s).toString());
        }
        std::reverse(calls.begin(), calls.end());
        QCOMPARE(entities, calls.mid(0, 10));
    }
};

QTEST_GUILESS_MAIN(TestDashboard)
#include "tst_dashboard.moc"
