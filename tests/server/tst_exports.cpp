// CSV exports: each export holds exactly the rows its list shows under the same filters, every
// row, in the list's order; cells are RFC 4180 text in UTF-8 that a spreadsheet never runs as a
// formula; times read on the clinic's clock; every export is audited; and a large export streams
// (the server's memory does not grow with the file).
#include "clinicfixture.h"

#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QTest>
#include <QTimer>

using namespace Qt::Literals::StringLiterals;
using vox::test::HttpClient;
using vox::test::HttpReply;

namespace {

// A reader of RFC 4180 text, apart from the writer under test: records of fields.
QList<QStringList> parseCsv(const QByteArray &bytes)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            quoted = true;
        } else if (c == u',') {
            record.append(field);
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            record.append(field);
            field.clear();
            records.append(record);
            record.clear();
            ++i;
        } else {
            field += c;
        }
    }
    return records;
}

// The rows of a parsed CSV as column name -> value, one map per data record.
QList<QHash<QString, QString>> rowsOf(const QList<QStringList> &records)
{
    QList<QHash<QString, QString>> rows;
    if (records.isEmpty())
        return rows;
    const QStringList header = records.first();
    for (qsizetype r = 1; r < records.size(); ++r) {
        QHash<QString, QString> row;
        for (qsizetype i = 0; i < header.size() && i < records.at(r).size(); ++i)
            row.insert(header.at(i), records.at(r).at(i));
        rows.append(row);
    }
    return rows;
}

qint64 statusKb(const char *name)
{
    QFile status(u"/proc/self/status"_s);
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith(name))
            return line.mid(qstrlen(name)).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace

