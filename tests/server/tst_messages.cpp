// The messages audit log (S-actions): every SMS and e-mail the clinic sent, newest first, with
// filters and keyset pages.
#include "clinicfixture.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using vox::test::HttpClient;
using vox::test::HttpReply;

class TestMessages : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::TestDatabase> m_db;
    std::unique_ptr<vox::test::TestServer> m_server;
    std::unique_ptr<vox::db::Connection> m_admin;
    vox::test::Clinic m_clinic;
    QHash<QString, QString> m_ids; // label -> id
    QString m_contact;
    QString m_call;

    std::unique_ptr<HttpClient> staff()
    {
        auto client = m_server->client();
        client->setToken(m_clinic.staffToken);
        return client;
    }

    QStringList labelsOf(const HttpReply &reply) const
    {
        QStringList labels;
        for (const QString &id : vox::test::idsOf(reply.json().value(u"items"_s).toArray()))
            labels.append(m_ids.key(id, id));
        return labels;
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<vox::test::TestDatabase>(u"messages"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_server = std::make_unique<vox::test::TestServer>(*m_db);
        QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
        m_admin = m_db->connectAsAdmin();
        m_clinic = vox::test::createClinic(m_server->url(), u"Glow Med Spa"_s);
        QVERIFY(!m_clinic.orgId.isEmpty());
        m_contact = vox::test::insertRow(*m_admin, u"contacts"_s, m_clinic.orgId,
                                         {{u"phone"_s, u"+15550001234"_s}});
        m_call = vox::test::insertRow(*m_admin, u"call_logs"_s, m_clinic.orgId,
                                      {{u"contact_id"_s, m_contact}});
        struct Seed
        {
            QString label;
            QString method;
            QString status;
            bool withCall;
            QString at;
        };
        const QList<Seed> seeds{
            {u"followup"_s, u"sms"_s, u"sent"_s, true, u"2025-04-01T10:00:00Z"_s},
            {u"reminder"_s, u"email"_s, u"delivered"_s, false, u"2025-04-02T10:00:00Z"_s},
            {u"failed"_s, u"sms"_s, u"failed"_s, false, u"2025-04-03T10:00:00Z"_s},
            {u"share"_s, u"email"_s, u"sent"_s, true, u"2025-04-04T10:00:00Z"_s},
        };
        for (const Seed &s : seeds) {
            m_ids.insert(
                s.label,
                vox::test::insertRow(
                    *m_admin, u"messages"_s, m_clinic.orgId,
                    {{u"method"_s, s.method},
                     {u"status"_s, s.status},
                     {u"contact_id"_s, s.label == u"failed" ? QJsonValue() : m_contact},
                     {u"call_id"_s, s.withCall ? QJsonValue(m_call) : QJsonValue()},
                     {u"recipient"_s,
                      s.method == u"sms" ? u"+15550001234"_s : u"jane@example.com"_s},
                     {u"content"_s, u"Hello from the clinic"_s},
                     {u"service_provider"_s, s.method == u"sms" ? u"twilio"_s : u"resend"_s},
                     {u"error"_s, s.status == u"failed" ? QJsonValue(u"Twilio not configured"_s)
                                                        : QJsonValue()},
                     {u"created_at"_s, s.at},
                     {u"sent_at"_s, s.status == u"failed" ? QJsonValue() : QJsonValue(s.at)}}));
        }
    }

    void listsTheAuditLogNewestFirstWithEveryField()
    {
        const HttpReply reply = staff()->get(u"/api/messages"_s);
        QCOMPARE(reply.status, 200);
        QCOMPARE(labelsOf(reply),
                 (QStringList{u"share"_s, u"failed"_s, u"reminder"_s, u"followup"_s}));
        const QJsonObject failed = reply.json().value(u"items"_s).toArray().at(1).toObject();
        for (const QString &field :
             {u"id"_s, u"contact_id"_s, u"call_id"_s, u"appointment_id"_s, u"direction"_s,
              u"method"_s, u"purpose"_s, u"recipient"_s, u"content"_s, u"status"_s,
              u"service_provider"_s, u"external_message_id"_s, u"error"_s, u"sent_at"_s,
              u"created_at"_s})
            QVERIFY2(failed.contains(field), qPrintable(field));
        QCOMPARE(failed.value(u"error"_s).toString(), u"Twilio not configured"_s);
        QVERIFY(failed.value(u"sent_at"_s).isNull());
        QCOMPARE(failed.value(u"direction"_s).toString(), u"outbound"_s);
        QVERIFY(reply.json().value(u"next_cursor"_s).isNull());
    }

    void filtersNarrowTheLog_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QStringList>("labels");
        QTest::newRow("sms") << u"method=sms"_s << QStringList{u"failed"_s, u"followup"_s};
        QTest::newRow("e-mail") << u"method=email"_s << QStringList{u"share"_s, u"reminder"_s};
        QTest::newRow("status") << u"status=failed"_s << QStringList{u"failed"_s};
        QTest::newRow("contact") << u"contact_id="_s // filled in below
                                 << QStringList{u"share"_s, u"reminder"_s, u"followup"_s};
        QTest::newRow("call") << u"call_id="_s << QStringList{u"share"_s, u"followup"_s};
        QTest::newRow("combined") << u"method=sms&status=sent"_s << QStringList{u"followup"_s};
        QTest::newRow("from a day") << u"from=2025-04-02T10:00:00Z"_s
                                    << QStringList{u"share"_s, u"failed"_s, u"reminder"_s};
        QTest::newRow("to a day, not included")
            << u"to=2025-04-02T10:00:00Z"_s << QStringList{u"followup"_s};
        QTest::newRow("a period in the clinic's zone")
            << u"from=2025-04-02T00:00:00-04:00&to=2025-04-04T00:00:00-04:00"_s
            << QStringList{u"failed"_s, u"reminder"_s};
        QTest::newRow("period and method") << u"from=2025-04-02T00:00:00Z&method=email"_s
                                           << QStringList{u"share"_s, u"reminder"_s};
    }
    void filtersNarrowTheLog()
    {
        QFETCH(QString, query);
        QFETCH(QStringList, labels);
        if (query == u"contact_id=")
            query += m_contact;
        if (query == u"call_id=")
            query += m_call.toUpper(); // ids are accepted in either case
        const HttpReply reply = staff()->get(u"/api/messages?"_s + query);
        QCOMPARE(reply.status, 200);
        QCOMPARE(labelsOf(reply), labels);
    }

    void invalidFiltersAre400_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QString>("field");
        QTest::newRow("method") << u"method=fax"_s << u"method"_s;
        QTest::newRow("status") << u"status=lost"_s << u"status"_s;
        QTest::newRow("contact id") << u"contact_id=42"_s << u"contact_id"_s;
        QTest::newRow("call id") << u"call_id=x'; --"_s << u"call_id"_s;
        QTest::newRow("from") << u"from=yesterday"_s << u"from"_s;
        QTest::newRow("to") << u"to=2025-13-01"_s << u"to"_s;
    }
    void invalidFiltersAre400()
    {
        QFETCH(QString, query);
        QFETCH(QString, field);
        const HttpReply reply = staff()->get(u"/api/messages?"_s + query);
        QCOMPARE(reply.status, 400);
        QCOMPARE(reply.json().value(u"field"_s).toString(), field);
    }

    void pagesWalkTheWholeLogOnce()
    {
        auto client = staff();
        QStringList seen;
        QString cursor;
        int pages = 0;
        do {
            const HttpReply page =
                client->get(u"/api/messages?limit=3"_s +
                            (cursor.isEmpty() ? QString() : u"&cursor="_s + cursor));
            QCOMPARE(page.status, 200);
            seen += labelsOf(page);
            cursor = page.json().value(u"next_cursor"_s).toString();
            ++pages;
        } while (!cursor.isEmpty() && pages < 5);
        QCOMPARE(pages, 2);
        QCOMPARE(seen, (QStringList{u"share"_s, u"failed"_s, u"reminder"_s, u"followup"_s}));
    }
};

QTEST_GUILESS_MAIN(TestMessages)
#include "tst_messages.moc"
