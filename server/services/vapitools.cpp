#include "server/services/vapitools.h"

#include "core/availability.h"
#include "core/datetimerules.h"
#include "core/logging/log.h"
#include "core/phonenumber.h"
#include "server/http/jsonbody.h"
#include "server/servermetrics.h"
#include "server/services/callercontext.h"
#include "server/services/knowledgebase.h"
#include "server/services/vapicallorg.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QLocale>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace vox::server {

namespace av = availability;

namespace {

const QString systemTrouble =
    u"I'm sorry, the clinic's booking system is not responding right now. Please take the "
    "caller's name and number so the clinic can call back."_s;

QString argString(const QJsonObject &args, std::initializer_list<QString> names)
{
    for (const QString &name : names) {
        const QJsonValue v = args.value(name);
        if (v.isString() && !v.toString().trimmed().isEmpty())
            return v.toString().trimmed();
        if (v.isDouble())
            return QString::number(v.toDouble(), 'g', 15);
    }
    return {};
}

// A time as the AI sends it: ISO 8601 with an offset, or without one meaning the clinic's own
// wall-clock time ("2026-03-04T10:00:00" is 10:00 at the clinic). A refusal says why, for the AI
// to pass on ("2026-02-30 is not a date: February 2026 has 28 days").
Result<QDateTime> parseWhen(const QString &text, const QTimeZone &zone)
{
    return datetimerules::parseInstant(text, u"time"_s, zone);
}

// "I couldn't understand the time "…" (why)." from a refusal of the date rules.
QString notUnderstood(const QString &what, const QString &given, const Error &why)
{
    QString reason = why.message;
    if (reason.endsWith(u'.'))
        reason.chop(1);
    return u"I couldn't understand the %1 \"%2\" (%3). Please ask the caller again."_s.arg(
        what, given, reason);
}

Result<QDate> parseDay(const QString &text, const QTimeZone &zone)
{
    const QString t = text.trimmed().toLower();
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(zone).date();
    if (t == u"today")
        return today;
    if (t == u"tomorrow")
        return today.addDays(1);
    static const QRegularExpression datePrefix(u"^\\d{4}-\\d{2}-\\d{2}"_s);
    if (datePrefix.match(t).hasMatch())
        return datetimerules::parseDate(t.left(10));
    if (auto when = parseWhen(text, zone))
        return when->toTimeZone(zone).date();
    return fail(u"use a date like 2026-03-14"_s);
}

// The AI writes a number down the way the caller said it, usually without a country code: it is
// read in the clinic's country, as a number typed at the front desk is.
Result<QString> parsePhone(const QString &given, const QString &callerNumber,
                           const ClinicCalendar &clinic)
{
    if (given.isEmpty()) {
        if (callerNumber.isEmpty())
            return fail(u"I need a phone number for that. Please ask the caller for it."_s);
        return callerNumber;
    }
    if (auto normalized = phone::normalize(given, clinic.phoneCountry))
        return normalized;
    return fail(u"I couldn't understand the phone number \"%1\". Please ask the caller to repeat "
                "it with the area code."_s.arg(given));
}

QString listTimes(const QList<av::Range> &found, const QTimeZone &zone, int max)
{
    QStringList times;
    for (qsizetype i = 0; i < found.size() && i < max; ++i)
        times << av::speakableTime(found.at(i).start, zone);
    if (times.size() <= 1)
        return times.join(QString());
    const QString last = times.takeLast();
    return times.join(u", "_s) + u" and "_s + last;
}

QString alternativesSentence(const QList<av::Range> &alternatives, const QTimeZone &zone)
{
    if (alternatives.isEmpty())
        return u"I don't see another free time soon; offer to take a message."_s;
    QStringList spoken;
    for (const av::Range &r : alternatives)
        spoken << av::speakable(r.start, zone);
    return u"The nearest free times are: %1. Would one of those work?"_s.arg(spoken.join(u"; "_s));
}

// Whether an error is a sentence for the caller (a refusal of the booking rules, or a plain
// message from the argument checks here) rather than a system problem: the database's or a
// provider's.
bool forTheCaller(const Error &error)
{
    return error.sqlstate.isEmpty() && error.code.isEmpty() &&
           (error.kind == ErrorKind::Unspecified || isRequestProblem(error.kind));
}

QString confirmation(const QJsonObject &appointment)
{
    return appointment.value(u"id"_s).toString().left(8).toUpper();
}

} // namespace