class TestExports : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::TestDatabase> m_db;
    std::unique_ptr<vox::test::TestServer> m_server;
    std::unique_ptr<vox::db::Connection> m_admin;
    vox::test::Clinic m_clinic;
    vox::test::Clinic m_other;
    QHash<QString, QString> m_ids;

    HttpReply get(const QString &path, const QString &token = {})
    {
        HttpClient client(m_server->url());
        client.setToken(token.isEmpty() ? m_clinic.staffToken : token);
        return client.get(path);
    }

    // Ids of every item the list at `path` shows, following its pages.
    QStringList listIds(const QString &path)
    {
        QStringList ids;
        QString cursor;
        for (int pages = 0; pages < 50; ++pages) {
            const QString sep = path.contains(u'?') ? u"&"_s : u"?"_s;
            const HttpReply reply = get(path + sep + u"limit=200"_s +
                                        (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor));
            if (reply.status != 200)
                return {u"status %1"_s.arg(reply.status)};
            ids += vox::test::idsOf(reply.json().value(u"items"_s).toArray());
            cursor = reply.json().value(u"next_cursor"_s).toString();
            if (cursor.isEmpty())
                break;
        }
        return ids;
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<vox::test::TestDatabase>(u"exports"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_server = std::make_unique<vox::test::TestServer>(*m_db);
        QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
        m_admin = m_db->connectAsAdmin();
        m_clinic = vox::test::createClinic(m_server->url(), u"Glow Med Spa"_s, u"Europe/Madrid"_s);
        m_other = vox::test::createClinic(m_server->url(), u"Other Clinic"_s);
        QVERIFY(!m_clinic.orgId.isEmpty() && !m_other.orgId.isEmpty());
        const QString org = m_clinic.orgId;

        m_ids[u"jane"_s] =
            vox::test::insertRow(*m_admin, u"contacts"_s, org,
                                 {{u"phone"_s, u"+15550001001"_s},
                                  {u"name"_s, u"=HYPERLINK(\"http://evil.test\",\"Jane\")"_s},
                                  {u"email"_s, u"jane@patient.test"_s},
                                  {u"lead_temperature"_s, u"hot"_s},
                                  {u"notes"_s, u"Asked about \"Botox\", then:\nfillers"_s},
                                  {u"last_contacted_at"_s, u"2025-04-03T09:00:00Z"_s}});
        m_ids[u"sofia"_s] =
            vox::test::insertRow(*m_admin, u"contacts"_s, org,
                                 {{u"phone"_s, u"+15550001002"_s},
                                  {u"name"_s, u"Sofía Núñez, Jr."_s},
                                  {u"lead_temperature"_s, u"cold"_s},
                                  {u"last_contacted_at"_s, u"2025-04-01T09:00:00Z"_s}});
        m_ids[u"inbound call"_s] =
            vox::test::insertRow(*m_admin, u"call_logs"_s, org,
                                 {{u"contact_id"_s, m_ids[u"jane"_s]},
                                  {u"direction"_s, u"inbound"_s},
                                  {u"status"_s, u"ended"_s},
                                  {u"phone_number"_s, u"+15550001001"_s},
                                  {u"caller_name"_s, u"@SUM(1+1)*cmd"_s},
                                  {u"occurred_at"_s, u"2025-07-01T08:30:00Z"_s},
                                  {u"duration_seconds"_s, 95},
                                  {u"sentiment_label"_s, u"negative"_s},
                                  {u"sentiment_score"_s, u"-0.75"_s},
                                  {u"financial_value_cents"_s, 123450},
                                  {u"booking_confirmed"_s, true},
                                  {u"summary"_s, u"-1+1 wanted a price, said \"too much\""_s}});
        m_ids[u"outbound call"_s] =
            vox::test::insertRow(*m_admin, u"call_logs"_s, org,
                                 {{u"contact_id"_s, m_ids[u"sofia"_s]},
                                  {u"direction"_s, u"outbound"_s},
                                  {u"status"_s, u"ended"_s},
                                  {u"phone_number"_s, u"+15550001002"_s},
                                  {u"occurred_at"_s, u"2025-07-02T18:00:00Z"_s},
                                  {u"sentiment_label"_s, u"positive"_s}});
        m_ids[u"failed call"_s] =
            vox::test::insertRow(*m_admin, u"call_logs"_s, org,
                                 {{u"direction"_s, u"inbound"_s},
                                  {u"status"_s, u"failed"_s},
                                  {u"occurred_at"_s, u"2025-06-30T12:00:00Z"_s}});
        m_ids[u"sms"_s] = vox::test::insertRow(*m_admin, u"messages"_s, org,
                                               {{u"contact_id"_s, m_ids[u"jane"_s]},
                                                {u"method"_s, u"sms"_s},
                                                {u"status"_s, u"sent"_s},
                                                {u"recipient"_s, u"+15550001001"_s},
                                                {u"content"_s, u"+Reply C to confirm"_s},
                                                {u"created_at"_s, u"2025-07-01T09:00:00Z"_s}});
        m_ids[u"email"_s] = vox::test::insertRow(*m_admin, u"messages"_s, org,
                                                 {{u"method"_s, u"email"_s},
                                                  {u"status"_s, u"failed"_s},
                                                  {u"recipient"_s, u"jane@patient.test"_s},
                                                  {u"content"_s, u"Hello"_s},
                                                  {u"created_at"_s, u"2025-07-02T09:00:00Z"_s}});
        m_ids[u"visit"_s] = vox::test::insertRow(*m_admin, u"appointments"_s, org,
                                                 {{u"contact_id"_s, m_ids[u"jane"_s]},
                                                  {u"service_name"_s, u"Botox"_s},
                                                  {u"status"_s, u"confirmed"_s},
                                                  {u"starts_at"_s, u"2025-07-10T08:00:00Z"_s},
                                                  {u"ends_at"_s, u"2025-07-10T09:00:00Z"_s}});
        m_ids[u"cancelled visit"_s] =
            vox::test::insertRow(*m_admin, u"appointments"_s, org,
                                 {{u"contact_id"_s, m_ids[u"sofia"_s]},
                                  {u"service_name"_s, u"Peel"_s},
                                  {u"status"_s, u"cancelled"_s},
                                  {u"starts_at"_s, u"2025-07-09T08:00:00Z"_s},
                                  {u"ends_at"_s, u"2025-07-09T08:30:00Z"_s}});
        // The other clinic's rows, which no export of this clinic may carry.
        vox::test::insertRow(*m_admin, u"call_logs"_s, m_other.orgId,
                             {{u"caller_name"_s, u"Other's caller"_s},
                              {u"occurred_at"_s, u"2025-07-01T08:30:00Z"_s}});
        for (const QString &id : std::as_const(m_ids))
            QVERIFY(!id.isEmpty());
    }

    // Each row: a list and the export of the same rows, with the same filters.
    void anExportHoldsExactlyTheRowsItsListShows_data()
    {
        QTest::addColumn<QString>("list");
        QTest::addColumn<QString>("exported");
        QTest::addColumn<int>("rows");
        auto row = [](const char *name, const QString &list, const QString &exported, int rows) {
            QTest::newRow(name) << list << exported << rows;
        };
        row("calls", u"/api/calls-dashboard"_s, u"/api/exports/calls.csv"_s, 3);
        row("calls inbound", u"/api/calls-dashboard?direction=inbound"_s,
            u"/api/exports/calls.csv?direction=inbound"_s, 2);
        row("calls ended in July", u"/api/calls-dashboard?status=ended&from=2025-07-01T00:00:00Z"_s,
            u"/api/exports/calls.csv?status=ended&from=2025-07-01T00:00:00Z"_s, 2);
        row("calls searched by number", u"/api/calls-dashboard?search=0001002"_s,
            u"/api/exports/calls.csv?search=0001002"_s, 1);
        row("calls negative", u"/api/calls-dashboard?sentiment=negative"_s,
            u"/api/exports/calls.csv?sentiment=negative"_s, 1);
        row("leads", u"/api/contacts"_s, u"/api/exports/contacts.csv"_s, 2);
        row("hot leads", u"/api/contacts?temperature=hot"_s,
            u"/api/exports/contacts.csv?temperature=hot"_s, 1);
        row("appointments", u"/api/appointments"_s, u"/api/exports/appointments.csv"_s, 2);
        row("confirmed appointments", u"/api/appointments?status=confirmed"_s,
            u"/api/exports/appointments.csv?status=confirmed"_s, 1);
        row("appointments of a contact", u"/api/appointments?contact_id={sofia}"_s,
            u"/api/exports/appointments.csv?contact_id={sofia}"_s, 1);
        row("messages", u"/api/messages"_s, u"/api/exports/messages.csv"_s, 2);
        row("failed e-mails", u"/api/messages?method=email&status=failed"_s,
            u"/api/exports/messages.csv?method=email&status=failed"_s, 1);
        row("nothing matches", u"/api/messages?status=delivered"_s,
            u"/api/exports/messages.csv?status=delivered"_s, 0);
    }
    void anExportHoldsExactlyTheRowsItsListShows()
    {
        QFETCH(QString, list);
        QFETCH(QString, exported);
        QFETCH(int, rows);
        const auto fill = [&](QString path) {
            for (auto it = m_ids.cbegin(); it != m_ids.cend(); ++it)
                path.replace(u'{' + it.key() + u'}', it.value());
            return path;
        };
        const QStringList listed = listIds(fill(list));
        const HttpReply reply = get(fill(exported));
        QCOMPARE(reply.status, 200);
        QVERIFY(reply.headers.value("content-type").startsWith("text/csv"));
        QVERIFY(reply.headers.value("content-disposition").contains(".csv"));
        const auto records = parseCsv(reply.body);
        QVERIFY(!records.isEmpty());
        QCOMPARE(records.first().first(), u"id"_s);
        QStringList ids;
        for (const auto &row : rowsOf(records))
            ids.append(row.value(u"id"_s));
        QCOMPARE(ids, listed);
        QCOMPARE(ids.size(), rows);
        // Every record has the header's number of fields (quoting held).
        for (const QStringList &record : records)
            QCOMPARE(record.size(), records.first().size());
    }

    void cellsReadAsTheirRowsOnTheClinicsClock()
    {
        const HttpReply reply = get(u"/api/exports/calls.csv?direction=inbound&status=ended"_s);
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.headers.value("x-time-zone"), QByteArray("Europe/Madrid"));
        const auto rows = rowsOf(parseCsv(reply.body));
        QCOMPARE(rows.size(), 1);
        const auto &call = rows.first();
        QCOMPARE(call.value(u"id"_s), m_ids[u"inbound call"_s]);
        // 08:30 UTC is 10:30 in Madrid in July (CEST).
        QCOMPARE(call.value(u"occurred_at"_s), u"2025-07-01 10:30:00"_s);
        QCOMPARE(call.value(u"duration_seconds"_s), u"95"_s);
        QCOMPARE(call.value(u"financial_value"_s), u"1234.50"_s);
        QCOMPARE(call.value(u"booking_confirmed"_s), u"true"_s);
        QCOMPARE(call.value(u"sentiment_score"_s), u"-0.750"_s); // a number stays a number
        QCOMPARE(call.value(u"phone_number"_s), u"'+15550001001"_s);
        QCOMPARE(call.value(u"caller_name"_s), u"'@SUM(1+1)*cmd"_s);
        QCOMPARE(call.value(u"contact_name"_s), u"'=HYPERLINK(\"http://evil.test\",\"Jane\")"_s);
        QCOMPARE(call.value(u"summary"_s), u"'-1+1 wanted a price, said \"too much\""_s);
        QCOMPARE(call.value(u"started_at"_s), QString()); // NULL is an empty cell

        const auto leads = rowsOf(parseCsv(get(u"/api/exports/contacts.csv"_s).body));
        QCOMPARE(leads.size(), 2);
        QCOMPARE(leads.at(0).value(u"notes"_s), u"Asked about \"Botox\", then:\nfillers"_s);
        QCOMPARE(leads.at(1).value(u"name"_s), u"Sofía Núñez, Jr."_s);
        QCOMPARE(leads.at(0).value(u"last_contacted_at"_s), u"2025-04-03 11:00:00"_s);

        const auto visits = rowsOf(parseCsv(get(u"/api/exports/appointments.csv"_s).body));
        QCOMPARE(visits.size(), 2);
        QCOMPARE(visits.at(1).value(u"starts_at"_s), u"2025-07-10 10:00:00"_s);
        QCOMPARE(visits.at(1).value(u"duration_minutes"_s), u"60"_s);
        QCOMPARE(visits.at(1).value(u"service_name"_s), u"Botox"_s);

        const auto texts = rowsOf(parseCsv(get(u"/api/exports/messages.csv?method=sms"_s).body));
        QCOMPARE(texts.size(), 1);
        QCOMPARE(texts.at(0).value(u"content"_s), u"'+Reply C to confirm"_s);
    }

    void theBytesAreRfc4180WithAnOptionalByteOrderMark()
    {
        const HttpReply plain = get(u"/api/exports/contacts.csv?temperature=cold"_s);
        QCOMPARE(plain.status, 200);
        QVERIFY(plain.body.startsWith("id,name,phone,"));
        QVERIFY(plain.body.contains("\"Sof\xC3\xAD"
                                    "a N\xC3\xBA\xC3\xB1"
                                    "ez, Jr.\""));
        QVERIFY(plain.body.endsWith("\r\n"));
        const HttpReply marked = get(u"/api/exports/contacts.csv?temperature=cold&bom=1"_s);
        QCOMPARE(marked.status, 200);
        QCOMPARE(marked.body, QByteArray("\xEF\xBB\xBF") + plain.body);
    }

    void aBadFilterIsRefusedInWords_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("words");
        QTest::newRow("call status")
            << u"/api/exports/calls.csv?status=lost"_s << u"'status' must be one of"_s;
        QTest::newRow("call time") << u"/api/exports/calls.csv?from=yesterday"_s << u"from"_s;
        QTest::newRow("lead temperature") << u"/api/exports/contacts.csv?temperature=lukewarm"_s
                                          << u"'temperature' must be hot, warm or cold."_s;
        QTest::newRow("appointment contact")
            << u"/api/exports/appointments.csv?contact_id=jane"_s << u"'contact_id' must be"_s;
        QTest::newRow("message unread")
            << u"/api/exports/messages.csv?unread=maybe"_s << u"'unread' must be true or false."_s;
        QTest::newRow("byte order mark")
            << u"/api/exports/calls.csv?bom=yes"_s << u"'bom' must be 1 or 0"_s;
        QTest::newRow("long search") << u"/api/exports/calls.csv?search="_s + QString(101, u'x')
                                     << u"'search' must be at most 100 characters."_s;
    }
    void aBadFilterIsRefusedInWords()
    {
        QFETCH(QString, path);
        QFETCH(QString, words);
        const HttpReply reply = get(path);
        QCOMPARE(reply.status, 400);
        QVERIFY2(reply.error().contains(words), qPrintable(reply.error()));
    }

    void anExportNeedsASignedInUser()
    {
        HttpClient anonymous(m_server->url());
        QCOMPARE(anonymous.get(u"/api/exports/calls.csv"_s).status, 401);
    }

    void eachExportIsAuditedWithWhoWhatFilterAndRows()
    {
        const HttpReply reply =
            get(u"/api/exports/calls.csv?direction=inbound&sentiment=negative&bom=1"_s);
        QCOMPARE(reply.status, 200);
        // The audit entry is written once the last row is out: wait for it, not for a time.
        vox::Result<vox::db::PgResult> audit = vox::fail(u"not read"_s);
        QTRY_VERIFY_WITH_TIMEOUT(
            (audit = m_admin->exec("SELECT a.actor_id, a.details::text, p.role FROM audit_log a "
                                   "LEFT JOIN profiles p ON p.id = a.actor_id WHERE a.org_id = "
                                   "$1::uuid AND a.action = 'export' AND a.entity_type = 'calls' "
                                   "AND a.details->'filter'->>'sentiment' = 'negative' AND "
                                   "a.details->'filter'->>'direction' = 'inbound'",
                                   {m_clinic.orgId}),
             audit.ok() && audit->rowCount() == 1),
            10000);
        QCOMPARE(audit->text(0, 2), u"staff"_s);
        const QJsonObject details = QJsonDocument::fromJson(audit->text(0, 1).toUtf8()).object();
        QCOMPARE(details.value(u"export"_s).toString(), u"calls.csv"_s);
        QCOMPARE(details.value(u"rows"_s).toInt(), 1);
        QCOMPARE(details.value(u"complete"_s).toBool(), true);
        QCOMPARE(details.value(u"filter"_s).toObject(),
                 QJsonObject({{u"direction"_s, u"inbound"_s}, {u"sentiment"_s, u"negative"_s}}));
    }

    void anotherClinicsExportHasNoneOfTheseRows_data()
    {
        QTest::addColumn<QString>("path");
        for (const char *name : {"calls", "contacts", "appointments", "messages"})
            QTest::newRow(name) << u"/api/exports/%1.csv"_s.arg(QLatin1String(name));
    }
    void anotherClinicsExportHasNoneOfTheseRows()
    {
        QFETCH(QString, path);
        const HttpReply mine = get(path);
        const HttpReply theirs = get(path, m_other.staffToken);
        QCOMPARE(mine.status, 200);
        QCOMPARE(theirs.status, 200);
        for (const QString &id : std::as_const(m_ids)) {
            QVERIFY(!theirs.body.contains(id.toLatin1()));
            QVERIFY(mine.body.contains(id.toLatin1()) || !path.contains(u"calls"_s) ||
                    !id.isEmpty());
        }
        QVERIFY(!mine.body.contains("Other's caller"));
        QVERIFY(parseCsv(mine.body).size() > 1); // this clinic sees its own rows, so this can fail
    }

    // 200,000 calls make a file of tens of megabytes; the server holds a page at a time, so its
    // peak memory grows by far less than the file. The reader here keeps nothing either.
    void aLargeExportStreamsWithoutHoldingTheFile()
    {
        const int count = 200000;
        auto seeded = m_admin->exec(
            "INSERT INTO call_logs (org_id, direction, status, phone_number, caller_name, "
            "occurred_at, summary, duration_seconds) SELECT $1::uuid, 'inbound', 'ended', "
            "'+1555' || lpad(n::text, 7, '0'), 'Caller number ' || n, "
            "timestamptz '2024-01-01 00:00:00+00' + n * interval '1 minute', "
            "'A summary long enough to make each row a couple of hundred bytes wide, as real "
            "summaries are, number ' || n, n % 600 FROM generate_series(1, $2::int) AS n",
            {m_clinic.orgId, count});
        QVERIFY2(seeded.ok(), seeded.ok() ? "" : qPrintable(seeded.errorMessage()));

        QNetworkAccessManager network;
        QNetworkRequest request(
            QUrl(m_server->url() +
                 u"/api/exports/calls.csv?from=2024-01-01T00:00:00Z&to=2025-01-01T00:00:00Z"_s));
        request.setRawHeader("Authorization", "Bearer " + m_clinic.staffToken.toLatin1());
        // Peak memory from here on: the kernel's high-water mark starts again at the current size.
        QFile clear(u"/proc/self/clear_refs"_s);
        QVERIFY(clear.open(QIODevice::WriteOnly));
        clear.write("5");
        clear.close();
        const qint64 before = statusKb("VmRSS:");
        QVERIFY(before > 0);

        QNetworkReply *reply = network.get(request);
        reply->setReadBufferSize(64 * 1024);
        qint64 bytes = 0;
        qint64 lines = 0;
        QObject::connect(reply, &QIODevice::readyRead, reply, [&] {
            const QByteArray piece = reply->readAll();
            bytes += piece.size();
            lines += piece.count("\r\n");
        });
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        const QByteArray rest = reply->readAll();
        bytes += rest.size();
        lines += rest.count("\r\n");
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        reply->deleteLater();
        const qint64 peak = statusKb("VmHWM:");
        const qint64 growthKb = peak - before;
        qInfo("exported %lld rows, %lld bytes; peak memory grew by %lld KiB", lines - 1, bytes,
              growthKb);
        QCOMPARE(lines, qint64(count) + 1); // the header and every row
        QVERIFY2(bytes > 30 * 1024 * 1024, "the file must be far larger than the bound below");
        QVERIFY2(growthKb < 16 * 1024, qPrintable(u"grew by %1 KiB"_s.arg(growthKb)));
    }

    // A reader that leaves part-way (over the 200,000 calls above) stops the export: the server
    // audits what was sent as incomplete, and keeps answering.
    void aClientThatLeavesStopsTheExportAndItIsAuditedIncomplete()
    {
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(m_server->url() + u"/api/exports/calls.csv?search=Caller"_s));
        request.setRawHeader("Authorization", "Bearer " + m_clinic.ownerToken.toLatin1());
        QNetworkReply *reply = network.get(request);
        QEventLoop loop;
        QObject::connect(reply, &QIODevice::readyRead, &loop, &QEventLoop::quit);
        loop.exec();
        QVERIFY(reply->bytesAvailable() > 0);
        reply->abort();
        reply->deleteLater();
        vox::Result<vox::db::PgResult> audit = vox::fail(u"not read"_s);
        QTRY_VERIFY_WITH_TIMEOUT(
            (audit = m_admin->exec("SELECT (details->>'rows')::int, details->>'complete' FROM "
                                   "audit_log WHERE org_id = $1::uuid AND action = 'export' AND "
                                   "details->'filter'->>'search' = 'Caller'",
                                   {m_clinic.orgId}),
             audit.ok() && audit->rowCount() == 1),
            30000);
        QCOMPARE(audit->text(0, 1), u"false"_s);
        QVERIFY(audit->text(0, 0).toInt() < 200000);
        QCOMPARE(get(u"/api/exports/messages.csv"_s).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestExports)
#include "tst_exports.moc"
