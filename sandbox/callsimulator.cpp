#include "sandbox/callsimulator.h"

#include "core/vapisignature.h"
#include "sandbox/outboundhttp.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QThread>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace vox::sandbox {

namespace vm = vapimessages;

namespace {

const QUuid simulatorNamespace(u"6f1c2a7e-3b54-4c8e-9d1a-5e0b7c9f2d41"_s);

const QStringList firstNames{
    u"Maria"_s, u"James"_s,   u"Aisha"_s,    u"Tom"_s,    u"Lena"_s,    u"Omar"_s,   u"Grace"_s,
    u"Diego"_s, u"Sophie"_s,  u"Daniel"_s,   u"Priya"_s,  u"Chloe"_s,   u"Marcus"_s, u"Hannah"_s,
    u"Leila"_s, u"Ethan"_s,   u"Yuki"_s,     u"Olivia"_s, u"Samuel"_s,  u"Nora"_s,   u"Isabel"_s,
    u"Kevin"_s, u"Fatima"_s,  u"Rachel"_s,   u"Lucas"_s,  u"Amara"_s,   u"Brenda"_s, u"Victor"_s,
    u"Emma"_s,  u"Jasmine"_s, u"Noah"_s,     u"Camila"_s, u"Helen"_s,   u"Andre"_s,  u"Megan"_s,
    u"Tariq"_s, u"Zoe"_s,     u"Patricia"_s, u"Ivan"_s,   u"Lucia"_s,   u"Derek"_s,  u"Mei"_s,
    u"Renee"_s, u"Carlos"_s,  u"Tanya"_s,    u"Julia"_s,  u"Gabriel"_s, u"Ana"_s};
const QStringList lastNames{
    u"Lopez"_s,  u"Carter"_s,  u"Khan"_s,   u"Becker"_s,   u"Fischer"_s, u"Haddad"_s,  u"Kim"_s,
    u"Santos"_s, u"Nguyen"_s,  u"Patel"_s,  u"Okafor"_s,   u"Rossi"_s,   u"Murphy"_s,  u"Schmidt"_s,
    u"Tanaka"_s, u"Alvarez"_s, u"Brooks"_s, u"Cohen"_s,    u"Dubois"_s,  u"Evans"_s,   u"Garcia"_s,
    u"Hughes"_s, u"Ibrahim"_s, u"Jensen"_s, u"Kowalski"_s, u"Larsen"_s,  u"Morales"_s, u"Novak"_s,
    u"Ortiz"_s,  u"Park"_s,    u"Quinn"_s,  u"Reyes"_s,    u"Silva"_s,   u"Turner"_s,  u"Vasquez"_s,
    u"Walsh"_s,  u"Young"_s,   u"Zimmer"_s, u"Bennett"_s,  u"Chen"_s};
// US area codes, so numbers read like a clinic's callers (the 555 exchange is fictional).
const QList<int> areaCodes{212, 305, 312, 415, 503, 617, 646, 704, 718, 773, 917, 972};

// A well-mixed 32-bit number from a run's seed, a call's index and what it is for: the same
// inputs always give the same number, neighbouring inputs very different ones.
quint32 mix(quint32 seed, quint32 index, quint32 salt)
{
    quint64 x = (quint64(seed) << 32 | index) ^ (quint64(salt) * 0x9E3779B97F4A7C15ull);
    x ^= x >> 30;
    x *= 0xBF58476D1CE4E5B9ull;
    x ^= x >> 27;
    x *= 0x94D049BB133111EBull;
    x ^= x >> 31;
    return quint32(x);
}

enum Salt : quint32 { PersonSalt = 1, KindSalt, WordsSalt, DaySalt, TimeSalt, TopicSalt };

// What the caller wants. The first six are the `Cycle` mix, in its order.
enum class Kind { Botox, PriceQuestion, Nurse, Fillers, CallsAgain, Angry, Consultation, Hours };

// The `Varied` mix's shares, out of 100: most callers book or ask, few are upset.
Kind variedKind(quint32 roll)
{
    static const QList<std::pair<int, Kind>> shares{
        {22, Kind::Botox}, {14, Kind::Fillers}, {10, Kind::Consultation}, {17, Kind::PriceQuestion},
        {10, Kind::Hours}, {6, Kind::Nurse},    {15, Kind::CallsAgain},   {6, Kind::Angry}};
    int r = int(roll % 100);
    for (const auto &[share, kind] : shares) {
        if (r < share)
            return kind;
        r -= share;
    }
    return Kind::Botox;
}

// One of `options`, the first in the `Cycle` mix (its transcripts are what tests read).
QString pick(const QStringList &options, bool varied, quint32 roll)
{
    return varied ? options.at(int(roll % quint32(options.size()))) : options.first();
}

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

QString trimmedUrl(QString url)
{
    while (url.endsWith(u'/'))
        url.chop(1);
    return url;
}

// The monitor addresses the sandbox gives a call it plays (its /vapi-live routes).
QString monitorBaseFor(const QString &sandboxUrl, const QString &callId)
{
    return trimmedUrl(sandboxUrl) + u"/vapi-live/"_s + callId;
}

// Tells the sandbox a line was said; false when the call has been ended there.
bool tellSaid(const QString &sandboxUrl, const QString &callId, const vm::Turn &turn)
{
    http::OutboundCall request;
    request.method = "POST";
    request.url = QUrl(trimmedUrl(sandboxUrl) + u"/_sandbox/vapi-live/"_s + callId + u"/said"_s);
    request.contentType = "application/json";
    request.body =
        QJsonDocument(
            QJsonObject{{u"role"_s, turn.kind == vm::Turn::Kind::User ? u"user"_s : u"assistant"_s},
                        {u"text"_s, turn.text},
                        {u"secondsFromStart"_s, turn.secondsFromStart}})
            .toJson(QJsonDocument::Compact);
    request.timeoutMs = 5000;
    auto answer = sendOnce(request);
    return !answer || !answer->ok() || !answer->json().toObject().value(u"ended"_s).toBool();
}

} // namespace