namespace {

void recordToolCall(const QString &name, qint64 nanoseconds)
{
    // Names come from the caller's side: only ours become labels.
    static const QStringList known{u"checkAvailability"_s,     u"bookClinicAppointment"_s,
                                   u"rescheduleAppointment"_s, u"cancelAppointment"_s,
                                   u"lookupCaller"_s,          u"queryKnowledgeBase"_s};
    servermetrics::toolCallDuration()
        .labels({known.contains(name) ? name : u"other"_s})
        .observe(double(nanoseconds) / 1e9);
}

} // namespace

QJsonObject VapiToolService::answer(const vapi::Message &message)
{
    const QList<vapi::ToolCall> calls = message.toolCalls();
    CallContext context;
    context.vapiCallId = message.callId();
    context.callerName = message.customerName();
    context.sentAt = message.timestamp();
    // Vapi gives the caller's number in E.164.
    if (auto caller = phone::normalize(message.customerNumber(), QString()))
        context.callerNumber = *caller;

    auto resolved =
        m_app.db.transaction<ClinicCalendar>(db::Access::service(), [&](db::Transaction &tx) {
            return calendarOfVapiCall(tx, message.assistantId(), message.phoneNumberId());
        });
    QString fallback;
    if (resolved) {
        context.orgId = resolved->orgId;
        context.calendar = *resolved;
    } else if (resolved.error().kind == ErrorKind::NotFound) {
        log::warn("vapi.tools", u"Tool call for an assistant no clinic here owns."_s,
                  {{u"assistant_id"_s, message.assistantId()},
                   {u"phone_number_id"_s, message.phoneNumberId()},
                   {u"tool_calls"_s, int(calls.size())}});
        fallback = u"I'm sorry, I can't reach this clinic's booking system right now. Please "
                   "take the caller's name and number so the clinic can call back."_s;
    } else {
        log::error("vapi.tools", u"Could not resolve the clinic of a tool call."_s,
                   {{u"error"_s, resolved.errorMessage()}});
        fallback = systemTrouble;
    }

    QJsonArray results;
    for (const vapi::ToolCall &call : calls) {
        QElapsedTimer timer;
        timer.start();
        context.errorKind.clear();
        const QString result = fallback.isEmpty() ? run(context, call) : fallback;
        recordToolCall(call.name, timer.nsecsElapsed());
        if (!context.errorKind.isEmpty())
            recordError(context, call.name);
        results.append(
            QJsonObject{{u"toolCallId"_s, call.id}, {u"name"_s, call.name}, {u"result"_s, result}});
        log::info("vapi.tools", u"Tool call answered."_s,
                  {{u"tool"_s, call.name},
                   {u"org_id"_s, context.orgId},
                   {u"latency_ms"_s, double(timer.nsecsElapsed()) / 1e6}});
    }
    return {{u"results"_s, results}};
}

QString VapiToolService::run(const CallContext &context, const vapi::ToolCall &call)
{
    if (!call.argumentsError.isEmpty()) {
        context.errorKind = u"bad_arguments"_s;
        return u"I couldn't read the details for %1 (%2). Please ask the caller again."_s.arg(
            call.name, call.argumentsError);
    }
    if (call.name == u"checkAvailability")
        return checkAvailability(context, call.arguments);
    if (call.name == u"bookClinicAppointment")
        return book(context, call);
    if (call.name == u"rescheduleAppointment")
        return reschedule(context, call.arguments);
    if (call.name == u"cancelAppointment")
        return cancel(context, call.arguments);
    if (call.name == u"lookupCaller")
        return lookupCaller(context, call.arguments);
    if (call.name == u"queryKnowledgeBase")
        return queryKnowledgeBase(context, call.arguments);
    log::warn("vapi.tools", u"Unknown tool called."_s, {{u"tool"_s, call.name}});
    context.errorKind = u"unknown_tool"_s;
    return u"I can't do \"%1\" here. Offer to take a message for the clinic."_s.arg(call.name);
}

void VapiToolService::recordError(const CallContext &context, const QString &tool)
{
    if (context.orgId.isEmpty())
        return;
    // Its own statement after the answer is made: a failure to count it never changes what the
    // caller hears.
    // A live call's tool calls are answered while Vapi waits (five minutes at most), so they are
    // counted when they arrive. A message sent long before it arrived replays a call of the past
    // (the demo's history of the past week): it counts on the day it was sent, if that is within
    // the month (a stray timestamp never hides an error in a year no report shows).
    const QString sentAt =
        context.sentAt.isValid() ? context.sentAt.toString(Qt::ISODateWithMs) : QString();
    auto written =
        m_app.db.transaction<bool>(db::Access::service(), [&](db::Transaction &tx) -> Result<bool> {
            auto done = tx.exec(
                "INSERT INTO tool_errors (org_id, vapi_call_id, tool, kind, occurred_at) "
                "VALUES ($1::uuid, nullif($2, ''), left($3, 100), $4, CASE WHEN "
                "$5::timestamptz < now() - interval '10 minutes' AND $5::timestamptz >= now() - "
                "interval '31 days' THEN $5::timestamptz ELSE now() END)",
                {context.orgId, context.vapiCallId, tool, context.errorKind, sentAt});
            if (!done)
                return done.error();
            return true;
        });
    if (!written)
        log::error("vapi.tools", u"Could not record a tool error."_s,
                   {{u"org_id"_s, context.orgId}, {u"error"_s, written.errorMessage()}});
}

