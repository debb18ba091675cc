#include "sandbox/loadgenerator.h"

#include "sandbox/callsimulator.h"
#include "sandbox/vapimessages.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QThreadPool>

#include <algorithm>
#include <atomic>
#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace vox::sandbox {

namespace vm = vapimessages;

namespace {

QDate weekdayAfter(QDate day, int weekdays)
{
    while (day.dayOfWeek() > 5)
        day = day.addDays(1);
    for (int i = 0; i < weekdays; ++i) {
        day = day.addDays(1);
        while (day.dayOfWeek() > 5)
            day = day.addDays(1);
    }
    return day;
}

vm::CallInfo callFor(const LoadOptions &o, int index)
{
    vm::CallInfo call;
    call.id = u"load-%1-%2"_s.arg(o.seed).arg(index);
    call.assistantId = o.assistantId;
    call.clinicNumber = u"+15550100000"_s;
    call.customerNumber =
        u"+1556%1"_s.arg(qint64(o.seed % 100) * 100000 + index % 100000, 7, 10, QChar(u'0'));
    call.customerName = u"Load Caller %1"_s.arg(index);
    call.createdAt = QDateTime::currentDateTimeUtc().addSecs(-200);
    call.startedAt = call.createdAt.addSecs(3);
    call.endedAt = call.startedAt.addSecs(150);
    return call;
}

QJsonObject messageFor(const LoadOptions &o, int index)
{
    const vm::CallInfo call = callFor(o, index);
    if (o.kind == u"report") {
        vm::Report r;
        auto say = [&](vm::Turn::Kind kind, const QString &text, double at) {
            vm::Turn t;
            t.kind = kind;
            t.text = text;
            t.secondsFromStart = at;
            r.turns << t;
        };
        say(vm::Turn::Kind::Bot, u"Thank you for calling, how can I help?"_s, 1);
        say(vm::Turn::Kind::User, u"Hi, how much is Botox, and do you do lip filler?"_s, 4);
        say(vm::Turn::Kind::Bot, u"Botox starts at $400 and fillers at $500."_s, 8);
        say(vm::Turn::Kind::User,
            u"Great. My date of birth is 04/12/1988 in case you need it. I'd like to come in "
            "this week."_s,
            14);
        say(vm::Turn::Kind::Bot, u"Let me check our availability."_s, 18);
        say(vm::Turn::Kind::User, u"Thanks, that's perfect."_s, 25);
        r.summary = u"Asked about Botox and fillers."_s;
        r.successEvaluation = u"false"_s;
        if (index % 2 == 0)
            r.structuredData = {{u"sentiment"_s, u"positive"_s}, {u"urgency"_s, u"medium"_s}};
        r.recordingBase = u"https://storage.bench.test/"_s + call.id;
        return vm::endOfCallReport(call, r);
    }
    vm::Turn t;
    t.kind = vm::Turn::Kind::ToolCall;
    t.toolCallId = u"call_load_%1_%2"_s.arg(o.seed).arg(index);
    if (o.kind == u"availability") {
        t.toolName = u"checkAvailability"_s;
        t.arguments = {{u"date"_s, weekdayAfter(o.firstDay, index % 60).toString(Qt::ISODate)},
                       {u"service"_s, u"Consultation"_s}};
    } else {
        t.toolName = u"bookClinicAppointment"_s;
        const QDate day = weekdayAfter(o.firstDay, index / 16);
        const QTime time = QTime(9, 0).addSecs((index % 16) * 30 * 60);
        const QString when = day.toString(Qt::ISODate) + u'T' + time.toString(u"HH:mm:ss"_s);
        t.arguments = QJsonObject{{u"name"_s, call.customerName},
                                  {u"service"_s, u"Consultation"_s},
                                  {u"datetime"_s, when}};
    }
    return vm::toolCalls(call, {t}, call.createdAt);
}

} // namespace

double LoadResult::percentile(double p) const
{
    if (latenciesMs.isEmpty())
        return 0;
    const qsizetype i = qsizetype(std::ceil(p / 100.0 * double(latenciesMs.size()))) - 1;
    return latenciesMs.at(qBound<qsizetype>(0, i, latenciesMs.size() - 1));
}

QString LoadResult::summary() const
{
    return u"requests %1, errors %2, %3 s, %4/s, p50 %5 ms, p90 %6 ms, p99 %7 ms, max %8 ms"_s
        .arg(requests)
        .arg(errors)
        .arg(seconds, 0, 'f', 2)
        .arg(rate(), 0, 'f', 1)
        .arg(percentile(50), 0, 'f', 2)
        .arg(percentile(90), 0, 'f', 2)
        .arg(percentile(99), 0, 'f', 2)
        .arg(latenciesMs.isEmpty() ? 0.0 : latenciesMs.last(), 0, 'f', 2);
}

Result<LoadResult> runLoad(const LoadOptions &options)
{
    if (options.kind != u"book" && options.kind != u"availability" && options.kind != u"report")
        return fail(u"--kind must be book, availability or report."_s);
    LoadOptions o = options;
    if (!o.firstDay.isValid())
        o.firstDay = QDate::currentDate().addDays(7);
    const QString path = o.kind == u"report" ? u"/api/webhooks/vapi"_s : u"/api/vapi/tools"_s;

    std::atomic<int> next{0};
    std::atomic<int> errors{0};
    QMutex mutex;
    QList<double> latencies;
    latencies.reserve(o.requests);
    QThreadPool pool;
    pool.setMaxThreadCount(o.clients);
    QElapsedTimer wall;
    wall.start();
    for (int c = 0; c < o.clients; ++c) {
        pool.start([&] {
            QList<double> mine;
            int index;
            while ((index = next.fetch_add(1)) < o.requests) {
                const QJsonObject message = messageFor(o, index);
                const QByteArray body =
                    QJsonDocument(vm::envelope(message)).toJson(QJsonDocument::Compact);
                QElapsedTimer timer;
                timer.start();
                const Delivery d = CallSimulator::post(
                    o.serverUrl, path, CallSimulator::headersFor(body, o.secret, {}), message);
                mine << double(timer.nsecsElapsed()) / 1e6;
                bool ok = d.status >= 200 && d.status < 300;
                if (ok && o.kind == u"book")
                    ok = d.answer.value(u"results"_s)
                             .toArray()
                             .first()
                             .toObject()
                             .value(u"result"_s)
                             .toString()
                             .startsWith(u"Booked"_s);
                if (!ok)
                    ++errors;
            }
            QMutexLocker locker(&mutex);
            latencies += mine;
        });
    }
    pool.waitForDone();
    LoadResult result;
    result.seconds = double(wall.nsecsElapsed()) / 1e9;
    result.requests = o.requests;
    result.errors = errors.load();
    std::sort(latencies.begin(), latencies.end());
    result.latenciesMs = latencies;
    return result;
}

} // namespace vox::sandbox
