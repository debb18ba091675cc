// A steady load of Vapi deliveries as Vapi and the console's clinics cause them: booking tool
// calls (each for its own free slot) and status webhooks (each for its own call), sent by a few
// client threads through one URL. Each delivery is retried, unchanged, until it is acknowledged,
// as Vapi retries a webhook and a caller asks again: an acknowledged booking is a "Booked: …"
// answer, an acknowledged webhook a 2xx. What each delivery took is kept for the test's
// assertions and figures; times are measured, never asserted.
#pragma once

#include "httpclient.h"
#include "testserver.h"
#include "vapitestkit.h"

#include "sandbox/vapimessages.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QList>
#include <QMutex>
#include <QMutexLocker>
#include <QThread>

#include <atomic>
#include <memory>
#include <vector>

namespace vox::test {

class SteadyLoad
{
public:
    enum class Kind { Booking, Webhook };

    struct Delivery
    {
        Kind kind = Kind::Booking;
        QString key; // the tool call id, or the Vapi call id
        int attempts = 0;
        bool acknowledged = false;
        qint64 acknowledgedAtMs = -1; // on the load's clock
        QString lastFailure;
    };

    struct Options
    {
        QString baseUrl;
        QString label; // makes the load's keys unique within a database
        int threads = 3;
        int maxAttempts = 60; // per delivery
        int retryPauseMs = 250;
        int pauseMs = 20; // between one thread's deliveries: steady, not flat out
    };

    SteadyLoad(Options options, Clinic clinic, QList<QDateTime> times)
        : m_options(std::move(options))
        , m_clinic(std::move(clinic))
        , m_times(std::move(times))
    {}
    ~SteadyLoad() { stop(); }

    void start()
    {
        m_clock.start();
        for (int t = 0; t < m_options.threads; ++t) {
            m_threads.emplace_back(QThread::create([this] { run(); }));
            m_threads.back()->start();
        }
    }
    // Waits for each thread's delivery in progress to be acknowledged or given up.
    void stop()
    {
        m_stopping = true;
        finish();
    }
    // Waits until every slot has been offered for booking (each with its webhook).
    void finish()
    {
        for (auto &thread : m_threads)
            thread->wait();
        m_threads.clear();
    }

    // Milliseconds on the load's clock, to mark when something was done to the system.
    qint64 now() const { return m_clock.elapsed(); }
    int finished() const { return m_finished.load(); }
    QList<Delivery> deliveries() const
    {
        QMutexLocker lock(&m_mutex);
        return m_done;
    }
    // Retried deliveries that were sent at least once more after a first failure.
    static int retried(const QList<Delivery> &all, bool acknowledged)
    {
        return int(std::count_if(all.cbegin(), all.cend(), [&](const Delivery &d) {
            return d.attempts > 1 && d.acknowledged == acknowledged;
        }));
    }
    static QStringList keys(const QList<Delivery> &all, Kind kind)
    {
        QStringList out;
        for (const Delivery &d : all) {
            if (d.kind == kind && d.acknowledged)
                out.append(d.key);
        }
        out.sort();
        return out;
    }

private:
    void run()
    {
        HttpClient client(m_options.baseUrl);
        while (!m_stopping) {
            const int index = m_next.fetch_add(1);
            if (index >= 2 * m_times.size())
                break; // no free slot left to book
            Delivery delivery =
                index % 2 == 0 ? book(client, index / 2) : notify(client, index / 2);
            {
                QMutexLocker lock(&m_mutex);
                m_done.append(delivery);
            }
            ++m_finished;
            QThread::msleep(m_options.pauseMs);
        }
    }

    sandbox::vapimessages::CallInfo call(const QString &id) const
    {
        sandbox::vapimessages::CallInfo info;
        info.id = id;
        info.assistantId = m_clinic.assistantId;
        info.clinicNumber = QStringLiteral("+15550009999");
        info.customerNumber =
            QStringLiteral("+1555017%1").arg(qHash(id) % 10000, 4, 10, QChar(u'0'));
        info.customerName = QStringLiteral("Load Caller");
        info.createdAt = QDateTime::currentDateTimeUtc().addSecs(-30);
        info.startedAt = info.createdAt.addSecs(2);
        return info;
    }

