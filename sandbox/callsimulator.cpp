#include "sandbox/callsimulator.h"

#include "core/vapisignature.h"
#include "sandbox/outboundhttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace vox::sandbox {

namespace vm = vapimessages;

namespace {

const QUuid simulatorNamespace(u"6f1c2a7e-3b54-4c8e-9d1a-5e0b7c9f2d41"_s);

const QStringList names{u"Maria Lopez"_s,  u"James Carter"_s, u"Aisha Khan"_s, u"Tom Becker"_s,
                        u"Lena Fischer"_s, u"Omar Haddad"_s,  u"Grace Kim"_s,  u"Diego Santos"_s};

vm::Turn line(vm::Turn::Kind kind, const QString &text, double at)
{
    vm::Turn t;
    t.kind = kind;
    t.text = text;
    t.secondsFromStart = at;
    return t;
}

vm::Turn toolTurn(const QString &name, const QJsonObject &args, double at)
{
    vm::Turn t;
    t.kind = vm::Turn::Kind::ToolCall;
    t.toolName = name;
    t.arguments = args;
    t.secondsFromStart = at;
    return t;
}

QDate addWeekdays(QDate day, int count)
{
    while (day.dayOfWeek() > 5)
        day = day.addDays(1);
    for (int i = 0; i < count; ++i) {
        day = day.addDays(1);
        while (day.dayOfWeek() > 5)
            day = day.addDays(1);
    }
    return day;
}

QString spokenTime(const QTime &t)
{
    return QLocale(QLocale::English, QLocale::UnitedStates).toString(t, u"h:mm AP"_s);
}

} // namespace

CallSimulator::CallSimulator(Options options)
    : m_options(std::move(options))
{
    while (m_options.serverUrl.endsWith(u'/'))
        m_options.serverUrl.chop(1);
    if (!m_options.firstDay.isValid()) {
        QDate d = QDate::currentDate().addDays(8);
        while (d.dayOfWeek() != 1)
            d = d.addDays(1);
        m_options.firstDay = d;
    }
}

QHash<QByteArray, QByteArray>
CallSimulator::headersFor(const QByteArray &body, const QString &secret, const QString &hmacSecret)
{
    QHash<QByteArray, QByteArray> headers;
    if (!hmacSecret.isEmpty()) {
        const QByteArray stamp = QByteArray::number(QDateTime::currentSecsSinceEpoch());
        headers.insert("x-timestamp", stamp);
        headers.insert("x-signature", vapi::signature(stamp, body, hmacSecret));
    } else if (!secret.isEmpty()) {
        headers.insert("x-vapi-secret", secret.toUtf8());
    }
    return headers;
}

Delivery CallSimulator::post(const QString &serverUrl, const QString &path,
                             const QHash<QByteArray, QByteArray> &headers,
                             const QJsonObject &message)
{
    Delivery d;
    d.path = path;
    d.body = vm::envelope(message);
    http::OutboundCall call;
    call.method = "POST";
    call.url = QUrl(serverUrl + path);
    call.contentType = "application/json";
    call.body = QJsonDocument(d.body).toJson(QJsonDocument::Compact);
    call.timeoutMs = 20000; // Vapi's default server timeout
    for (auto it = headers.cbegin(); it != headers.cend(); ++it)
        call.headers.append({it.key(), it.value()});
    auto answer = sendOnce(call);
    if (answer) {
        d.status = answer->status;
        d.answer = answer->json().toObject();
    }
    return d;
}

QString CallSimulator::recordIn(const QString &sandboxUrl, const QString &callId,
                                const QList<vm::Turn> &turns)
{
    if (sandboxUrl.isEmpty())
        return {};
    QJsonArray lines;
    for (const vm::Turn &t : turns) {
        if (t.kind != vm::Turn::Kind::User && t.kind != vm::Turn::Kind::Bot)
            continue;
        lines.append(
            QJsonObject{{u"role"_s, t.kind == vm::Turn::Kind::User ? u"user"_s : u"assistant"_s},
                        {u"text"_s, t.text},
                        {u"secondsFromStart"_s, t.secondsFromStart}});
    }
    QString base = sandboxUrl;
    while (base.endsWith(u'/'))
        base.chop(1);
    http::OutboundCall call;
    call.method = "POST";
    call.url = QUrl(base + u"/_sandbox/recordings/"_s + callId);
    call.contentType = "application/json";
    call.body = QJsonDocument(QJsonObject{{u"lines"_s, lines}}).toJson(QJsonDocument::Compact);
    call.timeoutMs = 5000;
    auto answer = sendOnce(call);
    if (!answer || !answer->ok())
        return {};
    return answer->json().toObject().value(u"recordingBase"_s).toString();
}

