// The booking race (S-tools, "no double booking, ever"): 200 concurrent bookClinicAppointment
// calls for 20 contested slots through two server instances on one database. Every caller gets
// an answer, no two confirmed appointments overlap, and exactly one caller wins each slot.
#include "core/logging/log.h"
#include "sandbox/callsimulator.h"
#include "sandbox/vapimessages.h"
#include "vapitestkit.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QTest>
#include <QThreadPool>

#include <atomic>
#include <latch>

using namespace Qt::Literals::StringLiterals;
using namespace vox::test;
namespace vm = vox::sandbox::vapimessages;

namespace {

struct Attempt
{
    int server = 0;
    int group = 0;
    QString toolCallId;
    QJsonObject message;
    int status = 0;
    QString result;
};

// Sends every attempt at once from a pool of threads (each with its own connections) while the
// calling thread keeps the in-process servers' event loop turning.
void fire(QList<Attempt> &attempts, const QStringList &serverUrls)
{
    QThreadPool pool;
    pool.setMaxThreadCount(64);
    const int together = int(qMin<qsizetype>(64, attempts.size()));
    std::latch start(together);
    std::atomic<int> started{0};
    std::atomic<int> done{0};
    for (Attempt &attempt : attempts) {
        pool.start([&attempt, &serverUrls, &start, &started, &done, together] {
            // The first 64 leave together; the rest follow as threads free up.
            if (started.fetch_add(1) < together) {
                start.count_down();
                start.wait();
            }
            const QByteArray body =
                QJsonDocument(vm::envelope(attempt.message)).toJson(QJsonDocument::Compact);
            const vox::sandbox::Delivery d = vox::sandbox::CallSimulator::post(
                serverUrls.at(attempt.server), u"/api/vapi/tools"_s,
                vox::sandbox::CallSimulator::headersFor(body, TestServer::webhookSecret, {}),
                attempt.message);
            attempt.status = d.status;
            const QJsonArray results = d.answer.value(u"results"_s).toArray();
            if (results.size() == 1 &&
                results.first().toObject().value(u"toolCallId"_s).toString() == attempt.toolCallId)
                attempt.result = results.first().toObject().value(u"result"_s).toString();
            ++done;
        });
    }
    QElapsedTimer timer;
    timer.start();
    while (done.load() < attempts.size() && timer.elapsed() < 240000)
        QTest::qWait(5);
    pool.waitForDone();
}

} // namespace

class TestBookingRace : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_first;
    std::unique_ptr<TestServer> m_second;
    Clinic m_clinic;

    Attempt attempt(int index, int server, int group, const QDateTime &start,
                    const QString &toolCallId)
    {
        vm::CallInfo call;
        call.id = u"race-call-%1"_s.arg(index);
        call.assistantId = m_clinic.assistantId;
        call.customerNumber = u"+1555016%1"_s.arg(index, 4, 10, QChar(u'0'));
        call.customerName = u"Caller %1"_s.arg(index);
        call.createdAt = QDateTime::currentDateTimeUtc();
        vm::Turn turn;
        turn.kind = vm::Turn::Kind::ToolCall;
        turn.toolName = u"bookClinicAppointment"_s;
        turn.toolCallId = toolCallId;
        const QDateTime local = start.toTimeZone(m_clinic.zone);
        turn.arguments = {{u"name"_s, call.customerName},
                          {u"service"_s, u"Consultation"_s},
                          {u"datetime"_s, wallClock(local.date(), local.time())}};
        Attempt a;
        a.server = server;
        a.group = group;
        a.toolCallId = toolCallId;
        a.message = vm::toolCalls(call, {turn}, call.createdAt);
        return a;
    }

