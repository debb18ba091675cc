// The database itself refuses double bookings: held and confirmed appointments of one org may not
// overlap once widened by their buffers; cancelled ones free their slot; other orgs are apart.
#include "testdatabase.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;

namespace {
const QString orgA = u"aaaaaaaa-1111-0000-0000-00000000000a"_s;
const QString orgB = u"bbbbbbbb-1111-0000-0000-00000000000b"_s;
} // namespace

class TestAppointmentOverlap : public QObject
{
    Q_OBJECT

    std::unique_ptr<vox::test::TestDatabase> m_db;
    std::unique_ptr<vox::db::Connection> m_conn;

    vox::Result<vox::db::PgResult> book(const QString &org, const char *start, const char *end,
                                        int before, int after, const char *status = "confirmed")
    {
        return m_conn->exec(
            "INSERT INTO appointments (org_id, starts_at, ends_at, buffer_before_minutes, "
            "buffer_after_minutes, status) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
            {org, start, end, before, after, status});
    }

private slots:
    void initTestCase()
    {
        m_db = std::make_unique<vox::test::TestDatabase>(u"overlap"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_conn = m_db->connect();
        QVERIFY((m_conn->execScript("SET ROLE service_role")).ok());
        QVERIFY(m_conn
                    ->exec("INSERT INTO organizations (id, name) VALUES ($1, 'A'), ($2, 'B')",
                           {orgA, orgB})
                    .ok());
    }

    void init() { QVERIFY(m_conn->exec("DELETE FROM appointments").ok()); }

    void decidesOverlapsWithBuffers_data()
    {
        // Existing: 10:00-11:00 with 15 min before and 15 min after -> blocks 09:45-11:15.
        QTest::addColumn<QString>("start");
        QTest::addColumn<QString>("end");
        QTest::addColumn<int>("before");
        QTest::addColumn<int>("after");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("same slot") << u"10:00"_s << u"11:00"_s << 0 << 0 << false;
        QTest::newRow("inside") << u"10:15"_s << u"10:45"_s << 0 << 0 << false;
        QTest::newRow("in the after-buffer") << u"11:10"_s << u"11:40"_s << 0 << 0 << false;
        QTest::newRow("right after the buffer") << u"11:15"_s << u"11:45"_s << 0 << 0 << true;
        QTest::newRow("in the before-buffer") << u"09:00"_s << u"09:50"_s << 0 << 0 << false;
        QTest::newRow("ends where the buffer starts") << u"09:00"_s << u"09:45"_s << 0 << 0 << true;
        QTest::newRow("own buffer reaches in") << u"11:20"_s << u"11:50"_s << 10 << 0 << false;
        QTest::newRow("own buffer just clear") << u"11:25"_s << u"11:55"_s << 10 << 0 << true;
    }
    void decidesOverlapsWithBuffers()
    {
        QFETCH(QString, start);
        QFETCH(QString, end);
        QFETCH(int, before);
        QFETCH(int, after);
        QFETCH(bool, accepted);
        QVERIFY(book(orgA, "2030-03-04 10:00Z", "2030-03-04 11:00Z", 15, 15).ok());
        const QByteArray s = "2030-03-04 " + start.toLatin1() + "Z";
        const QByteArray e = "2030-03-04 " + end.toLatin1() + "Z";
        const auto second = book(orgA, s.constData(), e.constData(), before, after);
        QCOMPARE(second.ok(), accepted);
        if (!accepted) {
            QCOMPARE(second.error().sqlstate, u"23P01"_s);
            QCOMPARE(second.error().subject, u"appointments_no_overlap"_s);
        }
    }

    void aCancelledAppointmentFreesItsSlot()
    {
        const auto first = book(orgA, "2030-03-05 10:00Z", "2030-03-05 11:00Z", 0, 0);
        QVERIFY(first.ok());
        QVERIFY(!book(orgA, "2030-03-05 10:00Z", "2030-03-05 11:00Z", 0, 0).ok());
        QVERIFY(m_conn
                    ->exec("UPDATE appointments SET status = 'cancelled' WHERE id = $1",
                           {first->text(0, 0)})
                    .ok());
        QVERIFY(book(orgA, "2030-03-05 10:00Z", "2030-03-05 11:00Z", 0, 0).ok());
        // And it cannot come back on top of the new booking.
        const auto revive = m_conn->exec(
            "UPDATE appointments SET status = 'confirmed' WHERE id = $1", {first->text(0, 0)});
        QVERIFY(!revive.ok());
        QCOMPARE(revive.error().sqlstate, u"23P01"_s);
    }

    void heldSlotsBlockLikeConfirmedOnes()
    {
        QVERIFY(book(orgA, "2030-03-06 10:00Z", "2030-03-06 11:00Z", 0, 0, "held").ok());
        QVERIFY(!book(orgA, "2030-03-06 10:30Z", "2030-03-06 11:30Z", 0, 0).ok());
        QVERIFY(book(orgA, "2030-03-06 10:30Z", "2030-03-06 11:30Z", 0, 0, "completed").ok());
    }

    void otherOrgsBookIndependently()
    {
        QVERIFY(book(orgA, "2030-03-07 10:00Z", "2030-03-07 11:00Z", 0, 0).ok());
        QVERIFY(book(orgB, "2030-03-07 10:00Z", "2030-03-07 11:00Z", 0, 0).ok());
    }

    void cleanupTestCase()
    {
        m_conn.reset();
        m_db.reset();
    }
};

QTEST_GUILESS_MAIN(TestAppointmentOverlap)
#include "tst_appointmentoverlap.moc"