Delivery CallSimulator::send(const QString &path, const QJsonObject &message)
{
    const QByteArray body = QJsonDocument(vm::envelope(message)).toJson(QJsonDocument::Compact);
    Delivery d = post(m_options.serverUrl, path,
                      headersFor(body, m_options.secret, m_options.hmacSecret), message);
    if (d.status < 200 || d.status >= 300)
        ++m_summary.failedDeliveries;
    m_summary.deliveries.append(d);
    return d;
}

QString CallSimulator::askTool(const vm::CallInfo &call, vm::Turn &turn, QList<vm::Turn> &turns,
                               const QDateTime &at)
{
    turn.toolCallId = u"call_%1"_s.arg(QString::fromLatin1(
        QUuid::createUuidV5(simulatorNamespace,
                            u"%1/tool/%2"_s.arg(m_options.seed).arg(++m_toolCalls))
            .toRfc4122()
            .toHex()
            .left(24)));
    const Delivery d = send(u"/api/vapi/tools"_s, vm::toolCalls(call, {turn}, at));
    QString result =
        d.answer.value(u"results"_s).toArray().first().toObject().value(u"result"_s).toString();
    if (result.isEmpty())
        result = u"(no answer from the server: HTTP %1)"_s.arg(d.status);
    vm::Turn answer = turn;
    answer.kind = vm::Turn::Kind::ToolResult;
    answer.text = result;
    answer.secondsFromStart = turn.secondsFromStart + 1;
    turns << turn << answer;
    return result;
}

