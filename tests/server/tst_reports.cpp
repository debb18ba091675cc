// Reports (GET /api/reports/...): every figure equals a plain SQL count over the same rows, in
// the clinic's calendar (a New York clinic across the March change to daylight saving time),
// for the asked range and for the same number of days before it. Fixed dates throughout.
#include "clinicfixture.h"
#include "core/reportrange.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::test::HttpClient;
using vox::test::HttpReply;

namespace {
const QString zone = u"America/New_York"_s;
// Two weeks with the switch to daylight saving time (2026-03-08) inside; the two weeks before
// are the comparison.
const QString from = u"2026-03-02"_s;
const QString to = u"2026-03-15"_s;
} // namespace

class TestReports : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::TestDatabase> m_db;
    std::unique_ptr<vox::test::TestServer> m_server;
    std::unique_ptr<vox::db::Connection> m_admin;
    vox::test::Clinic m_clinic;

    QJsonObject report(const QString &name, const QString &first = from, const QString &last = to)
    {
        HttpClient client(m_server->url());
        client.setToken(m_clinic.staffToken);
        const HttpReply reply =
            client.get(u"/api/reports/%1?from=%2&to=%3"_s.arg(name, first, last));
        if (reply.status != 200)
            qWarning("%s: %d %s", qPrintable(name), reply.status, reply.body.constData());
        return reply.json();
    }

    // One value computed by SQL written here, apart from the server's: $1 org, $2 first day,
    // $3 last day, $4 time zone. Rows are picked by their local date, not by instants.
    QJsonValue sql(const QByteArray &statement, const QString &first, const QString &last)
    {
        const QByteArray wrapped = "WITH c AS (SELECT *, (occurred_at AT TIME ZONE $4)::date AS "
                                   "day, (transfer_to IS NOT NULL OR transfer_reason IS NOT NULL "
                                   "OR transfer_time IS NOT NULL OR status = 'forwarding') AS tr "
                                   "FROM call_logs WHERE org_id = $1::uuid AND (occurred_at AT "
                                   "TIME ZONE $4)::date BETWEEN $2::date AND $3::date) "
                                   "SELECT json_build_array((" +
                                   statement + "))::text";
        auto row = m_admin->execUncached(wrapped, {m_clinic.orgId, first, last, zone});
        if (!row) {
            qWarning("%s", qPrintable(row.errorMessage()));
            return {};
        }
        return QJsonDocument::fromJson(row->text(0, 0).toUtf8()).array().at(0);
    }

    static QString previousFrom()
    {
        return vox::reports::previousPeriod(
                   {QDate::fromString(from, Qt::ISODate), QDate::fromString(to, Qt::ISODate)})
            .from.toString(Qt::ISODate);
    }
    static QString previousTo()
    {
        return QDate::fromString(from, Qt::ISODate).addDays(-1).toString(Qt::ISODate);
    }

    // Each figure of a report and the SQL that must give it, for both periods.
    void compareFigures(const QString &name, const QList<std::pair<QString, QByteArray>> &figures)
    {
        const QJsonObject r = report(name);
        QCOMPARE(r.value(u"report"_s).toString(), name);
        QCOMPARE(r.value(u"time_zone"_s).toString(), zone);
        for (const auto &[period, first, last] :
             {std::tuple{u"current"_s, from, to},
              std::tuple{u"previous"_s, previousFrom(), previousTo()}}) {
            const QJsonObject figuresOf = r.value(period).toObject();
            QCOMPARE(figuresOf.value(u"from"_s).toString(), first);
            QCOMPARE(figuresOf.value(u"to"_s).toString(), last);
            for (const auto &[figure, statement] : figures) {
                const QJsonValue expected = sql(statement, first, last);
                const QJsonValue actual = figuresOf.value(figure);
                QVERIFY2(!expected.isUndefined(), qPrintable(figure));
                QVERIFY2(
                    expected == actual,
                    qPrintable(u"%1 %2 %3: server %4, SQL %5"_s.arg(
                        name, period, figure,
                        QString::fromUtf8(
                            QJsonDocument(QJsonArray{actual}).toJson(QJsonDocument::Compact)),
                        QString::fromUtf8(
                            QJsonDocument(QJsonArray{expected}).toJson(QJsonDocument::Compact)))));
            }
            // The report has a "how computed" line for each of its top-level figures.
            QVERIFY(!r.value(u"how_computed"_s).toObject().isEmpty());
        }
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<vox::test::TestDatabase>(u"reports"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_server = std::make_unique<vox::test::TestServer>(*m_db);
        QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
        m_admin = m_db->connectAsAdmin();
        m_clinic = vox::test::createClinic(m_server->url(), u"Report Clinic"_s, zone);
        QVERIFY(!m_clinic.orgId.isEmpty());

        const auto run = [&](const QByteArray &statement) {
            auto done = m_admin->execUncached(statement, {m_clinic.orgId});
            QVERIFY2(done.ok(), qPrintable(done.ok() ? QString() : done.errorMessage()));
        };
        // Open Monday to Friday, 9:00-12:30 and 13:30-17:00.
        run("DELETE FROM business_hours WHERE org_id = $1::uuid");
        run("INSERT INTO business_hours (org_id, weekday, opens_at, closes_at) "
            "SELECT $1::uuid, d, o, c FROM generate_series(1, 5) d, "
            "(VALUES (time '09:00', time '12:30'), (time '13:30', time '17:00')) h(o, c)");
        run("INSERT INTO contacts (org_id, phone) SELECT $1::uuid, '+1555010' || lpad(i::text, 4, "
            "'0') FROM generate_series(1, 25) i");
        run("INSERT INTO services (org_id, name, price_cents, active) "
            "VALUES ($1::uuid, 'Retired Peel', 12300, false)");
        // 600 calls every 97 minutes from 2026-02-10: both periods and a little outside them.
        // The kinds vary with i so that every classification and bucket has some.
        run(R"SQL(
INSERT INTO call_logs (org_id, occurred_at, direction, status, duration_seconds,
                       booking_confirmed, financial_value_cents, matched_services,
                       sentiment_score, sentiment_label, success_evaluation, transfer_reason,
                       transfer_to, contact_id)
SELECT $1::uuid, timestamptz '2026-02-10 00:13:00-05' + i * interval '97 minutes',
       CASE WHEN i % 5 = 0 THEN 'outbound' ELSE 'inbound' END,
       CASE WHEN i % 13 = 0 THEN 'failed' WHEN i % 29 = 0 THEN 'in-progress'
            WHEN i % 31 = 0 THEN 'forwarding' ELSE 'ended' END,
       CASE WHEN i % 11 = 0 THEN 0 WHEN i % 19 = 0 THEN NULL ELSE (i * 37) % 900 END,
       i % 4 = 1,
       (i % 7) * 5000,
       CASE i % 6 WHEN 0 THEN '{}'::text[] WHEN 1 THEN ARRAY['Botox']
            WHEN 2 THEN ARRAY['Botox', 'Fillers'] WHEN 3 THEN ARRAY['Rhinoplasty']
            WHEN 4 THEN ARRAY['Retired Peel'] ELSE ARRAY['Consultation'] END,
       CASE WHEN i % 9 = 0 THEN NULL ELSE ((i * 53) % 201 - 100) / 100.0 END,
       CASE WHEN i % 9 = 0 THEN NULL WHEN (i * 53) % 201 > 130 THEN 'positive'
            WHEN (i * 53) % 201 < 70 THEN 'negative' ELSE 'neutral' END,
       CASE i % 3 WHEN 0 THEN 'true' WHEN 1 THEN 'false' ELSE NULL END,
       CASE WHEN i % 8 = 3 THEN (ARRAY['The caller asked for a person.',
                                       'The transfer target was busy.', ''])[1 + i % 3]
            END,
       CASE WHEN i % 16 = 3 THEN '+15550009999' END,
       (SELECT id FROM contacts ct WHERE ct.org_id = $1::uuid
        ORDER BY ct.phone OFFSET i % 23 LIMIT 1)
FROM generate_series(0, 599) i
)SQL");
        // The booked calls' appointments, a day after each call; statuses vary.
        run(R"SQL(
WITH booked AS (
    SELECT c.id, c.occurred_at, row_number() OVER (ORDER BY c.occurred_at) AS n
    FROM call_logs c WHERE c.org_id = $1::uuid AND c.booking_confirmed
), made AS (
    INSERT INTO appointments (org_id, service_id, service_name, starts_at, ends_at, status, call_id)
    SELECT $1::uuid,
           CASE WHEN n % 5 = 4 THEN NULL ELSE (SELECT id FROM services s WHERE s.org_id = $1::uuid
                AND s.active ORDER BY s.name OFFSET n % 3 LIMIT 1) END,
           CASE WHEN n % 5 = 4 THEN 'Walk-in special' END,
           b.occurred_at + interval '1 day', b.occurred_at + interval '1 day 30 minutes',
           (ARRAY['completed', 'cancelled', 'confirmed', 'completed'])[1 + n % 4], b.id
    FROM booked b
    RETURNING id, call_id
)
UPDATE call_logs c SET appointment_id = made.id FROM made WHERE c.id = made.call_id
)SQL");
        // Failed tool calls every 7 hours, of every kind, across both periods and outside them.
        run(R"SQL(
INSERT INTO tool_errors (org_id, tool, kind, occurred_at)
SELECT $1::uuid, 'bookClinicAppointment',
       (ARRAY['booking_refused', 'unknown_service', 'slot_taken', 'appointment_not_found',
              'unknown_tool', 'bad_arguments', 'system_error'])[1 + (i * 3) % 7],
       timestamptz '2026-02-10 02:41:00-05' + i * interval '7 hours'
FROM generate_series(0, 139) i WHERE i % 5 <> 4
)SQL");
        // Reviews of every third call, scores and tags varying.
        run(R"SQL(
INSERT INTO call_reviews (call_id, org_id, score, tags)
SELECT c.id, $1::uuid, 1 + n % 5,
       CASE n % 5 WHEN 0 THEN ARRAY['great'] WHEN 1 THEN ARRAY['wrong price', 'too long']
            WHEN 2 THEN '{}'::text[] WHEN 3 THEN ARRAY['should have transferred']
            ELSE ARRAY['great', 'too long'] END
FROM (SELECT id, row_number() OVER (ORDER BY occurred_at) AS n FROM call_logs
      WHERE org_id = $1::uuid) c
WHERE c.n % 3 = 0
)SQL");
        // Texts and e-mails every 5 hours: reminders, text-backs, replies, of every outcome.
        run(R"SQL(
INSERT INTO messages (org_id, direction, method, purpose, recipient, content, status, reply_kind,
                      created_at)
SELECT $1::uuid, CASE WHEN i % 4 = 3 THEN 'inbound' ELSE 'outbound' END,
       CASE WHEN i % 9 = 2 THEN 'email' ELSE 'sms' END,
       CASE WHEN i % 4 = 3 THEN NULL WHEN i % 3 = 0 THEN 'appointment_reminder'
            WHEN i % 3 = 1 THEN 'missed_call_textback' ELSE 'reply' END,
       '+15550100001', 'Hello',
       CASE WHEN i % 4 = 3 THEN 'received'
            ELSE (ARRAY['sent', 'delivered', 'failed', 'queued', 'unknown', 'delivered'])[1 + i % 6]
            END,
       CASE WHEN i % 4 = 3 THEN (ARRAY['confirm', 'opt_out', 'free_text', 'cancel'])[1 + (i / 4) % 4]
            END,
       timestamptz '2026-02-10 01:07:00-05' + i * interval '5 hours'
FROM generate_series(0, 199) i
)SQL");
    }

    void volumeFiguresMatchSql()
    {
        const QByteArray inbound = "direction = 'inbound'";
        const QByteArray notTr = " AND NOT tr";
        compareFigures(
            u"volume"_s,
            {{u"calls"_s, "SELECT count(*) FROM c"},
             {u"inbound"_s, "SELECT count(*) FROM c WHERE " + inbound},
             {u"outbound"_s, "SELECT count(*) FROM c WHERE direction = 'outbound'"},
             {u"transferred"_s, "SELECT count(*) FROM c WHERE " + inbound + " AND tr"},
             {u"missed"_s, "SELECT count(*) FROM c WHERE " + inbound + notTr +
                               " AND (status = 'failed' OR (status = 'ended' AND "
                               "coalesce(duration_seconds, 0) = 0))"},
             {u"ai_answered"_s, "SELECT count(*) FROM c WHERE " + inbound + notTr +
                                    " AND status = 'ended' AND duration_seconds > 0"},
             {u"in_progress"_s, "SELECT count(*) FROM c WHERE " + inbound + notTr +
                                    " AND status NOT IN ('ended', 'failed')"},
             {u"inbound_while_closed"_s,
              "SELECT count(*) FROM c WHERE " + inbound +
                  " AND NOT (extract(isodow FROM occurred_at AT TIME ZONE $4) BETWEEN 1 AND 5 "
                  "AND ((occurred_at AT TIME ZONE $4)::time >= '09:00' AND (occurred_at AT TIME "
                  "ZONE $4)::time < '12:30' OR (occurred_at AT TIME ZONE $4)::time >= '13:30' "
                  "AND (occurred_at AT TIME ZONE $4)::time < '17:00'))"},
             {u"per_day"_s,
              "SELECT json_agg(json_build_object('date', d::date, 'calls', (SELECT count(*) FROM "
              "c WHERE c.day = d::date), 'inbound', (SELECT count(*) FROM c WHERE c.day = d::date "
              "AND " +
                  inbound + "), 'ai_answered', (SELECT count(*) FROM c WHERE c.day = d::date AND " +
                  inbound + notTr +
                  " AND status = 'ended' AND duration_seconds > 0), 'transferred', (SELECT "
                  "count(*) FROM c WHERE c.day = d::date AND " +
                  inbound +
                  " AND tr), 'missed', (SELECT count(*) FROM c WHERE c.day = d::date AND " +
                  inbound + notTr +
                  " AND (status = 'failed' OR (status = 'ended' AND coalesce(duration_seconds, 0) "
                  "= 0)))) ORDER BY d) FROM generate_series($2::date, $3::date, '1 day') d"},
             {u"hour_of_week"_s,
              "SELECT json_agg((SELECT json_agg((SELECT count(*) FROM c WHERE " + inbound +
                  " AND extract(isodow FROM occurred_at AT TIME ZONE $4) = w AND extract(hour "
                  "FROM occurred_at AT TIME ZONE $4) = h) ORDER BY h) FROM generate_series(0, 23) "
                  "h) ORDER BY w) FROM generate_series(1, 7) w"}});
    }

    void theHeatMapKnowsTheOpeningHoursAndSumsToTheInboundCalls()
    {
        const QJsonObject current = report(u"volume"_s).value(u"current"_s).toObject();
        const QJsonArray open = current.value(u"open_hours"_s).toArray();
        const QJsonArray heat = current.value(u"hour_of_week"_s).toArray();
        QCOMPARE(open.size(), 7);
        QCOMPARE(heat.size(), 7);
        int sum = 0;
        for (int day = 0; day < 7; ++day) {
            QCOMPARE(open.at(day).toArray().size(), 24);
            for (int hour = 0; hour < 24; ++hour) {
                const bool expected = day < 5 && hour >= 9 && hour < 17; // 12 and 13 partly
                QCOMPARE(open.at(day).toArray().at(hour).toBool(), expected);
                sum += heat.at(day).toArray().at(hour).toInt();
            }
        }
        QCOMPARE(sum, current.value(u"inbound"_s).toInt());
        QVERIFY(sum > 0);
    }

    void outcomeFiguresMatchSql()
    {
        const QByteArray funnel = "FROM c LEFT JOIN appointments a ON a.id = c.appointment_id AND "
                                  "c.booking_confirmed WHERE c.direction = 'inbound'";
        compareFigures(
            u"outcomes"_s,
            {{u"calls"_s, "SELECT count(*) FROM c WHERE direction = 'inbound'"},
             {u"leads"_s, "SELECT count(DISTINCT contact_id) FROM c WHERE direction = 'inbound'"},
             {u"booked"_s,
              "SELECT count(*) FROM c WHERE direction = 'inbound' AND booking_confirmed"},
             {u"completed"_s, "SELECT count(*) " + funnel + " AND a.status = 'completed'"},
             {u"cancelled"_s, "SELECT count(*) " + funnel + " AND a.status = 'cancelled'"},
             {u"no_show"_s, "SELECT count(*) " + funnel +
                                " AND a.status = 'confirmed' AND a.ends_at < (($3::date + 1)"
                                "::timestamp AT TIME ZONE $4)"},
             {u"success_rate"_s,
              "SELECT round(100.0 * count(*) FILTER (WHERE booking_confirmed) / count(*), 1) "
              "FROM c WHERE direction = 'inbound'"},
             {u"per_day"_s,
              "SELECT json_agg(json_build_object('date', d::date, 'calls', n, 'booked', b, "
              "'success_rate', CASE n WHEN 0 THEN 0 ELSE round(100.0 * b / n, 1) END) ORDER BY "
              "d) FROM (SELECT d, (SELECT count(*) FROM c WHERE c.day = d::date AND direction = "
              "'inbound') n, (SELECT count(*) FROM c WHERE c.day = d::date AND direction = "
              "'inbound' AND booking_confirmed) b FROM generate_series($2::date, $3::date, "
              "'1 day') d) x"}});
    }

    void theFunnelNarrowsAndHasSomethingAtEachStep()
    {
        const QJsonObject f = report(u"outcomes"_s).value(u"current"_s).toObject();
        const auto n = [&](const char *key) { return f.value(QLatin1String(key)).toInt(); };
        QVERIFY(n("calls") > n("leads"));
        QVERIFY(n("leads") > 0 && n("booked") > 0);
        QVERIFY(n("completed") > 0 && n("cancelled") > 0 && n("no_show") > 0);
        QVERIFY(n("booked") >= n("completed") + n("cancelled") + n("no_show"));
    }

    void moneyFiguresMatchSql()
    {
        compareFigures(
            u"money"_s,
            {{u"calls"_s, "SELECT count(*) FROM c"},
             {u"pipeline_cents"_s, "SELECT coalesce(sum(financial_value_cents), 0) FROM c"},
             {u"booked_cents"_s, "SELECT coalesce(sum(financial_value_cents), 0) FROM c WHERE "
                                 "booking_confirmed"},
             {u"average_value_per_call_cents"_s, "SELECT round(avg(financial_value_cents)) FROM c"},
             {u"top_services"_s,
              "SELECT json_agg(name ORDER BY n DESC, name) FROM (SELECT m AS name, count(*) n "
              "FROM c, unnest(matched_services) m GROUP BY m ORDER BY 2 DESC, 1 LIMIT 5) t"}});
    }

    void moneyPerServiceCountsMentionsAndBookingsAtTodaysPrice()
    {
        const QJsonObject money = report(u"money"_s).value(u"current"_s).toObject();
        QHash<QString, QJsonObject> byName;
        for (const QJsonValue &v : money.value(u"per_service"_s).toArray())
            byName.insert(v.toObject().value(u"service"_s).toString(), v.toObject());
        // Every active service is listed, asked about or not; a retired one and a booked name
        // that is no service only when calls name them.
        auto names = m_admin->execUncached(
            "SELECT name, price_cents FROM services WHERE org_id = $1::uuid", {m_clinic.orgId});
        QVERIFY(names.ok());
        for (int r = 0; r < names->rowCount(); ++r) {
            const QString name = names->text(r, 0);
            QVERIFY2(byName.contains(name), qPrintable(name));
            const QJsonObject s = byName.value(name);
            QCOMPARE(s.value(u"price_cents"_s).toInteger(), names->toInt(r, 1));
            const QJsonValue asked =
                sql("SELECT count(*) FROM c WHERE '" + name.toUtf8() + "' = ANY(matched_services)",
                    from, to);
            const QJsonValue booked =
                sql("SELECT count(*) FROM c JOIN appointments a ON a.id = c.appointment_id JOIN "
                    "services s ON s.id = a.service_id WHERE c.booking_confirmed AND s.name = '" +
                        name.toUtf8() + "'",
                    from, to);
            QCOMPARE(s.value(u"asked_calls"_s).toInt(), asked.toInt());
            QCOMPARE(s.value(u"booked_calls"_s).toInt(), booked.toInt());
            QCOMPARE(s.value(u"pipeline_cents"_s).toInteger(),
                     names->toInt(r, 1) * asked.toInteger());
            QCOMPARE(s.value(u"booked_cents"_s).toInteger(),
                     names->toInt(r, 1) * booked.toInteger());
        }
        QVERIFY(byName.value(u"Retired Peel"_s).value(u"asked_calls"_s).toInt() > 0);
        const QJsonObject walkIn = byName.value(u"Walk-in special"_s);
        QCOMPARE(walkIn.value(u"booked_calls"_s).toInt(),
                 sql("SELECT count(*) FROM c JOIN appointments a ON a.id = c.appointment_id "
                     "WHERE c.booking_confirmed AND a.service_name = 'Walk-in special'",
                     from, to)
                     .toInt());
        QCOMPARE(walkIn.value(u"price_cents"_s).toInt(), 0);
        QVERIFY(walkIn.value(u"booked_calls"_s).toInt() > 0);
    }

    void qualityFiguresMatchSql()
    {
        compareFigures(
            u"quality"_s,
            {{u"with_sentiment"_s, "SELECT count(*) FROM c WHERE sentiment_score IS NOT NULL"},
             {u"average_sentiment"_s, "SELECT round(avg(sentiment_score), 3) FROM c"},
             {u"positive"_s, "SELECT count(*) FROM c WHERE sentiment_label = 'positive'"},
             {u"neutral"_s, "SELECT count(*) FROM c WHERE sentiment_label = 'neutral'"},
             {u"negative"_s, "SELECT count(*) FROM c WHERE sentiment_label = 'negative'"},
             {u"sentiment_per_day"_s,
              "SELECT json_agg(json_build_object('date', d::date, 'average', (SELECT "
              "round(avg(sentiment_score), 3) FROM c WHERE c.day = d::date), 'positive', (SELECT "
              "count(*) FROM c WHERE c.day = d::date AND sentiment_label = 'positive'), "
              "'neutral', (SELECT count(*) FROM c WHERE c.day = d::date AND sentiment_label = "
              "'neutral'), 'negative', (SELECT count(*) FROM c WHERE c.day = d::date AND "
              "sentiment_label = 'negative')) ORDER BY d) FROM generate_series($2::date, "
              "$3::date, '1 day') d"},
             {u"call_length"_s,
              "SELECT json_agg(json_build_object('from_seconds', lo, 'to_seconds', hi, 'calls', "
              "(SELECT count(*) FROM c WHERE status = 'ended' AND duration_seconds >= lo AND "
              "(hi IS NULL OR duration_seconds < hi))) ORDER BY lo) FROM (VALUES (0, 30), (30, "
              "60), (60, 120), (120, 300), (300, 600), (600, NULL)) b(lo, hi)"},
             {u"inbound"_s, "SELECT count(*) FROM c WHERE direction = 'inbound'"},
             {u"transferred"_s, "SELECT count(*) FROM c WHERE direction = 'inbound' AND tr"},
             {u"transfer_rate"_s, "SELECT round(100.0 * count(*) FILTER (WHERE tr) / count(*), 1) "
                                  "FROM c WHERE direction = 'inbound'"},
             {u"transfer_reasons"_s,
              "SELECT json_agg(json_build_object('reason', r, 'calls', n) ORDER BY n DESC, r) "
              "FROM (SELECT CASE WHEN coalesce(transfer_reason, '') = '' THEN 'No reason "
              "recorded' ELSE transfer_reason END r, count(*) n FROM c WHERE direction = "
              "'inbound' AND tr GROUP BY 1) x"},
             {u"unresolved"_s,
              "SELECT count(*) FROM c WHERE direction = 'inbound' AND NOT tr AND status = 'ended' "
              "AND duration_seconds > 0 AND NOT booking_confirmed AND success_evaluation IS "
              "DISTINCT FROM 'true'"}});
    }

    // Failed tool calls and call reviews, in the same quality report.
    void toolErrorAndReviewFiguresMatchSql()
    {
        const QByteArray errors = "(SELECT kind, (occurred_at AT TIME ZONE $4)::date AS day FROM "
                                  "tool_errors WHERE org_id = $1::uuid AND (occurred_at AT TIME "
                                  "ZONE $4)::date BETWEEN $2::date AND $3::date) e";
        const QByteArray reviews = "c JOIN call_reviews r ON r.call_id = c.id";
        compareFigures(
            u"quality"_s,
            {{u"tool_errors"_s, "SELECT count(*) FROM " + errors},
             {u"tool_errors_by_kind"_s,
              "SELECT json_agg(json_build_object('kind', kind, 'errors', n) ORDER BY n DESC, kind) "
              "FROM (SELECT kind, count(*) n FROM " +
                  errors + " GROUP BY kind) k"},
             {u"tool_errors_per_day"_s,
              "SELECT json_agg(json_build_object('date', d::date, 'errors', (SELECT count(*) "
              "FROM " +
                  errors +
                  " WHERE e.day = d::date), 'by_kind', (SELECT coalesce(json_object_agg(kind, n), "
                  "'{}') FROM (SELECT kind, count(*) n FROM " +
                  errors +
                  " WHERE e.day = d::date GROUP BY kind) k)) ORDER BY d) FROM "
                  "generate_series($2::date, $3::date, '1 day') d"},
             {u"reviewed"_s, "SELECT count(*) FROM " + reviews},
             {u"average_review_score"_s, "SELECT round(avg(r.score), 2) FROM " + reviews},
             {u"review_tags"_s,
              "SELECT json_agg(json_build_object('tag', tag, 'calls', n) ORDER BY n DESC, tag) "
              "FROM (SELECT t AS tag, count(*) n FROM " +
                  reviews + ", unnest(r.tags) t GROUP BY t) g"}});
        // The rows cover every kind, so each count above can be wrong.
        const QJsonObject current = report(u"quality"_s).value(u"current"_s).toObject();
        QCOMPARE(current.value(u"tool_errors_by_kind"_s).toArray().size(), 7);
        QVERIFY(current.value(u"reviewed"_s).toInt() > 0);
    }

    void messageFiguresMatchSql()
    {
        const QByteArray m = "(SELECT *, (created_at AT TIME ZONE $4)::date AS day FROM messages "
                             "WHERE org_id = $1::uuid AND (created_at AT TIME ZONE $4)::date "
                             "BETWEEN $2::date AND $3::date) m";
        const QByteArray out = " WHERE direction = 'outbound'";
        const QByteArray in = " WHERE direction = 'inbound'";
        const auto perDay = [&](const QByteArray &where) -> QByteArray {
            return "(SELECT count(*) FROM " + m + where + " AND m.day = d::date)";
        };
        compareFigures(
            u"messages"_s,
            {{u"outbound"_s, "SELECT count(*) FROM " + m + out},
             {u"sent"_s,
              "SELECT count(*) FROM " + m + out + " AND status IN ('sent', 'delivered')"},
             {u"delivered"_s, "SELECT count(*) FROM " + m + out + " AND status = 'delivered'"},
             {u"failed"_s, "SELECT count(*) FROM " + m + out + " AND status = 'failed'"},
             {u"pending"_s, "SELECT count(*) FROM " + m + out +
                                " AND status NOT IN ('sent', 'delivered', 'failed')"},
             {u"reminders"_s,
              "SELECT count(*) FROM " + m + out + " AND purpose = 'appointment_reminder'"},
             {u"inbound"_s, "SELECT count(*) FROM " + m + in},
             {u"confirmed_by_reply"_s,
              "SELECT count(*) FROM " + m + in + " AND reply_kind = 'confirm'"},
             {u"opt_outs"_s, "SELECT count(*) FROM " + m + in + " AND reply_kind = 'opt_out'"},
             {u"textbacks"_s,
              "SELECT count(*) FROM " + m + out + " AND purpose = 'missed_call_textback'"},
             {u"textbacks_sent"_s, "SELECT count(*) FROM " + m + out +
                                       " AND purpose = 'missed_call_textback' AND status IN "
                                       "('sent', 'delivered')"},
             {u"per_day"_s,
              "SELECT json_agg(json_build_object('date', d::date, 'sent', " +
                  perDay(out + " AND status IN ('sent', 'delivered')") + ", 'delivered', " +
                  perDay(out + " AND status = 'delivered'") + ", 'failed', " +
                  perDay(out + " AND status = 'failed'") + ", 'confirmed_by_reply', " +
                  perDay(in + " AND reply_kind = 'confirm'") + ", 'opt_outs', " +
                  perDay(in + " AND reply_kind = 'opt_out'") + ", 'textbacks', " +
                  perDay(out + " AND purpose = 'missed_call_textback'") +
                  ") ORDER BY d) FROM generate_series($2::date, $3::date, '1 day') d"}});
        const QJsonObject current = report(u"messages"_s).value(u"current"_s).toObject();
        for (const char *figure :
             {"delivered", "failed", "confirmed_by_reply", "opt_outs", "textbacks", "pending"})
            QVERIFY2(current.value(QLatin1String(figure)).toInt() > 0, figure);
    }

    // The buckets are core's (tst_reportrange): the report's edges are the same list.
    void callLengthBucketsFollowTheCoreEdges()
    {
        const QJsonArray buckets =
            report(u"quality"_s).value(u"current"_s).toObject().value(u"call_length"_s).toArray();
        const QList<int> &edges = vox::reports::callLengthEdges();
        QCOMPARE(buckets.size(), edges.size());
        for (qsizetype i = 0; i < edges.size(); ++i) {
            QCOMPARE(buckets.at(i).toObject().value(u"from_seconds"_s).toInt(), edges.at(i));
            if (i + 1 < edges.size())
                QCOMPARE(buckets.at(i).toObject().value(u"to_seconds"_s).toInt(), edges.at(i + 1));
            else
                QVERIFY(buckets.at(i).toObject().value(u"to_seconds"_s).isNull());
        }
    }

    // A day in the clinic's calendar is 23 hours on the day clocks go forward.
    void daysFollowTheClinicsCalendarAcrossDaylightSaving()
    {
        const QJsonObject volume = report(u"volume"_s, u"2026-03-08"_s, u"2026-03-08"_s);
        const QJsonValue calls =
            sql("SELECT count(*) FROM call_logs WHERE org_id = $1::uuid AND occurred_at >= "
                "timestamptz '2026-03-08 00:00:00-05' AND occurred_at < timestamptz "
                "'2026-03-09 00:00:00-04'",
                u"2026-03-08"_s, u"2026-03-08"_s);
        QCOMPARE(volume.value(u"current"_s).toObject().value(u"calls"_s).toInt(), calls.toInt());
        QCOMPARE(volume.value(u"previous"_s).toObject().value(u"from"_s).toString(),
                 u"2026-03-07"_s);
    }

    void badRangesAreRefusedWithTheField_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("no range") << QString() << u"from"_s;
        QTest::newRow("no to") << u"from=2026-03-01"_s << u"to"_s;
        QTest::newRow("malformed") << u"from=03/01/2026&to=2026-03-02"_s << u"from"_s;
        QTest::newRow("to before from") << u"from=2026-03-02&to=2026-03-01"_s << u"to"_s;
        QTest::newRow("longer than 400 days") << u"from=2025-01-01&to=2026-03-01"_s << u"to"_s;
    }
    void badRangesAreRefusedWithTheField()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        HttpClient client(m_server->url());
        client.setToken(m_clinic.staffToken);
        for (const QString &name :
             {u"volume"_s, u"outcomes"_s, u"money"_s, u"quality"_s, u"messages"_s}) {
            const HttpReply reply = client.get(u"/api/reports/%1?%2"_s.arg(name, query));
            QCOMPARE(reply.status, 400);
            QCOMPARE(reply.json().value(u"field"_s).toString(), field);
            QVERIFY(!reply.json().value(u"error"_s).toString().isEmpty());
        }
    }

    void anUnknownReportIsNotFoundAndNobodySignedInSeesNone()
    {
        HttpClient client(m_server->url());
        client.setToken(m_clinic.staffToken);
        QCOMPARE(client.get(u"/api/reports/secrets?from=2026-03-01&to=2026-03-02"_s).status, 404);
        HttpClient anonymous(m_server->url());
        QCOMPARE(anonymous.get(u"/api/reports/volume?from=2026-03-01&to=2026-03-02"_s).status, 401);
    }

    void aClinicWithoutCallsHasZeroesNotErrors()
    {
        const vox::test::Clinic empty = vox::test::createClinic(m_server->url(), u"Empty"_s);
        HttpClient client(m_server->url());
        client.setToken(empty.staffToken);
        for (const QString &name :
             {u"volume"_s, u"outcomes"_s, u"money"_s, u"quality"_s, u"messages"_s}) {
            const HttpReply reply =
                client.get(u"/api/reports/%1?from=2026-03-01&to=2026-03-07"_s.arg(name));
            QCOMPARE(reply.status, 200);
            const QJsonObject current = reply.json().value(u"current"_s).toObject();
            QCOMPARE(current.value(u"calls"_s).toInt(0), 0);
        }
        const QJsonObject outcomes =
            client.get(u"/api/reports/outcomes?from=2026-03-01&to=2026-03-07"_s).json();
        QCOMPARE(outcomes.value(u"current"_s).toObject().value(u"success_rate"_s).toDouble(), 0.0);
        QCOMPARE(outcomes.value(u"current"_s).toObject().value(u"per_day"_s).toArray().size(), 7);
    }
};

QTEST_GUILESS_MAIN(TestReports)
#include "tst_reports.moc"