QString VapiToolService::checkAvailability(const CallContext &context, const QJsonObject &args)
{
    const QTimeZone &zone = context.calendar.zone;
    const QString dateText = argString(args, {u"date"_s, u"day"_s, u"datetime"_s});
    if (dateText.isEmpty())
        return u"Which day would the caller like? Ask for a date."_s;
    const auto day = parseDay(dateText, zone);
    if (!day)
        return notUnderstood(u"date"_s, dateText, day.error());
    const QDate today = QDateTime::currentDateTimeUtc().toTimeZone(zone).date();
    const QLocale english(QLocale::English, QLocale::UnitedStates);
    if (*day < today)
        return u"%1 has already passed. Today is %2; which day from today on would suit?"_s.arg(
            english.toString(*day, u"MMMM d, yyyy"_s), english.toString(today, u"dddd, MMMM d"_s));
    auto found = m_booking.availability(db::Access::service(), context.orgId, *day,
                                        argString(args, {u"service"_s, u"serviceName"_s}),
                                        &context.calendar);
    if (!found) {
        if (found.error().kind == ErrorKind::NotFound)
            context.errorKind = u"unknown_service"_s;
        if (forTheCaller(found.error()))
            return found.errorMessage();
        log::error("vapi.tools", u"checkAvailability failed."_s,
                   {{u"org_id"_s, context.orgId}, {u"error"_s, found.errorMessage()}});
        context.errorKind = u"system_error"_s;
        return systemTrouble;
    }
    const QString dayText = english.toString(*day, u"dddd, MMMM d"_s);
    const QString service =
        u"%1 (%2 minutes)"_s.arg(found->service.name).arg(found->service.durationMinutes);
    if (!found->openSlots.isEmpty())
        return u"On %1 we have these times for %2: %3."_s.arg(dayText, service,
                                                              listTimes(found->openSlots, zone, 8));
    QString next;
    if (found->nextOpening)
        next = u" The next opening is %1."_s.arg(av::speakable(found->nextOpening->start, zone));
    if (found->closed)
        return u"We're closed on %1s.%2"_s.arg(av::weekdayName(day->dayOfWeek()), next);
    return u"%1 is fully booked for %2.%3"_s.arg(dayText, service, next);
}

QString VapiToolService::book(const CallContext &context, const vapi::ToolCall &call)
{
    const QJsonObject &args = call.arguments;
    const QTimeZone &zone = context.calendar.zone;
    NewAppointment request;
    request.orgId = context.orgId;
    request.source = u"ai"_s;
    request.toolCallId = call.id;
    request.vapiCallId = context.vapiCallId;
    request.calendar = context.calendar;
    request.name = argString(args, {u"name"_s, u"customerName"_s, u"patientName"_s});
    if (request.name.isEmpty())
        request.name = context.callerName;
    if (request.name.isEmpty())
        return u"I need the caller's name to book. Please ask for it and try again."_s;
    auto phone = parsePhone(argString(args, {u"phone"_s, u"phoneNumber"_s}), context.callerNumber,
                            context.calendar);
    if (!phone)
        return phone.errorMessage();
    request.phone = *phone;
    request.serviceName = argString(args, {u"service"_s, u"serviceName"_s});
    if (request.serviceName.isEmpty())
        return u"Which service would the caller like to book?"_s;
    const QString when = argString(args, {u"datetime"_s, u"dateTime"_s, u"time"_s, u"start"_s});
    if (when.isEmpty())
        return u"What day and time would the caller like? Check availability first."_s;
    const auto start = parseWhen(when, zone);
    if (!start)
        return notUnderstood(u"time"_s, when, start.error());
    request.start = *start;
    request.notes = argString(args, {u"notes"_s, u"note"_s});

    auto outcome = m_booking.book(db::Access::service(), request);
    if (!outcome) {
        if (forTheCaller(outcome.error())) {
            context.errorKind = outcome.error().kind == ErrorKind::NotFound ? u"unknown_service"_s
                                                                            : u"booking_refused"_s;
            return outcome.errorMessage();
        }
        log::error("vapi.tools", u"bookClinicAppointment failed."_s,
                   {{u"org_id"_s, context.orgId}, {u"error"_s, outcome.errorMessage()}});
        context.errorKind = u"system_error"_s;
        return systemTrouble;
    }
    if (!outcome->booked) {
        context.errorKind = u"slot_taken"_s;
        return u"Sorry, that time was just taken. %1"_s.arg(
            alternativesSentence(outcome->alternatives, zone));
    }
    const QJsonObject &a = outcome->appointment;
    const QDateTime at = vapi::parseTime(a.value(u"scheduled_time"_s));
    return u"Booked: %1 for %2 on %3. Confirmation code %4."_s.arg(
        a.value(u"service_name"_s).toString(), a.value(u"contact_name"_s).toString(request.name),
        av::speakable(at, zone), confirmation(a));
}

