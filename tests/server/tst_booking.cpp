// BookingService and the external calendar seam (AppContext::calendarBusy, filled by the Google
// Calendar module): busy times are neither offered nor booked, and a calendar that cannot be
// read does not stop the clinic's phone from booking.
#include "core/logging/log.h"
#include "server/jobs/jobqueue.h"
#include "server/services/booking.h"
#include "vapitestkit.h"

#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace vox::test;
using vox::server::BusyInterval;

class TestBooking : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<vox::db::Database> m_database;
    std::unique_ptr<vox::crypto::KeyRing> m_keys;
    std::unique_ptr<vox::server::jobs::JobRunner> m_jobs;
    std::unique_ptr<vox::server::AppContext> m_app;
    std::unique_ptr<vox::server::BookingService> m_booking;
    Clinic m_clinic;
    QList<BusyInterval> m_busy;
    bool m_calendarDown = false;
    int m_asked = 0;

    QStringList localStarts(const QList<vox::availability::Range> &ranges)
    {
        QStringList out;
        for (const auto &r : ranges)
            out << r.start.toTimeZone(m_clinic.zone).toString(u"HH:mm"_s);
        return out;
    }

private slots:
    void initTestCase()
    {
        vox::log::setupStderr(vox::log::Level::Error);
        m_db = std::make_unique<TestDatabase>(u"booking"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        m_server = std::make_unique<TestServer>(*m_db);
        QVERIFY2(m_server->ok(), qPrintable(m_server->error()));
        auto client = m_server->client();
        m_clinic = createClinic(*client, *m_db, u"Calendar Clinic"_s, u"America/Denver"_s);

        // A BookingService of our own, with a calendar seam this test controls.
        m_database = std::make_unique<vox::db::Database>(m_db->settings());
        m_keys = std::make_unique<vox::crypto::KeyRing>(
            vox::crypto::KeyRing::fromBase64(TestServer::encryptionKey, {}).value());
        m_jobs = std::make_unique<vox::server::jobs::JobRunner>(
            *m_database, u"test"_s, vox::server::jobs::JobRunner::Options{});
        m_app = std::make_unique<vox::server::AppContext>(
            vox::server::AppContext{m_server->server().config(), *m_database, *m_keys, *m_jobs,
                                    vox::server::providers::RetryPolicy::none()});
        m_app->calendarBusy = [this](const QString &orgId, const QDateTime &from,
                                     const QDateTime &to) -> vox::Result<QList<BusyInterval>> {
            ++m_asked;
            if (orgId != m_clinic.orgId || !from.isValid() || to <= from)
                return vox::fail(u"asked for the wrong clinic or window"_s);
            if (m_calendarDown)
                return vox::fail(u"Google said 503"_s);
            return m_busy;
        };
        m_booking = std::make_unique<vox::server::BookingService>(*m_app);
    }

    void init()
    {
        m_busy.clear();
        m_calendarDown = false;
        m_asked = 0;
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin->exec("DELETE FROM appointments").ok());
    }

    void busyTimesAreNotOffered()
    {
        const QDate monday = nextWeekday(1);
        m_busy << BusyInterval{at(monday, QTime(10, 0), m_clinic.zone),
                               at(monday, QTime(11, 0), m_clinic.zone)};
        auto day = m_booking->availability(vox::db::Access::service(), m_clinic.orgId, monday,
                                           u"Consultation"_s);
        QVERIFY(day.ok());
        QVERIFY(m_asked > 0);
        const QStringList starts = localStarts(day->openSlots);
        QVERIFY(starts.contains(u"09:30"_s));
        QVERIFY(!starts.contains(u"10:00"_s));
        QVERIFY(!starts.contains(u"10:30"_s));
        QVERIFY(starts.contains(u"11:00"_s));
    }

    void bookingIntoABusyTimeOffersAlternatives()
    {
        const QDate monday = nextWeekday(1);
        m_busy << BusyInterval{at(monday, QTime(10, 0), m_clinic.zone),
                               at(monday, QTime(11, 0), m_clinic.zone)};
        vox::server::NewAppointment request;
        request.orgId = m_clinic.orgId;
        request.serviceName = u"Consultation"_s;
        request.start = at(monday, QTime(10, 15), m_clinic.zone);
        request.phone = u"+15550147001"_s;
        request.source = u"ai"_s;
        auto outcome = m_booking->book(vox::db::Access::service(), request);
        QVERIFY(outcome.ok());
        QVERIFY(!outcome->booked);
        QCOMPARE(outcome->conflict, u"That time is busy on the clinic's calendar."_s);
        QCOMPARE(localStarts(outcome->alternatives),
                 (QStringList{u"09:30"_s, u"11:00"_s, u"09:00"_s}));
        QCOMPARE(count(*m_db, "SELECT count(*) FROM appointments"), 0);
    }

    void anUnreadableCalendarDoesNotStopBookings()
    {
        const QDate monday = nextWeekday(1);
        m_busy << BusyInterval{at(monday, QTime(10, 0), m_clinic.zone),
                               at(monday, QTime(11, 0), m_clinic.zone)};
        m_calendarDown = true;
        auto day = m_booking->availability(vox::db::Access::service(), m_clinic.orgId, monday,
                                           u"Consultation"_s);
        QVERIFY(day.ok());
        QVERIFY(localStarts(day->openSlots).contains(u"10:00"_s));
        vox::server::NewAppointment request;
        request.orgId = m_clinic.orgId;
        request.serviceName = u"Consultation"_s;
        request.start = at(monday, QTime(10, 0), m_clinic.zone);
        request.phone = u"+15550147002"_s;
        auto outcome = m_booking->book(vox::db::Access::service(), request);
        QVERIFY(outcome.ok());
        QVERIFY(outcome->booked);
    }

    void timesAreTheClinicsOwn()
    {
        // Denver is two hours behind New York: 9:00 there is 16:00 UTC in winter.
        const QDate monday = nextWeekday(1);
        auto day = m_booking->availability(vox::db::Access::service(), m_clinic.orgId, monday, {});
        QVERIFY(day.ok());
        QCOMPARE(day->calendar.timeZoneName, u"America/Denver"_s);
        QCOMPARE(day->service.name, u"Consultation"_s);
        QCOMPARE(day->openSlots.first().start,
                 at(monday, QTime(9, 0), QTimeZone("America/Denver")));
        QCOMPARE(localStarts(day->openSlots).last(), u"16:30"_s);
    }
    // The calendar's busy times come from the clinic's link to it: a clinic the service role
    // sees without a working link is not asked about (nothing to read, and no credential read
    // to learn it); a console user cannot see links, so the lookup itself decides.
    void onlyAClinicWithAWorkingLinkIsAskedForBusyTimes_data()
    {
        QTest::addColumn<bool>("console");
        QTest::addColumn<QString>("link"); // status of the clinic's Google credential, or none
        QTest::addColumn<bool>("asked");
        QTest::newRow("no link") << false << QString() << false;
        QTest::newRow("a working link") << false << u"active"_s << true;
        QTest::newRow("a broken link") << false << u"broken"_s << false;
        QTest::newRow("a console user, who cannot see links") << true << QString() << true;
    }

    void onlyAClinicWithAWorkingLinkIsAskedForBusyTimes()
    {
        QFETCH(bool, console);
        QFETCH(QString, link);
        QFETCH(bool, asked);
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin->exec("DELETE FROM org_credentials WHERE org_id = $1::uuid", {m_clinic.orgId})
                    .ok());
        if (!link.isEmpty())
            QVERIFY(admin
                        ->exec("INSERT INTO org_credentials (org_id, provider, key_id, ciphertext, "
                               "status) VALUES ($1::uuid, 'google', 'k1', decode('00', 'hex'), $2)",
                               {m_clinic.orgId, link})
                        .ok());
        m_app->calendarBusyLink = u"google"_s;
        const vox::db::Access access =
            console ? vox::db::Access::user(m_clinic.orgId,
                                            u"00000000-0000-0000-0000-000000000001"_s, u"staff"_s)
                    : vox::db::Access::service();
        const auto day =
            m_booking->availability(access, m_clinic.orgId, nextWeekday(1), u"Consultation"_s);
        m_app->calendarBusyLink.clear();
        QVERIFY(admin->exec("DELETE FROM org_credentials WHERE org_id = $1::uuid", {m_clinic.orgId})
                    .ok());
        QVERIFY(day.ok());
        QCOMPARE(m_asked > 0, asked);
    }

    // A booking's calendar sync is queued in the booking's own transaction, whoever books: the
    // job goes in as the service role and the transaction goes on as it began.
    void queuingAFollowUpLeavesTheCallersRole_data()
    {
        QTest::addColumn<QString>("opener");
        QTest::addColumn<QString>("role");
        QTest::newRow("a console request") << u"database"_s << u"authenticated"_s;
        QTest::newRow("a tool call or webhook") << u"database"_s << u"service_role"_s;
        QTest::newRow("a transaction opened by hand") << u"connection"_s << u"authenticated"_s;
    }

    void queuingAFollowUpLeavesTheCallersRole()
    {
        QFETCH(QString, opener);
        QFETCH(QString, role);
        vox::server::jobs::NewJob job;
        job.kind = u"test.noop"_s;
        job.orgId = m_clinic.orgId;
        std::optional<qint64> queued;
        QString after;
        const auto work = [&](vox::db::Transaction &tx) -> vox::Result<void> {
            auto id = vox::server::jobs::enqueue(tx, job);
            if (!id)
                return id.error();
            queued = *id;
            auto now = tx.exec("SELECT current_setting('role')");
            if (!now)
                return now.error();
            after = now->text(0, 0);
            return vox::fail(u"rolled back: the queue stays empty"_s);
        };
        if (opener == u"database") {
            const vox::db::Access access =
                role == u"service_role"
                    ? vox::db::Access::service()
                    : vox::db::Access::user(m_clinic.orgId,
                                            u"00000000-0000-0000-0000-000000000001"_s, u"staff"_s);
            (void)m_database->transaction<void>(access, work);
        } else {
            auto conn = m_db->connect();
            QVERIFY(conn->execScript(
                            "BEGIN; SELECT set_config('role', 'authenticated', true), "
                            "set_config('request.jwt.claims', " +
                            conn->literal(vox::db::Access::user(
                                              m_clinic.orgId,
                                              u"00000000-0000-0000-0000-000000000001"_s, u"staff"_s)
                                              .claimsJson()) +
                            ", true)")
                        .ok());
            vox::db::Transaction tx(*conn);
            (void)work(tx);
            QVERIFY(conn->execScript("ROLLBACK").ok());
        }
        QVERIFY(queued.has_value() && *queued > 0);
        QCOMPARE(after, role);
    }
};

QTEST_MAIN(TestBooking)
#include "tst_booking.moc"