private slots:
    void initTestCase()
    {
        vox::log::setupStderr(vox::log::Level::Error);
        m_db = std::make_unique<TestDatabase>(u"bookingrace"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        const QHash<QString, QString> busy{{u"VOXANNE_WORKER_THREADS"_s, u"16"_s}};
        m_first = std::make_unique<TestServer>(*m_db, busy);
        QVERIFY2(m_first->ok(), qPrintable(m_first->error()));
        m_second = std::make_unique<TestServer>(*m_db, busy);
        QVERIFY2(m_second->ok(), qPrintable(m_second->error()));
        auto client = m_first->client();
        m_clinic = createClinic(*client, *m_db, u"Race Clinic"_s, u"America/New_York"_s);
    }

    void twoHundredCallersTwentySlotsTwoServers()
    {
        // 20 groups on three weekdays, hourly from 9:00; within a group ten callers ask for
        // :00, :10 or :20, and any two of those 30-minute consultations overlap. Groups do not
        // overlap each other, so exactly 20 bookings are possible.
        QList<QDateTime> groupStarts;
        QDate day = nextWeekday(1, 7);
        while (groupStarts.size() < 20) {
            for (int hour = 9; hour <= 16 && groupStarts.size() < 20; ++hour)
                groupStarts << at(day, QTime(hour, 0), m_clinic.zone);
            day = day.addDays(1);
        }
        QList<Attempt> attempts;
        for (int i = 0; i < 200; ++i) {
            const int group = i % 20;
            const QDateTime start = groupStarts.at(group).addSecs(((i / 20) % 3) * 600);
            attempts << attempt(i, i % 2, group, start, u"call_race_%1"_s.arg(i));
        }
        fire(attempts, {m_first->url(), m_second->url()});

        int winners = 0;
        int offered = 0;
        QHash<int, int> winnersPerGroup;
        for (const Attempt &a : std::as_const(attempts)) {
            QCOMPARE(a.status, 200);
            QVERIFY2(!a.result.isEmpty(), qPrintable(a.toolCallId));
            if (a.result.startsWith(u"Booked: Consultation"_s)) {
                ++winners;
                ++winnersPerGroup[a.group];
            } else {
                QVERIFY2(a.result.startsWith(u"Sorry, that time was just taken."_s),
                         qPrintable(a.result));
                if (a.result.contains(u"The nearest free times are"_s))
                    ++offered;
            }
        }
        QCOMPARE(winners, 20);
        QCOMPARE(winnersPerGroup.size(), 20);
        for (auto it = winnersPerGroup.cbegin(); it != winnersPerGroup.cend(); ++it)
            QCOMPARE(it.value(), 1);
        QVERIFY(offered > 0);
        QCOMPARE(count(*m_db,
                       "SELECT count(*) FROM appointments WHERE org_id = $1::uuid AND "
                       "status = 'confirmed'",
                       {m_clinic.orgId}),
                 20);
        QCOMPARE(count(*m_db,
                       "SELECT count(*) FROM appointments a JOIN appointments b ON a.id < b.id "
                       "AND a.org_id = b.org_id AND tstzrange(a.starts_at, a.ends_at) && "
                       "tstzrange(b.starts_at, b.ends_at) WHERE a.status = 'confirmed' AND "
                       "b.status = 'confirmed'"),
                 0);
        // Both instances booked some: the race really ran across them.
        QSet<int> winningServers;
        for (const Attempt &a : std::as_const(attempts)) {
            if (a.result.startsWith(u"Booked"_s))
                winningServers.insert(a.server);
        }
        QCOMPARE(winningServers.size(), 2);
    }

    void theSameToolCallOnBothServersBooksOnce()
    {
        QList<Attempt> attempts;
        const QDate day = nextWeekday(5, 7);
        for (int i = 0; i < 16; ++i) {
            const QDateTime start = at(day, QTime(9, 0), m_clinic.zone).addSecs((i / 2) * 1800);
            attempts << attempt(1000 + i / 2, i % 2, i / 2, start, u"call_twice_%1"_s.arg(i / 2));
        }
        fire(attempts, {m_first->url(), m_second->url()});
        for (int i = 0; i < attempts.size(); i += 2) {
            QVERIFY2(attempts.at(i).result.startsWith(u"Booked"_s),
                     qPrintable(attempts.at(i).result));
            QCOMPARE(attempts.at(i + 1).result, attempts.at(i).result);
        }
        QCOMPARE(count(*m_db, "SELECT count(*) FROM appointments WHERE source_tool_call_id LIKE "
                              "'call_twice_%'"),
                 8);
    }
};

QTEST_MAIN(TestBookingRace)
#include "tst_bookingrace.moc"