Result<QString> VapiToolService::identifyAppointment(const CallContext &context,
                                                     const QJsonObject &args,
                                                     const QString &timeKey)
{
    const QString given =
        argString(args, {u"appointmentId"_s, u"appointment_id"_s, u"confirmationCode"_s, u"id"_s});
    const QString phoneText = argString(args, {u"phone"_s, u"phoneNumber"_s});
    const QString timeText = argString(args, {timeKey, u"currentDatetime"_s, u"datetime"_s});
    return m_app.db.transaction<QString>(
        db::Access::service(), [&](db::Transaction &tx) -> Result<QString> {
            if (!given.isEmpty()) {
                static const QRegularExpression prefix(u"^[0-9a-fA-F-]{8,36}$"_s);
                if (!prefix.match(given).hasMatch())
                    return fail(u"\"%1\" is not a confirmation code I know; ask for the phone "
                                "number and the appointment time instead."_s.arg(given));
                auto row = tx.exec("SELECT id FROM appointments WHERE org_id = $1::uuid "
                                   "AND id::text LIKE lower($2) || '%' "
                                   "AND status IN ('held', 'confirmed') LIMIT 2",
                                   {context.orgId, given});
                if (!row)
                    return row.error();
                if (row->rowCount() == 1)
                    return row->text(0, 0);
                return fail(u"I couldn't find an upcoming appointment with code %1."_s.arg(given));
            }
            auto phone = parsePhone(phoneText, context.callerNumber, context.calendar);
            if (!phone)
                return phone.error();
            QDateTime when;
            if (!timeText.isEmpty()) {
                const auto parsed = parseWhen(timeText, context.calendar.zone);
                if (!parsed)
                    return fail(notUnderstood(u"time"_s, timeText, parsed.error()));
                when = *parsed;
            }
            auto rows =
                tx.exec("SELECT a.id, a.starts_at FROM appointments a JOIN contacts c ON c.id = "
                        "a.contact_id WHERE a.org_id = $1::uuid AND c.phone = $2 "
                        "AND a.status IN ('held', 'confirmed') AND a.starts_at >= now() "
                        "AND ($3::timestamptz IS NULL OR a.starts_at = $3::timestamptz) "
                        "ORDER BY a.starts_at LIMIT 5",
                        {context.orgId, *phone, when});
            if (!rows)
                return rows.error();
            if (rows->rowCount() == 1)
                return rows->text(0, 0);
            if (rows->isEmpty())
                return fail(u"I couldn't find an upcoming appointment for that number%1."_s.arg(
                    when.isValid() ? u" at "_s + av::speakable(when, context.calendar.zone)
                                   : QString()));
            QStringList times;
            for (int r = 0; r < rows->rowCount(); ++r)
                times << av::speakable(rows->toDateTime(r, 1), context.calendar.zone);
            return fail(u"This number has several appointments (%1); ask which one."_s.arg(
                times.join(u"; "_s)));
        });
}

