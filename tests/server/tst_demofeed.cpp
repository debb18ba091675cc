// The demo feed behind `./run.sh` and `voxanne-console --demo`: it signs the demo clinic up
// through the public API, gives its agent a Vapi assistant in the sandbox, fills a new clinic's
// past week, then keeps recent calls coming, all through the real webhooks.
#include "integrationfixture.h"

#include "core/democlinic.h"
#include "sandbox/demofeed.h"

#include <QDateTime>

using namespace Qt::Literals::StringLiterals;
using vox::sandbox::DemoFeed;

class TestDemoFeed : public QObject
{
    Q_OBJECT

    vox::test::IntegrationFixture f;

    DemoFeed::Options options() const
    {
        DemoFeed::Options o;
        o.serverUrl = f.server->url();
        o.webhookSecret = vox::test::TestServer::webhookSecret;
        o.email = vox::demo::email();
        o.password = vox::demo::password();
        o.signUpIfMissing = true;
        return o;
    }

    // The demo clinic's calls, oldest first, as the console lists them.
    QList<QDateTime> callTimes()
    {
        auto rows = f.sql("SELECT c.occurred_at FROM call_logs c JOIN profiles p ON p.org_id = "
                          "c.org_id WHERE p.email = $1 ORDER BY c.occurred_at",
                          {vox::demo::email()});
        QList<QDateTime> times;
        for (int r = 0; r < rows->rowCount(); ++r)
            times.append(rows->toDateTime(r, 0));
        return times;
    }

    int endedCalls()
    {
        auto rows = f.sql("SELECT count(*) FROM call_logs c JOIN profiles p ON p.org_id = "
                          "c.org_id WHERE p.email = $1 AND c.report_received_at IS NOT NULL",
                          {vox::demo::email()});
        return rows ? rows->toInt(0, 0) : -1;
    }

private slots:
    void initTestCase() { QVERIFY2(f.start(u"demofeed"_s), qPrintable(f.error)); }

    void aNewClinicGetsAPastWeekThenRecentCalls()
    {
        DemoFeed::Options o = options();
        o.pastWeekCalls = 7;
        o.firstBatch = 2;
        o.intervalSeconds = 3600; // no later calls during the test
        DemoFeed feed(o);
        feed.start();
        // The server runs in this thread: keep its event loop turning until the feed has
        // played everything (every call's report in), and only then stop the feed.
        QTRY_COMPARE_WITH_TIMEOUT(endedCalls(), 9, 60000);
        feed.stop();

        const QList<QDateTime> times = callTimes();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY2(times.first() < now.addDays(-6), "the past week reaches back a week");
        QVERIFY2(times.last() > now.addSecs(-3600), "the recent batch is from the last hour");
        int days = 0;
        QDate previous;
        for (const QDateTime &t : times) {
            if (t.date() != previous)
                ++days;
            previous = t.date();
        }
        QVERIFY2(days >= 6, "the past week's calls are spread over its days");
    }

    void aClinicWithCallsIsNotFilledAgain()
    {
        auto clinic = DemoFeed::prepareClinic(options());
        QVERIFY2(clinic.ok(), qPrintable(clinic.ok() ? QString() : clinic.errorMessage()));
        QVERIFY(!clinic->assistantId.isEmpty());
        QVERIFY(clinic->hasCalls);
        const int before = int(callTimes().size());

        DemoFeed::Options o = options();
        o.pastWeekCalls = 7;
        o.firstBatch = 1;
        o.intervalSeconds = 3600;
        DemoFeed feed(o);
        feed.start();
        QTRY_COMPARE_WITH_TIMEOUT(endedCalls(), before + 1, 60000);
        QTest::qWait(500);
        feed.stop();
        QCOMPARE(callTimes().size(), before + 1);
    }
};

QTEST_GUILESS_MAIN(TestDemoFeed)
#include "tst_demofeed.moc"
