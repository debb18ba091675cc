// Texting back a caller who reached nobody: decided when the end-of-call report is stored, queued
// as a durable job in the same transaction (the webhook never waits on Twilio), only when the
// clinic turned it on, never to an opted-out or untextable number, once per call however often
// Vapi delivers the report, and once per window per number however many instances race.
#include "core/logging/log.h"
#include "sandbox/callsimulator.h"
#include "sandbox/vapimessages.h"
#include "server/db/database.h"
#include "server/services/missedcalltextback.h"
#include "vapitestkit.h"

#include <QJsonDocument>
#include <QTest>
#include <QThread>
#include <QThreadPool>
#include <QUuid>

#include <atomic>
#include <latch>

using namespace Qt::Literals::StringLiterals;
using namespace vox::test;
namespace vm = vox::sandbox::vapimessages;

class TestMissedCallTextBack : public QObject
{
    Q_OBJECT

    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<TestServer> m_first;
    std::unique_ptr<TestServer> m_second;
    std::unique_ptr<HttpClient> m_client;
    Clinic m_on;  // text-back turned on
    Clinic m_off; // the default
    int m_calls = 0;
    int m_numbers = 0;

    QString newNumber() { return u"+1512555%1"_s.arg(++m_numbers, 4, 10, QLatin1Char('0')); }

    QJsonObject report(const Clinic &clinic, const QString &number, const QString &reason,
                       int seconds, bool outbound = false)
    {
        vm::CallInfo info;
        info.id = u"call-tb-%1"_s.arg(++m_calls);
        info.assistantId = clinic.assistantId;
        info.clinicNumber = u"+15550009999"_s;
        info.customerNumber = number;
        info.outbound = outbound;
        info.createdAt = QDateTime::fromString(u"2030-03-04T15:00:00Z"_s, Qt::ISODate);
        info.startedAt = info.createdAt.addSecs(2);
        info.endedAt = info.startedAt.addSecs(seconds);
        vm::Report r;
        r.endedReason = reason;
        return vm::endOfCallReport(info, r);
    }

    HttpReply deliver(const QJsonObject &message)
    {
        return postVapi(*m_client, u"/api/webhooks/vapi"_s, message);
    }

    qint64 textBacks(const Clinic &clinic, const QString &number)
    {
        return count(*m_db,
                     "SELECT count(*) FROM jobs WHERE org_id = $1::uuid AND kind = 'sms.send' AND "
                     "payload ->> 'purpose' = 'missed_call_textback' AND payload ->> 'to' = $2",
                     {clinic.orgId, number});
    }