Result<CallSimulator::Summary> CallSimulator::run()
{
    if (m_options.serverUrl.isEmpty())
        return fail(u"Give the server's URL (--server)."_s);
    if (m_options.assistantId.isEmpty() && m_options.phoneNumberId.isEmpty())
        return fail(u"Give the clinic's Vapi assistant id (--assistant) or phone number id."_s);
    m_summary = {};
    const qint64 spacing = qMax(1, m_options.spacingSeconds);
    const QDateTime base =
        QDateTime::currentDateTimeUtc().addSecs(-qint64(m_options.calls) * spacing);
    int bookings = 0;
    QString returningNumber;
    QString returningName;

    for (int i = 0; i < m_options.calls; ++i) {
        const int scenario = i % 6;
        vm::CallInfo call;
        call.id =
            QUuid::createUuidV5(simulatorNamespace, u"%1/call/%2"_s.arg(m_options.seed).arg(i))
                .toString(QUuid::WithoutBraces);
        call.assistantId = m_options.assistantId;
        call.phoneNumberId = m_options.phoneNumberId;
        call.clinicNumber = m_options.clinicNumber;
        call.customerNumber = u"+1555%1%2"_s.arg(m_options.seed % 10000, 4, 10, QChar(u'0'))
                                  .arg(i % 1000, 3, 10, QChar(u'0'));
        QString name = names.at(int((m_options.seed + quint32(i)) % quint32(names.size())));
        if (scenario == 4 && !returningNumber.isEmpty()) {
            call.customerNumber = returningNumber;
            name = returningName;
        }
        // Callers who withhold their name: the price shopper and the angry one.
        if (scenario != 1 && scenario != 5)
            call.customerName = name;
        call.createdAt = base.addSecs(qint64(i) * spacing);
        call.startedAt = call.createdAt.addSecs(4);

        vm::Report report;
        bool recorded = true;
        QList<vm::Turn> &turns = report.turns;
        auto at = [&](double seconds) { return call.startedAt.addMSecs(qint64(seconds * 1000)); };
        int durationSeconds = 60;
        QString outcome;

        send(u"/api/webhooks/vapi"_s, vm::statusUpdate(call, u"ringing"_s, call.createdAt));
        send(u"/api/webhooks/vapi"_s, vm::statusUpdate(call, u"in-progress"_s, call.startedAt));
        turns << line(vm::Turn::Kind::Bot,
                      u"Thank you for calling. This is Voxanne, how can I help you today?"_s, 1);

        if (scenario == 0 || scenario == 3) {
            const bool fillers = scenario == 3;
            const QString service = fillers ? u"Fillers"_s : u"Botox"_s;
            const QDate day = addWeekdays(m_options.firstDay, bookings / 4);
            QTime time(9 + 2 * (bookings % 4), 0);
            ++bookings;
            vm::Turn lookup = toolTurn(u"lookupCaller"_s, {}, 2);
            askTool(call, lookup, turns, at(2));
            turns << line(vm::Turn::Kind::User,
                          fillers ? u"Hi, this is %1. I'd like lip filler. My date of birth is "
                                    "04/12/1988 if you need it."_s.arg(name)
                                  : u"Hi, this is %1. I'd like to book Botox, maybe on %2?"_s.arg(
                                        name, QLocale(QLocale::English).dayName(day.dayOfWeek())),
                          5);
            vm::Turn check =
                toolTurn(u"checkAvailability"_s,
                         {{u"date"_s, day.toString(Qt::ISODate)}, {u"service"_s, service}}, 8);
            askTool(call, check, turns, at(8));
            turns << line(vm::Turn::Kind::Bot,
                          u"We have openings that day. Does %1 work for you?"_s.arg(
                              spokenTime(time)),
                          11)
                  << line(vm::Turn::Kind::User,
                          fillers ? u"The %1 slot, please. Should I give you my card, 4242 4242 "
                                    "4242 4242?"_s.arg(spokenTime(time))
                                  : u"Yes, %1 is perfect."_s.arg(spokenTime(time)),
                          15);
            QString result;
            // A slot taken meanwhile (by an earlier run against the same server): the AI offers
            // the next half hour, as it would on a real call.
            for (int attempt = 0; attempt < 3; ++attempt) {
                const QString when =
                    day.toString(Qt::ISODate) + u'T' + time.toString(u"HH:mm:ss"_s);
                vm::Turn book = toolTurn(
                    u"bookClinicAppointment"_s,
                    QJsonObject{{u"name"_s, name}, {u"service"_s, service}, {u"datetime"_s, when}},
                    18 + attempt * 6);
                result = askTool(call, book, turns, at(18 + attempt * 6));
                if (result.startsWith(u"Booked"_s))
                    break;
                time = time.addSecs(30 * 60);
            }
            const bool booked = result.startsWith(u"Booked"_s);
            if (booked) {
                ++m_summary.booked;
                // The next caller who "calls again" is this one.
                returningNumber = call.customerNumber;
                returningName = name;
            }
            turns << line(vm::Turn::Kind::Bot,
                          booked ? u"You're all set. "_s + result
                                 : u"I'm sorry, I couldn't book that. "_s + result,
                          40)
                  << line(vm::Turn::Kind::User,
                          fillers ? u"Great, thanks!"_s : u"Perfect, thank you so much!"_s, 45);
            report.summary = booked ? u"%1 booked %2."_s.arg(name, service)
                                    : u"%1 wanted %2 but no time was booked."_s.arg(name, service);
            report.successEvaluation = booked ? u"true"_s : u"false"_s;
            report.structuredData = {{u"sentiment"_s, u"positive"_s},
                                     {u"sentimentScore"_s, fillers ? 0.6 : 0.8},
                                     {u"urgency"_s, fillers ? u"medium"_s : u"low"_s}};
            durationSeconds = fillers ? 140 : 130;
            outcome = booked ? u"booked %1"_s.arg(service) : u"could not book"_s;
        } else if (scenario == 1) {
            turns << line(vm::Turn::Kind::User,
                          u"How much is a facelift? And do you do nose jobs?"_s, 4);
            vm::Turn kb = toolTurn(u"queryKnowledgeBase"_s,
                                   {{u"question"_s, u"facelift and rhinoplasty prices"_s}}, 6);
            askTool(call, kb, turns, at(6));
            turns << line(vm::Turn::Kind::Bot,
                          u"A facelift starts at $8,000 and rhinoplasty at $6,000."_s, 9)
                  << line(vm::Turn::Kind::User,
                          u"OK, that's more than I thought. I'll think about it."_s, 14);
            report.summary = u"Asked about facelift and rhinoplasty prices; did not book."_s;
            report.successEvaluation = u"false"_s;
            durationSeconds = 70; // no structured data: the server estimates sentiment itself
            outcome = u"asked about prices"_s;
        } else if (scenario == 2) {
            turns << line(vm::Turn::Kind::User,
                          u"%1 here. I had fillers last week and now there's swelling and pain. "
                          "Can I talk to a nurse?"_s.arg(name),
                          4)
                  << line(vm::Turn::Kind::Bot,
                          u"I'm sorry to hear that. I'm transferring you to our nurse now."_s, 8);
            const QJsonObject destination{{u"type"_s, u"number"_s},
                                          {u"number"_s, u"+15550100999"_s},
                                          {u"message"_s, u"Transferring you to our nurse now."_s},
                                          {u"description"_s, u"Nurse line"_s}};
            send(u"/api/webhooks/vapi"_s,
                 vm::statusUpdate(call, u"forwarding"_s, at(10), {}, destination));
            report.endedReason = u"assistant-forwarded-call"_s;
            report.destination = destination;
            report.summary = u"Swelling and pain after fillers; transferred to the nurse."_s;
            report.structuredData = {{u"sentiment"_s, u"negative"_s},
                                     {u"sentimentScore"_s, -0.4},
                                     {u"urgency"_s, u"high"_s}};
            durationSeconds = 60;
            ++m_summary.transferred;
            outcome = u"transferred to the nurse"_s;
        } else if (scenario == 4) {
            vm::Turn lookup = toolTurn(u"lookupCaller"_s, {}, 2);
            const QString known = askTool(call, lookup, turns, at(2));
            turns << line(vm::Turn::Kind::User,
                          u"Hi, it's %1 again, just checking my appointment time."_s.arg(name), 5)
                  << line(vm::Turn::Kind::Bot, known, 8)
                  << line(vm::Turn::Kind::User, u"Wonderful, thank you."_s, 12);
            report.summary = u"%1 called again to confirm an appointment."_s.arg(name);
            report.successEvaluation = u"true"_s;
            report.structuredData = {{u"sentiment"_s, u"positive"_s}, {u"urgency"_s, u"low"_s}};
            durationSeconds = 45;
            outcome = u"called again"_s;
        } else {
            turns << line(vm::Turn::Kind::User,
                          u"This is ridiculous, I've been waiting forever. Terrible service."_s, 3);
            report.legacyShape = true; // an older payload: transcript at the top level
            recorded = false;
            durationSeconds = 12;
            outcome = u"hung up angry"_s;
        }

        call.endedAt = call.startedAt.addSecs(durationSeconds);
        if (recorded)
            report.recordingBase = recordIn(m_options.sandboxUrl, call.id, turns);
        send(u"/api/webhooks/vapi"_s,
             vm::statusUpdate(call, u"ended"_s, call.endedAt, report.endedReason));
        send(u"/api/webhooks/vapi"_s, vm::endOfCallReport(call, report));
        ++m_summary.calls;
        m_summary.lines << u"call %1 (%2, %3): %4"_s.arg(i + 1).arg(
            call.customerNumber, call.customerName.isEmpty() ? u"no name"_s : call.customerName,
            outcome);
    }
    return m_summary;
}