CallSimulator::CallSimulator(Options options)
    : m_options(std::move(options))
{
    while (m_options.serverUrl.endsWith(u'/'))
        m_options.serverUrl.chop(1);
    if (!m_options.firstDay.isValid() && m_options.mix == Options::Mix::Varied) {
        m_options.firstDay = addWeekdays(QDate::currentDate(), 1);
    } else if (!m_options.firstDay.isValid()) {
        QDate d = QDate::currentDate().addDays(8);
        while (d.dayOfWeek() != 1)
            d = d.addDays(1);
        m_options.firstDay = d;
    }
}

CallSimulator::Person CallSimulator::person(quint32 seed, int index)
{
    const quint32 people = quint32(firstNames.size() * lastNames.size());
    // A step coprime with the number of people: the calls of one run are all different people.
    const quint32 p = (mix(seed, 0, PersonSalt) + quint32(index) * 7u) % people;
    const int first = int(p % quint32(firstNames.size()));
    // Shifted by the first name (still one person per p), so consecutive calls do not share a
    // last name.
    const int last = int((p / quint32(firstNames.size()) + 17u * (p % quint32(firstNames.size()))) %
                         quint32(lastNames.size()));
    Person who;
    who.name = firstNames.at(first) + u' ' + lastNames.at(last);
    // Concatenated: "%1555" would read as the place marker %15.
    who.phone = u"+1"_s + QString::number(areaCodes.at(int(p % quint32(areaCodes.size())))) +
                u"555"_s + u"%1"_s.arg(int(p % 10000), 4, 10, QChar(u'0'));
    return who;
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

bool CallSimulator::registerLive(const QString &sandboxUrl, const vm::CallInfo &call,
                                 const QString &serverUrl,
                                 const QHash<QByteArray, QByteArray> &headers)
{
    if (sandboxUrl.isEmpty())
        return false;
    QJsonObject given;
    for (auto it = headers.cbegin(); it != headers.cend(); ++it)
        given.insert(QString::fromLatin1(it.key()), QString::fromUtf8(it.value()));
    const QJsonObject info{{u"id"_s, call.id},
                           {u"assistantId"_s, call.assistantId},
                           {u"phoneNumberId"_s, call.phoneNumberId},
                           {u"clinicNumber"_s, call.clinicNumber},
                           {u"customerNumber"_s, call.customerNumber},
                           {u"customerName"_s, call.customerName},
                           {u"createdAt"_s, call.createdAt.toUTC().toString(Qt::ISODateWithMs)},
                           {u"startedAt"_s, call.startedAt.toUTC().toString(Qt::ISODateWithMs)},
                           {u"monitorBase"_s, call.monitorBase}};
    http::OutboundCall request;
    request.method = "POST";
    request.url = QUrl(trimmedUrl(sandboxUrl) + u"/_sandbox/vapi-live"_s);
    request.contentType = "application/json";
    request.body =
        QJsonDocument(
            QJsonObject{{u"call"_s, info}, {u"serverUrl"_s, serverUrl}, {u"headers"_s, given}})
            .toJson(QJsonDocument::Compact);
    request.timeoutMs = 5000;
    auto answer = sendOnce(request);
    return answer && answer->ok();
}

bool CallSimulator::playLive(const vm::CallInfo &call, const QList<vm::Turn> &turns, int delayMs,
                             const std::function<void(const QJsonObject &)> &send,
                             const std::function<bool(const vm::Turn &)> &spoken)
{
    QList<vm::Turn> said;
    int turnNumber = 0;
    for (const vm::Turn &t : turns) {
        if (t.kind != vm::Turn::Kind::User && t.kind != vm::Turn::Kind::Bot)
            continue;
        if (delayMs > 0 && !said.isEmpty())
            QThread::msleep(ulong(delayMs));
        const QString role = t.kind == vm::Turn::Kind::User ? u"user"_s : u"assistant"_s;
        const QDateTime at = call.startedAt.addMSecs(qint64(t.secondsFromStart * 1000));
        send(vm::speechUpdate(call, role, u"started"_s, at, turnNumber));
        // What the transcriber has after half the words, as Vapi's partials come in.
        const QStringList words = t.text.split(u' ', Qt::SkipEmptyParts);
        if (words.size() > 3)
            send(vm::transcript(call, role, words.mid(0, words.size() / 2).join(u' '),
                                at.addMSecs(600), false));
        send(vm::transcript(call, role, t.text, at.addMSecs(1500), true));
        send(vm::speechUpdate(call, role, u"stopped"_s, at.addMSecs(1600), turnNumber));
        said << t;
        send(vm::conversationUpdate(call, said, at.addMSecs(1700)));
        ++turnNumber;
        if (spoken && !spoken(t))
            return false;
    }
    return true;
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
    const bool varied = m_options.mix == Options::Mix::Varied;
    const quint32 seed = m_options.seed;
    const qint64 spacing = qMax(1, m_options.spacingSeconds);
    // The last call ends about now: a call played live is stamped with the moment it is played.
    const QDateTime lastEnd = QDateTime::currentDateTimeUtc();
    int bookings = 0;
    QString returningNumber = m_options.returningNumber;
    QString returningName = m_options.returningName;

    for (int i = 0; i < m_options.calls; ++i) {
        const quint32 index = quint32(i);
        Kind kind = varied ? variedKind(mix(seed, index, KindSalt)) : Kind(i % 6);
        // Nobody booked yet to call again: a first-time caller asks about the hours instead.
        if (varied && kind == Kind::CallsAgain && returningNumber.isEmpty())
            kind = Kind::Hours;
        const quint32 words = mix(seed, index, WordsSalt);
        const auto say = [&](const QStringList &options) { return pick(options, varied, words); };
        vm::CallInfo call;
        call.id = QUuid::createUuidV5(simulatorNamespace, u"%1/call/%2"_s.arg(seed).arg(i))
                      .toString(QUuid::WithoutBraces);
        call.assistantId = m_options.assistantId;
        call.phoneNumberId = m_options.phoneNumberId;
        call.clinicNumber = m_options.clinicNumber;
        const Person caller = person(seed, i);
        call.customerNumber = caller.phone;
        QString name = caller.name;
        if (kind == Kind::CallsAgain && !returningNumber.isEmpty()) {
            call.customerNumber = returningNumber;
            name = returningName;
        }
        // Callers who withhold their name: the price shopper and the angry one.
        if (kind != Kind::PriceQuestion && kind != Kind::Angry)
            call.customerName = name;

        vm::Report report;
        bool recorded = true;
        QList<vm::Turn> &turns = report.turns;
        int durationSeconds = 60;
        QString outcome;
        switch (kind) {
        case Kind::Botox:
            durationSeconds = 130;
            break;
        case Kind::Fillers:
            durationSeconds = 140;
            break;
        case Kind::Consultation:
            durationSeconds = 120;
            break;
        case Kind::PriceQuestion:
            durationSeconds = 70;
            break;
        case Kind::Hours:
            durationSeconds = 40;
            break;
        case Kind::Nurse:
            durationSeconds = 60;
            break;
        case Kind::CallsAgain:
            durationSeconds = 45;
            break;
        case Kind::Angry:
            durationSeconds = 12;
            break;
        }
        call.endedAt = lastEnd.addSecs(-qint64(m_options.calls - 1 - i) * spacing);
        call.startedAt = call.endedAt.addSecs(-durationSeconds);
        call.createdAt = call.startedAt.addSecs(-4);
        auto at = [&](double seconds) { return call.startedAt.addMSecs(qint64(seconds * 1000)); };

        if (!m_options.sandboxUrl.isEmpty())
            call.monitorBase = monitorBaseFor(m_options.sandboxUrl, call.id);
        // Played in the sandbox too, so its control endpoint can act on the call.
        const bool live =
            !m_options.sandboxUrl.isEmpty() &&
            registerLive(m_options.sandboxUrl, call, m_options.serverUrl + u"/api/webhooks/vapi"_s,
                         headersFor({}, m_options.secret, {}));
        if (!live)
            call.monitorBase.clear();
        send(u"/api/webhooks/vapi"_s, vm::statusUpdate(call, u"ringing"_s, call.createdAt));
        send(u"/api/webhooks/vapi"_s, vm::statusUpdate(call, u"in-progress"_s, call.startedAt));
        turns << line(vm::Turn::Kind::Bot,
                      u"Thank you for calling. This is Voxanne, how can I help you today?"_s, 1);

        if (kind == Kind::Botox || kind == Kind::Fillers || kind == Kind::Consultation) {
            const bool fillers = kind == Kind::Fillers;
            const bool consultation = kind == Kind::Consultation;
            const QString service =
                fillers ? u"Fillers"_s : (consultation ? u"Consultation"_s : u"Botox"_s);
            // The cycle fills four morning-to-afternoon slots a day in turn; the varied mix
            // spreads its bookings over four weeks of half hours, so the calendar does not fill
            // up over a day of calls.
            QDate day = varied
                            ? addWeekdays(m_options.firstDay, int(mix(seed, index, DaySalt) % 20))
                            : addWeekdays(m_options.firstDay, bookings / 4);
            QTime time = varied ? QTime(9, 0).addSecs(int(mix(seed, index, TimeSalt) % 15) * 1800)
                                : QTime(9 + 2 * (bookings % 4), 0);
            ++bookings;
            vm::Turn lookup = toolTurn(u"lookupCaller"_s, {}, 2);
            askTool(call, lookup, turns, at(2));
            const QString dayName = QLocale(QLocale::English).dayName(day.dayOfWeek());
            const QString topic =
                pick({u"facelift"_s, u"rhinoplasty"_s, u"liposuction"_s, u"breast augmentation"_s},
                     varied, mix(seed, index, TopicSalt));
            QString ask;
            if (fillers)
                ask = say({u"Hi, this is %1. I'd like lip filler. My date of birth is 04/12/1988 "
                           "if you need it."_s,
                           u"Hello, %1 speaking. I'm interested in cheek fillers, my date of "
                           "birth is 04/12/1988."_s,
                           u"Hi there, it's %1. A friend had lip filler with you and loved it; "
                           "I was born 04/12/1988, in case you need that."_s})
                          .arg(name);
            else if (consultation)
                ask = say({u"Hi, I'm %1. I'm thinking about a %2 and would like a consultation "
                           "first, maybe on %3."_s,
                           u"Good morning, this is %1. Could I see the doctor about a %2? %3 "
                           "would suit me."_s})
                          .arg(name, topic, dayName);
            else
                ask = say({u"Hi, this is %1. I'd like to book Botox, maybe on %2?"_s,
                           u"Hello, %1 here. Do you have anything for Botox on %2?"_s,
                           u"Hi! My name is %1. My forehead lines are back, could I come in for "
                           "Botox on %2?"_s,
                           u"Hey, it's %1. I'm due for my Botox touch-up. Is %2 possible?"_s})
                          .arg(name, dayName);
            turns << line(vm::Turn::Kind::User, ask, 5);
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
                                  : say({u"Yes, %1 is perfect."_s, u"%1 works, thank you."_s,
                                         u"Great, let's do %1."_s})
                                        .arg(spokenTime(time)),
                          15);
            QString result;
            // A slot taken meanwhile (by an earlier call): the AI offers the next free half
            // hour, or (in the varied mix, after two tries) another day, as on a real call.
            const int attempts = varied ? 4 : 3;
            for (int attempt = 0; attempt < attempts; ++attempt) {
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
                if (varied && (attempt == 1 || time > QTime(16, 30))) {
                    day = addWeekdays(day, 1);
                    time = QTime(9, 0).addSecs(
                        int(mix(seed, index + 1000u * quint32(attempt + 1), TimeSalt) % 15) * 1800);
                }
            }
            const bool booked = result.startsWith(u"Booked"_s);
            if (booked) {
                ++m_summary.booked;
                // The next caller who "calls again" is this one.
                returningNumber = call.customerNumber;
                returningName = name;
                m_summary.bookedNumber = returningNumber;
                m_summary.bookedName = returningName;
            }
            turns << line(vm::Turn::Kind::Bot,
                          booked ? u"You're all set. "_s + result
                                 : u"I'm sorry, I couldn't book that. "_s + result,
                          40)
                  << line(vm::Turn::Kind::User,
                          fillers ? u"Great, thanks!"_s
                                  : say({u"Perfect, thank you so much!"_s,
                                         u"Thanks, see you then."_s, u"Wonderful, bye!"_s}),
                          45);
            if (consultation)
                report.summary = booked ? u"%1 booked a consultation about a %2."_s.arg(name, topic)
                                        : u"%1 wanted a consultation about a %2 but no time was "
                                          "booked."_s.arg(name, topic);
            else
                report.summary = booked
                                     ? u"%1 booked %2."_s.arg(name, service)
                                     : u"%1 wanted %2 but no time was booked."_s.arg(name, service);
            report.successEvaluation = booked ? u"true"_s : u"false"_s;
            report.structuredData = {{u"sentiment"_s, u"positive"_s},
                                     {u"sentimentScore"_s, fillers ? 0.6 : 0.8},
                                     {u"urgency"_s, fillers ? u"medium"_s : u"low"_s}};
            outcome = booked ? u"booked %1"_s.arg(service) : u"could not book"_s;
        } else if (kind == Kind::PriceQuestion) {
            struct Question
            {
                QString ask, query, answer, close, summary;
            };
            const QList<Question> questions{
                {u"How much is a facelift? And do you do nose jobs?"_s,
                 u"facelift and rhinoplasty prices"_s,
                 u"A facelift starts at $8,000 and rhinoplasty at $6,000."_s,
                 u"OK, that's more than I thought. I'll think about it."_s,
                 u"Asked about facelift and rhinoplasty prices; did not book."_s},
                {u"What do you charge for liposuction on the stomach?"_s, u"liposuction price"_s,
                 u"Liposuction starts at $5,000, depending on the area."_s,
                 u"Alright, I'll talk to my husband and call back."_s,
                 u"Asked about liposuction prices; did not book."_s},
                {u"How much are lip fillers, roughly?"_s, u"filler prices"_s,
                 u"Fillers start at $500 per syringe."_s, u"Thanks, I'm comparing a few clinics."_s,
                 u"Asked about filler prices; comparing clinics, did not book."_s},
                {u"Do you do breast augmentation, and what does it cost?"_s,
                 u"breast augmentation price"_s,
                 u"Yes, breast augmentation starts at $7,500, and a consultation is $150."_s,
                 u"Good to know. I'll think about it."_s,
                 u"Asked about breast augmentation prices; did not book."_s}};
            const Question &q = questions.at(varied ? int(words % quint32(questions.size())) : 0);
            turns << line(vm::Turn::Kind::User, q.ask, 4);
            vm::Turn kb = toolTurn(u"queryKnowledgeBase"_s, {{u"question"_s, q.query}}, 6);
            askTool(call, kb, turns, at(6));
            turns << line(vm::Turn::Kind::Bot, q.answer, 9)
                  << line(vm::Turn::Kind::User, q.close, 14);
            report.summary = q.summary;
            report.successEvaluation = u"false"_s;
            // no structured data: the server estimates sentiment itself
            outcome = u"asked about prices"_s;
        } else if (kind == Kind::Hours) {
            turns << line(vm::Turn::Kind::User,
                          say({u"Hi, what time are you open on Saturday? And is there parking?"_s,
                               u"Hello, are you open late on Thursdays?"_s,
                               u"Hi, where exactly are you? I want to stop by this week."_s}),
                          4)
                  << line(vm::Turn::Kind::Bot,
                          u"We're open weekdays from 9 AM to 5 PM and Saturdays from 10 AM to "
                          "2 PM, with free parking behind the building."_s,
                          8)
                  << line(vm::Turn::Kind::User, u"Perfect, thanks a lot."_s, 12);
            report.summary = u"Asked about opening hours and parking."_s;
            report.successEvaluation = u"true"_s;
            report.structuredData = {{u"sentiment"_s, u"positive"_s}, {u"urgency"_s, u"low"_s}};
            outcome = u"asked about opening hours"_s;
        } else if (kind == Kind::Nurse) {
            turns << line(vm::Turn::Kind::User,
                          say({u"%1 here. I had fillers last week and now there's swelling and "
                               "pain. Can I talk to a nurse?"_s,
                               u"This is %1. My lip is still very swollen and bruised three days "
                               "after the filler, is that normal? Can a nurse call me?"_s})
                              .arg(name),
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
            ++m_summary.transferred;
            outcome = u"transferred to the nurse"_s;
        } else if (kind == Kind::CallsAgain) {
            vm::Turn lookup = toolTurn(u"lookupCaller"_s, {}, 2);
            const QString known = askTool(call, lookup, turns, at(2));
            turns << line(vm::Turn::Kind::User,
                          say({u"Hi, it's %1 again, just checking my appointment time."_s,
                               u"Hello, %1 again. What time was my appointment?"_s,
                               u"Hi, this is %1, I booked earlier and forgot to write down the "
                               "time."_s})
                              .arg(name),
                          5)
                  << line(vm::Turn::Kind::Bot, known, 8)
                  << line(vm::Turn::Kind::User, u"Wonderful, thank you."_s, 12);
            report.summary = u"%1 called again to confirm an appointment."_s.arg(name);
            report.successEvaluation = u"true"_s;
            report.structuredData = {{u"sentiment"_s, u"positive"_s}, {u"urgency"_s, u"low"_s}};
            outcome = u"called again"_s;
        } else {
            turns << line(vm::Turn::Kind::User,
                          say({u"This is ridiculous, I've been waiting forever. Terrible "
                               "service."_s,
                               u"This is ridiculous. I've called three times and nobody calls "
                               "back. Forget it."_s}),
                          3);
            report.legacyShape = true; // an older payload: transcript at the top level
            recorded = false;
            outcome = u"hung up angry"_s;
        }

        const bool played = playLive(
            call, turns, m_options.liveLineDelayMs,
            [this](const QJsonObject &message) { send(u"/api/webhooks/vapi"_s, message); },
            [&](const vm::Turn &t) { return !live || tellSaid(m_options.sandboxUrl, call.id, t); });
        if (!played) {
            // The clinic ended or transferred it from the console: the sandbox reported the end.
            ++m_summary.calls;
            m_summary.lines << u"call %1 (%2): taken over from the console"_s.arg(i + 1).arg(
                call.customerNumber);
            continue;
        }
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