    // Sends every message at once from a pool of threads, alternating between the two
    // instances, while this thread keeps their event loops turning.
    QList<int> fire(const QList<QJsonObject> &messages)
    {
        const QStringList urls{m_first->url(), m_second->url()};
        QList<int> statuses(messages.size(), 0);
        QThreadPool pool;
        pool.setMaxThreadCount(int(messages.size()));
        std::latch start(messages.size());
        std::atomic<int> done{0};
        for (int i = 0; i < messages.size(); ++i) {
            pool.start([&, i] {
                start.count_down();
                start.wait();
                const QByteArray body =
                    QJsonDocument(vm::envelope(messages.at(i))).toJson(QJsonDocument::Compact);
                const auto d = vox::sandbox::CallSimulator::post(
                    urls.at(i % 2), u"/api/webhooks/vapi"_s,
                    vox::sandbox::CallSimulator::headersFor(body, TestServer::webhookSecret, {}),
                    messages.at(i));
                statuses[i] = d.status;
                ++done;
            });
        }
        while (done.load() < messages.size())
            QTest::qWait(5);
        pool.waitForDone();
        return statuses;
    }

private slots:
    void initTestCase()
    {
        vox::log::setupStderr(vox::log::Level::Error);
        m_db = std::make_unique<TestDatabase>(u"missedcalltextback"_s);
        QVERIFY2(m_db->ok(), qPrintable(m_db->error()));
        const QHash<QString, QString> busy{{u"VOXANNE_WORKER_THREADS"_s, u"8"_s}};
        m_first = std::make_unique<TestServer>(*m_db, busy);
        QVERIFY2(m_first->ok(), qPrintable(m_first->error()));
        m_second = std::make_unique<TestServer>(*m_db, busy);
        QVERIFY2(m_second->ok(), qPrintable(m_second->error()));
        m_client = m_first->client();
        m_on = createClinic(*m_client, *m_db, u"Glow Clinic"_s);
        m_off = createClinic(*m_client, *m_db, u"Quiet Clinic"_s);
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin->exec("UPDATE org_settings SET missed_call_textback = true WHERE org_id = "
                            "$1::uuid",
                            {m_on.orgId}));
    }

    void theClinicTurnsItOnAndSeesWhatItSends()
    {
        auto client = m_first->client();
        client->setToken(m_off.token);
        const QString path = u"/api/org/missed-call-textback"_s;
        QJsonObject shown = client->get(path).json();
        QCOMPARE(shown.value(u"enabled"_s).toBool(true), false);
        QCOMPARE(shown.value(u"hours"_s).toInt(), 24);
        QCOMPARE(
            shown.value(u"preview"_s).toString(),
            u"Sorry we missed you at Quiet Clinic \u2014 reply here or we'll call you back."_s);

        HttpReply saved = client->put(path, {{u"enabled"_s, true},
                                             {u"template"_s, u"{clinic} missed you, sorry!"_s},
                                             {u"hours"_s, 48}});
        QCOMPARE(saved.status, 200);
        shown = saved.json();
        QCOMPARE(shown.value(u"enabled"_s).toBool(), true);
        QCOMPARE(shown.value(u"hours"_s).toInt(), 48);
        QCOMPARE(shown.value(u"preview"_s).toString(), u"Quiet Clinic missed you, sorry!"_s);
        QCOMPARE(client->get(path).json(), shown);

        QCOMPARE(client->put(path, {{u"hours"_s, 0}}).status, 400);
        QCOMPARE(client->put(path, {{u"hours"_s, 721}}).status, 400);
        QCOMPARE(client->put(path, {{u"enabled"_s, u"yes"_s}}).status, 400);
        QCOMPARE(client->put(path, {{u"template"_s, QString(481, u'x')}}).status, 400);
        QCOMPARE(client->put(path, {{u"template"_s, QJsonValue()}, {u"enabled"_s, false}})
                     .json()
                     .value(u"template"_s),
                 QJsonValue());
        QCOMPARE(client->get(path).json().value(u"enabled"_s).toBool(true), false);

        auto anonymous = m_first->client();
        QCOMPARE(anonymous->get(path).status, 401);
    }

    // Each row: how the call ended and how long it was, what the clinic and the number allow,
    // and whether the caller is texted back.
    void whoIsTextedBack_data()
    {
        QTest::addColumn<QString>("reason");
        QTest::addColumn<int>("seconds");
        QTest::addColumn<QString>("situation");
        QTest::addColumn<bool>("texted");
        auto row = [](const char *name, const QString &reason, int seconds,
                      const QString &situation, bool texted) {
            QTest::newRow(name) << reason << seconds << situation << texted;
        };
        row("hung up during the greeting", u"customer-ended-call"_s, 4, u"on"_s, true);
        row("silence timeout", u"silence-timed-out"_s, 30, u"on"_s, true);
        row("transfer not answered", u"call.forwarding.no-answer"_s, 60, u"on"_s, true);
        row("pipeline error", u"call.in-progress.error-providerfault-openai-llm-failed"_s, 8,
            u"on"_s, true);
        row("a conversation", u"customer-ended-call"_s, 120, u"on"_s, false);
        row("the AI ended it", u"assistant-ended-call"_s, 90, u"on"_s, false);
        row("clinic left it off", u"silence-timed-out"_s, 30, u"off"_s, false);
        row("number opted out", u"silence-timed-out"_s, 30, u"opted out"_s, false);
        row("contact not to be texted", u"silence-timed-out"_s, 30, u"do not text"_s, false);
        row("toll-free caller", u"silence-timed-out"_s, 30, u"toll-free"_s, false);
        row("our own outbound call", u"customer-did-not-answer"_s, 0, u"outbound"_s, false);
    }
    void whoIsTextedBack()
    {
        QFETCH(QString, reason);
        QFETCH(int, seconds);
        QFETCH(QString, situation);
        QFETCH(bool, texted);
        const Clinic &clinic = situation == u"off"_s ? m_off : m_on;
        const QString number = situation == u"toll-free"_s
                                   ? u"+1800555%1"_s.arg(++m_numbers, 4, 10, QLatin1Char('0'))
                                   : newNumber();
        auto admin = m_db->connectAsAdmin();
        if (situation == u"opted out"_s)
            QVERIFY(admin->exec("INSERT INTO sms_opt_outs (org_id, phone, keyword) VALUES "
                                "($1::uuid, $2, 'STOP')",
                                {clinic.orgId, number}));
        if (situation == u"do not text"_s)
            QVERIFY(admin->exec("INSERT INTO contacts (org_id, phone, do_not_text) VALUES "
                                "($1::uuid, $2, true)",
                                {clinic.orgId, number}));
        const HttpReply reply =
            deliver(report(clinic, number, reason, seconds, situation == u"outbound"_s));
        QCOMPARE(reply.status, 200);
        QCOMPARE(textBacks(clinic, number), texted ? 1 : 0);
    }

    void theTextNamesTheClinicAndPointsAtTheCall()
    {
        const QString number = newNumber();
        const QJsonObject message = report(m_on, number, u"voicemail"_s, 20);
        QCOMPARE(deliver(message).status, 200);
        const QJsonObject payload =
            QJsonDocument::fromJson(scalar(*m_db,
                                           "SELECT payload::text FROM jobs WHERE org_id = "
                                           "$1::uuid AND payload ->> 'to' = $2",
                                           {m_on.orgId, number})
                                        .toUtf8())
                .object();
        QCOMPARE(payload.value(u"body"_s).toString(),
                 u"Sorry we missed you at Glow Clinic \u2014 reply here or we'll call you back."_s);
        QCOMPARE(payload.value(u"purpose"_s).toString(), u"missed_call_textback"_s);
        const QString callId =
            scalar(*m_db, "SELECT id FROM call_logs WHERE phone_number = $1", {number});
        QCOMPARE(payload.value(u"call_id"_s).toString(), callId);
        QVERIFY(!payload.value(u"contact_id"_s).toString().isEmpty());
    }

    void theClinicsOwnWordingIsUsed()
    {
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin->exec("UPDATE org_settings SET missed_call_textback_template = "
                            "'{clinic} here: sorry we missed you!' WHERE org_id = $1::uuid",
                            {m_on.orgId}));
        const QString number = newNumber();
        QCOMPARE(deliver(report(m_on, number, u"voicemail"_s, 20)).status, 200);
        QCOMPARE(scalar(*m_db, "SELECT payload ->> 'body' FROM jobs WHERE payload ->> 'to' = $1",
                        {number}),
                 u"Glow Clinic here: sorry we missed you!"_s);
        QVERIFY(admin->exec("UPDATE org_settings SET missed_call_textback_template = NULL WHERE "
                            "org_id = $1::uuid",
                            {m_on.orgId}));
    }

    void aRepeatedReportTextsOnce()
    {
        const QString number = newNumber();
        const QJsonObject message = report(m_on, number, u"silence-timed-out"_s, 30);
        QCOMPARE(deliver(message).status, 200);
        QCOMPARE(deliver(message).status, 200);
        QCOMPARE(textBacks(m_on, number), 1);
    }

    void aNumberIsTextedBackOncePerWindow()
    {
        const QString number = newNumber();
        QCOMPARE(deliver(report(m_on, number, u"silence-timed-out"_s, 30)).status, 200);
        QCOMPARE(deliver(report(m_on, number, u"voicemail"_s, 20)).status, 200);
        QCOMPARE(textBacks(m_on, number), 1);

        // 23 hours later (the default window is 24): still not again.
        auto admin = m_db->connectAsAdmin();
        // The job may have run already and left its message (unsent here: no Twilio): both
        // are made older.
        QVERIFY(admin->exec("UPDATE jobs SET created_at = created_at - interval '23 hours' "
                            "WHERE payload ->> 'to' = $1",
                            {number}));
        QVERIFY(admin->exec("UPDATE messages SET created_at = created_at - interval '23 hours' "
                            "WHERE recipient = $1",
                            {number}));
        QCOMPARE(deliver(report(m_on, number, u"voicemail"_s, 20)).status, 200);
        QCOMPARE(textBacks(m_on, number), 1);

        // Past the window: a new missed call is texted back again.
        QVERIFY(admin->exec("UPDATE jobs SET created_at = created_at - interval '2 hours' "
                            "WHERE payload ->> 'to' = $1",
                            {number}));
        QVERIFY(admin->exec("UPDATE messages SET created_at = created_at - interval '2 hours' "
                            "WHERE recipient = $1",
                            {number}));
        QCOMPARE(deliver(report(m_on, number, u"voicemail"_s, 20)).status, 200);
        QCOMPARE(textBacks(m_on, number), 2);
    }

    // The clinic's quiet hours (its reminder plan's, in its time zone) hold a text-back until
    // they end. Each row: the clinic's zone and quiet hours, when the report is stored (UTC) and
    // when the text is queued to go (UTC).
    void aCallInTheQuietHoursIsTextedBackWhenTheyEnd_data()
    {
        QTest::addColumn<QString>("zone");
        QTest::addColumn<QString>("quiet");
        QTest::addColumn<QString>("reported");
        QTest::addColumn<QString>("sent");
        auto row = [](const char *name, const QString &zone, const QString &quiet,
                      const QString &reported, const QString &sent) {
            QTest::newRow(name) << zone << quiet << reported << sent;
        };
        const QString ny = u"America/New_York"_s;
        const QString night = u"21:00-08:00"_s;
        row("afternoon: at once", ny, night, u"2030-06-12T19:00:00Z"_s, u"2030-06-12T19:00:00Z"_s);
        row("23:30: next morning at 08:00", ny, night, u"2030-06-13T03:30:00Z"_s,
            u"2030-06-13T12:00:00Z"_s);
        row("02:00: the same morning at 08:00", ny, night, u"2030-06-13T06:00:00Z"_s,
            u"2030-06-13T12:00:00Z"_s);
        row("21:00 sharp: quiet", ny, night, u"2030-06-13T01:00:00Z"_s, u"2030-06-13T12:00:00Z"_s);
        row("08:00 sharp: at once", ny, night, u"2030-06-13T12:00:00Z"_s,
            u"2030-06-13T12:00:00Z"_s);
        row("the night the clocks go forward: 08:00 EDT", ny, night, u"2030-03-10T04:00:00Z"_s,
            u"2030-03-10T12:00:00Z"_s);
        row("the night the clocks go back: 08:00 EST", ny, night, u"2030-11-03T03:00:00Z"_s,
            u"2030-11-03T13:00:00Z"_s);
        row("Madrid, summer time begins at 02:00: 09:00 CEST", u"Europe/Madrid"_s, u"22:00-09:00"_s,
            u"2030-03-31T00:30:00Z"_s, u"2030-03-31T07:00:00Z"_s);
        row("a lunch-time quiet hour", ny, u"13:00-14:00"_s, u"2030-06-12T17:30:00Z"_s,
            u"2030-06-12T18:00:00Z"_s);
        row("no quiet hours: at once at night", ny, u"00:00-00:00"_s, u"2030-06-13T06:00:00Z"_s,
            u"2030-06-13T06:00:00Z"_s);
    }
    void aCallInTheQuietHoursIsTextedBackWhenTheyEnd()
    {
        QFETCH(QString, zone);
        QFETCH(QString, quiet);
        QFETCH(QString, reported);
        QFETCH(QString, sent);
        auto admin = m_db->connectAsAdmin();
        QVERIFY(admin->exec("UPDATE org_settings SET time_zone = $2 WHERE org_id = $1::uuid",
                            {m_on.orgId, zone}));
        QVERIFY(admin->exec("INSERT INTO reminder_plans (org_id, quiet_start, quiet_end) VALUES "
                            "($1::uuid, $2::time, $3::time) ON CONFLICT (org_id) DO UPDATE SET "
                            "quiet_start = EXCLUDED.quiet_start, quiet_end = EXCLUDED.quiet_end",
                            {m_on.orgId, quiet.section(u'-', 0, 0), quiet.section(u'-', 1, 1)}));
        const QString number = newNumber();
        const QDateTime at = QDateTime::fromString(reported, Qt::ISODate);
        vox::db::Database db(m_db->settings());
        auto queued =
            db.transaction<bool>(vox::db::Access::service(), [&](vox::db::Transaction &tx) {
                return vox::server::missedcalltextback::plan(
                    tx,
                    {m_on.orgId, QUuid::createUuid().toString(QUuid::WithoutBraces), u"inbound"_s,
                     number, QString(), u"voicemail"_s, at.addSecs(-40), at.addSecs(-5)},
                    at);
            });
        QVERIFY2(queued, qPrintable(queued ? QString() : queued.errorMessage()));
        QVERIFY(*queued);
        QCOMPARE(
            scalar(*m_db,
                   "SELECT to_char(run_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') "
                   "FROM jobs WHERE org_id = $1::uuid AND payload ->> 'to' = $2",
                   {m_on.orgId, number}),
            sent);
        QVERIFY(admin->exec("DELETE FROM reminder_plans WHERE org_id = $1::uuid", {m_on.orgId}));
    }

    // Two reports of calls from one number stored at the same moment by two instances, without
    // anything else in their transactions to make one wait for the other: the first holds its
    // transaction open after queueing its text, and the second is held until the first commits,
    // so it sees that text and queues none. (Without the per-number lock the second would not
    // see the first's uncommitted job and text the caller twice.)
    void aSecondReportWaitsForTheFirstOnesText()
    {
        const QString number = newNumber();
        const QDateTime at = QDateTime::fromString(u"2030-06-12T19:00:00Z"_s, Qt::ISODate);
        const auto ended = [&] {
            return vox::server::missedcalltextback::EndedCall{
                m_on.orgId,      QUuid::createUuid().toString(QUuid::WithoutBraces),
                u"inbound"_s,    number,
                QString(),       u"voicemail"_s,
                at.addSecs(-40), at.addSecs(-5)};
        };
        vox::db::Database first(m_db->settings());
        vox::db::Database second(m_db->settings());
        std::atomic<bool> firstQueuedItsText{false};
        std::atomic<bool> secondDone{false};
        std::atomic<int> queued{0};
        std::atomic<int> errors{0};
        QThread *one = QThread::create([&] {
            auto r = first.transaction<bool>(
                vox::db::Access::service(), [&](vox::db::Transaction &tx) -> vox::Result<bool> {
                    auto q = vox::server::missedcalltextback::plan(tx, ended(), at);
                    firstQueuedItsText = true;
                    // Open until the second report is stored, or for a second when that waits.
                    for (int i = 0; i < 100 && !secondDone; ++i)
                        QThread::msleep(10);
                    return q;
                });
            errors += r ? 0 : 1;
            queued += r && *r ? 1 : 0;
        });
        QThread *two = QThread::create([&] {
            for (int i = 0; i < 3000 && !firstQueuedItsText; ++i)
                QThread::msleep(1);
            auto r =
                second.transaction<bool>(vox::db::Access::service(), [&](vox::db::Transaction &tx) {
                    return vox::server::missedcalltextback::plan(tx, ended(), at);
                });
            secondDone = true;
            errors += r ? 0 : 1;
            queued += r && *r ? 1 : 0;
        });
        one->start();
        two->start();
        QVERIFY(QTest::qWaitFor([&] { return one->isFinished() && two->isFinished(); }, 20000));
        delete one;
        delete two;
        QCOMPARE(errors.load(), 0);
        QCOMPARE(queued.load(), 1);
        QCOMPARE(textBacks(m_on, number), 1);
    }

    // Vapi retrying one report while the same caller's other missed calls are reported, all at
    // once, through two instances on one database: one text.
    void racingReportsTextOnce()
    {
        const QString number = newNumber();
        const QJsonObject repeated = report(m_on, number, u"silence-timed-out"_s, 30);
        QList<QJsonObject> messages;
        for (int i = 0; i < 8; ++i)
            messages << repeated;
        for (int i = 0; i < 8; ++i)
            messages << report(m_on, number, u"customer-ended-call"_s, 3);
        const QList<int> statuses = fire(messages);
        for (int status : statuses)
            QCOMPARE(status, 200);
        QCOMPARE(textBacks(m_on, number), 1);
        QCOMPARE(count(*m_db, "SELECT count(*) FROM call_logs WHERE phone_number = $1", {number}),
                 9);
    }
};

QTEST_MAIN(TestMissedCallTextBack)
#include "tst_missedcalltextback.moc"