QList<Delivery> CallSimulator::playOutbound(const QJsonObject &callJson, const QString &serverUrl,
                                            const QHash<QByteArray, QByteArray> &headers,
                                            const QString &sandboxUrl)
{
    vm::CallInfo call;
    call.id = callJson.value(u"id"_s).toString();
    call.assistantId = callJson.value(u"assistantId"_s).toString();
    call.phoneNumberId = callJson.value(u"phoneNumberId"_s).toString();
    const QJsonObject customer = callJson.value(u"customer"_s).toObject();
    call.customerNumber = customer.value(u"number"_s).toString();
    call.customerName = customer.value(u"name"_s).toString();
    call.outbound = true;
    call.assistantOverrides = callJson.value(u"assistantOverrides"_s).toObject();
    call.createdAt = QDateTime::currentDateTimeUtc();
    call.startedAt = call.createdAt.addSecs(3);
    call.endedAt = call.startedAt.addSecs(90);

    const QString name = call.customerName.isEmpty() ? u"there"_s : call.customerName;
    vm::Report report;
    report.turns << line(vm::Turn::Kind::Bot,
                         u"Hi %1, this is Voxanne from the clinic returning your call."_s.arg(name),
                         1)
                 << line(vm::Turn::Kind::User,
                         u"Oh great, thanks for calling back. How much is Botox?"_s, 5)
                 << line(vm::Turn::Kind::Bot, u"Botox starts at $400. Would you like to book?"_s, 9)
                 << line(vm::Turn::Kind::User, u"Not yet, but thank you, that was helpful."_s, 14);
    report.summary = u"Returned the call; the caller asked about Botox prices."_s;
    report.successEvaluation = u"false"_s;
    report.structuredData = {{u"sentiment"_s, u"positive"_s}, {u"urgency"_s, u"low"_s}};
    report.recordingBase = recordIn(sandboxUrl, call.id, report.turns);

    QList<Delivery> sent;
    auto deliver = [&](const QJsonObject &message) {
        sent.append(post(serverUrl, QString(), headers, message));
    };
    deliver(vm::statusUpdate(call, u"queued"_s, call.createdAt));
    deliver(vm::statusUpdate(call, u"ringing"_s, call.createdAt.addSecs(1)));
    deliver(vm::statusUpdate(call, u"in-progress"_s, call.startedAt));
    deliver(vm::statusUpdate(call, u"ended"_s, call.endedAt, report.endedReason));
    deliver(vm::endOfCallReport(call, report));
    return sent;
}

} // namespace vox::sandbox