    Delivery book(HttpClient &client, int slot)
    {
        Delivery d;
        d.kind = Kind::Booking;
        d.key = QStringLiteral("call_%1_book_%2").arg(m_options.label).arg(slot);
        sandbox::vapimessages::Turn turn;
        turn.kind = sandbox::vapimessages::Turn::Kind::ToolCall;
        turn.toolName = QStringLiteral("bookClinicAppointment");
        turn.toolCallId = d.key;
        const QDateTime local = m_times.at(slot).toTimeZone(m_clinic.zone);
        turn.arguments = {{QStringLiteral("name"), QStringLiteral("Load Caller %1").arg(slot)},
                          {QStringLiteral("service"), QStringLiteral("Consultation")},
                          {QStringLiteral("datetime"), wallClock(local.date(), local.time())}};
        const auto info = call(QStringLiteral("%1-book-%2").arg(m_options.label).arg(slot));
        // The same message on every attempt, as Vapi resends it.
        const QJsonObject message =
            sandbox::vapimessages::toolCalls(info, {turn}, info.createdAt.addSecs(10));
        deliver(d, [&] {
            const HttpReply reply = postVapi(client, QStringLiteral("/api/vapi/tools"), message);
            const QString result = reply.json()
                                       .value(QStringLiteral("results"))
                                       .toArray()
                                       .first()
                                       .toObject()
                                       .value(QStringLiteral("result"))
                                       .toString();
            return reply.status == 200 && result.startsWith(QStringLiteral("Booked"))
                       ? QString()
                       : QStringLiteral("%1 %2").arg(reply.status).arg(result.left(80));
        });
        return d;
    }

    Delivery notify(HttpClient &client, int index)
    {
        Delivery d;
        d.kind = Kind::Webhook;
        d.key = QStringLiteral("%1-status-%2").arg(m_options.label).arg(index);
        const auto info = call(d.key);
        const QJsonObject message = sandbox::vapimessages::statusUpdate(
            info, QStringLiteral("in-progress"), info.startedAt);
        deliver(d, [&] {
            const HttpReply reply = postVapi(client, QStringLiteral("/api/webhooks/vapi"), message);
            return reply.status / 100 == 2 ? QString()
                                           : QStringLiteral("%1 %2")
                                                 .arg(reply.status)
                                                 .arg(QString::fromUtf8(reply.body.left(80)));
        });
        return d;
    }

    // `attempt` answers an empty string when acknowledged, else what went wrong.
    template<typename Attempt> void deliver(Delivery &d, const Attempt &attempt)
    {
        while (d.attempts < m_options.maxAttempts) {
            ++d.attempts;
            const QString failure = attempt();
            if (failure.isEmpty()) {
                d.acknowledged = true;
                d.acknowledgedAtMs = m_clock.elapsed();
                return;
            }
            d.lastFailure = failure;
            QThread::msleep(m_options.retryPauseMs);
        }
    }

    const Options m_options;
    const Clinic m_clinic;
    const QList<QDateTime> m_times;
    QElapsedTimer m_clock;
    std::vector<std::unique_ptr<QThread>> m_threads;
    std::atomic<bool> m_stopping{false};
    std::atomic<int> m_next{0};
    std::atomic<int> m_finished{0};
    mutable QMutex m_mutex;
    QList<Delivery> m_done;
};

// `count` free 30-minute slots on weekdays from `firstDay`, 9:00 to 16:30 in the clinic's zone.
inline QList<QDateTime> weekdaySlots(const QDate &firstDay, const QTimeZone &zone, int count)
{
    QList<QDateTime> times;
    for (QDate day = firstDay; times.size() < count; day = day.addDays(1)) {
        if (day.dayOfWeek() > 5)
            continue;
        for (int half = 0; half < 16 && times.size() < count; ++half)
            times.append(at(day, QTime(9 + half / 2, (half % 2) * 30), zone));
    }
    return times;
}

} // namespace vox::test
