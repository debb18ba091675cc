// Timestamps as the server reads them from PostgreSQL (sessions in UTC): every shape PostgreSQL
// prints comes back as the same instant in UTC, whether it is read by the fast path or not.
#include "testdatabase.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::Literals::StringLiterals;

class TestPgResult : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::TestDatabase> m_db;
    std::unique_ptr<vox::db::Connection> m_admin;

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<vox::test::TestDatabase>(u"pgresult"_s, false);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_admin = m_db->connectAsAdmin();
        QVERIFY(m_admin->exec("SET TIME ZONE 'UTC'"));
    }

    void timestampsAreReadAsUtcInstants_data()
    {
        QTest::addColumn<QString>("literal");
        QTest::addColumn<QDateTime>("expected");
        const QTimeZone utc = QTimeZone::utc();
        QTest::newRow("whole seconds")
            << u"2026-01-25 14:03:07+00"_s << QDateTime({2026, 1, 25}, {14, 3, 7}, utc);
        QTest::newRow("milliseconds")
            << u"2026-01-25 14:03:07.123+00"_s << QDateTime({2026, 1, 25}, {14, 3, 7, 123}, utc);
        QTest::newRow("microseconds, truncated to ms")
            << u"2026-01-25 14:03:07.123456+00"_s << QDateTime({2026, 1, 25}, {14, 3, 7, 123}, utc);
        QTest::newRow("one fractional digit")
            << u"2026-01-25 14:03:07.5+00"_s << QDateTime({2026, 1, 25}, {14, 3, 7, 500}, utc);
        QTest::newRow("written with another offset")
            << u"2026-03-08 01:30:00-05"_s << QDateTime({2026, 3, 8}, {6, 30}, utc);
        QTest::newRow("leap day") << u"2028-02-29 23:59:59.999+00"_s
                                  << QDateTime({2028, 2, 29}, {23, 59, 59, 999}, utc);
        QTest::newRow("before 1970")
            << u"1969-12-31 23:59:59+00"_s << QDateTime({1969, 12, 31}, {23, 59, 59}, utc);
    }

    void timestampsAreReadAsUtcInstants()
    {
        QFETCH(QString, literal);
        QFETCH(QDateTime, expected);
        auto row = m_admin->exec("SELECT $1::timestamptz", {literal});
        QVERIFY2(row, row ? "" : qPrintable(row.errorMessage()));
        const QDateTime read = row->toDateTime(0, 0);
        QCOMPARE(read, expected);
        QCOMPARE(read.timeZone(), QTimeZone::utc());
        QCOMPARE(read.toString(Qt::ISODateWithMs), expected.toString(Qt::ISODateWithMs));
    }
};

QTEST_GUILESS_MAIN(TestPgResult)
#include "tst_pgresult.moc"