QString VapiToolService::reschedule(const CallContext &context, const QJsonObject &args)
{
    const QTimeZone &zone = context.calendar.zone;
    const QString newText =
        argString(args, {u"newDatetime"_s, u"new_datetime"_s, u"newDateTime"_s, u"newTime"_s});
    if (newText.isEmpty())
        return u"What new day and time would the caller like?"_s;
    const auto newStart = parseWhen(newText, zone);
    if (!newStart)
        return notUnderstood(u"new time"_s, newText, newStart.error());
    auto id = identifyAppointment(context, args, u"currentDatetime"_s);
    if (!id) {
        if (forTheCaller(id.error())) {
            context.errorKind = u"appointment_not_found"_s;
            return id.errorMessage();
        }
        context.errorKind = u"system_error"_s;
        return systemTrouble;
    }
    AppointmentChanges changes;
    changes.start = *newStart;
    auto outcome = m_booking.update(db::Access::service(), context.orgId, *id, changes);
    if (!outcome) {
        if (forTheCaller(outcome.error())) {
            context.errorKind = u"booking_refused"_s;
            return outcome.errorMessage();
        }
        log::error("vapi.tools", u"rescheduleAppointment failed."_s,
                   {{u"org_id"_s, context.orgId}, {u"error"_s, outcome.errorMessage()}});
        context.errorKind = u"system_error"_s;
        return systemTrouble;
    }
    if (!outcome->booked) {
        context.errorKind = u"slot_taken"_s;
        return u"Sorry, that new time is taken. %1"_s.arg(
            alternativesSentence(outcome->alternatives, zone));
    }
    const QJsonObject &a = outcome->appointment;
    return u"Rescheduled: %1 is now on %2. Confirmation code %3."_s.arg(
        a.value(u"service_name"_s).toString(),
        av::speakable(vapi::parseTime(a.value(u"scheduled_time"_s)), zone), confirmation(a));
}

QString VapiToolService::cancel(const CallContext &context, const QJsonObject &args)
{
    auto id = identifyAppointment(context, args, u"datetime"_s);
    if (!id) {
        if (forTheCaller(id.error())) {
            context.errorKind = u"appointment_not_found"_s;
            return id.errorMessage();
        }
        context.errorKind = u"system_error"_s;
        return systemTrouble;
    }
    auto cancelled =
        m_booking.cancel(db::Access::service(), context.orgId, *id, argString(args, {u"reason"_s}));
    if (!cancelled) {
        if (forTheCaller(cancelled.error())) {
            context.errorKind = u"booking_refused"_s;
            return cancelled.errorMessage();
        }
        log::error("vapi.tools", u"cancelAppointment failed."_s,
                   {{u"org_id"_s, context.orgId}, {u"error"_s, cancelled.errorMessage()}});
        context.errorKind = u"system_error"_s;
        return systemTrouble;
    }
    return u"Cancelled: %1 on %2. The time is free again."_s.arg(
        cancelled->value(u"service_name"_s).toString(),
        av::speakable(vapi::parseTime(cancelled->value(u"scheduled_time"_s)),
                      context.calendar.zone));
}

QString VapiToolService::lookupCaller(const CallContext &context, const QJsonObject &args)
{
    auto phone = parsePhone(argString(args, {u"phone"_s, u"phoneNumber"_s}), context.callerNumber,
                            context.calendar);
    if (!phone)
        return phone.errorMessage();
    auto found =
        m_app.db.transaction<CallerContext>(db::Access::service(), [&](db::Transaction &tx) {
            return loadCallerContext(tx, context.orgId, *phone, context.calendar.zone);
        });
    if (!found) {
        log::error("vapi.tools", u"lookupCaller failed."_s,
                   {{u"org_id"_s, context.orgId}, {u"error"_s, found.errorMessage()}});
        context.errorKind = u"system_error"_s;
        return systemTrouble;
    }
    return found->sentence();
}

QString VapiToolService::queryKnowledgeBase(const CallContext &context, const QJsonObject &args)
{
    const QString question = argString(args, {u"question"_s, u"query"_s, u"q"_s});
    if (question.isEmpty())
        return u"What would the caller like to know?"_s;
    // The knowledge module's search, the same the console's "try a question" box uses.
    auto passages = m_app.db.transaction<QStringList>(
        db::Access::service(), [&](db::Transaction &tx) -> Result<QStringList> {
            auto found = searchKnowledge(tx, context.orgId, question.left(500), 3);
            if (!found)
                return found.error();
            QStringList out;
            for (const QJsonValue &p : std::as_const(*found))
                out << p.toObject().value(u"content"_s).toString().simplified().left(600);
            return out;
        });
    if (!passages) {
        log::error("vapi.tools", u"queryKnowledgeBase failed."_s,
                   {{u"org_id"_s, context.orgId}, {u"error"_s, passages.errorMessage()}});
        context.errorKind = u"system_error"_s;
        return systemTrouble;
    }
    if (passages->isEmpty())
        return u"The clinic's documents don't cover that. Offer to take a message so staff can "
               "answer."_s;
    return u"From the clinic's documents: "_s + passages->join(u" … "_s);
}

} // namespace vox::server
